#pragma once

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QSslConfiguration>
#include <QTcpServer>

#include <atomic>
#include <functional>
#include <memory>

class QTcpSocket;

namespace deskbell {

// The limits QHttpServer 6.4 lacks (reference/stack-notes.md), applied to every socket before
// QHttpServer sees it: a cap on open connections, an idle timeout (also for half-sent requests), a
// deadline per request and a byte cap per request. QHttpServer binds to this server with bind(); both
// live on the listener thread.
//
// The byte cap reads the request framing itself, ahead of QHttpServer: our readyRead slot is connected
// first, so it peeks at each new piece of data before QHttpServer consumes it. A Content-Length above
// the cap is answered 413 and the connection closed at once; a chunked body (or stray bytes) that grows
// past the cap is cut off without an answer, since nothing sensible can be said mid-stream. A first line
// that is not an HTTP/1.x request line is cut off as soon as it is complete.
//
// The connection cap alone would let a few dozen idle or trickling clients lock everyone out
// (bench/README.md, hostile clients), so at the cap the newcomer takes the place of a connection that is
// doing the least (see evictOne()).
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    struct Limits
    {
        qint64 maxBodyBytes = 262144;
        qint64 maxHeaderBytes = 16384;
        int idleTimeoutMs = 10000;
        // From a request's first byte to its last: a client trickling a byte at a time (slowloris) keeps
        // the idle timer from firing, never this one.
        int requestTimeoutMs = 10000;
        int maxConnections = 64;
        // At maxConnections a new connection takes the place of one that has been silent, slow with its
        // request, or idle between requests for longer than this; when there is none it is refused.
        int evictAfterMs = 1000;
    };

    explicit GuardedTcpServer(Limits limits, QObject *parent = nullptr);

    // TLS for every accepted socket when set (QSslSocket, server mode). QAbstractHttpServer::sslSetup only
    // applies to servers it creates itself, not to one given to bind().
    void setSslConfiguration(const QSslConfiguration &configuration);

    // Sockets accepted and not yet destroyed. Safe from any thread.
    int openConnections() const { return m_open.load(); }

signals:
    // Why a connection was cut off by a guard (for the log; never contains request data).
    void connectionRefused(const QString &reason);

protected:
    void incomingConnection(qintptr handle) override;

private:
    struct Guarded;
    void guard(QTcpSocket *socket);
    // Cuts off the connection a newcomer at the cap should replace; false when there is none.
    bool evictOne();
    void reportAtLimit(const QString &what);

    Limits m_limits;
    QSslConfiguration m_ssl;
    bool m_sslEnabled = false;
    std::atomic<int> m_open{0};
    QHash<QTcpSocket *, std::shared_ptr<Guarded>> m_guarded; // listener thread only
    QMap<QString, int> m_atLimit;                            // what happened at the cap since the last report
    qint64 m_atLimitReportedMs = -1000000;
};

} // namespace deskbell
