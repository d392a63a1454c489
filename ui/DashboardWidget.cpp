#include "DashboardWidget.h"

#include "storage/ConsoleReader.h"

namespace deskbell {

DashboardWidget::DashboardWidget(ConsoleReader &reader, const Clock &clock, QTimeZone deskZone, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_clock(clock)
    , m_deskZone(std::move(deskZone))
{}

void DashboardWidget::reload() {}

} // namespace deskbell
