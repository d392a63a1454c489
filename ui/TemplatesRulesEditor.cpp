#include "TemplatesRulesEditor.h"

#include "EngineHost.h"

namespace deskbell {

TemplatesRulesEditor::TemplatesRulesEditor(EngineHost &host, ConsoleReader &reader, const Clock &clock,
                                           QTimeZone deskZone, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_reader(reader)
    , m_clock(clock)
    , m_deskZone(std::move(deskZone))
{}

void TemplatesRulesEditor::reload() {}

} // namespace deskbell
