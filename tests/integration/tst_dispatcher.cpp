// The dispatcher's promises with the sandbox provider, a real database (an SQLite file; PostgreSQL as
// tst_dispatcher_pg, under support/with-postgres.sh) and a fake clock:
// send-time checks, the catch-up policy after downtime, crash recovery and the persisted pause.
// The provider's wire format and error classes are in tst_dispatchengagelab.
// Several instances on one store (each a Database connection, a Dispatcher and an EngageLab provider
// against the loopback FakeEngageLab, which counts what really arrived): exactly once, leases.

#include "engine/BookingProcessor.h"
#include "engine/Dispatcher.h"
#include "sms/EngageLabProvider.h"
#include "sms/SandboxProvider.h"
#include "storage/Database.h"
#include "storage/Store.h"
#include "support/CalendlyBodies.h"
#include "support/FakeClock.h"
#include "support/FakeEngageLab.h"
#include "support/Printers.h"
#include "support/TestDatabase.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

RuleSet rules()
{
    RuleSet set;
    set.defaults.reminderOffsetsMin = {1440, 60};
    set.defaults.followupAfterMin = 60;
    set.defaults.defaultRegion = u"TH"_s;
    set.defaults.fallbackTimezone = u"Asia/Bangkok"_s;
    for (MessageKind kind : allMessageKinds()) {
        set.defaults.templates.insert(kind, u"T-"_s + keyOf(kind));
    }
    return set;
}

const QDateTime BOOKED_AT(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
const QDateTime START(QDate(2026, 11, 10), QTime(7, 0), Qt::UTC); // 14:00 in Bangkok

// One instance of Deskbell's sending side: its own connection to the shared store, its own network
// manager and provider, its own clock (a frozen one plays a process that stopped renewing its lease).
struct Instance
{
    std::unique_ptr<Database> db;
    std::unique_ptr<Store> store;
    std::unique_ptr<QNetworkAccessManager> nam;
    std::unique_ptr<EngageLabProvider> provider;
    std::unique_ptr<Dispatcher> dispatcher;

    ~Instance()
    {
        dispatcher.reset();
        provider.reset();
        nam.reset();
        store.reset();
        db.reset();
    }
};

std::unique_ptr<Instance> startInstance(const Database::Location &location, const Clock &clock,
                                        const QUrl &server, const Dispatcher::Options &options)
{
    auto instance = std::make_unique<Instance>();
    instance->db = std::make_unique<Database>(u"tst_dispatcher_"_s + options.instanceId);
    instance->db->open(location);
    instance->store = std::make_unique<Store>(*instance->db, clock);
    instance->nam = std::make_unique<QNetworkAccessManager>();
    EngageLabProvider::Config config;
    config.apiBase = server;
    config.devKey = u"dev-key"_s;
    config.devSecret = u"dev-secret"_s;
    config.timeoutMs = 60000; // a held request stays in flight for the whole test
    instance->provider = std::make_unique<EngageLabProvider>(instance->nam.get(), config);
    instance->dispatcher =
        std::make_unique<Dispatcher>(*instance->db, *instance->store, clock, *instance->provider, options);
    instance->dispatcher->start();
    return instance;
}

// An instance on a thread of its own, as separate processes would be: claims really overlap.
class InstanceThread
{
public:
    InstanceThread(const Database::Location &location, const Clock &clock, const QUrl &server,
                   const Dispatcher::Options &options)
    {
        m_thread.start();
        m_context.moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            &m_context, [&] { m_instance = startInstance(location, clock, server, options); },
            Qt::BlockingQueuedConnection);
    }
    ~InstanceThread()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { m_instance.reset(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    void stop()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { m_instance->dispatcher->stop(); }, Qt::BlockingQueuedConnection);
    }

private:
    QThread m_thread;
    QObject m_context;
    std::unique_ptr<Instance> m_instance;
};

// Outbox id -> how many POST /v1/messages the server received for it.
QHash<qint64, int> sendsPerMessage(const QList<const test::FakeEngageLab *> &servers)
{
    QHash<qint64, int> counts;
    for (const auto *server : servers) {
        for (const auto &r : server->requests()) {
            if (r.path == "/v1/messages") {
                const QString id =
                    r.json.value(u"custom_args"_s).toObject().value(u"deskbell_message_id"_s).toString();
                counts[id.toLongLong()] += 1;
            }
        }
    }
    return counts;
}

