// The real MainWindow on the offscreen platform, over a whole back end (ConsoleFixture: the engine
// on its own thread, Sandbox sending, a real SQLite file, the console's reader): what the desk sees
// follows the engine without a click, in the desk's zone, with phones masked.

#include "ActionDialogs.h"
#include "Autostart.h"
#include "ConnectDialog.h"
#include "LogModel.h"
#include "MainWindow.h"
#include "MeetingDetail.h"
#include "StatusPanel.h"
#include "UiTestSupport.h"
#include "UpcomingModel.h"
#include "domain/Phone.h"
#include "storage/Store.h"
#include "support/CalendlyBodies.h"
#include "support/ConsoleFixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
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

QStringList whoColumn(UpcomingModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row) {
        names << model.index(row, UpcomingModel::Who).data().toString();
    }
    return names;
}

// RFC 4180 reader: enough to check what Excel would see.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << cell;
            cell.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty()) {
        row << cell;
        rows << row;
    }
    return rows;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void bookingsAppearInTheDesksZoneWithMaskedPhones();
    void rangeAndSearchNarrowTheList();
    void showPhoneNumbersRevealsThemEverywhere();
    void meetingDetailTellsTheWholeStory();
    void liveLogShowsEventsNewestFirstWithStateFilter();
    void exportWritesEveryMatchingRowAsCsv();
    void statusPanelShowsListenerAndCounts();
    void countClickFiltersTheLog();
    void statusPanelExplainsEveryState_data();
    void statusPanelExplainsEveryState();
    void pauseSwitchTogglesAndPersists();
    void settingsProblemsShowInPlainWords();
    void welcomeOpensOnceOnFirstRun();
    void connectAccountsOpensTheAccountsDialog();
    void enterOnALogLineOpensItsMeeting();
    void autostartWritesAndRemovesTheDesktopEntry();
    void readableInADarkPalette();

private:
    std::unique_ptr<MainWindow> makeWindow(const QString &problems = {});
    void saveScreenshot(QWidget &widget, const QString &name);

    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<test::ConsoleFixture> m_fixture;
    std::unique_ptr<QAbstractItemModelTester> m_upcomingTester;
    std::unique_ptr<QAbstractItemModelTester> m_logTester;
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setApplicationName(u"deskbell-tst-mainwindow"_s);
    MainWindow::setWelcomeSuppressed(true);
}

void TestMainWindow::init()
{
    // The window's own preferences (QSettings) go to a folder of this test, fresh every time.
    m_settingsDir = test::isolateUserSettings();
    QVERIFY(m_settingsDir->isValid());
    m_fixture = std::make_unique<test::ConsoleFixture>(); // its clock starts at test::DESK_NOW
    QString error;
    QVERIFY2(m_fixture->start(&error), qPrintable(error));
}

