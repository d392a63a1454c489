#include "storage/Store.h"

#include "domain/Clock.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/StorageError.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <utility>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

// A column name paired with its value where the row is built, so an INSERT can never bind a value
// to the wrong column.
using Row = QList<std::pair<QString, QVariant>>;

// Empty optional text is stored as NULL, so SQL can ask "IS NULL" for "not known".
QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// Qt binds a null QString as SQL NULL; NOT NULL columns get "" for it instead.
QVariant requiredText(const QString &text)
{
    return text.isNull() ? QVariant(u""_s) : QVariant(text);
}

QVariant nullableMs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime utcFromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// Prepares sql on the store's connection; operation names the Store method in error messages.
QSqlQuery prepare(const Database &db, const QString &operation, const QString &sql)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        throw StorageError(u"Store::%1: %2"_s.arg(operation, q.lastError().text()));
    }
    return q;
}

void exec(QSqlQuery &q, const QString &operation)
{
    if (!q.exec()) {
        throw StorageError(u"Store::%1: %2"_s.arg(operation, q.lastError().text()));
    }
}

QString insertSql(const QString &table, const Row &row)
{
    QStringList names;
    QStringList placeholders;
    for (const auto &[name, value] : row) {
        names.append(name);
        placeholders.append(u":"_s + name);
    }
    return u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(table, names.join(u", "_s), placeholders.join(u", "_s));
}

void bindRow(QSqlQuery &q, const Row &row)
{
    for (const auto &[name, value] : row) {
        q.bindValue(u":"_s + name, value);
    }
}

Row appointmentRow(const Appointment &a, const QDateTime &now)
{
    return {
        {u"invitee_uri"_s, requiredText(a.inviteeUri)},
        {u"event_uri"_s, nullableText(a.eventUri)},
        {u"event_type_uri"_s, nullableText(a.eventTypeUri)},
        {u"event_name"_s, nullableText(a.eventName)},
        {u"invitee_name"_s, nullableText(a.inviteeName)},
        {u"email"_s, nullableText(a.email)},
        {u"phone_raw"_s, nullableText(a.phoneRaw)},
        {u"phone_e164"_s, nullableText(a.phoneE164)},
        {u"phone_source"_s, nullableText(a.phoneSource)},
        {u"timezone"_s, nullableText(a.timezone)},
        {u"start_utc_ms"_s, nullableMs(a.startUtc)},
        {u"end_utc_ms"_s, nullableMs(a.endUtc)},
        {u"location"_s, nullableText(a.location)},
        {u"cancel_url"_s, nullableText(a.cancelUrl)},
        {u"reschedule_url"_s, nullableText(a.rescheduleUrl)},
        {u"host_name"_s, nullableText(a.hostName)},
        {u"host_email"_s, nullableText(a.hostEmail)},
        {u"status"_s, keyOf(a.status)},
        {u"old_invitee_uri"_s, nullableText(a.oldInviteeUri)},
        {u"new_invitee_uri"_s, nullableText(a.newInviteeUri)},
        {u"cancel_reason"_s, nullableText(a.cancelReason)},
        {u"calendly_updated_utc_ms"_s, nullableMs(a.updatedUtc)},
        {u"created_utc_ms"_s, now.toMSecsSinceEpoch()},
        {u"updated_utc_ms"_s, now.toMSecsSinceEpoch()},
    };
}

Appointment appointmentFrom(const QSqlQuery &q)
{
    Appointment a;
    a.inviteeUri = q.value(u"invitee_uri"_s).toString();
    a.eventUri = q.value(u"event_uri"_s).toString();
    a.eventTypeUri = q.value(u"event_type_uri"_s).toString();
    a.eventName = q.value(u"event_name"_s).toString();
    a.inviteeName = q.value(u"invitee_name"_s).toString();
    a.email = q.value(u"email"_s).toString();
    a.phoneRaw = q.value(u"phone_raw"_s).toString();
    a.phoneE164 = q.value(u"phone_e164"_s).toString();
    a.phoneSource = q.value(u"phone_source"_s).toString();
    a.timezone = q.value(u"timezone"_s).toString();
    a.startUtc = utcFromMs(q.value(u"start_utc_ms"_s));
    a.endUtc = utcFromMs(q.value(u"end_utc_ms"_s));
    a.location = q.value(u"location"_s).toString();
    a.cancelUrl = q.value(u"cancel_url"_s).toString();
    a.rescheduleUrl = q.value(u"reschedule_url"_s).toString();
    a.hostName = q.value(u"host_name"_s).toString();
    a.hostEmail = q.value(u"host_email"_s).toString();
    const QString status = q.value(u"status"_s).toString();
    bool ok = false;
    a.status = appointmentStatusFromString(status, &ok);
    if (!ok) {
        // Guessing "active" could text someone whose booking is gone.
        throw StorageError(u"appointment %1 has an unknown status \"%2\""_s.arg(a.inviteeUri, status));
    }
    a.oldInviteeUri = q.value(u"old_invitee_uri"_s).toString();
    a.newInviteeUri = q.value(u"new_invitee_uri"_s).toString();
    a.cancelReason = q.value(u"cancel_reason"_s).toString();
    a.updatedUtc = utcFromMs(q.value(u"calendly_updated_utc_ms"_s));
    return a;
}

