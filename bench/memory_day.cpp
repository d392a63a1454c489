// bench_memory_day: does Deskbell's memory grow over a day of traffic? The Engine (the composition root
// deskbell --headless runs) in this process, on a clock that runs --step-ms real milliseconds per
// simulated minute, for --hours simulated hours. Signed bookings (--per-day, spread at random over the
// day; a share later canceled) go through the real webhook listener over loopback; texts (confirmations
// and the 24 h and 2 h reminders as they come due) go to a fake EngageLab in a child process, so its
// records are not counted here. Resident memory (VmRSS) is sampled every simulated hour.
//
//   build/bench/bench_memory_day --hours 24 --per-day 2000 --step-ms 25

#include "BenchMemory.h"
#include "Engine.h"
#include "calendly/WebhookSignature.h"
#include "domain/Message.h"
#include "support/CalendlyBodies.h"
#include "support/FakeClock.h"
#include "support/FakeEngageLab.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

const QByteArray KEY = "bench-signing-key";

// The child: a fake EngageLab that answers at once, until the parent kills it.
int providerChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    test::FakeEngageLab provider;
    provider.listen();
    std::printf("%s\n", qPrintable(provider.baseUrl().toString()));
    std::fflush(stdout);
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--provider-child") == 0) {
            return providerChild(argc, argv);
        }
    }
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption hoursOpt(u"hours"_s, u"simulated hours"_s, u"h"_s, u"24"_s);
    const QCommandLineOption perDayOpt(u"per-day"_s, u"bookings per simulated day"_s, u"n"_s, u"2000"_s);
    const QCommandLineOption stepOpt(u"step-ms"_s, u"real ms per simulated minute"_s, u"ms"_s, u"25"_s);
    const QCommandLineOption childOpt(u"provider-child"_s, u"(internal)"_s);
    parser.addOptions({hoursOpt, perDayOpt, stepOpt, childOpt});
    parser.process(app);
    const int hours = parser.value(hoursOpt).toInt();
    const int perDay = parser.value(perDayOpt).toInt();
    const int stepMs = parser.value(stepOpt).toInt();

    QProcess provider;
    provider.start(QCoreApplication::applicationFilePath(), {u"--provider-child"_s});
    if (!provider.waitForReadyRead(10000)) {
        std::fprintf(stderr, "the provider child did not start\n");
        return 1;
    }
    const QByteArray providerUrl = provider.readLine().trimmed();

    QTemporaryDir dir;
    {
        QFile ini(dir.filePath(u"deskbell.ini"_s));
        ini.open(QIODevice::WriteOnly);
        ini.write("[storage]\nurl = sqlite:" + dir.filePath(u"deskbell.sqlite3"_s).toUtf8() +
                  "\n[templates]\nconfirm = 1\nreminder = 2\ncancel = 3\n[rules]\ndefault_region = TH\n"
                  "fallback_timezone = Asia/Bangkok\nreminder_offsets_min = 1440,120\n"
                  "[sms]\nprovider = engagelab\nmax_in_flight = 6\nmax_per_second = 100\napi_base = " +
                  providerUrl +
                  "\n[calendly]\nmode = webhook\npublic_url = https://desk.example.org/webhooks/calendly\n"
                  "[listener]\nport = 0\n");
    }
    qputenv("DESKBELL_KEYCHAIN", "off");
    qputenv("DESKBELL_ENGAGELAB_DEV_KEY", "k");
    qputenv("DESKBELL_ENGAGELAB_DEV_SECRET", "s");
    qputenv("DESKBELL_CALENDLY_SIGNING_KEY", KEY);
    // Production logging is one line per request; keep it, but out of this terminal.
    qputenv("QT_LOGGING_RULES", "deskbell.*.info=false");

    test::FakeClock clock(QDateTime::currentDateTimeUtc());
    Engine engine({dir.filePath(u"deskbell.ini"_s), dir.path(), "Asia/Bangkok", nullptr}, clock);
    QString error;
    if (!engine.start(&error)) {
        std::fprintf(stderr, "engine: %s\n", qPrintable(error));
        return 1;
    }
    QElapsedTimer wait;
    wait.start();
    while (!engine.listenerUrl().isValid() && wait.elapsed() < 10000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    const QUrl hook = engine.listenerUrl().resolved(QUrl(u"/webhooks/calendly"_s));
    if (!engine.listenerUrl().isValid()) {
        std::fprintf(stderr, "no listener\n");
        return 1;
    }
    int accepted = 0;
    QObject::connect(&engine, &Engine::messageChanged, &app, [&](qint64, MessageState state) {
        accepted += state == MessageState::Accepted ? 1 : 0;
    });

    QNetworkAccessManager nam;
    QRandomGenerator random(20261126);
    int posted = 0;
    int acked = 0;
    int refused = 0;
    QStringList toCancel;
    const auto post = [&](const test::BodyOptions &o) {
        const QByteArray body = test::body(o);
        QNetworkRequest request(hook);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setRawHeader("Calendly-Webhook-Signature",
                             signCalendlyBody(body, KEY, clock.nowUtc().toSecsSinceEpoch()));
        request.setTransferTimeout(15000);
        QNetworkReply *reply = nam.post(request, body);
        ++posted;
        QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply] {
            reply->deleteLater();
            (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200 ? acked : refused)++;
        });
    };

    const double perMinute = perDay / 1440.0;
    double owed = 0;
    int sequence = 0;
    int minute = 0;
    const int totalMinutes = hours * 60;
    struct Sample
    {
        int hour;
        double rss;
        int posted;
        int accepted;
    };
    QList<Sample> samples{{0, bench::currentRssMiB(), 0, 0}};
    std::printf("hour  rss_MiB  bookings_posted  texts_accepted\n%4d  %7.1f  %15d  %14d\n", 0, samples[0].rss,
                0, 0);
    QTimer step;
    step.callOnTimeout([&] {
        clock.advanceSecs(60);
        ++minute;
        owed += perMinute;
        while (owed >= 1) {
            owed -= 1;
            test::BodyOptions o;
            o.id = u"M%1"_s.arg(++sequence);
            o.phone = u"+66 8%1"_s.arg(10000000 + sequence % 89999999);
            // Meetings from 1 hour to 7 days ahead.
            o.startUtc = clock.nowUtc().addSecs(3600 + qint64(random.bounded(6 * 24 * 3600)));
            o.startUtc = o.startUtc.addSecs(-(o.startUtc.toSecsSinceEpoch() % 900));
            post(o);
            if (random.bounded(100) < 8) {
                toCancel.append(o.id);
            }
        }
        // A canceled booking's cancellation arrives a while later.
        if (!toCancel.isEmpty() && random.bounded(20) == 0) {
            test::BodyOptions c;
            c.event = u"invitee.canceled"_s;
            c.id = toCancel.takeFirst();
            c.startUtc = clock.nowUtc().addDays(1);
            post(c);
        }
        if (minute % 60 == 0) {
            const Sample s{minute / 60, bench::currentRssMiB(), posted, accepted};
            samples.append(s);
            std::printf("%4d  %7.1f  %15d  %14d\n", s.hour, s.rss, s.posted, s.accepted);
            std::fflush(stdout);
        }
        if (minute >= totalMinutes) {
            step.stop();
            QTimer::singleShot(3000, &app, &QCoreApplication::quit);
        }
    });
    step.start(stepMs);
    QElapsedTimer real;
    real.start();
    app.exec();

    double peak = 0;
    for (const Sample &s : samples) {
        peak = std::max(peak, s.rss);
    }
    // Growth over the second half of the run, when the start-up allocations are behind it.
    const Sample &mid = samples.at(samples.size() / 2);
    const Sample &last = samples.last();
    std::printf("simulated %d h in %.0f s real: %d bookings posted (%d acknowledged, %d refused), %d texts "
                "accepted by the provider\n",
                hours, real.elapsed() / 1000.0, posted, acked, refused, accepted);
    std::printf("rss: start %.1f MiB, after 1 h %.1f MiB, end %.1f MiB, peak %.1f MiB; second half %+.1f MiB "
                "(%.2f MiB per simulated hour)\n",
                samples.first().rss, samples.value(1).rss, last.rss, peak, last.rss - mid.rss,
                (last.rss - mid.rss) / std::max(1, last.hour - mid.hour));
    engine.shutdown(5000);
    provider.kill();
    provider.waitForFinished(5000);
    return refused == 0 ? 0 : 1;
}
