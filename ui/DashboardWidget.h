#pragma once

#include <QTimeZone>
#include <QWidget>

namespace deskbell {

class Clock;
class ConsoleReader;

// Messages per day by state for the last 30 days (a stacked bar chart), the delivery rate, and the
// next hour's sends.
class DashboardWidget : public QWidget
{
    Q_OBJECT

public:
    DashboardWidget(ConsoleReader &reader, const Clock &clock, QTimeZone deskZone, QWidget *parent = nullptr);

public slots:
    void reload();

private:
    ConsoleReader &m_reader;
    const Clock &m_clock;
    QTimeZone m_deskZone;
};

} // namespace deskbell
