#include "domain/Appointment.h"
#include "storage/ConsoleQueries.h"
#include "storage/ConsoleReader.h"
#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/Store.h"
#include "support/FakeClock.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

QString nextConnectionName()
{
    static int counter = 0;
    return u"tst_consolereader_%1"_s.arg(++counter);
}

QDateTime utc(int day, int hour)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, 0), QTimeZone::utc());
}

Database::Location sqliteAt(const QString &path)
{
    Database::Location location;
    location.path = path;
    location.url = u"sqlite:"_s + path;
    return location;
}

QStringList readerConnections()
{
    return QSqlDatabase::connectionNames().filter(u"console_reader"_s);
}

} // namespace

class TestConsoleReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void resultsArriveOnTheCallersThreadInOrder();
    void resultsReachAContextLivingOnAnotherThread();
    void aDeletedContextGetsNothing();
    void aFailingQueryReachesFailedAndReadFailed();
    void aFailureWithoutCallbackIsLoggedAndSignalled();
    void readingBeforeOpeningFails();
    void openingAFileThatIsNotADatabaseFails();
    void destroyingWithQueuedRequestsDropsThemAndClosesTheConnection();

private:
    QString path() const { return m_dir->filePath(u"deskbell.db"_s); }
    // Appointments A0..A(n-1), one per hour from Nov 3 08:00, written through a connection of the
    // test's own.
    void seed(int appointments);
    std::unique_ptr<ConsoleReader> openReader();

    std::unique_ptr<QTemporaryDir> m_dir;
    test::FakeClock m_clock;
    std::unique_ptr<Database> m_writer;
    std::unique_ptr<Store> m_store;
};

void TestConsoleReader::initTestCase()
{
    QLoggingCategory::setFilterRules(u"deskbell.storage.info=false"_s);
}

void TestConsoleReader::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_writer = std::make_unique<Database>(nextConnectionName());
    m_writer->open(sqliteAt(path()));
    m_store = std::make_unique<Store>(*m_writer, m_clock);
}

void TestConsoleReader::cleanup()
{
    m_store.reset();
    m_writer.reset();
    m_dir.reset();
    QCOMPARE(readerConnections(), QStringList());
}

void TestConsoleReader::seed(int appointments)
{
    for (int i = 0; i < appointments; ++i) {
        Appointment a;
        a.inviteeUri = u"uri:A%1"_s.arg(i);
        a.inviteeName = u"Invitee %1"_s.arg(i);
        a.startUtc = utc(3, 8).addSecs(3600 * i);
        m_store->upsertAppointment(a);
    }
}

std::unique_ptr<ConsoleReader> TestConsoleReader::openReader()
{
    auto reader = std::make_unique<ConsoleReader>();
    QString error;
    if (!reader->open(sqliteAt(path()), &error)) {
        qWarning().noquote() << error;
        return {};
    }
    return reader;
}

