// bench_webhook_load: how fast deskbell --headless acknowledges Calendly webhooks under load, while
// its SMS provider is slow, and (with --hostile) while hostile clients are mixed in.
//
// Starts the real `deskbell --headless` (sandbox off: a loopback fake EngageLab that takes
// --provider-ms per send), then --clients keep-alive connections each post signed, distinct
// bookings back to back for --seconds. Reports acknowledgements per second and p50/p95/p99/max latency
// (request written -> full answer read). Deskbell logs as in production: one line per request.
//
// --hostile adds, from the start and reconnecting whenever they are closed (an attack in progress; the
// good clients connect one second later):
//   slowloris   headers one byte per second, never finished
//   slow-body   complete headers, then a 4,000-byte body at 10 bytes per second
//   oversized   Content-Length 2,000,000 (over the 256 KiB limit), body streamed as fast as it goes
//   garbage     512 random bytes, not HTTP
//   bad-json    a correctly signed body that is not JSON
//   bad-sig     a booking with a wrong signature
//   idle        connect, send nothing
// and reports, per kind, how the listener treated them: answers by status, connections closed without
// an answer (and after how long), connections refused at once (closed within 50 ms of connecting).
//
//   build/bench/bench_webhook_load --clients 32 --seconds 20 --provider-ms 500
//   build/bench/bench_webhook_load --clients 32 --seconds 20 --provider-ms 500 --hostile

#include "calendly/WebhookSignature.h"
#include "support/CalendlyBodies.h"
#include "support/FakeEngageLab.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

const QByteArray KEY = "bench-signing-key";

QElapsedTimer g_clock;

qint64 nowMs()
{
    return g_clock.elapsed();
}

QByteArray bookingRequest(int sequence, const QByteArray &signature = {})
{
    test::BodyOptions o;
    o.id = u"L%1"_s.arg(sequence);
    o.startUtc = QDateTime::currentDateTimeUtc().addDays(2);
    const QByteArray body = test::body(o);
    return "POST /webhooks/calendly HTTP/1.1\r\nHost: 127.0.0.1\r\n"
           "Content-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\nCalendly-Webhook-Signature: " +
           (signature.isEmpty() ? signCalendlyBody(body, KEY, QDateTime::currentSecsSinceEpoch())
                                : signature) +
           "\r\n\r\n" + body;
}

// Length of the first complete HTTP answer in buffer, or -1; *status gets its status code.
qsizetype completeAnswer(const QByteArray &buffer, int *status)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        return -1;
    }
    static const QRegularExpression lengthRe(u"(?i)content-length:\\s*(\\d+)"_s);
    const auto m = lengthRe.match(QString::fromLatin1(buffer.left(headerEnd)));
    const qsizetype total = headerEnd + 4 + (m.hasMatch() ? m.captured(1).toLongLong() : 0);
    if (buffer.size() < total) {
        return -1;
    }
    *status = buffer.mid(9, 3).toInt();
    return total;
}

struct GoodClient
{
    std::unique_ptr<QTcpSocket> socket;
    QByteArray buffer;
    qint64 sentAtNs = 0;
    bool waiting = false;
};

enum class Kind
{
    Slowloris,
    SlowBody,
    Oversized,
    Garbage,
    BadJson,
    BadSignature,
    Idle,
};

const char *kindName(Kind kind)
{
    switch (kind) {
    case Kind::Slowloris:
        return "slowloris";
    case Kind::SlowBody:
        return "slow-body";
    case Kind::Oversized:
        return "oversized";
    case Kind::Garbage:
        return "garbage";
    case Kind::BadJson:
        return "bad-json";
    case Kind::BadSignature:
        return "bad-sig";
    case Kind::Idle:
        return "idle";
    }
    return "?";
}

struct KindStats
{
    int connections = 0;
    QMap<int, int> answers; // status -> count
    int closedWithoutAnswer = 0;
    int refusedAtOnce = 0;      // closed within 50 ms of connecting, nothing sent back
    QList<qint64> closeAfterMs; // connection lifetime when the server closed it without an answer
    int openAtEnd = 0;
};

// One hostile connection that reconnects when closed; the driver (a timer) depends on the kind.
class Hostile : public QObject
{
public:
    Hostile(Kind kind, quint16 port, KindStats &stats, QObject *parent)
        : QObject(parent)
        , m_kind(kind)
        , m_port(port)
        , m_stats(stats)
    {
        m_tick.callOnTimeout(this, [this] { tick(); });
        connectNow();
    }

    void stop()
    {
        m_stopped = true;
        m_tick.stop();
        if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
            ++m_stats.openAtEnd;
        }
    }

