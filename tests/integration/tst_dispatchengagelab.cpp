// The dispatcher and the EngageLab provider together against a loopback server that speaks
// EngageLab's wire format: what each answer does to a message, and the limits under load.

#include "engine/BookingProcessor.h"
#include "engine/Dispatcher.h"
#include "engine/ReceiptHandler.h"
#include "sms/EngageLabProvider.h"
#include "storage/Database.h"
#include "storage/Store.h"
#include "support/CalendlyBodies.h"
#include "support/FakeClock.h"
#include "support/FakeEngageLab.h"
#include "support/Printers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;
using test::FakeEngageLab;

namespace {

const QDateTime BOOKED_AT(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
const QDateTime START(QDate(2026, 11, 10), QTime(7, 0), Qt::UTC);

RuleSet confirmOnly()
{
    RuleSet set;
    set.defaults.reminderOffsetsMin = {};
    set.defaults.defaultRegion = u"TH"_s;
    set.defaults.fallbackTimezone = u"Asia/Bangkok"_s;
    set.defaults.templates.insert(MessageKind::Confirm, u"1970314609822883800"_s);
    return set;
}

} // namespace

class TestDispatchEngageLab : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void acceptedSendKeepsTheExactIds();
    void eachAnswerClass_data();
    void eachAnswerClass();
    void serverErrorThenSuccessSendsExactlyOnce();
    void timeoutAfterSendingIsMaybeSentAndNeverRepeated();
    void authFailurePausesEverything();
    void crashWhileSendingMakesNoSecondRequest();
    void neverExceedsInFlightOrRate();
    void receiptRecordsDeliveryBesideAcceptance();
    void receiptWithBadSignatureIsRefused();

private:
    void openStore();
    void book(int count);
    void startDispatcher(Dispatcher::Options options = {}, int timeoutMs = 5000);
    void runUntilIdle();
    OutboxMessage confirmOf(int index = 0);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::FakeClock> m_clock;
    std::unique_ptr<FakeEngageLab> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<EngageLabProvider> m_provider;
    std::unique_ptr<Dispatcher> m_dispatcher;
};

void TestDispatchEngageLab::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<test::FakeClock>(BOOKED_AT);
    m_server = std::make_unique<FakeEngageLab>();
    QVERIFY(m_server->listen());
    m_server->setExpectedCredentials(u"dev-key"_s, u"dev-secret"_s);
    m_nam = std::make_unique<QNetworkAccessManager>();
    openStore();
}

void TestDispatchEngageLab::cleanup()
{
    m_dispatcher.reset();
    m_provider.reset();
    m_store.reset();
    m_db.reset();
    m_nam.reset();
    m_server.reset();
}

void TestDispatchEngageLab::openStore()
{
    m_dispatcher.reset();
    m_provider.reset();
    m_store.reset();
    m_db.reset();
    Database::Location location;
    location.path = m_dir->filePath(u"deskbell.sqlite3"_s);
    m_db = std::make_unique<Database>(u"tst_dispatchengagelab"_s);
    m_db->open(location);
    m_store = std::make_unique<Store>(*m_db, *m_clock);
}

void TestDispatchEngageLab::book(int count)
{
    BookingProcessor processor(*m_db, *m_store, *m_clock, confirmOnly());
    for (int i = 0; i < count; ++i) {
        test::BodyOptions o;
        o.id = u"B%1"_s.arg(i, 4, 10, QChar(u'0'));
        o.startUtc = START;
        QCOMPARE(processor.receive(test::body(o), u"webhook"_s).outcome, u"applied"_s);
    }
}

void TestDispatchEngageLab::startDispatcher(Dispatcher::Options options, int timeoutMs)
{
    EngageLabProvider::Config config;
    config.apiBase = m_server->baseUrl();
    config.devKey = u"dev-key"_s;
    config.devSecret = u"dev-secret"_s;
    config.timeoutMs = timeoutMs;
    m_provider = std::make_unique<EngageLabProvider>(m_nam.get(), config);
    m_dispatcher = std::make_unique<Dispatcher>(*m_db, *m_store, *m_clock, *m_provider, options);
    m_dispatcher->start();
}