void TestMainWindow::cleanup()
{
    m_upcomingTester.reset();
    m_logTester.reset();
    m_fixture.reset();
    m_settingsDir.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::makeWindow(const QString &problems)
{
    auto window = std::make_unique<MainWindow>(m_fixture->host(), m_fixture->reader(), m_fixture->clock(),
                                               m_fixture->deskZone(), problems);
    m_upcomingTester = std::make_unique<QAbstractItemModelTester>(
        window->upcomingModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_logTester = std::make_unique<QAbstractItemModelTester>(
        window->logModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get())) {
        return nullptr;
    }
    return window;
}

// Set DESKBELL_SCREENSHOT_DIR to keep a picture of what the test saw.
void TestMainWindow::saveScreenshot(QWidget &widget, const QString &name)
{
    // What a person would see a moment later: the engine's status in (then the layouts settle).
    if (auto *window = qobject_cast<MainWindow *>(widget.window())) {
        QTRY_VERIFY_WITH_TIMEOUT(window->statusPanel()->hasStatus(), WAIT_MS);
    }
    test::saveScreenshot(widget, name);
}

void TestMainWindow::bookingsAppearInTheDesksZoneWithMaskedPhones()
{
    auto window = makeWindow();
    QVERIFY(window);
    auto *model = window->upcomingModel();
    QCOMPARE(window->range(), MainWindow::Range::Today);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), WAIT_MS);
    QCOMPARE(model->rowCount(), 0);
    const auto *summary = window->findChild<QLabel *>(u"upcomingSummary"_s);
    QVERIFY(summary);
    QTRY_VERIFY_WITH_TIMEOUT(summary->text().startsWith(u"No meetings"_s), WAIT_MS);

    // Bookings arrive while the window is open: it follows without a click.
    m_fixture->book(u"A"_s, u"Somchai Jaidee"_s, atBangkok(14));
    m_fixture->book(u"D"_s, u"Omar Haddad"_s, atBangkok(15, 30), u"Asia/Dubai"_s, u"+971 50 123 4567"_s);
    m_fixture->book(u"T"_s, u"Tomorrow Person"_s, atBangkok(10, 0, 1));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, WAIT_MS);
    QCOMPARE(whoColumn(*model), (QStringList{u"Somchai Jaidee"_s, u"Omar Haddad"_s}));
    QCOMPARE(model->index(0, UpcomingModel::When).data().toString(), u"14:00"_s);
    QCOMPARE(model->index(1, UpcomingModel::When).data().toString(), u"15:30 (Mon 12:30 in Asia/Dubai)"_s);
    const QString phone = model->index(0, UpcomingModel::Phone).data().toString();
    QCOMPARE(phone, phone::mask(u"+66812345678"_s));
    QVERIFY2(!phone.contains(u"234"_s), qPrintable(phone));
    QVERIFY(window->upcomingView()->isExpanded(model->index(0, 0)));
    QCOMPARE(summary->text(), u"2 meeting(s)"_s);
    // The sandbox took the confirmation, and the window never calls that "Sent".
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QModelIndex meeting = model->index(0, 0);
            for (int i = 0; i < model->rowCount(meeting); ++i) {
                if (model->index(i, UpcomingModel::Status, meeting).data().toString() ==
                    u"Sandbox: not really sent"_s) {
                    return true;
                }
            }
            return false;
        }(),
        WAIT_MS);
    QVERIFY(!window->problemBanner()->isVisible());
    saveScreenshot(*window, u"mainwindow-upcoming"_s);
}

void TestMainWindow::rangeAndSearchNarrowTheList()
{
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(14));
    m_fixture->book(u"P"_s, u"Priya Sharma"_s, atBangkok(16), u"Asia/Kolkata"_s, u"+91 98765 43210"_s);
    m_fixture->book(u"T"_s, u"Tom Tomorrow"_s, atBangkok(9, 30, 1));
    m_fixture->book(u"W"_s, u"Wendy Week"_s, atBangkok(11, 0, 5));
    // Just before the desk's midnight in UTC terms, still 2 November in Bangkok: today.
    m_fixture->book(u"L"_s, u"Late Lee"_s, atBangkok(23, 30));
    auto window = makeWindow();
    QVERIFY(window);
    auto *model = window->upcomingModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, WAIT_MS);
    QCOMPARE(whoColumn(*model), (QStringList{u"Anna Wong"_s, u"Priya Sharma"_s, u"Late Lee"_s}));

    window->setRange(MainWindow::Range::Tomorrow);
    QTRY_COMPARE_WITH_TIMEOUT(whoColumn(*model), QStringList{u"Tom Tomorrow"_s}, WAIT_MS);

    window->setRange(MainWindow::Range::NextWeek);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 5, WAIT_MS);
    QCOMPARE(model->index(4, UpcomingModel::When).data().toString(), u"Sat 7 Nov, 11:00"_s);

    // Custom dates: the date edits appear and drive the list.
    window->rangeBox()->setCurrentIndex(window->rangeBox()->findData(int(MainWindow::Range::Custom)));
    QVERIFY(window->fromEdit()->isVisible());
    window->setCustomRange(QDate(2026, 11, 7), QDate(2026, 11, 7));
    QTRY_COMPARE_WITH_TIMEOUT(whoColumn(*model), QStringList{u"Wendy Week"_s}, WAIT_MS);

    // Typing in the search box (debounced) finds by name, and by digits of the number.
    window->setRange(MainWindow::Range::NextWeek);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 5, WAIT_MS);
    QTest::keyClicks(window->searchEdit(), u"priya"_s);
    QTRY_COMPARE_WITH_TIMEOUT(whoColumn(*model), QStringList{u"Priya Sharma"_s}, WAIT_MS);
    window->searchEdit()->clear();
    QTest::keyClicks(window->searchEdit(), u"98765 43"_s);
    QTRY_COMPARE_WITH_TIMEOUT(whoColumn(*model), QStringList{u"Priya Sharma"_s}, WAIT_MS);
    window->searchEdit()->clear();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 5, WAIT_MS);

    // Ctrl+F puts the cursor in the search box.
    window->upcomingView()->setFocus();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(window->searchEdit()->hasFocus());
}

