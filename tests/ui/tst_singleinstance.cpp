// One Deskbell window per user session and settings file: SingleInstance over real local sockets and
// lock files in a temporary folder, the window it brings back, and the real program launched twice.

#include "MainWindow.h"
#include "SingleInstance.h"
#include "UiTestSupport.h"
#include "config/Settings.h"
#include "support/ConsoleFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QLockFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <optional>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

constexpr int WAIT_MS = 30000;

// A second launch blocks while it waits for the first one's answer, so it runs on a thread of its
// own while this thread's event loop lets the first one answer.
std::optional<SingleInstance::Outcome> startElsewhere(const QString &key, const QString &directory,
                                                      int timeoutMs = 5000)
{
    std::optional<SingleInstance::Outcome> outcome;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        SingleInstance second(key, directory);
        outcome = second.start(timeoutMs);
    }));
    QSignalSpy finished(thread.get(), &QThread::finished);
    thread->start();
    if (!finished.wait(WAIT_MS)) {
        thread->wait();
    }
    return outcome;
}

// What a crash leaves: a socket file bound by a process that is gone, nobody listening.
bool leaveDeadSocket(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    if (size_t(name.size()) >= sizeof(address.sun_path)) {
        return false;
    }
    std::copy(name.cbegin(), name.cend(), address.sun_path);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0) {
        return false;
    }
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
    ::close(fd); // the file stays: only the process that bound it would have removed it
    return bound && QFileInfo::exists(path);
}

