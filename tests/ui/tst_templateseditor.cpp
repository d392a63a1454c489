// The templates & rules editor over a whole back end (ConsoleFixture) with EngageLab's template
// catalogue served by a loopback fake: review states and variables as the account has them, the
// preview, and saving rules whose announced effect is checked against the database afterwards.

#include "DurationEdit.h"
#include "EngineHost.h"
#include "ReminderOffsetsEditor.h"
#include "RulesSaveDialog.h"
#include "TemplatesRulesEditor.h"
#include "UiTestSupport.h"
#include "secrets/SecretStore.h"
#include "storage/Store.h"
#include "support/CalendlyBodies.h"
#include "support/ConsoleFixture.h"
#include "support/FakeEngageLab.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

constexpr int WAIT_MS = 15000;
const QString T_CONFIRM = u"1970314609822883800"_s;  // approved, every variable filled
const QString T_REMINDER = u"1972492621368553472"_s; // waiting for review
const QString T_CANCEL = u"1972492621368553999"_s;   // rejected, uses a variable nobody fills
const QString T_FOLLOWUP = u"1972492621368554000"_s; // approved, uses a variable nobody fills
const QString T_HOST = u"1972492621368554111"_s;     // not in the account

const QByteArray TEMPLATES = R"([
 {"template_id":"1970314609822883800","template_name":"Booking confirmed","template_type":"utility",
  "template_content":"Hi {{name}}, your {event_name} is booked for {time} on {date}.","status":2,"audit_remark":""},
 {"template_id":1972492621368553472,"template_name":"Reminder","template_type":"utility",
  "template_content":"Reminder: {event_name} in {advance}.","status":1,"audit_remark":""},
 {"template_id":"1972492621368553999","template_name":"Cancelled","template_type":"utility",
  "template_content":"Sorry {name}, your visit is canceled. Call {clinic_phone}.","status":3,
  "audit_remark":"Say who is sending"},
 {"template_id":"1972492621368554000","template_name":"Thanks","template_type":"utility",
  "template_content":"Thanks {name}! Tell us how it went: {survey_link}","status":2,"audit_remark":""}
])";

int rowOf(MessageKind kind)
{
    return int(allMessageKinds().indexOf(kind));
}

} // namespace

class TestTemplatesEditor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsReviewStatusPerKind();
    void flagsVariablesDeskbellCannotFill();
    void previewFillsASampleAppointment();
    void previewFillsAChosenRealAppointment();
    void rulesPreviewCountsMatchTheDatabase_data();
    void rulesPreviewCountsMatchTheDatabase();
    void hostPhoneIsValidated_data();
    void hostPhoneIsValidated();
    void revertDiscardsEdits();
    void reminderListAddsAndRemovesRows();

private:
    void startFixture();
    std::unique_ptr<TemplatesRulesEditor> makeEditor();
    QString ingestBooking(const QString &id, const QString &name, const QDateTime &startUtc);
    QString settingsValue(const QString &key);
    RulesSaveDialog *saveAndWaitForConfirmation(TemplatesRulesEditor &editor);

    std::unique_ptr<test::FakeEngageLab> m_engageLab;
    std::unique_ptr<test::ConsoleFixture> m_fixture;
};

void TestTemplatesEditor::init()
{
    m_engageLab = std::make_unique<test::FakeEngageLab>();
    QVERIFY(m_engageLab->listen());
    m_engageLab->setExpectedCredentials(u"dev-key"_s, u"dev-secret"_s);
    m_engageLab->setTemplates(TEMPLATES);
    startFixture();
}

void TestTemplatesEditor::cleanup()
{
    m_fixture.reset();
    m_engageLab.reset();
}

