// Deskbell: SMS confirmations and reminders for Calendly bookings, for the front desk.

#include "Engine.h"
#include "EngineHost.h"
#include "Logging.h"
#include "MainWindow.h"
#include "SingleInstance.h"
#include "StoreDialog.h"
#include "Translations.h"
#include "config/Settings.h"
#include "domain/Clock.h"
#include "storage/ConsoleReader.h"
#include "storage/Database.h"
#include "storage/StoreMigrator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QLoggingCategory>
#include <QProcess>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimeZone>

#include <csignal>
#include <cstdio>
#include <functional>
#include <unistd.h>

using namespace deskbell;
using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApp, "deskbell.app")

namespace {

enum ExitCode
{
    EXIT_OK = 0,
    EXIT_FAILURE_RUNTIME = 1,
    EXIT_USAGE = 2,
};

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

struct CommandLine
{
    QCommandLineOption config{u"config"_s, u"Use the settings in <file> instead of the default file."_s,
                              u"file"_s};
    QCommandLineOption checkConfig{u"check-config"_s,
                                   u"Check the settings file, list every problem with its key, and exit "
                                   "(status 0 when usable, 2 when not)."_s};
    QCommandLineOption headless{
        u"headless"_s, u"Run the engine without a window (for a server): receive, plan and send until "
                       "stopped with Ctrl+C or SIGTERM."_s};
    QCommandLineOption ingest{
        u"ingest"_s,
        u"Record and plan one Calendly webhook body from <file> (- for standard input), "
        "print the outcome, and exit."_s,
        u"file"_s};
    QCommandLineOption language{
        u"language"_s,
        u"Show the window in <language>: en, th or zh_CN (default: the one chosen under Options, else "
        "the system's; DESKBELL_LANGUAGE works too)."_s,
        u"language"_s};
    QCommandLineOption migrateTo{
        u"migrate-to"_s,
        u"Copy this desk's SQLite database (the settings' [storage] url, else the default file) into the "
        "empty PostgreSQL store at <url> (postgresql://user@host:port/database?schema=name), keeping ids, "
        "check the copy table by table, and exit (status 0 when every count matches). Close Deskbell "
        "first. The password comes from the url, DESKBELL_DB_PASSWORD or ~/.pgpass and is never printed. "
        "Afterwards set [storage] url to <url> without its password."_s,
        u"url"_s};
    QCommandLineParser parser;

