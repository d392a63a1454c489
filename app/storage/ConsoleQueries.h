#pragma once

#include "domain/Appointment.h"
#include "domain/Message.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace deskbell {

class Database;

// What the console reads: the read side of the store, shaped for views. Every query is indexed and
// paged (a desk may hold 100,000 appointments and 500,000 messages), none writes. It runs on the
// ConsoleReader's thread with that thread's own connection, never on the GUI thread. Throws
// StorageError on failure.
class ConsoleQueries
{
public:
    explicit ConsoleQueries(Database &db);

    // ---- upcoming meetings
    struct UpcomingFilter
    {
        QDateTime fromUtc; // appointments starting in [fromUtc, toUtc); invalid: unbounded
        QDateTime toUtc;
        // Case-insensitive part of the invitee's name, email, event name, or phone (digits match the
        // E.164 number whatever the spacing typed: "81 234" finds +66812345678).
        QString search;
        int offset = 0;
        int limit = 200;
    };
    struct UpcomingItem
    {
        Appointment appointment;
        QList<OutboxMessage> messages; // by due time, resends included; params only from
                                       // appointmentWithMessages() (upcoming() leaves them empty)
    };
    // By start time, then invitee URI; messages of each appointment loaded with it (one query per
    // page, not per appointment).
    QList<UpcomingItem> upcoming(const UpcomingFilter &filter);
    int upcomingCount(const UpcomingFilter &filter);
    // One appointment with its messages (the meeting detail, or after a change).
    std::optional<UpcomingItem> appointmentWithMessages(const QString &inviteeUri);

    // ---- live log: booking events, message state changes and operator actions, newest first
    struct LogEntry
    {
        enum class Source
        {
            Booking,  // booking_events: what arrived from Calendly
            Message,  // message_log: a message changed state
            Operator, // audit_log: what an operator did
        };
        Source source = Source::Message;
        qint64 id = 0; // row id in its table; (atUtc, source, id) orders the log
        QDateTime atUtc;
        QString inviteeUri;   // may be empty (garbage booking bodies, pause/resume)
        QString inviteeName;  // from appointments, when known
        QString phoneE164;    // from appointments, when known (the view masks it)
        QString what;         // booking: event name ("invitee.created"); message: kind key; operator: action
        QString state;        // booking: outcome; message: state key; operator: empty
        QString detail;       // reason, error, or the operator's reason
        QString actor;        // operator entries: OS user name
        QString target;       // operator entries: what the action was on, as recorded
        qint64 messageId = 0; // message entries, and operator entries on one message
    };
    struct LogFilter
    {
        // Message-state keys and booking outcomes to show ("failed", "unknown", "rejected", ...);
        // empty: all. Operator entries show when empty or when "operator" is listed.
        QStringList states;
        QString search; // as UpcomingFilter::search, also matches detail text
        // Keyset paging: entries strictly older than this one (invalid atUtc: from the newest).
        QDateTime beforeUtc;
        LogEntry::Source beforeSource = LogEntry::Source::Message;
        qint64 beforeId = 0;
        int limit = 200;
    };
    // Booking entries name the invitee that their dedupe key names (BookingEvent::dedupeKey(): the
    // event name, then the invitee URI), so garbage bodies have none. Operator entries name one when
    // their target does, as OperatorActions writes it: "appointment:<invitee uri>", or
    // "message:<outbox id>" (then messageId is set too). At the same millisecond operator entries count
    // as newer than message entries, and those as newer than booking entries (a booking plans its
    // messages in the same instant). A search also matches an entry's own text (detail, reason, actor,
    // action); it reads the whole log when little matches, so it can take a second on a big desk.
    QList<LogEntry> log(const LogFilter &filter);
    // Entries newer than (afterUtc, afterSource, afterId), oldest first: what the live view prepends.
    // With a filter, only those it shows (its states and search; its paging fields are not used), so
    // the live view and a fresh page agree on what matches.
    QList<LogEntry> logSince(const QDateTime &afterUtc, LogEntry::Source afterSource, qint64 afterId,
                             int limit = 500);
    QList<LogEntry> logSince(const QDateTime &afterUtc, LogEntry::Source afterSource, qint64 afterId,
                             int limit, const LogFilter &filter);

    // ---- status at a glance
    struct Counts
    {
        int queued = 0; // queued + retry_wait + sending
        int failed = 0;
        int unknown = 0; // maybe sent
        int acceptedToday = 0;
        int appointmentsToday = 0; // starting today, not canceled or moved (no-shows count)
    };
    // "Today" is the desk's calendar day containing nowUtc in deskZone. failed and unknown count
    // messages whose due time is within the last 7 days (what still needs a look). acceptedToday counts
    // by the time the provider accepted.
    Counts counts(const QDateTime &nowUtc, const QTimeZone &deskZone);

    // ---- dashboard
    struct DayStats
    {
        QDate day; // in the desk's zone
        QHash<MessageState, int> byState;
    };
    // One entry per desk day for the `days` days ending with today (oldest first, empty days
    // included), messages counted by due day.
    QList<DayStats> dailyStats(const QDateTime &nowUtc, const QTimeZone &deskZone, int days = 30);
    struct Delivery
    {
        int accepted = 0;  // accepted by the provider in the window
        int delivered = 0; // of those, a receipt said delivered
        int failed = 0;    // failed, or a receipt said not delivered
    };
    // [fromUtc, toUtc): accepted and delivered by acceptance time; failed = messages due in the window
    // that failed, plus those accepted in it whose receipt said not delivered.
    Delivery delivery(const QDateTime &fromUtc, const QDateTime &toUtc);
    struct NextSend
    {
        OutboxMessage message;
        QString inviteeName;
        QString eventName;
    };
    // Pending messages due in [nowUtc, nowUtc + withinSecs), by due time (a retry_wait message by its
    // next attempt).
    QList<NextSend> nextSends(const QDateTime &nowUtc, qint64 withinSecs, int limit = 200);

    // Tests and benchmarks: while on, every query also records the database's plan for itself, so a test can
    // prove that no query reads a whole table. takePlans() returns them ("SQL: ..." then one line per
    // step of the plan) and forgets them.
    void setRecordPlans(bool on) { m_recordPlans = on; }
    QStringList takePlans();

private:
    QStringList *plans() { return m_recordPlans ? &m_plans : nullptr; }
    QList<LogEntry> logPage(const LogFilter &filter, const QDateTime &atUtc, LogEntry::Source source,
                            qint64 id, bool newer, int limit);
    void attachMessages(QList<UpcomingItem> &items);

    Database &m_db;
    bool m_recordPlans = false;
    QStringList m_plans;
};

} // namespace deskbell
