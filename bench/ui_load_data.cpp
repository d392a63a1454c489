#include "ui_load_data.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/StorageError.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <numeric>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

// One prepared INSERT, executed once per row. Returns the new row's id when the table has one.
class Insert
{
public:
    Insert(const Database &db, const QString &sql, bool hasId = true)
        : m_q(db.connection())
        , m_dialect(db.dialect())
        , m_hasId(hasId)
    {
        if (!m_q.prepare(hasId ? m_dialect.returningId(sql) : sql)) {
            throw StorageError(u"fillConsoleLoad: %1: %2"_s.arg(sql, m_q.lastError().text()));
        }
    }
    qint64 operator()(const QVariantList &values)
    {
        for (qsizetype i = 0; i < values.size(); ++i) {
            m_q.bindValue(int(i), values[i]);
        }
        if (!m_q.exec()) {
            throw StorageError(u"fillConsoleLoad: %1"_s.arg(m_q.lastError().text()));
        }
        return m_hasId ? m_dialect.insertedId(m_q) : 0;
    }

private:
    QSqlQuery m_q;
    const SqlDialect &m_dialect;
    bool m_hasId;
};

void exec(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql)) {
        throw StorageError(u"fillConsoleLoad: %1: %2"_s.arg(sql, q.lastError().text()));
    }
}

const QVariant NULL_TEXT{QMetaType::fromType<QString>()};
const QVariant NULL_NUMBER{QMetaType::fromType<qint64>()};

QVariant text(const QString &value)
{
    return value.isEmpty() ? NULL_TEXT : QVariant(value);
}

QVariant ms(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : NULL_NUMBER;
}

const QStringList FIRST_NAMES{
    u"Somchai"_s, u"Ploy"_s,  u"Anna"_s,  u"José"_s,    u"Mei"_s,      u"Liam"_s,  u"Fatima"_s, u"Noah"_s,
    u"Aroha"_s,   u"Kenji"_s, u"Olga"_s,  u"Chinedu"_s, u"Siriporn"_s, u"Lucas"_s, u"Amélie"_s, u"Ravi"_s,
    u"Sofia"_s,   u"Tomás"_s, u"Nicha"_s, u"Ahmed"_s,   u"สมชาย"_s,    u"Hana"_s,  u"Ewa"_s,    u"Mateo"_s,
};
const QStringList LAST_NAMES{
    u"Jaidee"_s,   u"Smith"_s,     u"García"_s, u"Nguyen"_s, u"Müller"_s,    u"Okafor"_s, u"Tanaka"_s,
    u"Kowalski"_s, u"Rossi"_s,     u"Silva"_s,  u"Patel"_s,  u"Kim"_s,       u"Suzuki"_s, u"O'Brien"_s,
    u"Dubois"_s,   u"Wongsakul"_s, u"ใจดี"_s,    u"Haddad"_s, u"Johansson"_s, u"Cohen"_s,
};
const QStringList EVENT_NAMES{
    u"Consultation — 30 min"_s, u"Follow-up visit"_s, u"First appointment (60 min)"_s,
    u"Teeth cleaning"_s,        u"Physio session"_s,  u"Online check-in"_s,
    u"Vaccination"_s,           u"Eye exam"_s,
};
const QStringList HOSTS{u"Dr. Ploy"_s, u"Dr. Martin"_s, u"Nurse Kai"_s, u"Dr. Aiko"_s};
const QStringList ZONES{u"Asia/Bangkok"_s, u"Europe/Berlin"_s, u"America/New_York"_s, u"Asia/Tokyo"_s};

struct Plan
{
    QString kind;
    int offsetMin;
};

// The messages of one appointment, in planning order; past eight, more reminders.
Plan planFor(int index)
{
    static const QList<Plan> plans{
        {u"confirm"_s, 0},     {u"reminder"_s, 1440}, {u"reminder"_s, 120}, {u"followup"_s, 60},
        {u"host_notify"_s, 0}, {u"reminder"_s, 4320}, {u"no_show"_s, 0},    {u"reschedule"_s, 0},
    };
    if (index < plans.size()) {
        return plans[index];
    }
    return {u"reminder"_s, 10 * index};
}

// Rows of the three logs, collected first and written in time order at the end: in a desk's database
// their ids grow with time (each is appended when it happens), and the console's reads depend on that.
struct LogRow
{
    qint64 at;
    qint64 messageId;
    QString uri;
    QString kind;
    QString state;
    QString detail;
};