QString claimedBy(Database &db, qint64 id)
{
    QSqlQuery q(db.connection());
    q.prepare(u"SELECT claimed_by FROM outbox WHERE id = ?"_s);
    q.addBindValue(id);
    return q.exec() && q.next() ? q.value(0).toString() : u"?"_s;
}

test::FakeEngageLab::Reply hanging()
{
    test::FakeEngageLab::Reply reply;
    reply.hang = true;
    return reply;
}

} // namespace

class TestDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sendsWhatIsDueAndNothingElse();
    void sendsEachReminderWhenItsTimeComes();
    void messageLeftSendingByACrashBecomesMaybeSent();
    void cancellationIsCheckedAtSendTime();
    void optOutIsCheckedAtSendTime();
    void catchUpAfterDowntime_data();
    void catchUpAfterDowntime();
    void lateReminderWaitsForQuietHoursToEnd();
    void lateReminderWhoseQuietHoursOutlastTheMeetingIsMissed();
    void lateReminderSaysTheTimeLeftInTheMessageLanguage();
    void pauseHoldsEverythingAndSurvivesRestart();
    void backoffDoublesWithJitterAndCap_data();
    void backoffDoublesWithJitterAndCap();
    void twoInstancesSendEachMessageExactlyOnce();
    void liveInstanceSendsAreUntouchedByAnotherStarting();
    void deadInstanceClaimsBecomeMaybeSentAndAreNotResent();

private:
    void openStore();
    void book(const QString &id = u"A"_s);
    void bookMany(int count);
    RuleSet bookWithQuietHours(const QDateTime &startUtc);
    std::unique_ptr<Dispatcher> makeDispatcher(Dispatcher::Options options = {});
    void runUntilIdle(Dispatcher &dispatcher);
    OutboxMessage only(MessageKind kind, int offset = 0, const QString &id = u"A"_s);

    test::TestDatabase m_data; // SQLite, or PostgreSQL under support/with-postgres.sh
    Database::Location m_location;
    std::unique_ptr<test::FakeClock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SandboxProvider> m_sandbox;
};

void TestDispatcher::init()
{
    m_location = m_data.fresh();
    QVERIFY2(m_data.isValid(), qPrintable(m_data.error()));
    m_clock = std::make_unique<test::FakeClock>(BOOKED_AT);
    openStore();
}

void TestDispatcher::cleanup()
{
    m_sandbox.reset();
    m_store.reset();
    m_db.reset();
    m_data.reset();
}

void TestDispatcher::openStore()
{
    m_sandbox.reset();
    m_store.reset();
    m_db.reset();
    m_db = std::make_unique<Database>(u"tst_dispatcher"_s);
    m_db->open(m_location);
    m_store = std::make_unique<Store>(*m_db, *m_clock);
    m_sandbox = std::make_unique<SandboxProvider>();
}

void TestDispatcher::book(const QString &id)
{
    BookingProcessor processor(*m_db, *m_store, *m_clock, rules());
    test::BodyOptions o;
    o.id = id;
    o.startUtc = START;
    QCOMPARE(processor.receive(test::body(o), u"webhook"_s).outcome, u"applied"_s);
}

void TestDispatcher::bookMany(int count)
{
    for (int i = 0; i < count; ++i) {
        book(u"M%1"_s.arg(i, 3, 10, QChar(u'0')));
    }
}

std::unique_ptr<Dispatcher> TestDispatcher::makeDispatcher(Dispatcher::Options options)
{
    return std::make_unique<Dispatcher>(*m_db, *m_store, *m_clock, *m_sandbox, options);
}

void TestDispatcher::runUntilIdle(Dispatcher &dispatcher)
{
    QSignalSpy idle(&dispatcher, &Dispatcher::idle);
    dispatcher.wake();
    QVERIFY(idle.wait(5000));
}

OutboxMessage TestDispatcher::only(MessageKind kind, int offset, const QString &id)
{
    for (const auto &m : m_store->messagesForInvitee(test::inviteeUri(id))) {
        if (m.kind == kind && m.offsetMin == offset) {
            return m;
        }
    }
    qFatal("no %s/%d message", qPrintable(keyOf(kind)), offset);
}

