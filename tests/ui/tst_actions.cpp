// Every operator action driven like a receptionist would: select the row, use the shortcut or the
// button, answer the dialog with a reason. Then the database says it happened (or, when the engine
// refused, that nothing changed), and the audit log names the OS user and the reason.

#include "ActionDialogs.h"
#include "MainWindow.h"
#include "MeetingDetail.h"
#include "UiTestSupport.h"
#include "UpcomingModel.h"
#include "engine/OperatorActions.h"
#include "storage/Store.h"
#include "support/CalendlyBodies.h"
#include "support/ConsoleFixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;
using deskbell::test::atBangkok;

namespace {

constexpr int WAIT_MS = 10000;

} // namespace

class TestActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void resendOfMaybeSentSaysItMayArriveTwice();
    void resendOfASentMessageQueuesANewOne();
    void deleteCancelsAWaitingMessage();
    void sendNowMakesAWaitingMessageDue();
    void correctPhoneShowsTheEnginesRefusalThenSaves();
    void optOutSkipsWaitingMessagesAndOptInAllowsAgain();
    void pauseAndResumeAreAudited();
    void adHocMessageGoesWithItsTemplateAndValues();
    void refusedActionChangesNothingAndSaysWhy();
    void cancelingTheDialogDoesNothing();
    void actionsFollowTheSelection();

private:
    std::unique_ptr<MainWindow> makeWindow();
    OutboxMessage messageOf(const QString &id, MessageKind kind, int offsetMin = -1);
    void select(MainWindow &window, qint64 messageId);
    void selectMeeting(MainWindow &window, const QString &id);
    ActionDialog *openDialog(MainWindow &window);
    // Types the reason and presses the dialog's button; waits for the engine's answer.
    bool confirm(MainWindow &window, ActionDialog *dialog, const QString &reason, QList<QVariant> *finished);
    Store::AuditEntry lastAudit();
    int auditCount();

    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<test::ConsoleFixture> m_fixture;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestActions::initTestCase()
{
    QCoreApplication::setApplicationName(u"deskbell-tst-actions"_s);
    MainWindow::setWelcomeSuppressed(true);
    // The audit log's actor is the OS user name: make it one the test knows.
    qputenv("USER", "frontdesk");
    qputenv("USERNAME", "frontdesk");
}

void TestActions::init()
{
    m_settingsDir = test::isolateUserSettings();
    QVERIFY(m_settingsDir->isValid());
    m_fixture = std::make_unique<test::ConsoleFixture>(); // its clock starts at test::DESK_NOW
    QString error;
    QVERIFY2(m_fixture->start(&error), qPrintable(error));
}

void TestActions::cleanup()
{
    m_tester.reset();
    m_fixture.reset();
    m_settingsDir.reset();
}

std::unique_ptr<MainWindow> TestActions::makeWindow()
{
    auto window = std::make_unique<MainWindow>(m_fixture->host(), m_fixture->reader(), m_fixture->clock(),
                                               m_fixture->deskZone(), QString());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        window->upcomingModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get())) {
        return nullptr;
    }
    return window;
}

OutboxMessage TestActions::messageOf(const QString &id, MessageKind kind, int offsetMin)
{
    // The newest of that kind: a resend's row, once there is one.
    OutboxMessage newest;
    for (const auto &m : m_fixture->store().messagesForInvitee(test::inviteeUri(id))) {
        if (m.kind == kind && (offsetMin < 0 || m.offsetMin == offsetMin) && m.id > newest.id) {
            newest = m;
        }
    }
    return newest;
}

void TestActions::select(MainWindow &window, qint64 messageId)
{
    auto *model = window.upcomingModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->indexOfMessage(messageId).isValid(), WAIT_MS);
    window.upcomingView()->setFocus();
    window.upcomingView()->setCurrentIndex(model->indexOfMessage(messageId));
    QCOMPARE(window.meetingDetail()->selectedMessageId(), messageId);
}