void TestMainWindow::showPhoneNumbersRevealsThemEverywhere()
{
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(14));
    auto window = makeWindow();
    QVERIFY(window);
    auto *model = window->upcomingModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, WAIT_MS);
    window->upcomingView()->setCurrentIndex(model->index(0, 0));
    QVERIFY(!window->meetingDetail()->phoneText().contains(u"812345678"_s));
    QTRY_VERIFY_WITH_TIMEOUT(window->logModel()->rowCount() > 0, WAIT_MS);

    window->showPhonesAction()->trigger();
    QCOMPARE(model->index(0, UpcomingModel::Phone).data().toString(), u"+66812345678"_s);
    QVERIFY(window->meetingDetail()->phoneText().contains(u"+66812345678"_s));
    bool logShows = false;
    for (int row = 0; row < window->logModel()->rowCount(); ++row) {
        logShows |= window->logModel()->index(row, LogModel::Phone).data().toString() == u"+66812345678"_s;
    }
    QVERIFY(logShows);

    window->showPhonesAction()->trigger();
    QCOMPARE(model->index(0, UpcomingModel::Phone).data().toString(), phone::mask(u"+66812345678"_s));
    // The detail's own button reveals one meeting only.
    auto *reveal = window->meetingDetail()->findChild<QToolButton *>(u"revealPhone"_s);
    QVERIFY(reveal);
    reveal->click();
    QVERIFY(window->meetingDetail()->phoneText().contains(u"+66812345678"_s));
    QCOMPARE(model->index(0, UpcomingModel::Phone).data().toString(), phone::mask(u"+66812345678"_s));
}

void TestMainWindow::meetingDetailTellsTheWholeStory()
{
    m_fixture->book(u"D"_s, u"Omar Haddad"_s, atBangkok(15, 30), u"Asia/Dubai"_s, u"+971 50 123 4567"_s);
    auto window = makeWindow();
    QVERIFY(window);
    auto *model = window->upcomingModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, WAIT_MS);
    auto *detail = window->meetingDetail();
    QVERIFY(detail->headline().isEmpty());

    // Selecting a message row shows its meeting, with that message chosen.
    const QModelIndex meeting = model->index(0, 0);
    int reminderRow = -1;
    for (int i = 0; i < model->rowCount(meeting); ++i) {
        const auto *m = model->message(model->index(i, 0, meeting));
        if (m->kind == MessageKind::Reminder && m->offsetMin == 1440) {
            reminderRow = i; // booked too late for the day-before reminder
        }
    }
    QVERIFY(reminderRow >= 0);
    window->upcomingView()->setCurrentIndex(model->index(reminderRow, 0, meeting));
    QCOMPARE(detail->headline(), u"Omar Haddad"_s);
    const auto *when = detail->findChild<QLabel *>(u"when"_s);
    QVERIFY(when);
    QVERIFY2(when->text().contains(u"Monday 2 November 2026, 15:30–16:00 at the desk (Asia/Bangkok)"_s),
             qPrintable(when->text()));
    QVERIFY2(when->text().contains(u"12:30 for them (Asia/Dubai)"_s), qPrintable(when->text()));
    QVERIFY(!detail->phoneText().contains(u"1234567"_s));
    QCOMPARE(detail->selectedMessageId(), model->message(model->index(reminderRow, 0, meeting))->id);
    QVERIFY2(detail->messageStory().contains(u"Why: booked too late"_s), qPrintable(detail->messageStory()));
    QVERIFY(detail->messageStory().contains(u"Attempts: 0"_s));
    // A skipped message can be sent again, not canceled.
    QVERIFY(window->resendAction()->isEnabled());
    QVERIFY(!window->cancelMessageAction()->isEnabled());
    QVERIFY(window->correctPhoneAction()->isEnabled());
    saveScreenshot(*detail, u"meeting-detail"_s);
    saveScreenshot(*window, u"mainwindow-detail"_s);
}

