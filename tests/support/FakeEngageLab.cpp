#include "FakeEngageLab.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

#include <atomic>

namespace deskbell::test {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype MAX_HEAD_BYTES = 64 * 1024;
constexpr qint64 MAX_BODY_BYTES = 16 * 1024 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

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

FakeEngageLab::FakeEngageLab(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    connect(&m_server, &QTcpServer::newConnection, this, &FakeEngageLab::onNewConnection);
}

FakeEngageLab::~FakeEngageLab()
{
    // Sockets are the server's children and would report their disconnection into a half-destroyed object.
    const QList<QTcpSocket *> sockets = m_connections.keys();
    m_connections.clear();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
}

bool FakeEngageLab::listen()
{
    m_clock.start();
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeEngageLab::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_server.serverPort());
    return url;
}

void FakeEngageLab::close()
{
    m_server.close();
    const QList<QTcpSocket *> sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        socket->abort();
        onDisconnected(socket); // abort() reports only sockets that were still connected
    }
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

void FakeEngageLab::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_connections.insert(socket, Connection{});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
        if (socket->bytesAvailable() > 0) {
            onReadyRead(socket);
        }
    }
}

void FakeEngageLab::onReadyRead(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        return;
    }
    it->buffer.append(socket->readAll());
    processBuffer(socket);
}

void FakeEngageLab::onDisconnected(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        return;
    }
    settleSend(*it);
    m_connections.erase(it);
    socket->disconnect(this);
    socket->deleteLater();
}

// Parses as many complete requests as the buffer holds; a request split over several reads waits here
// until its last byte arrives. One at a time per connection: HTTP/1.1 answers in order.
void FakeEngageLab::processBuffer(QTcpSocket *socket)
{
    for (;;) {
        const auto it = m_connections.find(socket);
        if (it == m_connections.end() || it->awaitingAnswer) {
            return;
        }
        Connection &connection = *it;
        const qsizetype headEnd = connection.buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (connection.buffer.size() > MAX_HEAD_BYTES) {
                socket->abort();
                onDisconnected(socket);
            }
            return;
        }
        const QList<QByteArray> lines = connection.buffer.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        QHash<QByteArray, QByteArray> headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
        }
        bool lengthOk = true;
        const qint64 length =
            headers.contains("content-length") ? headers.value("content-length").toLongLong(&lengthOk) : 0;
        if (requestLine.size() != 3 || !lengthOk || length < 0 || length > MAX_BODY_BYTES ||
            headers.value("transfer-encoding").toLower().contains("chunked")) {
            // Nothing Deskbell sends looks like this: answer once and end the connection.
            connection.closeAfterAnswer = true;
            connection.buffer.clear();
            answer(socket, error(400, 3001, u"malformed request"_s));
            return;
        }
        const qsizetype total = headEnd + 4 + qsizetype(length);
        if (connection.buffer.size() < total) {
            return;
        }

        Request request;
        request.method = requestLine[0];
        request.path = requestLine[1];
        request.authorization = headers.value("authorization");
        request.rawBody = connection.buffer.mid(headEnd + 4, qsizetype(length));
        request.json = QJsonDocument::fromJson(request.rawBody).object();
        request.receivedMs = m_clock.elapsed();
        connection.buffer.remove(0, total);
        const QByteArray connectionHeader = headers.value("connection").toLower();
        connection.closeAfterAnswer =
            connectionHeader == "close" || (requestLine[2] == "HTTP/1.0" && connectionHeader != "keep-alive");

        dispatch(socket, request);
    }
}

void FakeEngageLab::dispatch(QTcpSocket *socket, const Request &request)
{
    m_requests.append(request);
    const qsizetype query = request.path.indexOf('?');
    const QByteArray path = query < 0 ? request.path : request.path.left(query);
    const bool isSend = request.method == "POST" && path == "/v1/messages";
    if (isSend) {
        ++m_sendCount;
        Connection &connection = m_connections[socket];
        connection.openSend = true;
        m_maxOpenSends = qMax(m_maxOpenSends, ++m_openSends);
    }
    emit requestReceived(request);
    if (!m_connections.contains(socket)) {
        return; // the test closed the server in reaction
    }

    if (!m_expectedAuthorization.isEmpty() && request.authorization != m_expectedAuthorization) {
        answer(socket, error(401, 2001, u"Authentication failed, incorrect token"_s));
        return;
    }
    if (isSend) {
        Reply reply;
        if (!m_queue.isEmpty()) {
            reply = m_queue.takeFirst();
        } else {
            reply = m_defaultReply ? *m_defaultReply : accepted();
        }
        if (reply.dropAfterRequest) {
            socket->abort();
            onDisconnected(socket);
            return;
        }
        if (reply.hang || reply.delayMs > 0) {
            m_connections[socket].awaitingAnswer = true;
            if (!reply.hang) {
                // The socket as context: a connection that goes away takes its pending answer with it.
                QTimer::singleShot(reply.delayMs, socket, [this, socket, reply] { answer(socket, reply); });
            }
            return;
        }
        answer(socket, reply);
        return;
    }
    if (request.method == "GET" && path == "/v1/template-configs") {
        Reply reply;
        reply.body = m_templates;
        answer(socket, reply);
        return;
    }
    answer(socket, error(404, 4001, u"resource not found"_s));
}

void FakeEngageLab::answer(QTcpSocket *socket, const Reply &reply)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        return;
    }
    settleSend(*it);
    const bool wasWaiting = std::exchange(it->awaitingAnswer, false);
    const bool closeAfter = it->closeAfterAnswer;

    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(reply.httpStatus) + ' ' + reasonPhrase(reply.httpStatus) + "\r\n";
    bool hasContentType = false;
    for (const auto &[name, value] : reply.headers) {
        hasContentType = hasContentType || name.toLower() == "content-type";
        head += name + ": " + value + "\r\n";
    }
    if (!hasContentType) {
        head += "Content-Type: application/json\r\n";
    }
    head += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    head += closeAfter ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    socket->write(head + "\r\n" + reply.body);

    if (closeAfter) {
        socket->disconnectFromHost();
        return;
    }
    if (wasWaiting) {
        // Requests that arrived meanwhile are waiting in the buffer; the caller's loop is long gone.
        QTimer::singleShot(0, socket, [this, socket] { processBuffer(socket); });
    }
}

void FakeEngageLab::settleSend(Connection &connection)
{
    if (connection.openSend) {
        connection.openSend = false;
        --m_openSends;
    }
}

} // namespace deskbell::test
