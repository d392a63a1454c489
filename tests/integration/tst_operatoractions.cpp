// What the receptionist does by hand (send again, cancel, send now, correct a number, opt out, pause,
// write a message), with a real SQLite file, the real planner's bookings, a fake clock and the
// sandbox provider: every action changes exactly what it says, lands in the audit log with who and
// why, and an action that cannot apply changes nothing at all and says why.

#include "domain/Phone.h"
#include "engine/BookingProcessor.h"
#include "engine/Dispatcher.h"
#include "engine/OperatorActions.h"
#include "sms/SandboxProvider.h"
#include "storage/Database.h"
#include "storage/Store.h"
#include "support/CalendlyBodies.h"
#include "support/FakeClock.h"
#include "support/OutboxSummary.h"
#include "support/Printers.h"
#include "support/TestDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

const QDateTime BOOKED_AT(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
const QDateTime START(QDate(2026, 11, 10), QTime(7, 0), Qt::UTC); // 14:00 in Bangkok
const QString PHONE = u"+66812345678"_s;                          // "+66 81 234 5678" in the booking
const QString NEW_PHONE = u"+66898765432"_s;                      // typed as "089 876 5432"
const QString HOST_PHONE = u"+66811111111"_s;
const OperatorActions::Actor ALICE{u"alice"_s, u"patient called"_s};

RuleSet rules()
{
    RuleSet set = test::everyKindRules();
    set.defaults.hostPhone = HOST_PHONE;
    return set;
}

QString uri(const QString &id = u"A"_s)
{
    return test::inviteeUri(id);
}

QJsonObject json(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestOperatorActions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void resendOfMaybeSentIsLinkedAndSentOnce();
    void resendFollowsTheMessagesState_data();
    void resendFollowsTheMessagesState();
    void resendIsRefusedWhenTheBookingNoLongerFits();
    void resendOfReminderAfterTheMeetingStartedStillGoes();
    void resendOfReminderSaysTheTimeLeftInTheMessageLanguage();
    void resendOfInvalidPhoneSkipGoesToTheCorrectedNumber();
    void cancelFollowsTheMessagesState_data();
    void cancelFollowsTheMessagesState();
    void cancelIsRefusedOnceTheDispatcherTookTheMessage();
    void sendNowFollowsTheMessagesState_data();
    void sendNowFollowsTheMessagesState();
    void sendNowGoesOutAtOnceWithTheRealTimeLeft();
    void correctPhoneRequeuesInvalidPhoneSkipsStillOnTime_data();
    void correctPhoneRequeuesInvalidPhoneSkipsStillOnTime();
    void correctPhoneMovesPendingInviteeMessagesNotTheHosts();
    void correctPhoneCancelsAMessageTheNewNumberAlreadyHas();
    void correctPhoneRefuses_data();
    void correctPhoneRefuses();
    void optOutSkipsPendingAndOptInChangesNoMessage();
    void optOutRefusesAnInvalidNumber();
    void pauseWithoutDispatcherHoldsTheNextOne();
    void pauseAndResumeDriveTheRunningDispatcher();
    void adHocMessageIsQueuedNowAndSent();
    void adHocIsRefused_data();
    void adHocIsRefused();
    void osUserNameComesFromTheEnvironment();

private:
    void openStore();
    void book(const QString &id = u"A"_s, const QString &phone = u"+66 81 234 5678"_s);
    OutboxMessage only(MessageKind kind, int offset = 0, const QString &id = u"A"_s);
    void putInState(qint64 id, MessageState state);
    std::unique_ptr<Dispatcher> makeDispatcher();
    void runUntilIdle(Dispatcher &dispatcher);
    Store::AuditEntry lastAudit();
    // Every row of every table the actions may touch: a refused action leaves all of it as it was.
    QStringList snapshot();
    // The action was refused with these words and left every table as it was.
    void expectRefused(const OperatorActions::Result &r, const QString &error, const QStringList &before);
    // "kind/offset/gen/state/recipient[/reason]" per outbox row of the invitee, sorted.
    QStringList outbox(const QString &id = u"A"_s);

    test::TestDatabase m_data; // SQLite, or PostgreSQL under support/with-postgres.sh
    Database::Location m_location;
    std::unique_ptr<test::FakeClock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SandboxProvider> m_sandbox;
};

void TestOperatorActions::init()
{
    m_location = m_data.fresh();
    QVERIFY2(m_data.isValid(), qPrintable(m_data.error()));
    m_clock = std::make_unique<test::FakeClock>(BOOKED_AT);
    openStore();
}

void TestOperatorActions::cleanup()
{
    m_sandbox.reset();
    m_store.reset();
    m_db.reset();
    m_data.reset();
}

void TestOperatorActions::openStore()
{
    m_sandbox.reset();
    m_store.reset();
    m_db.reset();
    m_db = std::make_unique<Database>(u"tst_operatoractions"_s);
    m_db->open(m_location);
    m_store = std::make_unique<Store>(*m_db, *m_clock);
    m_sandbox = std::make_unique<SandboxProvider>();
}

void TestOperatorActions::book(const QString &id, const QString &phone)
{
    BookingProcessor processor(*m_db, *m_store, *m_clock, rules());
    test::BodyOptions o;
    o.id = id;
    o.startUtc = START;
    o.phone = phone;
    QCOMPARE(processor.receive(test::body(o), u"webhook"_s).outcome, u"applied"_s);
}

OutboxMessage TestOperatorActions::only(MessageKind kind, int offset, const QString &id)
{
    return test::plannedMessage(*m_store, uri(id), kind, offset);
}

// Drives a pending message to `state` the way the dispatcher and planner do.
void TestOperatorActions::putInState(qint64 id, MessageState state)
{
    Store::SendOutcome outcome;
    switch (state) {
    case MessageState::Queued:
        return;
    case MessageState::Sending:
        QVERIFY(m_store->markSending(id));
        return;
    case MessageState::Canceled:
    case MessageState::Skipped:
        QVERIFY(m_store->cancelPendingMessage(id, state, u"test"_s));
        return;
    case MessageState::RetryWait:
        outcome.nextAttemptUtc = m_clock->nowUtc().addSecs(600);
        outcome.error = u"HTTP 503"_s;
        break;
    case MessageState::Accepted:
        outcome.providerMessageId = u"P-1"_s;
        break;
    case MessageState::Failed:
        outcome.error = u"HTTP 400"_s;
        outcome.reason = u"refused by the SMS provider"_s;
        break;
    case MessageState::Unknown:
        outcome.reason = u"maybe sent"_s;
        break;
    }
    outcome.state = state;
    QVERIFY(m_store->markSending(id));
    m_store->finishSending(id, outcome);
}

std::unique_ptr<Dispatcher> TestOperatorActions::makeDispatcher()
{
    return std::make_unique<Dispatcher>(*m_db, *m_store, *m_clock, *m_sandbox, Dispatcher::Options{});
}

void TestOperatorActions::runUntilIdle(Dispatcher &dispatcher)
{
    QSignalSpy idle(&dispatcher, &Dispatcher::idle);
    dispatcher.wake();
    QVERIFY(idle.wait(5000));
}

Store::AuditEntry TestOperatorActions::lastAudit()
{
    const auto entries = m_store->auditEntries();
    return entries.isEmpty() ? Store::AuditEntry{} : entries.last();
}

QStringList TestOperatorActions::snapshot()
{
    return test::tableRows(m_db->connection(), {u"appointments"_s, u"outbox"_s, u"opt_outs"_s, u"audit_log"_s,
                                                u"engine_state"_s, u"message_log"_s});
}

void TestOperatorActions::expectRefused(const OperatorActions::Result &r, const QString &error,
                                        const QStringList &before)
{
    QVERIFY(!r.ok);
    QCOMPARE(r.error, error);
    QCOMPARE(snapshot(), before);
}

QStringList TestOperatorActions::outbox(const QString &id)
{
    QStringList lines;
    for (const auto &m : m_store->messagesForInvitee(uri(id))) {
        QString line = u"%1/%2/%3/%4/%5"_s.arg(keyOf(m.kind))
                           .arg(m.offsetMin)
                           .arg(m.generation)
                           .arg(keyOf(m.state), m.recipient);
        if (!m.skipReason.isEmpty()) {
            line += u'/' + m.skipReason;
        }
        lines.append(line);
    }
    lines.sort();
    return lines;
}

void TestOperatorActions::resendOfMaybeSentIsLinkedAndSentOnce()
{
    book();
    const OutboxMessage confirm = only(MessageKind::Confirm);
    QVERIFY(m_store->markSending(confirm.id)); // and then Deskbell crashed
    QCOMPARE(m_store->markInterruptedSendsUnknown(u"maybe sent: stopped while sending"_s), 1);
    auto dispatcher = makeDispatcher();
    OperatorActions actions(*m_db, *m_store, *m_clock, dispatcher.get());
    dispatcher->start();
    runUntilIdle(*dispatcher);
    const int sentBefore = int(m_sandbox->wouldHaveSent().size()); // the host's notice
    m_clock->advanceMinutes(20);

    const auto r = actions.resend(confirm.id, ALICE);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.messageId != confirm.id);
    const auto copy = m_store->message(r.messageId);
    QVERIFY(copy);
    QCOMPARE(copy->kind, MessageKind::Confirm);
    QCOMPARE(copy->resendOf, confirm.id);
    QCOMPARE(copy->generation, 1);
    QCOMPARE(copy->state, MessageState::Queued);
    QCOMPARE(copy->dueUtc, m_clock->nowUtc());
    QCOMPARE(copy->attempts, 0);
    QCOMPARE(copy->recipient, PHONE);
    QCOMPARE(copy->templateId, confirm.templateId);
    QCOMPARE(copy->params, confirm.params);

    const auto audit = lastAudit();
    QCOMPARE(audit.actor, u"alice"_s);
    QCOMPARE(audit.action, u"resend"_s);
    QCOMPARE(audit.target, u"message:%1"_s.arg(confirm.id));
    QCOMPARE(audit.reason, u"patient called"_s);
    QCOMPARE(json(audit.details).value(u"new_message"_s).toInteger(), r.messageId);
    QCOMPARE(json(audit.details).value(u"previous_state"_s).toString(), u"unknown"_s);

    // The action woke the dispatcher: the copy goes out once, the original stays "maybe sent".
    QTRY_COMPARE(m_store->message(r.messageId)->state, MessageState::Accepted);
    runUntilIdle(*dispatcher);
    QCOMPARE(m_sandbox->wouldHaveSent().size(), sentBefore + 1);
    QCOMPARE(m_sandbox->wouldHaveSent().last().messageId, r.messageId);
    QCOMPARE(m_sandbox->wouldHaveSent().last().to, PHONE);
    QCOMPARE(m_sandbox->wouldHaveSent().last().templateId, u"T-confirm"_s);
    QCOMPARE(m_store->message(confirm.id)->state, MessageState::Unknown);

    // Again: the next generation, still linked to what the operator chose to send again.
    const auto again = actions.resend(r.messageId, ALICE);
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(m_store->message(again.messageId)->generation, 2);
    QCOMPARE(m_store->message(again.messageId)->resendOf, r.messageId);
}