void TestActions::selectMeeting(MainWindow &window, const QString &id)
{
    auto *model = window.upcomingModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->indexOfInvitee(test::inviteeUri(id)).isValid(), WAIT_MS);
    window.upcomingView()->setFocus();
    window.upcomingView()->setCurrentIndex(model->indexOfInvitee(test::inviteeUri(id)));
    QCOMPARE(window.meetingDetail()->item()->appointment.inviteeUri, test::inviteeUri(id));
}

ActionDialog *TestActions::openDialog(MainWindow &window)
{
    ActionDialog *found = nullptr;
    const bool opened = QTest::qWaitFor(
        [&] {
            for (auto *dialog : window.findChildren<ActionDialog *>()) {
                if (dialog->isVisible()) {
                    found = dialog;
                    return true;
                }
            }
            return false;
        },
        WAIT_MS);
    return opened ? found : nullptr;
}

bool TestActions::confirm(MainWindow &window, ActionDialog *dialog, const QString &reason,
                          QList<QVariant> *finished)
{
    QSignalSpy spy(&window, &MainWindow::actionFinished);
    if (!reason.isEmpty()) {
        QTest::keyClicks(dialog->reasonEdit(), reason);
    }
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    if (!spy.wait(WAIT_MS)) {
        return false;
    }
    *finished = spy.first();
    return true;
}

Store::AuditEntry TestActions::lastAudit()
{
    const auto entries = m_fixture->store().auditEntries();
    return entries.isEmpty() ? Store::AuditEntry{} : entries.last();
}

int TestActions::auditCount()
{
    return int(m_fixture->store().auditEntries().size());
}

void TestActions::resendOfMaybeSentSaysItMayArriveTwice()
{
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(18));
    const OutboxMessage reminder = messageOf(u"A"_s, MessageKind::Reminder, 120);
    QCOMPARE(reminder.state, MessageState::Queued);
    Store &store = m_fixture->store();
    QVERIFY(store.markSending(reminder.id));
    Store::SendOutcome outcome;
    outcome.state = MessageState::Unknown;
    outcome.reason = u"no answer from EngageLab"_s;
    store.finishSending(reminder.id, outcome);

    auto window = makeWindow();
    QVERIFY(window);
    select(*window, reminder.id);
    QVERIFY(window->resendAction()->isEnabled());
    QTest::keyClick(window->upcomingView(), Qt::Key_R, Qt::ControlModifier);
    // The dialog deletes itself once accepted: a guarded pointer, never a dangling one.
    QPointer<ActionDialog> dialog = openDialog(*window);
    QVERIFY(dialog);
    const QString warning = dialog->findChild<QLabel *>(u"warning"_s)->text();
    QVERIFY2(warning.contains(u"Anna Wong may get it twice"_s), qPrintable(warning));
    QVERIFY(dialog->findChild<QLabel *>(u"explanation"_s)->text().contains(u"may already have arrived"_s));

    QList<QVariant> finished;
    QVERIFY(confirm(*window, dialog, u"she called, nothing came"_s, &finished));
    QCOMPARE(finished.at(0).toString(), u"resend"_s);
    QVERIFY2(finished.at(1).toBool(), qPrintable(finished.at(2).toString()));

    const OutboxMessage again = messageOf(u"A"_s, MessageKind::Reminder, 120);
    QCOMPARE(again.resendOf, reminder.id);
    QCOMPARE(again.generation, reminder.generation + 1);
    QCOMPARE(store.message(reminder.id)->state, MessageState::Unknown); // the original stays as it was
    const auto audit = lastAudit();
    QCOMPARE(audit.action, u"resend"_s);
    QCOMPARE(audit.actor, u"frontdesk"_s);
    QCOMPARE(audit.actor, OperatorActions::osUserName());
    QCOMPARE(audit.reason, u"she called, nothing came"_s);
    // The window shows the new message without a click, and says what happened.
    QTRY_VERIFY_WITH_TIMEOUT(window->upcomingModel()->indexOfMessage(again.id).isValid(), WAIT_MS);
    QVERIFY(window->actionMessage()->text().startsWith(u"Sent again"_s));
}

