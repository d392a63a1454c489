#pragma once

#include "LoopbackHttpServer.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QSet>
#include <QString>

#include <optional>

namespace deskbell::test {

// EngageLab's SMS API on loopback, for tests: POST /v1/messages and GET /v1/template-configs over plain
// HTTP/1.1 with keep-alive. LoopbackHttpServer does the HTTP; this class decides the answers.
class FakeEngageLab : public LoopbackHttpServer
{
    Q_OBJECT

public:
    // A type of its own (not an alias) so the signal and the metatype keep their names.
    struct Request : RecordedRequest
    {
        // The status the fake chose for a POST /v1/messages: 0 when it dropped or held the request. A
        // delayed answer counts although the client may have given up before it arrived.
        int answerStatus = 0;
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

    // listen() and baseUrl() come from LoopbackHttpServer.
    void close(); // stop listening and drop every connection (for "unreachable" tests)

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
    void handle(Connection &connection, const HttpRequest &request) override;
    void rejectMalformed(Connection &connection) override;
    void settled(Connection &connection) override;
    static HttpAnswer toAnswer(const Reply &reply);

    QList<Reply> m_queue;
    std::optional<Reply> m_defaultReply;
    QByteArray m_templates = "[]";
    QByteArray m_expectedAuthorization;
    QList<Request> m_requests;
    int m_sendCount = 0;
    QSet<const Connection *> m_openSends; // connections whose POST /v1/messages is not answered yet
    int m_maxOpenSends = 0;
};

} // namespace deskbell::test

Q_DECLARE_METATYPE(deskbell::test::FakeEngageLab::Request)