void TestOperatorActions::resendFollowsTheMessagesState_data()
{
    QTest::addColumn<MessageState>("state");
    QTest::addColumn<QString>("error"); // empty: allowed

    QTest::newRow("sent") << MessageState::Accepted << QString();
    QTest::newRow("failed") << MessageState::Failed << QString();
    QTest::newRow("maybe sent") << MessageState::Unknown << QString();
    QTest::newRow("canceled") << MessageState::Canceled << QString();
    QTest::newRow("skipped") << MessageState::Skipped << QString();
    const QString notYet = u"This message has not been sent yet. Use \"Send now\" to send it at once."_s;
    QTest::newRow("queued: use send now") << MessageState::Queued << notYet;
    QTest::newRow("waiting to retry: use send now") << MessageState::RetryWait << notYet;
    QTest::newRow("being sent") << MessageState::Sending
                                << u"This message is being sent right now; wait for the result."_s;
}

void TestOperatorActions::resendFollowsTheMessagesState()
{
    QFETCH(MessageState, state);
    QFETCH(QString, error);
    book();
    const qint64 id = only(MessageKind::Reminder, 60).id;
    putInState(id, state);
    OperatorActions actions(*m_db, *m_store, *m_clock, nullptr);
    const QStringList before = snapshot();
    const int audits = int(m_store->auditEntries().size());

    const auto r = actions.resend(id, ALICE);
    if (!error.isEmpty()) {
        expectRefused(r, error, before);
        return;
    }
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(m_store->message(id)->state, state); // the original keeps its history
    const auto copy = m_store->message(r.messageId);
    QCOMPARE(copy->state, MessageState::Queued);
    QCOMPARE(copy->resendOf, id);
    QCOMPARE(copy->generation, 1);
    QCOMPARE(copy->kind, MessageKind::Reminder);
    QCOMPARE(copy->offsetMin, 60);
    QCOMPARE(m_store->auditEntries().size(), audits + 1);
    QCOMPARE(m_store->messageLog(r.messageId).size(), 1); // its "queued" in the live log
}