void TestMainWindow::liveLogShowsEventsNewestFirstWithStateFilter()
{
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(14));
    auto window = makeWindow();
    QVERIFY(window);
    auto *log = window->logModel();
    QTRY_VERIFY_WITH_TIMEOUT(log->rowCount() > 0, WAIT_MS);
    window->tabs()->setCurrentIndex(1);

    // Later events go on top while the window is open.
    m_fixture->clock().advanceMinutes(5);
    QCOMPARE(m_fixture->ingest("{\"event\": \"invitee.created\", \"payload\": 42}").outcome, u"rejected"_s);
    m_fixture->clock().advanceMinutes(5);
    m_fixture->book(u"B"_s, u"Ben Newest"_s, atBangkok(16));
    QTRY_VERIFY_WITH_TIMEOUT(log->index(0, LogModel::Who).data().toString() == u"Ben Newest"_s, WAIT_MS);
    for (int row = 1; row < log->rowCount(); ++row) {
        QVERIFY(log->entry(row - 1)->atUtc >= log->entry(row)->atUtc);
    }
    QVERIFY(log->index(0, LogModel::Time).data().toString().startsWith(u"09:1"_s)); // desk time, today

    // Problems only: the rejected booking, nothing that went well.
    window->logFilterBox()->setCurrentIndex(
        window->logFilterBox()->findData(int(LogModel::Preset::Problems)));
    QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 1, WAIT_MS);
    QCOMPARE(log->index(0, LogModel::State).data().toString(), u"Rejected"_s);
    QVERIFY(log->index(0, LogModel::What).data().toString().startsWith(u"Booking received"_s));
    QVERIFY(log->index(0, 0).data(LogModel::ProblemRole).toBool());

    // Sent only: Sandbox sends are "accepted" messages.
    window->logFilterBox()->setCurrentIndex(window->logFilterBox()->findData(int(LogModel::Preset::Sent)));
    QTRY_VERIFY_WITH_TIMEOUT(log->rowCount() >= 1 && !log->isLoading(), WAIT_MS);
    for (int row = 0; row < log->rowCount(); ++row) {
        QCOMPARE(log->entry(row)->state, u"accepted"_s);
    }
    // A new event that is not a send does not slip in under the filter.
    const int sent = log->rowCount();
    m_fixture->clock().advanceMinutes(1);
    QCOMPARE(m_fixture->ingest("not json").outcome, u"rejected"_s);
    log->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!log->isLoading(), WAIT_MS);
    QCOMPARE(log->rowCount(), sent);

    // Search within the log.
    window->logFilterBox()->setCurrentIndex(0);
    QTest::keyClicks(window->logSearchEdit(), u"Ben Newest"_s);
    QTRY_VERIFY_WITH_TIMEOUT(log->rowCount() > 0 && !log->isLoading() &&
                                 log->index(log->rowCount() - 1, LogModel::Who).data().toString() ==
                                     u"Ben Newest"_s,
                             WAIT_MS);
    saveScreenshot(*window, u"mainwindow-log"_s);
}