    CommandLine()
    {
        parser.setApplicationDescription(
            u"Deskbell texts Calendly invitees in any country: confirmations, reminders, cancellations."_s);
        parser.addOptions({config, headless, checkConfig, ingest, language, migrateTo});
        parser.addHelpOption();
        parser.addVersionOption();
    }
};

// SIGINT/SIGTERM through a pipe into the event loop: a signal handler may only write a byte.
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

void quitOnSignals(QCoreApplication &app, const std::function<void()> &beforeQuit)
{
    if (::pipe(g_signalPipe) != 0) {
        return;
    }
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app, beforeQuit, notifier] {
        char byte = 0;
        [[maybe_unused]] const auto readBytes = ::read(g_signalPipe[0], &byte, 1);
        notifier->setEnabled(false);
        beforeQuit();
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

int runHeadless(int argc, char **argv, CommandLine &cli)
{
    QCoreApplication app(argc, argv);
    SystemClock clock;
    Engine engine({cli.parser.value(cli.config), {}, {}}, clock);
    QString problems;
    if (!engine.start(&problems)) {
        print(stderr, u"deskbell: cannot start:\n%1\n"_s.arg(problems));
        return EXIT_USAGE;
    }
    QObject::connect(&engine, &Engine::alertRaised, &app,
                     [](const QString &text) { qCCritical(lcApp).noquote() << u"ALERT: "_s + text; });
    quitOnSignals(app, [&engine] {
        qCInfo(lcApp) << "stopping: finishing the sends in flight";
        engine.shutdown(20000);
    });
    qCInfo(lcApp).noquote()
        << u"Deskbell %1 running headless: database %2, sending through %3%4. Stop with Ctrl+C."_s.arg(
               QCoreApplication::applicationVersion(), engine.databasePath(), engine.smsProviderName(),
               engine.isSendingPaused() ? u" (paused)"_s : QString());
    const int code = app.exec();
    qCInfo(lcApp) << "stopped";
    return code;
}

// Whether a GUI can start at all: Qt would abort with a platform-plugin message otherwise.
bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

QString defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/deskbell.sqlite3"_s;
}

// --check-config reads and checks; it starts nothing, takes no lock and creates no file, so it can
// run beside a desk or service that is using the same settings and database.
int checkConfig(CommandLine &cli)
{
    QString path = cli.parser.value(cli.config);
    if (path.isEmpty()) {
        path = Settings::defaultPath();
    }
    const auto settings = Settings::load(path, QTimeZone::systemTimeZoneId());
    print(stdout, u"Settings file: %1%2\n"_s.arg(
                      settings.path, settings.fileExisted ? QString() : u" (not found: defaults)"_s));
    for (const auto &p : settings.problems) {
        print(stdout,
              u"%1: %2\n"_s.arg(p.severity == Settings::Problem::Severity::Error ? u"error"_s : u"warning"_s,
                                p.toString()));
    }
    Database::Location location;
    QString why;
    const QString defaultDb = defaultDatabasePath();
    if (Database::parseUrl(settings.values.storageUrl, defaultDb, &location, &why)) {
        const QFileInfo file(location.path);
        print(stdout, u"Database: %1 (%2)\n"_s.arg(
                          location.path, file.exists() ? u"exists"_s : u"created at the first start"_s));
    }
    const bool ok = settings.ok();
    print(stdout, ok ? u"Settings are usable.\n"_s : u"Settings are NOT usable.\n"_s);
    return ok ? EXIT_OK : EXIT_USAGE;
}

// --migrate-to: this desk's SQLite file into an empty PostgreSQL store. Like --check-config it starts
// no engine; it takes the database's lock for the copy, so it refuses while Deskbell runs on it.
int migrateTo(CommandLine &cli)
{
    Database::Location target;
    QString why;
    if (!Database::parseUrl(cli.parser.value(cli.migrateTo), {}, &target, &why)) {
        print(stderr, u"deskbell: --migrate-to: %1\n"_s.arg(why));
        return EXIT_USAGE;
    }
    if (target.driver != Database::Location::Driver::Postgres) {
        print(stderr, u"deskbell: --migrate-to needs a postgresql:// url\n"_s);
        return EXIT_USAGE;
    }
    QString path = cli.parser.value(cli.config);
    if (path.isEmpty()) {
        path = Settings::defaultPath();
    }
    const auto settings = Settings::load(path, QTimeZone::systemTimeZoneId());
    Database::Location source;
    if (!Database::parseUrl(settings.values.storageUrl, defaultDatabasePath(), &source, &why)) {
        print(stderr, u"deskbell: %1: [storage] url: %2\n"_s.arg(settings.path, why));
        return EXIT_USAGE;
    }
    if (source.driver != Database::Location::Driver::Sqlite) {
        print(stderr, u"deskbell: this desk already uses %1 ([storage] url in %2): there is no SQLite "
                      "database to copy\n"_s.arg(Database::describe(source), settings.path));
        return EXIT_USAGE;
    }
    print(stdout, u"Copying %1\n   into %2\n"_s.arg(Database::describe(source), Database::describe(target)));
    const StoreMigrator::Report report = StoreMigrator::copy(source, target);
    if (!report.tables.isEmpty()) {
        print(stdout, u"\n"_s + report.countsTable() + u"\n"_s);
    }
    if (!report.ok) {
        print(stderr, u"deskbell: nothing was copied: %1\n"_s.arg(report.error));
        return EXIT_FAILURE_RUNTIME;
    }
    qint64 rows = 0;
    for (const auto &t : report.tables) {
        rows += t.targetRows;
    }
    print(stdout, u"Copied and checked %1 rows in %2 tables.\nNext: set [storage] url = %3 in %4 (the "
                  "window's Shared store dialog does this; the password goes to the keychain or "
                  "DESKBELL_DB_PASSWORD), then start Deskbell. The SQLite file stays as it was.\n"_s.arg(rows)
                      .arg(report.tables.size())
                      .arg(Database::describe(target), settings.path));
    return EXIT_OK;
}

int runConsole(CommandLine &cli)
{
    if (cli.parser.isSet(cli.checkConfig)) {
        return checkConfig(cli);
    }
    if (cli.parser.isSet(cli.migrateTo)) {
        return migrateTo(cli);
    }
    SystemClock clock;
    Engine engine({cli.parser.value(cli.config), {}, {}}, clock);
    QString problems;
    const bool ok = engine.start(&problems);

    if (!ok) {
        print(stderr, u"deskbell: cannot start:\n%1\n"_s.arg(problems));
        return EXIT_USAGE;
    }
    const QString path = cli.parser.value(cli.ingest);
    QFile file;
    const bool opened = path == u"-"_s ? file.open(stdin, QIODevice::ReadOnly)
                                       : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        print(stderr, u"deskbell: cannot read %1: %2\n"_s.arg(path, file.errorString()));
        return EXIT_USAGE;
    }
    const auto result = engine.ingest(file.readAll(), u"manual"_s);
    print(stdout,
          u"event #%1 %2: %3 (%4)\n"_s.arg(result.eventId)
              .arg(result.eventName.isEmpty() ? u"?"_s : result.eventName, result.outcome, result.detail));
    return result.outcome == u"error"_s ? EXIT_FAILURE_RUNTIME : EXIT_OK;
}

