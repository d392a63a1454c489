// Polling end to end: a loopback Calendly, the real client, the real BookingProcessor and a real
// SQLite file, with time from a fake clock. The stories mirror tst_bookingprocessor's, but the
// bookings are discovered by listing scheduled events instead of arriving as webhooks.

#include "calendly/CalendlyClient.h"
#include "engine/BookingProcessor.h"
#include "engine/Reconciler.h"
#include "storage/Database.h"
#include "storage/Store.h"
#include "support/CalendlyBodies.h"
#include "support/FakeCalendly.h"
#include "support/FakeClock.h"
#include "support/OutboxSummary.h"
#include "support/Printers.h"
#include "support/TestDatabase.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;
using test::FakeCalendly;
using test::inviteeUri;

using test::everyKindRules;
using test::outboxSummary;

class TestReconciler : public QObject
{
    Q_OBJECT

private slots:
    void baselineIsOncePerAccountNotPerStart();
    void init();
    void cleanup();

    void baselinePassPlansRemindersWithoutConfirmation();
    void unchangedEventsAreNotListedAgain();
    void laterBookingIsConfirmed();
    void cancellationWithdrawsReminders();
    void canceledBeforeConnectingIsNotTexted();
    void rescheduleSendsOneMessage();
    void bookingSeenByWebhookAndPollIsPlannedOnce();
    void pagesAreFollowed();
    void failedPassIsRetried();

private:
    Reconciler::PassResult pass();

    test::TestDatabase m_data; // SQLite, or PostgreSQL under support/with-postgres.sh
    Database::Location m_location;
    std::unique_ptr<test::FakeClock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<BookingProcessor> m_processor;
    std::unique_ptr<FakeCalendly> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<CalendlyClient> m_client;
    std::unique_ptr<Reconciler> m_reconciler;
    QDateTime m_start;
};

void TestReconciler::init()
{
    m_location = m_data.fresh();
    QVERIFY2(m_data.isValid(), qPrintable(m_data.error()));
    m_clock = std::make_unique<test::FakeClock>(QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC));
    m_start = QDateTime(QDate(2026, 11, 10), QTime(7, 0), Qt::UTC); // 14:00 in Bangkok
    m_db = std::make_unique<Database>(u"tst_reconciler"_s);
    m_db->open(m_location);
    m_store = std::make_unique<Store>(*m_db, *m_clock);
    m_processor = std::make_unique<BookingProcessor>(*m_db, *m_store, *m_clock, everyKindRules());

    m_fake = std::make_unique<FakeCalendly>();
    QVERIFY(m_fake->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    CalendlyClient::Config config;
    config.apiBase = m_fake->baseUrl();
    config.token = FakeCalendly::TOKEN;
    config.timeoutMs = 5000;
    m_client = std::make_unique<CalendlyClient>(*m_network, config);
    m_reconciler = std::make_unique<Reconciler>(*m_client, *m_processor, *m_store, *m_clock);
    m_reconciler->setAccount({m_fake->userUri(), {}});
}

void TestReconciler::cleanup()
{
    m_reconciler.reset();
    m_client.reset();
    m_network.reset();
    m_fake.reset();
    m_processor.reset();
    m_store.reset();
    m_db.reset();
    m_data.reset();
}

Reconciler::PassResult TestReconciler::pass()
{
    QSignalSpy finished(m_reconciler.get(), &Reconciler::passFinished);
    if (!m_reconciler->runPass() || !finished.wait(10000)) {
        qWarning("the pass did not run");
        return {};
    }
    return finished.at(0).at(0).value<Reconciler::PassResult>();
}

void TestReconciler::baselinePassPlansRemindersWithoutConfirmation()
{
    m_fake->addEvent(u"EV-A"_s, m_start);
    m_fake->addInvitee(u"EV-A"_s, u"A"_s);
    m_fake->addEvent(u"EV-PAST"_s, m_clock->nowUtc().addDays(-2)); // outside the window

    const auto result = pass();
    QVERIFY2(result.ok, qPrintable(result.error.plainMessage));
    QVERIFY(result.baseline);
    QCOMPARE(result.events, 1);
    QCOMPARE(result.applied, 1);
    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"A"_s)),
             (QStringList{u"reminder/1440/queued"_s, u"reminder/60/queued"_s}));
    const auto events = m_store->bookingEvents();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).source, u"poll"_s);

    const auto query = m_fake->requests().at(0);
    QCOMPARE(query.query(u"min_start_time"_s), u"2026-11-02T08:00:00.000000Z"_s);
    QCOMPARE(query.query(u"max_start_time"_s), u"2026-11-16T09:00:00.000000Z"_s);
    QVERIFY(query.query(u"status"_s).isEmpty()); // active and canceled alike
}