void TestActions::resendOfASentMessageQueuesANewOne()
{
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(18));
    QTRY_COMPARE_WITH_TIMEOUT(messageOf(u"A"_s, MessageKind::Confirm).state, MessageState::Accepted, WAIT_MS);
    const OutboxMessage confirmation = messageOf(u"A"_s, MessageKind::Confirm);
    auto window = makeWindow();
    QVERIFY(window);
    select(*window, confirmation.id);
    QTRY_VERIFY_WITH_TIMEOUT(window->resendAction()->isEnabled(), WAIT_MS);
    window->resendAction()->trigger();
    // The dialog deletes itself once accepted: a guarded pointer, never a dangling one.
    QPointer<ActionDialog> dialog = openDialog(*window);
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QLabel *>(u"warning"_s)->text().contains(u"twice"_s));
    QList<QVariant> finished;
    QVERIFY(confirm(*window, dialog, {}, &finished));
    QVERIFY2(finished.at(1).toBool(), qPrintable(finished.at(2).toString()));
    QCOMPARE(messageOf(u"A"_s, MessageKind::Confirm).resendOf, confirmation.id);
    QCOMPARE(lastAudit().action, u"resend"_s);
    QCOMPARE(lastAudit().reason, QString()); // the reason is optional
}

void TestActions::deleteCancelsAWaitingMessage()
{
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(18));
    const OutboxMessage reminder = messageOf(u"A"_s, MessageKind::Reminder, 120);
    QCOMPARE(reminder.state, MessageState::Queued);
    auto window = makeWindow();
    QVERIFY(window);
    select(*window, reminder.id);
    QVERIFY(window->cancelMessageAction()->isEnabled());
    QVERIFY(!window->resendAction()->isEnabled());
    QTest::keyClick(window->upcomingView(), Qt::Key_Delete);
    // The dialog deletes itself once accepted: a guarded pointer, never a dangling one.
    QPointer<ActionDialog> dialog = openDialog(*window);
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QLabel *>(u"explanation"_s)->text().contains(u"16:00"_s)); // due, desk time
    QList<QVariant> finished;
    QVERIFY(confirm(*window, dialog, u"meeting moved by phone"_s, &finished));
    QVERIFY2(finished.at(1).toBool(), qPrintable(finished.at(2).toString()));
    const auto after = m_fixture->store().message(reminder.id);
    QCOMPARE(after->state, MessageState::Canceled);
    QVERIFY2(after->skipReason.contains(u"frontdesk"_s), qPrintable(after->skipReason));
    QCOMPARE(lastAudit().action, u"cancel"_s);
    QCOMPARE(lastAudit().actor, u"frontdesk"_s);
    QCOMPARE(lastAudit().reason, u"meeting moved by phone"_s);
    // The row says so, and the dialog is gone.
    QTRY_COMPARE_WITH_TIMEOUT(
        window->upcomingModel()->indexOfMessage(reminder.id, UpcomingModel::Status).data().toString(),
        u"Canceled"_s, WAIT_MS);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
}

void TestActions::sendNowMakesAWaitingMessageDue()
{
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(18));
    const OutboxMessage reminder = messageOf(u"A"_s, MessageKind::Reminder, 120);
    auto window = makeWindow();
    QVERIFY(window);
    select(*window, reminder.id);
    QTest::keyClick(window->upcomingView(), Qt::Key_Return, Qt::ControlModifier);
    // The dialog deletes itself once accepted: a guarded pointer, never a dangling one.
    QPointer<ActionDialog> dialog = openDialog(*window);
    QVERIFY(dialog);
    QList<QVariant> finished;
    QVERIFY(confirm(*window, dialog, u"she leaves early"_s, &finished));
    QVERIFY2(finished.at(1).toBool(), qPrintable(finished.at(2).toString()));
    const auto after = m_fixture->store().message(reminder.id);
    QVERIFY(after->state != MessageState::Queued || after->dueUtc <= test::DESK_NOW);
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture->store().message(reminder.id)->state, MessageState::Accepted,
                              WAIT_MS);
    QCOMPARE(lastAudit().action, u"send_now"_s);
    QCOMPARE(lastAudit().reason, u"she leaves early"_s);
}

