#pragma once

#include "engine/ReceiptHandler.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <atomic>
#include <memory>

class QThread;

namespace deskbell {

class Clock;

// The embedded webhook endpoint: Calendly bookings (POST /webhooks/calendly), EngageLab delivery
// receipts (POST /webhooks/engagelab) and GET /healthz.
//
// Thread model: start() creates a QThread owned by this object; the QHttpServer, the guarded TCP server,
// a Database connection of its own (same SQLite file in WAL mode, or the same PostgreSQL store) and the
// BookingProcessor/ReceiptHandler that write through it are all created, used and destroyed on that thread.
// So neither the GUI nor the engine can delay an answer, and Calendly (15 s read timeout) always gets one in
// milliseconds. The listener only records: eventRecorded / receiptsRecorded are emitted from the listener
// thread and reach receivers on other threads queued; the engine plans with BookingProcessor::process().
//
// Events other than the four Calendly booking events are answered 200 {"ignored": "<event>"} and not
// stored: Calendly must not retry them, and nothing downstream would use them.
class WebhookListener : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 8787; // 0: any free port (see port())
        qint64 maxBodyBytes = 262144;
        int idleTimeoutMs = 10000;
        int maxConnections = 64;
        int signatureToleranceSecs = 180;
        QByteArray calendlySigningKey;   // empty = not checked (dev only; a warning is logged once)
        QString tlsCertPath, tlsKeyPath; // both set: HTTPS (PEM files)
        // Where events are recorded; the listener opens a connection of its own to it. A SQLite file
        // (shared with the engine in WAL mode) or a PostgreSQL store (its password included, in memory
        // only). When databasePath is set it wins: that SQLite file.
        Database::Location database;
        QString databasePath;
        ReceiptHandler::Config receipts;
    };

    // clock must outlive the listener and be safe to read from the listener thread.
    WebhookListener(Config config, const Clock &clock, QObject *parent = nullptr);
    ~WebhookListener() override; // stops

    // Opens the database and binds. False with *error naming the cause (e.g. "127.0.0.1:8787 is in use");
    // nothing is left running then. Blocks until the listener thread is up or has failed.
    bool start(QString *error);
    // Stops taking connections, closes open ones and the database, then ends the thread. Idempotent.
    void stop();
    bool isRunning() const { return m_thread != nullptr; }

    quint16 port() const { return m_port.load(); } // the bound port (also when 0 was asked); 0 when stopped
    QUrl baseUrl() const;                          // http(s)://address:port

    // /healthz answers 200 only once the engine says it is ready. Thread-safe.
    void setReady(bool ready) { m_ready.store(ready); }
    bool isReady() const { return m_ready.load(); }

    int
    openConnections() const; // accepted sockets still open; call on the owner's thread (diagnostics, tests)

signals:
    void eventRecorded(qint64 bookingEventId);
    void receiptsRecorded(const QList<qint64> &outboxIds);

private:
    struct Worker;

    Config m_config;
    const Clock &m_clock;
    QThread *m_thread = nullptr;
    QObject *m_context = nullptr; // lives on m_thread: the target of calls into it
    Worker *m_worker = nullptr;   // created, used and deleted on m_thread only
    std::atomic<bool> m_ready{false};
    std::atomic<quint16> m_port{0};
};

} // namespace deskbell