// The window, its engine and reader, until the application quits. Its locals (the engine's lock, the
// single-instance server) are gone when it returns.
int runWindow(QApplication &app, CommandLine &cli)
{
    // One window per user session and settings file: a second launch shows the first one's window.
    SingleInstance instance(SingleInstance::keyFor(cli.parser.value(cli.config)));
    switch (instance.start()) {
    case SingleInstance::Outcome::Secondary:
        print(stderr,
              QCoreApplication::translate(
                  "main", "deskbell: Deskbell is already open; its window was brought to the front.\n"));
        return EXIT_OK;
    case SingleInstance::Outcome::NoAnswer:
        print(stderr, u"deskbell: "_s + instance.errorString() + u'\n');
        return EXIT_FAILURE_RUNTIME;
    case SingleInstance::Outcome::Unavailable:
        qCWarning(lcApp).noquote() << instance.errorString();
        break;
    case SingleInstance::Outcome::Primary:
        break;
    }
    SystemClock clock;
    // The engine runs on its own thread; the window reads through its own connection on another.
    EngineHost host({cli.parser.value(cli.config), {}, {}}, clock);
    QString problems;
    host.start(&problems);
    ConsoleReader reader;
    const Database::Location location =
        host.engine() ? [&host] {
            Database::Location out;
            QMetaObject::invokeMethod(
                host.engine(), [&] { out = host.engine()->databaseLocation(); }, Qt::BlockingQueuedConnection);
            return out;
        }()
                      : Database::Location{};
    QString readerProblem;
    const bool hasStore = location.driver == Database::Location::Driver::Postgres || !location.path.isEmpty();
    if (hasStore && !reader.open(location, &readerProblem)) {
        problems += (problems.isEmpty() ? QString() : u"\n"_s) + readerProblem;
    }
    MainWindow window(host, reader, clock, QTimeZone::systemTimeZone(), problems);
    window.show();
    QObject::connect(&instance, &SingleInstance::activationRequested, &window, &MainWindow::bringToFront);
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &host, [&host] { host.shutdown(20000); });
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    // No organization name: files go to ~/.config/deskbell/ and ~/.local/share/deskbell/.
    QCoreApplication::setApplicationName(u"deskbell"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(DESKBELL_VERSION));
    logging::install();

    // Parse before any application object exists, so --help, --version and the console modes work on
    // a server without X or Wayland, and a bad option never opens a window.
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    CommandLine cli;
    if (!cli.parser.parse(arguments)) {
        print(stderr, u"deskbell: %1\nTry 'deskbell --help'.\n"_s.arg(cli.parser.errorText()));
        return EXIT_USAGE;
    }
    if (!cli.parser.positionalArguments().isEmpty()) {
        print(stderr, u"deskbell: unexpected argument '%1'\nTry 'deskbell --help'.\n"_s.arg(
                          cli.parser.positionalArguments().constFirst()));
        return EXIT_USAGE;
    }
    if (cli.parser.isSet(u"help"_s) || cli.parser.isSet(u"version"_s) || cli.parser.isSet(cli.checkConfig) ||
        cli.parser.isSet(cli.ingest) || cli.parser.isSet(cli.migrateTo)) {
        QCoreApplication app(argc, argv);
        if (cli.parser.isSet(u"help"_s)) {
            print(stdout, cli.parser.helpText());
            return EXIT_OK;
        }
        if (cli.parser.isSet(u"version"_s)) {
            print(stdout, u"Deskbell %1 (Qt %2)\n"_s.arg(QCoreApplication::applicationVersion(),
                                                         QString::fromLatin1(qVersion())));
            return EXIT_OK;
        }
        return runConsole(cli);
    }
    if (cli.parser.isSet(cli.headless)) {
        return runHeadless(argc, argv, cli);
    }

    if (!hasDisplay()) {
        print(stderr, u"deskbell: no display (DISPLAY and WAYLAND_DISPLAY are not set), so the window cannot "
                      "open.\nRun it in a desktop session, or use 'deskbell --headless' on a server.\n"_s);
        return EXIT_USAGE;
    }
    if (cli.parser.isSet(cli.language) && !Translations::isChoice(cli.parser.value(cli.language))) {
        print(stderr, u"deskbell: unknown language '%1' (known: en, th, zh_CN, system)\n"_s.arg(
                          cli.parser.value(cli.language)));
        return EXIT_USAGE;
    }
    QApplication app(argc, argv);
    Translations::install(Translations::chosen(cli.parser.value(cli.language)));
    QApplication::setApplicationDisplayName(u"Deskbell"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/deskbell.svg"_s));
    // The desktop entry's name (packaging/linux): Wayland matches the window to it for the task bar.
    QGuiApplication::setDesktopFileName(u"io.github.deskbell.Deskbell"_s);
    const int code = runWindow(app, cli);
    if (code == StoreDialog::RESTART_EXIT_CODE) {
        // Everything of this run is gone now (its lock, its single-instance server): start again.
        if (!QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                     QCoreApplication::arguments().mid(1))) {
            print(stderr, u"deskbell: could not start again; start Deskbell yourself\n"_s);
            return EXIT_FAILURE_RUNTIME;
        }
        return EXIT_OK;
    }
    return code;
}
