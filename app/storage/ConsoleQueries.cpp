#include "storage/ConsoleQueries.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/StorageError.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <tuple>
#include <utility>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

using Source = ConsoleQueries::LogEntry::Source;

// A statement and its positional values, built together so a value never lands on the wrong '?'.
struct Sql
{
    Sql() = default;
    Sql(QString text_, QVariantList values_)
        : text(std::move(text_))
        , values(std::move(values_))
    {}

    QString text;
    QVariantList values;

    Sql &add(const QString &fragment, const QVariantList &more = {})
    {
        text += fragment;
        values += more;
        return *this;
    }
    // Adds a condition: the first one opens the WHERE clause, later ones are joined with AND.
    Sql &where(const QString &condition, const QVariantList &more = {})
    {
        text += (m_hasWhere ? u" AND "_s : u" WHERE "_s) + condition;
        values += more;
        m_hasWhere = true;
        return *this;
    }
    Sql &where(const Sql &condition) { return where(condition.text, condition.values); }

private:
    bool m_hasWhere = false;
};

// Runs sql on db. With plans given, the database's plan for the statement is recorded first.
QSqlQuery run(const Database &db, QStringList *plans, const QString &operation, const Sql &sql)
{
    if (!db.isOpen()) {
        throw StorageError(u"ConsoleQueries::%1: the database is not open"_s.arg(operation));
    }
    if (plans) {
        QSqlDatabase connection = db.connection();
        if (const auto plan = db.dialect().explain(connection, sql.text, sql.values)) {
            plans->append(u"SQL: "_s + sql.text.simplified());
            plans->append(*plan);
        }
    }
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql.text)) {
        throw StorageError(u"ConsoleQueries::%1: %2"_s.arg(operation, q.lastError().text()));
    }
    for (const QVariant &value : sql.values) {
        q.addBindValue(value);
    }
    if (!q.exec()) {
        throw StorageError(u"ConsoleQueries::%1: %2"_s.arg(operation, q.lastError().text()));
    }
    return q;
}

// Qt::UTC, not QTimeZone::utc(): a time-zone QDateTime asks the zone database on every conversion,
// which made a log page several times slower.
QDateTime utcFromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString columns(const QString &alias, const QStringList &names)
{
    QStringList qualified;
    for (const QString &name : names) {
        qualified.append(alias + u'.' + name);
    }
    return qualified.join(u", "_s);
}

// The column order appointmentAt() and messageAt() read: select with columns(alias, ...) of these.
const QStringList APPOINTMENT_COLUMNS{
    u"invitee_uri"_s,     u"event_uri"_s,
    u"event_type_uri"_s,  u"event_name"_s,
    u"invitee_name"_s,    u"email"_s,
    u"phone_raw"_s,       u"phone_e164"_s,
    u"phone_source"_s,    u"timezone"_s,
    u"start_utc_ms"_s,    u"end_utc_ms"_s,
    u"location"_s,        u"cancel_url"_s,
    u"reschedule_url"_s,  u"host_name"_s,
    u"host_email"_s,      u"status"_s,
    u"old_invitee_uri"_s, u"new_invitee_uri"_s,
    u"cancel_reason"_s,   u"calendly_updated_utc_ms"_s,
};

const QStringList MESSAGE_COLUMNS{
    u"id"_s,
    u"invitee_uri"_s,
    u"kind"_s,
    u"offset_min"_s,
    u"recipient"_s,
    u"generation"_s,
    u"resend_of"_s,
    u"due_utc_ms"_s,
    u"template_id"_s,
    u"params"_s,
    u"state"_s,
    u"attempts"_s,
    u"next_attempt_utc_ms"_s,
    u"provider_message_id"_s,
    u"provider_plan_id"_s,
    u"accepted_utc_ms"_s,
    u"delivery_status"_s,
    u"delivery_code"_s,
    u"delivery_utc_ms"_s,
    u"last_error"_s,
    u"skip_reason"_s,
    u"created_utc_ms"_s,
    u"updated_utc_ms"_s,
};