void TestOperatorActions::resendIsRefusedWhenTheBookingNoLongerFits()
{
    book();
    const qint64 id = only(MessageKind::Reminder, 60).id;
    putInState(id, MessageState::Accepted);
    m_store->setAppointmentStatus(uri(), Appointment::Status::Canceled, u"by phone"_s);
    OperatorActions actions(*m_db, *m_store, *m_clock, nullptr);
    const QStringList before = snapshot();
    const auto r = actions.resend(id, ALICE);
    expectRefused(r, u"This booking was canceled, so this message no longer fits."_s, before);
}

// Decided: a planned reminder is "missed" once the meeting started, but a reminder the operator
// sends again still goes (they asked for it now); its "advance" then says 0 minutes, not "1 hour".
void TestOperatorActions::resendOfReminderAfterTheMeetingStartedStillGoes()
{
    book();
    const qint64 id = only(MessageKind::Reminder, 60).id;
    putInState(id, MessageState::Accepted);
    m_clock->set(START.addSecs(10 * 60));
    auto dispatcher = makeDispatcher();
    OperatorActions actions(*m_db, *m_store, *m_clock, dispatcher.get());
    dispatcher->start();
    runUntilIdle(*dispatcher);
    QCOMPARE(only(MessageKind::Reminder, 1440).skipReason, u"missed: meeting started"_s);

    const auto r = actions.resend(id, ALICE);
    QVERIFY2(r.ok, qPrintable(r.error));
    QTRY_COMPARE(m_store->message(r.messageId)->state, MessageState::Accepted);
    QCOMPARE(m_sandbox->wouldHaveSent().last().messageId, r.messageId);
    QCOMPARE(m_sandbox->wouldHaveSent().last().params.value(u"advance"_s).toString(), u"0 minutes"_s);
}