void TestConsoleReader::resultsArriveOnTheCallersThreadInOrder()
{
    seed(12);
    auto reader = openReader();
    QVERIFY(reader);
    QVERIFY(reader->isOpen());

    QList<int> counts;
    QList<QThread *> queryThreads;
    QList<QThread *> doneThreads;
    for (int i = 0; i < 12; ++i) {
        reader->read<int>(
            this,
            [&queryThreads, i](ConsoleQueries &queries) {
                queryThreads.append(QThread::currentThread()); // one reader thread: no race
                ConsoleQueries::UpcomingFilter filter;
                filter.fromUtc = utc(3, 8);
                filter.toUtc = utc(3, 8).addSecs(3600 * (i + 1));
                return queries.upcomingCount(filter);
            },
            [&counts, &doneThreads](int count) {
                counts.append(count);
                doneThreads.append(QThread::currentThread());
            });
    }
    QTRY_COMPARE(counts.size(), 12);
    QCOMPARE(counts, (QList<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
    for (QThread *thread : doneThreads) {
        QCOMPARE(thread, QThread::currentThread());
    }
    for (QThread *thread : queryThreads) {
        QVERIFY(thread != QThread::currentThread());
        QCOMPARE(thread, queryThreads.first());
    }

    // A change written by another connection is seen by the next read.
    seed(13);
    std::optional<int> after;
    reader->read<int>(
        this, [](ConsoleQueries &queries) { return queries.upcomingCount({}); },
        [&after](int count) { after = count; });
    QTRY_VERIFY(after.has_value());
    QCOMPARE(*after, 13);
}

void TestConsoleReader::resultsReachAContextLivingOnAnotherThread()
{
    seed(3);
    auto reader = openReader();
    QVERIFY(reader);
    QThread other;
    other.start();
    QObject context;
    context.moveToThread(&other);

    std::atomic<QThread *> doneThread{nullptr};
    std::atomic<int> result{-1};
    reader->read<int>(
        &context, [](ConsoleQueries &queries) { return queries.upcomingCount({}); },
        [&doneThread, &result](int count) {
            result = count;
            doneThread = QThread::currentThread();
        });
    QTRY_VERIFY(doneThread.load() != nullptr);
    QCOMPARE(doneThread.load(), &other);
    QCOMPARE(result.load(), 3);
    other.quit();
    other.wait();
    context.moveToThread(thread()); // back, so it can be destroyed here
}

void TestConsoleReader::aDeletedContextGetsNothing()
{
    seed(2);
    auto reader = openReader();
    QVERIFY(reader);

    QSemaphore started;
    QSemaphore release;
    int delivered = 0;
    auto *runningContext = new QObject;
    auto *waitingContext = new QObject;
    // The first read is running while its context goes; the second has not started yet.
    reader->read<int>(
        runningContext,
        [&started, &release](ConsoleQueries &queries) {
            started.release();
            release.acquire();
            return queries.upcomingCount({});
        },
        [&delivered](int) { ++delivered; });
    reader->read<int>(
        waitingContext, [](ConsoleQueries &queries) { return queries.upcomingCount({}); },
        [&delivered](int) { ++delivered; });
    QVERIFY(started.tryAcquire(1, 10000));
    delete runningContext;
    delete waitingContext;
    release.release();

    // Requests run in order: once this one is back, the two before it have finished.
    bool last = false;
    reader->read<int>(
        this, [](ConsoleQueries &queries) { return queries.upcomingCount({}); },
        [&last](int) { last = true; });
    QTRY_VERIFY(last);
    QCoreApplication::processEvents();
    QCOMPARE(delivered, 0);

    // A failure for a context that is gone is dropped too (the signal still tells the window).
    QSignalSpy failures(reader.get(), &ConsoleReader::readFailed);
    auto *gone = new QObject;
    bool failedCalled = false;
    reader->read<int>(
        gone, [](ConsoleQueries &) -> int { throw StorageError(u"disk on fire"_s); }, [](int) {},
        [&failedCalled](const QString &) { failedCalled = true; });
    delete gone;
    QVERIFY(failures.wait(10000));
    QCoreApplication::processEvents();
    QVERIFY(!failedCalled);
}

void TestConsoleReader::aFailingQueryReachesFailedAndReadFailed()
{
    seed(2);
    auto reader = openReader();
    QVERIFY(reader);
    QSignalSpy failures(reader.get(), &ConsoleReader::readFailed);

    // A real failure: the table the log reads is gone (a damaged file, an older build's schema).
    QSqlQuery drop(m_writer->connection());
    QVERIFY(drop.exec(u"DROP TABLE audit_log"_s));

    QString message;
    QThread *failedThread = nullptr;
    bool doneCalled = false;
    reader->read<QList<ConsoleQueries::LogEntry>>(
        this, [](ConsoleQueries &queries) { return queries.log({}); },
        [&doneCalled](QList<ConsoleQueries::LogEntry>) { doneCalled = true; },
        [&message, &failedThread](const QString &error) {
            message = error;
            failedThread = QThread::currentThread();
        });
    QTRY_VERIFY(!message.isEmpty());
    QVERIFY2(message.contains(u"audit_log"_s), qPrintable(message));
    QCOMPARE(failedThread, QThread::currentThread());
    QVERIFY(!doneCalled);
    QTRY_COMPARE(failures.size(), 1);
    QCOMPARE(failures.first().first().toString(), message);

    // The reader goes on: the next query that can work does.
    std::optional<int> count;
    reader->read<int>(
        this, [](ConsoleQueries &queries) { return queries.upcomingCount({}); },
        [&count](int c) { count = c; });
    QTRY_VERIFY(count.has_value());
    QCOMPARE(*count, 2);
    QCOMPARE(failures.size(), 1);
}

void TestConsoleReader::aFailureWithoutCallbackIsLoggedAndSignalled()
{
    auto reader = openReader();
    QVERIFY(reader);
    QSignalSpy failures(reader.get(), &ConsoleReader::readFailed);
    QTest::ignoreMessage(QtWarningMsg, "a console query failed: the disk is full");
    bool doneCalled = false;
    reader->read<int>(
        this, [](ConsoleQueries &) -> int { throw StorageError(u"the disk is full"_s); },
        [&doneCalled](int) { doneCalled = true; });
    QVERIFY(failures.wait(10000));
    QCOMPARE(failures.first().first().toString(), u"the disk is full"_s);
    QCoreApplication::processEvents();
    QVERIFY(!doneCalled);
}

void TestConsoleReader::readingBeforeOpeningFails()
{
    ConsoleReader reader;
    QVERIFY(!reader.isOpen());
    QString message;
    reader.read<int>(
        this, [](ConsoleQueries &queries) { return queries.upcomingCount({}); }, [](int) {},
        [&message](const QString &error) { message = error; });
    QTRY_VERIFY(!message.isEmpty());
    QVERIFY2(message.contains(u"not open"_s), qPrintable(message));
}

void TestConsoleReader::openingAFileThatIsNotADatabaseFails()
{
    const QString notes = m_dir->filePath(u"notes.txt"_s);
    QFile file(notes);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (int i = 0; i < 100; ++i) {
        file.write("Dear diary, today I booked a meeting.\n");
    }
    file.close();

    ConsoleReader reader;
    QString error;
    QVERIFY(!reader.open(sqliteAt(notes), &error));
    QVERIFY2(error.contains(notes), qPrintable(error));
    QVERIFY(!reader.isOpen());
    QCOMPARE(readerConnections(), QStringList()); // nothing left half-open
}

void TestConsoleReader::destroyingWithQueuedRequestsDropsThemAndClosesTheConnection()
{
    seed(2);
    QTest::failOnWarning(QRegularExpression(u"connection .* still in use"_s));
    auto reader = openReader();
    QVERIFY(reader);
    QCOMPARE(readerConnections().size(), 1);

    QSemaphore started;
    QSemaphore release;
    std::atomic<int> ran{0};
    int delivered = 0;
    reader->read<int>(
        this,
        [&started, &release](ConsoleQueries &queries) {
            started.release();
            release.acquire();
            return queries.upcomingCount({});
        },
        [&delivered](int) { ++delivered; });
    constexpr int QUEUED = 5000;
    for (int i = 0; i < QUEUED; ++i) {
        reader->read<int>(
            this,
            [&ran](ConsoleQueries &queries) {
                ++ran;
                return queries.upcomingCount({});
            },
            [&delivered](int) { ++delivered; });
    }
    QVERIFY(started.tryAcquire(1, 10000));

    QElapsedTimer timer;
    timer.start();
    release.release();
    reader.reset(); // waits for the running query only
    qInfo().noquote() << u"reader destroyed with %1 reads queued in %2 ms; %3 of them ran"_s.arg(QUEUED)
                             .arg(timer.elapsed())
                             .arg(ran.load());
    QVERIFY(ran.load() < QUEUED);
    QCOMPARE(readerConnections(), QStringList());
    // What ran before the stop may still arrive; nothing else does, and nothing crashes.
    QCoreApplication::processEvents();
    QVERIFY(delivered <= ran.load() + 1);
}

QTEST_GUILESS_MAIN(TestConsoleReader)
#include "tst_consolereader.moc"