void TestActions::correctPhoneShowsTheEnginesRefusalThenSaves()
{
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(18), u"Asia/Bangkok"_s, u"12"_s);
    QCOMPARE(messageOf(u"A"_s, MessageKind::Reminder, 120).state, MessageState::Skipped);
    auto window = makeWindow();
    QVERIFY(window);
    selectMeeting(*window, u"A"_s);
    QVERIFY(window->correctPhoneAction()->isEnabled());
    QVERIFY(!window->adHocAction()->isEnabled()); // nothing can be texted to "12"
    window->correctPhoneAction()->trigger();
    auto *dialog = qobject_cast<CorrectPhoneDialog *>(openDialog(*window));
    QVERIFY(dialog);
    const int audits = auditCount();

    // The engine checks the number and says what is wrong; the dialog stays open for a fix.
    dialog->phoneEdit()->clear();
    QTest::keyClicks(dialog->phoneEdit(), u"0812"_s);
    QList<QVariant> finished;
    QVERIFY(confirm(*window, dialog, u"typo at booking"_s, &finished));
    QVERIFY(!finished.at(1).toBool());
    QVERIFY(!finished.at(2).toString().isEmpty());
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->errorText(), finished.at(2).toString());
    QCOMPARE(auditCount(), audits);
    QVERIFY(m_fixture->store().appointment(test::inviteeUri(u"A"_s))->phoneE164.isEmpty());

    dialog->phoneEdit()->clear();
    QTest::keyClicks(dialog->phoneEdit(), u"081 234 5678"_s);
    QSignalSpy spy(window.get(), &MainWindow::actionFinished);
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QVERIFY(spy.wait(WAIT_MS));
    QVERIFY2(spy.first().at(1).toBool(), qPrintable(spy.first().at(2).toString()));
    QCOMPARE(m_fixture->store().appointment(test::inviteeUri(u"A"_s))->phoneE164, u"+66812345678"_s);
    // The reminder skipped for the bad number is planned again, for the new one.
    const OutboxMessage reminder = messageOf(u"A"_s, MessageKind::Reminder, 120);
    QVERIFY(isPending(reminder.state));
    QCOMPARE(reminder.recipient, u"+66812345678"_s);
    QCOMPARE(lastAudit().action, u"correct_phone"_s);
    QCOMPARE(lastAudit().actor, u"frontdesk"_s);
    QCOMPARE(lastAudit().reason, u"typo at booking"_s);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(window->meetingDetail()->phoneText().contains(u"corrected at the desk"_s),
                             WAIT_MS);
}

void TestActions::optOutSkipsWaitingMessagesAndOptInAllowsAgain()
{
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(18));
    const OutboxMessage reminder = messageOf(u"A"_s, MessageKind::Reminder, 120);
    auto window = makeWindow();
    QVERIFY(window);
    selectMeeting(*window, u"A"_s);
    window->optOutAction()->trigger();
    // The dialog deletes itself once accepted: a guarded pointer, never a dangling one.
    QPointer<ActionDialog> dialog = openDialog(*window);
    QVERIFY(dialog);
    QVERIFY(!dialog->findChild<QLabel *>(u"explanation"_s)->text().contains(u"812345678"_s)); // masked
    QList<QVariant> finished;
    QVERIFY(confirm(*window, dialog, u"asked by phone"_s, &finished));
    QVERIFY2(finished.at(1).toBool(), qPrintable(finished.at(2).toString()));
    QVERIFY(m_fixture->store().isOptedOut(u"+66812345678"_s));
    QCOMPARE(m_fixture->store().message(reminder.id)->state, MessageState::Skipped);
    QCOMPARE(m_fixture->store().message(reminder.id)->skipReason, u"opted out"_s);
    QCOMPARE(lastAudit().action, u"opt_out"_s);
    QCOMPARE(lastAudit().reason, u"asked by phone"_s);

    QTRY_VERIFY(!dialog || !dialog->isVisible());
    window->optInAction()->trigger();
    dialog = openDialog(*window);
    QVERIFY(dialog);
    QVERIFY(confirm(*window, dialog, u"changed her mind"_s, &finished));
    QVERIFY2(finished.at(1).toBool(), qPrintable(finished.at(2).toString()));
    QVERIFY(!m_fixture->store().isOptedOut(u"+66812345678"_s));
    QCOMPARE(m_fixture->store().message(reminder.id)->state, MessageState::Skipped); // stays skipped
    QCOMPARE(lastAudit().action, u"opt_in"_s);
    QCOMPARE(lastAudit().actor, u"frontdesk"_s);
    QCOMPARE(lastAudit().reason, u"changed her mind"_s);
}