void TestOperatorActions::resendOfReminderSaysTheTimeLeftInTheMessageLanguage()
{
    RuleSet chinese = rules();
    chinese.defaults.messageLanguage = MessageLanguage::ChineseSimplified;
    BookingProcessor processor(*m_db, *m_store, *m_clock, chinese);
    test::BodyOptions o;
    o.startUtc = START;
    QCOMPARE(processor.receive(test::body(o), u"webhook"_s).outcome, u"applied"_s);
    const qint64 id = only(MessageKind::Reminder, 60).id;
    QCOMPARE(m_store->message(id)->params.value(u"advance"_s).toString(), u"1小时"_s);
    putInState(id, MessageState::Accepted);

    m_clock->set(START.addSecs(-90 * 60));
    OperatorActions actions(*m_db, *m_store, *m_clock, nullptr);
    actions.setRules(&chinese);
    const auto r = actions.resend(id, ALICE);
    QVERIFY2(r.ok, qPrintable(r.error));
    const auto resent = m_store->message(r.messageId);
    QVERIFY(resent);
    QCOMPARE(resent->params.value(u"advance"_s).toString(), u"1小时30分钟"_s);
    QCOMPARE(resent->params.value(u"date"_s).toString(), u"11月10日 星期二"_s);
}

void TestOperatorActions::resendOfInvalidPhoneSkipGoesToTheCorrectedNumber()
{
    book(u"A"_s, u"12"_s);
    const qint64 confirm = only(MessageKind::Confirm).id;
    QCOMPARE(m_store->message(confirm)->skipReason, u"invalid phone"_s);
    m_clock->advanceSecs(13 * 3600); // too late for the correction to bring the confirmation back
    OperatorActions actions(*m_db, *m_store, *m_clock, nullptr);

    const auto refused = actions.resend(confirm, ALICE);
    QVERIFY(!refused.ok);
    QCOMPARE(refused.error,
             u"This booking has no valid phone number. Correct the number first, then send again."_s);

    QVERIFY(actions.correctPhone(uri(), u"089 876 5432"_s, u"TH"_s, ALICE).ok);
    QCOMPARE(m_store->message(confirm)->state, MessageState::Skipped);
    const auto r = actions.resend(confirm, ALICE);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(m_store->message(r.messageId)->recipient, NEW_PHONE);
    QCOMPARE(m_store->message(r.messageId)->generation, 1);
    QCOMPARE(m_store->message(r.messageId)->resendOf, confirm);
}

void TestOperatorActions::cancelFollowsTheMessagesState_data()
{
    QTest::addColumn<MessageState>("state");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("expected"); // the skip reason, or the error when it starts with "!"

    QTest::newRow("queued, with a reason")
        << MessageState::Queued << u"patient called"_s << u"canceled by alice: patient called"_s;
    QTest::newRow("queued, no reason") << MessageState::Queued << QString() << u"canceled by alice"_s;
    QTest::newRow("waiting to retry") << MessageState::RetryWait << QString() << u"canceled by alice"_s;
    QTest::newRow("being sent") << MessageState::Sending << QString()
                                << u"!This message is being sent right now; wait for the result."_s;
    QTest::newRow("sent") << MessageState::Accepted << QString() << u"!This message was already sent."_s;
    QTest::newRow("maybe sent")
        << MessageState::Unknown << QString()
        << u"!This message may already have been sent, so it is not waiting any more. "
           "Check with the person before sending it again."_s;
    QTest::newRow("already canceled")
        << MessageState::Canceled << QString() << u"!This message was already canceled."_s;
    QTest::newRow("skipped") << MessageState::Skipped << QString()
                             << u"!This message was skipped (test) and is not waiting any more."_s;
}

void TestOperatorActions::cancelFollowsTheMessagesState()
{
    QFETCH(MessageState, state);
    QFETCH(QString, reason);
    QFETCH(QString, expected);
    book();
    const qint64 id = only(MessageKind::Reminder, 1440).id;
    putInState(id, state);
    OperatorActions actions(*m_db, *m_store, *m_clock, nullptr);
    const QStringList before = snapshot();

    const auto r = actions.cancel(id, {u"alice"_s, reason});
    if (expected.startsWith(u'!')) {
        expectRefused(r, expected.mid(1), before);
        return;
    }
    QVERIFY2(r.ok, qPrintable(r.error));
    const auto m = m_store->message(id);
    QCOMPARE(m->state, MessageState::Canceled);
    QCOMPARE(m->skipReason, expected);
    QCOMPARE(m_store->messageLog(id).last().state, u"canceled"_s);
    const auto audit = lastAudit();
    QCOMPARE(audit.actor, u"alice"_s);
    QCOMPARE(audit.action, u"cancel"_s);
    QCOMPARE(audit.target, u"message:%1"_s.arg(id));
    QCOMPARE(audit.reason, reason);
    QCOMPARE(json(audit.details).value(u"previous_state"_s).toString(), keyOf(state));
}