Row messageRow(const OutboxMessage &m, const QDateTime &now)
{
    return {
        {u"invitee_uri"_s, requiredText(m.inviteeUri)},
        {u"kind"_s, keyOf(m.kind)},
        {u"offset_min"_s, m.offsetMin},
        {u"recipient"_s, requiredText(m.recipient)},
        {u"generation"_s, m.generation},
        {u"resend_of"_s, m.resendOf > 0 ? QVariant(m.resendOf) : QVariant(QMetaType::fromType<qint64>())},
        {u"due_utc_ms"_s, nullableMs(m.dueUtc)},
        {u"template_id"_s, nullableText(m.templateId)},
        {u"params"_s, QString::fromUtf8(QJsonDocument(m.params).toJson(QJsonDocument::Compact))},
        {u"state"_s, keyOf(m.state)},
        {u"attempts"_s, m.attempts},
        {u"next_attempt_utc_ms"_s, nullableMs(m.nextAttemptUtc)},
        {u"provider_message_id"_s, nullableText(m.providerMessageId)},
        {u"provider_plan_id"_s, nullableText(m.providerPlanId)},
        {u"accepted_utc_ms"_s, nullableMs(m.acceptedUtc)},
        {u"last_error"_s, nullableText(m.lastError)},
        {u"skip_reason"_s, nullableText(m.skipReason)},
        {u"created_utc_ms"_s, now.toMSecsSinceEpoch()},
        {u"updated_utc_ms"_s, now.toMSecsSinceEpoch()},
    };
}

OutboxMessage messageFrom(const QSqlQuery &q)
{
    OutboxMessage m;
    m.id = q.value(u"id"_s).toLongLong();
    m.inviteeUri = q.value(u"invitee_uri"_s).toString();
    const QString kind = q.value(u"kind"_s).toString();
    const auto parsedKind = messageKindFromString(kind);
    if (!parsedKind) {
        throw StorageError(u"outbox message #%1 has an unknown kind \"%2\""_s.arg(m.id).arg(kind));
    }
    m.kind = *parsedKind;
    m.offsetMin = q.value(u"offset_min"_s).toInt();
    m.recipient = q.value(u"recipient"_s).toString();
    m.generation = q.value(u"generation"_s).toInt();
    m.resendOf = q.value(u"resend_of"_s).toLongLong();
    m.dueUtc = utcFromMs(q.value(u"due_utc_ms"_s));
    m.templateId = q.value(u"template_id"_s).toString();
    const QVariant params = q.value(u"params"_s);
    if (!params.isNull()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(params.toString().toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            throw StorageError(u"outbox message #%1 has unreadable params: %2"_s.arg(m.id).arg(
                error.error != QJsonParseError::NoError ? error.errorString() : u"not a JSON object"_s));
        }
        m.params = doc.object();
    }
    const QString state = q.value(u"state"_s).toString();
    const auto parsedState = messageStateFromString(state);
    if (!parsedState) {
        throw StorageError(u"outbox message #%1 has an unknown state \"%2\""_s.arg(m.id).arg(state));
    }
    m.state = *parsedState;
    m.attempts = q.value(u"attempts"_s).toInt();
    m.nextAttemptUtc = utcFromMs(q.value(u"next_attempt_utc_ms"_s));
    m.providerMessageId = q.value(u"provider_message_id"_s).toString();
    m.providerPlanId = q.value(u"provider_plan_id"_s).toString();
    m.acceptedUtc = utcFromMs(q.value(u"accepted_utc_ms"_s));
    m.deliveryStatus = q.value(u"delivery_status"_s).toString();
    m.deliveryCode = q.value(u"delivery_code"_s).toString();
    m.deliveryUtc = utcFromMs(q.value(u"delivery_utc_ms"_s));
    m.lastError = q.value(u"last_error"_s).toString();
    m.skipReason = q.value(u"skip_reason"_s).toString();
    m.createdUtc = utcFromMs(q.value(u"created_utc_ms"_s));
    m.updatedUtc = utcFromMs(q.value(u"updated_utc_ms"_s));
    return m;
}

QList<OutboxMessage> messagesFrom(QSqlQuery &q)
{
    QList<OutboxMessage> messages;
    while (q.next()) {
        messages.append(messageFrom(q));
    }
    return messages;
}

Store::BookingEventRecord bookingEventFrom(const QSqlQuery &q)
{
    Store::BookingEventRecord r;
    r.id = q.value(u"id"_s).toLongLong();
    r.receivedUtc = utcFromMs(q.value(u"received_utc_ms"_s));
    r.source = q.value(u"source"_s).toString();
    r.eventName = q.value(u"event_name"_s).toString();
    r.dedupeKey = q.value(u"dedupe_key"_s).toString();
    r.body = q.value(u"body"_s).toByteArray();
    r.outcome = q.value(u"outcome"_s).toString();
    r.detail = q.value(u"detail"_s).toString();
    r.duplicateOf = q.value(u"duplicate_of"_s).toLongLong();
    return r;
}

const QString PENDING_OUTCOME = u"pending"_s;

} // namespace