void TestTemplatesEditor::startFixture()
{
    test::ConsoleFixture::Options options;
    options.extraSettings =
        u"[sms]\napi_base = %1\n[templates]\nconfirm = %2\nreminder = %3\ncancel = %4\n"
        "followup = %5\nhost_notify = %6\nreschedule =\nno_show =\n"_s.arg(
            m_engageLab->baseUrl().toString(), T_CONFIRM, T_REMINDER, T_CANCEL, T_FOLLOWUP, T_HOST);
    options.secrets = {{secret::ENGAGELAB_DEV_KEY, "dev-key"}, {secret::ENGAGELAB_DEV_SECRET, "dev-secret"}};
    m_fixture = std::make_unique<test::ConsoleFixture>(options);
    QString error;
    QVERIFY2(m_fixture->start(&error), qPrintable(error));
}

std::unique_ptr<TemplatesRulesEditor> TestTemplatesEditor::makeEditor()
{
    auto editor = std::make_unique<TemplatesRulesEditor>(m_fixture->host(), m_fixture->reader(),
                                                         m_fixture->clock(), m_fixture->deskZone());
    QSignalSpy loaded(editor.get(), &TemplatesRulesEditor::loaded);
    editor->resize(1400, 900);
    editor->show();
    if (!loaded.wait(WAIT_MS)) {
        qWarning("the editor did not load");
    }
    // The catalogue arrives from EngageLab a moment after the engine starts (each test then checks
    // what it shows).
    const bool arrived = QTest::qWaitFor(
        [&] {
            return editor->templatesTable()
                       ->item(rowOf(MessageKind::Confirm), TemplatesRulesEditor::ReviewColumn)
                       ->text() == u"Approved"_s;
        },
        WAIT_MS);
    if (!arrived) {
        qWarning("the template catalogue did not arrive");
    }
    return editor;
}

QString TestTemplatesEditor::ingestBooking(const QString &id, const QString &name, const QDateTime &startUtc)
{
    m_fixture->book(id, name, startUtc);
    return test::inviteeUri(id);
}

QString TestTemplatesEditor::settingsValue(const QString &key)
{
    QSettings settings(m_fixture->settingsPath(), QSettings::IniFormat);
    return settings.value(key).toString();
}

RulesSaveDialog *TestTemplatesEditor::saveAndWaitForConfirmation(TemplatesRulesEditor &editor)
{
    QSignalSpy opened(&editor, &TemplatesRulesEditor::confirmationOpened);
    if (!editor.saveButton()->isEnabled()) {
        qWarning("Save is not enabled");
        return nullptr;
    }
    editor.saveButton()->click();
    if (opened.isEmpty() && !opened.wait(WAIT_MS)) {
        return nullptr;
    }
    return opened.first().first().value<RulesSaveDialog *>();
}