// Reads an appointment from APPOINTMENT_COLUMNS starting at column `first`. Positions, not names:
// a page reads thousands of values.
Appointment appointmentAt(const QSqlQuery &q, int first)
{
    int i = first;
    const auto next = [&q, &i] {
        return q.value(i++);
    };
    Appointment a;
    a.inviteeUri = next().toString();
    a.eventUri = next().toString();
    a.eventTypeUri = next().toString();
    a.eventName = next().toString();
    a.inviteeName = next().toString();
    a.email = next().toString();
    a.phoneRaw = next().toString();
    a.phoneE164 = next().toString();
    a.phoneSource = next().toString();
    a.timezone = next().toString();
    a.startUtc = utcFromMs(next());
    a.endUtc = utcFromMs(next());
    a.location = next().toString();
    a.cancelUrl = next().toString();
    a.rescheduleUrl = next().toString();
    a.hostName = next().toString();
    a.hostEmail = next().toString();
    const QString status = next().toString();
    bool ok = false;
    a.status = appointmentStatusFromString(status, &ok);
    if (!ok) {
        throw StorageError(u"appointment %1 has an unknown status \"%2\""_s.arg(a.inviteeUri, status));
    }
    a.oldInviteeUri = next().toString();
    a.newInviteeUri = next().toString();
    a.cancelReason = next().toString();
    a.updatedUtc = utcFromMs(next());
    return a;
}

OutboxMessage messageAt(const QSqlQuery &q, int first)
{
    int i = first;
    const auto next = [&q, &i] {
        return q.value(i++);
    };
    OutboxMessage m;
    m.id = next().toLongLong();
    m.inviteeUri = next().toString();
    const QString kind = next().toString();
    const auto parsedKind = messageKindFromString(kind);
    if (!parsedKind) {
        throw StorageError(u"outbox message #%1 has an unknown kind \"%2\""_s.arg(m.id).arg(kind));
    }
    m.kind = *parsedKind;
    m.offsetMin = next().toInt();
    m.recipient = next().toString();
    m.generation = next().toInt();
    m.resendOf = next().toLongLong();
    m.dueUtc = utcFromMs(next());
    m.templateId = next().toString();
    const QVariant params = next();
    if (!params.isNull()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(params.toString().toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            throw StorageError(u"outbox message #%1 has unreadable params: %2"_s.arg(m.id).arg(
                error.error != QJsonParseError::NoError ? error.errorString() : u"not a JSON object"_s));
        }
        m.params = doc.object();
    }
    const QString state = next().toString();
    const auto parsedState = messageStateFromString(state);
    if (!parsedState) {
        throw StorageError(u"outbox message #%1 has an unknown state \"%2\""_s.arg(m.id).arg(state));
    }
    m.state = *parsedState;
    m.attempts = next().toInt();
    m.nextAttemptUtc = utcFromMs(next());
    m.providerMessageId = next().toString();
    m.providerPlanId = next().toString();
    m.acceptedUtc = utcFromMs(next());
    m.deliveryStatus = next().toString();
    m.deliveryCode = next().toString();
    m.deliveryUtc = utcFromMs(next());
    m.lastError = next().toString();
    m.skipReason = next().toString();
    m.createdUtc = utcFromMs(next());
    m.updatedUtc = utcFromMs(next());
    return m;
}

// What the operator typed into a search box, as LIKE patterns.
struct Search
{
    QString like;   // "%text%" with LIKE's wildcards escaped; empty: no search
    QString digits; // "%digits%" when the text looks like (part of) a phone number, else empty
};

Search searchFor(const QString &typed)
{
    const QString text = typed.simplified();
    Search search;
    if (text.isEmpty()) {
        return search;
    }
    QString escaped;
    for (const QChar c : text) {
        if (c == u'%' || c == u'_' || c == u'\\') {
            escaped += u'\\';
        }
        escaped += c;
    }
    search.like = u'%' + escaped + u'%';
    // "081-234 5678", "+66 81 234", "(555) 123": digits and the punctuation people type in numbers.
    static const QRegularExpression phoneLike(u"^[0-9+()./ -]+$"_s);
    if (phoneLike.match(text).hasMatch()) {
        QString digits;
        for (const QChar c : text) {
            if (c >= u'0' && c <= u'9') {
                digits += c;
            }
        }
        if (!digits.isEmpty()) {
            search.digits = u'%' + digits + u'%';
        }
    }
    return search;
}