Store::Store(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

// ---- booking_events

qint64 Store::insertBookingEvent(const BookingEventRecord &record)
{
    const QString op = u"insertBookingEvent"_s;
    const QDateTime received = record.receivedUtc.isValid() ? record.receivedUtc : m_clock.nowUtc();
    const Row row{
        {u"received_utc_ms"_s, received.toMSecsSinceEpoch()},
        {u"source"_s, requiredText(record.source)},
        {u"event_name"_s, nullableText(record.eventName)},
        {u"dedupe_key"_s, nullableText(record.dedupeKey)},
        {u"body"_s, record.body}, // a null QByteArray binds as NULL
        {u"outcome"_s, record.outcome.isEmpty() ? PENDING_OUTCOME : record.outcome},
        {u"detail"_s, nullableText(record.detail)},
        {u"duplicate_of"_s, nullableId(record.duplicateOf)},
    };
    QSqlQuery q = prepare(m_db, op, m_db.dialect().returningId(insertSql(u"booking_events"_s, row)));
    bindRow(q, row);
    exec(q, op);
    return m_db.dialect().insertedId(q);
}

qint64 Store::findAppliedBookingEvent(const QString &dedupeKey)
{
    if (dedupeKey.isEmpty()) {
        return 0; // an unparseable body has no key and duplicates nothing
    }
    // The literal outcome = 'applied' lets SQLite use the partial unique index.
    QSqlQuery q = prepare(m_db, u"findAppliedBookingEvent"_s,
                          u"SELECT id FROM booking_events WHERE dedupe_key = ? AND outcome = 'applied'"
                          " ORDER BY id LIMIT 1"_s);
    q.addBindValue(dedupeKey);
    exec(q, u"findAppliedBookingEvent"_s);
    return q.next() ? q.value(0).toLongLong() : 0;
}

void Store::setBookingEventOutcome(qint64 id, const QString &outcome, const QString &detail,
                                   qint64 duplicateOf)
{
    const QString op = u"setBookingEventOutcome"_s;
    QSqlQuery q = prepare(
        m_db, op, u"UPDATE booking_events SET outcome = ?, detail = ?, duplicate_of = ? WHERE id = ?"_s);
    q.addBindValue(requiredText(outcome));
    q.addBindValue(nullableText(detail));
    q.addBindValue(nullableId(duplicateOf));
    q.addBindValue(id);
    exec(q, op);
    if (q.numRowsAffected() != 1) {
        throw StorageError(u"Store::%1: no booking event #%2"_s.arg(op).arg(id));
    }
}

std::optional<Store::BookingEventRecord> Store::bookingEvent(qint64 id)
{
    QSqlQuery q = prepare(m_db, u"bookingEvent"_s, u"SELECT * FROM booking_events WHERE id = ?"_s);
    q.addBindValue(id);
    exec(q, u"bookingEvent"_s);
    if (!q.next()) {
        return std::nullopt;
    }
    return bookingEventFrom(q);
}

QList<Store::BookingEventRecord> Store::bookingEvents(const QString &outcome)
{
    const QString op = u"bookingEvents"_s;
    // Ids grow with arrival; received times come from a clock that may step back.
    QSqlQuery q = outcome.isEmpty()
                      ? prepare(m_db, op, u"SELECT * FROM booking_events ORDER BY id"_s)
                      : prepare(m_db, op, u"SELECT * FROM booking_events WHERE outcome = ? ORDER BY id"_s);
    if (!outcome.isEmpty()) {
        q.addBindValue(outcome);
    }
    exec(q, op);
    QList<BookingEventRecord> records;
    while (q.next()) {
        records.append(bookingEventFrom(q));
    }
    return records;
}

// ---- appointments

std::optional<Appointment> Store::appointment(const QString &inviteeUri)
{
    QSqlQuery q = prepare(m_db, u"appointment"_s, u"SELECT * FROM appointments WHERE invitee_uri = ?"_s);
    q.addBindValue(inviteeUri);
    exec(q, u"appointment"_s);
    if (!q.next()) {
        return std::nullopt;
    }
    return appointmentFrom(q);
}

void Store::upsertAppointment(const Appointment &appointment)
{
    const QString op = u"upsertAppointment"_s;
    if (appointment.inviteeUri.isEmpty()) {
        throw StorageError(u"Store::%1: the appointment has no invitee URI"_s.arg(op));
    }
    const Row row = appointmentRow(appointment, m_clock.nowUtc());
    // ON CONFLICT DO UPDATE rather than INSERT OR REPLACE: REPLACE deletes the old row first, which
    // the outbox's foreign key refuses (and it would lose created_utc_ms).
    QStringList updates;
    for (const auto &[name, value] : row) {
        if (name != u"invitee_uri"_s && name != u"created_utc_ms"_s) {
            updates.append(u"%1 = excluded.%1"_s.arg(name));
        }
    }
    QSqlQuery q = prepare(m_db, op,
                          insertSql(u"appointments"_s, row) + u" ON CONFLICT (invitee_uri) DO UPDATE SET "_s +
                              updates.join(u", "_s));
    bindRow(q, row);
    exec(q, op);
}

void Store::setAppointmentStatus(const QString &inviteeUri, Appointment::Status status, const QString &reason)
{
    const QString op = u"setAppointmentStatus"_s;
    QSqlQuery q = prepare(
        m_db, op,
        u"UPDATE appointments SET status = ?, cancel_reason = ?, updated_utc_ms = ? WHERE invitee_uri = ?"_s);
    q.addBindValue(keyOf(status));
    q.addBindValue(nullableText(reason));
    q.addBindValue(m_clock.nowUtc().toMSecsSinceEpoch());
    q.addBindValue(inviteeUri);
    exec(q, op);
    if (q.numRowsAffected() != 1) {
        throw StorageError(u"Store::%1: no appointment %2"_s.arg(op, inviteeUri));
    }
}

QList<Appointment> Store::appointmentsStartingBetween(const QDateTime &fromUtc, const QDateTime &toUtc)
{
    const QString op = u"appointmentsStartingBetween"_s;
    QSqlQuery q = prepare(m_db, op,
                          u"SELECT * FROM appointments WHERE start_utc_ms >= ? AND start_utc_ms < ?"
                          " ORDER BY start_utc_ms, invitee_uri"_s);
    q.addBindValue(fromUtc.toMSecsSinceEpoch());
    q.addBindValue(toUtc.toMSecsSinceEpoch());
    exec(q, op);
    QList<Appointment> appointments;
    while (q.next()) {
        appointments.append(appointmentFrom(q));
    }
    return appointments;
}

// ---- outbox

qint64 Store::insertMessage(const OutboxMessage &message)
{
    const QString op = u"insertMessage"_s;
    const Row row = messageRow(message, m_clock.nowUtc());
    QSqlQuery q =
        prepare(m_db, op,
                m_db.dialect().returningId(
                    insertSql(u"outbox"_s, row) +
                    u" ON CONFLICT (invitee_uri, kind, offset_min, recipient, generation) DO NOTHING"_s));
    bindRow(q, row);
    exec(q, op);
    const qint64 id = m_db.dialect().insertedId(q); // 0: the key was taken
    if (id == 0) {
        return 0;
    }
    logMessageState(id, message.skipReason.isEmpty() ? message.lastError : message.skipReason);
    return id;
}

std::optional<OutboxMessage> Store::message(qint64 id)
{
    QSqlQuery q = prepare(m_db, u"message"_s, u"SELECT * FROM outbox WHERE id = ?"_s);
    q.addBindValue(id);
    exec(q, u"message"_s);
    if (!q.next()) {
        return std::nullopt;
    }
    return messageFrom(q);
}

QList<OutboxMessage> Store::messagesForInvitee(const QString &inviteeUri)
{
    const QString op = u"messagesForInvitee"_s;
    QSqlQuery q = prepare(m_db, op, u"SELECT * FROM outbox WHERE invitee_uri = ? ORDER BY due_utc_ms, id"_s);
    q.addBindValue(inviteeUri);
    exec(q, op);
    return messagesFrom(q);
}

QList<OutboxMessage> Store::messagesInState(MessageState state)
{
    const QString op = u"messagesInState"_s;
    QSqlQuery q = prepare(m_db, op, u"SELECT * FROM outbox WHERE state = ? ORDER BY due_utc_ms, id"_s);
    q.addBindValue(keyOf(state));
    exec(q, op);
    return messagesFrom(q);
}

bool Store::cancelPendingMessage(qint64 id, MessageState newState, const QString &reason)
{
    const QString op = u"cancelPendingMessage"_s;
    if (newState != MessageState::Canceled && newState != MessageState::Skipped) {
        throw StorageError(
            u"Store::%1: \"%2\" is not a state to withdraw a message to"_s.arg(op, keyOf(newState)));
    }
    // The state test is in the UPDATE itself, so a message the dispatcher picked up meanwhile is
    // never rewritten.
    QSqlQuery q = prepare(m_db, op,
                          u"UPDATE outbox SET state = ?, skip_reason = ?, updated_utc_ms = ?"
                          " WHERE id = ? AND state IN ('queued', 'retry_wait')"_s);
    q.addBindValue(keyOf(newState));
    q.addBindValue(nullableText(reason));
    q.addBindValue(m_clock.nowUtc().toMSecsSinceEpoch());
    q.addBindValue(id);
    exec(q, op);
    if (q.numRowsAffected() == 0) {
        return false;
    }
    logMessageState(id, reason);
    return true;
}

namespace {

const QString DUE_MESSAGES_SQL =
    u"SELECT * FROM outbox"
    " WHERE (state = 'queued' AND due_utc_ms <= :now)"
    "    OR (state = 'retry_wait' AND COALESCE(next_attempt_utc_ms, due_utc_ms) <= :now)"
    " ORDER BY CASE state WHEN 'queued' THEN due_utc_ms"
    "          ELSE COALESCE(next_attempt_utc_ms, due_utc_ms) END, id"
    " LIMIT :limit"_s;

} // namespace

QList<OutboxMessage> Store::dueMessages(const QDateTime &nowUtc, int limit)
{
    const QString op = u"dueMessages"_s;
    QSqlQuery q = prepare(m_db, op, DUE_MESSAGES_SQL);
    q.bindValue(u":now"_s, nowUtc.toMSecsSinceEpoch());
    q.bindValue(u":limit"_s, limit);
    exec(q, op);
    return messagesFrom(q);
}

// Exactly once with several instances (desks, headless servers) on one PostgreSQL store:
//
// Claiming. An instance picks due rows with SELECT ... FOR UPDATE SKIP LOCKED in a write transaction,
// checks each (withdrawn? opted out? quiet hours?) and sets the ones it will send to "sending" with
// claimed_by = its id, and commits before any request leaves. A row locked by another instance's
// claim is skipped, not waited for; when that claim commits the row is no longer pending, and
// markSending()'s "AND state IN (queued, retry_wait)" would refuse it anyway. So no two instances
// ever send one row, and a slow instance never holds up the others. READ COMMITTED suffices: the
// lock, not a snapshot, decides (SqlDialect.cpp).
//
// Leases. A claim is a promise to record the answer. An instance that dies (SIGKILL, power cut, a
// cable pulled) cannot keep it and cannot say so; only time can tell. So each instance holds a lease:
// its row in `instances`, whose heartbeat it renews well within the lease, and any instance that
// finds a heartbeat older than the lease takes that instance for dead (markAbandonedSendsUnknown()).
// Its "sending" rows become "unknown" (maybe sent), never "queued": the request may have reached the
// provider before the instance died, and texting a patient twice is worse than asking the operator
// to check. A live instance's claims are never touched, so a starting instance only sweeps rows of
// dead or unregistered instances (and its own id's, from an earlier run). Heartbeats come from each
// instance's clock: the lease must exceed the heartbeat interval plus the clock skew between hosts.
// An instance taken for dead by mistake (suspended past its lease) loses nothing but accuracy: its
// late answers still settle the rows (finishSending() with its instanceId).
QList<OutboxMessage> Store::lockDueMessages(const QDateTime &nowUtc, int limit)
{
    const QString op = u"lockDueMessages"_s;
    const QString lock = m_db.dialect().lockSkipLocked();
    QSqlQuery q = prepare(m_db, op, lock.isEmpty() ? DUE_MESSAGES_SQL : DUE_MESSAGES_SQL + u' ' + lock);
    q.bindValue(u":now"_s, nowUtc.toMSecsSinceEpoch());
    q.bindValue(u":limit"_s, limit);
    exec(q, op);
    return messagesFrom(q);
}

QList<OutboxMessage> Store::claimDueMessages(const QDateTime &nowUtc, int limit, const QString &instanceId)
{
    QList<OutboxMessage> claimed;
    for (OutboxMessage m : lockDueMessages(nowUtc, limit)) {
        if (markSending(m.id, instanceId)) {
            m.state = MessageState::Sending;
            m.attempts += 1;
            claimed.append(m);
        }
    }
    return claimed;
}

QDateTime Store::nextDueUtc()
{
    const QString op = u"nextDueUtc"_s;
    QSqlQuery q = prepare(m_db, op,
                          u"SELECT MIN(CASE state WHEN 'queued' THEN due_utc_ms"
                          "                ELSE COALESCE(next_attempt_utc_ms, due_utc_ms) END)"
                          " FROM outbox WHERE state IN ('queued', 'retry_wait')"_s);
    exec(q, op);
    return q.next() ? utcFromMs(q.value(0)) : QDateTime();
}

bool Store::markSending(qint64 id, const QString &instanceId)
{
    const QString op = u"markSending"_s;
    QSqlQuery q = prepare(m_db, op,
                          u"UPDATE outbox SET state = 'sending', attempts = attempts + 1, claimed_by = ?,"
                          " updated_utc_ms = ? WHERE id = ? AND state IN ('queued', 'retry_wait')"_s);
    q.addBindValue(nullableText(instanceId));
    q.addBindValue(m_clock.nowUtc().toMSecsSinceEpoch());
    q.addBindValue(id);
    exec(q, op);
    if (q.numRowsAffected() == 0) {
        return false;
    }
    logMessageState(id, {});
    return true;
}

void Store::finishSending(qint64 id, const SendOutcome &outcome)
{
    const QString op = u"finishSending"_s;
    if (outcome.state != MessageState::Accepted && outcome.state != MessageState::RetryWait &&
        outcome.state != MessageState::Failed && outcome.state != MessageState::Unknown &&
        outcome.state != MessageState::Queued) {
        throw StorageError(u"Store::%1: \"%2\" does not end a send"_s.arg(op, keyOf(outcome.state)));
    }
    QSqlQuery q = prepare(m_db, op,
                          u"UPDATE outbox SET state = :state,"
                          " attempts = attempts - :unsent,"
                          " next_attempt_utc_ms = :next,"
                          " provider_message_id = COALESCE(:provider_id, provider_message_id),"
                          " provider_plan_id = COALESCE(:plan_id, provider_plan_id),"
                          " accepted_utc_ms = COALESCE(:accepted, accepted_utc_ms),"
                          " last_error = :error,"
                          " skip_reason = :reason,"
                          " updated_utc_ms = :now"
                          " WHERE id = :id AND (state = 'sending'"
                          "   OR (state = 'unknown' AND :me <> '' AND claimed_by = :me))"_s);
    const QDateTime now = m_clock.nowUtc();
    q.bindValue(u":state"_s, keyOf(outcome.state));
    q.bindValue(u":unsent"_s, outcome.state == MessageState::Queued ? 1 : 0);
    q.bindValue(u":next"_s, nullableMs(outcome.nextAttemptUtc));
    q.bindValue(u":provider_id"_s, nullableText(outcome.providerMessageId));
    q.bindValue(u":plan_id"_s, nullableText(outcome.providerPlanId));
    q.bindValue(u":accepted"_s, outcome.state == MessageState::Accepted
                                    ? QVariant(now.toMSecsSinceEpoch())
                                    : QVariant(QMetaType::fromType<qint64>()));
    q.bindValue(u":error"_s, nullableText(outcome.error));
    q.bindValue(u":reason"_s, nullableText(outcome.reason));
    q.bindValue(u":now"_s, now.toMSecsSinceEpoch());
    q.bindValue(u":id"_s, id);
    q.bindValue(u":me"_s, outcome.instanceId.isNull() ? u""_s : outcome.instanceId);
    exec(q, op);
    if (q.numRowsAffected() == 0) {
        throw StorageError(u"Store::%1: message #%2 is not being sent"_s.arg(op).arg(id));
    }
    logMessageState(id, outcome.reason.isEmpty() ? outcome.error : outcome.reason);
}

int Store::markInterruptedSendsUnknown(const QString &reason)
{
    const QString op = u"markInterruptedSendsUnknown"_s;
    QSqlQuery log =
        prepare(m_db, op,
                u"INSERT INTO message_log (at_utc_ms, message_id, invitee_uri, kind, state, detail)"
                " SELECT ?, id, invitee_uri, kind, 'unknown', ? FROM outbox WHERE state = 'sending'"_s);
    log.addBindValue(m_clock.nowUtc().toMSecsSinceEpoch());
    log.addBindValue(reason);
    exec(log, op);
    QSqlQuery q = prepare(m_db, op,
                          u"UPDATE outbox SET state = 'unknown', skip_reason = ?, updated_utc_ms = ?"
                          " WHERE state = 'sending'"_s);
    q.addBindValue(reason);
    q.addBindValue(m_clock.nowUtc().toMSecsSinceEpoch());
    exec(q, op);
    return q.numRowsAffected();
}

QList<qint64> Store::markAbandonedSendsUnknown(const QString &reason, const AbandonedSends &which)
{
    const QString op = u"markAbandonedSendsUnknown"_s;
    // The dead instances' registrations go first; then a claim is abandoned when its instance is not
    // registered. An instance taken for dead by mistake registers again with its next heartbeat.
    QString deadSql = u"DELETE FROM instances WHERE (heartbeat_utc_ms < ?"_s;
    QVariantList deadValues{which.staleBeforeUtc.toMSecsSinceEpoch()};
    if (which.onlyAlive) {
        if (which.onlyAlive->isEmpty()) {
            deadSql += u" OR 1 = 1"_s;
        } else {
            QStringList marks;
            for (const QString &id : *which.onlyAlive) {
                marks.append(u"?"_s);
                deadValues.append(id);
            }
            deadSql += u" OR instance_id NOT IN (%1)"_s.arg(marks.join(u", "_s));
        }
    }
    deadSql += which.starting ? u") OR instance_id = ?"_s : u") AND instance_id <> ?"_s;
    deadValues.append(requiredText(which.selfId));
    QSqlQuery dead = prepare(m_db, op, deadSql);
    for (const QVariant &value : deadValues) {
        dead.addBindValue(value);
    }
    exec(dead, op);

    QSqlQuery find = prepare(m_db, op,
                             u"SELECT id, claimed_by FROM outbox o WHERE state = 'sending' AND ("_s +
                                 (which.starting ? u"claimed_by IS NULL OR "_s : QString()) +
                                 u"(claimed_by IS NOT NULL AND NOT EXISTS"
                                 " (SELECT 1 FROM instances i WHERE i.instance_id = o.claimed_by)))"
                                 " ORDER BY id"_s);
    exec(find, op);
    QList<std::pair<qint64, QString>> found;
    while (find.next()) {
        found.append({find.value(0).toLongLong(), find.value(1).toString()});
    }
    QList<qint64> changed;
    const qint64 now = m_clock.nowUtc().toMSecsSinceEpoch();
    for (const auto &[id, claimedBy] : found) {
        // Only if still the same claim: its instance may have answered meanwhile (PostgreSQL, another
        // connection), and a row finished and claimed again is someone else's.
        QSqlQuery q = prepare(m_db, op,
                              u"UPDATE outbox SET state = 'unknown', skip_reason = ?, updated_utc_ms = ?"
                              " WHERE id = ? AND state = 'sending' AND COALESCE(claimed_by, '') = ?"_s);
        q.addBindValue(reason);
        q.addBindValue(now);
        q.addBindValue(id);
        q.addBindValue(claimedBy.isNull() ? u""_s : claimedBy);
        exec(q, op);
        if (q.numRowsAffected() > 0) {
            logMessageState(id, reason);
            changed.append(id);
        }
    }
    return changed;
}

void Store::upsertInstance(const InstanceRecord &instance)
{
    const QString op = u"upsertInstance"_s;
    if (instance.instanceId.isEmpty()) {
        throw StorageError(u"Store::%1: no instance id given"_s.arg(op));
    }
    QSqlQuery q =
        prepare(m_db, op,
                u"INSERT INTO instances (instance_id, host, pid, started_utc_ms, heartbeat_utc_ms)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (instance_id) DO UPDATE SET host = excluded.host,"
                " pid = excluded.pid, heartbeat_utc_ms = excluded.heartbeat_utc_ms"_s);
    const QDateTime heartbeat = instance.heartbeatUtc.isValid() ? instance.heartbeatUtc : m_clock.nowUtc();
    q.addBindValue(instance.instanceId);
    q.addBindValue(nullableText(instance.host));
    q.addBindValue(instance.pid);
    q.addBindValue((instance.startedUtc.isValid() ? instance.startedUtc : heartbeat).toMSecsSinceEpoch());
    q.addBindValue(heartbeat.toMSecsSinceEpoch());
    exec(q, op);
}

void Store::removeInstance(const QString &instanceId)
{
    const QString op = u"removeInstance"_s;
    QSqlQuery q = prepare(m_db, op, u"DELETE FROM instances WHERE instance_id = ?"_s);
    q.addBindValue(requiredText(instanceId));
    exec(q, op);
}

QList<Store::InstanceRecord> Store::instances()
{
    const QString op = u"instances"_s;
    QSqlQuery q = prepare(m_db, op,
                          u"SELECT instance_id, host, pid, started_utc_ms, heartbeat_utc_ms FROM instances"
                          " ORDER BY instance_id"_s);
    exec(q, op);
    QList<InstanceRecord> list;
    while (q.next()) {
        list.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                     utcFromMs(q.value(3)), utcFromMs(q.value(4))});
    }
    return list;
}