void TestDispatchEngageLab::runUntilIdle()
{
    QSignalSpy idle(m_dispatcher.get(), &Dispatcher::idle);
    m_dispatcher->wake();
    QVERIFY(idle.wait(15000));
}

OutboxMessage TestDispatchEngageLab::confirmOf(int index)
{
    return m_store->messagesForInvitee(test::inviteeUri(u"B%1"_s.arg(index, 4, 10, QChar(u'0')))).first();
}

void TestDispatchEngageLab::acceptedSendKeepsTheExactIds()
{
    book(1);
    m_server->enqueue(FakeEngageLab::accepted(u"1972488990804201472"_s, u"1972488990548348928"_s));
    startDispatcher();
    runUntilIdle();
    const auto m = confirmOf();
    QCOMPARE(m.state, MessageState::Accepted);
    QCOMPARE(m.providerMessageId, u"1972488990804201472"_s); // not ...201500 from a double
    QCOMPARE(m.providerPlanId, u"1972488990548348928"_s);
    QCOMPARE(m_server->sendCount(), 1);
    const auto request = m_server->requests().first();
    QCOMPARE(request.path, "/v1/messages"_ba);
    QCOMPARE(request.json.value(u"to"_s).toArray(), QJsonArray{u"+66812345678"_s});
    QCOMPARE(request.json.value(u"template"_s).toObject().value(u"id"_s).toString(),
             u"1970314609822883800"_s);
    QCOMPARE(request.json.value(u"template"_s)
                 .toObject()
                 .value(u"params"_s)
                 .toObject()
                 .value(u"time"_s)
                 .toString(),
             u"14:00"_s);
    QCOMPARE(request.json.value(u"custom_args"_s).toObject().value(u"deskbell_message_id"_s).toString(),
             QString::number(m.id));
    QVERIFY(m.deliveryStatus.isEmpty()); // accepted, and honestly not "delivered"
}

void TestDispatchEngageLab::eachAnswerClass_data()
{
    QTest::addColumn<FakeEngageLab::Reply>("reply");
    QTest::addColumn<MessageState>("state");
    QTest::addColumn<QString>("errorContains");

    const auto R = MessageState::RetryWait;
    const auto F = MessageState::Failed;
    const auto U = MessageState::Unknown;
    QTest::newRow("500 internal error")
        << FakeEngageLab::error(500, 1000, u"Internal error"_s) << R << u"1000"_s;
    QTest::newRow("503") << FakeEngageLab::error(503, 0, u"busy"_s) << R << u"503"_s;
    QTest::newRow("429 rate limited") << FakeEngageLab::error(429, 0, u"slow down"_s) << R << u"429"_s;
    QTest::newRow("3002 invalid params")
        << FakeEngageLab::error(400, 3002, u"invalid to"_s) << F << u"3002"_s;
    QTest::newRow("4001 template missing")
        << FakeEngageLab::error(400, 4001, u"template config not exist"_s) << F << u"4001"_s;
    QTest::newRow("200 with an error code")
        << FakeEngageLab::error(200, 3003, u"business validation"_s) << F << u"3003"_s;
    FakeEngageLab::Reply garbage;
    garbage.body = "<html>gateway</html>";
    QTest::newRow("200 that is not EngageLab's") << garbage << U << QString();
    FakeEngageLab::Reply drop;
    drop.dropAfterRequest = true;
    QTest::newRow("connection dropped after the request") << drop << U << QString();
}