// The operator clicks "cancel" in the instant the dispatcher has committed "sending" and the
// request is on its way (the provider has not answered yet).
void TestOperatorActions::cancelIsRefusedOnceTheDispatcherTookTheMessage()
{
    book();
    const qint64 confirm = only(MessageKind::Confirm).id;
    auto dispatcher = makeDispatcher();
    OperatorActions actions(*m_db, *m_store, *m_clock, dispatcher.get());
    QList<OperatorActions::Result> attempts;
    QStringList before;
    QStringList after;
    connect(dispatcher.get(), &Dispatcher::messageChanged, dispatcher.get(),
            [&](qint64 id, MessageState state) {
                if (id == confirm && state == MessageState::Sending) {
                    before = snapshot();
                    attempts.append(actions.cancel(id, ALICE));
                    after = snapshot();
                }
            });
    dispatcher->start();
    runUntilIdle(*dispatcher);
    QCOMPARE(attempts.size(), 1);
    QVERIFY(!attempts.first().ok);
    QCOMPARE(attempts.first().error, u"This message is being sent right now; wait for the result."_s);
    QVERIFY(before.join(u'\n').contains(u"|sending|"_s));
    QCOMPARE(after, before);
    QCOMPARE(m_store->message(confirm)->state, MessageState::Accepted); // the send was recorded
    QVERIFY(m_store->auditEntries().isEmpty());
    const auto late = actions.cancel(confirm, ALICE);
    QVERIFY(!late.ok);
    QCOMPARE(late.error, u"This message was already sent."_s);
}

void TestOperatorActions::sendNowFollowsTheMessagesState_data()
{
    QTest::addColumn<MessageState>("state");
    QTest::addColumn<QString>("error");

    QTest::newRow("queued") << MessageState::Queued << QString();
    QTest::newRow("waiting to retry") << MessageState::RetryWait << QString();
    QTest::newRow("being sent") << MessageState::Sending
                                << u"This message is being sent right now; wait for the result."_s;
    QTest::newRow("sent") << MessageState::Accepted << u"This message was already sent."_s;
    QTest::newRow("failed") << MessageState::Failed
                            << u"This message could not be sent and is not waiting any more. Use \"Send "
                               "again\" if it is still needed."_s;
}

void TestOperatorActions::sendNowFollowsTheMessagesState()
{
    QFETCH(MessageState, state);
    QFETCH(QString, error);
    book();
    const qint64 id = only(MessageKind::Reminder, 1440).id;
    putInState(id, state);
    m_clock->advanceMinutes(5);
    OperatorActions actions(*m_db, *m_store, *m_clock, nullptr);
    const QStringList before = snapshot();

    const auto r = actions.sendNow(id, ALICE);
    if (!error.isEmpty()) {
        expectRefused(r, error, before);
        return;
    }
    QVERIFY2(r.ok, qPrintable(r.error));
    const auto m = m_store->message(id);
    QCOMPARE(m->state, MessageState::Queued);
    QCOMPARE(m->dueUtc, m_clock->nowUtc());
    QVERIFY(!m->nextAttemptUtc.isValid());
    bool due = false;
    for (const auto &d : m_store->dueMessages(m_clock->nowUtc(), 10)) {
        due = due || d.id == id;
    }
    QVERIFY(due);
    QCOMPARE(lastAudit().action, u"send_now"_s);
    QCOMPARE(lastAudit().actor, u"alice"_s);
    QCOMPARE(lastAudit().reason, u"patient called"_s);
    QCOMPARE(lastAudit().target, u"message:%1"_s.arg(id));
}

void TestOperatorActions::sendNowGoesOutAtOnceWithTheRealTimeLeft()
{
    book();
    auto dispatcher = makeDispatcher();
    OperatorActions actions(*m_db, *m_store, *m_clock, dispatcher.get());
    dispatcher->start();
    runUntilIdle(*dispatcher); // the confirmation and the host's notice
    const int sentBefore = int(m_sandbox->wouldHaveSent().size());
    m_clock->set(START.addSecs(-3 * 86400));
    const qint64 id = only(MessageKind::Reminder, 1440).id;

    QVERIFY(actions.sendNow(id, ALICE).ok);
    QTRY_COMPARE(m_store->message(id)->state, MessageState::Accepted);
    QCOMPARE(m_sandbox->wouldHaveSent().size(), sentBefore + 1);
    QCOMPARE(m_sandbox->wouldHaveSent().last().messageId, id);
    QCOMPARE(m_sandbox->wouldHaveSent().last().params.value(u"advance"_s).toString(), u"3 days"_s);
    QCOMPARE(only(MessageKind::Reminder, 60).state, MessageState::Queued); // the other one waits
}

void TestOperatorActions::correctPhoneRequeuesInvalidPhoneSkipsStillOnTime_data()
{
    QTest::addColumn<QDateTime>("correctedAt");
    QTest::addColumn<QStringList>("expected");

    const QString host = u"host_notify/0/0/queued/+66811111111"_s;
    const QString confirmBack = u"confirm/0/0/queued/+66898765432"_s;
    const QString confirmSkipped = u"confirm/0/0/skipped/12/invalid phone"_s;
    const QString r1440Back = u"reminder/1440/0/queued/+66898765432"_s;
    const QString r1440Skipped = u"reminder/1440/0/skipped/12/invalid phone"_s;
    const QString r60Back = u"reminder/60/0/queued/+66898765432"_s;
    const QString r60Skipped = u"reminder/60/0/skipped/12/invalid phone"_s;

    QTest::newRow("an hour after booking: the confirmation and both reminders")
        << BOOKED_AT.addSecs(3600) << QStringList{confirmBack, host, r1440Back, r60Back};
    QTest::newRow("13 hours after booking: the confirmation would be too late")
        << BOOKED_AT.addSecs(13 * 3600) << QStringList{confirmSkipped, host, r1440Back, r60Back};
    QTest::newRow("2 hours before the meeting: only the 1-hour reminder")
        << START.addSecs(-2 * 3600) << QStringList{confirmSkipped, host, r1440Skipped, r60Back};
    QTest::newRow("after the start: nothing comes back")
        << START.addSecs(60) << QStringList{confirmSkipped, host, r1440Skipped, r60Skipped};
}