void Store::setMessageParams(qint64 id, const QJsonObject &params)
{
    const QString op = u"setMessageParams"_s;
    QSqlQuery q = prepare(m_db, op, u"UPDATE outbox SET params = ?, updated_utc_ms = ? WHERE id = ?"_s);
    q.addBindValue(QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact)));
    q.addBindValue(m_clock.nowUtc().toMSecsSinceEpoch());
    q.addBindValue(id);
    exec(q, op);
}

bool Store::holdMessage(qint64 id, const QDateTime &dueUtc, const QString &reason)
{
    const QString op = u"holdMessage"_s;
    QSqlQuery q =
        prepare(m_db, op,
                u"UPDATE outbox SET state = 'queued', due_utc_ms = ?, next_attempt_utc_ms = NULL,"
                " skip_reason = ?, updated_utc_ms = ? WHERE id = ? AND state IN ('queued', 'retry_wait')"_s);
    q.addBindValue(dueUtc.toMSecsSinceEpoch());
    q.addBindValue(nullableText(reason));
    q.addBindValue(m_clock.nowUtc().toMSecsSinceEpoch());
    q.addBindValue(id);
    exec(q, op);
    if (q.numRowsAffected() == 0) {
        return false;
    }
    logMessageState(id, reason);
    return true;
}