private:
    void connectNow()
    {
        if (m_stopped) {
            return;
        }
        m_socket = std::make_unique<QTcpSocket>();
        m_answered = false;
        m_buffer.clear();
        m_progress = 0;
        QTcpSocket *s = m_socket.get();
        // A socket being replaced may still report; only the current one counts.
        connect(s, &QTcpSocket::connected, this, [this, s] {
            if (m_socket.get() != s) {
                return;
            }
            ++m_stats.connections;
            m_connectedAt = nowMs();
            begin();
        });
        connect(s, &QTcpSocket::readyRead, this, [this, s] {
            if (m_socket.get() != s) {
                return;
            }
            m_buffer += s->readAll();
            int status = 0;
            qsizetype n = 0;
            while ((n = completeAnswer(m_buffer, &status)) > 0) {
                ++m_stats.answers[status];
                m_answered = true;
                m_buffer.remove(0, n);
                if (m_kind == Kind::BadJson || m_kind == Kind::BadSignature) {
                    QTimer::singleShot(20, this, [this] { sendBad(); });
                }
            }
        });
        connect(s, &QTcpSocket::disconnected, this, [this, s] {
            if (m_socket.get() == s) {
                closed();
            }
        });
        connect(s, &QTcpSocket::errorOccurred, this, [this, s](QAbstractSocket::SocketError) {
            if (m_socket.get() == s && s->state() == QAbstractSocket::UnconnectedState) {
                closed();
            }
        });
        s->connectToHost(u"127.0.0.1"_s, m_port);
    }

    void closed()
    {
        if (m_closing) {
            return;
        }
        m_closing = true;
        m_tick.stop();
        if (m_connectedAt >= 0 && !m_answered) {
            const qint64 lived = nowMs() - m_connectedAt;
            if (lived < 50) {
                ++m_stats.refusedAtOnce;
            } else {
                ++m_stats.closedWithoutAnswer;
                m_stats.closeAfterMs.append(lived);
            }
        }
        m_connectedAt = -1;
        QTcpSocket *old = m_socket.release();
        old->disconnect(this);
        old->deleteLater();
        QTimer::singleShot(m_kind == Kind::Idle || m_kind == Kind::Slowloris ? 10 : 50, this, [this] {
            m_closing = false;
            connectNow();
        });
    }

    void begin()
    {
        switch (m_kind) {
        case Kind::Slowloris:
            m_socket->write("POST /webhooks/calendly HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            m_tick.start(1000);
            break;
        case Kind::SlowBody:
            m_socket->write("POST /webhooks/calendly HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Content-Type: application/json\r\nContent-Length: 4000\r\n\r\n{\"event\":");
            m_tick.start(1000);
            break;
        case Kind::Oversized:
            m_socket->write("POST /webhooks/calendly HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Content-Type: application/json\r\nContent-Length: 2000000\r\n\r\n");
            m_tick.start(0);
            break;
        case Kind::Garbage: {
            QByteArray junk(512, '\0');
            for (char &c : junk) {
                c = char(QRandomGenerator::global()->bounded(256));
            }
            m_socket->write(junk);
            break;
        }
        case Kind::BadJson:
        case Kind::BadSignature:
            sendBad();
            break;
        case Kind::Idle:
            break;
        }
    }

    void sendBad()
    {
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
            return;
        }
        if (m_kind == Kind::BadJson) {
            const QByteArray body = "{\"event\": \"invitee.created\", \"payload\": {";
            m_socket->write("POST /webhooks/calendly HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Content-Type: application/json\r\nContent-Length: " +
                            QByteArray::number(body.size()) + "\r\nCalendly-Webhook-Signature: " +
                            signCalendlyBody(body, KEY, QDateTime::currentSecsSinceEpoch()) + "\r\n\r\n" +
                            body);
        } else {
            m_socket->write(
                bookingRequest(1000000 + (++m_progress),
                               "t=" + QByteArray::number(QDateTime::currentSecsSinceEpoch()) +
                                   ",v1=00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff"));
        }
    }

    void tick()
    {
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
            return;
        }
        switch (m_kind) {
        case Kind::Slowloris:
            m_socket->write(QByteArray(1, "X-Padding: a\r\n"[m_progress++ % 14]));
            break;
        case Kind::SlowBody:
            m_socket->write("          ");
            break;
        case Kind::Oversized:
            if (m_socket->bytesToWrite() < 256 * 1024 && m_progress < 2000000) {
                m_socket->write(QByteArray(64 * 1024, ' '));
                m_progress += 64 * 1024;
            }
            if (m_progress >= 2000000) {
                m_tick.stop();
            }
            break;
        default:
            break;
        }
    }

    Kind m_kind;
    quint16 m_port;
    KindStats &m_stats;
    std::unique_ptr<QTcpSocket> m_socket;
    QTimer m_tick;
    QByteArray m_buffer;
    qint64 m_connectedAt = -1;
    qint64 m_progress = 0;
    bool m_answered = false;
    bool m_closing = false;
    bool m_stopped = false;
};

