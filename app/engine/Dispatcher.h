#pragma once

#include "domain/Message.h"
#include "domain/Rules.h"
#include "sms/SmsProvider.h"
#include "storage/Store.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

namespace deskbell {

class Clock;
class Database;

// Empties the outbox: hands every due message to the SMS provider once, records what happened, and
// retries only what retrying can help. It sleeps until the earliest due message (a timer re-armed
// whenever the outbox changes), never polls in a loop, and keeps its promises across crashes:
// "sending" is committed before a request leaves, and a message found in "sending" after a restart
// becomes "unknown" (maybe sent) instead of being sent again.
//
// Several dispatchers (instances: desks, headless servers) may share one store. Each claims the
// messages it sends (Store::lockDueMessages(): FOR UPDATE SKIP LOCKED on PostgreSQL), registers
// itself in `instances` and renews a heartbeat there; a "sending" message whose instance stopped
// renewing for longer than the lease becomes "unknown". Why leases and why never "queued": Store.cpp.
class Dispatcher : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int maxInFlight = 4;
        int maxPerSecond = 10;
        int maxAttempts = 6;
        int lateMaxMin = 720; // confirmations, cancellations, notices: how late they may still go
        int followupLateMaxMin = 1440;
        int firstRetrySecs = 30; // backoff: doubles per attempt, with jitter, capped below
        int maxRetrySecs = 15 * 60;
        // The planning rules, for quiet hours when a late message goes out (catch-up after downtime);
        // null: quiet hours are not checked at send time.
        const RuleSet *rules = nullptr;
        // This instance among those sharing the store; must be unique among running instances. Empty:
        // a fresh UUID. A stable id lets a restarted instance settle its own earlier claims at once.
        QString instanceId;
        // How long an instance may go without renewing its heartbeat before the others take it for
        // dead and turn its sends into "maybe sent". The heartbeat comes every third of it; the lease
        // must also cover the clock skew between hosts.
        int leaseSecs = 60;
    };

    Dispatcher(Database &db, Store &store, const Clock &clock, SmsProvider &provider, Options options,
               QObject *parent = nullptr);
    // Removes the registration (sends still in flight then become "maybe sent" for the others).
    ~Dispatcher() override;

    // Recovers from a crash (sending -> unknown for dead instances' claims and its own id's earlier
    // ones), registers the instance, restores the persisted pause and starts dispatching.
    void start();
    // The outbox changed (a booking was planned, an operator acted): look again now.
    void wake();
    // Takes no new message; sends already in flight finish and are recorded (wait for idle()).
    void stop();

    void pause(const QString &reason);
    void resume();
    bool isPaused() const { return m_paused; }
    QString pauseReason() const { return m_pauseReason; }
    int inFlight() const { return int(m_inFlight.size()); }
    const Options &options() const { return m_options; }
    QString instanceId() const { return m_options.instanceId; }

    // The wait before retry number `attempt` (1 = first retry): doubling from firstRetrySecs, capped
    // at maxRetrySecs, scaled by `jitter` in [0.5, 1] so many failures do not come back together.
    static qint64 backoffSecs(const Options &options, int attempt, double jitter);

signals:
    void messageChanged(qint64 messageId, deskbell::MessageState state);
    void pausedChanged(bool paused, const QString &reason);
    // Something the operator must act on ("EngageLab refused the credentials ...").
    void alertRaised(const QString &text);
    // No message is due now and none is in flight (tests and benchmarks wait for this).
    void idle();

private:
    struct Change
    {
        qint64 messageId = 0;
        MessageState state = MessageState::Queued;
        QString note; // for the log
    };
    void pump();
    void arm();
    // Send-time checks and the catch-up policy on a message locked by the caller's transaction, then
    // the claim ("sending", claimed_by). Returns the request to send, or nothing when the message was
    // skipped, canceled or held instead (in *changes, announced once the caller committed).
    std::optional<SmsRequest> prepare(const OutboxMessage &message, const QDateTime &now,
                                      QList<Change> *changes);
    // Heartbeat, then the dead instances' claims -> unknown.
    void renewLease();
    // "Maybe sent" messages found by a sweep: log, signals, one alert.
    void reportAbandoned(const QList<qint64> &ids);
    Store::AbandonedSends abandonedSends(bool starting) const;
    void unregister();
    void onFinished(qint64 messageId, const SmsResult &result);
    bool rateAllows();
    qint64 msUntilRateAllows() const;

    Database &m_db;
    Store &m_store;
    const Clock &m_clock;
    SmsProvider &m_provider;
    Options m_options;
    QTimer m_timer;
    QTimer m_leaseTimer;
    QDateTime m_startedUtc;
    bool m_registered = false;
    bool m_claimSkipped = false;   // the last pump found a due message it could not claim
    QElapsedTimer m_monotonic;     // the rate limit counts real seconds, whatever the wall clock does
    QList<qint64> m_recentSendsMs; // monotonic ms of the sends in the last second
    QHash<qint64, int> m_inFlight; // message id -> attempt number
    bool m_started = false;
    bool m_paused = false;
    QString m_pauseReason;
    bool m_pumping = false;
};

} // namespace deskbell