qint64 Store::recordDelivery(qint64 messageId, const QString &providerMessageId, const QString &status,
                             const QString &code, const QDateTime &atUtc)
{
    const QString op = u"recordDelivery"_s;
    // The provider's id is the stronger key; Deskbell's own id (custom_args) serves when the receipt
    // has only that. A receipt never changes the sending state: "accepted" stays, delivery is beside it.
    QSqlQuery find = prepare(m_db, op,
                             u"SELECT id FROM outbox WHERE (:pid <> '' AND provider_message_id = :pid)"
                             " OR (:pid = '' AND id = :id) ORDER BY id LIMIT 1"_s);
    find.bindValue(u":pid"_s, providerMessageId.isNull() ? u""_s : providerMessageId);
    find.bindValue(u":id"_s, messageId);
    exec(find, op);
    if (!find.next()) {
        return 0;
    }
    const qint64 id = find.value(0).toLongLong();
    QSqlQuery q = prepare(m_db, op,
                          u"UPDATE outbox SET delivery_status = ?, delivery_code = ?, delivery_utc_ms = ?,"
                          " updated_utc_ms = ? WHERE id = ?"_s);
    q.addBindValue(status);
    q.addBindValue(nullableText(code));
    q.addBindValue(nullableMs(atUtc.isValid() ? atUtc : m_clock.nowUtc()));
    q.addBindValue(m_clock.nowUtc().toMSecsSinceEpoch());
    q.addBindValue(id);
    exec(q, op);
    logMessageState(id, code.isEmpty() ? u"delivery: %1"_s.arg(status)
                                       : u"delivery: %1 (%2)"_s.arg(status, code));
    return id;
}