void TestMainWindow::exportWritesEveryMatchingRowAsCsv()
{
    m_fixture->book(u"A"_s, u"Wong, Anna \"Annie\""_s, atBangkok(14));
    m_fixture->book(u"B"_s, u"=HYPERLINK(\"x\")"_s, atBangkok(15));
    auto window = makeWindow();
    QVERIFY(window);
    window->logModel()->setPageSize(2); // the export must not stop at the loaded rows
    window->logModel()->reload();
    QTRY_VERIFY_WITH_TIMEOUT(window->logModel()->rowCount() >= 2, WAIT_MS);

    Store &store = m_fixture->store();
    const int all =
        int(store.messageLog().size() + store.bookingEvents().size() + store.auditEntries().size());
    QVERIFY(all > 2);

    QTemporaryDir out;
    const QString path = out.filePath(u"log.csv"_s);
    QSignalSpy done(window.get(), &MainWindow::exportFinished);
    window->exportLog(path);
    QVERIFY(done.wait(WAIT_MS));
    QCOMPARE(done.first().at(2).toString(), QString());
    const int rows = done.first().at(1).toInt();

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QStringList> csv = parseCsv(QString::fromUtf8(bytes.mid(3)));
    QCOMPARE(csv.size(), rows + 1);
    QVERIFY2(rows >= all, qPrintable(u"%1 of %2"_s.arg(rows).arg(all))); // the whole log, not one page
    QCOMPARE(csv.first(), (QStringList{u"Time (Asia/Bangkok)"_s, u"What happened"_s, u"Who"_s, u"Phone"_s,
                                       u"State"_s, u"Details"_s}));
    bool sawComma = false;
    bool sawFormula = false;
    for (const QStringList &row : csv.mid(1)) {
        QCOMPARE(row.size(), 6);
        QVERIFY2(!row.at(3).contains(u"812345678"_s), qPrintable(row.at(3))); // masked
        sawComma |= row.at(2) == u"Wong, Anna \"Annie\""_s;
        sawFormula |= row.at(2) == u"'=HYPERLINK(\"x\")"_s; // stays text in a spreadsheet
    }
    QVERIFY(sawComma);
    QVERIFY(sawFormula);
    // The Problems filter exports only what it shows.
    window->logFilterBox()->setCurrentIndex(
        window->logFilterBox()->findData(int(LogModel::Preset::Problems)));
    QTRY_VERIFY_WITH_TIMEOUT(!window->logModel()->isLoading(), WAIT_MS);
    done.clear();
    window->exportLog(path);
    QVERIFY(done.wait(WAIT_MS));
    QCOMPARE(done.first().at(1).toInt(), 0);
}

void TestMainWindow::statusPanelShowsListenerAndCounts()
{
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(14));
    const QUrl listener = m_fixture->onEngine<QUrl>([](Engine &e) { return e.status().listenerUrl; });
    QVERIFY(listener.isValid() && !listener.isEmpty());
    auto window = makeWindow();
    QVERIFY(window);
    auto *panel = window->statusPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->hasStatus(), WAIT_MS);
    QVERIFY2(panel->listenerText().contains(listener.toString()), qPrintable(panel->listenerText()));
    QVERIFY2(panel->sendingText().contains(u"Sandbox"_s), qPrintable(panel->sendingText()));
    QVERIFY(panel->findChild<QToolButton *>(u"copyListenerUrl"_s)->isVisible());
    // The 2-hour reminder waits; the confirmation went (Sandbox).
    QTRY_VERIFY_WITH_TIMEOUT(panel->countsText().contains(u"1 waiting"_s), WAIT_MS);
    QVERIFY2(panel->countsText().contains(u"0 failed"_s), qPrintable(panel->countsText()));
    QTRY_VERIFY_WITH_TIMEOUT(panel->countsText().contains(u"Today: 1 sent, 1 meeting(s)"_s), WAIT_MS);
    saveScreenshot(*panel, u"status-panel"_s);
}