void TestActions::pauseAndResumeAreAudited()
{
    auto window = makeWindow();
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->isSendingPaused() == false && window->pauseAction()->isEnabled(),
                             WAIT_MS);
    QSignalSpy spy(window.get(), &MainWindow::actionFinished);
    QTest::keyClick(window.get(), Qt::Key_P, Qt::ControlModifier);
    QVERIFY(spy.wait(WAIT_MS));
    QVERIFY(spy.first().at(1).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(window->isSendingPaused(), WAIT_MS);
    QCOMPARE(lastAudit().action, u"pause"_s);
    QCOMPARE(lastAudit().actor, u"frontdesk"_s);

    // While paused a new booking's confirmation waits.
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(18));
    QCOMPARE(messageOf(u"A"_s, MessageKind::Confirm).state, MessageState::Queued);

    window->pauseAction()->trigger();
    // The dialog deletes itself once accepted: a guarded pointer, never a dangling one.
    QPointer<ActionDialog> dialog = openDialog(*window);
    QVERIFY(dialog);
    QList<QVariant> finished;
    QVERIFY(confirm(*window, dialog, u"EngageLab fixed"_s, &finished));
    QCOMPARE(finished.at(0).toString(), u"resume"_s);
    QVERIFY(finished.at(1).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(!window->isSendingPaused(), WAIT_MS);
    QCOMPARE(lastAudit().action, u"resume"_s);
    QCOMPARE(lastAudit().reason, u"EngageLab fixed"_s);
    QTRY_COMPARE_WITH_TIMEOUT(messageOf(u"A"_s, MessageKind::Confirm).state, MessageState::Accepted, WAIT_MS);
}

void TestActions::adHocMessageGoesWithItsTemplateAndValues()
{
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(18));
    auto window = makeWindow();
    QVERIFY(window);
    selectMeeting(*window, u"A"_s);
    QVERIFY(window->adHocAction()->isEnabled());
    QTest::keyClick(window->upcomingView(), Qt::Key_M, Qt::ControlModifier);
    auto *dialog = qobject_cast<AdHocMessageDialog *>(openDialog(*window));
    QVERIFY(dialog);
    // An empty template is refused before anything is sent.
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QVERIFY(!dialog->errorText().isEmpty());
    QVERIFY(dialog->isVisible());

    QTest::keyClicks(dialog->templateBox()->lineEdit(), u"tpl-running-late"_s);
    dialog->setParam(u"minutes"_s, u"15"_s);
    QList<QVariant> finished;
    QVERIFY(confirm(*window, dialog, u"doctor running late"_s, &finished));
    QVERIFY2(finished.at(1).toBool(), qPrintable(finished.at(2).toString()));
    const OutboxMessage adhoc = messageOf(u"A"_s, MessageKind::AdHoc);
    QVERIFY(adhoc.id > 0);
    QCOMPARE(adhoc.templateId, u"tpl-running-late"_s);
    QCOMPARE(adhoc.params.value(u"minutes"_s).toString(), u"15"_s);
    QCOMPARE(adhoc.recipient, u"+66812345678"_s);
    QCOMPARE(lastAudit().action, u"adhoc"_s);
    QCOMPARE(lastAudit().actor, u"frontdesk"_s);
    QCOMPARE(lastAudit().reason, u"doctor running late"_s);
    QTRY_VERIFY_WITH_TIMEOUT(window->upcomingModel()->indexOfMessage(adhoc.id).isValid(), WAIT_MS);
}