// The digits of a stored phone column, as SQL: the same punctuation stripped as searchFor() allows.
QString digitsOf(const QString &column)
{
    QString expression = u"COALESCE(%1, '')"_s.arg(column);
    for (const QString &c : {u" "_s, u"-"_s, u"("_s, u")"_s, u"."_s, u"/"_s, u"+"_s}) {
        expression = u"replace(%1, '%2', '')"_s.arg(expression, c);
    }
    return expression;
}

// "(col LIKE ? OR ...)": the text matched anywhere in textColumns or phoneColumns, and, for a phone
// number typed with any spacing, in the digits of phoneColumns.
Sql searchCondition(const SqlDialect &dialect, const Search &search, const QStringList &textColumns,
                    const QStringList &phoneColumns)
{
    Sql sql;
    QStringList parts;
    const QString like = u' ' + dialect.caseInsensitiveLike() + u" ? ESCAPE '\\'"_s;
    for (const QString &column : textColumns + phoneColumns) {
        parts.append(column + like);
        sql.values.append(search.like);
    }
    if (!search.digits.isEmpty()) {
        for (const QString &column : phoneColumns) {
            parts.append(digitsOf(column) + u" LIKE ?"_s);
            sql.values.append(search.digits);
        }
    }
    sql.text = u'(' + parts.join(u" OR "_s) + u')';
    return sql;
}

const QStringList APPOINTMENT_TEXT{u"a.invitee_name"_s, u"a.email"_s, u"a.event_name"_s};
const QStringList APPOINTMENT_PHONES{u"a.phone_e164"_s, u"a.phone_raw"_s};

void addUpcomingConditions(const SqlDialect &dialect, Sql &sql, const ConsoleQueries::UpcomingFilter &filter)
{
    if (filter.fromUtc.isValid()) {
        sql.where(u"a.start_utc_ms >= ?"_s, {filter.fromUtc.toMSecsSinceEpoch()});
    }
    if (filter.toUtc.isValid()) {
        sql.where(u"a.start_utc_ms < ?"_s, {filter.toUtc.toMSecsSinceEpoch()});
    }
    const Search search = searchFor(filter.search);
    if (!search.like.isEmpty()) {
        sql.where(searchCondition(dialect, search, APPOINTMENT_TEXT, APPOINTMENT_PHONES));
    }
}

// ---- the log's three sources, selected into one shape:
// id, at, invitee uri, invitee name, phone, what, state, detail, actor, target, message id
struct LogSource
{
    Source source;
    QString select;         // the eleven columns above
    QString from;           // tables and joins
    QString at;             // time column
    QString id;             // id column
    QString stateColumn;    // empty: entries have no state (operator)
    QString invitee;        // the invitee URI an entry is about, as SQL
    QStringList searchText; // the entry's own text a search also looks at
};