struct EventRow
{
    qint64 at;
    QString source;
    QString eventName;
    QString dedupeKey;
    QByteArray body;
    QString outcome;
    QString detail;
    qsizetype duplicateOf = -1; // index of the event it repeats
};

struct AuditRow
{
    qint64 at;
    QString actor;
    QString action;
    QString target;
    QString reason;
    QString details;
};

template <typename Row> void sortByTime(QList<Row> &rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.at < b.at; });
}

} // namespace

void fillConsoleLoad(Database &db, int appointments, int messagesPerAppointment, const QDateTime &nowUtc,
                     QTimeZone zone)
{
    if (!zone.isValid()) {
        zone = QTimeZone::utc();
    }
    QRandomGenerator rng(20261102);
    const auto chance = [&rng](int perThousand) {
        return int(rng.bounded(1000)) < perThousand;
    };
    const auto pick = [&rng](const QStringList &list) {
        return list[int(rng.bounded(int(list.size())))];
    };
    const QDateTime now = nowUtc.toUTC();
    const QDate today = now.toTimeZone(zone).date();

    const bool sqlite = db.dialect().backend() == SqlDialect::Backend::Sqlite;
    // Index pages of six outbox indexes stay in memory while they are filled in random order.
    if (sqlite) {
        exec(db, u"PRAGMA cache_size = -262144"_s);
    }
    Transaction tx(db);

    Insert insertAppointment(
        db,
        u"INSERT INTO appointments (invitee_uri, event_uri, event_type_uri, event_name, invitee_name,"
        " email, phone_raw, phone_e164, phone_source, timezone, start_utc_ms, end_utc_ms, location,"
        " cancel_url, reschedule_url, host_name, host_email, status, cancel_reason, created_utc_ms,"
        " updated_utc_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        false);
    Insert insertMessage(
        db,
        u"INSERT INTO outbox (invitee_uri, kind, offset_min, recipient, generation, resend_of, due_utc_ms,"
        " template_id, params, state, attempts, next_attempt_utc_ms, provider_message_id, accepted_utc_ms,"
        " delivery_status, delivery_code, delivery_utc_ms, last_error, skip_reason, created_utc_ms,"
        " updated_utc_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    Insert insertLog(db, u"INSERT INTO message_log (at_utc_ms, message_id, invitee_uri, kind, state, detail)"
                         " VALUES (?, ?, ?, ?, ?, ?)"_s);
    Insert insertEvent(db,
                       u"INSERT INTO booking_events (received_utc_ms, source, event_name, dedupe_key, body,"
                       " outcome, detail, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    Insert insertAudit(db, u"INSERT INTO audit_log (at_utc_ms, actor, action, target, reason, details)"
                           " VALUES (?, ?, ?, ?, ?, ?)"_s);

    // When each meeting is and when it was booked; they are written in booking order, as they came.
    struct Slot
    {
        int index;
        QDateTime start;
        QDateTime booked;
    };
    QList<Slot> meetings;
    meetings.reserve(appointments);
    for (int i = 0; i < appointments; ++i) {
        const QDate day = today.addDays(int(rng.bounded(-60, 60)));
        const QTime time(8 + int(rng.bounded(10)), 15 * int(rng.bounded(4)));
        const QDateTime start = QDateTime(day, time, zone).toUTC();
        // Booked up to three weeks ahead; a meeting further out was booked in the last three weeks.
        QDateTime booked = start.addSecs(-qint64(rng.bounded(3600, 21 * 24 * 3600)));
        if (booked > now) {
            booked = now.addSecs(-qint64(rng.bounded(60, 21 * 24 * 3600)));
        }
        meetings.append({i, start, booked});
    }
    std::stable_sort(meetings.begin(), meetings.end(),
                     [](const Slot &a, const Slot &b) { return a.booked < b.booked; });

    QList<LogRow> logRows;
    QList<EventRow> events;
    QList<AuditRow> audits;
    const auto log = [&logRows](const QDateTime &at, qint64 id, const QString &uri, const QString &kind,
                                const QString &state, const QString &detail) {
        logRows.append({at.toMSecsSinceEpoch(), id, uri, kind, state, detail});
    };

    qint64 providerId = 7300000000000000000LL; // 19 digits, as EngageLab's
    for (const Slot &slot : std::as_const(meetings)) {
        // ---- the appointment
        const int i = slot.index;
        const QDateTime &start = slot.start;
        const QDateTime &booked = slot.booked;
        const QString eventId = u"EV%1"_s.arg(i, 7, 10, QChar(u'0'));
        const QString uri = u"https://api.calendly.com/scheduled_events/%1/invitees/IN%2"_s.arg(eventId).arg(
            i, 7, 10, QChar(u'0'));
        const QString first = pick(FIRST_NAMES);
        const QString last = pick(LAST_NAMES);
        const QString eventName = pick(EVENT_NAMES);
        const QString host = pick(HOSTS);
        const QDateTime end = start.addSecs(chance(500) ? 30 * 60 : 60 * 60);

        QString phoneRaw;
        QString phoneE164;
        const int phoneKind = int(rng.bounded(100));
        const quint32 number = 10000000 + (quint32(i) * 7919u) % 89999999u;
        if (phoneKind < 60) {
            const QString digits = QString::number(number);
            phoneE164 = u"+668"_s + digits;
            phoneRaw = u"08%1 %2 %3"_s.arg(digits.left(1), digits.mid(1, 3), digits.mid(4));
        } else if (phoneKind < 80) {
            const QString digits = QString::number(2000000000ULL + number);
            phoneE164 = u"+1"_s + digits;
            phoneRaw = u"+1 (%1) %2-%3"_s.arg(digits.left(3), digits.mid(3, 3), digits.mid(6));
        } else if (phoneKind < 92) {
            const QString digits = QString::number(7000000000ULL + number);
            phoneE164 = u"+44"_s + digits;
            phoneRaw = u"0%1 %2"_s.arg(digits.left(4), digits.mid(4));
        } else if (phoneKind < 96) {
            phoneRaw = u"call me %1"_s.arg(number % 1000); // not a number: messages are skipped
        }                                                  // else: none given

        QString status = u"active"_s;
        QDateTime canceledAt;
        const int statusRoll = int(rng.bounded(100));
        if (statusRoll < 6 || (statusRoll < 9 && start > now)) {
            status = statusRoll < 6 ? u"canceled"_s : u"rescheduled"_s;
            const QDateTime latest = std::min(start, now);
            canceledAt = booked.addMSecs(qint64(rng.bounded(1.0) * double(booked.msecsTo(latest))));
        } else if (statusRoll < 11 && end < now) {
            status = u"no_show"_s;
        }
        const QString email = u"%1.%2%3@example.com"_s.arg(first.toLower(), last.toLower()).arg(i);
        insertAppointment({uri,
                           u"https://api.calendly.com/scheduled_events/%1"_s.arg(eventId),
                           u"https://api.calendly.com/event_types/T%1"_s.arg(EVENT_NAMES.indexOf(eventName)),
                           eventName,
                           QString(first + u' ' + last),
                           email,
                           text(phoneRaw),
                           text(phoneE164),
                           phoneRaw.isEmpty() ? NULL_TEXT : QVariant(u"text_reminder_number"_s),
                           pick(ZONES),
                           ms(start),
                           ms(end),
                           u"Room %1"_s.arg(1 + i % 6),
                           u"https://calendly.com/cancellations/IN%1"_s.arg(i),
                           u"https://calendly.com/reschedulings/IN%1"_s.arg(i),
                           host,
                           u"%1@clinic.example"_s.arg(host.section(u' ', -1).toLower()),
                           status,
                           canceledAt.isValid() ? QVariant(u"cannot make it"_s) : NULL_TEXT,
                           ms(booked),
                           ms(canceledAt.isValid() ? canceledAt : booked)});

        // ---- what Calendly sent
        const QString source = chance(800) ? u"webhook"_s : u"poll"_s;
        const QByteArray body = R"({"event":"invitee.created","payload":{"uri":")" + uri.toUtf8() + R"("}})";
        const QString createdKey = u"invitee.created|"_s + uri;
        const qsizetype created = events.size();
        events.append({booked.toMSecsSinceEpoch(), source, u"invitee.created"_s, createdKey, body,
                       u"applied"_s, u"%1 messages planned"_s.arg(messagesPerAppointment)});
        if (chance(20)) {
            events.append({booked.addSecs(90).toMSecsSinceEpoch(), u"poll"_s, u"invitee.created"_s,
                           createdKey, body, u"duplicate"_s, QString(), created});
        }
        if (canceledAt.isValid()) {
            events.append({canceledAt.toMSecsSinceEpoch(), source, u"invitee.canceled"_s,
                           u"invitee.canceled|"_s + uri, QByteArray(R"({"event":"invitee.canceled"})"),
                           u"applied"_s, u"pending messages withdrawn"_s});
        }
        if (chance(5)) {
            events.append({booked.addSecs(5).toMSecsSinceEpoch(), u"webhook"_s, QString(), QString(),
                           QByteArray("<html>oops"), u"rejected"_s,
                           u"not a Calendly event: the body is not JSON"_s});
        }

        // ---- its messages
        const QString invitee = phoneE164.isEmpty() ? phoneRaw : phoneE164;
        for (int k = 0; k < messagesPerAppointment; ++k) {
            const Plan plan = planFor(k);
            QDateTime due;
            if (plan.kind == u"confirm"_s || plan.kind == u"host_notify"_s) {
                due = booked;
            } else if (plan.kind == u"followup"_s || plan.kind == u"no_show"_s) {
                due = end.addSecs(60 * qint64(std::max(plan.offsetMin, 30)));
            } else {
                due = start.addSecs(-60 * qint64(plan.offsetMin));
            }
            // NOT NULL in the outbox: no number at all is an empty recipient.
            const QString recipient = plan.kind == u"host_notify"_s ? u"+6620001000"_s
                                      : invitee.isNull()            ? u""_s
                                                                    : invitee;
            QString state = u"queued"_s;
            QString reason;
            QString error;
            int attempts = 0;
            QDateTime nextAttempt;
            QDateTime acceptedAt;
            QString deliveryStatus;
            QDateTime deliveryAt;
            QString pid;
            QDateTime changedAt; // when it reached its state (after "queued")

            if (recipient.isEmpty() || (recipient == phoneRaw && phoneE164.isEmpty())) {
                state = u"skipped"_s;
                reason = recipient.isEmpty() ? u"no phone number"_s : u"invalid phone number"_s;
            } else if (canceledAt.isValid() && due >= canceledAt) {
                state = u"canceled"_s;
                reason = status == u"rescheduled"_s ? u"the meeting was moved"_s : u"the invitee canceled"_s;
                changedAt = canceledAt;
            } else if (due < now) {
                const int roll = int(rng.bounded(1000));
                changedAt = due.addSecs(1);
                if (roll < 900) {
                    state = u"accepted"_s;
                    attempts = 1;
                    acceptedAt = changedAt;
                    pid = QString::number(++providerId);
                    const int receipt = int(rng.bounded(100));
                    if (receipt < 90) {
                        deliveryStatus = u"delivered"_s;
                    } else if (receipt < 95) {
                        deliveryStatus = u"sent_failed"_s;
                    }
                    deliveryAt =
                        deliveryStatus.isEmpty() ? QDateTime() : acceptedAt.addSecs(rng.bounded(2, 90));
                } else if (roll < 930) {
                    state = u"failed"_s;
                    attempts = 1;
                    error = u"HTTP 400: invalid target number"_s;
                    reason = u"the number cannot receive texts"_s;
                } else if (roll < 940) {
                    state = u"unknown"_s;
                    attempts = 1;
                    reason = u"Deskbell stopped while sending: check before sending again"_s;
                    changedAt = due.addSecs(120);
                } else if (roll < 970) {
                    state = u"skipped"_s;
                    reason = u"opted out"_s;
                } else if (now.secsTo(due) > -3 * 3600 && roll < 985) {
                    state = u"retry_wait"_s;
                    attempts = 1;
                    error = u"HTTP 503"_s;
                    nextAttempt = now.addSecs(rng.bounded(60, 30 * 60));
                } else {
                    state = u"canceled"_s;
                    reason = u"canceled by %1"_s.arg(pick(FIRST_NAMES).toLower());
                }
            } else if (chance(10)) {
                state = u"skipped"_s;
                reason = u"opted out"_s;
            }
            changedAt = changedAt.isValid() ? std::min(changedAt, now) : booked;

            const qint64 id =
                insertMessage({uri,
                               plan.kind,
                               plan.offsetMin,
                               recipient,
                               0,
                               NULL_NUMBER,
                               ms(due),
                               u"TPL-%1"_s.arg(plan.kind.toUpper()),
                               u"{\"name\":\"%1\"}"_s.arg(first),
                               state,
                               attempts,
                               ms(nextAttempt),
                               text(pid),
                               ms(acceptedAt),
                               text(deliveryStatus),
                               deliveryStatus == u"sent_failed"_s ? QVariant(u"4001"_s) : NULL_TEXT,
                               ms(deliveryAt),
                               text(error),
                               text(reason),
                               ms(booked),
                               ms(deliveryAt.isValid() ? deliveryAt : changedAt)});

            // ---- its history, as Store writes it
            const bool sent = attempts > 0;
            if (state == u"skipped"_s && reason != u"opted out"_s) {
                log(booked, id, uri, plan.kind, state, reason);
                continue;
            }
            log(booked, id, uri, plan.kind, u"queued"_s, {});
            if (state == u"queued"_s) {
                continue;
            }
            if (sent) {
                log(due, id, uri, plan.kind, u"sending"_s, {});
            }
            log(changedAt, id, uri, plan.kind, state, reason.isEmpty() ? error : reason);
            if (deliveryAt.isValid() && deliveryAt <= now) {
                log(deliveryAt, id, uri, plan.kind, state, u"delivery: %1"_s.arg(deliveryStatus));
            }
            if (state == u"canceled"_s && reason.startsWith(u"canceled by"_s)) {
                audits.append({changedAt.toMSecsSinceEpoch(), reason.section(u' ', -1), u"cancel"_s,
                               u"message:%1"_s.arg(id), QString(), u"{\"kind\":\"%1\"}"_s.arg(plan.kind)});
            }
            if (state == u"failed"_s && chance(300)) {
                const QDateTime resent = std::min(changedAt.addSecs(rng.bounded(60, 3600)), now);
                const qint64 again = insertMessage({uri,
                                                    plan.kind,
                                                    plan.offsetMin,
                                                    recipient,
                                                    1,
                                                    id,
                                                    ms(resent),
                                                    u"TPL-%1"_s.arg(plan.kind.toUpper()),
                                                    u"{\"name\":\"%1\"}"_s.arg(first),
                                                    u"accepted"_s,
                                                    1,
                                                    NULL_NUMBER,
                                                    QString::number(++providerId),
                                                    ms(resent.addSecs(1)),
                                                    NULL_TEXT,
                                                    NULL_TEXT,
                                                    NULL_NUMBER,
                                                    NULL_TEXT,
                                                    NULL_TEXT,
                                                    ms(resent),
                                                    ms(resent.addSecs(1))});
                audits.append({resent.toMSecsSinceEpoch(), u"ploy"_s, u"resend"_s, u"message:%1"_s.arg(id),
                               u"asked by phone"_s, u"{\"new_message\":%1}"_s.arg(again)});
                log(resent, again, uri, plan.kind, u"queued"_s, {});
                log(resent.addSecs(1), again, uri, plan.kind, u"accepted"_s, {});
            }
        }
    }
    // A desk pauses now and then (holidays, a wrong template).
    for (int week = 1; week <= 8; ++week) {
        const QDateTime paused = now.addDays(-7 * week).addSecs(3600 * 3);
        audits.append(
            {paused.toMSecsSinceEpoch(), u"ploy"_s, u"pause"_s, u"sending"_s, u"clinic closed"_s, QString()});
        audits.append({paused.addSecs(5400).toMSecsSinceEpoch(), u"ploy"_s, u"resume"_s, u"sending"_s,
                       QString(), QString()});
    }

    // ---- the logs, oldest first
    QList<qint64> eventIds(events.size(), 0);
    QList<qsizetype> eventOrder(events.size());
    std::iota(eventOrder.begin(), eventOrder.end(), 0);
    std::stable_sort(eventOrder.begin(), eventOrder.end(),
                     [&events](qsizetype a, qsizetype b) { return events[a].at < events[b].at; });
    for (const qsizetype index : std::as_const(eventOrder)) {
        const EventRow &e = events[index];
        const qint64 original = e.duplicateOf >= 0 ? eventIds[e.duplicateOf] : 0;
        eventIds[index] = insertEvent(
            {e.at, e.source, text(e.eventName), text(e.dedupeKey), e.body, e.outcome,
             original > 0 ? QVariant(u"same as event #%1; nothing changed"_s.arg(original)) : text(e.detail),
             original > 0 ? QVariant(original) : NULL_NUMBER});
    }
    sortByTime(logRows);
    for (const LogRow &r : std::as_const(logRows)) {
        insertLog({r.at, r.messageId, r.uri, r.kind, r.state, text(r.detail)});
    }
    sortByTime(audits);
    for (const AuditRow &a : std::as_const(audits)) {
        insertAudit({a.at, a.actor, a.action, text(a.target), text(a.reason), text(a.details)});
    }
    tx.commit();
    // SQLite's default again, and no ANALYZE: the reads are measured as a desk's database runs them.
    if (sqlite) {
        exec(db, u"PRAGMA cache_size = -2000"_s);
    }
}

} // namespace deskbell