void TestOperatorActions::correctPhoneRequeuesInvalidPhoneSkipsStillOnTime()
{
    QFETCH(QDateTime, correctedAt);
    QFETCH(QStringList, expected);
    book(u"A"_s, u"12"_s);
    m_clock->set(correctedAt);
    OperatorActions actions(*m_db, *m_store, *m_clock, nullptr);

    const auto r = actions.correctPhone(uri(), u"089 876 5432"_s, u"TH"_s, ALICE);
    QVERIFY2(r.ok, qPrintable(r.error));
    expected.sort();
    QCOMPARE(outbox(), expected);
    int requeued = 0;
    for (const QString &line : std::as_const(expected)) {
        requeued += line.contains(NEW_PHONE) ? 1 : 0;
    }
    QCOMPARE(r.affected, requeued);

    const auto appointment = m_store->appointment(uri());
    QCOMPARE(appointment->phoneE164, NEW_PHONE);
    QCOMPARE(appointment->phoneRaw, u"089 876 5432"_s);
    QCOMPARE(appointment->phoneSource, u"operator"_s);
    const auto audit = lastAudit();
    QCOMPARE(audit.action, u"correct_phone"_s);
    QCOMPARE(audit.actor, u"alice"_s);
    QCOMPARE(audit.reason, u"patient called"_s);
    QCOMPARE(audit.target, u"appointment:"_s + uri());
    QCOMPARE(json(audit.details).value(u"phone"_s).toString(), NEW_PHONE);
    QCOMPARE(json(audit.details).value(u"requeued"_s).toInt(), requeued);
}

void TestOperatorActions::correctPhoneMovesPendingInviteeMessagesNotTheHosts()
{
    book();
    const qint64 sent = only(MessageKind::Confirm).id;
    putInState(sent, MessageState::Accepted);
    m_clock->advanceMinutes(30);
    OperatorActions actions(*m_db, *m_store, *m_clock, nullptr);

    const auto r = actions.correctPhone(uri(), u"+66 89 876 5432"_s, u"TH"_s, ALICE);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.affected, 2);
    QCOMPARE(outbox(),
             (QStringList{u"confirm/0/0/accepted/+66812345678"_s, u"host_notify/0/0/queued/+66811111111"_s,
                          u"reminder/1440/0/queued/+66898765432"_s, u"reminder/60/0/queued/+66898765432"_s}));
    QCOMPARE(m_store->messageLog(only(MessageKind::Reminder, 60).id).last().detail,
             u"phone corrected by alice"_s);
}

void TestOperatorActions::correctPhoneCancelsAMessageTheNewNumberAlreadyHas()
{
    book();
    // A reminder to the new number exists already (canceled earlier), holding the unique key.
    OutboxMessage existing = only(MessageKind::Reminder, 60);
    existing.recipient = NEW_PHONE;
    existing.state = MessageState::Canceled;
    existing.skipReason = u"earlier"_s;
    QVERIFY(m_store->insertMessage(existing) > 0);
    OperatorActions actions(*m_db, *m_store, *m_clock, nullptr);

    const auto r = actions.correctPhone(uri(), u"089 876 5432"_s, u"TH"_s, ALICE);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.affected, 3);
    QCOMPARE(outbox(), (QStringList{
                           u"confirm/0/0/queued/+66898765432"_s,
                           u"host_notify/0/0/queued/+66811111111"_s,
                           u"reminder/1440/0/queued/+66898765432"_s,
                           u"reminder/60/0/canceled/+66812345678/replaced: the same message to the corrected "
                           "number already exists"_s,
                           u"reminder/60/0/canceled/+66898765432/earlier"_s,
                       }));
}

void TestOperatorActions::correctPhoneRefuses_data()
{
    QTest::addColumn<QString>("invitee");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("error");

    QTest::newRow("too short for Thailand")
        << uri() << u"081 234"_s
        << u"That number is not valid for Thailand: %1."_s.arg(phone::normalize(u"081 234"_s, u"TH"_s).error);
    QTest::newRow("letters") << uri() << u"call me"_s
                             << u"That number is not valid for Thailand: %1."_s.arg(
                                    phone::normalize(u"call me"_s, u"TH"_s).error);
    QTest::newRow("unknown booking") << uri(u"NOPE"_s) << u"089 876 5432"_s
                                     << u"That booking is not in Deskbell any more."_s;
}

void TestOperatorActions::correctPhoneRefuses()
{
    QFETCH(QString, invitee);
    QFETCH(QString, typed);
    QFETCH(QString, error);
    QVERIFY(!error.contains(u"Thailand: ."_s)); // the reason is there
    book();
    OperatorActions actions(*m_db, *m_store, *m_clock, nullptr);
    const QStringList before = snapshot();
    const auto r = actions.correctPhone(invitee, typed, u"TH"_s, ALICE);
    expectRefused(r, error, before);
}