void TestTemplatesEditor::showsReviewStatusPerKind()
{
    auto editor = makeEditor();
    QTableWidget *table = editor->templatesTable();
    QCOMPARE(table->rowCount(), allMessageKinds().size());
    const QList<QPair<MessageKind, QString>> expected{
        {MessageKind::Confirm, u"Approved"_s},   {MessageKind::Reminder, u"Pending review"_s},
        {MessageKind::Cancel, u"Rejected"_s},    {MessageKind::Followup, u"Approved"_s},
        {MessageKind::HostNotify, u"Unknown"_s}, {MessageKind::Reschedule, u"Not sent"_s},
        {MessageKind::NoShow, u"Not sent"_s},
    };
    for (const auto &[kind, review] : expected) {
        QCOMPARE(table->item(rowOf(kind), TemplatesRulesEditor::ReviewColumn)->text(), review);
    }
    QCOMPARE(editor->templateIdFor(MessageKind::Confirm), T_CONFIRM);
    QCOMPARE(editor->templateIdFor(MessageKind::HostNotify), T_HOST);
    QCOMPARE(editor->templateIdFor(MessageKind::Reschedule), QString());
    // The combo offers the account's templates by name.
    QComboBox *confirm = editor->templateBox(MessageKind::Confirm);
    QCOMPARE(confirm->currentText(), u"Booking confirmed (%1)"_s.arg(T_CONFIRM));
    QCOMPARE(confirm->count(), 5); // "off" and the four templates

    editor->selectKind(MessageKind::Cancel);
    QVERIFY2(editor->templateNote()->text().contains(u"Say who is sending"_s),
             qPrintable(editor->templateNote()->text()));
    editor->selectKind(MessageKind::HostNotify);
    QVERIFY(editor->templateNote()->text().startsWith(u"Unknown"_s));
    editor->selectKind(MessageKind::Reminder);
    QVERIFY(editor->templateNote()->text().startsWith(u"Pending review"_s));

    // Choosing another template updates the row at once.
    QComboBox *reminder = editor->templateBox(MessageKind::Reminder);
    reminder->setCurrentIndex(reminder->findData(T_CONFIRM));
    QCOMPARE(editor->templateIdFor(MessageKind::Reminder), T_CONFIRM);
    QCOMPARE(table->item(rowOf(MessageKind::Reminder), TemplatesRulesEditor::ReviewColumn)->text(),
             u"Approved"_s);
    // A typed id is taken as written.
    reminder->setEditText(u"  1234567890123456789 "_s);
    QCOMPARE(editor->templateIdFor(MessageKind::Reminder), u"1234567890123456789"_s);
    QCOMPARE(table->item(rowOf(MessageKind::Reminder), TemplatesRulesEditor::ReviewColumn)->text(),
             u"Unknown"_s);
    QVERIFY(editor->hasUnsavedChanges());
}

void TestTemplatesEditor::flagsVariablesDeskbellCannotFill()
{
    auto editor = makeEditor();
    QTableWidget *table = editor->templatesTable();
    QTableWidgetItem *cancel = table->item(rowOf(MessageKind::Cancel), TemplatesRulesEditor::VariablesColumn);
    QCOMPARE(cancel->text(), u"Cannot fill: clinic_phone (fills name)"_s);
    QTableWidgetItem *confirm =
        table->item(rowOf(MessageKind::Confirm), TemplatesRulesEditor::VariablesColumn);
    QCOMPARE(confirm->text(), u"name, event_name, time, date"_s);
    // Flagged in a colour of its own, besides the words.
    QVERIFY(cancel->foreground().color() != confirm->foreground().color());

    editor->selectKind(MessageKind::Followup);
    QTreeWidget *variables = editor->variablesView();
    QCOMPARE(variables->topLevelItemCount(), 2);
    const QTreeWidgetItem *name = variables->topLevelItem(0);
    QCOMPARE(name->text(0), u"{name}"_s);
    QVERIFY2(name->text(1).startsWith(u"Deskbell fills it: The invitee's name"_s), qPrintable(name->text(1)));
    const QTreeWidgetItem *survey = variables->topLevelItem(1);
    QCOMPARE(survey->text(0), u"{survey_link}"_s);
    QVERIFY2(survey->text(1).startsWith(u"Deskbell cannot fill this"_s), qPrintable(survey->text(1)));
    QVERIFY(survey->foreground(1).color() != name->foreground(1).color());

    // {advance} is filled for reminders only.
    editor->selectKind(MessageKind::Reminder);
    QCOMPARE(variables->topLevelItem(1)->text(0), u"{advance}"_s);
    QVERIFY(variables->topLevelItem(1)->text(1).startsWith(u"Deskbell fills it"_s));
    test::saveScreenshot(*editor, u"templates-editor"_s);
}

void TestTemplatesEditor::previewFillsASampleAppointment()
{
    auto editor = makeEditor();
    editor->selectKind(MessageKind::Confirm);
    QTRY_COMPARE(editor->previewAppointmentBox()->currentIndex(), 0); // the sample
    const QDate tomorrow = m_fixture->clock().nowUtc().toTimeZone(m_fixture->deskZone()).date().addDays(1);
    const QString date = QLocale::c().toString(tomorrow, u"ddd d MMM yyyy"_s);
    QCOMPARE(editor->previewView()->toPlainText(),
             u"Hi Somchai Jaidee, your Dental check-up is booked for 10:00 on %1."_s.arg(date));

    editor->selectKind(MessageKind::Reminder);
    QCOMPARE(editor->previewView()->toPlainText(),
             u"Reminder: Dental check-up in %1."_s.arg(formatAdvance(1440)));

    // A variable nobody fills is shown as EngageLab would send it.
    editor->selectKind(MessageKind::Followup);
    QVERIFY(editor->previewView()->toPlainText().endsWith(u"{survey_link}"_s));
}