// What a crash leaves: Qt's own lock file, naming a process that no longer exists.
bool leaveDeadLock(const QString &path)
{
    QByteArray contents;
    {
        QLockFile lock(path);
        if (!lock.tryLock(0)) {
            return false;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return false;
        }
        contents = file.readAll();
    } // unlocked: the file is gone
    const qsizetype endOfPid = contents.indexOf('\n');
    if (endOfPid <= 0) {
        return false;
    }
    // Above any pid_max Linux allows (2^22), so no process can have it.
    contents.replace(0, endOfPid, "1073741823");
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void secondLaunchAsksTheFirstToShowItsWindow();
    void closedPrimaryFreesTheName();
    void leftoversOfACrashAreTakenOver();
    void differentKeysCoexist();
    void lockedButSilentIsReported();
    void unknownRequestIsIgnored();
    void keyFollowsUserAndSettingsFile_data();
    void keyFollowsUserAndSettingsFile();
    void activationBringsBackAWindowClosedToTheTray();
    void secondProgramLaunchShowsTheFirstAndExits();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSingleInstance::initTestCase()
{
    QCoreApplication::setApplicationName(u"deskbell-tst-singleinstance"_s);
    MainWindow::setWelcomeSuppressed(true);
}

void TestSingleInstance::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSingleInstance::secondLaunchAsksTheFirstToShowItsWindow()
{
    SingleInstance first(u"desk"_s, m_dir->path());
    QSignalSpy activated(&first, &SingleInstance::activationRequested);
    QCOMPARE(first.start(), SingleInstance::Outcome::Primary);
    QVERIFY(first.isPrimary());
    QVERIFY(QFileInfo::exists(first.lockFilePath()));

    QCOMPARE(startElsewhere(u"desk"_s, m_dir->path()), SingleInstance::Outcome::Secondary);
    QTRY_COMPARE(activated.count(), 1);
    QVERIFY(first.isPrimary());

    // And again: the first copy keeps answering.
    QCOMPARE(startElsewhere(u"desk"_s, m_dir->path()), SingleInstance::Outcome::Secondary);
    QTRY_COMPARE(activated.count(), 2);
}

void TestSingleInstance::closedPrimaryFreesTheName()
{
    QString socketPath;
    QString lockPath;
    {
        SingleInstance first(u"desk"_s, m_dir->path());
        QCOMPARE(first.start(), SingleInstance::Outcome::Primary);
        socketPath = first.serverName();
        lockPath = first.lockFilePath();
    }
    QVERIFY(!QFileInfo::exists(socketPath));
    QVERIFY(!QFileInfo::exists(lockPath));
    SingleInstance next(u"desk"_s, m_dir->path());
    QCOMPARE(next.start(), SingleInstance::Outcome::Primary);
}

void TestSingleInstance::leftoversOfACrashAreTakenOver()
{
    SingleInstance probe(u"desk"_s, m_dir->path());
    QVERIFY(leaveDeadSocket(probe.serverName()));
    QVERIFY(leaveDeadLock(probe.lockFilePath()));
    // Nobody answers on the socket the crashed copy left.
    QLocalSocket socket;
    socket.connectToServer(probe.serverName());
    QVERIFY(!socket.waitForConnected(1000));

    SingleInstance first(u"desk"_s, m_dir->path());
    QSignalSpy activated(&first, &SingleInstance::activationRequested);
    QCOMPARE(first.start(1000), SingleInstance::Outcome::Primary);
    QCOMPARE(startElsewhere(u"desk"_s, m_dir->path()), SingleInstance::Outcome::Secondary);
    QTRY_COMPARE(activated.count(), 1);
}

void TestSingleInstance::differentKeysCoexist()
{
    SingleInstance clinic(SingleInstance::keyFor(m_dir->filePath(u"clinic.ini"_s)), m_dir->path());
    SingleInstance school(SingleInstance::keyFor(m_dir->filePath(u"school.ini"_s)), m_dir->path());
    QSignalSpy clinicActivated(&clinic, &SingleInstance::activationRequested);
    QSignalSpy schoolActivated(&school, &SingleInstance::activationRequested);
    QCOMPARE(clinic.start(), SingleInstance::Outcome::Primary);
    QCOMPARE(school.start(), SingleInstance::Outcome::Primary);
    QVERIFY(clinic.serverName() != school.serverName());

    QCOMPARE(startElsewhere(SingleInstance::keyFor(m_dir->filePath(u"school.ini"_s)), m_dir->path()),
             SingleInstance::Outcome::Secondary);
    QTRY_COMPARE(schoolActivated.count(), 1);
    QCOMPARE(clinicActivated.count(), 0);
}

void TestSingleInstance::lockedButSilentIsReported()
{
    // A copy that holds the lock but never listens (hung before its window came up).
    SingleInstance probe(u"desk"_s, m_dir->path());
    QLockFile held(probe.lockFilePath());
    QVERIFY(held.tryLock(0));

    SingleInstance second(u"desk"_s, m_dir->path());
    QCOMPARE(second.start(300), SingleInstance::Outcome::NoAnswer);
    QVERIFY(!second.isPrimary());
    QVERIFY2(second.errorString().contains(QDir::toNativeSeparators(probe.lockFilePath())),
             qPrintable(second.errorString()));
}

void TestSingleInstance::unknownRequestIsIgnored()
{
    SingleInstance first(u"desk"_s, m_dir->path());
    QSignalSpy activated(&first, &SingleInstance::activationRequested);
    QCOMPARE(first.start(), SingleInstance::Outcome::Primary);

    QLocalSocket socket;
    QSignalSpy disconnected(&socket, &QLocalSocket::disconnected);
    socket.connectToServer(first.serverName());
    QVERIFY(socket.waitForConnected(1000));
    socket.write("quit\n");
    QVERIFY(disconnected.wait(WAIT_MS));
    QCOMPARE(activated.count(), 0);
    QVERIFY(socket.readAll().isEmpty());
}

void TestSingleInstance::keyFollowsUserAndSettingsFile_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");

    const QString dir = QDir::tempPath() + u"/deskbell-keys"_s;
    QTest::newRow("no --config and the default file are one desk")
        << QString() << Settings::defaultPath() << true;
    QTest::newRow("another settings file is another desk") << QString() << dir + u"/clinic.ini"_s << false;
    QTest::newRow("two settings files are two desks")
        << dir + u"/clinic.ini"_s << dir + u"/school.ini"_s << false;
    QTest::newRow("one file by two spellings is one desk")
        << dir + u"/clinic.ini"_s << dir + u"/x/../clinic.ini"_s << true;
}

void TestSingleInstance::keyFollowsUserAndSettingsFile()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);

    const QString keyA = SingleInstance::keyFor(a);
    const QString keyB = SingleInstance::keyFor(b);
    QCOMPARE(keyA == keyB, same);
    // Per user: the uid is in every key (the temporary folder is shared between users).
    const QString user = u"deskbell-"_s + QString::number(::getuid());
    QVERIFY2(keyA == user || keyA.startsWith(user + u'-'), qPrintable(keyA));
    QVERIFY2(keyB == user || keyB.startsWith(user + u'-'), qPrintable(keyB));
}

