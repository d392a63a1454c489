// bench_ui_load: how fast the console opens and scrolls over a big database.
//
// Fills a SQLite file with --appointments appointments and --messages-per messages each (with
// their message_log history, booking events and operator actions: bench/ui_load_data), then starts
// the real console (EngineHost, ConsoleReader, MainWindow) on it and reports:
//   - fill time (not part of the console's cost),
//   - time to first paint: from constructing the window to the first paint of the meetings view
//     with rows in it (the engine's start, which opens and checks the database, is reported apart),
//   - scrolling: the upcoming view switched to a 60-day range and scrolled to the end page by page
//     (fetchMore loading as it goes); the longest gap between two processed scroll steps,
//   - the live log's first page, and the peak resident memory of the whole process.
//
//   QT_QPA_PLATFORM=offscreen build/bench/bench_ui_load --appointments 100000 --messages-per 5

#include "BenchMemory.h"
#include "EngineHost.h"
#include "LogModel.h"
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
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

// Waits (running the event loop) until ready() or timeoutMs; returns the elapsed ms, -1 on timeout.
qint64 waitFor(const std::function<bool()> &ready, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!ready()) {
        if (timer.elapsed() > timeoutMs) {
            return -1;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return timer.elapsed();
}

class PaintWatch : public QObject
{
public:
    explicit PaintWatch(QAbstractItemView *view)
        : m_view(view)
    {
        view->viewport()->installEventFilter(this);
    }
    bool paintedWithRows = false;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_view->model() && m_view->model()->rowCount() > 0) {
            paintedWithRows = true;
        }
        return false;
    }