void TestMainWindow::statusPanelExplainsEveryState_data()
{
    QTest::addColumn<Engine::Status>("status");
    QTest::addColumn<QString>("where"); // calendly | listener | sending | alerts
    QTest::addColumn<QString>("says");

    Engine::Status base;
    base.storageOpen = true;
    base.settingsOk = true;
    base.listenerUrl = QUrl(u"http://127.0.0.1:8787"_s);
    base.calendlyMode = u"hybrid"_s;
    base.calendlyAccount = u"Dr. Lee"_s;
    base.webhookSubscribed = true;
    base.providerName = u"engagelab"_s;
    base.sandbox = false;

    Engine::Status polled = base;
    polled.lastPollUtc = test::DESK_NOW.addSecs(-120);
    QTest::newRow("last check, in minutes") << polled << u"calendly"_s << u"Checked Calendly 2 min ago"_s;
    Engine::Status noCalendly = base;
    noCalendly.calendlyAccount.clear();
    QTest::newRow("Calendly not connected")
        << noCalendly << u"calendly"_s << u"Not connected: no bookings arrive. Open Connect accounts."_s;
    Engine::Status publicUrl = base;
    publicUrl.publicUrl = QUrl(u"https://desk.example.com/webhooks/calendly"_s);
    QTest::newRow("public address") << publicUrl << u"listener"_s
                                    << u"Calendly sends to https://desk.example.com/webhooks/calendly"_s;
    Engine::Status deaf = base;
    deaf.listenerUrl = QUrl();
    deaf.listenerError = u"port 8787 is in use"_s;
    QTest::newRow("not listening, and why") << deaf << u"listener"_s << u"port 8787 is in use"_s;
    QTest::newRow("EngageLab") << base << u"sending"_s << u"Sending through EngageLab."_s;
    Engine::Status paused = base;
    paused.paused = true;
    paused.pauseReason = u"Paused by alice"_s;
    QTest::newRow("paused, with the reason")
        << paused << u"sending"_s << u"PAUSED — nothing will be sent.\nReason: Paused by alice"_s;
    Engine::Status noProvider = base;
    noProvider.providerName.clear();
    QTest::newRow("no SMS account") << noProvider << u"sending"_s
                                    << u"Not connected: nothing can be sent. Open Connect accounts."_s;
    Engine::Status refused = base;
    refused.providerError = u"EngageLab refused the credentials."_s;
    refused.alerts = {u"EngageLab refused the credentials. Open Connect accounts and enter them again."_s};
    QTest::newRow("alert with what to do")
        << refused << u"alerts"_s
        << u"EngageLab refused the credentials. Open Connect accounts and enter them again."_s;
    Engine::Status badSettings = base;
    badSettings.settingsErrors = {u"[rules] quiet_hours: not a time range"_s};
    QTest::newRow("settings error") << badSettings << u"alerts"_s
                                    << u"Settings: [rules] quiet_hours: not a time range"_s;
}

void TestMainWindow::statusPanelExplainsEveryState()
{
    QFETCH(Engine::Status, status);
    QFETCH(QString, where);
    QFETCH(QString, says);
    StatusPanel panel(m_fixture->clock(), m_fixture->deskZone());
    panel.setStatus(status);
    const QString shown = where == u"calendly"_s   ? panel.calendlyText()
                          : where == u"listener"_s ? panel.listenerText()
                          : where == u"sending"_s  ? panel.sendingText()
                                                   : panel.alertTexts().join(u'\n');
    QVERIFY2(shown.contains(says), qPrintable(shown));
    if (where == u"alerts"_s) {
        QVERIFY(panel.findChild<QWidget *>(u"alerts"_s)->isVisibleTo(&panel));
    }
}

void TestMainWindow::countClickFiltersTheLog()
{
    auto window = makeWindow();
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->statusPanel()->hasStatus(), WAIT_MS);
    window->statusPanel()->countButton(StatusPanel::Count::Failed)->click();
    QCOMPARE(window->tabs()->currentIndex(), 1);
    QCOMPARE(window->logModel()->preset(), LogModel::Preset::Problems);
    window->statusPanel()->countButton(StatusPanel::Count::Waiting)->click();
    QCOMPARE(window->logModel()->preset(), LogModel::Preset::Waiting);
}

void TestMainWindow::pauseSwitchTogglesAndPersists()
{
    auto window = makeWindow();
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->statusPanel()->hasStatus(), WAIT_MS);
    auto *button = window->findChild<QToolButton *>(u"pauseButton"_s);
    QVERIFY(button);
    QCOMPARE(button->text(), u"Sending: ON"_s);
    QVERIFY(!button->isChecked());

    // One click stops everything: no question asked.
    QSignalSpy finished(window.get(), &MainWindow::actionFinished);
    button->click();
    QVERIFY(finished.wait(WAIT_MS));
    QCOMPARE(finished.first().at(0).toString(), u"pause"_s);
    QVERIFY(finished.first().at(1).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(window->isSendingPaused(), WAIT_MS);
    QVERIFY(button->isChecked());
    QCOMPARE(button->text(), u"Sending PAUSED — nothing will be sent"_s);
    QVERIFY(window->sendingStatusLabel()->text().contains(u"PAUSED"_s));
    QVERIFY(m_fixture->onEngine<bool>([](Engine &e) { return e.status().paused; }));
    QTRY_VERIFY_WITH_TIMEOUT(window->statusPanel()->sendingText().contains(u"PAUSED"_s), WAIT_MS);

    // It is the engine's state, not the window's: a new window shows it paused too.
    window.reset();
    window = makeWindow();
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->isSendingPaused(), WAIT_MS);

    // Resuming asks first (a backlog may go out at once), with Ctrl+P from the keyboard.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keyClick(window.get(), Qt::Key_P, Qt::ControlModifier);
    ActionDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<ActionDialog *>()) && dialog->isVisible());
    QVERIFY(window->isSendingPaused());
    QSignalSpy resumed(window.get(), &MainWindow::actionFinished);
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QVERIFY(resumed.wait(WAIT_MS));
    QCOMPARE(resumed.first().at(0).toString(), u"resume"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!window->isSendingPaused(), WAIT_MS);
    QVERIFY(!m_fixture->onEngine<bool>([](Engine &e) { return e.status().paused; }));
    QCOMPARE(window->pauseAction()->text(), u"Sending: ON"_s);
}

