// bench_startup: how long Deskbell takes to be useful after it is started, with an empty database and
// with a big one (--appointments, filled like bench_ui_load).
//
//   - headless: the real `deskbell --headless` from exec to the listener answering GET /healthz with 200
//     (ready: settings read, database opened and checked, listener up), then SIGTERM; also the time from
//     SIGTERM to exit;
//   - window: a child process of this program (offscreen) that builds what ui/main.cpp builds for the
//     window (EngineHost, ConsoleReader, MainWindow) from exec to the first paint of the meetings view
//     (with rows when the database has meetings today). The clock is CLOCK_MONOTONIC, shared by parent
//     and child, so library loading and QApplication's start are counted.
// One warm-up run per case (the first run on an empty database also creates it), then --runs measured
// runs; the median and the range are printed.
//
//   build/bench/bench_startup --runs 7 --appointments 100000

#include "EngineHost.h"
#include "MainWindow.h"
#include "UpcomingModel.h"
#include "domain/Clock.h"
#include "storage/ConsoleReader.h"
#include "storage/Database.h"
#include "ui_load_data.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTreeView>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <functional>
#include <time.h>
#include <tuple>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

// CLOCK_MONOTONIC is one clock for every process on the machine.
qint64 monotonicMs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

void writeSettings(const QString &dir)
{
    QFile settings(dir + u"/deskbell.ini"_s);
    settings.open(QIODevice::WriteOnly);
    settings.write("[storage]\nurl = sqlite:" + dir.toUtf8() +
                   "/deskbell.sqlite3\n[rules]\ndefault_region = TH\nfallback_timezone = Asia/Bangkok\n"
                   "[templates]\nconfirm = 1\nreminder = 2\n[sms]\nprovider = sandbox\n"
                   "[calendly]\nmode = webhook\npublic_url = https://desk.example.org/webhooks/calendly\n"
                   "[listener]\nport = 0\n");
}

// GET /healthz once on a fresh connection; the status, 0 when there was no answer.
int healthz(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, port);
    if (!socket.waitForConnected(1000)) {
        return 0;
    }
    socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (!answer.contains("\r\n") && socket.waitForReadyRead(2000)) {
        answer += socket.readAll();
    }
    return answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0;
}

struct HeadlessRun
{
    qint64 readyMs = -1;
    qint64 stopMs = -1;
};

HeadlessRun runHeadless(const QString &binary, const QString &dir)
{
    HeadlessRun run;
    QProcess deskbell;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DESKBELL_KEYCHAIN"_s, u"off"_s);
    env.insert(u"DESKBELL_CALENDLY_SIGNING_KEY"_s, u"bench-key"_s);
    env.insert(u"HOME"_s, dir);
    deskbell.setProcessEnvironment(env);
    deskbell.setProcessChannelMode(QProcess::MergedChannels);
    const qint64 t0 = monotonicMs();
    deskbell.start(binary, {u"--headless"_s, u"--config"_s, dir + u"/deskbell.ini"_s});
    static const QRegularExpression listening(u"listening on http://127\\.0\\.0\\.1:(\\d+)"_s);
    QByteArray log;
    quint16 port = 0;
    while (port == 0 && monotonicMs() - t0 < 60000 && deskbell.state() != QProcess::NotRunning) {
        deskbell.waitForReadyRead(5);
        log += deskbell.readAll();
        const auto match = listening.match(QString::fromUtf8(log));
        if (match.hasMatch()) {
            port = quint16(match.captured(1).toUInt());
        }
    }
    while (port != 0 && monotonicMs() - t0 < 60000) {
        if (healthz(port) == 200) {
            run.readyMs = monotonicMs() - t0;
            break;
        }
        QThread::msleep(2);
    }
    if (run.readyMs < 0) {
        std::fprintf(stderr, "deskbell never answered /healthz 200:\n%s\n", log.constData());
    }
    const qint64 t1 = monotonicMs();
    ::kill(pid_t(deskbell.processId()), SIGTERM);
    deskbell.waitForFinished(60000);
    run.stopMs = monotonicMs() - t1;
    return run;
}

// The window child: prints the CLOCK_MONOTONIC ms of the first paint of the meetings view.
int windowChild(const QString &dir, int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("DESKBELL_NO_WELCOME", "1");
    qputenv("DESKBELL_KEYCHAIN", "off");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    SystemClock clock;
    const QTimeZone zone("Asia/Bangkok");
    EngineHost host({dir + u"/deskbell.ini"_s, dir, "Asia/Bangkok", nullptr}, clock);
    QString problems;
    host.start(&problems);
    Database::Location location;
    QMetaObject::invokeMethod(
        host.engine(), [&] { location = host.engine()->databaseLocation(); }, Qt::BlockingQueuedConnection);
    ConsoleReader reader;
    QString error;
    if (!reader.open(location, &error)) {
        std::fprintf(stderr, "reader: %s\n", qPrintable(error));
        return 1;
    }
    const bool expectRows = qEnvironmentVariableIntValue("BENCH_EXPECT_ROWS") > 0;
    MainWindow window(host, reader, clock, zone, problems);
    window.resize(1280, 800);
    QAbstractItemView *view = window.upcomingView();
    qint64 paintedAt = -1;
    struct Watch : QObject
    {
        std::function<bool(QEvent *)> onEvent;
        bool eventFilter(QObject *, QEvent *event) override { return onEvent(event); }
    } watch;
    watch.onEvent = [&](QEvent *event) {
        if (event->type() == QEvent::Paint && paintedAt < 0 &&
            (!expectRows || (view->model() && view->model()->rowCount() > 0))) {
            paintedAt = monotonicMs();
        }
        return false;
    };
    view->viewport()->installEventFilter(&watch);
    window.show();
    const qint64 until = monotonicMs() + 60000;
    while (paintedAt < 0 && monotonicMs() < until) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    std::printf("%lld\n", static_cast<long long>(paintedAt));
    std::fflush(stdout);
    window.close();
    host.shutdown(5000);
    return paintedAt < 0 ? 1 : 0;
}