void TestDispatcher::sendsWhatIsDueAndNothingElse()
{
    book();
    auto dispatcher = makeDispatcher();
    dispatcher->start();
    runUntilIdle(*dispatcher);
    QCOMPARE(m_sandbox->wouldHaveSent().size(), 1);
    const SmsRequest sent = m_sandbox->wouldHaveSent().first();
    QCOMPARE(sent.to, u"+66812345678"_s);
    QCOMPARE(sent.templateId, u"T-confirm"_s);
    QCOMPARE(sent.params.value(u"time"_s).toString(), u"14:00"_s);
    const auto confirm = only(MessageKind::Confirm);
    QCOMPARE(confirm.state, MessageState::Accepted);
    QCOMPARE(confirm.attempts, 1);
    QCOMPARE(confirm.providerMessageId, u"sandbox-1"_s);
    QCOMPARE(confirm.acceptedUtc, BOOKED_AT);
    QCOMPARE(only(MessageKind::Reminder, 1440).state, MessageState::Queued);

    runUntilIdle(*dispatcher); // nothing new is due: nothing more goes out
    QCOMPARE(m_sandbox->wouldHaveSent().size(), 1);
}

void TestDispatcher::sendsEachReminderWhenItsTimeComes()
{
    book();
    auto dispatcher = makeDispatcher();
    dispatcher->start();
    runUntilIdle(*dispatcher);
    m_clock->set(START.addSecs(-1440 * 60 - 1));
    runUntilIdle(*dispatcher);
    QCOMPARE(m_sandbox->wouldHaveSent().size(), 1); // one second early: still waiting
    m_clock->set(START.addSecs(-1440 * 60));
    runUntilIdle(*dispatcher);
    QCOMPARE(m_sandbox->wouldHaveSent().size(), 2);
    QCOMPARE(m_sandbox->wouldHaveSent().last().params.value(u"advance"_s).toString(), u"24 hours"_s);
    m_clock->set(START.addSecs(-3600));
    runUntilIdle(*dispatcher);
    QCOMPARE(m_sandbox->wouldHaveSent().size(), 3);
    QCOMPARE(m_sandbox->wouldHaveSent().last().params.value(u"advance"_s).toString(), u"1 hour"_s);
    m_clock->set(START.addSecs(30 * 60 + 3600)); // end + 1 h: the follow-up
    runUntilIdle(*dispatcher);
    QCOMPARE(m_sandbox->wouldHaveSent().size(), 4);
    QCOMPARE(m_sandbox->wouldHaveSent().last().templateId, u"T-followup"_s);
    QCOMPARE(m_store->messagesInState(MessageState::Accepted).size(), 4);
}

void TestDispatcher::messageLeftSendingByACrashBecomesMaybeSent()
{
    book();
    const qint64 id = only(MessageKind::Confirm).id;
    QVERIFY(m_store->markSending(id)); // the process died right after this commit
    openStore();
    auto dispatcher = makeDispatcher();
    QSignalSpy alerts(dispatcher.get(), &Dispatcher::alertRaised);
    dispatcher->start();
    runUntilIdle(*dispatcher);
    const auto m = m_store->message(id);
    QCOMPARE(m->state, MessageState::Unknown);
    QVERIFY(m->skipReason.startsWith(u"maybe sent"_s));
    QVERIFY(m_sandbox->wouldHaveSent().isEmpty()); // never sent a second time on its own
    QCOMPARE(alerts.size(), 1);
    QVERIFY(alerts.first().first().toString().contains(u"1 message(s) may or may not have been sent"_s));
}

void TestDispatcher::cancellationIsCheckedAtSendTime()
{
    book();
    // The cancellation landed between planning and sending, without its event reaching the planner
    // (e.g. another desk's store): the dispatcher still must not text the reminder.
    m_store->setAppointmentStatus(test::inviteeUri(u"A"_s), Appointment::Status::Canceled, u"by phone"_s);
    auto dispatcher = makeDispatcher();
    dispatcher->start();
    runUntilIdle(*dispatcher);
    QVERIFY(m_sandbox->wouldHaveSent().isEmpty());
    const auto confirm = only(MessageKind::Confirm);
    QCOMPARE(confirm.state, MessageState::Canceled);
    QCOMPARE(confirm.skipReason, u"booking canceled"_s);
}