double pct(const QList<qint64> &sortedUs, double p)
{
    if (sortedUs.isEmpty()) {
        return 0;
    }
    return sortedUs.at(std::min<qsizetype>(sortedUs.size() - 1, qsizetype(p * double(sortedUs.size())))) /
           1000.0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    g_clock.start();
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption clientsOpt(u"clients"_s, u"concurrent connections"_s, u"n"_s, u"32"_s);
    const QCommandLineOption secondsOpt(u"seconds"_s, u"duration"_s, u"s"_s, u"20"_s);
    const QCommandLineOption providerOpt(u"provider-ms"_s, u"fake EngageLab answer delay"_s, u"ms"_s,
                                         u"500"_s);
    const QCommandLineOption hostileOpt(u"hostile"_s, u"mix in hostile clients"_s);
    const QCommandLineOption mixOpt(
        u"mix"_s,
        u"hostile connections per kind: slowloris,slow-body,oversized,garbage,bad-json,bad-sig,idle"_s,
        u"list"_s, u"16,8,2,2,2,2,32"_s);
    const QCommandLineOption binaryOpt(u"binary"_s, u"the deskbell to start"_s, u"path"_s,
                                       QStringLiteral(DESKBELL_BINARY));
    parser.addOptions({clientsOpt, secondsOpt, providerOpt, hostileOpt, mixOpt, binaryOpt});
    parser.process(app);
    const int clients = parser.value(clientsOpt).toInt();
    const int seconds = parser.value(secondsOpt).toInt();
    const bool hostile = parser.isSet(hostileOpt);

    test::FakeEngageLab provider;
    provider.listen();
    auto slow = test::FakeEngageLab::accepted();
    slow.delayMs = parser.value(providerOpt).toInt();
    provider.setDefaultReply(slow);

    QTemporaryDir dir;
    QFile ini(dir.filePath(u"deskbell.ini"_s));
    ini.open(QIODevice::WriteOnly);
    ini.write("[storage]\nurl = sqlite:" + dir.filePath(u"db.sqlite3"_s).toUtf8() +
              "\n[templates]\nconfirm = 1\nreminder = 2\n[rules]\ndefault_region = TH\n"
              "[sms]\nprovider = engagelab\napi_base = " +
              provider.baseUrl().toString().toUtf8() +
              "\n[calendly]\nmode = webhook\npublic_url = https://desk.example.org/webhooks/calendly\n"
              "[listener]\nport = 0\n");
    ini.close();

    QProcess deskbell;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DESKBELL_KEYCHAIN"_s, u"off"_s);
    env.insert(u"DESKBELL_ENGAGELAB_DEV_KEY"_s, u"k"_s);
    env.insert(u"DESKBELL_ENGAGELAB_DEV_SECRET"_s, u"s"_s);
    env.insert(u"DESKBELL_CALENDLY_SIGNING_KEY"_s, QString::fromLatin1(KEY));
    env.insert(u"HOME"_s, dir.path());
    deskbell.setProcessEnvironment(env);
    deskbell.setProcessChannelMode(QProcess::MergedChannels);
    deskbell.start(parser.value(binaryOpt), {u"--headless"_s, u"--config"_s, ini.fileName()});
    QByteArray log;
    quint16 port = 0;
    static const QRegularExpression listening(u"listening on http://127\\.0\\.0\\.1:(\\d+)"_s);
    QElapsedTimer wait;
    wait.start();
    while (port == 0 && wait.elapsed() < 15000 && deskbell.waitForReadyRead(200)) {
        log += deskbell.readAll();
        const auto match = listening.match(QString::fromUtf8(log));
        if (match.hasMatch()) {
            port = quint16(match.captured(1).toUInt());
        }
    }
    if (port == 0) {
        std::fprintf(stderr, "deskbell did not start:\n%s\n", log.constData());
        return 1;
    }
    int guardLines = 0;
    QObject::connect(&deskbell, &QProcess::readyRead, &app, [&] {
        const QByteArray chunk = deskbell.readAll();
        guardLines += int(chunk.count("connection closed:"));
    });

    // Hostile clients first: the attack is under way when the good clients arrive.
    const QList<Kind> kinds{Kind::Slowloris, Kind::SlowBody,     Kind::Oversized, Kind::Garbage,
                            Kind::BadJson,   Kind::BadSignature, Kind::Idle};
    QMap<int, KindStats> hostileStats;
    QList<Hostile *> hostiles;
    if (hostile) {
        const QStringList counts = parser.value(mixOpt).split(u',');
        for (qsizetype k = 0; k < kinds.size(); ++k) {
            const int n = k < counts.size() ? counts.at(k).toInt() : 0;
            for (int i = 0; i < n; ++i) {
                hostiles.append(new Hostile(kinds.at(k), port, hostileStats[int(k)], &app));
            }
        }
    }

    QList<qint64> latenciesUs;
    int sequence = 0;
    int errors = 0;
    int dropped = 0; // good requests whose connection closed before the answer
    bool running = false;
    std::vector<GoodClient> pool(static_cast<size_t>(clients));
    qint64 goodStartNs = 0;
    qint64 goodEndNs = 0;

    std::function<void(GoodClient &)> connectGood;
    const auto sendNext = [&](GoodClient &c) {
        c.sentAtNs = g_clock.nsecsElapsed();
        c.waiting = true;
        c.socket->write(bookingRequest(++sequence));
    };
    connectGood = [&](GoodClient &c) {
        c.socket = std::make_unique<QTcpSocket>();
        c.buffer.clear();
        GoodClient *client = &c;
        QTcpSocket *s = c.socket.get();
        QObject::connect(s, &QTcpSocket::connected, &app, [&, client] {
            if (running) {
                sendNext(*client);
            }
        });
        QObject::connect(s, &QTcpSocket::readyRead, &app, [&, client, s] {
            client->buffer += s->readAll();
            int status = 0;
            const qsizetype total = completeAnswer(client->buffer, &status);
            if (total < 0) {
                return;
            }
            if (status != 200) {
                ++errors;
            }
            client->waiting = false;
            latenciesUs.append((g_clock.nsecsElapsed() - client->sentAtNs) / 1000);
            client->buffer.remove(0, total);
            if (running) {
                sendNext(*client);
            }
        });
        QObject::connect(s, &QTcpSocket::disconnected, &app, [&, client, s] {
            if (client->socket.get() != s) {
                return;
            }
            if (client->waiting) {
                ++dropped;
                client->waiting = false;
            }
            client->socket.release()->deleteLater();
            if (running) {
                QTimer::singleShot(10, &app, [&, client] { connectGood(*client); });
            }
        });
        s->connectToHost(u"127.0.0.1"_s, port);
    };

    QTimer::singleShot(hostile ? 1000 : 0, &app, [&] {
        running = true;
        goodStartNs = g_clock.nsecsElapsed();
        for (GoodClient &c : pool) {
            connectGood(c);
        }
        QTimer::singleShot(seconds * 1000, &app, [&] {
            running = false;
            goodEndNs = g_clock.nsecsElapsed();
            for (Hostile *h : hostiles) {
                h->stop();
            }
            QTimer::singleShot(2000, &app, &QCoreApplication::quit);
        });
    });
    app.exec();

    std::sort(latenciesUs.begin(), latenciesUs.end());
    const double spanS = double(goodEndNs - goodStartNs) / 1e9;
    std::printf("clients=%d seconds=%d provider_ms=%d hostile=%s\n", clients, seconds, slow.delayMs,
                hostile ? qPrintable(parser.value(mixOpt)) : "none");
    std::printf("acks=%lld acks_per_s=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non_200=%d "
                "dropped=%d sms_sent_meanwhile=%d\n",
                static_cast<long long>(latenciesUs.size()), double(latenciesUs.size()) / spanS,
                pct(latenciesUs, 0.50), pct(latenciesUs, 0.95), pct(latenciesUs, 0.99),
                latenciesUs.isEmpty() ? 0.0 : latenciesUs.last() / 1000.0, errors, dropped,
                provider.sendCount());
    if (hostile) {
        std::printf("%-10s %6s %-28s %10s %8s %14s %6s\n", "kind", "conns", "answers", "closed", "refused",
                    "close_p50_ms", "open");
        for (auto it = hostileStats.begin(); it != hostileStats.end(); ++it) {
            KindStats &k = it.value();
            QStringList answers;
            for (auto a = k.answers.cbegin(); a != k.answers.cend(); ++a) {
                answers.append(u"%1x%2"_s.arg(a.key()).arg(a.value()));
            }
            std::sort(k.closeAfterMs.begin(), k.closeAfterMs.end());
            const qint64 closeP50 =
                k.closeAfterMs.isEmpty() ? 0 : k.closeAfterMs.at(k.closeAfterMs.size() / 2);
            std::printf("%-10s %6d %-28s %10d %8d %14lld %6d\n", kindName(kinds.at(it.key())), k.connections,
                        answers.isEmpty() ? "-" : qPrintable(answers.join(u' ')), k.closedWithoutAnswer,
                        k.refusedAtOnce, static_cast<long long>(closeP50), k.openAtEnd);
        }
        std::printf("listener log lines \"connection closed\": %d\n", guardLines);
    }
    qDeleteAll(hostiles);
    deskbell.terminate();
    deskbell.waitForFinished(30000);
    return errors == 0 && dropped == 0 ? 0 : 1;
}