// The log's sources as SQL of this dialect. The SQLite text is what the plans in
// tst_consolequeries were checked against.
QList<LogSource> buildLogSources(const SqlDialect &dialect)
{
    // BookingEvent::dedupeKey() is "event name|invitee uri[|no-show part]"; invitee URIs hold no '|'.
    const auto bar = [&dialect](const QString &text) {
        return dialect.position(text, u"'|'"_s);
    };
    const QString keyRest = u"substr(b.dedupe_key, %1 + 1)"_s.arg(bar(u"b.dedupe_key"_s));
    const QString bookingInvitee =
        u"(CASE WHEN %1 = 0 THEN NULL"
        " WHEN %2 = 0 THEN %3"
        " ELSE substr(%3, 1, %2 - 1) END)"_s.arg(bar(u"b.dedupe_key"_s), bar(keyRest), keyRest);

    // OperatorActions names what an action was on as "message:<outbox id>" or "appointment:<invitee
    // uri>" (other targets, such as "sending" or a masked phone number, name no invitee).
    const QString auditMessage = u"(CASE WHEN substr(u.target, 1, 8) = 'message:' THEN %1 END)"_s.arg(
        dialect.textToInteger(u"substr(u.target, 9)"_s));
    const QString auditInvitee =
        u"(CASE WHEN substr(u.target, 1, 12) = 'appointment:' THEN substr(u.target, 13)"
        " ELSE t.invitee_uri END)"_s;

    return {
        {Source::Booking,
         u"b.id, b.received_utc_ms, %1, a.invitee_name, a.phone_e164, b.event_name, b.outcome, b.detail,"
         " NULL, NULL, 0"_s.arg(bookingInvitee),
         u"booking_events b LEFT JOIN appointments a ON a.invitee_uri = %1"_s.arg(bookingInvitee),
         u"b.received_utc_ms"_s,
         u"b.id"_s,
         u"b.outcome"_s,
         bookingInvitee,
         {u"b.detail"_s}},
        {Source::Message,
         // The number the message went to: the host's for a host notification.
         u"l.id, l.at_utc_ms, l.invitee_uri, a.invitee_name, COALESCE(o.recipient, a.phone_e164), l.kind,"
         " l.state, l.detail, NULL, NULL, l.message_id"_s,
         u"message_log l LEFT JOIN appointments a ON a.invitee_uri = l.invitee_uri"
         " LEFT JOIN outbox o ON o.id = l.message_id"_s,
         u"l.at_utc_ms"_s,
         u"l.id"_s,
         u"l.state"_s,
         u"l.invitee_uri"_s,
         {u"l.detail"_s}},
        {Source::Operator,
         u"u.id, u.at_utc_ms, %1, a.invitee_name, a.phone_e164, u.action, NULL, u.reason, u.actor, u.target,"
         " COALESCE(%2, 0)"_s.arg(auditInvitee, auditMessage),
         u"audit_log u LEFT JOIN outbox t ON t.id = %1 LEFT JOIN appointments a ON a.invitee_uri = %2"_s.arg(
             auditMessage, auditInvitee),
         u"u.at_utc_ms"_s,
         u"u.id"_s,
         QString(),
         auditInvitee,
         {u"u.reason"_s, u"u.actor"_s, u"u.action"_s, u"u.target"_s}},
    };
}

const QList<LogSource> &logSources(const SqlDialect &dialect)
{
    static const QList<LogSource> sqlite = buildLogSources(SqlDialect::sqlite());
    static const QList<LogSource> postgres = buildLogSources(SqlDialect::postgres());
    return dialect.backend() == SqlDialect::Backend::Postgres ? postgres : sqlite;
}

// Entries of `source` that come before (older) or after (newer) the entry (atMs, from, id) in the
// log's order (time, then source, then id). Written as a range on the time column so SQLite walks
// its index from there.
Sql keysetCondition(const LogSource &s, qint64 atMs, Source from, qint64 id, bool newer)
{
    const QString &at = s.at;
    if (s.source == from) {
        return newer ? Sql{u"%1 >= ? AND (%1 > ? OR %2 > ?)"_s.arg(at, s.id), {atMs, atMs, id}}
                     : Sql{u"%1 <= ? AND (%1 < ? OR %2 < ?)"_s.arg(at, s.id), {atMs, atMs, id}};
    }
    // A later source sorts after `from` at the same millisecond.
    const bool sortsAfter = int(s.source) > int(from);
    if (newer) {
        return Sql{(sortsAfter ? u"%1 >= ?"_s : u"%1 > ?"_s).arg(at), {atMs}};
    }
    return Sql{(sortsAfter ? u"%1 < ?"_s : u"%1 <= ?"_s).arg(at), {atMs}};
}

