// bench_dispatch: how fast the dispatcher empties a full outbox through EngageLab's wire format.
//
// N messages, all due now, in a real SQLite file (or the database --storage names); a loopback fake
// EngageLab that answers each send after --latency-ms. Reports messages per second, the worst
// lateness (due -> request arrived at the provider), and the peak resident memory of the whole
// process (server included).
//
// --instances N runs N dispatchers on the one store, each on a thread of its own with its own
// connection, network manager and provider (as N desks or servers would, in one process here);
// every message must still be sent exactly once. On PostgreSQL the bench works in a schema of its own,
// dropped at the end.
//
//   build/bench/bench_dispatch --messages 10000 --latency-ms 100 --in-flight 64 --per-second 100000
//   build/bench/bench_dispatch --storage "$DESKBELL_TEST_POSTGRES_URL" --instances 4 --latency-ms 0

#include "BenchMemory.h"
#include "domain/Clock.h"
#include "engine/Dispatcher.h"
#include "sms/EngageLabProvider.h"
#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/Store.h"
#include "support/FakeEngageLab.h"
#include "support/TestDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <memory>
#include <vector>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

struct Instance
{
    std::unique_ptr<QThread> thread;
    std::unique_ptr<QObject> context; // lives in thread: what runs there is invoked through it
    std::unique_ptr<Database> db;
    std::unique_ptr<Store> store;
    std::unique_ptr<QNetworkAccessManager> nam;
    std::unique_ptr<EngageLabProvider> provider;
    std::unique_ptr<Dispatcher> dispatcher;
};

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
    const QCommandLineOption storageOpt(u"storage"_s,
                                        u"storage url (sqlite:PATH, postgresql://...); default: a temporary "
                                        "SQLite file; also DESKBELL_BENCH_STORAGE"_s,
                                        u"url"_s, qEnvironmentVariable("DESKBELL_BENCH_STORAGE"));
    const QCommandLineOption instancesOpt(u"instances"_s, u"dispatchers on the one store"_s, u"n"_s, u"1"_s);
    parser.addOptions({messagesOpt, latencyOpt, inFlightOpt, rateOpt, storageOpt, instancesOpt});
    parser.process(app);
    const int count = parser.value(messagesOpt).toInt();
    const int instanceCount = std::max(1, parser.value(instancesOpt).toInt());

    SystemClock clock;
    QTemporaryDir dir;
    Database::Location location;
    QString why;
    if (!Database::parseUrl(parser.value(storageOpt), dir.filePath(u"bench.sqlite3"_s), &location, &why)) {
        std::fprintf(stderr, "%s\n", qPrintable(why));
        return 2;
    }
    // PostgreSQL: a schema of the bench's own, so a run neither meets nor leaves rows.
    std::unique_ptr<test::RawConnection> admin;
    if (location.driver == Database::Location::Driver::Postgres) {
        admin = std::make_unique<test::RawConnection>(location);
        location.schema = u"bench_dispatch_%1"_s.arg(QCoreApplication::applicationPid());
        const QString error =
            admin->isOpen() ? admin->exec(u"CREATE SCHEMA "_s + location.schema) : admin->openError();
        if (!error.isEmpty()) {
            std::fprintf(stderr, "cannot prepare %s: %s\n", qPrintable(Database::describe(location)),
                         qPrintable(error));
            return 2;
        }
    }
    const auto dropSchema = [&admin, &location] {
        if (admin) {
            admin->exec(u"SET client_min_messages TO warning"_s); // no NOTICE per dropped table
            admin->exec(u"DROP SCHEMA %1 CASCADE"_s.arg(location.schema));
        }
    };
    Database db(u"bench"_s);
    try {
        db.open(location);
    } catch (const StorageError &e) {
        std::fprintf(stderr, "%s\n", qPrintable(e.message()));
        dropSchema();
        return 2;
    }
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

    EngageLabProvider::Config config;
    config.apiBase = server.baseUrl();
    config.devKey = u"bench"_s;
    config.devSecret = u"bench"_s;
    Dispatcher::Options options;
    options.maxInFlight = parser.value(inFlightOpt).toInt();
    options.maxPerSecond = parser.value(rateOpt).toInt();
    std::vector<Instance> instances(instanceCount);
    int done = 0; // counted on this thread (queued signals)
    const auto inThread = [](Instance &in, auto &&function) {
        QMetaObject::invokeMethod(in.context.get(), function, Qt::BlockingQueuedConnection);
    };
    for (int i = 0; i < instanceCount; ++i) {
        Instance &in = instances[i];
        in.thread = std::make_unique<QThread>();
        in.thread->start();
        in.context = std::make_unique<QObject>();
        in.context->moveToThread(in.thread.get());
        options.instanceId = u"bench-%1"_s.arg(i);
        inThread(in, [&, i] {
            in.db = std::make_unique<Database>(u"bench_%1"_s.arg(i));
            in.db->open(location);
            in.store = std::make_unique<Store>(*in.db, clock);
            in.nam = std::make_unique<QNetworkAccessManager>();
            in.provider = std::make_unique<EngageLabProvider>(in.nam.get(), config);
            in.dispatcher = std::make_unique<Dispatcher>(*in.db, *in.store, clock, *in.provider, options);
        });
        QObject::connect(in.dispatcher.get(), &Dispatcher::messageChanged, &app,
                         [&](qint64, MessageState state) {
                             if (state != MessageState::Sending && ++done == count) {
                                 app.quit();
                             }
                         });
    }

    QElapsedTimer timer;
    timer.start();
    for (Instance &in : instances) {
        QMetaObject::invokeMethod(in.dispatcher.get(), &Dispatcher::start, Qt::QueuedConnection);
    }
    app.exec();
    const double secs = double(timer.nsecsElapsed()) / 1e9;

    // Lateness: from "due" (the start) to the request's arrival at the provider.
    qint64 worstMs = 0;
    for (const auto &r : server.requests()) {
        worstMs = std::max(worstMs, r.receivedMs);
    }
    // Exactly once: one request per message, whatever instance sent it.
    QHash<QString, int> perMessage;
    for (const auto &r : server.requests()) {
        perMessage[r.json.value(u"custom_args"_s).toObject().value(u"deskbell_message_id"_s).toString()] += 1;
    }
    int repeated = 0;
    for (const int n : std::as_const(perMessage)) {
        repeated += n > 1 ? 1 : 0;
    }
    const int accepted = int(store.messagesInState(MessageState::Accepted).size());
    std::printf("storage=%s instances=%d messages=%d accepted=%d sends=%d sent_twice=%d in_flight=%d "
                "per_second=%d latency_ms=%d\n",
                location.driver == Database::Location::Driver::Postgres ? "postgresql" : "sqlite",
                instanceCount, count, accepted, server.sendCount(), repeated, options.maxInFlight,
                options.maxPerSecond, reply.delayMs);
    std::printf(
        "elapsed_s=%.2f rate_msg_per_s=%.1f worst_lateness_s=%.2f max_concurrent=%d peak_rss_mib=%.1f\n",
        secs, count / secs, worstMs / 1000.0, server.maxConcurrentSends(), bench::peakRssKiB() / 1024.0);
    for (Instance &in : instances) {
        inThread(in, [&in] {
            in.dispatcher.reset();
            in.provider.reset();
            in.nam.reset();
            in.store.reset();
            in.db.reset();
        });
        in.thread->quit();
        in.thread->wait();
    }
    db.close();
    dropSchema();
    return accepted == count && server.sendCount() == count && repeated == 0 ? 0 : 1;
}