void TestMainWindow::settingsProblemsShowInPlainWords()
{
    auto window = makeWindow(u"[rules] quiet_hours: not a time range"_s);
    QVERIFY(window);
    QVERIFY(window->problemBanner()->isVisible());
    QVERIFY2(window->problemBanner()->text().contains(u"[rules] quiet_hours"_s),
             qPrintable(window->problemBanner()->text()));
    QVERIFY(window->problemBanner()->text().startsWith(u"Deskbell cannot plan messages"_s));
    saveScreenshot(*window, u"mainwindow-settings-error"_s);
}

void TestMainWindow::welcomeOpensOnceOnFirstRun()
{
    MainWindow::setWelcomeSuppressed(false);
    auto restore = qScopeGuard([] { MainWindow::setWelcomeSuppressed(true); });
    qunsetenv("DESKBELL_NO_WELCOME");
    {
        auto window = makeWindow();
        QVERIFY(window);
        // Sandbox and no Calendly account: a first run.
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<ConnectDialog *>(), WAIT_MS);
        QVERIFY(QSettings().value(u"ui/welcomeShown"_s).toBool());
    }
    auto again = makeWindow();
    QVERIFY(again);
    QTRY_VERIFY_WITH_TIMEOUT(again->statusPanel()->hasStatus(), WAIT_MS);
    QVERIFY(!again->findChild<ConnectDialog *>());
}

void TestMainWindow::connectAccountsOpensTheAccountsDialog()
{
    auto window = makeWindow();
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->statusPanel()->hasStatus(), WAIT_MS);
    QVERIFY(!window->findChild<ConnectDialog *>());
    window->connectAction()->trigger();
    auto *dialog = window->findChild<ConnectDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    // No Calendly account yet: it opens where that is fixed.
    QCOMPARE(dialog->currentPage(), ConnectDialog::Page::Calendly);
    dialog->reject();
}

