// The booking stories end to end: JSON bodies as Calendly sends them, the real parser, the planner
// and a real database (an SQLite file; PostgreSQL as tst_bookingprocessor_pg, under
// support/with-postgres.sh), with time from a fake clock.

#include "engine/BookingProcessor.h"
#include "storage/Database.h"
#include "storage/Store.h"
#include "support/CalendlyBodies.h"
#include "support/FakeClock.h"
#include "support/OutboxSummary.h"
#include "support/Printers.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

using test::body;
using test::BodyOptions;
using test::inviteeUri;

using test::everyKindRules;
using test::outboxSummary;

class TestBookingProcessor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void bookingQueuesConfirmationAndReminders();
    void sameEventTwiceChangesNothing();
    void rescheduleInEitherOrder_data();
    void rescheduleInEitherOrder();
    void cancelWithdrawsPendingAndTextsOnce();
    void bookingArrivingAfterItsCancellationIsStale();
    void optedOutNumberIsSkipped();
    void invalidPhoneIsKeptAndSkipped();
    void rejectedBodyIsKeptWithReason_data();
    void rejectedBodyIsKeptWithReason();
    void unusedEventIsIgnored();
    void officialFixtures();
    void pendingEventIsProcessedAfterCrash();
    void everythingSurvivesReopen();

private:
    void openStore();
    BookingProcessor::Result receive(const BodyOptions &o);

    test::TestDatabase m_data;
    Database::Location m_location;
    std::unique_ptr<test::FakeClock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<BookingProcessor> m_processor;
    QDateTime m_start;
};

void TestBookingProcessor::init()
{
    m_location = m_data.fresh();
    QVERIFY2(m_data.isValid(), qPrintable(m_data.error()));
    m_clock = std::make_unique<test::FakeClock>(QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC));
    m_start = QDateTime(QDate(2026, 11, 10), QTime(7, 0), Qt::UTC); // 14:00 in Bangkok
    openStore();
}

void TestBookingProcessor::cleanup()
{
    m_processor.reset();
    m_store.reset();
    m_db.reset();
    m_data.reset();
}

void TestBookingProcessor::openStore()
{
    m_processor.reset();
    m_store.reset();
    m_db.reset();
    m_db = std::make_unique<Database>(u"tst_bookingprocessor"_s);
    m_db->open(m_location);
    m_store = std::make_unique<Store>(*m_db, *m_clock);
    m_processor = std::make_unique<BookingProcessor>(*m_db, *m_store, *m_clock, everyKindRules());
}

BookingProcessor::Result TestBookingProcessor::receive(const BodyOptions &o)
{
    BodyOptions withStart = o;
    if (!withStart.startUtc.isValid()) {
        withStart.startUtc = m_start;
    }
    return m_processor->receive(body(withStart), u"webhook"_s);
}

void TestBookingProcessor::bookingQueuesConfirmationAndReminders()
{
    const auto result = receive({});
    QCOMPARE(result.outcome, u"applied"_s);
    QCOMPARE(result.queued, 3);
    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"A"_s)),
             (QStringList{u"confirm/0/queued"_s, u"reminder/1440/queued"_s, u"reminder/60/queued"_s}));
    const auto appointment = m_store->appointment(inviteeUri(u"A"_s));
    QVERIFY(appointment);
    QCOMPARE(appointment->phoneE164, u"+66812345678"_s);
    QCOMPARE(appointment->startUtc, m_start);
    const auto reminders = m_store->messagesForInvitee(inviteeUri(u"A"_s));
    for (const auto &m : reminders) {
        if (m.kind == MessageKind::Reminder && m.offsetMin == 1440) {
            QCOMPARE(m.dueUtc, m_start.addDays(-1));
            QCOMPARE(m.params.value(u"time"_s).toString(), u"14:00"_s);
            QCOMPARE(m.params.value(u"advance"_s).toString(), u"24 hours"_s);
        }
    }
}

void TestBookingProcessor::sameEventTwiceChangesNothing()
{
    QCOMPARE(receive({}).outcome, u"applied"_s);
    const QStringList before = outboxSummary(*m_store, inviteeUri(u"A"_s));
    m_clock->advanceMinutes(5); // Calendly's retry comes a little later
    const auto again = receive({});
    QCOMPARE(again.outcome, u"duplicate"_s);
    QCOMPARE(again.queued, 0);
    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"A"_s)), before);
    // Both receipts are on record; only one is "applied".
    const auto events = m_store->bookingEvents();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(1).outcome, u"duplicate"_s);
    QCOMPARE(events.at(1).duplicateOf, events.at(0).id);
}

