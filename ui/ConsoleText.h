#pragma once

#include "domain/Appointment.h"
#include "domain/Message.h"
#include "storage/ConsoleQueries.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QIcon>
#include <QString>
#include <QTimeZone>

namespace deskbell {

struct SmsTemplate;

// The words the console shows for states, kinds, template reviews, times and phone numbers, in one
// place so the upcoming list, the meeting detail, the live log and its CSV export, the dashboard and
// the templates editor always say the same thing (the app's own names are keys and log words, not
// operator text). Pure functions (except the icons); safe on any thread.
class ConsoleText
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleText)

public:
    // "Confirmation", "Reminder", "Message from the desk".
    static QString kindName(MessageKind kind);
    // A state in a word or two: "Waiting", "Sending…", "Sent", "Will retry", "Maybe sent", ...
    static QString stateName(MessageState state);
    // A template's review at EngageLab: "Approved", "Pending review", "Rejected", "Unknown".
    static QString reviewStatus(const SmsTemplate *found);
    // "Waiting", "Sending…", "Sent", "Delivered", "Sandbox: not really sent", "Retrying at 14:05",
    // "Failed", "Canceled", "Skipped", "Maybe sent — check before resending".
    static QString messageState(const OutboxMessage &message, const QTimeZone &deskZone);
    // stateName() of a state key of the log ("failed" -> "Failed"); booking outcomes too.
    static QString stateKeyWords(const QString &key);
    // Why a message was skipped, canceled, failed or may have been sent; delivery trouble; empty
    // when there is nothing to explain.
    static QString messageReason(const OutboxMessage &message);
    // "Reminder (2 hours before)", "Confirmation", "Message from the desk".
    static QString messageTitle(const OutboxMessage &message);
    static QString appointmentStatus(Appointment::Status status);
    // "2 hours", "1 hour 30 minutes", "2 days": a time span in the console's language (the message
    // values use formatAdvance() in the desk's message language instead).
    static QString duration(qint64 minutes);
    // A reason the engine stored in English ("booked too late", "missed: 13 hours late", "canceled by
    // alice: patient called") in the console's language; text it does not know comes back as it is
    // (a provider's own error message, an operator's words).
    static QString reasonWords(const QString &stored);
    // "dddd d MMMM yyyy" and friends, as the console's language writes dates (Chinese puts the year
    // first): format patterns for QLocale().toString().
    static QString longDateFormat();
    static QString longDateTimeFormat();
    static QString shortDateFormat();

    // "14:00" on today's desk day, else "Thu 5 Nov, 14:00"; with seconds for the log.
    static QString deskTime(const QDateTime &utc, const QTimeZone &deskZone, const QDate &deskToday,
                            bool seconds = false);
    // The desk time, with the invitee's own time in brackets when their clock differs:
    // "14:00 (Thu 13:00 in Asia/Dubai)".
    static QString meetingTime(const Appointment &appointment, const QTimeZone &deskZone,
                               const QDate &deskToday);
    // Masked ("+66 8•• ••• 678") unless revealed; "no number" when empty.
    static QString phone(const QString &number, bool revealed);
    // "just now", "2 min ago", "3 h ago", "on Mon 2 Nov".
    static QString ago(const QDateTime &thenUtc, const QDateTime &nowUtc, const QTimeZone &deskZone);

    // Failed and maybe-sent: the two states an operator must look at.
    static bool isProblem(MessageState state);
    // Standard style icons (they follow the palette): critical for failed, warning for maybe sent.
    static QIcon stateIcon(MessageState state);

    // The live log's "what" column, and its state words.
    static QString logWhat(const ConsoleQueries::LogEntry &entry);
    static QString logState(const ConsoleQueries::LogEntry &entry);
    static QString operatorActionWords(const QString &action);
    static QString bookingEventWords(const QString &eventName);
};

} // namespace deskbell
