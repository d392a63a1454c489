#pragma once

#include <QTimeZone>
#include <QWidget>

namespace deskbell {

class Clock;
class ConsoleReader;
class EngineHost;

// Templates and rules: for each message kind the EngageLab template with its review status, the
// variables it needs and where each value comes from, and a preview; reminder offsets, quiet hours,
// host phone, follow-up delay, default country. Before saving it shows what the change does to
// planned messages ("Re-times 14 reminders for 9 meetings") and applies it to them.
class TemplatesRulesEditor : public QWidget
{
    Q_OBJECT

public:
    TemplatesRulesEditor(EngineHost &host, ConsoleReader &reader, const Clock &clock, QTimeZone deskZone,
                         QWidget *parent = nullptr);

public slots:
    // Re-reads the settings and the template catalogue from the engine.
    void reload();

private:
    EngineHost &m_host;
    ConsoleReader &m_reader;
    const Clock &m_clock;
    QTimeZone m_deskZone;
};

} // namespace deskbell