void TestTemplatesEditor::previewFillsAChosenRealAppointment()
{
    const QDateTime start = m_fixture->clock().nowUtc().addDays(2).addSecs(3600);
    const QString uri = ingestBooking(u"R1"_s, u"Anong Srisuk"_s, start);
    auto editor = makeEditor();
    QComboBox *with = editor->previewAppointmentBox();
    QTRY_COMPARE_WITH_TIMEOUT(with->count(), 2, WAIT_MS);
    with->setCurrentIndex(with->findData(uri));
    editor->selectKind(MessageKind::Confirm);
    const QDateTime local = start.toTimeZone(m_fixture->deskZone()); // the invitee's zone too
    const QString date = QLocale::c().toString(local.date(), u"ddd d MMM yyyy"_s);
    const QString time = QLocale::c().toString(local.time(), u"HH:mm"_s);
    QVERIFY2(editor->previewView()->toPlainText().startsWith(u"Hi Anong Srisuk, "_s),
             qPrintable(editor->previewView()->toPlainText()));
    QVERIFY2(editor->previewView()->toPlainText().endsWith(u"for %1 on %2."_s.arg(time, date)),
             qPrintable(editor->previewView()->toPlainText()));
}

void TestTemplatesEditor::rulesPreviewCountsMatchTheDatabase_data()
{
    QTest::addColumn<QList<int>>("offsets");
    QTest::newRow("the 2-hour reminder becomes 1 hour") << QList<int>{1440, 60};
    QTest::newRow("the day-before reminder goes") << QList<int>{120};
    QTest::newRow("a 30-minute reminder is added") << QList<int>{1440, 120, 30};
}

