// bench_dispatch: how fast the dispatcher empties a full outbox through EngageLab's wire format.
//
// N messages, all due now, in a real SQLite file; a loopback fake EngageLab that answers each send
// after --latency-ms. Reports messages per second, the worst lateness (due -> request arrived at the
// provider), and the peak resident memory of the whole process (server included).
//
//   build/bench/bench_dispatch --messages 10000 --latency-ms 100 --in-flight 64 --per-second 100000

#include "domain/Clock.h"
#include "engine/Dispatcher.h"
#include "sms/EngageLabProvider.h"
#include "storage/Database.h"
#include "storage/Store.h"
#include "support/FakeEngageLab.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <cstdio>
#include <sys/resource.h>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption messagesOpt(u"messages"_s, u"due messages"_s, u"n"_s, u"10000"_s);
    const QCommandLineOption latencyOpt(u"latency-ms"_s, u"provider answer delay"_s, u"ms"_s, u"100"_s);
    const QCommandLineOption inFlightOpt(u"in-flight"_s, u"max_in_flight"_s, u"n"_s, u"64"_s);
    const QCommandLineOption rateOpt(u"per-second"_s, u"max_per_second"_s, u"n"_s, u"100000"_s);
    parser.addOptions({messagesOpt, latencyOpt, inFlightOpt, rateOpt});
    parser.process(app);
    const int count = parser.value(messagesOpt).toInt();

    SystemClock clock;
    QTemporaryDir dir;
    Database db(u"bench"_s);
    Database::Location location;
    location.path = dir.filePath(u"bench.sqlite3"_s);
    db.open(location);
    Store store(db, clock);

    const QDateTime due = clock.nowUtc();
    {
        Transaction tx(db);
        for (int i = 0; i < count; ++i) {
            Appointment a;
            a.inviteeUri = u"https://api.calendly.com/scheduled_events/E/invitees/%1"_s.arg(i);
            a.inviteeName = u"Invitee %1"_s.arg(i);
            a.startUtc = due.addDays(2);
            a.endUtc = a.startUtc.addSecs(1800);
            store.upsertAppointment(a);
            OutboxMessage m;
            m.inviteeUri = a.inviteeUri;
            m.kind = MessageKind::Confirm;
            m.recipient = u"+66812%1"_s.arg(i, 6, 10, QChar(u'0'));
            m.dueUtc = due;
            m.templateId = u"1970314609822883800"_s;
            m.params = QJsonObject{{u"name"_s, a.inviteeName}, {u"time"_s, u"14:00"_s}};
            store.insertMessage(m);
        }
        tx.commit();
    }

    test::FakeEngageLab server;
    if (!server.listen()) {
        std::fprintf(stderr, "cannot listen\n");
        return 1;
    }
    auto reply = test::FakeEngageLab::accepted();
    reply.delayMs = parser.value(latencyOpt).toInt();
    server.setDefaultReply(reply);

    QNetworkAccessManager nam;
    EngageLabProvider::Config config;
    config.apiBase = server.baseUrl();
    config.devKey = u"bench"_s;
    config.devSecret = u"bench"_s;
    EngageLabProvider provider(&nam, config);
    Dispatcher::Options options;
    options.maxInFlight = parser.value(inFlightOpt).toInt();
    options.maxPerSecond = parser.value(rateOpt).toInt();
    Dispatcher dispatcher(db, store, clock, provider, options);

    QElapsedTimer timer;
    int done = 0;
    QObject::connect(&dispatcher, &Dispatcher::messageChanged, &app, [&](qint64, MessageState state) {
        if (state != MessageState::Sending && ++done == count) {
            app.quit();
        }
    });
    timer.start();
    dispatcher.start();
    app.exec();
    const double secs = double(timer.nsecsElapsed()) / 1e9;

    // Lateness: from "due" (the start) to the request's arrival at the provider.
    qint64 worstMs = 0;
    for (const auto &r : server.requests()) {
        worstMs = std::max(worstMs, r.receivedMs);
    }
    const int accepted = int(store.messagesInState(MessageState::Accepted).size());
    std::printf("messages=%d accepted=%d sends=%d in_flight=%d per_second=%d latency_ms=%d\n", count,
                accepted, server.sendCount(), options.maxInFlight, options.maxPerSecond, reply.delayMs);
    std::printf(
        "elapsed_s=%.2f rate_msg_per_s=%.1f worst_lateness_s=%.2f max_concurrent=%d peak_rss_mib=%.1f\n",
        secs, count / secs, worstMs / 1000.0, server.maxConcurrentSends(), peakRssKiB() / 1024.0);
    return accepted == count && server.sendCount() == count ? 0 : 1;
}