// Entries about an invitee the search finds (as in the upcoming list), or whose own text matches.
// The appointments are searched once, in a subquery SQLite keeps as a temporary index, instead of
// joining every log row to its appointment before looking at it: on a log of a million rows that is
// the difference between a fraction of a second and many seconds when nothing matches.
Sql logSearchCondition(const SqlDialect &dialect, const LogSource &s, const Search &search)
{
    const Sql invitees =
        searchCondition(dialect, search, {u"m.invitee_name"_s, u"m.email"_s, u"m.event_name"_s},
                        {u"m.phone_e164"_s, u"m.phone_raw"_s});
    const Sql own = searchCondition(dialect, search, s.searchText, {});
    return Sql{u"(%1 IN (SELECT m.invitee_uri FROM appointments m WHERE %2) OR %3)"_s.arg(
                   s.invitee, invitees.text, own.text),
               invitees.values + own.values};
}

ConsoleQueries::LogEntry logEntryFrom(const QSqlQuery &q, Source source)
{
    ConsoleQueries::LogEntry e;
    e.source = source;
    e.id = q.value(0).toLongLong();
    e.atUtc = utcFromMs(q.value(1));
    e.inviteeUri = q.value(2).toString();
    e.inviteeName = q.value(3).toString();
    e.phoneE164 = q.value(4).toString();
    e.what = q.value(5).toString();
    e.state = q.value(6).toString();
    e.detail = q.value(7).toString();
    e.actor = q.value(8).toString();
    e.target = q.value(9).toString();
    e.messageId = q.value(10).toLongLong();
    return e;
}

auto logKey(const ConsoleQueries::LogEntry &e)
{
    return std::tuple(e.atUtc.toMSecsSinceEpoch(), int(e.source), e.id);
}

const QString OPERATOR_KEY = u"operator"_s;

std::pair<QDateTime, QDateTime> deskDay(const QDate &day, const QTimeZone &zone)
{
    // startOfDay, not QTime(0, 0): in some zones a DST change skips midnight itself.
    return {day.startOfDay(zone), day.addDays(1).startOfDay(zone)};
}

QTimeZone usableZone(const QTimeZone &zone)
{
    return zone.isValid() ? zone : QTimeZone::utc();
}

// Receipt statuses that mean the text did not reach the handset (sms/DeliveryReceipt.cpp).
const QString FAILED_RECEIPTS =
    u"('undelivered', 'delivered_failed', 'sent_failed', 'sent_fail', 'target_invalid')"_s;

} // namespace

ConsoleQueries::ConsoleQueries(Database &db)
    : m_db(db)
{}

QStringList ConsoleQueries::takePlans()
{
    return std::exchange(m_plans, {});
}

// ---- upcoming meetings

QList<ConsoleQueries::UpcomingItem> ConsoleQueries::upcoming(const UpcomingFilter &filter)
{
    if (filter.limit <= 0) {
        return {};
    }
    Sql sql;
    sql.add(u"SELECT "_s + columns(u"a"_s, APPOINTMENT_COLUMNS) + u" FROM appointments a"_s);
    addUpcomingConditions(m_db.dialect(), sql, filter);
    sql.add(u" ORDER BY a.start_utc_ms, a.invitee_uri LIMIT ? OFFSET ?"_s,
            {filter.limit, std::max(0, filter.offset)});
    QSqlQuery q = run(m_db, plans(), u"upcoming"_s, sql);
    QList<UpcomingItem> items;
    while (q.next()) {
        items.append(UpcomingItem{appointmentAt(q, 0), {}});
    }
    attachMessages(items);
    return items;
}

int ConsoleQueries::upcomingCount(const UpcomingFilter &filter)
{
    Sql sql;
    sql.add(u"SELECT COUNT(*) FROM appointments a"_s);
    addUpcomingConditions(m_db.dialect(), sql, filter);
    QSqlQuery q = run(m_db, plans(), u"upcomingCount"_s, sql);
    return q.next() ? q.value(0).toInt() : 0;
}