void TestOperatorActions::optOutSkipsPendingAndOptInChangesNoMessage()
{
    book();
    putInState(only(MessageKind::Confirm).id, MessageState::Accepted);
    OperatorActions actions(*m_db, *m_store, *m_clock, nullptr);

    const auto out = actions.setOptOut(PHONE, true, {u"alice"_s, u"replied STOP by phone"_s});
    QVERIFY2(out.ok, qPrintable(out.error));
    QCOMPARE(out.affected, 2);
    QVERIFY(m_store->isOptedOut(PHONE));
    QCOMPARE(outbox(),
             (QStringList{u"confirm/0/0/accepted/+66812345678"_s, u"host_notify/0/0/queued/+66811111111"_s,
                          u"reminder/1440/0/skipped/+66812345678/opted out"_s,
                          u"reminder/60/0/skipped/+66812345678/opted out"_s}));
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(u"SELECT source, reason FROM opt_outs"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"operator"_s);
    QCOMPARE(q.value(1).toString(), u"replied STOP by phone"_s);
    auto audit = lastAudit();
    QCOMPARE(audit.action, u"opt_out"_s);
    QCOMPARE(audit.actor, u"alice"_s);
    QCOMPARE(audit.target, u"phone:"_s + phone::mask(PHONE));
    QVERIFY(!audit.target.contains(PHONE));
    QCOMPARE(json(audit.details).value(u"skipped"_s).toInt(), 2);

    const QStringList messages = outbox();
    const auto in = actions.setOptOut(PHONE, false, ALICE);
    QVERIFY2(in.ok, qPrintable(in.error));
    QCOMPARE(in.affected, 0);
    QVERIFY(!m_store->isOptedOut(PHONE));
    QCOMPARE(outbox(), messages); // what was skipped stays skipped
    audit = lastAudit();
    QCOMPARE(audit.action, u"opt_in"_s);
    QCOMPARE(audit.reason, u"patient called"_s);
    QCOMPARE(json(audit.details).value(u"was_opted_out"_s).toBool(), true);
}

void TestOperatorActions::optOutRefusesAnInvalidNumber()
{
    book();
    OperatorActions actions(*m_db, *m_store, *m_clock, nullptr);
    const QStringList before = snapshot();
    const auto r = actions.setOptOut(u"0812"_s, true, ALICE);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.startsWith(u"That is not a valid international number (like +66812345678): "_s),
             qPrintable(r.error));
    QCOMPARE(snapshot(), before);
}

void TestOperatorActions::pauseWithoutDispatcherHoldsTheNextOne()
{
    book();
    OperatorActions actions(*m_db, *m_store, *m_clock, nullptr);
    const auto r = actions.pauseSending({u"alice"_s, u"lunch"_s});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(lastAudit().action, u"pause"_s);
    QCOMPARE(lastAudit().actor, u"alice"_s);
    QCOMPARE(lastAudit().reason, u"lunch"_s);

    openStore(); // a restart: the pause is in the database
    auto dispatcher = makeDispatcher();
    dispatcher->start();
    QVERIFY(dispatcher->isPaused());
    QCOMPARE(dispatcher->pauseReason(), u"Paused by alice: lunch"_s);
    QCoreApplication::processEvents();
    QVERIFY(m_sandbox->wouldHaveSent().isEmpty());

    OperatorActions after(*m_db, *m_store, *m_clock, nullptr);
    after.setDispatcher(dispatcher.get());
    QSignalSpy idle(dispatcher.get(), &Dispatcher::idle);
    QVERIFY(after.resumeSending({u"bob"_s, QString()}).ok);
    QVERIFY(!dispatcher->isPaused());
    QVERIFY(idle.wait(5000));
    QCOMPARE(m_sandbox->wouldHaveSent().size(), 2); // the confirmation and the host's notice
    QCOMPARE(lastAudit().action, u"resume"_s);
    QCOMPARE(lastAudit().actor, u"bob"_s);
    QCOMPARE(m_store->engineState(u"sending_paused"_s), u"0"_s);
}

void TestOperatorActions::pauseAndResumeDriveTheRunningDispatcher()
{
    auto dispatcher = makeDispatcher();
    OperatorActions actions(*m_db, *m_store, *m_clock, dispatcher.get());
    dispatcher->start();
    runUntilIdle(*dispatcher);
    QSignalSpy paused(dispatcher.get(), &Dispatcher::pausedChanged);
    QVERIFY(actions.pauseSending({u"alice"_s, QString()}).ok);
    QVERIFY(dispatcher->isPaused());
    QCOMPARE(dispatcher->pauseReason(), u"Paused by alice"_s);
    QCOMPARE(paused.size(), 1);
    QCOMPARE(m_store->engineState(u"sending_paused"_s), u"1"_s);

    book(); // arrives while paused: held
    dispatcher->wake();
    QCoreApplication::processEvents();
    QVERIFY(m_sandbox->wouldHaveSent().isEmpty());

    QVERIFY(actions.resumeSending(ALICE).ok);
    QVERIFY(!dispatcher->isPaused());
    QTRY_COMPARE(m_sandbox->wouldHaveSent().size(), 2);
    const auto entries = m_store->auditEntries();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).action, u"pause"_s);
    QCOMPARE(entries.at(1).action, u"resume"_s);
    QCOMPARE(entries.at(1).reason, u"patient called"_s);
}

