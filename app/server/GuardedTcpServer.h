#pragma once

#include <QByteArray>
#include <QSslConfiguration>
#include <QTcpServer>

#include <atomic>

class QTcpSocket;

namespace deskbell {

// The limits QHttpServer 6.4 lacks (reference/stack-notes.md), applied to every socket before
// QHttpServer sees it: a cap on open connections, an idle timeout (also for half-sent requests) and a
// byte cap per request. QHttpServer binds to this server with bind(); both live on the listener thread.
//
// The byte cap reads the request framing itself, ahead of QHttpServer: our readyRead slot is connected
// first, so it peeks at each new piece of data before QHttpServer consumes it. A Content-Length above
// the cap is answered 413 and the connection closed at once; a chunked body (or stray bytes) that grows
// past the cap is cut off without an answer, since nothing sensible can be said mid-stream.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    struct Limits
    {
        qint64 maxBodyBytes = 262144;
        qint64 maxHeaderBytes = 16384;
        int idleTimeoutMs = 10000;
        int maxConnections = 64;
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
    void guard(QTcpSocket *socket);

    Limits m_limits;
    QSslConfiguration m_ssl;
    bool m_sslEnabled = false;
    std::atomic<int> m_open{0};
};

} // namespace deskbell