void TestReconciler::baselineIsOncePerAccountNotPerStart()
{
    m_fake->addEvent(u"EV-A"_s, m_start);
    m_fake->addInvitee(u"EV-A"_s, u"A"_s);
    QVERIFY(pass().baseline);
    // Deskbell stops for the night; a booking is made meanwhile; Deskbell starts again.
    m_reconciler = std::make_unique<Reconciler>(*m_client, *m_processor, *m_store, *m_clock);
    m_reconciler->setAccount({m_fake->userUri(), {}});
    m_fake->addEvent(u"EV-B"_s, m_start.addSecs(3600));
    m_fake->addInvitee(u"EV-B"_s, u"B"_s);
    const auto after = pass();
    QVERIFY(after.ok);
    QVERIFY(!after.baseline);
    QVERIFY(outboxSummary(*m_store, inviteeUri(u"B"_s)).contains(u"confirm/0/queued"_s));
    QVERIFY(!outboxSummary(*m_store, inviteeUri(u"A"_s)).contains(u"confirm/0/queued"_s));

    m_reconciler->setAccount({u"https://api.calendly.com/users/SOMEONE_ELSE"_s, {}});
    QVERIFY(!m_reconciler->baselineDone()); // another account starts with its own baseline
}

void TestReconciler::unchangedEventsAreNotListedAgain()
{
    m_fake->addEvent(u"EV-A"_s, m_start);
    m_fake->addInvitee(u"EV-A"_s, u"A"_s);
    QVERIFY(pass().ok);
    m_fake->clearRequests();
    m_clock->advanceMinutes(5);

    const auto again = pass();
    QVERIFY(again.ok);
    QVERIFY(!again.baseline);
    QCOMPARE(again.eventsListed, 0);
    QCOMPARE(again.recorded, 0);
    QCOMPARE(m_fake->requests().size(), 1); // the event listing only
    QCOMPARE(m_store->bookingEvents().size(), 1);
}

void TestReconciler::laterBookingIsConfirmed()
{
    m_fake->addEvent(u"EV-A"_s, m_start);
    m_fake->addInvitee(u"EV-A"_s, u"A"_s);
    QVERIFY(pass().ok);
    m_clock->advanceMinutes(5);
    m_fake->addEvent(u"EV-B"_s, m_start.addDays(1));
    m_fake->addInvitee(u"EV-B"_s, u"B"_s);

    const auto result = pass();
    QVERIFY(result.ok);
    QCOMPARE(result.eventsListed, 1);
    QCOMPARE(result.applied, 1);
    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"B"_s)),
             (QStringList{u"confirm/0/queued"_s, u"reminder/1440/queued"_s, u"reminder/60/queued"_s}));
    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"A"_s)).size(), 2); // untouched
}

void TestReconciler::cancellationWithdrawsReminders()
{
    QVERIFY(pass().ok); // connected with an empty calendar
    m_fake->addEvent(u"EV-A"_s, m_start);
    m_fake->addInvitee(u"EV-A"_s, u"A"_s);
    QVERIFY(pass().ok);
    m_clock->advanceMinutes(60);
    m_fake->cancelInvitee(u"EV-A"_s, u"A"_s);

    const auto result = pass();
    QVERIFY(result.ok);
    QCOMPARE(result.applied, 1);
    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"A"_s)),
             (QStringList{u"cancel/0/queued"_s, u"confirm/0/canceled/booking canceled"_s,
                          u"reminder/1440/canceled/booking canceled"_s,
                          u"reminder/60/canceled/booking canceled"_s}));
    QCOMPARE(m_store->appointment(inviteeUri(u"A"_s))->cancelReason, u"Meeting Conflict"_s);

    m_clock->advanceMinutes(5);
    QCOMPARE(pass().recorded, 0); // the cancellation is not fed twice
}

