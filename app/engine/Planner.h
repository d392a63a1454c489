#pragma once

#include "calendly/BookingEvent.h"
#include "domain/Appointment.h"
#include "domain/Message.h"
#include "domain/Rules.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace deskbell {

class Clock;

// The engine's brain: decides, from one booking event and what is already known about the
// invitee, which messages to queue and which pending ones to withdraw. Pure logic: it reads nothing
// and writes nothing; BookingProcessor loads its input and applies its Plan in one transaction.
class Planner
{
public:
    struct Input
    {
        BookingEvent event;
        std::optional<Appointment> known;     // the stored appointment of event.invitee.inviteeUri
        QList<OutboxMessage> knownMessages;   // its outbox rows
        std::optional<Appointment> partner;   // the other half of a reschedule, when stored
        QList<OutboxMessage> partnerMessages; // its outbox rows
        std::function<bool(const QString &e164)> isOptedOut;
        // The first poll after connecting: bookings that already exist get their future reminders but
        // no confirmation, reschedule notice or host notification (they were booked before Deskbell).
        bool baseline = false;
    };

    struct Withdrawal
    {
        qint64 messageId = 0;
        MessageState state = MessageState::Canceled;
        QString reason;
    };

    struct Plan
    {
        QString outcome = QStringLiteral("applied"); // applied | stale
        QString detail;                              // one line for the event log
        QList<Appointment> appointments;             // to upsert, in order
        QList<OutboxMessage> messages;               // to insert (the outbox's unique key drops repeats)
        QList<Withdrawal> withdrawals;               // pending messages to cancel
        QStringList notes;                           // things worth one log line each
    };

    explicit Planner(const Clock &clock);

    Plan plan(const Input &input, const RuleSet &rules);

    // The template values every message of the appointment carries ({name}, {time}, {date},
    // {timezone}, {event_name}, ...), with times in zoneId and words in the rules' message language;
    // the kind-specific ones ({advance}, {event}) are added by the caller. The console's preview
    // uses it too, so it shows what will be sent.
    static QJsonObject messageParams(const Appointment &appointment, const Rules &rules,
                                     const QString &zoneId);

    // Reasons, shared with tests and the console so the words stay the same everywhere.
    static QString reasonBookedTooLate() { return QStringLiteral("booked too late"); }
    static QString reasonInvalidPhone() { return QStringLiteral("invalid phone"); }
    static QString reasonNoPhone() { return QStringLiteral("no phone number"); }
    static QString reasonOptedOut() { return QStringLiteral("opted out"); }
    static QString reasonCanceled() { return QStringLiteral("booking canceled"); }
    static QString reasonRescheduled() { return QStringLiteral("booking rescheduled"); }
    static QString reasonMeetingOver() { return QStringLiteral("meeting already started"); }
    static QString reasonNoShow() { return QStringLiteral("marked as no-show"); }
    static QString reasonNoShowRemoved() { return QStringLiteral("no-show mark removed"); }
    static QString reasonTimeUnknown() { return QStringLiteral("meeting time unknown"); }

private:
    void planCreated(const Input &input, const RuleSet &ruleSet, Plan &plan);
    void planCanceled(const Input &input, const RuleSet &ruleSet, Plan &plan);
    void planNoShow(const Input &input, const RuleSet &ruleSet, Plan &plan);
    void planNoShowDeleted(const Input &input, Plan &plan);

    // A message to the invitee, with recipient checks (no phone, invalid, opted out) already applied.
    OutboxMessage inviteeMessage(const Input &input, const Appointment &appointment, const Rules &rules,
                                 MessageKind kind, const QString &templateId, int offsetMin,
                                 const QDateTime &dueUtc) const;
    void withdrawPending(const QList<OutboxMessage> &messages, const QString &reason, Plan &plan,
                         const QList<MessageKind> &kinds = {}) const;
    // Returns the template for kind, or empty after noting (once per kind and rule source) that it is off.
    QString templateOrNote(const Rules &rules, const QString &ruleSource, MessageKind kind, Plan &plan);

    const Clock &m_clock;
    QSet<QString> m_reportedOff;
};

// The zone to render an appointment's times in for its invitee: theirs when known, else the fallback.
QString zoneForInvitee(const Appointment &appointment, const Rules &rules);

} // namespace deskbell