void Store::logMessageState(qint64 id, const QString &detail)
{
    const QString op = u"logMessageState"_s;
    QSqlQuery q = prepare(m_db, op,
                          u"INSERT INTO message_log (at_utc_ms, message_id, invitee_uri, kind, state, detail)"
                          " SELECT ?, id, invitee_uri, kind, state, ? FROM outbox WHERE id = ?"_s);
    q.addBindValue(m_clock.nowUtc().toMSecsSinceEpoch());
    q.addBindValue(nullableText(detail));
    q.addBindValue(id);
    exec(q, op);
}

// ---- engine state

QString Store::engineState(const QString &key)
{
    QSqlQuery q = prepare(m_db, u"engineState"_s, u"SELECT value FROM engine_state WHERE key = ?"_s);
    q.addBindValue(key);
    exec(q, u"engineState"_s);
    return q.next() ? q.value(0).toString() : QString();
}

void Store::setEngineState(const QString &key, const QString &value)
{
    const QString op = u"setEngineState"_s;
    QSqlQuery q = prepare(m_db, op,
                          u"INSERT INTO engine_state (key, value) VALUES (?, ?)"
                          " ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    q.addBindValue(key);
    q.addBindValue(value);
    exec(q, op);
}

// ---- opt-outs

bool Store::isOptedOut(const QString &e164)
{
    if (e164.isEmpty()) {
        return false;
    }
    QSqlQuery q = prepare(m_db, u"isOptedOut"_s, u"SELECT 1 FROM opt_outs WHERE phone_e164 = ?"_s);
    q.addBindValue(e164);
    exec(q, u"isOptedOut"_s);
    return q.next();
}

void Store::addOptOut(const QString &e164, const QString &source, const QString &reason)
{
    const QString op = u"addOptOut"_s;
    if (e164.isEmpty()) {
        throw StorageError(u"Store::%1: no phone number given"_s.arg(op));
    }
    // The first opt-out of a number is the one that counts; a repeat changes nothing.
    QSqlQuery q =
        prepare(m_db, op,
                u"INSERT INTO opt_outs (phone_e164, source, reason, created_utc_ms) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (phone_e164) DO NOTHING"_s);
    q.addBindValue(e164);
    q.addBindValue(nullableText(source));
    q.addBindValue(nullableText(reason));
    q.addBindValue(m_clock.nowUtc().toMSecsSinceEpoch());
    exec(q, op);
}

void Store::removeOptOut(const QString &e164)
{
    QSqlQuery q = prepare(m_db, u"removeOptOut"_s, u"DELETE FROM opt_outs WHERE phone_e164 = ?"_s);
    q.addBindValue(e164);
    exec(q, u"removeOptOut"_s);
}

// ---- audit log

qint64 Store::appendAudit(const AuditEntry &entry)
{
    const QString op = u"appendAudit"_s;
    const QDateTime at = entry.atUtc.isValid() ? entry.atUtc : m_clock.nowUtc();
    const Row row{
        {u"at_utc_ms"_s, at.toMSecsSinceEpoch()},  {u"actor"_s, requiredText(entry.actor)},
        {u"action"_s, requiredText(entry.action)}, {u"target"_s, nullableText(entry.target)},
        {u"reason"_s, nullableText(entry.reason)}, {u"details"_s, nullableText(entry.details)},
    };
    QSqlQuery q = prepare(m_db, op, m_db.dialect().returningId(insertSql(u"audit_log"_s, row)));
    bindRow(q, row);
    exec(q, op);
    return m_db.dialect().insertedId(q);
}

QList<Store::AuditEntry> Store::auditEntries()
{
    QSqlQuery q = prepare(m_db, u"auditEntries"_s, u"SELECT * FROM audit_log ORDER BY id"_s);
    exec(q, u"auditEntries"_s);
    QList<AuditEntry> entries;
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(u"id"_s).toLongLong();
        e.atUtc = utcFromMs(q.value(u"at_utc_ms"_s));
        e.actor = q.value(u"actor"_s).toString();
        e.action = q.value(u"action"_s).toString();
        e.target = q.value(u"target"_s).toString();
        e.reason = q.value(u"reason"_s).toString();
        e.details = q.value(u"details"_s).toString();
        entries.append(e);
    }
    return entries;
}

