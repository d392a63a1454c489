#include "server/GuardedTcpServer.h"

#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

// Per-connection view of the request stream: where the current request's headers end and how much of
// its body is still to come. Only framing is read here; QHttpServer parses the request itself.
struct Framing
{
    enum class State
    {
        Headers,
        Body,    // Content-Length bytes remain
        Chunked, // counted until a response is written (the request was complete then)
        Closing, // answered 413: whatever else arrives is dropped unread
    };
    State state = State::Headers;
    QByteArray headers;
    qint64 remaining = 0;
    qint64 requestBytes = 0; // Chunked: bytes of the current request seen so far
};

struct HeaderInfo
{
    qint64 contentLength = -1; // -1: none, -2: unreadable
    bool chunked = false;
};

HeaderInfo readHeaders(const QByteArray &block)
{
    HeaderInfo info;
    const QList<QByteArray> lines = block.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // line 0 is the request line
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            continue;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            info.contentLength = ok && length >= 0 ? length : -2;
        } else if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
            info.chunked = true;
        }
    }
    return info;
}

} // namespace

GuardedTcpServer::GuardedTcpServer(Limits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{}

void GuardedTcpServer::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_ssl = configuration;
    m_sslEnabled = !configuration.isNull();
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    QTcpSocket *socket = nullptr;
    if (m_sslEnabled) {
        auto *ssl = new QSslSocket(this);
        ssl->setSslConfiguration(m_ssl);
        socket = ssl;
    } else {
        socket = new QTcpSocket(this);
    }
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    if (m_open.load() >= m_limits.maxConnections) {
        // Closed before any byte is read: a flood of connections costs a file descriptor for a moment,
        // never a parser or a timer.
        emit connectionRefused(u"connection limit (%1) reached"_s.arg(m_limits.maxConnections));
        socket->abort();
        delete socket;
        return;
    }
    ++m_open;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });
    guard(socket);
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        ssl->startServerEncryption();
    }
    addPendingConnection(socket);
}

void GuardedTcpServer::guard(QTcpSocket *socket)
{
    // QHttpServer 6.4 deletes a socket when it disconnects, but after a parse error it only disconnects
    // every signal of the socket (ours too) and leaves it open. The idle timer is a child of the socket,
    // so its timeout still fires then and is what finally closes such a connection.
    auto *idle = new QTimer(socket);
    idle->setSingleShot(true);
    idle->setInterval(m_limits.idleTimeoutMs);
    QPointer<QTcpSocket> guarded(socket);
    const auto cutOff = [this, guarded](const QString &reason, bool quiet = false) {
        if (!guarded) {
            return;
        }
        if (!quiet) {
            emit connectionRefused(reason);
        }
        // Discard what is buffered so QHttpServer, whose readyRead slot runs after ours, parses nothing;
        // close on the next turn of the event loop because closing now would pull the device from under
        // that slot.
        guarded->read(guarded->bytesAvailable());
        QMetaObject::invokeMethod(
            guarded,
            [guarded] {
                if (guarded) {
                    guarded->abort();
                    guarded->deleteLater();
                }
            },
            Qt::QueuedConnection);
    };
    auto framing = std::make_shared<Framing>();
    connect(idle, &QTimer::timeout, socket, [cutOff, framing, ms = m_limits.idleTimeoutMs] {
        // An idle keep-alive connection between requests is routine; one that stopped mid-request is
        // worth a line in the log.
        const bool betweenRequests = framing->state == Framing::State::Headers && framing->headers.isEmpty();
        cutOff(
            u"idle for %1 ms%2"_s.arg(ms).arg(betweenRequests ? QString() : u" in the middle of a request"_s),
            betweenRequests);
    });
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    idle->start();

    connect(socket, &QIODevice::bytesWritten, socket, [idle, framing] {
        idle->start();
        // An answer means QHttpServer has the whole request: a chunked body has ended.
        if (framing->state == Framing::State::Chunked) {
            *framing = Framing();
        }
    });
    connect(socket, &QIODevice::readyRead, socket, [this, socket, idle, framing, cutOff] {
        idle->start();
        // QHttpServer has consumed everything earlier (it reads all that is available), so whatever is
        // available now arrived since our last look.
        if (framing->state == Framing::State::Closing) {
            socket->read(socket->bytesAvailable());
            return;
        }
        const QByteArray data = socket->peek(socket->bytesAvailable());
        qsizetype pos = 0;
        while (pos < data.size()) {
            Framing &f = *framing;
            if (f.state == Framing::State::Headers) {
                const qsizetype take = data.size() - pos;
                f.headers += data.mid(pos, take);
                const qsizetype end = f.headers.indexOf("\r\n\r\n");
                if (end < 0) {
                    if (f.headers.size() > m_limits.maxHeaderBytes) {
                        cutOff(u"request headers over %1 bytes"_s.arg(m_limits.maxHeaderBytes));
                        return;
                    }
                    pos += take;
                    continue;
                }
                const qsizetype headerLength = end + 4;
                if (headerLength > m_limits.maxHeaderBytes) {
                    cutOff(u"request headers over %1 bytes"_s.arg(m_limits.maxHeaderBytes));
                    return;
                }
                // Bytes after the header block belong to the body (or the next request).
                pos += take - (f.headers.size() - headerLength);
                const HeaderInfo info = readHeaders(f.headers.left(end));
                f.requestBytes = headerLength;
                f.headers.clear();
                if (info.chunked) {
                    f.state = Framing::State::Chunked;
                } else if (info.contentLength > m_limits.maxBodyBytes) {
                    // Drop what was sent so QHttpServer never parses it, then answer and close.
                    socket->read(socket->bytesAvailable());
                    const QByteArray body = R"({"error":"body larger than )" +
                                            QByteArray::number(m_limits.maxBodyBytes) + R"( bytes"})";
                    socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n"
                                  "Connection: close\r\nContent-Length: " +
                                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    emit connectionRefused(
                        u"Content-Length %1 over the %2 byte limit"_s.arg(info.contentLength)
                            .arg(m_limits.maxBodyBytes));
                    // The idle timer keeps running: it aborts a close that never completes.
                    f.state = Framing::State::Closing;
                    socket->disconnectFromHost();
                    return;
                } else if (info.contentLength > 0) {
                    f.state = Framing::State::Body;
                    f.remaining = info.contentLength;
                }
            } else if (f.state == Framing::State::Body) {
                const qint64 take = qMin<qint64>(f.remaining, data.size() - pos);
                pos += take;
                f.remaining -= take;
                if (f.remaining == 0) {
                    f = Framing();
                }
            } else { // Chunked (Closing returned above)
                f.requestBytes += data.size() - pos;
                pos = data.size();
                if (f.requestBytes > m_limits.maxBodyBytes + m_limits.maxHeaderBytes) {
                    cutOff(u"chunked request over %1 bytes"_s.arg(m_limits.maxBodyBytes));
                    return;
                }
            }
        }
    });
}

} // namespace deskbell
