#include "domain/Appointment.h"
#include "storage/ConsoleQueries.h"
#include "storage/ConsoleReader.h"
#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/Store.h"
#include "support/FakeClock.h"
#include "support/TestDatabase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
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
    // PostgreSQL (tst_consolereader_pg): other desks' writes, live.
    void theReaderRefusesToWrite();
    void anotherConnectionsChangeArrivesWithinTwoSeconds();
    void aBurstOfNotificationsIsOneSignal();
    void aLostConnectionIsReestablishedAndListensAgain();

private:
    QString path() const { return m_dir->filePath(u"deskbell.db"_s); }
    // The test's database: the SQLite file at path(), or a schema on the PostgreSQL test server.
    Database::Location location() const { return m_location; }
    // Appointments A0..A(n-1), one per hour from Nov 3 08:00, written through a connection of the
    // test's own.
    void seed(int appointments);
    std::unique_ptr<ConsoleReader> openReader();

    std::unique_ptr<QTemporaryDir> m_dir;
    test::TestDatabase m_testDb;
    Database::Location m_location;
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
    m_location = test::TestDatabase::postgres() ? m_testDb.fresh() : sqliteAt(path());
    QVERIFY2(!test::TestDatabase::postgres() || m_testDb.isValid(), qPrintable(m_testDb.error()));
    m_writer = std::make_unique<Database>(nextConnectionName());
    m_writer->open(m_location);
    m_store = std::make_unique<Store>(*m_writer, m_clock);
}

void TestConsoleReader::cleanup()
{
    m_store.reset();
    m_writer.reset();
    m_testDb.reset();
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
    if (!reader->open(m_location, &error)) {
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

void TestConsoleReader::theReaderRefusesToWrite()
{
    auto reader = openReader();
    QVERIFY(reader);
    QCOMPARE(reader->isLive(), test::TestDatabase::postgres());
    std::optional<QString> outcome;
    reader->read<QString>(
        this,
        [](ConsoleQueries &) -> QString {
            // The reader's connection is the only one on its thread.
            const QStringList names = readerConnections();
            QSqlQuery q(QSqlDatabase::database(names.constFirst()));
            return q.exec(u"CREATE TABLE sneaky (x INTEGER)"_s) ? u"written"_s : q.lastError().text();
        },
        [&outcome](QString text) { outcome = text; });
    QTRY_VERIFY(outcome.has_value());
    QVERIFY2(outcome->contains(u"read-only"_s) || outcome->contains(u"readonly"_s), qPrintable(*outcome));
}

void TestConsoleReader::anotherConnectionsChangeArrivesWithinTwoSeconds()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("PostgreSQL only: SQLite has no notifications (the engine's own signals refresh its desk)");
    }
    auto reader = openReader();
    QVERIFY(reader);
    QVERIFY(reader->isLive());
    QSignalSpy changed(reader.get(), &ConsoleReader::storeChanged);

    // Another desk books and tells (the write trigger's NOTIFY, sent by hand while it is not there).
    seed(3);
    test::RawConnection other(location());
    QVERIFY2(other.isOpen(), qPrintable(other.openError()));
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(other.exec(u"NOTIFY deskbell_changed, 'appointments'"_s), QString());
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 2000);
    const qint64 ms = timer.elapsed();
    qInfo().noquote() << u"another connection's change reached the reader in %1 ms"_s.arg(ms);
    QVERIFY(changed.constFirst().constFirst().toStringList().contains(u"appointments"_s));

    // ... and the read the window then makes sees the rows.
    std::optional<int> count;
    reader->read<int>(
        this, [](ConsoleQueries &queries) { return queries.upcomingCount({}); },
        [&count](int n) { count = n; });
    QTRY_VERIFY(count.has_value());
    QCOMPARE(*count, 3);
}

void TestConsoleReader::aBurstOfNotificationsIsOneSignal()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("PostgreSQL only");
    }
    auto reader = openReader();
    QVERIFY(reader);
    QSignalSpy changed(reader.get(), &ConsoleReader::storeChanged);
    test::RawConnection other(location());
    QVERIFY2(other.isOpen(), qPrintable(other.openError()));
    // Sent in one transaction, so they reach the reader together, well inside one gathering interval.
    QCOMPARE(other.exec(u"BEGIN"_s), QString());
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(other.exec(u"NOTIFY deskbell_changed, '%1'"_s.arg(i % 2 ? u"outbox"_s : u"message_log"_s)),
                 QString());
    }
    QCOMPARE(other.exec(u"COMMIT"_s), QString());
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 2000);
    QStringList tables = changed.constFirst().constFirst().toStringList();
    tables.sort();
    QCOMPARE(tables, (QStringList{u"message_log"_s, u"outbox"_s}));
    // Another channel is not ours.
    QCOMPARE(other.exec(u"NOTIFY somebody_else, 'outbox'"_s), QString());
    QCOMPARE(other.exec(u"NOTIFY deskbell_changed, 'audit_log'"_s), QString());
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, 2000);
    QCOMPARE(changed.at(1).constFirst().toStringList(), QStringList{u"audit_log"_s});
}

void TestConsoleReader::aLostConnectionIsReestablishedAndListensAgain()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("PostgreSQL only");
    }
    auto reader = openReader();
    QVERIFY(reader);
    QSignalSpy live(reader.get(), &ConsoleReader::liveChanged);
    QSignalSpy changed(reader.get(), &ConsoleReader::storeChanged);
    m_store.reset();
    m_writer.reset(); // the reader's connection is then the only one named "deskbell"

    // A server restart or a network cut, as the reader sees it: the server ends its session.
    test::RawConnection admin(location());
    QVERIFY2(admin.isOpen(), qPrintable(admin.openError()));
    QCOMPARE(admin.exec(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        " WHERE application_name = 'deskbell' AND pid <> pg_backend_pid()"_s),
             QString());
    QTRY_VERIFY_WITH_TIMEOUT(live.count() >= 1, ConsoleReader::HEALTH_CHECK_MS + 3000);
    QCOMPARE(live.constFirst().at(0).toBool(), false);
    const QString problem = live.constFirst().at(1).toString();
    QVERIFY2(problem.contains(u"lost"_s), qPrintable(problem));
    QVERIFY(!problem.contains(location().password));

    // Back within a reconnect interval or two, listening again; the missed changes count as "any".
    QTRY_VERIFY_WITH_TIMEOUT(live.count() >= 2 && live.last().at(0).toBool(),
                             3 * ConsoleReader::RECONNECT_MS + 2000);
    QVERIFY(reader->isLive());
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 2000);
    QCOMPARE(changed.last().constFirst().toStringList(), QStringList());
    const auto before = changed.count();
    QCOMPARE(admin.exec(u"NOTIFY deskbell_changed, 'outbox'"_s), QString());
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() > before, 2000);
    QCOMPARE(changed.last().constFirst().toStringList(), QStringList{u"outbox"_s});

    // And it reads again.
    std::optional<int> count;
    reader->read<int>(
        this, [](ConsoleQueries &queries) { return queries.upcomingCount({}); },
        [&count](int n) { count = n; });
    QTRY_VERIFY(count.has_value());
    QCOMPARE(*count, 0);
}

QTEST_GUILESS_MAIN(TestConsoleReader)
#include "tst_consolereader.moc"