// ---- message_log

QList<Store::MessageLogEntry> Store::messageLog(qint64 messageId)
{
    const QString op = u"messageLog"_s;
    QSqlQuery q =
        prepare(m_db, op, u"SELECT * FROM message_log WHERE (? = 0 OR message_id = ?) ORDER BY id"_s);
    q.addBindValue(messageId);
    q.addBindValue(messageId);
    exec(q, op);
    QList<MessageLogEntry> entries;
    while (q.next()) {
        MessageLogEntry e;
        e.id = q.value(u"id"_s).toLongLong();
        e.atUtc = utcFromMs(q.value(u"at_utc_ms"_s));
        e.messageId = q.value(u"message_id"_s).toLongLong();
        e.inviteeUri = q.value(u"invitee_uri"_s).toString();
        e.kind = q.value(u"kind"_s).toString();
        e.state = q.value(u"state"_s).toString();
        e.detail = q.value(u"detail"_s).toString();
        entries.append(e);
    }
    return entries;
}

// ---- operator actions

int Store::maxGeneration(const QString &inviteeUri, MessageKind kind, int offsetMin)
{
    const QString op = u"maxGeneration"_s;
    QSqlQuery q = prepare(m_db, op,
                          u"SELECT MAX(generation) FROM outbox WHERE invitee_uri = ? AND kind = ?"
                          " AND offset_min = ?"_s);
    q.addBindValue(inviteeUri);
    q.addBindValue(keyOf(kind));
    q.addBindValue(offsetMin);
    exec(q, op);
    return q.next() && !q.value(0).isNull() ? q.value(0).toInt() : -1;
}

