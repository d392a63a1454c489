#include "DailyChart.h"

#include "ThemeColors.h"

#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace deskbell {

using namespace Qt::StringLiterals;

DailyChart::DailyChart(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Messages per day"));
    setAccessibleDescription(summary());
}

QList<DailyChart::Series> DailyChart::allSeries()
{
    return {Series::Sent,   Series::Waiting,  Series::MaybeSent,
            Series::Failed, Series::Canceled, Series::Skipped};
}

DailyChart::Series DailyChart::seriesOf(MessageState state)
{
    switch (state) {
    case MessageState::Accepted:
        return Series::Sent;
    case MessageState::Queued:
    case MessageState::Sending:
    case MessageState::RetryWait:
        return Series::Waiting;
    case MessageState::Unknown:
        return Series::MaybeSent;
    case MessageState::Failed:
        return Series::Failed;
    case MessageState::Canceled:
        return Series::Canceled;
    case MessageState::Skipped:
        return Series::Skipped;
    }
    return Series::Waiting;
}

QString DailyChart::seriesName(Series series)
{
    switch (series) {
    case Series::Sent:
        return tr("Sent");
    case Series::Waiting:
        return tr("Waiting");
    case Series::MaybeSent:
        return tr("Maybe sent");
    case Series::Failed:
        return tr("Failed");
    case Series::Canceled:
        return tr("Canceled");
    case Series::Skipped:
        return tr("Skipped");
    }
    return {};
}

QColor DailyChart::seriesColor(Series series) const
{
    const bool dark = ThemeColors::isDark(palette());
    // Hues that stay apart for the common colour-vision deficiencies too: green/blue/amber/red differ
    // in lightness as well as hue, and the legend names each one.
    const auto hue = [dark](int h, int saturation) {
        return dark ? QColor::fromHsl(h, saturation, 150) : QColor::fromHsl(h, saturation, 95);
    };
    switch (series) {
    case Series::Sent:
        return hue(140, 150);
    case Series::Waiting:
        return hue(210, 170);
    case Series::MaybeSent:
        return dark ? QColor::fromHsl(38, 200, 140) : QColor::fromHsl(38, 200, 110);
    case Series::Failed:
        return hue(0, 190);
    case Series::Canceled:
        return dark ? QColor::fromHsl(0, 0, 125) : QColor::fromHsl(0, 0, 150);
    case Series::Skipped:
        return hue(280, 90);
    }
    return palette().color(QPalette::Mid);
}

void DailyChart::setDays(const QList<ConsoleQueries::DayStats> &days)
{
    m_days = days;
    if (m_current >= m_days.size()) {
        m_current = -1;
    }
    setAccessibleDescription(summary());
    updateGeometry();
    update();
}

int DailyChart::count(int dayIndex, Series series) const
{
    if (dayIndex < 0 || dayIndex >= m_days.size()) {
        return 0;
    }
    int n = 0;
    const auto &byState = m_days.at(dayIndex).byState;
    for (auto it = byState.cbegin(); it != byState.cend(); ++it) {
        if (seriesOf(it.key()) == series) {
            n += it.value();
        }
    }
    return n;
}

int DailyChart::total(int dayIndex) const
{
    int n = 0;
    for (Series s : allSeries()) {
        n += count(dayIndex, s);
    }
    return n;
}

DailyChart::Layout DailyChart::chartLayout() const
{
    Layout g;
    const QFontMetricsF fm(font());
    const qreal gap = fm.averageCharWidth();

    int maxTotal = 0;
    for (int i = 0; i < m_days.size(); ++i) {
        maxTotal = std::max(maxTotal, total(i));
    }
    if (maxTotal <= 0) {
        g.yMax = 4;
        g.yStep = 1;
    } else {
        // A "nice" step (1, 2 or 5 times a power of ten) giving about four grid lines.
        const double raw = std::max(1.0, maxTotal / 4.0);
        const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
        double step = magnitude;
        for (double factor : {1.0, 2.0, 5.0, 10.0}) {
            step = factor * magnitude;
            if (step >= raw) {
                break;
            }
        }
        g.yStep = std::max(1, int(step));
        g.yMax = int(std::ceil(double(maxTotal) / g.yStep)) * g.yStep;
    }

    // Legend: swatch and name per series, wrapping onto more rows when narrow.
    const qreal swatch = fm.height() * 0.8;
    qreal x = gap;
    qreal y = gap / 2;
    const qreal rowHeight = fm.height() * 1.3;
    for (Series s : allSeries()) {
        const qreal itemWidth = swatch + gap / 2 + fm.horizontalAdvance(seriesName(s)) + 2 * gap;
        if (x > gap && x + itemWidth > width()) {
            x = gap;
            y += rowHeight;
        }
        g.legendSwatches.append(QRectF(x, y + (fm.height() - swatch) / 2, swatch, swatch));
        g.legendText.append(QPointF(x + swatch + gap / 2, y + fm.ascent()));
        x += itemWidth;
    }
    const qreal legendBottom = y + rowHeight;

    const qreal left = fm.horizontalAdvance(QLocale().toString(g.yMax)) + 2 * gap;
    const qreal bottom = fm.height() + gap;
    g.plot = QRectF(left, legendBottom + fm.height() / 2, std::max(1.0, width() - left - gap),
                    std::max(1.0, height() - legendBottom - fm.height() / 2 - bottom));
    return g;
}