private:
    QAbstractItemView *m_view;
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QStandardPaths::setTestModeEnabled(true); // the window's own preferences stay out of the user's
    qputenv("DESKBELL_NO_WELCOME", "1");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption appointmentsOpt(u"appointments"_s, u"appointments"_s, u"n"_s, u"100000"_s);
    const QCommandLineOption perOpt(u"messages-per"_s, u"messages per appointment"_s, u"n"_s, u"5"_s);
    const QCommandLineOption keepOpt(u"keep"_s, u"keep the data folder and print its path"_s);
    const QCommandLineOption fillOnlyOpt(u"fill-only"_s, u"(internal) fill this folder and exit"_s, u"dir"_s);
    parser.addOptions({appointmentsOpt, perOpt, keepOpt, fillOnlyOpt});
    parser.process(app);
    const int appointments = parser.value(appointmentsOpt).toInt();
    const int per = parser.value(perOpt).toInt();

    QTemporaryDir dir;
    dir.setAutoRemove(!parser.isSet(keepOpt));
    SystemClock clock;
    const QTimeZone zone("Asia/Bangkok");

    if (parser.isSet(fillOnlyOpt)) {
        Database db(u"bench-fill"_s);
        Database::Location location;
        location.path = parser.value(fillOnlyOpt) + u"/deskbell.sqlite3"_s;
        db.open(location);
        fillConsoleLoad(db, appointments, per, clock.nowUtc(), zone);
        return 0;
    }

    // The data is made by a child process, so its memory is not counted as the console's.
    QElapsedTimer phase;
    phase.start();
    if (QProcess::execute(QCoreApplication::applicationFilePath(),
                          {u"--fill-only"_s, dir.path(), u"--appointments"_s, QString::number(appointments),
                           u"--messages-per"_s, QString::number(per)}) != 0) {
        std::fprintf(stderr, "filling the database failed\n");
        return 1;
    }
    const qint64 fillMs = phase.elapsed();
    const qint64 fileMiB = QFile(dir.filePath(u"deskbell.sqlite3"_s)).size() / (1024 * 1024);
    {
        QFile settings(dir.filePath(u"deskbell.ini"_s));
        settings.open(QIODevice::WriteOnly);
        settings.write("[rules]\ndefault_region = TH\nfallback_timezone = Asia/Bangkok\n"
                       "[templates]\nconfirm = 1\nreminder = 2\n[sms]\nprovider = sandbox\n"
                       "[listener]\nport = 0\n");
    }
    // No keychain prompt in a benchmark. The Sandbox takes what is due, as after a night off.
    qputenv("DESKBELL_KEYCHAIN", "off");

    phase.restart();
    EngineHost host({dir.filePath(u"deskbell.ini"_s), dir.path(), "Asia/Bangkok", nullptr}, clock);
    QString problems;
    host.start(&problems);
    Database::Location location;
    QMetaObject::invokeMethod(
        host.engine(), [&] { location = host.engine()->databaseLocation(); }, Qt::BlockingQueuedConnection);
    const qint64 engineMs = phase.elapsed();

    phase.restart();
    ConsoleReader reader;
    QString error;
    if (!reader.open(location, &error)) {
        std::fprintf(stderr, "reader: %s\n", qPrintable(error));
        return 1;
    }
    MainWindow window(host, reader, clock, zone, problems);
    window.resize(1280, 800);
    PaintWatch watch(window.upcomingView());
    window.show();
    const qint64 shownMs = phase.elapsed();
    const qint64 paintWait = waitFor([&] { return watch.paintedWithRows; }, 60000);
    const qint64 firstPaintMs = paintWait < 0 ? -1 : shownMs + paintWait;
    const int todayRows = window.upcomingModel()->rowCount();
    waitFor([] { return false; }, 1000); // the status panel, counts and log settle
    const double rssAtStartMiB = bench::currentRssMiB();

    // Scroll a 60-day range to its end, a page at a time, as a user holding Page Down would.
    window.setCustomRange(clock.nowUtc().toTimeZone(zone).date(),
                          clock.nowUtc().toTimeZone(zone).date().addDays(60));
    waitFor([&] { return window.upcomingModel()->rowCount() > todayRows; }, 60000);
    QTreeView *view = window.upcomingView();
    QElapsedTimer scroll;
    scroll.start();
    qint64 worstStepMs = 0;
    int steps = 0;
    int lastRows = -1;
    int stalledSteps = 0;
    while (stalledSteps < 50 && scroll.elapsed() < 120000) {
        QElapsedTimer step;
        step.start();
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
        QCoreApplication::processEvents();
        view->viewport()->repaint();
        worstStepMs = std::max(worstStepMs, step.elapsed());
        ++steps;
        const int rows = window.upcomingModel()->rowCount();
        stalledSteps = rows == lastRows ? stalledSteps + 1 : 0;
        lastRows = rows;
        waitFor([] { return false; }, 2); // let the reader's answers in
    }
    const qint64 scrollMs = scroll.elapsed();

    phase.restart();
    const qint64 logWait = waitFor([&] { return window.logModel()->rowCount() > 0; }, 60000);

    std::printf("appointments %d, messages %d, database %lld MiB, filled in %.1f s\n", appointments,
                appointments * per, static_cast<long long>(fileMiB), fillMs / 1000.0);
    std::printf("engine start (settings, database check, listener): %lld ms\n",
                static_cast<long long>(engineMs));
    std::printf("window: time to first paint with meetings: %lld ms (%d meetings today)\n",
                static_cast<long long>(firstPaintMs), todayRows);
    std::printf("scroll 60 days to the end: %d meetings loaded in %.1f s, %d steps, worst step %lld ms\n",
                lastRows, scrollMs / 1000.0, steps, static_cast<long long>(worstStepMs));
    std::printf("live log first page: %lld ms after the scroll\n", static_cast<long long>(logWait));
    std::printf("memory: %.1f MiB resident after the first paint, %.1f MiB after loading the 60 days, "
                "peak %.1f MiB\n",
                rssAtStartMiB, bench::currentRssMiB(), bench::peakRssKiB() / 1024.0);
    if (parser.isSet(keepOpt)) {
        std::printf("data kept in %s\n", qPrintable(dir.path()));
    }
    window.close();
    host.shutdown(5000);
    return firstPaintMs < 0 ? 1 : 0;
}