void TestDispatcher::optOutIsCheckedAtSendTime()
{
    book();
    m_store->addOptOut(u"+66812345678"_s, u"sms"_s, u"STOP"_s);
    auto dispatcher = makeDispatcher();
    dispatcher->start();
    runUntilIdle(*dispatcher);
    QVERIFY(m_sandbox->wouldHaveSent().isEmpty());
    QCOMPARE(only(MessageKind::Confirm).state, MessageState::Skipped);
    QCOMPARE(only(MessageKind::Confirm).skipReason, u"opted out"_s);
}

void TestDispatcher::catchUpAfterDowntime_data()
{
    QTest::addColumn<QDateTime>("wakeUp");
    QTest::addColumn<MessageKind>("kind");
    QTest::addColumn<int>("offset");
    QTest::addColumn<MessageState>("state");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("advance");

    const auto A = MessageState::Accepted;
    const auto S = MessageState::Skipped;
    QTest::newRow("confirmation 2 h late still goes")
        << BOOKED_AT.addSecs(2 * 3600) << MessageKind::Confirm << 0 << A << QString() << QString();
    QTest::newRow("confirmation 13 h late is missed") << BOOKED_AT.addSecs(13 * 3600) << MessageKind::Confirm
                                                      << 0 << S << u"missed: 13 hours late"_s << QString();
    QTest::newRow("reminder late, meeting ahead: advance says the real time left")
        << START.addSecs(-30 * 60) << MessageKind::Reminder << 60 << A << QString() << u"30 minutes"_s;
    QTest::newRow("reminder 90 s late keeps its words")
        << START.addSecs(-3600 + 90) << MessageKind::Reminder << 60 << A << QString() << u"1 hour"_s;
    QTest::newRow("reminder after the meeting started is missed")
        << START.addSecs(60) << MessageKind::Reminder << 60 << S << u"missed: meeting started"_s << QString();
    QTest::newRow("follow-up 23 h late still goes")
        << START.addSecs(30 * 60 + 3600 + 23 * 3600) << MessageKind::Followup << 60 << A << QString()
        << QString();
    QTest::newRow("follow-up 25 h late is missed")
        << START.addSecs(30 * 60 + 3600 + 25 * 3600) << MessageKind::Followup << 60 << S
        << u"missed: 25 hours late"_s << QString();
}

void TestDispatcher::catchUpAfterDowntime()
{
    QFETCH(QDateTime, wakeUp);
    QFETCH(MessageKind, kind);
    QFETCH(int, offset);
    QFETCH(MessageState, state);
    QFETCH(QString, reason);
    QFETCH(QString, advance);

    book(); // then the PC was off until wakeUp
    m_clock->set(wakeUp);
    auto dispatcher = makeDispatcher();
    dispatcher->start();
    runUntilIdle(*dispatcher);
    const auto m = only(kind, offset);
    QCOMPARE(m.state, state);
    QCOMPARE(m.skipReason, reason);
    if (!advance.isEmpty()) {
        QCOMPARE(m.params.value(u"advance"_s).toString(), advance);
        bool found = false;
        for (const auto &sent : m_sandbox->wouldHaveSent()) {
            if (sent.messageId == m.id) {
                QCOMPARE(sent.params.value(u"advance"_s).toString(), advance);
                found = true;
            }
        }
        QVERIFY(found);
    }
    // Nothing is ever sent twice, and nothing after the meeting started is a reminder.
    QSet<qint64> ids;
    for (const auto &sent : m_sandbox->wouldHaveSent()) {
        QVERIFY(!ids.contains(sent.messageId));
        ids.insert(sent.messageId);
    }
}