qint64 runWindow(const QString &self, const QString &dir, bool expectRows)
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"BENCH_EXPECT_ROWS"_s, expectRows ? u"1"_s : u"0"_s);
    child.setProcessEnvironment(env);
    const qint64 t0 = monotonicMs();
    child.start(self, {u"--window-child"_s, dir});
    child.waitForFinished(120000);
    const qint64 paintedAt = child.readAllStandardOutput().trimmed().toLongLong();
    if (child.exitCode() != 0 || paintedAt <= 0) {
        std::fprintf(stderr, "window child failed: %s\n", child.readAllStandardError().constData());
        return -1;
    }
    return paintedAt - t0;
}

struct Summary
{
    qint64 median = -1;
    qint64 min = -1;
    qint64 max = -1;
};

Summary summarize(QList<qint64> values)
{
    Summary s;
    values.removeAll(-1);
    if (values.isEmpty()) {
        return s;
    }
    std::sort(values.begin(), values.end());
    s.median = values.at(values.size() / 2);
    s.min = values.first();
    s.max = values.last();
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--window-child") == 0) {
            return windowChild(QString::fromLocal8Bit(argv[i + 1]), argc, argv);
        }
    }
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOpt(u"runs"_s, u"measured runs per case"_s, u"n"_s, u"7"_s);
    const QCommandLineOption appointmentsOpt(u"appointments"_s, u"appointments in the big database"_s, u"n"_s,
                                             u"100000"_s);
    const QCommandLineOption perOpt(u"messages-per"_s, u"messages per appointment"_s, u"n"_s, u"5"_s);
    const QCommandLineOption fillOnlyOpt(u"fill-only"_s, u"(internal) fill this folder and exit"_s, u"dir"_s);
    const QCommandLineOption childOpt(u"window-child"_s, u"(internal)"_s, u"dir"_s);
    parser.addOptions({runsOpt, appointmentsOpt, perOpt, fillOnlyOpt, childOpt});
    parser.process(app);
    const int runs = parser.value(runsOpt).toInt();
    const int appointments = parser.value(appointmentsOpt).toInt();
    const int per = parser.value(perOpt).toInt();

    if (parser.isSet(fillOnlyOpt)) {
        SystemClock clock;
        Database db(u"bench-fill"_s);
        Database::Location location;
        location.path = parser.value(fillOnlyOpt) + u"/deskbell.sqlite3"_s;
        db.open(location);
        fillConsoleLoad(db, appointments, per, clock.nowUtc(), QTimeZone("Asia/Bangkok"));
        return 0;
    }

    QTemporaryDir empty;
    QTemporaryDir big;
    writeSettings(empty.path());
    writeSettings(big.path());
    QElapsedTimer fill;
    fill.start();
    if (QProcess::execute(QCoreApplication::applicationFilePath(),
                          {u"--fill-only"_s, big.path(), u"--appointments"_s, QString::number(appointments),
                           u"--messages-per"_s, QString::number(per)}) != 0) {
        std::fprintf(stderr, "filling the database failed\n");
        return 1;
    }
    std::printf("big database: %d appointments, %d messages, %lld MiB, filled in %.1f s\n", appointments,
                appointments * per,
                static_cast<long long>(QFile(big.filePath(u"deskbell.sqlite3"_s)).size() / (1024 * 1024)),
                fill.elapsed() / 1000.0);

    const QString binary = QStringLiteral(DESKBELL_BINARY);
    const QString self = QCoreApplication::applicationFilePath();
    for (const auto &[name, dir, rows] :
         {std::tuple{"empty", empty.path(), false}, std::tuple{"100k", big.path(), true}}) {
        runHeadless(binary, dir); // warm-up (creates the empty database; page cache)
        QList<qint64> ready;
        QList<qint64> stop;
        for (int i = 0; i < runs; ++i) {
            const HeadlessRun r = runHeadless(binary, dir);
            ready.append(r.readyMs);
            stop.append(r.stopMs);
        }
        runWindow(self, dir, rows); // warm-up
        QList<qint64> paint;
        for (int i = 0; i < runs; ++i) {
            paint.append(runWindow(self, dir, rows));
        }
        const Summary h = summarize(ready);
        const Summary s = summarize(stop);
        const Summary w = summarize(paint);
        std::printf(
            "%-5s database: headless exec -> /healthz 200: median %lld ms (%lld..%lld); SIGTERM -> exit: "
            "median %lld ms; window exec -> first paint%s: median %lld ms (%lld..%lld); %d runs\n",
            name, static_cast<long long>(h.median), static_cast<long long>(h.min),
            static_cast<long long>(h.max), static_cast<long long>(s.median), rows ? " with meetings" : "",
            static_cast<long long>(w.median), static_cast<long long>(w.min), static_cast<long long>(w.max),
            runs);
        std::fflush(stdout);
    }
    return 0;
}
