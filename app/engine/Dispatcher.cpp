#include "engine/Dispatcher.h"

#include "domain/Appointment.h"
#include "domain/Clock.h"
#include "domain/Rules.h"
#include "engine/Planner.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/StorageError.h"
#include "storage/Store.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QSet>
#include <QSysInfo>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace deskbell {

Q_LOGGING_CATEGORY(lcDispatch, "deskbell.dispatch")

using namespace Qt::StringLiterals;

namespace {

// A message picked up this late is "late": the catch-up policy applies (PC asleep, app closed).
constexpr qint64 LATE_GRACE_SECS = 120;
// A QTimer counts real time, but the wall clock can jump (sleep, NTP): look again at least this often.
constexpr qint64 MAX_SLEEP_MS = 10 * 60 * 1000;
constexpr qint64 STORAGE_RETRY_MS = 5000;
// The rate limit is what the provider counts on arrival; requests do not arrive exactly as spaced
// when they left (a first request waits for its TCP/TLS handshake, later ones reuse the connection),
// so a send is counted for a little longer than one second.
constexpr qint64 RATE_WINDOW_MS = 1100;

// A due message another instance's claim transaction holds (PostgreSQL): look again after this.
constexpr qint64 CLAIM_RETRY_MS = 100;

const QString KEY_PAUSED = u"sending_paused"_s;
const QString KEY_PAUSE_REASON = u"sending_pause_reason"_s;
const QString MAYBE_SENT = u"maybe sent: Deskbell stopped while sending it; check before sending again"_s;

// The instances running in this process. An SQLite file is used by one process only (the engine's
// lock file), so there every registration not in this set is left over from a process that is gone:
// its claims are settled at once instead of after the lease.
struct LocalInstances
{
    QMutex mutex;
    QSet<QString> ids;
};

LocalInstances &localInstances()
{
    static LocalInstances instances;
    return instances;
}

QString describe(const SmsResult &r)
{
    QStringList parts;
    if (r.httpStatus > 0) {
        parts.append(u"HTTP %1"_s.arg(r.httpStatus));
    }
    if (!r.code.isEmpty()) {
        parts.append(u"code %1"_s.arg(r.code));
    }
    if (!r.message.isEmpty()) {
        parts.append(r.message);
    }
    return parts.isEmpty() ? u"no details"_s : parts.join(u", "_s);
}

QString hoursLate(qint64 secs)
{
    return formatAdvance(secs / 60) + u" late"_s;
}

// Why a message no longer fits its booking as it is now (fitsBooking()); empty when it does.
QString mismatch(MessageKind kind, Appointment::Status status)
{
    if (fitsBooking(kind, status)) {
        return {};
    }
    if (kind == MessageKind::NoShow) {
        return u"no-show mark removed"_s;
    }
    switch (status) {
    case Appointment::Status::Active:
        return {};
    case Appointment::Status::Canceled:
        return u"booking canceled"_s;
    case Appointment::Status::Rescheduled:
        return u"booking rescheduled"_s;
    case Appointment::Status::NoShow:
        return u"marked as no-show"_s;
    }
    return {};
}

// EngageLab fills template variables from strings; numbers or booleans are written out.
QJsonObject stringParams(const QJsonObject &params)
{
    QJsonObject out;
    for (auto it = params.begin(); it != params.end(); ++it) {
        const QJsonValue v = it.value();
        if (v.isString()) {
            out.insert(it.key(), v);
        } else if (v.isDouble()) {
            out.insert(it.key(), QString::number(v.toDouble()));
        } else if (v.isBool()) {
            out.insert(it.key(), v.toBool() ? u"yes"_s : u"no"_s);
        }
    }
    return out;
}

} // namespace

