#include "LoopbackHttpServer.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

#include <utility>

namespace deskbell::test {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype MAX_HEAD_BYTES = 64 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
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
    case 409:
        return "Conflict";
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

} // namespace

LoopbackHttpServer::LoopbackHttpServer(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_clock.start();
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackHttpServer::onNewConnection);
}

LoopbackHttpServer::~LoopbackHttpServer()
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

bool LoopbackHttpServer::listen()
{
    m_clock.start();
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl LoopbackHttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_server.serverPort());
    return url;
}

void LoopbackHttpServer::record(RecordedRequest &into, const HttpRequest &from)
{
    into.method = from.method;
    into.path = from.target;
    into.authorization = from.headers.value("authorization");
    into.rawBody = from.body;
    into.json = QJsonDocument::fromJson(from.body).object();
    into.receivedMs = from.receivedMs;
}

void LoopbackHttpServer::answer(Connection &connection, const HttpAnswer &answer)
{
    if (!connection.isOpen()) {
        return; // a late answer for a connection the client (or the test) already closed
    }
    settled(connection);
    QTcpSocket *socket = connection.m_socket;
    const bool wasHeld = std::exchange(connection.m_held, false);
    const bool closeAfter = connection.m_closeAfterAnswer;
    // 204 has no body, so no Content-Length either (RFC 9110 15.3.5).
    const bool hasBody = answer.status != 204;

    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reasonPhrase(answer.status) + "\r\n";
    for (const auto &[name, value] : answer.headers) {
        head += name + ": " + value + "\r\n";
    }
    if (hasBody) {
        head += "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\n";
    }
    head += closeAfter ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    socket->write(head + "\r\n" + (hasBody ? answer.body : QByteArray()));

    if (closeAfter) {
        socket->disconnectFromHost();
        return;
    }
    if (wasHeld) {
        // Requests that arrived meanwhile are waiting in the buffer; the loop that read them is long gone.
        QTimer::singleShot(0, socket, [this, socket] { processBuffer(socket); });
    }
}

void LoopbackHttpServer::answerLater(Connection &connection, int delayMs, const HttpAnswer &answer)
{
    if (!connection.isOpen()) {
        return;
    }
    hold(connection);
    // The socket as context: a connection that goes away takes its pending answer with it.
    QTimer::singleShot(
        delayMs, connection.m_socket,
        [this, held = m_connections.value(connection.m_socket), answer] { this->answer(*held, answer); });
}

void LoopbackHttpServer::hold(Connection &connection)
{
    connection.m_held = true;
}

void LoopbackHttpServer::drop(Connection &connection)
{
    if (QTcpSocket *socket = connection.m_socket) {
        socket->abort();
        onDisconnected(socket); // abort() reports only sockets that were still connected
    }
}

void LoopbackHttpServer::closeAll()
{
    m_server.close();
    const QList<QTcpSocket *> sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        socket->abort();
        onDisconnected(socket); // abort() reports only sockets that were still connected
    }
}

void LoopbackHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto connection = std::make_shared<Connection>();
        connection->m_socket = socket;
        m_connections.insert(socket, connection);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
        if (socket->bytesAvailable() > 0) {
            onReadyRead(socket);
        }
    }
}

void LoopbackHttpServer::onReadyRead(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        return;
    }
    (*it)->m_buffer.append(socket->readAll());
    processBuffer(socket);
}

void LoopbackHttpServer::onDisconnected(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        return;
    }
    const std::shared_ptr<Connection> connection = *it;
    m_connections.erase(it);
    settled(*connection);
    connection->m_socket = nullptr; // whoever still holds it now sees it closed
    socket->disconnect(this);
    socket->deleteLater();
}

// Parses as many complete requests as the buffer holds; a request split over several reads waits here
// until its last byte arrives. One at a time per connection while one is held: HTTP/1.1 answers in order.
void LoopbackHttpServer::processBuffer(QTcpSocket *socket)
{
    for (;;) {
        const std::shared_ptr<Connection> connection = m_connections.value(socket);
        if (!connection || connection->m_held) {
            return;
        }
        QByteArray &buffer = connection->m_buffer;
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (buffer.size() > MAX_HEAD_BYTES) {
                drop(*connection);
            }
            return;
        }
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
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
        if (requestLine.size() != 3 || !lengthOk || length < 0 || length > m_options.maxBodyBytes ||
            (m_options.rejectChunked && headers.value("transfer-encoding").toLower().contains("chunked"))) {
            // Nothing Deskbell sends looks like this: answer once and end the connection.
            connection->m_closeAfterAnswer = true;
            buffer.clear();
            rejectMalformed(*connection);
            return;
        }
        const qsizetype total = headEnd + 4 + qsizetype(length);
        if (buffer.size() < total) {
            return;
        }

        HttpRequest request;
        request.method = requestLine[0];
        request.target = requestLine[1];
        request.version = requestLine[2];
        request.body = buffer.mid(headEnd + 4, qsizetype(length));
        request.receivedMs = m_clock.elapsed();
        buffer.remove(0, total);
        const QByteArray connectionHeader = headers.value("connection").toLower();
        connection->m_closeAfterAnswer =
            connectionHeader == "close" || (m_options.http10CloseByDefault && request.version == "HTTP/1.0" &&
                                            connectionHeader != "keep-alive");
        request.headers = std::move(headers);

        handle(*connection, request);
    }
}

} // namespace deskbell::test
