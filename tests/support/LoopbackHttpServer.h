#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

#include <memory>

class QTcpSocket;

namespace deskbell::test {

// The HTTP/1.1 plumbing the loopback fakes share: a QTcpServer on 127.0.0.1, request framing by
// Content-Length (several requests per connection, requests split over reads), keep-alive, and answer
// writing. Built on QTcpServer rather than QHttpServer because tests need answers that come late,
// never, or as a dropped connection. A fake says what to answer in handle(); the framing is here once.
class LoopbackHttpServer : public QObject
{
    Q_OBJECT

public:
    // What the fakes keep of each request for tests to inspect; both fakes speak JSON.
    struct RecordedRequest
    {
        QByteArray method;
        QByteArray path; // request target as sent, query included
        QByteArray authorization;
        QByteArray rawBody;
        QJsonObject json;      // rawBody parsed, empty when it is not a JSON object
        qint64 receivedMs = 0; // monotonic ms since listen()
    };

    ~LoopbackHttpServer() override;

    bool listen();        // 127.0.0.1, ephemeral port
    QUrl baseUrl() const; // http://127.0.0.1:<port>

protected:
    // What each fake tolerates differs, and the fakes must keep behaving exactly as they did.
    struct Options
    {
        qint64 maxBodyBytes = 1024 * 1024;
        bool rejectChunked = false;        // Transfer-Encoding: chunked is malformed (no fake decodes it)
        bool http10CloseByDefault = false; // HTTP/1.0 without "Connection: keep-alive" closes
    };

    struct HttpRequest
    {
        QByteArray method;
        QByteArray target; // as sent, query included
        QByteArray version;
        QHash<QByteArray, QByteArray> headers; // names lower-cased
        QByteArray body;
        qint64 receivedMs = 0; // monotonic ms since listen()
    };

    struct HttpAnswer
    {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers; // written as given; Content-Type is the fake's
        QByteArray body;
    };

    // One client connection. Shared ownership so a fake's handle() may drop it (or the test may close
    // the server from a signal) and the caller can still tell it is gone.
    class Connection
    {
    public:
        bool isOpen() const { return m_socket != nullptr; }

    private:
        friend class LoopbackHttpServer;
        QTcpSocket *m_socket = nullptr;
        QByteArray m_buffer;
        bool m_held = false; // the current request is answered later or never; the rest waits (in order)
        bool m_closeAfterAnswer = false;
    };

    explicit LoopbackHttpServer(const Options &options, QObject *parent = nullptr);

    // One complete request. Answer it now (answer), later (answerLater), never (hold), by dropping the
    // connection (drop), or not at all: then the next request on the connection is read right away.
    virtual void handle(Connection &connection, const HttpRequest &request) = 0;
    // A request that cannot be framed; the connection closes after the answer given here.
    virtual void rejectMalformed(Connection &connection) = 0;
    // The connection's current request is over: answered or the connection is gone.
    virtual void settled(Connection &connection) { Q_UNUSED(connection) }

    static void record(RecordedRequest &into, const HttpRequest &from);
    void answer(Connection &connection, const HttpAnswer &answer);
    void answerLater(Connection &connection, int delayMs, const HttpAnswer &answer);
    void hold(Connection &connection);
    void drop(Connection &connection);
    void closeAll(); // stop listening and drop every connection

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void onDisconnected(QTcpSocket *socket);
    void processBuffer(QTcpSocket *socket);

    Options m_options;
    QTcpServer m_server;
    QElapsedTimer m_clock;
    QHash<QTcpSocket *, std::shared_ptr<Connection>> m_connections;
};

} // namespace deskbell::test