void TestDispatchEngageLab::eachAnswerClass()
{
    QFETCH(FakeEngageLab::Reply, reply);
    QFETCH(MessageState, state);
    QFETCH(QString, errorContains);
    book(1);
    m_server->enqueue(reply);
    startDispatcher();
    runUntilIdle();
    const auto m = confirmOf();
    QCOMPARE(m.state, state);
    QVERIFY2(m.lastError.contains(errorContains), qPrintable(m.lastError));
    QCOMPARE(m_server->sendCount(), 1);
    if (state == MessageState::RetryWait) {
        QVERIFY(m.nextAttemptUtc > BOOKED_AT);
        QVERIFY(m.nextAttemptUtc <= BOOKED_AT.addSecs(reply.httpStatus == 429 ? 3600 : 30));
    }
    runUntilIdle(); // nothing is repeated before its time, and never for failed or maybe-sent ones
    QCOMPARE(m_server->sendCount(), 1);
}

void TestDispatchEngageLab::serverErrorThenSuccessSendsExactlyOnce()
{
    book(1);
    m_server->enqueue(FakeEngageLab::error(500, 1000, u"Internal error"_s));
    m_server->enqueue(FakeEngageLab::accepted(u"1972488990804201999"_s));
    startDispatcher();
    runUntilIdle();
    auto m = confirmOf();
    QCOMPARE(m.state, MessageState::RetryWait);
    QCOMPARE(m.attempts, 1);
    m_clock->set(m.nextAttemptUtc);
    runUntilIdle();
    m = confirmOf();
    QCOMPARE(m.state, MessageState::Accepted);
    QCOMPARE(m.attempts, 2);
    QCOMPARE(m.providerMessageId, u"1972488990804201999"_s);
    QCOMPARE(m_server->sendCount(), 2);
    m_clock->advanceMinutes(60);
    runUntilIdle();
    QCOMPARE(m_server->sendCount(), 2);
}

void TestDispatchEngageLab::timeoutAfterSendingIsMaybeSentAndNeverRepeated()
{
    book(1);
    FakeEngageLab::Reply hang;
    hang.hang = true;
    m_server->enqueue(hang);
    startDispatcher({}, 300);
    runUntilIdle();
    const auto m = confirmOf();
    QCOMPARE(m.state, MessageState::Unknown);
    QVERIFY(m.skipReason.startsWith(u"maybe sent"_s));
    m_clock->advanceMinutes(120);
    runUntilIdle();
    QCOMPARE(m_server->sendCount(), 1);
}

void TestDispatchEngageLab::authFailurePausesEverything()
{
    book(3);
    m_server->setExpectedCredentials(u"dev-key"_s, u"another-secret"_s); // the key was revoked
    Dispatcher::Options options;
    options.maxInFlight = 1;
    startDispatcher(options);
    QSignalSpy alerts(m_dispatcher.get(), &Dispatcher::alertRaised);
    QSignalSpy paused(m_dispatcher.get(), &Dispatcher::pausedChanged);
    m_dispatcher->wake();
    QVERIFY(paused.wait(5000));
    QTest::qWait(200);
    QVERIFY(m_dispatcher->isPaused());
    QCOMPARE(m_server->sendCount(), 1); // not one refusal per message
    QCOMPARE(alerts.size(), 1);
    QVERIFY(alerts.first().first().toString().contains(u"refused Deskbell's credentials"_s));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(confirmOf(i).state, MessageState::Queued);
        QCOMPARE(confirmOf(i).attempts, 0);
    }
    m_server->setExpectedCredentials(u"dev-key"_s, u"dev-secret"_s); // fixed in the account
    m_dispatcher->resume();
    runUntilIdle();
    QCOMPARE(m_store->messagesInState(MessageState::Accepted).size(), 3);
    QCOMPARE(m_server->sendCount(), 4);
}

void TestDispatchEngageLab::crashWhileSendingMakesNoSecondRequest()
{
    book(1);
    QVERIFY(m_store->markSending(confirmOf().id));
    openStore();
    startDispatcher();
    runUntilIdle();
    QCOMPARE(confirmOf().state, MessageState::Unknown);
    QCOMPARE(m_server->sendCount(), 0);
}