std::optional<OutboxMessage> Store::findMessage(const QString &inviteeUri, MessageKind kind, int offsetMin,
                                                const QString &recipient, int generation)
{
    const QString op = u"findMessage"_s;
    QSqlQuery q = prepare(m_db, op,
                          u"SELECT * FROM outbox WHERE invitee_uri = ? AND kind = ? AND offset_min = ?"
                          " AND recipient = ? AND generation = ?"_s);
    q.addBindValue(inviteeUri);
    q.addBindValue(keyOf(kind));
    q.addBindValue(offsetMin);
    q.addBindValue(requiredText(recipient));
    q.addBindValue(generation);
    exec(q, op);
    if (!q.next()) {
        return std::nullopt;
    }
    return messageFrom(q);
}

QList<OutboxMessage> Store::pendingMessagesTo(const QString &recipient)
{
    const QString op = u"pendingMessagesTo"_s;
    QSqlQuery q = prepare(m_db, op,
                          u"SELECT * FROM outbox WHERE recipient = ? AND state IN ('queued', 'retry_wait')"
                          " ORDER BY due_utc_ms, id"_s);
    q.addBindValue(requiredText(recipient));
    exec(q, op);
    return messagesFrom(q);
}

bool Store::setMessageDueNow(qint64 id, const QDateTime &dueUtc, const QString &detail)
{
    const QString op = u"setMessageDueNow"_s;
    QSqlQuery q = prepare(
        m_db, op,
        u"UPDATE outbox SET state = 'queued', due_utc_ms = ?, next_attempt_utc_ms = NULL,"
        " skip_reason = NULL, updated_utc_ms = ? WHERE id = ? AND state IN ('queued', 'retry_wait')"_s);
    q.addBindValue(dueUtc.toMSecsSinceEpoch());
    q.addBindValue(m_clock.nowUtc().toMSecsSinceEpoch());
    q.addBindValue(id);
    exec(q, op);
    if (q.numRowsAffected() == 0) {
        return false;
    }
    logMessageState(id, detail);
    return true;
}

bool Store::updatePendingMessage(qint64 id, const PendingChange &change, const QString &detail)
{
    const QString op = u"updatePendingMessage"_s;
    QStringList sets;
    QList<QVariant> values;
    if (change.dueUtc) {
        if (!change.dueUtc->isValid()) {
            throw StorageError(u"Store::%1: message #%2 needs a valid due time"_s.arg(op).arg(id));
        }
        sets.append(u"due_utc_ms = ?"_s);
        values.append(change.dueUtc->toMSecsSinceEpoch());
    }
    if (change.templateId) {
        sets.append(u"template_id = ?"_s);
        values.append(nullableText(*change.templateId));
    }
    if (change.recipient) {
        sets.append(u"recipient = ?"_s);
        values.append(requiredText(*change.recipient));
    }
    if (change.params) {
        sets.append(u"params = ?"_s);
        values.append(QString::fromUtf8(QJsonDocument(*change.params).toJson(QJsonDocument::Compact)));
    }
    sets.append(u"updated_utc_ms = ?"_s);
    values.append(m_clock.nowUtc().toMSecsSinceEpoch());
    QSqlQuery q = prepare(m_db, op,
                          u"UPDATE outbox SET "_s + sets.join(u", "_s) +
                              u" WHERE id = ? AND state IN ('queued', 'retry_wait')"_s);
    for (const QVariant &value : std::as_const(values)) {
        q.addBindValue(value);
    }
    q.addBindValue(id);
    exec(q, op);
    if (q.numRowsAffected() == 0) {
        return false;
    }
    logMessageState(id, detail);
    return true;
}

bool Store::requeueSkippedMessage(qint64 id, const QString &recipient, const QString &detail)
{
    const QString op = u"requeueSkippedMessage"_s;
    QSqlQuery q = prepare(m_db, op,
                          u"UPDATE outbox SET state = 'queued', recipient = ?, attempts = 0,"
                          " next_attempt_utc_ms = NULL, last_error = NULL, skip_reason = NULL,"
                          " updated_utc_ms = ? WHERE id = ? AND state = 'skipped'"_s);
    q.addBindValue(requiredText(recipient));
    q.addBindValue(m_clock.nowUtc().toMSecsSinceEpoch());
    q.addBindValue(id);
    exec(q, op);
    if (q.numRowsAffected() == 0) {
        return false;
    }
    logMessageState(id, detail);
    return true;
}

void Store::setAppointmentPhone(const QString &inviteeUri, const QString &raw, const QString &e164,
                                const QString &source)
{
    const QString op = u"setAppointmentPhone"_s;
    QSqlQuery q = prepare(m_db, op,
                          u"UPDATE appointments SET phone_raw = ?, phone_e164 = ?, phone_source = ?,"
                          " updated_utc_ms = ? WHERE invitee_uri = ?"_s);
    q.addBindValue(nullableText(raw));
    q.addBindValue(nullableText(e164));
    q.addBindValue(nullableText(source));
    q.addBindValue(m_clock.nowUtc().toMSecsSinceEpoch());
    q.addBindValue(inviteeUri);
    exec(q, op);
    if (q.numRowsAffected() != 1) {
        throw StorageError(u"Store::%1: no appointment %2"_s.arg(op, inviteeUri));
    }
}

} // namespace deskbell