void TestTemplatesEditor::rulesPreviewCountsMatchTheDatabase()
{
    QFETCH(QList<int>, offsets);
    const QDateTime now = m_fixture->clock().nowUtc();
    QStringList invitees;
    for (int day = 2; day <= 4; ++day) {
        invitees.append(
            ingestBooking(u"M%1"_s.arg(day), u"Guest %1"_s.arg(day), now.addDays(day).addSecs(3600)));
    }
    // A meeting that has begun keeps everything.
    invitees.append(ingestBooking(u"PAST"_s, u"Earlier Guest"_s, now.addSecs(-600)));
    // Let the confirmations (due now) go out in Sandbox, so only the rules change moves things.
    const auto settled = [&] {
        const QList<OutboxMessage> queued = m_fixture->store().messagesInState(MessageState::Queued);
        return m_fixture->store().messagesInState(MessageState::Sending).isEmpty() &&
               std::none_of(queued.cbegin(), queued.cend(),
                            [&](const OutboxMessage &m) { return m.dueUtc <= now; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), WAIT_MS);
    const auto snapshot = [&] {
        QHash<qint64, OutboxMessage> all;
        for (const QString &uri : std::as_const(invitees)) {
            for (const OutboxMessage &m : m_fixture->store().messagesForInvitee(uri)) {
                all.insert(m.id, m);
            }
        }
        return all;
    };
    const QHash<qint64, OutboxMessage> before = snapshot();
    QVERIFY(!before.isEmpty());

    auto editor = makeEditor();
    QCOMPARE(editor->reminderOffsets()->offsets(), (QList<int>{1440, 120}));
    editor->reminderOffsets()->setOffsets(offsets);
    RulesSaveDialog *dialog = saveAndWaitForConfirmation(*editor);
    QVERIFY(dialog);
    const RulesChange::Effect announced = dialog->effect();
    QCOMPARE(dialog->summaryText(), announced.summary());
    QVERIFY(!announced.isEmpty());
    test::saveScreenshot(*dialog, u"templates-editor-confirm"_s);

    dialog->reasonEdit()->setText(u"fewer late reminders"_s);
    QSignalSpy saved(editor.get(), &TemplatesRulesEditor::saved);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QVERIFY(saved.wait(WAIT_MS));
    QCOMPARE(saved.first().first().value<RulesChange::Effect>(), announced);

    // What the database says happened, counted here.
    const QHash<qint64, OutboxMessage> after = snapshot();
    int retimed = 0;
    int added = 0;
    int withdrawn = 0;
    QSet<QString> meetings;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const OutboxMessage &now_ = it.value();
        if (!before.contains(it.key())) {
            ++added;
            meetings.insert(now_.inviteeUri);
            continue;
        }
        const OutboxMessage &was = before.value(it.key());
        if (isPending(was.state) && isPending(now_.state) && was.dueUtc != now_.dueUtc) {
            ++retimed;
            meetings.insert(now_.inviteeUri);
        } else if (isPending(was.state) && now_.state == MessageState::Canceled) {
            ++withdrawn;
            meetings.insert(now_.inviteeUri);
        }
    }
    QCOMPARE(announced.retimed, retimed);
    QCOMPARE(announced.added, added);
    QCOMPARE(announced.withdrawn, withdrawn);
    QCOMPARE(announced.meetings, int(meetings.size()));
    QCOMPARE(announced.meetings, 3); // not the meeting that has begun
    for (int n : {announced.retimed, announced.added, announced.withdrawn, announced.meetings}) {
        if (n > 0) {
            QVERIFY2(dialog->summaryText().contains(QString::number(n)), qPrintable(dialog->summaryText()));
        }
    }

    // The upcoming meetings now have exactly the new reminders pending.
    QList<int> expected = offsets;
    std::sort(expected.begin(), expected.end(), std::greater<int>());
    for (const QString &uri : invitees.mid(0, 3)) {
        QList<int> pending;
        for (const OutboxMessage &m : m_fixture->store().messagesForInvitee(uri)) {
            if (m.kind == MessageKind::Reminder && isPending(m.state)) {
                pending.append(m.offsetMin);
            }
        }
        std::sort(pending.begin(), pending.end(), std::greater<int>());
        QCOMPARE(pending, expected);
    }
    QStringList written;
    for (int m : expected) {
        written.append(QString::number(m));
    }
    const QVariant inFile =
        QSettings(m_fixture->settingsPath(), QSettings::IniFormat).value(u"rules/reminder_offsets_min"_s);
    QCOMPARE(inFile.toStringList().join(u',').remove(u' '), written.join(u','));
    // Audited with who and why.
    const auto audit = m_fixture->store().auditEntries();
    QVERIFY(!audit.isEmpty());
    QCOMPARE(audit.last().actor, OperatorActions::osUserName());
    QCOMPARE(audit.last().reason, u"fewer late reminders"_s);
    QVERIFY(editor->statusLabel()->text().startsWith(u"Saved."_s));
}

void TestTemplatesEditor::hostPhoneIsValidated_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("saved"); // empty: refused
    QTest::newRow("letters") << u"12ab"_s << QString();
    QTest::newRow("too short") << u"+66 12"_s << QString();
    QTest::newRow("local number, default country Thailand") << u"081 234 5678"_s << u"+66812345678"_s;
    QTest::newRow("international") << u"+1 559-765-0000"_s << u"+15597650000"_s;
}

