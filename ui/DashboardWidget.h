#pragma once

#include "storage/ConsoleQueries.h"

#include <QTimeZone>
#include <QWidget>

class QLabel;
class QTimer;
class QTreeWidget;

namespace deskbell {

class Clock;
class ConsoleReader;
class DailyChart;
class Engine;

// Messages per day by state for the last 30 days (a stacked bar chart), the delivery rate, and the
// next hour's sends.
class DashboardWidget : public QWidget
{
    Q_OBJECT

public:
    static constexpr int DAYS = 30;
    static constexpr int RELOAD_DELAY_MS = 500; // changes come in bursts (a booking plans several texts)

    DashboardWidget(ConsoleReader &reader, const Clock &clock, QTimeZone deskZone, QWidget *parent = nullptr);

    // Reloads (debounced) whenever the engine reports changed messages or data. engine lives on its
    // own thread: only its signals are used.
    void followEngine(Engine *engine);

    DailyChart *chart() const { return m_chart; }
    QLabel *deliveryLabel() const { return m_delivery; }
    QLabel *countsLabel() const { return m_counts; }
    QTreeWidget *nextSendsView() const { return m_next; }

    // "96% delivered of 412 accepted in 30 days"
    static QString deliveryText(const ConsoleQueries::Delivery &delivery, int days);

public slots:
    void reload();
    // Reloads once, a moment from now, however often it is called meanwhile.
    void scheduleReload();

signals:
    // New figures are on screen.
    void reloaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Snapshot
    {
        QList<ConsoleQueries::DayStats> days;
        ConsoleQueries::Delivery delivery;
        ConsoleQueries::Counts counts;
        QList<ConsoleQueries::NextSend> next;
    };
    void showSnapshot(const Snapshot &snapshot);

    ConsoleReader &m_reader;
    const Clock &m_clock;
    QTimeZone m_deskZone;
    DailyChart *m_chart = nullptr;
    QLabel *m_delivery = nullptr;
    QLabel *m_deliveryNote = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_nextEmpty = nullptr;
    QTreeWidget *m_next = nullptr;
    QLabel *m_error = nullptr;
    QTimer *m_debounce = nullptr;
    QTimer *m_minute = nullptr;
    bool m_reading = false;
    bool m_readAgain = false;
};

} // namespace deskbell
