// Options > Shared store (StoreDialog), and a desk's window following another desk on a shared store.
// Plainly: the unreachable server. As tst_storedialog_pg (support/with-postgres.sh): a real server.

#include "MainWindow.h"
#include "StoreDialog.h"
#include "UiTestSupport.h"
#include "UpcomingModel.h"
#include "engine/BookingProcessor.h"
#include "storage/Store.h"
#include "support/CalendlyBodies.h"
#include "support/ConsoleFixture.h"
#include "support/OutboxSummary.h"
#include "support/TestDatabase.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

constexpr int WAIT_MS = 15000;
const QString PASSWORD_TYPED = u"not-the-real-pw-7f3a"_s;

} // namespace

class TestStoreDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void anUnreachableServerIsSaidPlainly();
    void aWrongPasswordIsSaidPlainlyAndNeverShown();
    void testConnectionTellsVersionAndWhatIsThere();
    void savingWritesTheUrlWithoutThePasswordAndOffersARestart();
    void savingWithCopyMovesThisDesksDataFirst();
    void aDesksWindowShowsAnotherDesksBookingWithinTwoSeconds();

private:
    std::unique_ptr<StoreDialog> makeDialog();
    void fill(StoreDialog &dialog, const Database::Location &where, const QString &password);
    StoreProbe::Result probe(StoreDialog &dialog);
    QLabel *result(StoreDialog &dialog) { return dialog.findChild<QLabel *>(u"storeResult"_s); }

    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<test::ConsoleFixture> m_fixture;
    test::TestDatabase m_pg;
};

void TestStoreDialog::initTestCase()
{
    QLoggingCategory::setFilterRules(u"deskbell.*.info=false"_s);
}

void TestStoreDialog::init()
{
    m_settingsDir = test::isolateUserSettings();
    QVERIFY(m_settingsDir->isValid());
    m_fixture = std::make_unique<test::ConsoleFixture>();
    QString error;
    QVERIFY2(m_fixture->start(&error), qPrintable(error));
}

void TestStoreDialog::cleanup()
{
    m_fixture.reset();
    m_pg.reset();
    m_settingsDir.reset();
}

std::unique_ptr<StoreDialog> TestStoreDialog::makeDialog()
{
    auto dialog =
        std::make_unique<StoreDialog>(m_fixture->host(), m_fixture->location(), m_fixture->settingsPath());
    dialog->show();
    return dialog;
}

void TestStoreDialog::fill(StoreDialog &dialog, const Database::Location &where, const QString &password)
{
    dialog.findChild<QLineEdit *>(u"storeHost"_s)->setText(where.host);
    dialog.findChild<QSpinBox *>(u"storePort"_s)->setValue(where.port);
    dialog.findChild<QLineEdit *>(u"storeDatabase"_s)->setText(where.database);
    dialog.findChild<QLineEdit *>(u"storeUser"_s)->setText(where.user);
    dialog.findChild<QLineEdit *>(u"storeSchema"_s)->setText(where.schema);
    auto *field = dialog.findChild<QLineEdit *>(u"storePassword"_s);
    QCOMPARE(field->echoMode(), QLineEdit::Password);
    field->setText(password);
}

StoreProbe::Result TestStoreDialog::probe(StoreDialog &dialog)
{
    QSignalSpy finished(&dialog, &StoreDialog::probeFinished);
    auto *button = dialog.findChild<QPushButton *>(u"storeTest"_s);
    QElapsedTimer timer;
    timer.start();
    button->click();
    // The window is not waiting: the click returned at once, the button waits for the answer.
    const qint64 clickMs = timer.elapsed();
    if (clickMs > 500 || !QTest::qWaitFor([&] { return !finished.isEmpty(); }, WAIT_MS)) {
        qWarning() << "the probe blocked the window or never answered" << clickMs;
        return {};
    }
    return finished.constFirst().constFirst().value<StoreProbe::Result>();
}