void TestOperatorActions::adHocMessageIsQueuedNowAndSent()
{
    book();
    auto dispatcher = makeDispatcher();
    OperatorActions actions(*m_db, *m_store, *m_clock, dispatcher.get());
    dispatcher->start();
    runUntilIdle(*dispatcher);
    const int sentBefore = int(m_sandbox->wouldHaveSent().size());
    m_clock->advanceMinutes(90);
    const QJsonObject params{{u"text"_s, u"Your results are ready"_s}};

    const auto first = actions.sendAdHoc(uri(), u"T-custom"_s, params, ALICE);
    QVERIFY2(first.ok, qPrintable(first.error));
    const auto second = actions.sendAdHoc(uri(), u"T-custom"_s, params, ALICE);
    QVERIFY2(second.ok, qPrintable(second.error));
    const auto m = m_store->message(first.messageId);
    QCOMPARE(m->kind, MessageKind::AdHoc);
    QCOMPARE(m->offsetMin, 0);
    QCOMPARE(m->generation, 1);
    QCOMPARE(m->resendOf, 0);
    QCOMPARE(m->recipient, PHONE);
    QCOMPARE(m->dueUtc, m_clock->nowUtc());
    QCOMPARE(m->templateId, u"T-custom"_s);
    QCOMPARE(m->params, params);
    QCOMPARE(m_store->message(second.messageId)->generation, 2);
    const auto audit = lastAudit();
    QCOMPARE(audit.action, u"adhoc"_s);
    QCOMPARE(audit.target, u"appointment:"_s + uri());
    QCOMPARE(audit.actor, u"alice"_s);
    QCOMPARE(json(audit.details).value(u"message"_s).toInteger(), second.messageId);

    QTRY_COMPARE(m_store->message(second.messageId)->state, MessageState::Accepted);
    QTRY_COMPARE(m_store->message(first.messageId)->state, MessageState::Accepted);
    QCOMPARE(m_sandbox->wouldHaveSent().size(), sentBefore + 2);
    QCOMPARE(m_sandbox->wouldHaveSent().last().templateId, u"T-custom"_s);
    QCOMPARE(m_sandbox->wouldHaveSent().last().params.value(u"text"_s).toString(),
             u"Your results are ready"_s);
}

void TestOperatorActions::adHocIsRefused_data()
{
    QTest::addColumn<QString>("invitee");
    QTest::addColumn<QString>("templateId");
    QTest::addColumn<QString>("error");

    QTest::newRow("no template") << uri() << u"  "_s << u"Choose a message template first."_s;
    QTest::newRow("invalid phone") << uri(u"BAD"_s) << u"T-custom"_s
                                   << u"This booking has no valid phone number. Correct the number first."_s;
    QTest::newRow("opted out") << uri(u"OUT"_s) << u"T-custom"_s
                               << u"This number has opted out of texts. Opt it back in first if the person "
                                  "agreed to get them again."_s;
    QTest::newRow("unknown booking") << uri(u"NOPE"_s) << u"T-custom"_s
                                     << u"That booking is not in Deskbell any more."_s;
}

void TestOperatorActions::adHocIsRefused()
{
    QFETCH(QString, invitee);
    QFETCH(QString, templateId);
    QFETCH(QString, error);
    book();
    book(u"BAD"_s, u"12"_s);
    book(u"OUT"_s, u"+66 89 876 5432"_s);
    m_store->addOptOut(NEW_PHONE, u"sms"_s, u"STOP"_s);
    OperatorActions actions(*m_db, *m_store, *m_clock, nullptr);
    const QStringList before = snapshot();
    const auto r = actions.sendAdHoc(invitee, templateId, {}, ALICE);
    expectRefused(r, error, before);
}

void TestOperatorActions::osUserNameComesFromTheEnvironment()
{
    const QByteArray user = qgetenv("USER");
    const QByteArray userName = qgetenv("USERNAME");
    qputenv("USER", "reception1");
    QCOMPARE(OperatorActions::osUserName(), u"reception1"_s);
    qunsetenv("USER");
    qputenv("USERNAME", "frontdesk");
    QCOMPARE(OperatorActions::osUserName(), u"frontdesk"_s);
    qunsetenv("USERNAME");
    QVERIFY(!OperatorActions::osUserName().isEmpty()); // the home folder's name, or "operator"
    // An actor without a name is recorded as the OS user.
    qputenv("USER", "reception1");
    book();
    OperatorActions actions(*m_db, *m_store, *m_clock, nullptr);
    QVERIFY(actions.cancel(only(MessageKind::Reminder, 60).id, {}).ok);
    QCOMPARE(lastAudit().actor, u"reception1"_s);
    QCOMPARE(only(MessageKind::Reminder, 60).skipReason, u"canceled by reception1"_s);
    user.isNull() ? qunsetenv("USER") : qputenv("USER", user);
    userName.isNull() ? qunsetenv("USERNAME") : qputenv("USERNAME", userName);
}

QTEST_GUILESS_MAIN(TestOperatorActions)
#include "tst_operatoractions.moc"
