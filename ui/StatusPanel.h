#pragma once

#include "Engine.h"
#include "storage/ConsoleQueries.h"

#include <QFrame>
#include <QTimeZone>
#include <QTimer>

class QLabel;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace deskbell {

class Clock;

// Status at a glance, across the top of the window: is Deskbell hearing from Calendly (listener
// address with a copy button, public address, last successful check), can it send (Sandbox,
// EngageLab, not connected, paused), how many messages wait / failed / may have been sent (each a
// button that filters the live log), and every alert with what to do about it.
class StatusPanel : public QFrame
{
    Q_OBJECT

public:
    enum class Count
    {
        Waiting,
        Failed,
        MaybeSent,
    };

    StatusPanel(const Clock &clock, QTimeZone deskZone, QWidget *parent = nullptr);

    void setStatus(const Engine::Status &status);
    void setCounts(const ConsoleQueries::Counts &counts);
    const Engine::Status &status() const { return m_status; }
    bool hasStatus() const { return m_hasStatus; }

    // The texts shown, for tests and screen readers.
    QString calendlyText() const;
    QString listenerText() const;
    QString sendingText() const;
    QString countsText() const;
    QStringList alertTexts() const;
    QToolButton *countButton(Count count) const;

signals:
    void countClicked(deskbell::StatusPanel::Count count);
    void connectRequested();

private:
    void render();
    void renderAge();
    QWidget *card(const QString &title, QLabel *&body, QWidget *extra = nullptr);

    const Clock &m_clock;
    QTimeZone m_deskZone;
    Engine::Status m_status;
    bool m_hasStatus = false;
    ConsoleQueries::Counts m_counts;

    QLabel *m_calendly = nullptr;
    QLabel *m_listener = nullptr;
    QToolButton *m_copyListener = nullptr;
    QToolButton *m_copyPublic = nullptr;
    QLabel *m_sending = nullptr;
    QToolButton *m_waiting = nullptr;
    QToolButton *m_failed = nullptr;
    QToolButton *m_maybeSent = nullptr;
    QLabel *m_today = nullptr;
    QWidget *m_alertsBox = nullptr;
    QVBoxLayout *m_alerts = nullptr;
    QPushButton *m_connect = nullptr;
    QTimer m_ageTimer;
};

} // namespace deskbell