void TestStoreDialog::anUnreachableServerIsSaidPlainly()
{
    quint16 closedPort = 0;
    {
        QTcpServer server; // a port nobody listens on once it is closed
        QVERIFY(server.listen(QHostAddress::LocalHost));
        closedPort = server.serverPort();
    }
    auto dialog = makeDialog();
    Database::Location nowhere;
    nowhere.host = u"127.0.0.1"_s;
    nowhere.port = closedPort;
    nowhere.database = u"deskbell"_s;
    nowhere.user = u"desk"_s;
    fill(*dialog, nowhere, PASSWORD_TYPED);
    const auto answer = probe(*dialog);
    QVERIFY(!answer.connected);
    QVERIFY2(answer.error.contains(u"cannot be reached"_s), qPrintable(answer.error));
    QVERIFY2(result(*dialog)->text().contains(u"cannot be reached"_s), qPrintable(result(*dialog)->text()));
    QVERIFY(!result(*dialog)->text().contains(PASSWORD_TYPED));
    QVERIFY(dialog->findChild<QPushButton *>(u"storeTest"_s)->isEnabled());
    test::saveScreenshot(*dialog, u"storedialog-unreachable"_s);
}

void TestStoreDialog::aWrongPasswordIsSaidPlainlyAndNeverShown()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("needs the PostgreSQL test server (tst_storedialog_pg)");
    }
    const Database::Location server = m_pg.fresh();
    QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
    auto dialog = makeDialog();
    fill(*dialog, server, PASSWORD_TYPED);
    const auto answer = probe(*dialog);
    QVERIFY(!answer.connected);
    QVERIFY2(answer.error.contains(u"refused the user name or password"_s), qPrintable(answer.error));
    QVERIFY(!result(*dialog)->text().contains(PASSWORD_TYPED));
}

void TestStoreDialog::testConnectionTellsVersionAndWhatIsThere()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("needs the PostgreSQL test server (tst_storedialog_pg)");
    }
    const Database::Location server = m_pg.fresh();
    QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
    auto dialog = makeDialog();
    fill(*dialog, server, server.password);
    auto answer = probe(*dialog);
    QVERIFY2(answer.connected, qPrintable(answer.error));
    QVERIFY(!answer.serverVersion.isEmpty());
    QVERIFY(answer.schemaExists);
    QVERIFY(!answer.hasDeskbellTables);
    QVERIFY2(result(*dialog)->text().contains(u"Connected: PostgreSQL "_s + answer.serverVersion),
             qPrintable(result(*dialog)->text()));
    QVERIFY2(result(*dialog)->text().contains(u"no Deskbell tables"_s), qPrintable(result(*dialog)->text()));
    QVERIFY(!result(*dialog)->text().contains(server.password));

    {
        Database db(u"tables"_s);
        db.open(server); // makes Deskbell's tables
    }
    answer = probe(*dialog);
    QVERIFY(answer.hasDeskbellTables);
    QCOMPARE(answer.schemaVersion, Database::schemaVersion());
    QCOMPARE(answer.appointments, 0);
    QVERIFY2(result(*dialog)->text().contains(u"schema version %1"_s.arg(Database::schemaVersion())),
             qPrintable(result(*dialog)->text()));

    dialog->findChild<QLineEdit *>(u"storeSchema"_s)->setText(u"nosuchschema"_s);
    answer = probe(*dialog);
    QVERIFY(answer.connected && !answer.schemaExists);
    QVERIFY2(result(*dialog)->text().contains(u"CREATE SCHEMA nosuchschema"_s),
             qPrintable(result(*dialog)->text()));
    test::saveScreenshot(*dialog, u"storedialog-connected"_s);
}

void TestStoreDialog::savingWritesTheUrlWithoutThePasswordAndOffersARestart()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("needs the PostgreSQL test server (tst_storedialog_pg)");
    }
    const Database::Location server = m_pg.fresh();
    QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
    auto dialog = makeDialog();
    QByteArray kept;
    dialog->setPasswordSaver([&kept](const QByteArray &password, std::function<void(const QString &)> done) {
        kept = password;
        done({});
    });
    int restarts = 0;
    dialog->setRestarter([&restarts] { ++restarts; });
    fill(*dialog, server, server.password);
    dialog->findChild<QCheckBox *>(u"storeCopy"_s)->setChecked(false);
    QSignalSpy saved(dialog.get(), &StoreDialog::saved);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, WAIT_MS);
    QCOMPARE(kept, server.password.toUtf8());

    QFile file(m_fixture->settingsPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(!text.contains(server.password), "the settings file holds the password");
    QVERIFY2(text.contains(u"[templates]"_s), "the other sections stay");
    QSettings settings(m_fixture->settingsPath(), QSettings::IniFormat);
    const QString url = settings.value(u"storage/url"_s).toString();
    QCOMPARE(url, saved.constFirst().constFirst().toString());
    Database::Location parsed;
    QString why;
    QVERIFY2(Database::parseUrl(url, {}, &parsed, &why), qPrintable(why));
    QCOMPARE(parsed.host, server.host);
    QCOMPARE(parsed.schema, server.schema);
    QCOMPARE(parsed.user, server.user);
    QVERIFY(parsed.password.isEmpty());

    auto *restart = dialog->findChild<QPushButton *>(u"restartNow"_s);
    QVERIFY(restart);
    QVERIFY(dialog->findChild<QPushButton *>(u"restartLater"_s));
    QVERIFY2(result(*dialog)->text().contains(u"restart"_s), qPrintable(result(*dialog)->text()));
    restart->click();
    QCOMPARE(restarts, 1);
    QVERIFY(dialog->findChild<QLineEdit *>(u"storePassword"_s)->text().isEmpty());
}

