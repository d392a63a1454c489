// The dispatcher's promises with the sandbox provider, a real database (an SQLite file; PostgreSQL as
// tst_dispatcher_pg, under support/with-postgres.sh) and a fake clock:
// send-time checks, the catch-up policy after downtime, crash recovery and the persisted pause.
// The provider's wire format and error classes are in tst_dispatchengagelab.

#include "engine/BookingProcessor.h"
#include "engine/Dispatcher.h"
#include "sms/SandboxProvider.h"
#include "storage/Database.h"
#include "storage/Store.h"
#include "support/CalendlyBodies.h"
#include "support/FakeClock.h"
#include "support/Printers.h"
#include "support/TestDatabase.h"

#include <QSignalSpy>
#include <QTest>

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

private:
    void openStore();
    void book(const QString &id = u"A"_s);
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

QTEST_GUILESS_MAIN(TestDispatcher)
#include "tst_dispatcher.moc"