void TestSingleInstance::activationBringsBackAWindowClosedToTheTray()
{
    const auto settingsDir = test::isolateUserSettings();
    QVERIFY(settingsDir->isValid());
    test::ConsoleFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    MainWindow window(fixture.host(), fixture.reader(), fixture.clock(), fixture.deskZone(), {});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.hide(); // what closing to the tray does
    QVERIFY(!window.isVisible());

    SingleInstance first(u"desk"_s, m_dir->path());
    connect(&first, &SingleInstance::activationRequested, &window, &MainWindow::bringToFront);
    QCOMPARE(first.start(), SingleInstance::Outcome::Primary);
    QCOMPARE(startElsewhere(u"desk"_s, m_dir->path()), SingleInstance::Outcome::Secondary);
    QTRY_VERIFY(window.isVisible());

    // A minimized window comes back too, and a maximized one stays maximized.
    window.showMaximized();
    window.setWindowState(window.windowState() | Qt::WindowMinimized);
    QVERIFY(window.isMinimized());
    QCOMPARE(startElsewhere(u"desk"_s, m_dir->path()), SingleInstance::Outcome::Secondary);
    QTRY_VERIFY(!window.isMinimized());
    QVERIFY(window.isMaximized());
}

void TestSingleInstance::secondProgramLaunchShowsTheFirstAndExits()
{
    QDir root(m_dir->path());
    for (const QString &sub : {u"home"_s, u"config"_s, u"data"_s, u"cache"_s, u"run"_s}) {
        QVERIFY(root.mkpath(sub));
    }
    QVERIFY(QFile::setPermissions(root.filePath(u"run"_s),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    const QString settings = root.filePath(u"clinic.ini"_s);
    {
        QFile file(settings);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(test::ConsoleFixture::settingsText());
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, root.filePath(u"home"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, root.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, root.filePath(u"data"_s));
    env.insert(u"XDG_CACHE_HOME"_s, root.filePath(u"cache"_s));
    env.insert(u"XDG_RUNTIME_DIR"_s, root.filePath(u"run"_s));
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"DESKBELL_NO_WELCOME"_s, u"1"_s);
    env.insert(u"DESKBELL_KEYCHAIN"_s, u"off"_s);
    env.insert(u"DESKBELL_LANGUAGE"_s, u"en"_s);

    std::vector<std::unique_ptr<QProcess>> processes;
    auto cleanup = qScopeGuard([&] {
        for (auto &p : processes) {
            if (p->state() != QProcess::NotRunning) {
                p->kill();
                p->waitForFinished(WAIT_MS);
            }
        }
    });
    auto launch = [&] {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(env);
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->start(QStringLiteral(DESKBELL_BINARY), {u"--config"_s, settings});
        processes.push_back(std::move(process));
        return processes.back().get();
    };
    QByteArray firstLog;
    auto untilLogged = [&](QProcess *process, QByteArray &log, const QByteArray &text) {
        return [process, &log, text] {
            log += process->readAll();
            return log.contains(text) || process->state() == QProcess::NotRunning;
        };
    };

    QProcess *first = launch();
    // The engine starts after the single-instance check: once it is ready, the first copy listens.
    QTRY_VERIFY_WITH_TIMEOUT(untilLogged(first, firstLog, "deskbell.engine: ready")(), WAIT_MS);
    QVERIFY2(first->state() == QProcess::Running, firstLog.constData());

    QProcess *second = launch();
    QVERIFY(second->waitForFinished(WAIT_MS));
    const QByteArray secondLog = second->readAll();
    QCOMPARE(second->exitStatus(), QProcess::NormalExit);
    QVERIFY2(second->exitCode() == 0, secondLog.constData());
    QVERIFY2(secondLog.contains("already open"), secondLog.constData());
    QTRY_VERIFY_WITH_TIMEOUT(untilLogged(first, firstLog, "another launch asked for the window")(), WAIT_MS);
    QCOMPARE(first->state(), QProcess::Running);

    // The first copy crashes: it leaves its lock and socket files, and the next launch takes over.
    first->kill();
    QVERIFY(first->waitForFinished(WAIT_MS));
    SingleInstance probe(SingleInstance::keyFor(settings), root.filePath(u"run"_s));
    QVERIFY(QFileInfo::exists(probe.lockFilePath()));
    QProcess *third = launch();
    QByteArray thirdLog;
    QTRY_VERIFY_WITH_TIMEOUT(untilLogged(third, thirdLog, "deskbell.engine: ready")(), WAIT_MS);
    QVERIFY2(third->state() == QProcess::Running, thirdLog.constData());
    QProcess *fourth = launch();
    QVERIFY(fourth->waitForFinished(WAIT_MS));
    QCOMPARE(fourth->exitCode(), 0);
    QCOMPARE(third->state(), QProcess::Running);
}

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