Dispatcher::Dispatcher(Database &db, Store &store, const Clock &clock, SmsProvider &provider, Options options,
                       QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_store(store)
    , m_clock(clock)
    , m_provider(provider)
    , m_options(options)
{
    m_options.maxInFlight = std::max(1, m_options.maxInFlight);
    m_options.maxPerSecond = std::max(1, m_options.maxPerSecond);
    m_options.maxAttempts = std::max(1, m_options.maxAttempts);
    m_options.leaseSecs = std::max(2, m_options.leaseSecs);
    if (m_options.instanceId.isEmpty()) {
        m_options.instanceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    m_timer.setSingleShot(true);
    m_monotonic.start();
    connect(&m_timer, &QTimer::timeout, this, &Dispatcher::pump);
    m_leaseTimer.setInterval(std::max(500, m_options.leaseSecs * 1000 / 3));
    connect(&m_leaseTimer, &QTimer::timeout, this, &Dispatcher::renewLease);
    // Queued: a provider that answers inside send() must not re-enter pump().
    connect(&m_provider, &SmsProvider::finished, this, &Dispatcher::onFinished, Qt::QueuedConnection);
}

qint64 Dispatcher::backoffSecs(const Options &options, int attempt, double jitter)
{
    const double base = std::min<double>(options.maxRetrySecs,
                                         options.firstRetrySecs * std::pow(2.0, std::max(0, attempt - 1)));
    return std::max<qint64>(1, qint64(std::llround(base * std::clamp(jitter, 0.5, 1.0))));
}

Dispatcher::~Dispatcher()
{
    unregister();
}

Store::AbandonedSends Dispatcher::abandonedSends(bool starting) const
{
    Store::AbandonedSends which;
    which.selfId = m_options.instanceId;
    which.staleBeforeUtc = m_clock.nowUtc().addSecs(-m_options.leaseSecs);
    which.starting = starting;
    if (m_db.dialect().backend() == SqlDialect::Backend::Sqlite) {
        LocalInstances &local = localInstances();
        QMutexLocker lock(&local.mutex);
        which.onlyAlive = QStringList(local.ids.begin(), local.ids.end());
    }
    return which;
}

void Dispatcher::start()
{
    QList<qint64> interrupted;
    const QDateTime now = m_clock.nowUtc();
    if (!m_registered) {
        m_startedUtc = now;
    }
    try {
        Transaction tx(m_db);
        // With sends still in flight (stop() then start()) this instance's claims are live ones.
        interrupted = m_store.markAbandonedSendsUnknown(MAYBE_SENT, abandonedSends(m_inFlight.isEmpty()));
        m_store.upsertInstance({m_options.instanceId, QSysInfo::machineHostName(),
                                QCoreApplication::applicationPid(), m_startedUtc, now});
        m_paused = m_store.engineState(KEY_PAUSED) == u"1"_s;
        m_pauseReason = m_store.engineState(KEY_PAUSE_REASON);
        tx.commit();
    } catch (const StorageError &e) {
        qCCritical(lcDispatch).noquote() << u"cannot start sending: %1"_s.arg(e.message());
        emit alertRaised(tr("Sending could not start: %1").arg(e.message()));
        return;
    }
    m_registered = true;
    {
        LocalInstances &local = localInstances();
        QMutexLocker lock(&local.mutex);
        local.ids.insert(m_options.instanceId);
    }
    m_leaseTimer.start();
    reportAbandoned(interrupted);
    if (m_paused) {
        qCInfo(lcDispatch).noquote() << u"sending is paused: %1"_s.arg(m_pauseReason);
        emit pausedChanged(true, m_pauseReason);
    }
    m_started = true;
    qCInfo(lcDispatch).noquote() << u"dispatching through %1 (at most %2 at once, %3 per second)"_s
                                        .arg(m_provider.name())
                                        .arg(m_options.maxInFlight)
                                        .arg(m_options.maxPerSecond);
    wake();
}

void Dispatcher::renewLease()
{
    if (!m_registered) {
        return;
    }
    QList<qint64> abandoned;
    try {
        const QDateTime now = m_clock.nowUtc();
        Transaction tx(m_db);
        // Renewed first, in the same transaction: a sweep never takes its own instance for dead.
        m_store.upsertInstance({m_options.instanceId, QSysInfo::machineHostName(),
                                QCoreApplication::applicationPid(), m_startedUtc, now});
        abandoned = m_store.markAbandonedSendsUnknown(MAYBE_SENT, abandonedSends(false));
        tx.commit();
    } catch (const StorageError &e) {
        // The next beat tries again; a lease lost meanwhile only costs accuracy (finishSending()).
        qCWarning(lcDispatch).noquote() << u"the heartbeat could not be saved: %1"_s.arg(e.message());
        return;
    }
    reportAbandoned(abandoned);
}

void Dispatcher::reportAbandoned(const QList<qint64> &ids)
{
    if (ids.isEmpty()) {
        return;
    }
    qCWarning(lcDispatch).noquote() << u"%1 message(s) were interrupted while sending: now maybe sent"_s.arg(
        ids.size());
    for (const qint64 id : ids) {
        emit messageChanged(id, MessageState::Unknown);
    }
    emit alertRaised(tr("%n message(s) may or may not have been sent: Deskbell stopped while sending "
                        "them. They are marked \"maybe sent\" and will not be sent again on their own.",
                        nullptr, int(ids.size())));
}

void Dispatcher::unregister()
{
    if (!m_registered) {
        return;
    }
    m_registered = false;
    m_leaseTimer.stop();
    {
        LocalInstances &local = localInstances();
        QMutexLocker lock(&local.mutex);
        local.ids.remove(m_options.instanceId);
    }
    if (!m_db.isOpen()) {
        return; // the lease runs out instead
    }
    try {
        Transaction tx(m_db);
        m_store.removeInstance(m_options.instanceId);
        tx.commit();
    } catch (const StorageError &e) {
        qCWarning(lcDispatch).noquote() << u"the instance could not be unregistered: %1"_s.arg(e.message());
    }
}

void Dispatcher::wake()
{
    if (m_started && !m_paused) {
        m_timer.start(0); // coalesces many wakes into one pump
    }
}

void Dispatcher::stop()
{
    m_started = false;
    m_timer.stop();
    if (m_inFlight.isEmpty()) {
        unregister(); // else the heartbeat keeps the claims alive until the last answer
        emit idle();
    }
}

void Dispatcher::pause(const QString &reason)
{
    try {
        Transaction tx(m_db);
        m_store.setEngineState(KEY_PAUSED, u"1"_s);
        m_store.setEngineState(KEY_PAUSE_REASON, reason);
        tx.commit();
    } catch (const StorageError &e) {
        // Still pause this run: holding messages is the safe side.
        qCWarning(lcDispatch).noquote() << u"the pause could not be saved: %1"_s.arg(e.message());
    }
    const bool changed = !m_paused || m_pauseReason != reason;
    m_paused = true;
    m_pauseReason = reason;
    m_timer.stop();
    if (changed) {
        qCWarning(lcDispatch).noquote() << u"sending paused: %1"_s.arg(reason);
        emit pausedChanged(true, reason);
    }
}

void Dispatcher::resume()
{
    try {
        Transaction tx(m_db);
        m_store.setEngineState(KEY_PAUSED, u"0"_s);
        m_store.setEngineState(KEY_PAUSE_REASON, QString());
        tx.commit();
    } catch (const StorageError &e) {
        qCWarning(lcDispatch).noquote() << u"the resume could not be saved: %1"_s.arg(e.message());
    }
    if (m_paused) {
        m_paused = false;
        m_pauseReason.clear();
        qCInfo(lcDispatch) << "sending resumed";
        emit pausedChanged(false, QString());
    }
    wake();
}

bool Dispatcher::rateAllows()
{
    const qint64 now = m_monotonic.elapsed();
    while (!m_recentSendsMs.isEmpty() && now - m_recentSendsMs.first() >= RATE_WINDOW_MS) {
        m_recentSendsMs.removeFirst();
    }
    return m_recentSendsMs.size() < m_options.maxPerSecond;
}

qint64 Dispatcher::msUntilRateAllows() const
{
    if (m_recentSendsMs.isEmpty()) {
        return 0;
    }
    return std::max<qint64>(1, RATE_WINDOW_MS - (m_monotonic.elapsed() - m_recentSendsMs.first()));
}

void Dispatcher::pump()
{
    if (!m_started || m_paused || m_pumping) {
        return;
    }
    m_pumping = true;
    m_claimSkipped = false;
    try {
        while (!m_paused && inFlight() < m_options.maxInFlight && rateAllows()) {
            // As many as may leave now, claimed in one transaction (design: Store.cpp).
            const int budget = std::min<int>(m_options.maxInFlight - inFlight(),
                                             m_options.maxPerSecond - int(m_recentSendsMs.size()));
            const QDateTime now = m_clock.nowUtc();
            QList<Change> changes;
            QList<std::pair<SmsRequest, int>> requests; // with the attempt number
            {
                Transaction tx(m_db);
                const auto due = m_store.lockDueMessages(now, budget);
                if (due.isEmpty()) {
                    m_claimSkipped = true;
                    break;
                }
                for (const OutboxMessage &message : due) {
                    if (auto request = prepare(message, now, &changes)) {
                        requests.append({*request, message.attempts + 1});
                    }
                }
                tx.commit(); // "sending" is on disk before any request leaves
            }
            for (const Change &c : changes) {
                qCInfo(lcDispatch).noquote() << c.note;
                emit messageChanged(c.messageId, c.state);
            }
            for (const auto &[request, attempt] : requests) {
                m_inFlight.insert(request.messageId, attempt);
                m_recentSendsMs.append(m_monotonic.elapsed());
                emit messageChanged(request.messageId, MessageState::Sending);
                m_provider.send(request);
            }
        }
    } catch (const StorageError &e) {
        m_pumping = false;
        qCWarning(lcDispatch).noquote()
            << u"the outbox could not be read: %1; trying again shortly"_s.arg(e.message());
        emit alertRaised(tr("The message list could not be read: %1").arg(e.message()));
        m_timer.start(STORAGE_RETRY_MS);
        return;
    }
    m_pumping = false;
    arm();
}

void Dispatcher::arm()
{
    if (m_paused) {
        return;
    }
    if (inFlight() >= m_options.maxInFlight) {
        return; // onFinished() wakes us
    }
    if (!rateAllows()) {
        m_timer.start(int(msUntilRateAllows()));
        return;
    }
    QDateTime next;
    try {
        next = m_store.nextDueUtc();
    } catch (const StorageError &e) {
        qCWarning(lcDispatch).noquote() << u"the outbox could not be read: %1"_s.arg(e.message());
        m_timer.start(STORAGE_RETRY_MS);
        return;
    }
    if (!next.isValid()) {
        m_timer.start(int(MAX_SLEEP_MS));
        if (m_inFlight.isEmpty()) {
            emit idle();
        }
        return;
    }
    const qint64 ms = std::clamp<qint64>(m_clock.nowUtc().msecsTo(next), 0, MAX_SLEEP_MS);
    // Due but not claimable: another instance's claim holds it and will commit in a moment.
    m_timer.start(int(ms == 0 && m_claimSkipped ? CLAIM_RETRY_MS : ms));
    if (ms > 0 && m_inFlight.isEmpty()) {
        emit idle();
    }
}

std::optional<SmsRequest> Dispatcher::prepare(const OutboxMessage &message, const QDateTime &now,
                                              QList<Change> *changes)
{
    const qint64 id = message.id;
    const auto withdraw = [&](MessageState state, const QString &reason) -> std::optional<SmsRequest> {
        if (m_store.cancelPendingMessage(id, state, reason)) {
            changes->append(
                {id, state, u"message #%1 (%2) not sent: %3"_s.arg(id).arg(keyOf(message.kind), reason)});
        }
        return std::nullopt;
    };

    const auto appointment = m_store.appointment(message.inviteeUri);
    if (appointment) {
        const QString why = mismatch(message.kind, appointment->status);
        if (!why.isEmpty()) {
            return withdraw(MessageState::Canceled, why);
        }
    }
    if (!message.recipient.startsWith(u'+')) {
        return withdraw(MessageState::Skipped,
                        message.recipient.isEmpty() ? u"no phone number"_s : u"invalid phone"_s);
    }
    if (m_store.isOptedOut(message.recipient)) {
        return withdraw(MessageState::Skipped, u"opted out"_s);
    }
    if (message.templateId.isEmpty()) {
        return withdraw(MessageState::Skipped, u"no template mapped"_s);
    }

    QJsonObject params = message.params;
    const qint64 lateSecs = message.dueUtc.secsTo(now);
    // A late reminder, follow-up or missed-you text (the PC was off) waits for the end of the
    // recipient's quiet hours instead of going out at 03:00; notices of changes are never held.
    const bool holdable = message.kind == MessageKind::Reminder || message.kind == MessageKind::Followup ||
                          message.kind == MessageKind::NoShow;
    if (holdable && lateSecs > LATE_GRACE_SECS && appointment && m_options.rules) {
        const Rules &rules = m_options.rules->rulesFor(*appointment);
        const QTimeZone zone(zoneForInvitee(*appointment, rules).toUtf8());
        if (rules.quietHours && rules.quietHours->contains(now.toTimeZone(zone).time())) {
            const QDateTime end = rules.quietHours->endAfter(now, zone);
            if (message.kind == MessageKind::Reminder && appointment->startUtc.isValid() &&
                end >= appointment->startUtc) {
                return withdraw(MessageState::Skipped, u"missed: quiet hours last until the meeting"_s);
            }
            if (message.kind == MessageKind::Reminder && appointment->startUtc.isValid()) {
                params.insert(u"advance"_s,
                              formatAdvance(end.secsTo(appointment->startUtc) / 60, rules.messageLanguage));
                m_store.setMessageParams(id, params);
            }
            if (m_store.holdMessage(id, end, u"held for quiet hours"_s)) {
                changes->append({id, MessageState::Queued,
                                 u"message #%1 (%2) held for quiet hours until %3"_s.arg(id).arg(
                                     keyOf(message.kind), end.toString(Qt::ISODate))});
            }
            return std::nullopt;
        }
    }
    switch (message.kind) {
    case MessageKind::Reminder:
        if (appointment && appointment->startUtc.isValid()) {
            if (appointment->startUtc <= now) {
                // A planned reminder is pointless once the meeting started; an operator's resend
                // (generation > 0) still goes: they asked for it knowing the time (a late patient
                // who lost the text), and its "advance" was set when they queued it.
                if (message.generation == 0) {
                    return withdraw(MessageState::Skipped, u"missed: meeting started"_s);
                }
            } else if (lateSecs > LATE_GRACE_SECS) {
                // "in 24 hours" would be wrong now: say what is really left.
                const MessageLanguage language = m_options.rules
                                                     ? m_options.rules->rulesFor(*appointment).messageLanguage
                                                     : MessageLanguage::English;
                params.insert(u"advance"_s, formatAdvance(now.secsTo(appointment->startUtc) / 60, language));
                m_store.setMessageParams(id, params);
            }
        }
        break;
    case MessageKind::Followup:
        if (lateSecs > qint64(m_options.followupLateMaxMin) * 60) {
            return withdraw(MessageState::Skipped, u"missed: "_s + hoursLate(lateSecs));
        }
        break;
    default:
        if (lateSecs > qint64(m_options.lateMaxMin) * 60) {
            return withdraw(MessageState::Skipped, u"missed: "_s + hoursLate(lateSecs));
        }
        break;
    }

    if (!m_store.markSending(id, m_options.instanceId)) {
        return std::nullopt; // not pending any more (cannot happen under the row lock; cheap to check)
    }
    return SmsRequest{id, message.recipient, message.templateId, stringParams(params)};
}

void Dispatcher::onFinished(qint64 messageId, const SmsResult &result)
{
    if (!m_inFlight.contains(messageId)) {
        qCWarning(lcDispatch) << "an answer for message" << messageId << "that is not being sent; ignored";
        return;
    }
    const int attempt = m_inFlight.take(messageId);
    const QDateTime now = m_clock.nowUtc();
    Store::SendOutcome o;
    o.instanceId = m_options.instanceId;
    bool authProblem = false;
    switch (result.outcome) {
    case SmsResult::Outcome::Accepted:
        o.state = MessageState::Accepted;
        o.providerMessageId = result.providerMessageId;
        o.providerPlanId = result.planId;
        break;
    case SmsResult::Outcome::Transient:
        o.error = describe(result);
        if (attempt >= m_options.maxAttempts) {
            o.state = MessageState::Failed;
            o.reason = u"gave up after %1 attempts"_s.arg(attempt);
        } else {
            o.state = MessageState::RetryWait;
            qint64 wait =
                backoffSecs(m_options, attempt, 0.5 + QRandomGenerator::global()->generateDouble() / 2);
            wait = std::max<qint64>(wait, result.retryAfterSecs);
            o.nextAttemptUtc = now.addSecs(wait);
        }
        break;
    case SmsResult::Outcome::Unknown:
        o.state = MessageState::Unknown;
        o.error = describe(result);
        o.reason = u"maybe sent: no clear answer from the SMS provider; check before sending again"_s;
        break;
    case SmsResult::Outcome::Permanent:
        o.state = MessageState::Failed;
        o.error = describe(result);
        o.reason = u"refused by the SMS provider"_s;
        break;
    case SmsResult::Outcome::AuthFailed:
        o.state = MessageState::Queued; // never left: it goes out once the account is fixed
        o.error = describe(result);
        authProblem = true;
        break;
    }
    try {
        Transaction tx(m_db);
        m_store.finishSending(messageId, o);
        tx.commit();
    } catch (const StorageError &e) {
        // The row stays "sending"; a restart turns it into "maybe sent", which is the truth.
        qCCritical(lcDispatch).noquote()
            << u"message #%1: the result (%2) could not be saved: %3"_s.arg(messageId).arg(
                   toText(result.outcome), e.message());
        emit alertRaised(tr("A sending result could not be saved: %1").arg(e.message()));
    }
    qCInfo(lcDispatch).noquote() << u"message #%1 attempt %2: %3%4"_s.arg(messageId).arg(attempt).arg(
        keyOf(o.state), o.error.isEmpty() ? QString() : u" ("_s + o.error + u')');
    emit messageChanged(messageId, o.state);
    if (authProblem) {
        const QString text =
            tr("The SMS provider refused Deskbell's credentials (%1). Sending is paused until "
               "the account is connected again.")
                .arg(describe(result));
        emit alertRaised(text);
        pause(text);
        return;
    }
    if (!m_started && m_inFlight.isEmpty()) {
        unregister();
        emit idle(); // stop() is waiting for the last answer
    }
    wake();
}

} // namespace deskbell
