#include "server/GuardedTcpServer.h"

#include <QPointer>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <chrono>
#include <memory>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

qint64 monotonicMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// "METHOD target HTTP/1.x": anything else is not a client QHttpServer could serve.
bool isRequestLine(const QByteArray &line)
{
    static const QRegularExpression pattern(u"^[A-Z]{3,10} [\\x21-\\x7e]+ HTTP/1\\.[01]\\r?$"_s);
    return pattern.match(QString::fromLatin1(line)).hasMatch();
}

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

// Per-connection view of the request stream: where the current request's headers end and how much of its body
// is still to come. Only framing is read here; QHttpServer parses the request itself.
struct GuardedTcpServer::Guarded
{
    enum class State
    {
        Headers,
        Body,    // Content-Length bytes remain
        Chunked, // counted until a response is written (the request was complete then)
        Closing, // answered 413 or cut off: whatever else arrives is dropped unread
    };
    State state = State::Headers;
    QByteArray headers;
    qint64 remaining = 0;
    qint64 requestBytes = 0;      // Chunked: bytes of the current request seen so far
    qint64 requestStartedMs = -1; // first byte of the unfinished request; -1 between requests
    qint64 lastActivityMs = 0;    // last byte read or written
    int requestsSeen = 0;         // requests begun on this connection
    bool firstLineChecked = false;
    QTimer *deadline = nullptr; // child of the socket
    std::function<void(const QString &)> cutOff;

    void beginRequest(qint64 now)
    {
        if (requestStartedMs < 0) {
            requestStartedMs = now;
            ++requestsSeen;
            deadline->start();
        }
    }
    void endRequest()
    {
        requestStartedMs = -1;
        firstLineChecked = false;
        deadline->stop();
    }
};

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
    qsizetype live = 0;
    for (const auto &g : std::as_const(m_guarded)) {
        live += g->state == Guarded::State::Closing ? 0 : 1;
    }
    if (live >= m_limits.maxConnections && !evictOne()) {
        // Closed before any byte is read: a flood of connections costs a file descriptor for a moment, never
        // a parser or a timer (nor a log line each: reportAtLimit()).
        reportAtLimit(u"refused"_s);
        socket->abort();
        delete socket;
        return;
    }
    ++m_open;
    guard(socket);
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        ssl->startServerEncryption();
    }
    addPendingConnection(socket);
}

bool GuardedTcpServer::evictOne()
{
    // Victims in order: a connection that has sent nothing at all, then one whose request has been arriving
    // the longest, then a keep-alive connection idle the longest; each only once it has been so for
    // evictAfterMs. A client that is talking (a request arriving at a normal pace, or answered a moment ago)
    // is never taken, and a flood of fresh connections is refused, not let in.
    const qint64 now = monotonicMs();
    const qint64 threshold = now - m_limits.evictAfterMs;
    std::shared_ptr<Guarded> silent;
    std::shared_ptr<Guarded> slow;
    std::shared_ptr<Guarded> idle;
    for (const auto &g : std::as_const(m_guarded)) {
        if (g->state == Guarded::State::Closing) {
            continue; // already on its way out
        }
        if (g->requestStartedMs >= 0) {
            if (g->requestStartedMs <= threshold && (!slow || g->requestStartedMs < slow->requestStartedMs)) {
                slow = g;
            }
        } else if (g->state == Guarded::State::Headers && g->lastActivityMs <= threshold) {
            std::shared_ptr<Guarded> &slot = g->requestsSeen == 0 ? silent : idle;
            if (!slot || g->lastActivityMs < slot->lastActivityMs) {
                slot = g;
            }
        }
    }
    if (silent) {
        reportAtLimit(u"closed silent for over %1 ms"_s.arg(m_limits.evictAfterMs));
        silent->cutOff({});
        return true;
    }
    if (slow) {
        reportAtLimit(u"closed with a request unfinished after %1 ms"_s.arg(m_limits.evictAfterMs));
        slow->cutOff({});
        return true;
    }
    if (idle) {
        idle->cutOff({}); // an idle keep-alive connection closed to make room is routine
        return true;
    }
    return false;
}

void GuardedTcpServer::reportAtLimit(const QString &what)
{
    // A flood at the cap would otherwise write a log line per connection: one line a second at most, with
    // the counts.
    ++m_atLimit[what];
    const qint64 now = monotonicMs();
    if (now - m_atLimitReportedMs < 1000) {
        return;
    }
    QStringList parts;
    for (auto it = m_atLimit.cbegin(); it != m_atLimit.cend(); ++it) {
        parts.append(u"%1 %2"_s.arg(it.value()).arg(it.key()));
    }
    emit connectionRefused(
        u"connection limit (%1) reached: %2"_s.arg(m_limits.maxConnections).arg(parts.join(u", "_s)));
    m_atLimit.clear();
    m_atLimitReportedMs = now;
}