void TestBookingProcessor::rescheduleInEitherOrder_data()
{
    QTest::addColumn<bool>("cancelFirst");
    QTest::newRow("cancel arrives first") << true;
    QTest::newRow("new booking arrives first") << false;
}

void TestBookingProcessor::rescheduleInEitherOrder()
{
    QFETCH(bool, cancelFirst);
    QCOMPARE(receive({}).outcome, u"applied"_s); // booked for 10 Nov
    m_clock->advanceMinutes(60);

    BodyOptions cancel;
    cancel.event = u"invitee.canceled"_s;
    cancel.rescheduled = true;
    cancel.newId = u"B"_s;
    BodyOptions moved;
    moved.id = u"B"_s;
    moved.oldId = u"A"_s;
    moved.startUtc = m_start.addDays(2);

    if (cancelFirst) {
        QCOMPARE(receive(cancel).outcome, u"applied"_s);
        QCOMPARE(receive(moved).outcome, u"applied"_s);
    } else {
        QCOMPARE(receive(moved).outcome, u"applied"_s);
        QCOMPARE(receive(cancel).outcome, u"applied"_s);
    }

    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"A"_s)),
             (QStringList{u"confirm/0/canceled/booking rescheduled"_s,
                          u"reminder/1440/canceled/booking rescheduled"_s,
                          u"reminder/60/canceled/booking rescheduled"_s}));
    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"B"_s)),
             (QStringList{u"reminder/1440/queued"_s, u"reminder/60/queued"_s, u"reschedule/0/queued"_s}));
    QCOMPARE(m_store->appointment(inviteeUri(u"A"_s))->status, Appointment::Status::Rescheduled);
    QCOMPARE(m_store->appointment(inviteeUri(u"A"_s))->newInviteeUri, inviteeUri(u"B"_s));
    QCOMPARE(m_store->appointment(inviteeUri(u"B"_s))->status, Appointment::Status::Active);
    const auto reminders = m_store->messagesForInvitee(inviteeUri(u"B"_s));
    for (const auto &m : reminders) {
        if (m.kind == MessageKind::Reminder) {
            QCOMPARE(m.dueUtc,
                     m_start.addDays(2).addSecs(-qint64(m.offsetMin) * 60)); // timed from the new start
        }
    }
}

void TestBookingProcessor::cancelWithdrawsPendingAndTextsOnce()
{
    QCOMPARE(receive({}).outcome, u"applied"_s);
    BodyOptions cancel;
    cancel.event = u"invitee.canceled"_s;
    const auto result = receive(cancel);
    QCOMPARE(result.outcome, u"applied"_s);
    QCOMPARE(result.withdrawn, 3);
    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"A"_s)),
             (QStringList{u"cancel/0/queued"_s, u"confirm/0/canceled/booking canceled"_s,
                          u"reminder/1440/canceled/booking canceled"_s,
                          u"reminder/60/canceled/booking canceled"_s}));
    QCOMPARE(m_store->appointment(inviteeUri(u"A"_s))->cancelReason, u"Meeting Conflict"_s);

    // Calendly retries both events later: nothing comes back to life, nothing is sent twice.
    QCOMPARE(receive({}).outcome, u"duplicate"_s);
    QCOMPARE(receive(cancel).outcome, u"duplicate"_s);
    QCOMPARE(m_store->messagesInState(MessageState::Queued).size(), 1);
}

void TestBookingProcessor::bookingArrivingAfterItsCancellationIsStale()
{
    BodyOptions cancel;
    cancel.event = u"invitee.canceled"_s;
    QCOMPARE(receive(cancel).outcome, u"applied"_s); // the booking's own event was delayed
    const auto late = receive({});
    QCOMPARE(late.outcome, u"stale"_s);
    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"A"_s)), QStringList{u"cancel/0/queued"_s});
    QCOMPARE(m_store->appointment(inviteeUri(u"A"_s))->status, Appointment::Status::Canceled);
}

void TestBookingProcessor::optedOutNumberIsSkipped()
{
    m_store->addOptOut(u"+66812345678"_s, u"operator"_s, u"asked by phone"_s);
    QCOMPARE(receive({}).outcome, u"applied"_s);
    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"A"_s)),
             (QStringList{u"confirm/0/skipped/opted out"_s, u"reminder/1440/skipped/opted out"_s,
                          u"reminder/60/skipped/opted out"_s}));
}