QRectF DailyChart::barRect(int dayIndex) const
{
    if (dayIndex < 0 || dayIndex >= m_days.size()) {
        return {};
    }
    const Layout g = chartLayout();
    const qreal slot = g.plot.width() / m_days.size();
    const qreal barWidth = std::max(1.0, slot * 0.7);
    const qreal h = g.plot.height() * total(dayIndex) / g.yMax;
    return QRectF(g.plot.left() + dayIndex * slot + (slot - barWidth) / 2, g.plot.bottom() - h, barWidth, h);
}

int DailyChart::barAt(const QPoint &pos) const
{
    if (m_days.isEmpty()) {
        return -1;
    }
    const Layout g = chartLayout();
    if (pos.x() < g.plot.left() || pos.x() >= g.plot.right() || pos.y() < g.plot.top() - 1 ||
        pos.y() > g.plot.bottom() + 1) {
        return -1;
    }
    const qreal slot = g.plot.width() / m_days.size();
    const int index = int((pos.x() - g.plot.left()) / slot);
    return index >= 0 && index < m_days.size() ? index : -1;
}

QString DailyChart::toolTipFor(int dayIndex) const
{
    if (dayIndex < 0 || dayIndex >= m_days.size()) {
        return {};
    }
    const QLocale locale;
    QStringList lines;
    lines.append(tr("%1, messages: %2")
                     .arg(locale.toString(m_days.at(dayIndex).day, QLocale::LongFormat),
                          locale.toString(total(dayIndex))));
    for (Series s : allSeries()) {
        const int n = count(dayIndex, s);
        if (n > 0) {
            lines.append(tr("%1: %2").arg(seriesName(s), locale.toString(n)));
        }
    }
    return lines.join(u'\n');
}

QString DailyChart::summary() const
{
    if (m_days.isEmpty()) {
        return tr("No data yet.");
    }
    const QLocale locale;
    int all = 0;
    int busiest = 0;
    for (int i = 0; i < m_days.size(); ++i) {
        all += total(i);
        if (total(i) > total(busiest)) {
            busiest = i;
        }
    }
    if (all == 0) {
        return tr("No messages in the last %1 days.").arg(m_days.size());
    }
    QStringList parts;
    for (Series s : allSeries()) {
        int n = 0;
        for (int i = 0; i < m_days.size(); ++i) {
            n += count(i, s);
        }
        if (n > 0) {
            parts.append(tr("%1 %2").arg(locale.toString(n), seriesName(s).toLower()));
        }
    }
    return tr("Messages in the last %1 days: %2 (%3). Busiest day: %4, with %5.")
        .arg(locale.toString(m_days.size()), locale.toString(all), parts.join(tr(", ")),
             locale.toString(m_days.at(busiest).day, QLocale::LongFormat), locale.toString(total(busiest)));
}

QSize DailyChart::sizeHint() const
{
    const QFontMetrics fm(font());
    return QSize(fm.averageCharWidth() * 90, fm.height() * 16);
}

QSize DailyChart::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return QSize(fm.averageCharWidth() * 40, fm.height() * 9);
}

void DailyChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const Layout g = chartLayout();
    const QFontMetricsF fm(font());
    const QLocale locale;
    const QColor text = palette().color(QPalette::WindowText);
    QColor grid = palette().color(QPalette::Mid);
    grid.setAlpha(110);

    // Legend.
    const QList<Series> series = allSeries();
    for (int i = 0; i < series.size(); ++i) {
        p.fillRect(g.legendSwatches.at(i), seriesColor(series.at(i)));
        p.setPen(text);
        p.drawText(g.legendText.at(i), seriesName(series.at(i)));
    }

    // Horizontal grid with counts.
    for (int v = 0; v <= g.yMax; v += g.yStep) {
        const qreal y = g.plot.bottom() - g.plot.height() * v / g.yMax;
        p.setPen(v == 0 ? text : grid);
        p.drawLine(QPointF(g.plot.left(), y), QPointF(g.plot.right(), y));
        p.setPen(text);
        const QString label = locale.toString(v);
        p.drawText(QPointF(g.plot.left() - fm.averageCharWidth() - fm.horizontalAdvance(label),
                           y + fm.ascent() / 2 - 1),
                   label);
    }

    if (m_days.isEmpty()) {
        p.setPen(text);
        p.drawText(g.plot, Qt::AlignCenter, tr("No data yet."));
        return;
    }

    // Bars, stacked bottom to top in series order.
    const qreal slot = g.plot.width() / m_days.size();
    const qreal barWidth = std::max(1.0, slot * 0.7);
    for (int i = 0; i < m_days.size(); ++i) {
        const qreal x = g.plot.left() + i * slot + (slot - barWidth) / 2;
        qreal y = g.plot.bottom();
        for (Series s : series) {
            const int n = count(i, s);
            if (n == 0) {
                continue;
            }
            const qreal h = g.plot.height() * n / g.yMax;
            p.fillRect(QRectF(x, y - h, barWidth, h), seriesColor(s));
            y -= h;
        }
        if (i == m_current) {
            p.setPen(QPen(palette().color(QPalette::Highlight), 2));
            p.drawRect(
                QRectF(x - 1, std::min(y, g.plot.bottom() - 2) - 1, barWidth + 2, g.plot.bottom() - y + 2));
        }
    }

    // Day labels under the bars, as many as fit without overlapping.
    const QString format = tr("d MMM", "date format: 5 Nov");
    const qreal labelWidth =
        fm.horizontalAdvance(locale.toString(QDate(2026, 12, 30), format)) + 2 * fm.averageCharWidth();
    const int step = std::max(1, int(std::ceil(labelWidth / slot)));
    p.setPen(text);
    for (int i = m_days.size() - 1; i >= 0; i -= step) { // from today backwards: today always shows
        const QString label = locale.toString(m_days.at(i).day, format);
        const qreal w = fm.horizontalAdvance(label);
        qreal x = g.plot.left() + i * slot + slot / 2 - w / 2;
        x = std::clamp(x, 0.0, std::max(0.0, width() - w));
        p.drawText(QPointF(x, g.plot.bottom() + fm.ascent() + fm.averageCharWidth() / 2), label);
    }

    if (hasFocus() && m_current < 0) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        p.drawRect(g.plot.adjusted(0, 0, -1, -1));
    }
}

bool DailyChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = barAt(help->pos());
        if (index >= 0) {
            QToolTip::showText(help->globalPos(), toolTipFor(index), this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void DailyChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}

void DailyChart::setCurrent(int index)
{
    if (m_days.isEmpty()) {
        return;
    }
    m_current = std::clamp(index, 0, int(m_days.size()) - 1);
    update();
    const QRectF bar = barRect(m_current);
    const QPoint at = mapToGlobal(QPoint(int(bar.center().x()), int(chartLayout().plot.center().y())));
    QToolTip::showText(at, toolTipFor(m_current), this);
}

void DailyChart::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        setCurrent(m_current < 0 ? int(m_days.size()) - 1 : m_current - 1);
        return;
    case Qt::Key_Right:
        setCurrent(m_current < 0 ? int(m_days.size()) - 1 : m_current + 1);
        return;
    case Qt::Key_Home:
        setCurrent(0);
        return;
    case Qt::Key_End:
        setCurrent(int(m_days.size()) - 1);
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void DailyChart::mouseMoveEvent(QMouseEvent *event)
{
    const int index = barAt(event->position().toPoint());
    if (index != m_current) {
        m_current = index;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void DailyChart::leaveEvent(QEvent *event)
{
    if (!hasFocus()) {
        m_current = -1;
        update();
    }
    QWidget::leaveEvent(event);
}

} // namespace deskbell