void TestDispatchEngageLab::neverExceedsInFlightOrRate()
{
    book(30);
    FakeEngageLab::Reply slow = FakeEngageLab::accepted();
    slow.delayMs = 150;
    m_server->setDefaultReply(slow);
    Dispatcher::Options options;
    options.maxInFlight = 3;
    options.maxPerSecond = 8;
    startDispatcher(options);
    QTRY_COMPARE_WITH_TIMEOUT(m_store->messagesInState(MessageState::Accepted).size(), 30, 20000);
    QCOMPARE(m_server->sendCount(), 30);
    QVERIFY2(m_server->maxConcurrentSends() <= 3,
             qPrintable(QString::number(m_server->maxConcurrentSends())));
    QVERIFY(m_server->maxConcurrentSends() >= 2); // the limit was reached, not avoided by accident
    QList<qint64> times;
    for (const auto &r : m_server->requests()) {
        times.append(r.receivedMs);
    }
    int worst = 0;
    for (qsizetype i = 0; i < times.size(); ++i) {
        int inWindow = 0;
        for (qsizetype j = i; j < times.size() && times.at(j) - times.at(i) < 1000; ++j) {
            ++inWindow;
        }
        worst = std::max(worst, inWindow);
    }
    QVERIFY2(worst <= 8, qPrintable(u"%1 requests within one second"_s.arg(worst)));
}

void TestDispatchEngageLab::receiptRecordsDeliveryBesideAcceptance()
{
    book(2);
    m_server->enqueue(FakeEngageLab::accepted(u"1972488990804201001"_s));
    m_server->enqueue(FakeEngageLab::accepted(u"1972488990804201002"_s));
    startDispatcher();
    runUntilIdle();
    const auto first = confirmOf(0);
    const auto second = confirmOf(1);
    ReceiptHandler handler(*m_db, *m_store, *m_clock, {});
    const QByteArray body = R"({"total":2,"rows":[
        {"message_id":1972488990804201001,"to":"+66812345678","server":"sms","channel":"sms","itime":1794042000,
         "custom_args":{"deskbell_message_id":")" +
                            QByteArray::number(first.id) + R"("},
         "status":{"message_status":"delivered","status_data":{"msg_time":1794042000},"error_code":0}},
        {"message_id":"1972488990804201002","to":"+66812345678","server":"sms","channel":"sms","itime":1794042005,
         "status":{"message_status":"sent_failed","error_code":5012,
                   "error_detail":{"message":"unreachable"}}}]})";
    const auto response = handler.handle(body, {});
    QCOMPARE(response.httpStatus, 200);
    QCOMPARE(response.updated.size(), 2);
    auto m = m_store->message(first.id);
    QCOMPARE(m->state, MessageState::Accepted);
    QCOMPARE(m->deliveryStatus, u"delivered"_s);
    m = m_store->message(second.id);
    QCOMPARE(m->state, MessageState::Accepted);
    QCOMPARE(m->deliveryStatus, u"sent_failed"_s);
    QCOMPARE(m->deliveryCode, u"5012"_s);

    QCOMPARE(handler.handle("{}", {}).httpStatus, 200); // EngageLab's URL check
    QCOMPARE(handler.handle("not json", {}).httpStatus, 400);
}

void TestDispatchEngageLab::receiptWithBadSignatureIsRefused()
{
    book(1);
    startDispatcher();
    runUntilIdle();
    ReceiptHandler handler(*m_db, *m_store, *m_clock, {u"deskbell"_s, "callback-secret", 300});
    const QByteArray body = R"({"total":1,"rows":[{"message_id":")" + confirmOf().providerMessageId.toUtf8() +
                            R"(","status":{"message_status":"delivered","error_code":0}}]})";
    const auto refused = handler.handle(body, "timestamp=1;nonce=x;username=deskbell;signature=00");
    QCOMPARE(refused.httpStatus, 401);
    QVERIFY(m_store->message(confirmOf().id)->deliveryStatus.isEmpty());
}

QTEST_GUILESS_MAIN(TestDispatchEngageLab)
#include "tst_dispatchengagelab.moc"