std::optional<ConsoleQueries::UpcomingItem> ConsoleQueries::appointmentWithMessages(const QString &inviteeUri)
{
    Sql sql;
    sql.add(u"SELECT "_s + columns(u"a"_s, APPOINTMENT_COLUMNS) + u" FROM appointments a"_s);
    sql.where(u"a.invitee_uri = ?"_s, {inviteeUri});
    QSqlQuery q = run(m_db, plans(), u"appointmentWithMessages"_s, sql);
    if (!q.next()) {
        return std::nullopt;
    }
    QList<UpcomingItem> items{UpcomingItem{appointmentAt(q, 0), {}}};
    q.finish();
    attachMessages(items);
    return items.first();
}

void ConsoleQueries::attachMessages(QList<UpcomingItem> &items)
{
    // SQLite before 3.32 allowed 999 values per statement: stay below whatever this one allows.
    constexpr qsizetype CHUNK = 500;
    QHash<QString, qsizetype> indexOf;
    QStringList uris;
    for (qsizetype i = 0; i < items.size(); ++i) {
        indexOf.insert(items[i].appointment.inviteeUri, i);
        uris.append(items[i].appointment.inviteeUri);
    }
    for (qsizetype start = 0; start < uris.size(); start += CHUNK) {
        const QStringList chunk = uris.mid(start, CHUNK);
        Sql sql;
        QStringList marks(chunk.size(), u"?"_s);
        // Without the template parameters: the list never shows them, and on a long range they
        // would be most of its memory. appointmentWithMessages() (the detail) reads them.
        QString selected = columns(u"o"_s, MESSAGE_COLUMNS);
        selected.replace(u"o.params"_s, u"NULL"_s);
        sql.add(u"SELECT "_s + selected + u" FROM outbox o"_s);
        QVariantList values;
        for (const QString &uri : chunk) {
            values.append(uri);
        }
        sql.where(u"o.invitee_uri IN (%1)"_s.arg(marks.join(u", "_s)), values);
        sql.add(u" ORDER BY o.due_utc_ms, o.id"_s);
        QSqlQuery q = run(m_db, plans(), u"upcoming messages"_s, sql);
        while (q.next()) {
            OutboxMessage m = messageAt(q, 0);
            const auto found = indexOf.constFind(m.inviteeUri);
            if (found != indexOf.cend()) {
                items[*found].messages.append(std::move(m));
            }
        }
    }
}

// ---- live log

QList<ConsoleQueries::LogEntry> ConsoleQueries::log(const LogFilter &filter)
{
    return logPage(filter, filter.beforeUtc, filter.beforeSource, filter.beforeId, false, filter.limit);
}

QList<ConsoleQueries::LogEntry>
ConsoleQueries::logSince(const QDateTime &afterUtc, LogEntry::Source afterSource, qint64 afterId, int limit)
{
    return logPage(LogFilter{}, afterUtc, afterSource, afterId, true, limit);
}

QList<ConsoleQueries::LogEntry> ConsoleQueries::logSince(const QDateTime &afterUtc,
                                                         LogEntry::Source afterSource, qint64 afterId,
                                                         int limit, const LogFilter &filter)
{
    return logPage(filter, afterUtc, afterSource, afterId, true, limit);
}

