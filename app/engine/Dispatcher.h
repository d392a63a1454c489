#pragma once

#include "domain/Message.h"
#include "domain/Rules.h"
#include "sms/SmsProvider.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

namespace deskbell {

class Clock;
class Database;
class Store;

// Empties the outbox: hands every due message to the SMS provider once, records what happened, and
// retries only what retrying can help. It sleeps until the earliest due message (a timer re-armed
// whenever the outbox changes), never polls in a loop, and keeps its promises across crashes:
// "sending" is committed before a request leaves, and a message found in "sending" after a restart
// becomes "unknown" (maybe sent) instead of being sent again.
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
    };

    Dispatcher(Database &db, Store &store, const Clock &clock, SmsProvider &provider, Options options,
               QObject *parent = nullptr);

    // Recovers from a crash (sending -> unknown), restores the persisted pause and starts dispatching.
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
    void pump();
    void arm();
    // Send-time checks and the catch-up policy, then "sending" committed. Returns the request to
    // send, or nothing when the message was skipped or canceled instead.
    std::optional<SmsRequest> prepare(const OutboxMessage &message, const QDateTime &now);
    void onFinished(qint64 messageId, const SmsResult &result);
    bool rateAllows();
    qint64 msUntilRateAllows() const;

    Database &m_db;
    Store &m_store;
    const Clock &m_clock;
    SmsProvider &m_provider;
    Options m_options;
    QTimer m_timer;
    QElapsedTimer m_monotonic;     // the rate limit counts real seconds, whatever the wall clock does
    QList<qint64> m_recentSendsMs; // monotonic ms of the sends in the last second
    QHash<qint64, int> m_inFlight; // message id -> attempt number
    bool m_started = false;
    bool m_paused = false;
    QString m_pauseReason;
    bool m_pumping = false;
};

} // namespace deskbell
