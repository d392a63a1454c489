#pragma once

#include "support/FakeEngageLab.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QNetworkAccessManager>
#include <QObject>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

namespace deskbell::test {

// What the fault scenarios share: the real `deskbell --headless` as a child process with a settings
// file in a work directory, a loopback FakeEngageLab, a /healthz probe that runs while the process is
// meant to be up, a stream of signed bookings retried like Calendly retries, and the checks on the
// SQLite store afterwards.
class FaultHarness : public QObject
{
    Q_OBJECT

public:
    static const QByteArray SIGNING_KEY;
    static const QString CONFIRM_TEMPLATE; // "101"

    struct Config
    {
        QString databasePath; // default <workDir>/deskbell.sqlite3
        QUrl smsApiBase;      // default the fake provider
        QString calendlyMode = QStringLiteral("webhook");
        QUrl calendlyApiBase;     // poll mode
        QByteArray calendlyToken; // poll mode: DESKBELL_CALENDLY_TOKEN
        int pollIntervalSecs = 30;
    };

    explicit FaultHarness(const QString &workDir, QObject *parent = nullptr);
    ~FaultHarness() override;

    Config &config() { return m_config; }
    FakeEngageLab &provider() { return m_provider; }
    QString workDir() const { return m_workDir; }

    // Writes the settings file from config() and starts deskbell --headless. Returns the listener's base
    // URL once the process logs it; an invalid URL when it exited or never said so (see log()).
    QUrl start();
    void kill();      // SIGKILL, waits for the exit
    bool terminate(); // SIGTERM, true when it exited cleanly
    bool isRunning() const;
    // SIGSTOP now, SIGCONT after ms (sabotage: a listener that stops answering).
    void freeze(int ms);
    QUrl baseUrl() const { return m_baseUrl; } // invalid while down
    QByteArray log() const { return m_log; }   // everything the process printed, all runs
    int exitCode() const;

    // GET /healthz every intervalMs while the process is meant to be up (between start() and kill()).
    struct ProbeStats
    {
        int sent = 0;
        int answered = 0;
        int failed = 0; // no HTTP answer within 2 s
        QMap<int, int> statuses;
        QString describe() const;
    };
    void startProbe(int intervalMs = 200);
    ProbeStats probeStats() const { return m_probe; }

    // Signed invitee.created bookings "<prefix><n>", each with its own phone number, count of them at
    // perSecond; a delivery without a 2xx answer is tried again after retryMs, as Calendly does.
    struct Booking
    {
        QString id;
        int attempts = 0;
        bool acked = false;
        bool inFlight = false;
        QList<int> statuses; // 0: no answer
    };
    void streamBookings(const QString &prefix, int count, double perSecond, int retryMs = 1000);
    bool streamDone() const; // every booking sent and acknowledged
    QList<Booking> bookings() const { return m_bookings; }
    QSet<QString> ackedIds() const;
    // Bookings that must end up in the store although the stream did not send them (poll mode).
    void expectBooking(const QString &id) { m_expected.insert(id); }
    // Sabotage for proving the checks can fail: count any HTTP answer as an acknowledgement, as a
    // listener that answers before it commits would look to Calendly.
    void setAckAnyAnswer(bool on) { m_ackAnyAnswer = on; }
    QMap<int, int> bookingStatuses() const; // status -> count over all attempts
    // One booking now, synchronously; returns the HTTP status (0: no answer).
    int postBooking(const QString &id, int timeoutMs = 5000);
    static QString phoneFor(const QString &id);

    // The store, opened read-only.
    struct Message
    {
        qint64 id = 0;
        QString invitee;
        QString kind;
        QString state;
        int attempts = 0;
        qint64 dueMs = 0;
        QString lastError;
        QString reason;
    };
    QList<Message> messages() const;
    QSet<QString> appointmentIds() const; // the booking ids (last URI segment) with an appointment
    int countRows(const QString &sql) const;

    // The exactly-once checks; each returned line is a broken promise (empty: all kept).
    // - every acknowledged booking has its appointment and its confirmation planned, every expected
    //   (polled) one its appointment and a message planned;
    // - the fake accepted no message more than once, and saw none the store does not know;
    // - accepted <=> accepted once at the fake; failed/unknown carry a reason;
    // - with requireSettled, no message due is still queued, sending or waiting for a retry.
    QStringList checkStore(bool requireSettled) const;
    // Waits (polling the store) until checkStore(true) is empty; returns the last problems otherwise.
    QStringList waitSettled(int timeoutMs);
    // Accepted answers the fake gave per Deskbell message id.
    QHash<qint64, int> acceptedAtProvider() const;
    void closeStore(); // before the database's file system is unmounted or remounted
    // Runs one statement on the store read-write (sabotage only).
    bool tamper(const QString &sql);

signals:
    void started();

private:
    void writeSettings();
    void probeOnce();
    void sendBooking(int index);

    QString m_workDir;
    // The store, read-only, on this harness's connection (opened on first use); closed when it cannot
    // be opened (no file yet, or the disk refuses).
    QSqlDatabase store() const;

    Config m_config;
    FakeEngageLab m_provider;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    QUrl m_baseUrl;
    QNetworkAccessManager m_nam;
    QTimer m_probeTimer;
    ProbeStats m_probe;
    QList<Booking> m_bookings;
    QTimer m_streamTimer;
    int m_nextToSend = 0;
    int m_retryMs = 1000;
    QString m_connection;
    QSet<QString> m_expected;
    bool m_ackAnyAnswer = false;
};

} // namespace deskbell::test