QList<ConsoleQueries::LogEntry> ConsoleQueries::logPage(const LogFilter &filter, const QDateTime &atUtc,
                                                        LogEntry::Source source, qint64 id, bool newer,
                                                        int limit)
{
    if (limit <= 0) {
        return {};
    }
    const Search search = searchFor(filter.search);
    QStringList states;
    bool operatorShown = true;
    if (!filter.states.isEmpty()) {
        for (const QString &state : filter.states) {
            if (state != OPERATOR_KEY && !states.contains(state)) {
                states.append(state);
            }
        }
        operatorShown = filter.states.contains(OPERATOR_KEY);
    }
    const bool anyState = filter.states.isEmpty();

    // Each source, and each state in it, is read newest first (or oldest first) along its own index,
    // `limit` rows at most; the page is the first `limit` of their merge. One IN (...) over several
    // states would make SQLite sort every matching row instead.
    QList<LogEntry> entries;
    for (const LogSource &s : logSources(m_db.dialect())) {
        QList<QVariant> stateValues; // one query each; a null QVariant: no state condition
        if (s.stateColumn.isEmpty()) {
            if (operatorShown) {
                stateValues.append(QVariant());
            }
        } else if (anyState) {
            stateValues.append(QVariant());
        } else {
            for (const QString &state : states) {
                stateValues.append(state);
            }
        }
        for (const QVariant &state : stateValues) {
            Sql sql;
            sql.add(u"SELECT "_s + s.select + u" FROM "_s + s.from);
            if (atUtc.isValid()) {
                sql.where(keysetCondition(s, atUtc.toMSecsSinceEpoch(), source, id, newer));
            }
            if (!state.isNull()) {
                sql.where(s.stateColumn + u" = ?"_s, {state});
            }
            if (!search.like.isEmpty()) {
                sql.where(logSearchCondition(m_db.dialect(), s, search));
            }
            const QString direction = newer ? u"ASC"_s : u"DESC"_s;
            sql.add(u" ORDER BY %1 %3, %2 %3 LIMIT ?"_s.arg(s.at, s.id, direction), {limit});
            QSqlQuery q = run(m_db, plans(), u"log"_s, sql);
            while (q.next()) {
                entries.append(logEntryFrom(q, s.source));
            }
        }
    }
    if (newer) {
        std::sort(entries.begin(), entries.end(),
                  [](const LogEntry &a, const LogEntry &b) { return logKey(a) < logKey(b); });
    } else {
        std::sort(entries.begin(), entries.end(),
                  [](const LogEntry &a, const LogEntry &b) { return logKey(b) < logKey(a); });
    }
    if (entries.size() > limit) {
        entries.resize(limit);
    }
    return entries;
}

// ---- status at a glance

ConsoleQueries::Counts ConsoleQueries::counts(const QDateTime &nowUtc, const QTimeZone &deskZone)
{
    const QTimeZone zone = usableZone(deskZone);
    const auto [dayStart, dayEnd] = deskDay(nowUtc.toTimeZone(zone).date(), zone);
    const qint64 weekAgo = nowUtc.addDays(-7).toMSecsSinceEpoch();
    Sql sql;
    sql.add(u"SELECT"
            " (SELECT COUNT(*) FROM outbox WHERE state IN ('queued', 'retry_wait', 'sending')),"
            " (SELECT COUNT(*) FROM outbox WHERE state = 'failed' AND due_utc_ms >= ?),"
            " (SELECT COUNT(*) FROM outbox WHERE state = 'unknown' AND due_utc_ms >= ?),"
            " (SELECT COUNT(*) FROM outbox WHERE accepted_utc_ms >= ? AND accepted_utc_ms < ?),"
            " (SELECT COUNT(*) FROM appointments WHERE start_utc_ms >= ? AND start_utc_ms < ?"
            "    AND status IN ('active', 'no_show'))"_s,
            {weekAgo, weekAgo, dayStart.toMSecsSinceEpoch(), dayEnd.toMSecsSinceEpoch(),
             dayStart.toMSecsSinceEpoch(), dayEnd.toMSecsSinceEpoch()});
    QSqlQuery q = run(m_db, plans(), u"counts"_s, sql);
    Counts counts;
    if (q.next()) {
        counts.queued = q.value(0).toInt();
        counts.failed = q.value(1).toInt();
        counts.unknown = q.value(2).toInt();
        counts.acceptedToday = q.value(3).toInt();
        counts.appointmentsToday = q.value(4).toInt();
    }
    return counts;
}

// ---- dashboard