void TestBookingProcessor::invalidPhoneIsKeptAndSkipped()
{
    BodyOptions o;
    o.phone = u"12"_s;
    QCOMPARE(receive(o).outcome, u"applied"_s);
    const auto appointment = m_store->appointment(inviteeUri(u"A"_s));
    QCOMPARE(appointment->phoneRaw, u"12"_s);
    QVERIFY(appointment->phoneE164.isEmpty());
    for (const auto &m : m_store->messagesForInvitee(inviteeUri(u"A"_s))) {
        QCOMPARE(m.state, MessageState::Skipped);
        QCOMPARE(m.skipReason, u"invalid phone"_s);
        QCOMPARE(m.recipient, u"12"_s);
    }
}

void TestBookingProcessor::rejectedBodyIsKeptWithReason_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << "<html>oops</html>"_ba;
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no payload") << R"({"event":"invitee.created"})"_ba;
    QTest::newRow("payload without uri") << R"({"event":"invitee.created","payload":{"name":"X"}})"_ba;
}

void TestBookingProcessor::rejectedBodyIsKeptWithReason()
{
    QFETCH(QByteArray, body);
    const auto result = m_processor->receive(body, u"webhook"_s);
    QCOMPARE(result.outcome, u"rejected"_s);
    QVERIFY(!result.detail.isEmpty());
    const auto stored = m_store->bookingEvent(result.eventId);
    QVERIFY(stored);
    QCOMPARE(stored->body, body);
    QCOMPARE(stored->outcome, u"rejected"_s);
    QCOMPARE(stored->detail, result.detail);
    QVERIFY(m_store->messagesInState(MessageState::Queued).isEmpty());
}

void TestBookingProcessor::unusedEventIsIgnored()
{
    const auto result = m_processor->receive(
        test::readData(u"calendly/routing_form_submission_created.json"_s), u"webhook"_s);
    QCOMPARE(result.outcome, u"ignored"_s);
}

void TestBookingProcessor::officialFixtures()
{
    // The older official example has no scheduled_event, so there is no time to plan for.
    const auto createdResult =
        m_processor->receive(test::readData(u"calendly/invitee_created.json"_s), u"webhook"_s);
    QCOMPARE(createdResult.outcome, u"rejected"_s);
    QVERIFY2(createdResult.detail.contains(u"start_time"_s), qPrintable(createdResult.detail));

    // Its cancellation still cancels: the booking is remembered as canceled, so a late booking event
    // cannot revive it; there is no number to text.
    const auto canceledResult =
        m_processor->receive(test::readData(u"calendly/invitee_canceled.json"_s), u"webhook"_s);
    QCOMPARE(canceledResult.outcome, u"applied"_s);
    const auto uri =
        u"https://api.calendly.com/scheduled_events/AAAAAAAAAAAAAAAA/invitees/AAAAAAAAAAAAAAAA"_s;
    QCOMPARE(m_store->appointment(uri)->status, Appointment::Status::Canceled);
    QCOMPARE(outboxSummary(*m_store, uri), QStringList{u"cancel/0/skipped/no phone number"_s});
}

void TestBookingProcessor::pendingEventIsProcessedAfterCrash()
{
    BodyOptions o;
    o.startUtc = m_start;
    const qint64 id = m_processor->record(body(o), u"webhook"_s);
    QCOMPARE(m_store->bookingEvent(id)->outcome, u"pending"_s);
    openStore(); // the process died after acknowledging the webhook
    const auto results = m_processor->processPending();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().outcome, u"applied"_s);
    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"A"_s)).size(), 3);
    QVERIFY(m_processor->processPending().isEmpty());
}

void TestBookingProcessor::everythingSurvivesReopen()
{
    QCOMPARE(receive({}).outcome, u"applied"_s);
    const QStringList before = outboxSummary(*m_store, inviteeUri(u"A"_s));
    openStore();
    QCOMPARE(outboxSummary(*m_store, inviteeUri(u"A"_s)), before);
    QCOMPARE(receive({}).outcome, u"duplicate"_s); // the dedupe record survives a restart too
}

QTEST_GUILESS_MAIN(TestBookingProcessor)
#include "tst_bookingprocessor.moc"