// Books the standard invitee for startUtc under rules with quiet hours 21:00-08:00 (Bangkok) and
// returns those rules, for the dispatcher to check at send time.
RuleSet TestDispatcher::bookWithQuietHours(const QDateTime &startUtc)
{
    RuleSet quiet = rules();
    quiet.defaults.quietHours = QuietHours{QTime(21, 0), QTime(8, 0)};
    BookingProcessor processor(*m_db, *m_store, *m_clock, quiet);
    test::BodyOptions o;
    o.startUtc = startUtc;
    const auto result = processor.receive(test::body(o), u"webhook"_s);
    if (result.outcome != u"applied"_s) {
        qWarning().noquote() << u"booking not applied: %1"_s.arg(result.detail);
    }
    return quiet;
}

void TestDispatcher::lateReminderWaitsForQuietHoursToEnd()
{
    const RuleSet quiet = bookWithQuietHours(QDateTime(QDate(2026, 11, 10), QTime(2, 30), Qt::UTC)); // 09:30

    // The PC was off from the booking until 07:00 in Bangkok: the 24 h reminder is late, and it is
    // night for the invitee.
    m_clock->set(QDateTime(QDate(2026, 11, 10), QTime(0, 0), Qt::UTC));
    Dispatcher::Options options;
    options.rules = &quiet;
    auto dispatcher = makeDispatcher(options);
    dispatcher->start();
    runUntilIdle(*dispatcher);
    auto reminder = only(MessageKind::Reminder, 1440);
    QCOMPARE(reminder.state, MessageState::Queued);
    QCOMPARE(reminder.skipReason, u"held for quiet hours"_s);
    QCOMPARE(reminder.dueUtc, QDateTime(QDate(2026, 11, 10), QTime(1, 0), Qt::UTC)); // 08:00 Bangkok
    for (const auto &sent : m_sandbox->wouldHaveSent()) {
        QVERIFY(sent.messageId != reminder.id);
    }

    m_clock->set(reminder.dueUtc);
    runUntilIdle(*dispatcher);
    reminder = only(MessageKind::Reminder, 1440);
    QCOMPARE(reminder.state, MessageState::Accepted);
    QCOMPARE(m_sandbox->wouldHaveSent().last().messageId, reminder.id);
    QCOMPARE(m_sandbox->wouldHaveSent().last().params.value(u"advance"_s).toString(), u"1 hour 30 minutes"_s);
}

void TestDispatcher::lateReminderSaysTheTimeLeftInTheMessageLanguage()
{
    RuleSet thai = rules();
    thai.defaults.messageLanguage = MessageLanguage::Thai;
    thai.defaults.buddhistEra = true;
    BookingProcessor processor(*m_db, *m_store, *m_clock, thai);
    test::BodyOptions o;
    o.startUtc = START;
    QCOMPARE(processor.receive(test::body(o), u"webhook"_s).outcome, u"applied"_s);

    // The PC was off until 30 minutes before the meeting: the 1-hour reminder goes late, in Thai.
    m_clock->set(START.addSecs(-30 * 60));
    Dispatcher::Options options;
    options.rules = &thai;
    auto dispatcher = makeDispatcher(options);
    dispatcher->start();
    runUntilIdle(*dispatcher);
    const auto reminder = only(MessageKind::Reminder, 60);
    QCOMPARE(reminder.state, MessageState::Accepted);
    QCOMPARE(m_sandbox->wouldHaveSent().last().messageId, reminder.id);
    const auto params = m_sandbox->wouldHaveSent().last().params;
    QCOMPARE(params.value(u"advance"_s).toString(), u"30 นาที"_s);
    QCOMPARE(params.value(u"date"_s).toString(), u"วันอังคารที่ 10 พฤศจิกายน 2569"_s);
    QCOMPARE(params.value(u"time"_s).toString(), u"14:00"_s);
}

void TestDispatcher::lateReminderWhoseQuietHoursOutlastTheMeetingIsMissed()
{
    const RuleSet quiet = bookWithQuietHours(QDateTime(QDate(2026, 11, 10), QTime(0, 30), Qt::UTC)); // 07:30
    m_clock->set(QDateTime(QDate(2026, 11, 9), QTime(23, 0), Qt::UTC)); // 06:00 Bangkok
    Dispatcher::Options options;
    options.rules = &quiet;
    auto dispatcher = makeDispatcher(options);
    dispatcher->start();
    runUntilIdle(*dispatcher);
    const auto reminder = only(MessageKind::Reminder, 1440);
    QCOMPARE(reminder.state, MessageState::Skipped);
    QCOMPARE(reminder.skipReason, u"missed: quiet hours last until the meeting"_s);
}

