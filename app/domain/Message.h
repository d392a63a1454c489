#pragma once

#include "domain/Appointment.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace deskbell {

// What a text is for. The string forms are the keys of the [templates] settings section and the
// values stored in the outbox's `kind` column: never rename one, add a new one.
enum class MessageKind
{
    Confirm,
    Cancel,
    Reschedule,
    Reminder,
    Followup,
    HostNotify,
    NoShow,
    AdHoc, // written by an operator, not planned
};

// Life of an outbox row. queued -> sending -> accepted | retry_wait | failed; canceled, skipped and
// unknown ("maybe sent") are terminal until an operator acts.
enum class MessageState
{
    Queued,
    Sending,
    Accepted,
    RetryWait,
    Failed,
    Canceled,
    Skipped,
    Unknown,
};

QString keyOf(MessageKind kind);
std::optional<MessageKind> messageKindFromString(const QString &text);
// The kinds the planner makes (the [templates] keys): every kind except AdHoc.
QList<MessageKind> allMessageKinds();
// "reminder" -> "Reminder": the words an operator reads.
QString displayName(MessageKind kind);

QString keyOf(MessageState state);
std::optional<MessageState> messageStateFromString(const QString &text);
// Pending = the dispatcher may still send it: queued or retry_wait.
bool isPending(MessageState state);

// Whether a message of this kind still fits a booking in this state: a cancellation notice and the
// desk's own messages always do, a no-show message while the no-show mark stands, the rest while
// the booking is active. The dispatcher checks it before sending; operator actions before acting.
bool fitsBooking(MessageKind kind, Appointment::Status status);

// One row of the outbox. The tuple (inviteeUri, kind, offsetMin, recipient, generation) is unique in
// the database itself, so a message can never be planned twice.
struct OutboxMessage
{
    qint64 id = 0;
    QString inviteeUri;
    MessageKind kind = MessageKind::Confirm;
    int offsetMin = 0;   // reminders: minutes before start as configured; follow-ups: minutes after end
    QString recipient;   // E.164 when valid, else the raw text as received (then skipped)
    int generation = 0;  // 0: planned; 1, 2, ...: an operator's resend or ad-hoc message
    qint64 resendOf = 0; // the message this one sends again, or 0
    QDateTime dueUtc;
    QString templateId;
    QJsonObject params;
    MessageState state = MessageState::Queued;
    int attempts = 0;
    QDateTime nextAttemptUtc;
    QString providerMessageId;
    QString providerPlanId;
    QDateTime acceptedUtc;
    QString deliveryStatus; // from a delivery receipt ("delivered", "sent_failed", ...); empty: none came
    QString deliveryCode;
    QDateTime deliveryUtc;
    QString lastError;
    QString skipReason; // also the reason for canceled / unknown
    QDateTime createdUtc;
    QDateTime updatedUtc;
};

} // namespace deskbell
