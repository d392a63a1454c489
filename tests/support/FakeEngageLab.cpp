#include "FakeEngageLab.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <atomic>

namespace deskbell::test {

using namespace Qt::StringLiterals;

namespace {

// Ids the way EngageLab mints them: 19 digits, above 2^53 so a double would lose the last ones.
QString freshId()
{
    static std::atomic<qint64> next{1972488990804201472LL};
    return QString::number(next.fetch_add(1));
}

QByteArray jsonIdToken(const QString &id)
{
    bool digitsOnly = !id.isEmpty();
    for (const QChar c : id) {
        digitsOnly = digitsOnly && c >= u'0' && c <= u'9';
    }
    return digitsOnly ? id.toLatin1()
                      : QJsonDocument(QJsonArray{id}).toJson(QJsonDocument::Compact).sliced(1).chopped(1);
}

} // namespace

// EngageLab's own framing limits; anything past them is answered 400 3001 and the connection closed.
FakeEngageLab::FakeEngageLab(QObject *parent)
    : LoopbackHttpServer(
          {.maxBodyBytes = 16 * 1024 * 1024, .rejectChunked = true, .http10CloseByDefault = true}, parent)
{}

FakeEngageLab::~FakeEngageLab() = default;

void FakeEngageLab::close()
{
    closeAll();
}

void FakeEngageLab::enqueue(const Reply &reply)
{
    m_queue.append(reply);
}

void FakeEngageLab::setDefaultReply(const Reply &reply)
{
    m_defaultReply = reply;
}

void FakeEngageLab::setTemplates(const QByteArray &jsonArrayBody)
{
    m_templates = jsonArrayBody;
}

void FakeEngageLab::setExpectedCredentials(const QString &devKey, const QString &devSecret)
{
    m_expectedAuthorization = "Basic " + (devKey + u':' + devSecret).toUtf8().toBase64();
}

QList<FakeEngageLab::Request> FakeEngageLab::requests() const
{
    return m_requests;
}

int FakeEngageLab::sendCount() const
{
    return m_sendCount;
}

int FakeEngageLab::maxConcurrentSends() const
{
    return m_maxOpenSends;
}

FakeEngageLab::Reply FakeEngageLab::accepted(const QString &messageId, const QString &planId)
{
    const QString plan = planId.isEmpty() ? freshId() : planId;
    const QString message = messageId.isEmpty() ? freshId() : messageId;
    Reply reply;
    reply.body = "{\"plan_id\":" + jsonIdToken(plan) +
                 ",\"total_count\":1,\"accepted_count\":1,\"message_id\":" + jsonIdToken(message) + '}';
    return reply;
}

FakeEngageLab::Reply FakeEngageLab::error(int httpStatus, int code, const QString &message)
{
    Reply reply;
    reply.httpStatus = httpStatus;
    reply.body =
        QJsonDocument(QJsonObject{{u"code"_s, code}, {u"message"_s, message}}).toJson(QJsonDocument::Compact);
    return reply;
}

void FakeEngageLab::rejectMalformed(Connection &connection)
{
    answer(connection, toAnswer(error(400, 3001, u"malformed request"_s)));
}

void FakeEngageLab::handle(Connection &connection, const HttpRequest &http)
{
    Request request;
    record(request, http);

    m_requests.append(request);
    const qsizetype query = request.path.indexOf('?');
    const QByteArray path = query < 0 ? request.path : request.path.left(query);
    const bool isSend = request.method == "POST" && path == "/v1/messages";
    if (isSend) {
        ++m_sendCount;
        m_openSends.insert(&connection);
        m_maxOpenSends = qMax(m_maxOpenSends, int(m_openSends.size()));
    }
    emit requestReceived(request);
    if (!connection.isOpen()) {
        return; // the test closed the server in reaction
    }

    if (!m_expectedAuthorization.isEmpty() && request.authorization != m_expectedAuthorization) {
        answer(connection, toAnswer(error(401, 2001, u"Authentication failed, incorrect token"_s)));
        return;
    }
    if (isSend) {
        Reply reply;
        if (!m_queue.isEmpty()) {
            reply = m_queue.takeFirst();
        } else {
            reply = m_defaultReply ? *m_defaultReply : accepted();
        }
        if (!reply.dropAfterRequest && !reply.hang) {
            m_requests.last().answerStatus = reply.httpStatus;
        }
        if (reply.dropAfterRequest) {
            drop(connection);
        } else if (reply.hang) {
            hold(connection);
        } else if (reply.delayMs > 0) {
            answerLater(connection, reply.delayMs, toAnswer(reply));
        } else {
            answer(connection, toAnswer(reply));
        }
        return;
    }
    if (request.method == "GET" && path == "/v1/template-configs") {
        Reply reply;
        reply.body = m_templates;
        answer(connection, toAnswer(reply));
        return;
    }
    answer(connection, toAnswer(error(404, 4001, u"resource not found"_s)));
}

// Every answer is JSON unless the test says otherwise.
LoopbackHttpServer::HttpAnswer FakeEngageLab::toAnswer(const Reply &reply)
{
    HttpAnswer answer{reply.httpStatus, reply.headers, reply.body};
    bool hasContentType = false;
    for (const auto &[name, value] : reply.headers) {
        hasContentType = hasContentType || name.toLower() == "content-type";
    }
    if (!hasContentType) {
        answer.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    }
    return answer;
}

void FakeEngageLab::settled(Connection &connection)
{
    m_openSends.remove(&connection);
}

} // namespace deskbell::test
