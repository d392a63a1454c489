#pragma once

#include "domain/Appointment.h"
#include "domain/Message.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QTimeZone>

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
        QList<OutboxMessage> messages; // by due time, resends included
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
        QString inviteeUri;  // may be empty (garbage booking bodies, pause/resume)
        QString inviteeName; // from appointments, when known
        QString phoneE164;   // from appointments, when known (the view masks it)
        QString what;        // booking: event name ("invitee.created"); message: kind key; operator: action
        QString state;       // booking: outcome; message: state key; operator: empty
        QString detail;      // reason, error, or the operator's reason
        QString actor;       // operator entries: OS user name
        qint64 messageId = 0;
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
    QList<LogEntry> log(const LogFilter &filter);
    // Entries newer than (afterUtc, afterSource, afterId), oldest first: what the live view prepends.
    QList<LogEntry> logSince(const QDateTime &afterUtc, LogEntry::Source afterSource, qint64 afterId,
                             int limit = 500);

    // ---- status at a glance
    struct Counts
    {
        int queued = 0; // queued + retry_wait + sending
        int failed = 0;
        int unknown = 0; // maybe sent
        int acceptedToday = 0;
        int appointmentsToday = 0;
    };
    // "Today" is the desk's calendar day containing nowUtc in deskZone. failed and unknown count
    // messages whose due time is within the last 7 days (what still needs a look).
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
    Delivery delivery(const QDateTime &fromUtc, const QDateTime &toUtc);
    struct NextSend
    {
        OutboxMessage message;
        QString inviteeName;
        QString eventName;
    };
    // Pending messages due in [nowUtc, nowUtc + withinSecs), by due time.
    QList<NextSend> nextSends(const QDateTime &nowUtc, qint64 withinSecs, int limit = 200);

private:
    Database &m_db;
};

} // namespace deskbell
