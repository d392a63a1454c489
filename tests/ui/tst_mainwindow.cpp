// The real MainWindow on the offscreen platform, over a real engine and SQLite file.

#include "Engine.h"
#include "MainWindow.h"
#include "UpcomingModel.h"
#include "secrets/SecretStore.h"
#include "support/CalendlyBodies.h"
#include "support/FakeClock.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void showsUpcomingMeetingsWithTheirMessages();
    void masksPhoneNumbers();
    void showsSettingsErrorsInPlainWords();
    void emptyDatabaseSaysSo();

private:
    std::unique_ptr<Engine> makeEngine(const QByteArray &ini, QString *problems);
    void saveScreenshot(QWidget &window, const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    LayeredSecretStore m_noSecrets{{}, nullptr};
    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 9), QTime(2, 0), Qt::UTC)};
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<Engine> TestMainWindow::makeEngine(const QByteArray &ini, QString *problems)
{
    const QString path = m_dir->filePath(u"deskbell.ini"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return nullptr;
    }
    file.write(ini);
    file.write("\n[listener]\nport = 0\n");
    file.close();
    auto engine =
        std::make_unique<Engine>(Engine::Options{path, m_dir->path(), "Asia/Bangkok", &m_noSecrets}, m_clock);
    engine->start(problems);
    return engine;
}

// Set DESKBELL_SCREENSHOT_DIR to keep a picture of what the test saw.
void TestMainWindow::saveScreenshot(QWidget &window, const QString &name)
{
    const QPixmap shot = window.grab();
    QVERIFY(!shot.isNull());
    QVERIFY(shot.width() > 600);
    const QString dir = qEnvironmentVariable("DESKBELL_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(dir + u'/' + name + u".png"_s));
    }
}

void TestMainWindow::showsUpcomingMeetingsWithTheirMessages()
{
    QString problems;
    auto engine =
        makeEngine("[templates]\nconfirm = 1\nreminder = 2\n[rules]\ndefault_region = TH\n", &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));

    MainWindow window(*engine, m_clock, problems);
    QAbstractItemModelTester tester(window.upcomingModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.upcomingModel()->rowCount(), 0);

    test::BodyOptions booking;
    booking.startUtc = QDateTime(QDate(2026, 11, 10), QTime(7, 0), Qt::UTC);
    QCOMPARE(engine->ingest(test::body(booking), u"manual"_s).outcome, u"applied"_s);
    test::BodyOptions other = booking;
    other.id = u"B"_s;
    other.name = u"Priya Sharma"_s;
    other.timezone = u"Asia/Kolkata"_s;
    other.phone = u"+91 98765 43210"_s;
    other.startUtc = booking.startUtc.addSecs(5400);
    QCOMPARE(engine->ingest(test::body(other), u"manual"_s).outcome, u"applied"_s);

    // The window follows the engine without a click.
    auto *model = window.upcomingModel();
    QTRY_COMPARE(model->rowCount(), 2);
    const QModelIndex first = model->index(0, UpcomingModel::Who);
    QCOMPARE(first.data().toString(), u"Somchai Jaidee"_s);
    QCOMPARE(model->index(0, UpcomingModel::When).data().toString(), u"Tue 10 Nov, 14:00"_s);
    // An invitee in another zone sees their own time next to the desk's.
    QVERIFY2(model->index(1, UpcomingModel::When).data().toString().contains(u"(14:00 for them)"_s),
             qPrintable(model->index(1, UpcomingModel::When).data().toString()));
    QCOMPARE(model->rowCount(model->index(0, 0)), 3); // confirmation + two reminders
    // No SMS account: the sandbox took the confirmation, and the window does not call that "Sent".
    QTRY_COMPARE(model->index(0, UpcomingModel::Status, model->index(0, 0)).data().toString(),
                 u"Sandbox: not really sent"_s);
    QCOMPARE(model->index(1, UpcomingModel::Status, model->index(0, 0)).data().toString(), u"Waiting"_s);
    QVERIFY(window.upcomingView()->isExpanded(model->index(0, 0)));
    QVERIFY(!window.problemBanner()->isVisible());
    saveScreenshot(window, u"mainwindow-upcoming"_s);
}

void TestMainWindow::masksPhoneNumbers()
{
    QString problems;
    auto engine = makeEngine("[templates]\nconfirm = 1\n", &problems);
    test::BodyOptions booking;
    booking.startUtc = QDateTime(QDate(2026, 11, 10), QTime(7, 0), Qt::UTC);
    QCOMPARE(engine->ingest(test::body(booking), u"manual"_s).outcome, u"applied"_s);
    MainWindow window(*engine, m_clock, problems);
    const QString shown = window.upcomingModel()->index(0, UpcomingModel::Phone).data().toString();
    QVERIFY(!shown.isEmpty());
    QVERIFY2(!shown.contains(u"1234"_s) && !shown.contains(u"812"_s), qPrintable(shown));
    QVERIFY2(shown.endsWith(u"678"_s), qPrintable(shown));
}

void TestMainWindow::showsSettingsErrorsInPlainWords()
{
    QString problems;
    auto engine = makeEngine("[rules]\nquiet_hours = late evening\n", &problems);
    QVERIFY(!problems.isEmpty());
    QVERIFY(!engine->isReady());
    MainWindow window(*engine, m_clock, problems);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.problemBanner()->isVisible());
    QVERIFY2(window.problemBanner()->text().contains(u"[rules] quiet_hours"_s),
             qPrintable(window.problemBanner()->text()));
    saveScreenshot(window, u"mainwindow-settings-error"_s);
}

void TestMainWindow::emptyDatabaseSaysSo()
{
    QString problems;
    auto engine = makeEngine("", &problems);
    MainWindow window(*engine, m_clock, problems);
    const auto *summary = window.findChild<QLabel *>(u"summary"_s);
    QVERIFY(summary);
    QVERIFY2(summary->text().startsWith(u"No meetings"_s), qPrintable(summary->text()));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