void TestDispatcher::pauseHoldsEverythingAndSurvivesRestart()
{
    book();
    {
        auto dispatcher = makeDispatcher();
        QSignalSpy paused(dispatcher.get(), &Dispatcher::pausedChanged);
        dispatcher->start();
        dispatcher->pause(u"the clinic is closed today"_s);
        QCOMPARE(paused.size(), 1);
        QTest::qWait(50); // give a wrongly armed timer its chance to fire
        QVERIFY(m_sandbox->wouldHaveSent().isEmpty());
    }
    openStore(); // restart
    auto dispatcher = makeDispatcher();
    dispatcher->start();
    QVERIFY(dispatcher->isPaused());
    QCOMPARE(dispatcher->pauseReason(), u"the clinic is closed today"_s);
    QTest::qWait(50);
    QVERIFY(m_sandbox->wouldHaveSent().isEmpty());
    dispatcher->resume();
    runUntilIdle(*dispatcher);
    QCOMPARE(m_sandbox->wouldHaveSent().size(), 1);
}

void TestDispatcher::backoffDoublesWithJitterAndCap_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("jitter");
    QTest::addColumn<qint64>("secs");
    QTest::newRow("first retry, most jitter") << 1 << 0.5 << qint64(15);
    QTest::newRow("first retry, no jitter: at most 30 s") << 1 << 1.0 << qint64(30);
    QTest::newRow("second doubles") << 2 << 1.0 << qint64(60);
    QTest::newRow("fifth") << 5 << 1.0 << qint64(480);
    QTest::newRow("capped at 15 min") << 6 << 1.0 << qint64(900);
    QTest::newRow("still capped") << 20 << 1.0 << qint64(900);
    QTest::newRow("jitter out of range is clamped") << 1 << 7.0 << qint64(30);
}

void TestDispatcher::backoffDoublesWithJitterAndCap()
{
    QFETCH(int, attempt);
    QFETCH(double, jitter);
    QFETCH(qint64, secs);
    QCOMPARE(Dispatcher::backoffSecs(Dispatcher::Options{}, attempt, jitter), secs);
}

void TestDispatcher::twoInstancesSendEachMessageExactlyOnce()
{
    constexpr int COUNT = 60;
    bookMany(COUNT);
    test::FakeEngageLab server;
    QVERIFY(server.listen());
    auto slow = test::FakeEngageLab::accepted();
    slow.delayMs = 20; // sends overlap, so both instances claim while the other has rows in flight
    server.setDefaultReply(slow);
    Dispatcher::Options options;
    options.maxInFlight = 4;
    options.maxPerSecond = 1000;
    options.instanceId = u"desk-a"_s;
    InstanceThread a(m_location, *m_clock, server.baseUrl(), options);
    options.instanceId = u"server-b"_s;
    InstanceThread b(m_location, *m_clock, server.baseUrl(), options);
    QCOMPARE(m_store->instances().size(), 2);

    QTRY_COMPARE_WITH_TIMEOUT(m_store->messagesInState(MessageState::Accepted).size(), COUNT, 30000);
    const auto counts = sendsPerMessage({&server});
    QCOMPARE(counts.size(), COUNT);
    QHash<QString, int> byInstance;
    for (const auto &m : m_store->messagesInState(MessageState::Accepted)) {
        QVERIFY2(counts.value(m.id) == 1,
                 qPrintable(u"message #%1 sent %2 times"_s.arg(m.id).arg(counts.value(m.id))));
        byInstance[claimedBy(*m_db, m.id)] += 1;
    }
    QCOMPARE(server.sendCount(), COUNT);
    QCOMPARE(byInstance.size(), 2); // both took part, so they really competed for the rows
    QCOMPARE(byInstance.value(u"desk-a"_s) + byInstance.value(u"server-b"_s), COUNT);

    // A clean stop leaves no registration behind.
    a.stop();
    b.stop();
    QVERIFY(m_store->instances().isEmpty());
}

