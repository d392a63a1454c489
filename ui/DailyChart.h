#pragma once

#include "storage/ConsoleQueries.h"

#include <QColor>
#include <QList>
#include <QRectF>
#include <QString>
#include <QWidget>

namespace deskbell {

// Messages per day, stacked by what became of them: a bar per desk day, drawn with QPainter (no
// QtCharts), coloured from the palette so it reads in light and dark themes. A legend names the
// colours, each bar's tooltip lists its counts, and the accessible description says the same in a
// sentence. Left/Right move between bars when it has focus.
class DailyChart : public QWidget
{
    Q_OBJECT

public:
    // What a bar's segments stand for, bottom to top. Several message states share one segment.
    enum class Series
    {
        Sent,      // accepted
        Waiting,   // queued, sending, retry wait
        MaybeSent, // unknown
        Failed,
        Canceled,
        Skipped,
    };

    explicit DailyChart(QWidget *parent = nullptr);

    void setDays(const QList<ConsoleQueries::DayStats> &days);
    const QList<ConsoleQueries::DayStats> &days() const { return m_days; }

    static QList<Series> allSeries();
    static Series seriesOf(MessageState state);
    static QString seriesName(Series series);
    QColor seriesColor(Series series) const;

    // Messages of day dayIndex in the series.
    int count(int dayIndex, Series series) const;
    int total(int dayIndex) const;
    // The bar under pos (widget coordinates), or -1.
    int barAt(const QPoint &pos) const;
    QRectF barRect(int dayIndex) const;
    QString toolTipFor(int dayIndex) const;
    // One or two sentences for screen readers: totals per series and the busiest day.
    QString summary() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct Layout
    {
        QRectF plot;
        QList<QRectF> legendSwatches;
        QList<QPointF> legendText; // baseline start of each name
        int yMax = 1;
        int yStep = 1;
    };
    Layout chartLayout() const;
    void setCurrent(int index);

    QList<ConsoleQueries::DayStats> m_days;
    int m_current = -1; // bar chosen with the keyboard or under the mouse
};

} // namespace deskbell