void TestReconciler::canceledBeforeConnectingIsNotTexted()
{
    m_fake->addEvent(u"EV-A"_s, m_start);
    m_fake->addInvitee(u"EV-A"_s, u"A"_s);
    m_fake->cancelInvitee(u"EV-A"_s, u"A"_s);

    const auto result = pass();
    QVERIFY(result.ok);
    QCOMPARE(result.recorded, 0);
    QVERIFY(outboxSummary(*m_store, inviteeUri(u"A"_s)).isEmpty());
    m_clock->advanceMinutes(5);
    QCOMPARE(pass().recorded, 0);
}

void TestReconciler::rescheduleSendsOneMessage()
{
    QVERIFY(pass().ok);
    m_fake->addEvent(u"EV-A"_s, m_start);
    m_fake->addInvitee(u"EV-A"_s, u"A"_s);
    QVERIFY(pass().ok);
    m_clock->advanceMinutes(60);
    m_fake->reschedule(u"EV-A"_s, u"A"_s, u"EV-B"_s, u"B"_s, m_start.addDays(2));

    const auto result = pass();
    QVERIFY(result.ok);
    QCOMPARE(result.recorded, 2);
    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"A"_s)),
             (QStringList{u"confirm/0/canceled/booking rescheduled"_s,
                          u"reminder/1440/canceled/booking rescheduled"_s,
                          u"reminder/60/canceled/booking rescheduled"_s}));
    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"B"_s)),
             (QStringList{u"reminder/1440/queued"_s, u"reminder/60/queued"_s, u"reschedule/0/queued"_s}));
}

void TestReconciler::bookingSeenByWebhookAndPollIsPlannedOnce()
{
    QVERIFY(pass().ok);
    test::BodyOptions options;
    options.startUtc = m_start;
    const auto webhook = m_processor->receive(test::body(options), u"webhook"_s);
    QCOMPARE(webhook.outcome, u"applied"_s);
    const QStringList before = outboxSummary(*m_store, inviteeUri(u"A"_s));
    QCOMPARE(before.size(), 3);

    m_clock->advanceMinutes(2);
    m_fake->addEvent(u"EV-A"_s, m_start);
    m_fake->addInvitee(u"EV-A"_s, u"A"_s);
    const auto result = pass();
    QVERIFY(result.ok);
    QCOMPARE(result.recorded, 1);
    QCOMPARE(result.applied, 0);
    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"A"_s)), before);
    const auto events = m_store->bookingEvents();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(1).source, u"poll"_s);
    QCOMPARE(events.at(1).outcome, u"duplicate"_s);
}

void TestReconciler::pagesAreFollowed()
{
    for (int i = 0; i < 5; ++i) {
        const QString id = u"P%1"_s.arg(i);
        m_fake->addEvent(u"EV-"_s + id, m_start.addDays(i % 3));
        m_fake->addInvitee(u"EV-"_s + id, id);
    }
    m_fake->setMaxPageSize(2);
    const auto result = pass();
    QVERIFY2(result.ok, qPrintable(result.error.plainMessage));
    QCOMPARE(result.events, 5);
    QCOMPARE(result.applied, 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(outboxSummary(*m_store, inviteeUri(u"P%1"_s.arg(i))).size(), 2);
    }
    int eventPages = 0;
    const auto requests = m_fake->requests();
    for (const auto &r : requests) {
        eventPages += r.pathOnly() == "/scheduled_events" ? 1 : 0;
    }
    QCOMPARE(eventPages, 3);
}

void TestReconciler::failedPassIsRetried()
{
    m_fake->addEvent(u"EV-A"_s, m_start);
    m_fake->addInvitee(u"EV-A"_s, u"A"_s);
    m_fake->addEvent(u"EV-B"_s, m_start.addDays(1));
    m_fake->addInvitee(u"EV-B"_s, u"B"_s);
    m_fake->failNext(FakeCalendly::error(500, u"Internal Server Error"_s, u"Oops"_s));

    const auto failed = pass();
    QVERIFY(!failed.ok);
    QCOMPARE(failed.error.kind, CalendlyError::Kind::Transient);
    QVERIFY(!m_reconciler->baselineDone());

    const auto retried = pass();
    QVERIFY(retried.ok);
    QVERIFY(retried.baseline); // still the first complete look at the calendar
    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"A"_s)).size(), 2);
    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"B"_s)).size(), 2);
}

QTEST_GUILESS_MAIN(TestReconciler)
#include "tst_reconciler.moc"
