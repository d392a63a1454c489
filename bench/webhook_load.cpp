// bench_webhook_load: how fast deskbell --headless acknowledges Calendly webhooks under load, while
// its SMS provider is slow.
//
// Starts the real `deskbell --headless` (sandbox off: a loopback fake EngageLab that takes
// --provider-ms per send), then --clients keep-alive connections each post signed, distinct
// bookings back to back for --seconds. Reports acknowledgements per second and p50/p99/max latency
// (request written -> full answer read). Deskbell logs as in production: one line per request.
//
//   build/bench/bench_webhook_load --clients 32 --seconds 20 --provider-ms 500

#include "calendly/WebhookSignature.h"
#include "support/CalendlyBodies.h"
#include "support/FakeEngageLab.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

const QByteArray KEY = "bench-signing-key";

struct Client
{
    std::unique_ptr<QTcpSocket> socket;
    QByteArray buffer;
    qint64 sentAtNs = 0;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption clientsOpt(u"clients"_s, u"concurrent connections"_s, u"n"_s, u"32"_s);
    const QCommandLineOption secondsOpt(u"seconds"_s, u"duration"_s, u"s"_s, u"20"_s);
    const QCommandLineOption providerOpt(u"provider-ms"_s, u"fake EngageLab answer delay"_s, u"ms"_s,
                                         u"500"_s);
    parser.addOptions({clientsOpt, secondsOpt, providerOpt});
    parser.process(app);
    const int clients = parser.value(clientsOpt).toInt();
    const int seconds = parser.value(secondsOpt).toInt();

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
    deskbell.setProcessEnvironment(env);
    deskbell.setProcessChannelMode(QProcess::MergedChannels);
    deskbell.start(QStringLiteral(DESKBELL_BINARY), {u"--headless"_s, u"--config"_s, ini.fileName()});
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
    QObject::connect(&deskbell, &QProcess::readyRead, &app, [&] { deskbell.readAll(); });

    QElapsedTimer clock;
    clock.start();
    QList<qint64> latenciesUs;
    int sequence = 0;
    int errors = 0;
    bool running = true;
    std::vector<Client> pool(static_cast<size_t>(clients));

    const auto sendNext = [&](Client &c) {
        test::BodyOptions o;
        o.id = u"L%1"_s.arg(++sequence);
        o.startUtc = QDateTime::currentDateTimeUtc().addDays(2);
        const QByteArray body = test::body(o);
        const QByteArray request = "POST /webhooks/calendly HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                   "Content-Type: application/json\r\nContent-Length: " +
                                   QByteArray::number(body.size()) + "\r\nCalendly-Webhook-Signature: " +
                                   signCalendlyBody(body, KEY, QDateTime::currentSecsSinceEpoch()) +
                                   "\r\n\r\n" + body;
        c.sentAtNs = clock.nsecsElapsed();
        c.socket->write(request);
    };
    for (Client &c : pool) {
        c.socket = std::make_unique<QTcpSocket>();
        Client *client = &c;
        QObject::connect(c.socket.get(), &QTcpSocket::connected, &app, [&, client] { sendNext(*client); });
        QObject::connect(c.socket.get(), &QTcpSocket::readyRead, &app, [&, client] {
            client->buffer += client->socket->readAll();
            const qsizetype headerEnd = client->buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                return;
            }
            static const QRegularExpression lengthRe(u"(?i)content-length:\\s*(\\d+)"_s);
            const auto m = lengthRe.match(QString::fromLatin1(client->buffer.left(headerEnd)));
            const qsizetype total = headerEnd + 4 + (m.hasMatch() ? m.captured(1).toLongLong() : 0);
            if (client->buffer.size() < total) {
                return;
            }
            if (!client->buffer.startsWith("HTTP/1.1 200")) {
                ++errors;
            }
            latenciesUs.append((clock.nsecsElapsed() - client->sentAtNs) / 1000);
            client->buffer.remove(0, total);
            if (running) {
                sendNext(*client);
            }
        });
        c.socket->connectToHost(u"127.0.0.1"_s, port);
    }
    QTimer::singleShot(seconds * 1000, &app, [&] {
        running = false;
        QTimer::singleShot(2000, &app, &QCoreApplication::quit);
    });
    app.exec();

    std::sort(latenciesUs.begin(), latenciesUs.end());
    const auto pct = [&](double p) -> double {
        if (latenciesUs.isEmpty()) {
            return 0;
        }
        return latenciesUs.at(
                   std::min<qsizetype>(latenciesUs.size() - 1, qsizetype(p * double(latenciesUs.size())))) /
               1000.0;
    };
    std::printf("clients=%d seconds=%d provider_ms=%d\n", clients, seconds, slow.delayMs);
    std::printf(
        "acks=%lld acks_per_s=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non_200=%d sms_sent_meanwhile=%d\n",
        static_cast<long long>(latenciesUs.size()), double(latenciesUs.size()) / seconds, pct(0.50),
        pct(0.99), latenciesUs.isEmpty() ? 0.0 : latenciesUs.last() / 1000.0, errors, provider.sendCount());
    deskbell.terminate();
    deskbell.waitForFinished(30000);
    return errors == 0 ? 0 : 1;
}