QList<ConsoleQueries::DayStats> ConsoleQueries::dailyStats(const QDateTime &nowUtc, const QTimeZone &deskZone,
                                                           int days)
{
    const QTimeZone zone = usableZone(deskZone);
    const QDate today = nowUtc.toTimeZone(zone).date();
    QList<DayStats> stats;
    // One range per desk day: its length in UTC is 23, 24 or 25 hours, which SQL arithmetic on a
    // fixed offset would get wrong around a DST change.
    for (int back = days - 1; back >= 0; --back) {
        const QDate day = today.addDays(-back);
        const auto [from, to] = deskDay(day, zone);
        Sql sql;
        sql.add(u"SELECT state, COUNT(*) FROM outbox"_s);
        sql.where(u"due_utc_ms >= ? AND due_utc_ms < ?"_s,
                  {from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch()});
        sql.add(u" GROUP BY state"_s);
        QSqlQuery q = run(m_db, plans(), u"dailyStats"_s, sql);
        DayStats entry;
        entry.day = day;
        while (q.next()) {
            const auto state = messageStateFromString(q.value(0).toString());
            if (!state) {
                throw StorageError(
                    u"ConsoleQueries::dailyStats: unknown message state \"%1\""_s.arg(q.value(0).toString()));
            }
            entry.byState.insert(*state, q.value(1).toInt());
        }
        stats.append(entry);
    }
    return stats;
}

ConsoleQueries::Delivery ConsoleQueries::delivery(const QDateTime &fromUtc, const QDateTime &toUtc)
{
    const qint64 from = fromUtc.toMSecsSinceEpoch();
    const qint64 to = toUtc.toMSecsSinceEpoch();
    Sql sql;
    sql.add(u"SELECT COUNT(*),"
            " COUNT(CASE WHEN lower(delivery_status) = 'delivered' THEN 1 END),"
            " COUNT(CASE WHEN lower(delivery_status) IN %1 THEN 1 END),"
            " (SELECT COUNT(*) FROM outbox WHERE state = 'failed' AND due_utc_ms >= ? AND due_utc_ms < ?)"
            " FROM outbox WHERE accepted_utc_ms >= ? AND accepted_utc_ms < ?"_s.arg(FAILED_RECEIPTS),
            {from, to, from, to});
    QSqlQuery q = run(m_db, plans(), u"delivery"_s, sql);
    Delivery d;
    if (q.next()) {
        d.accepted = q.value(0).toInt();
        d.delivered = q.value(1).toInt();
        d.failed = q.value(2).toInt() + q.value(3).toInt();
    }
    return d;
}

QList<ConsoleQueries::NextSend> ConsoleQueries::nextSends(const QDateTime &nowUtc, qint64 withinSecs,
                                                          int limit)
{
    if (limit <= 0 || withinSecs <= 0) {
        return {};
    }
    const qint64 from = nowUtc.toMSecsSinceEpoch();
    const qint64 to = nowUtc.addSecs(withinSecs).toMSecsSinceEpoch();
    // Three ranges SQLite reads from its two state indexes (the dispatcher's own notion of "due").
    Sql sql;
    sql.add(u"SELECT "_s + columns(u"o"_s, MESSAGE_COLUMNS) +
            u", a.invitee_name, a.event_name,"
            " CASE o.state WHEN 'queued' THEN o.due_utc_ms"
            "   ELSE COALESCE(o.next_attempt_utc_ms, o.due_utc_ms) END AS send_at"
            " FROM outbox o LEFT JOIN appointments a ON a.invitee_uri = o.invitee_uri"_s);
    sql.where(u"((o.state = 'queued' AND o.due_utc_ms >= ? AND o.due_utc_ms < ?)"
              " OR (o.state = 'retry_wait' AND o.next_attempt_utc_ms >= ? AND o.next_attempt_utc_ms < ?)"
              " OR (o.state = 'retry_wait' AND o.next_attempt_utc_ms IS NULL"
              "     AND o.due_utc_ms >= ? AND o.due_utc_ms < ?))"_s,
              {from, to, from, to, from, to});
    sql.add(u" ORDER BY send_at, o.id LIMIT ?"_s, {limit});
    QSqlQuery q = run(m_db, plans(), u"nextSends"_s, sql);
    QList<NextSend> sends;
    const int extra = int(MESSAGE_COLUMNS.size());
    while (q.next()) {
        sends.append(NextSend{messageAt(q, 0), q.value(extra).toString(), q.value(extra + 1).toString()});
    }
    return sends;
}

} // namespace deskbell