void TestTemplatesEditor::hostPhoneIsValidated()
{
    QFETCH(QString, typed);
    QFETCH(QString, saved);
    auto editor = makeEditor();
    QCOMPARE(editor->countryBox()->currentData().toString(), u"TH"_s);
    QTest::keyClicks(editor->hostPhoneEdit(), typed);
    QLabel *error = editor->errorLabel(TemplatesRulesEditor::Field::HostPhone);
    if (saved.isEmpty()) {
        QSignalSpy opened(editor.get(), &TemplatesRulesEditor::confirmationOpened);
        QSignalSpy failed(editor.get(), &TemplatesRulesEditor::saveFailed);
        editor->saveButton()->click();
        QCOMPARE(failed.size(), 1);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(u"is not a phone number Deskbell can text"_s),
                 qPrintable(error->text()));
        QVERIFY(editor->hostPhoneEdit()->hasFocus());
        QVERIFY(!opened.wait(500));
        QCOMPARE(settingsValue(u"rules/host_phone"_s), QString());
        test::saveScreenshot(*editor, u"templates-editor-bad-phone"_s);
    } else {
        RulesSaveDialog *dialog = saveAndWaitForConfirmation(*editor);
        QVERIFY(dialog);
        QVERIFY(!error->isVisible());
        QSignalSpy done(editor.get(), &TemplatesRulesEditor::saved);
        dialog->accept();
        QVERIFY(done.wait(WAIT_MS));
        QCOMPARE(settingsValue(u"rules/host_phone"_s), saved);
    }
}

void TestTemplatesEditor::revertDiscardsEdits()
{
    auto editor = makeEditor();
    QVERIFY(!editor->revertButton()->isEnabled());
    editor->reminderOffsets()->setOffsets({30});
    editor->quietHoursBox()->setChecked(true);
    editor->templateBox(MessageKind::Confirm)->setEditText(QString());
    QVERIFY(editor->revertButton()->isEnabled());
    editor->revertButton()->click();
    QCOMPARE(editor->reminderOffsets()->offsets(), (QList<int>{1440, 120}));
    QVERIFY(!editor->quietHoursBox()->isChecked());
    QCOMPARE(editor->templateIdFor(MessageKind::Confirm), T_CONFIRM);
    QVERIFY(!editor->hasUnsavedChanges());
    QCOMPARE(QSettings(m_fixture->settingsPath(), QSettings::IniFormat)
                 .value(u"rules/reminder_offsets_min"_s)
                 .toStringList()
                 .join(u',')
                 .remove(u' '),
             u"1440,120"_s);
}

void TestTemplatesEditor::reminderListAddsAndRemovesRows()
{
    auto editor = makeEditor();
    ReminderOffsetsEditor *list = editor->reminderOffsets();
    QCOMPARE(list->rowCount(), 2);
    // 1440 minutes reads as 1 day, 120 as 2 hours.
    QCOMPARE(list->row(0)->valueBox()->value(), 1);
    QCOMPARE(list->row(0)->unitBox()->currentText(), u"days"_s);
    QCOMPARE(list->row(1)->valueBox()->value(), 2);
    QCOMPARE(list->row(1)->unitBox()->currentText(), u"hours"_s);

    list->addButton()->click();
    QCOMPARE(list->rowCount(), 3);
    list->row(2)->valueBox()->setValue(15);
    list->row(2)->unitBox()->setCurrentIndex(0); // minutes
    QCOMPARE(list->offsets(), (QList<int>{1440, 120, 15}));
    list->removeButton(0)->click();
    QCOMPARE(list->offsets(), (QList<int>{120, 15}));

    // Two reminders at the same time are refused beside the list.
    list->row(1)->valueBox()->setValue(2);
    list->row(1)->unitBox()->setCurrentIndex(1); // hours
    QSignalSpy opened(editor.get(), &TemplatesRulesEditor::confirmationOpened);
    editor->saveButton()->click();
    QLabel *error = editor->errorLabel(TemplatesRulesEditor::Field::Reminders);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"same time"_s), qPrintable(error->text()));
    QVERIFY(!opened.wait(300));
}

QTEST_MAIN(TestTemplatesEditor)
#include "tst_templateseditor.moc"