void TestStoreDialog::savingWithCopyMovesThisDesksDataFirst()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("needs the PostgreSQL test server (tst_storedialog_pg)");
    }
    m_fixture->book(u"A"_s, u"Somchai Jaidee"_s, test::atBangkok(14));
    m_fixture->book(u"B"_s, u"Second Guest"_s, test::atBangkok(15));
    const Database::Location server = m_pg.fresh();
    QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
    auto dialog = makeDialog();
    dialog->setPasswordSaver([](const QByteArray &, std::function<void(const QString &)> done) { done({}); });
    int restarts = 0;
    dialog->setRestarter([&restarts] { ++restarts; });
    fill(*dialog, server, server.password);
    auto *copy = dialog->findChild<QCheckBox *>(u"storeCopy"_s);
    QVERIFY(copy->isEnabled() && copy->isChecked());
    QSignalSpy copied(dialog.get(), &StoreDialog::copyFinished);
    QSignalSpy saved(dialog.get(), &StoreDialog::saved);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QTRY_COMPARE_WITH_TIMEOUT(copied.count(), 1, WAIT_MS);
    const auto report = copied.constFirst().constFirst().value<StoreMigrator::Report>();
    QVERIFY2(report.ok, qPrintable(report.error));
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, WAIT_MS);

    Database shared(u"shared"_s);
    shared.open(server);
    test::FakeClock clock(test::DESK_NOW);
    Store store(shared, clock);
    QVERIFY(store.appointment(test::inviteeUri(u"A"_s)));
    QVERIFY(!store.messagesForInvitee(test::inviteeUri(u"B"_s)).isEmpty());
    QVERIFY(dialog->findChild<QPushButton *>(u"restartNow"_s));
    QVERIFY2(!dialog->findChild<QPushButton *>(u"restartLater"_s), "the engine is stopped: restart only");
}

void TestStoreDialog::aDesksWindowShowsAnotherDesksBookingWithinTwoSeconds()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("needs the PostgreSQL test server (tst_storedialog_pg)");
    }
    m_fixture.reset();
    test::ConsoleFixture::Options options;
    options.postgres = true;
    m_fixture = std::make_unique<test::ConsoleFixture>(options);
    QString error;
    QVERIFY2(m_fixture->start(&error), qPrintable(error));
    QVERIFY(m_fixture->reader().isLive());
    MainWindow window(m_fixture->host(), m_fixture->reader(), m_fixture->clock(), m_fixture->deskZone(), {});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *model = window.upcomingModel();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), WAIT_MS);
    QCOMPARE(model->rowCount(), 0);
    auto *live = window.findChild<QLabel *>(u"liveStatus"_s);
    QVERIFY(live && live->isVisibleTo(&window));

    // Desk B: its own connection and processor on the same store; desk A's engine knows nothing.
    Database other(u"desk_b"_s);
    other.open(m_fixture->location());
    Store store(other, m_fixture->clock());
    BookingProcessor processor(other, store, m_fixture->clock(), test::everyKindRules());
    test::BodyOptions o;
    o.id = u"B1"_s;
    o.name = u"Booked At Desk B"_s;
    o.startUtc = test::atBangkok(16);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(processor.receive(test::body(o), u"webhook"_s).outcome, u"applied"_s);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 2000);
    qInfo().noquote() << u"desk B's booking showed at desk A after %1 ms"_s.arg(timer.elapsed());
    test::saveScreenshot(window, u"livedesks"_s);
}

QTEST_MAIN(TestStoreDialog)
#include "tst_storedialog.moc"