void GuardedTcpServer::guard(QTcpSocket *socket)
{
    auto state = std::make_shared<Guarded>();
    state->lastActivityMs = monotonicMs();
    m_guarded.insert(socket, state);
    // QHttpServer 6.4 deletes a socket when it disconnects, but after a parse error it only disconnects every
    // signal of the socket (ours too) and leaves it open. The timers are children of the socket, so their
    // timeouts still fire then, and are what finally close such a connection.
    auto *idle = new QTimer(socket);
    // Counted down through a child: after a parse error QHttpServer 6.4 calls socket->disconnect(), which
    // also drops connections to the socket's own destroyed() signal.
    connect(idle, &QObject::destroyed, this, [this, socket] {
        --m_open;
        m_guarded.remove(socket);
    });
    idle->setSingleShot(true);
    idle->setInterval(m_limits.idleTimeoutMs);
    state->deadline = new QTimer(socket);
    state->deadline->setSingleShot(true);
    state->deadline->setInterval(m_limits.requestTimeoutMs);
    QPointer<QTcpSocket> guarded(socket);
    // The state is captured weakly: it owns this function, and the registry owns the state.
    std::weak_ptr<Guarded> weak = state;
    state->cutOff = [this, guarded, weak](const QString &reason) {
        if (!guarded) {
            return;
        }
        if (!reason.isEmpty()) {
            emit connectionRefused(reason);
        }
        if (const auto g = weak.lock()) {
            g->state = Guarded::State::Closing;
        }
        // Discard what is buffered so QHttpServer, whose readyRead slot runs after ours, parses nothing;
        // close on the next turn of the event loop because closing now would pull the device from under that
        // slot.
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
    connect(idle, &QTimer::timeout, socket, [state, ms = m_limits.idleTimeoutMs] {
        // An idle keep-alive connection between requests is routine; one that stopped mid-request is worth a
        // line in the log.
        const bool betweenRequests = state->requestStartedMs < 0 && state->state == Guarded::State::Headers;
        state->cutOff(betweenRequests ? QString() : u"idle for %1 ms in the middle of a request"_s.arg(ms));
    });
    connect(state->deadline, &QTimer::timeout, socket, [state, ms = m_limits.requestTimeoutMs] {
        state->cutOff(u"request not complete within %1 ms"_s.arg(ms));
    });
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    idle->start();

    connect(socket, &QIODevice::bytesWritten, socket, [idle, state] {
        idle->start();
        state->lastActivityMs = monotonicMs();
        // An answer means QHttpServer has the whole request: a chunked body has ended.
        if (state->state == Guarded::State::Chunked) {
            state->state = Guarded::State::Headers;
            state->requestBytes = 0;
            state->endRequest();
        }
    });
    connect(socket, &QIODevice::readyRead, socket, [this, socket, idle, state] {
        idle->start();
        const qint64 now = monotonicMs();
        state->lastActivityMs = now;
        // QHttpServer has consumed everything earlier (it reads all that is available), so whatever is
        // available now arrived since our last look.
        if (state->state == Guarded::State::Closing) {
            socket->read(socket->bytesAvailable());
            return;
        }
        const QByteArray data = socket->peek(socket->bytesAvailable());
        qsizetype pos = 0;
        while (pos < data.size()) {
            Guarded &f = *state;
            if (f.state == Guarded::State::Headers) {
                f.beginRequest(now);
                const qsizetype take = data.size() - pos;
                f.headers += data.mid(pos, take);
                if (!f.firstLineChecked) {
                    const qsizetype newline = f.headers.indexOf('\n');
                    if (newline >= 0) {
                        f.firstLineChecked = true;
                        if (!isRequestLine(f.headers.left(newline))) {
                            f.cutOff(u"not an HTTP/1.x request"_s);
                            return;
                        }
                    } else if (f.headers.size() > 8192) {
                        f.cutOff(u"request line over 8192 bytes"_s);
                        return;
                    }
                }
                const qsizetype end = f.headers.indexOf("\r\n\r\n");
                if (end < 0) {
                    if (f.headers.size() > m_limits.maxHeaderBytes) {
                        f.cutOff(u"request headers over %1 bytes"_s.arg(m_limits.maxHeaderBytes));
                        return;
                    }
                    pos += take;
                    continue;
                }
                const qsizetype headerLength = end + 4;
                if (headerLength > m_limits.maxHeaderBytes) {
                    f.cutOff(u"request headers over %1 bytes"_s.arg(m_limits.maxHeaderBytes));
                    return;
                }
                // Bytes after the header block belong to the body (or the next request).
                pos += take - (f.headers.size() - headerLength);
                const HeaderInfo info = readHeaders(f.headers.left(end));
                f.requestBytes = headerLength;
                f.headers.clear();
                if (info.chunked) {
                    f.state = Guarded::State::Chunked;
                } else if (info.contentLength > m_limits.maxBodyBytes) {
                    // Drop what was sent so QHttpServer never parses it, then answer and close.
                    socket->read(socket->bytesAvailable());
                    const QByteArray body = R"({"error":"body larger than )" +
                                            QByteArray::number(m_limits.maxBodyBytes) + R"( bytes"})";
                    socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: "
                                  "application/json\r\n"
                                  "Connection: close\r\nContent-Length: " +
                                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    emit connectionRefused(
                        u"Content-Length %1 over the %2 byte limit"_s.arg(info.contentLength)
                            .arg(m_limits.maxBodyBytes));
                    // The idle timer keeps running: it aborts a close that never completes.
                    f.state = Guarded::State::Closing;
                    f.deadline->stop();
                    socket->disconnectFromHost();
                    return;
                } else if (info.contentLength > 0) {
                    f.state = Guarded::State::Body;
                    f.remaining = info.contentLength;
                } else {
                    f.endRequest();
                }
            } else if (f.state == Guarded::State::Body) {
                const qint64 take = qMin<qint64>(f.remaining, data.size() - pos);
                pos += take;
                f.remaining -= take;
                if (f.remaining == 0) {
                    f.state = Guarded::State::Headers;
                    f.endRequest();
                }
            } else { // Chunked (Closing returned above)
                f.requestBytes += data.size() - pos;
                pos = data.size();
                if (f.requestBytes > m_limits.maxBodyBytes + m_limits.maxHeaderBytes) {
                    f.cutOff(u"chunked request over %1 bytes"_s.arg(m_limits.maxBodyBytes));
                    return;
                }
            }
        }
    });
}

} // namespace deskbell