void TestMainWindow::enterOnALogLineOpensItsMeeting()
{
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(14));
    m_fixture->book(u"W"_s, u"Wendy Week"_s, atBangkok(11, 0, 5)); // not in today's list
    auto window = makeWindow();
    QVERIFY(window);
    auto *log = window->logModel();
    QTRY_VERIFY_WITH_TIMEOUT(log->rowCount() > 0 && !log->isLoading(), WAIT_MS);
    window->tabs()->setCurrentIndex(1);
    for (const QString &name : {u"Anna Wong"_s, u"Wendy Week"_s}) {
        int row = -1;
        for (int i = 0; i < log->rowCount() && row < 0; ++i) {
            if (log->entry(i)->inviteeName == name) {
                row = i;
            }
        }
        QVERIFY(row >= 0);
        window->tabs()->setCurrentIndex(1);
        window->logView()->setFocus();
        window->logView()->setCurrentIndex(log->index(row, 0));
        QTest::keyClick(window->logView(), Qt::Key_Return);
        QCOMPARE(window->tabs()->currentIndex(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(window->meetingDetail()->headline(), name, WAIT_MS);
    }
}

void TestMainWindow::autostartWritesAndRemovesTheDesktopEntry()
{
    QTemporaryDir config;
    Autostart autostart(config.filePath(u"autostart"_s));
    QVERIFY(!autostart.isEnabled());
    QString error;
    QVERIFY2(autostart.setEnabled(true, &error), qPrintable(error));
    QVERIFY(autostart.isEnabled());
    QFile file(autostart.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString entry = QString::fromUtf8(file.readAll());
    QVERIFY(entry.startsWith(u"[Desktop Entry]\nType=Application\n"_s));
    QVERIFY(entry.contains(u"Exec="_s + QCoreApplication::applicationFilePath()));
    QVERIFY2(autostart.setEnabled(false, &error), qPrintable(error));
    QVERIFY(!autostart.isEnabled());
    // Exec quoting, as the Desktop Entry spec asks: reserved characters quoted, backslashes doubled.
    QVERIFY(Autostart::desktopEntry(u"/opt/My Apps/deskbell"_s).contains("Exec=\"/opt/My Apps/deskbell\"\n"));
    QVERIFY(Autostart::desktopEntry(u"/opt/a$b/deskbell"_s).contains("Exec=\"/opt/a\\\\$b/deskbell\"\n"));
    QVERIFY(Autostart::desktopEntry(u"/opt/100%/deskbell"_s).contains("Exec=/opt/100%%/deskbell\n"));

    // The window's option writes to the session's folder ($XDG_CONFIG_HOME/autostart).
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    auto unset = qScopeGuard([] { qunsetenv("XDG_CONFIG_HOME"); });
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(!window->autostartAction()->isChecked());
    window->autostartAction()->trigger();
    QVERIFY(QFile::exists(config.filePath(u"autostart/deskbell.desktop"_s)));
    window->autostartAction()->trigger();
    QVERIFY(!QFile::exists(config.filePath(u"autostart/deskbell.desktop"_s)));
}

void TestMainWindow::readableInADarkPalette()
{
    m_fixture->book(u"A"_s, u"Anna Wong"_s, atBangkok(9, 30));
    const QPalette original = QApplication::palette();
    auto restore = qScopeGuard([original] { QApplication::setPalette(original); });
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x24));
    dark.setColor(QPalette::WindowText, QColor(0xE8, 0xE8, 0xE8));
    dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x1B));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x2A));
    dark.setColor(QPalette::Text, QColor(0xE8, 0xE8, 0xE8));
    dark.setColor(QPalette::Button, QColor(0x2C, 0x2C, 0x31));
    dark.setColor(QPalette::ButtonText, QColor(0xE8, 0xE8, 0xE8));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9A, 0x9A, 0xA0));
    dark.setColor(QPalette::Highlight, QColor(0x3D, 0x6F, 0xB5));
    dark.setColor(QPalette::HighlightedText, QColor(0xFF, 0xFF, 0xFF));
    QApplication::setPalette(dark);

    auto window = makeWindow();
    QVERIFY(window);
    auto *model = window->upcomingModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, WAIT_MS);
    window->upcomingView()->setCurrentIndex(model->index(0, 0));
    // Every colour the window hands out comes from the palette in use.
    const QModelIndex meeting = model->index(0, 0);
    for (int r = -1; r < model->rowCount(meeting); ++r) {
        for (int c = 0; c < UpcomingModel::ColumnCount; ++c) {
            const QModelIndex index = r < 0 ? model->index(0, c) : model->index(r, c, meeting);
            const QVariant brush = index.data(Qt::ForegroundRole);
            QVERIFY(!brush.isValid() ||
                    brush.value<QBrush>().color() == dark.color(QPalette::PlaceholderText));
            QVERIFY(!index.data(Qt::BackgroundRole).isValid());
        }
    }
    // No widget was given fixed colours by a style sheet.
    for (const QWidget *w : window->findChildren<QWidget *>()) {
        QVERIFY2(w->styleSheet().isEmpty(), qPrintable(w->objectName()));
    }
    QVERIFY(window->styleSheet().isEmpty());
    QCOMPARE(window->problemBanner()->palette().color(QPalette::WindowText),
             dark.color(QPalette::WindowText));
    const QImage shot = window->grab().toImage();
    QVERIFY(!shot.isNull());
    // Mostly dark: the window really follows the palette.
    const QColor middle = shot.pixelColor(shot.width() / 2, shot.height() - 5);
    QVERIFY2(middle.lightness() < 128, qPrintable(middle.name()));
    saveScreenshot(*window, u"mainwindow-dark"_s);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
