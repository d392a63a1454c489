#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPair>
#include <QString>
#include <QTcpServer>
#include <QUrl>

#include <optional>

class QTcpSocket;

namespace deskbell::test {

// EngageLab's SMS API on loopback, for tests: POST /v1/messages and GET /v1/template-configs over plain
// HTTP/1.1 with keep-alive. Built on QTcpServer rather than QHttpServer because tests need answers that
// come late, never, or as a dropped connection.
class FakeEngageLab : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QByteArray path; // request target as sent, query included
        QByteArray authorization;
        QByteArray rawBody;
        QJsonObject json;      // rawBody parsed, empty when it is not a JSON object
        qint64 receivedMs = 0; // monotonic ms since listen()
    };

    struct Reply
    {
        int httpStatus = 200;
        QByteArray body;
        int delayMs = 0;
        bool dropAfterRequest = false; // close the socket without answering
        bool hang = false;             // read the request, never answer
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    explicit FakeEngageLab(QObject *parent = nullptr);
    ~FakeEngageLab() override;

    bool listen();        // 127.0.0.1, ephemeral port
    QUrl baseUrl() const; // http://127.0.0.1:<port>
    void close();         // stop listening and drop every connection (for "unreachable" tests)

    void enqueue(const Reply &reply); // answers for POST /v1/messages, in order
    void setDefaultReply(
        const Reply &reply); // when the queue is empty (default: accepted with a fresh 19-digit id)
    void setTemplates(const QByteArray &jsonArrayBody); // answer for GET /v1/template-configs (default "[]")
    void setExpectedCredentials(const QString &devKey,
                                const QString &devSecret); // wrong Basic auth -> 401 2001

    QList<Request> requests() const; // every request, in arrival order
    int sendCount() const;           // POST /v1/messages received
    int maxConcurrentSends() const;  // the most POST /v1/messages open at once (received, not yet answered)

    // EngageLab's single-target success body, ids as bare JSON numbers (as R1 shows task_id). Empty ids
    // become fresh 19-digit ones.
    static Reply accepted(const QString &messageId = {}, const QString &planId = {});
    static Reply error(int httpStatus, int code, const QString &message);

signals:
    void requestReceived(const deskbell::test::FakeEngageLab::Request &request);

private:
    struct Connection
    {
        QByteArray buffer;
        bool awaitingAnswer = false; // a request is being answered (delayed or hanging); the rest waits
        bool openSend = false;       // that request is a POST /v1/messages
        bool closeAfterAnswer = false;
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void onDisconnected(QTcpSocket *socket);
    void processBuffer(QTcpSocket *socket);
    void dispatch(QTcpSocket *socket, const Request &request);
    void answer(QTcpSocket *socket, const Reply &reply);
    void settleSend(Connection &connection);

    QTcpServer m_server;
    QElapsedTimer m_clock;
    QHash<QTcpSocket *, Connection> m_connections;
    QList<Reply> m_queue;
    std::optional<Reply> m_defaultReply;
    QByteArray m_templates = "[]";
    QByteArray m_expectedAuthorization;
    QList<Request> m_requests;
    int m_sendCount = 0;
    int m_openSends = 0;
    int m_maxOpenSends = 0;
};

} // namespace deskbell::test

Q_DECLARE_METATYPE(deskbell::test::FakeEngageLab::Request)
