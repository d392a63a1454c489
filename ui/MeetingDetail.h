#pragma once

#include "storage/ConsoleQueries.h"

#include <QTimeZone>
#include <QWidget>

#include <optional>

class QAction;
class QFormLayout;
class QLabel;
class QStackedWidget;
class QToolButton;
class QTreeWidget;

namespace deskbell {

class Clock;

// Everything about one meeting: who, when (the desk's time and theirs), the phone number (masked
// until revealed), the event, its status and cancel reason, and its messages with the full story of
// each (reasons, attempts, provider id, delivery). The buttons are the window's actions, so the
// keyboard shortcuts and the enabled states are the same everywhere.
class MeetingDetail : public QWidget
{
    Q_OBJECT

public:
    MeetingDetail(const Clock &clock, QTimeZone deskZone, QWidget *parent = nullptr);

    // nullopt: "select a meeting". Keeps the selected message when it is still there.
    void setItem(const std::optional<ConsoleQueries::UpcomingItem> &item);
    const std::optional<ConsoleQueries::UpcomingItem> &item() const { return m_item; }

    void selectMessage(qint64 messageId);
    // 0 when no message is selected.
    qint64 selectedMessageId() const;
    const OutboxMessage *selectedMessage() const;

    // The window's "Show phone numbers" switch; the detail's own Show button reveals this meeting only.
    void setPhonesRevealed(bool revealed);
    bool isPhoneShown() const;

    // Buttons for the actions on the selected message, and on the meeting.
    void setActions(const QList<QAction *> &messageActions, const QList<QAction *> &meetingActions);

    // For tests and screenshots.
    QString headline() const;
    QString phoneText() const;
    QString messageStory() const;
    QTreeWidget *messageList() const { return m_messages; }

signals:
    void messageSelected(qint64 messageId);

private:
    void render();
    void renderPhone();
    void renderStory();
    QDate deskToday() const;

    const Clock &m_clock;
    QTimeZone m_deskZone;
    std::optional<ConsoleQueries::UpcomingItem> m_item;
    bool m_phonesRevealed = false;
    bool m_revealedHere = false;
    qint64 m_selected = 0;

    QStackedWidget *m_stack = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_when = nullptr;
    QLabel *m_phone = nullptr;
    QToolButton *m_reveal = nullptr;
    QLabel *m_email = nullptr;
    QLabel *m_event = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_cancelReason = nullptr;
    QTreeWidget *m_messages = nullptr;
    QLabel *m_story = nullptr;
    QWidget *m_messageButtons = nullptr;
    QWidget *m_meetingButtons = nullptr;
};

} // namespace deskbell