void TestDispatcher::liveInstanceSendsAreUntouchedByAnotherStarting()
{
    bookMany(6);
    test::FakeEngageLab slowServer; // answers nothing: A's sends stay in flight
    test::FakeEngageLab server;
    QVERIFY(slowServer.listen());
    QVERIFY(server.listen());
    slowServer.setDefaultReply(hanging());
    Dispatcher::Options options;
    options.maxInFlight = 2;
    options.instanceId = u"desk-a"_s;
    auto a = startInstance(m_location, *m_clock, slowServer.baseUrl(), options);
    QTRY_COMPARE(slowServer.sendCount(), 2);
    const auto held = m_store->messagesInState(MessageState::Sending);
    QCOMPARE(held.size(), 2);

    options.maxInFlight = 4;
    options.instanceId = u"server-b"_s;
    auto b = startInstance(m_location, *m_clock, server.baseUrl(), options);
    QTRY_COMPARE(m_store->messagesInState(MessageState::Accepted).size(), 4);
    runUntilIdle(*b->dispatcher);
    for (const auto &m : held) {
        QCOMPARE(keyOf(m_store->message(m.id)->state), u"sending"_s); // still A's, untouched
        QCOMPARE(claimedBy(*m_db, m.id), u"desk-a"_s);
    }
    const auto counts = sendsPerMessage({&slowServer, &server});
    QCOMPARE(counts.size(), 6);
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        QCOMPARE(it.value(), 1);
    }
    QCOMPARE(server.sendCount(), 4);
}

void TestDispatcher::deadInstanceClaimsBecomeMaybeSentAndAreNotResent()
{
    bookMany(6);
    test::FakeEngageLab slowServer;
    test::FakeEngageLab server;
    QVERIFY(slowServer.listen());
    QVERIFY(server.listen());
    slowServer.setDefaultReply(hanging());
    // A's clock stands still: its heartbeats stop advancing, as if its process had been frozen or
    // killed, while B's time goes on.
    test::FakeClock frozen(BOOKED_AT);
    Dispatcher::Options options;
    options.maxInFlight = 2;
    options.leaseSecs = 3; // a heartbeat every second
    options.instanceId = u"desk-a"_s;
    auto a = startInstance(m_location, frozen, slowServer.baseUrl(), options);
    QTRY_COMPARE(slowServer.sendCount(), 2);
    const auto held = m_store->messagesInState(MessageState::Sending);
    QCOMPARE(held.size(), 2);
    options.maxInFlight = 4;
    options.instanceId = u"server-b"_s;
    auto b = startInstance(m_location, *m_clock, server.baseUrl(), options);
    QSignalSpy changed(b->dispatcher.get(), &Dispatcher::messageChanged);
    QSignalSpy alerts(b->dispatcher.get(), &Dispatcher::alertRaised);
    QTRY_COMPARE(m_store->messagesInState(MessageState::Accepted).size(), 4);
    QCOMPARE(m_store->messagesInState(MessageState::Sending).size(), 2); // A's lease still holds

    m_clock->advanceSecs(4); // past A's lease: B's next heartbeat finds A dead
    QTRY_COMPARE_WITH_TIMEOUT(m_store->messagesInState(MessageState::Unknown).size(), 2, 10000);
    for (const auto &m : held) {
        const auto now = m_store->message(m.id);
        QCOMPARE(keyOf(now->state), u"unknown"_s);
        QVERIFY(now->skipReason.startsWith(u"maybe sent"_s));
        QCOMPARE(now->attempts, 1);
    }
    QCOMPARE(alerts.size(), 1);
    QVERIFY(alerts.first().first().toString().contains(u"2 message(s) may or may not have been sent"_s));
    int unknowns = 0;
    for (const auto &args : changed) {
        unknowns += args.at(1).value<MessageState>() == MessageState::Unknown ? 1 : 0;
    }
    QCOMPARE(unknowns, 2);

    runUntilIdle(*b->dispatcher); // and nothing sends them again
    QCOMPARE(server.sendCount(), 4);
    const auto counts = sendsPerMessage({&slowServer, &server});
    QCOMPARE(counts.size(), 6);
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        QCOMPARE(it.value(), 1);
    }
}

QTEST_GUILESS_MAIN(TestDispatcher)
#include "tst_dispatcher.moc"