void TestActions::refusedActionChangesNothingAndSaysWhy()
{
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(18));
    const OutboxMessage reminder = messageOf(u"A"_s, MessageKind::Reminder, 120);
    auto window = makeWindow();
    QVERIFY(window);
    select(*window, reminder.id);
    window->cancelMessageAction()->trigger();
    // The dialog deletes itself once accepted: a guarded pointer, never a dangling one.
    QPointer<ActionDialog> dialog = openDialog(*window);
    QVERIFY(dialog);
    // Someone else (or the dispatcher) got there first.
    const auto first = m_fixture->onEngine<OperatorActions::Result>([id = reminder.id](Engine &e) {
        return e.act([&](OperatorActions &a) { return a.cancel(id, {u"colleague"_s, {}}); });
    });
    QVERIFY(first.ok);
    const int audits = auditCount();
    QList<QVariant> finished;
    QVERIFY(confirm(*window, dialog, u"late"_s, &finished));
    QVERIFY(!finished.at(1).toBool());
    QVERIFY(dialog->isVisible());
    QVERIFY2(!dialog->errorText().isEmpty(), "the refusal is shown in the dialog");
    QCOMPARE(auditCount(), audits);
    QCOMPARE(lastAudit().actor, u"colleague"_s);
    dialog->reject();
}

void TestActions::cancelingTheDialogDoesNothing()
{
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(18));
    const OutboxMessage reminder = messageOf(u"A"_s, MessageKind::Reminder, 120);
    auto window = makeWindow();
    QVERIFY(window);
    select(*window, reminder.id);
    const int audits = auditCount();
    window->cancelMessageAction()->trigger();
    // The dialog deletes itself once accepted: a guarded pointer, never a dangling one.
    QPointer<ActionDialog> dialog = openDialog(*window);
    QVERIFY(dialog);
    QSignalSpy spy(window.get(), &MainWindow::actionFinished);
    QTest::keyClicks(dialog->reasonEdit(), u"oops"_s);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QCOMPARE(spy.size(), 0);
    QCOMPARE(m_fixture->store().message(reminder.id)->state, MessageState::Queued);
    QCOMPARE(auditCount(), audits);
}

void TestActions::actionsFollowTheSelection()
{
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(18));
    const OutboxMessage reminder = messageOf(u"A"_s, MessageKind::Reminder, 120);
    const OutboxMessage tooLate = messageOf(u"A"_s, MessageKind::Reminder, 1440);
    QCOMPARE(tooLate.state, MessageState::Skipped);
    auto window = makeWindow();
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->upcomingModel()->rowCount() == 1, WAIT_MS);
    for (QAction *action : {window->resendAction(), window->cancelMessageAction(), window->sendNowAction(),
                            window->correctPhoneAction(), window->adHocAction(), window->optOutAction()}) {
        QVERIFY2(!action->isEnabled(), qPrintable(action->objectName())); // nothing selected
    }
    select(*window, reminder.id);
    QVERIFY(!window->resendAction()->isEnabled());
    QVERIFY(window->cancelMessageAction()->isEnabled());
    QVERIFY(window->sendNowAction()->isEnabled());
    select(*window, tooLate.id);
    QVERIFY(window->resendAction()->isEnabled());
    QVERIFY(!window->cancelMessageAction()->isEnabled());
    QVERIFY(!window->sendNowAction()->isEnabled());
    QVERIFY(window->correctPhoneAction()->isEnabled());
    QVERIFY(window->optOutAction()->isEnabled());
    // The detail's buttons are the same actions.
    bool detailHasResend = false;
    for (auto *button : window->meetingDetail()->findChildren<QToolButton *>()) {
        detailHasResend |= button->defaultAction() == window->resendAction();
    }
    QVERIFY(detailHasResend);
    // Keyboard: down from the meeting row reaches its messages.
    window->upcomingView()->setCurrentIndex(window->upcomingModel()->index(0, 0));
    QTest::keyClick(window->upcomingView(), Qt::Key_Down);
    QVERIFY(window->upcomingModel()->message(window->upcomingView()->currentIndex()));
    QVERIFY(window->meetingDetail()->selectedMessageId() != 0);
}

QTEST_MAIN(TestActions)
#include "tst_actions.moc"
