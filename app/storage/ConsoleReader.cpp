#include "storage/ConsoleReader.h"

#include "storage/ConsoleQueries.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>
#include <deque>
#include <exception>

namespace deskbell {

Q_LOGGING_CATEGORY(lcReader, "deskbell.storage")

using namespace Qt::StringLiterals;

namespace {

// Carries one result to its requester. A queued signal connection to the requesting object is the
// one way Qt offers to reach an object on another thread that may be deleted at any moment: its
// destructor cuts the connection and discards what is already on the way, under Qt's own locks.
class Courier : public QObject
{
    Q_OBJECT

signals:
    void arrived();
};

int nextReaderNumber()
{
    static std::atomic<int> counter{0};
    return ++counter;
}

} // namespace

class ConsoleReader::Worker : public QObject
{
public:
    struct Request
    {
        std::unique_ptr<Courier> courier;                // lives on the reader thread
        std::shared_ptr<std::function<void()>> delivery; // filled here, run on the requester's thread
        Job job;
        std::function<void(const QString &)> failed;
    };

    Worker(ConsoleReader *reader, QString connectionName)
        : m_reader(reader)
        , m_db(std::move(connectionName))
    {}

    // ---- on the reader thread

    bool openDatabase(const Database::Location &location, QString *error)
    {
        closeDatabase();
        try {
            m_db.open(location);
            QSqlQuery q(m_db.connection());
            // The console only reads: make SQLite refuse any write on this connection.
            if (!q.exec(u"PRAGMA query_only = ON"_s)) {
                throw StorageError(
                    u"cannot make the console's connection read-only: %1"_s.arg(q.lastError().text()));
            }
            // 32 MiB instead of SQLite's 2 MiB: the pages of today's appointments and the newest log
            // stay in memory between refreshes instead of being read from the file again (a third
            // off a page of the upcoming list on 500,000 messages). Best effort: SQLite accepts it.
            q.exec(u"PRAGMA cache_size = -32768"_s);
        } catch (const StorageError &e) {
            m_db.close();
            if (error) {
                *error = e.message();
            }
            return false;
        }
        m_queries = std::make_unique<ConsoleQueries>(m_db);
        m_open = true;
        return true;
    }

    void closeDatabase()
    {
        m_open = false;
        m_queries.reset();
        m_db.close();
    }

    void runNext()
    {
        Request request;
        {
            QMutexLocker lock(&m_mutex);
            if (m_queue.empty()) {
                return;
            }
            request = std::move(m_queue.front());
            m_queue.pop_front();
        }
        if (m_stopping) {
            return; // the request (and its courier) is dropped here, on this thread
        }
        QString error;
        try {
            if (!m_queries) {
                throw StorageError(u"the database is not open"_s);
            }
            *request.delivery = request.job(*m_queries);
        } catch (const StorageError &e) {
            error = e.message();
        } catch (const std::exception &e) {
            // Not a storage failure (out of memory, a bug in a query's lambda): still one failed read
            // rather than a reader thread that dies and leaves the window waiting.
            error = QString::fromLocal8Bit(e.what());
        }
        if (!error.isEmpty()) {
            reportFailure(request, error);
        }
        emit request.courier->arrived();
    }

    // Drops what has not run yet and closes the connection, on this thread.
    void shutdown()
    {
        stop();
        std::deque<Request> dropped;
        {
            QMutexLocker lock(&m_mutex);
            dropped.swap(m_queue);
        }
        dropped.clear();
        closeDatabase();
    }

    // ---- from any thread

    void enqueue(Request request)
    {
        {
            QMutexLocker lock(&m_mutex);
            m_queue.push_back(std::move(request));
        }
        QMetaObject::invokeMethod(
            this, [this] { runNext(); }, Qt::QueuedConnection);
    }

    // Requests still queued are dropped from now on, without running.
    void stop() { m_stopping = true; }

    bool isOpen() const { return m_open; }

private:
    void reportFailure(Request &request, const QString &error)
    {
        if (request.failed) {
            *request.delivery = [failed = request.failed, error] {
                failed(error);
            };
        } else {
            *request.delivery = nullptr;
            qCWarning(lcReader).noquote() << u"a console query failed: %1"_s.arg(error);
        }
        // The reader outlives every run: its destructor stops this thread first.
        ConsoleReader *reader = m_reader;
        QMetaObject::invokeMethod(
            reader, [reader, error] { emit reader->readFailed(error); }, Qt::QueuedConnection);
    }

    ConsoleReader *m_reader;
    Database m_db;
    std::unique_ptr<ConsoleQueries> m_queries;
    QMutex m_mutex;
    std::deque<Request> m_queue; // guarded by m_mutex
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_open{false};
};

ConsoleReader::ConsoleReader(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(u"deskbell console reader"_s);
    m_worker = new Worker(this, u"deskbell_console_reader_%1"_s.arg(nextReaderNumber()));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

ConsoleReader::~ConsoleReader()
{
    // Waits for the query that is running (if any); those still queued find the worker stopped and
    // are dropped without running. The connection is closed on its own thread.
    Worker *worker = m_worker;
    worker->stop();
    QMetaObject::invokeMethod(
        worker,
        [worker, owner = thread()] {
            worker->shutdown();
            worker->moveToThread(owner); // so it can be deleted below, once the thread has ended
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

bool ConsoleReader::open(const Database::Location &location, QString *error)
{
    bool ok = false;
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, &location, error, &ok] { ok = worker->openDatabase(location, error); },
        Qt::BlockingQueuedConnection);
    return ok;
}

bool ConsoleReader::isOpen() const
{
    return m_worker->isOpen();
}

void ConsoleReader::post(QObject *context, Job job, std::function<void(const QString &)> failed)
{
    Worker::Request request;
    request.courier = std::make_unique<Courier>();
    request.delivery = std::make_shared<std::function<void()>>();
    request.job = std::move(job);
    request.failed = std::move(failed);
    connect(
        request.courier.get(), &Courier::arrived, context ? context : this,
        [delivery = request.delivery] {
            if (*delivery) {
                (*delivery)();
            }
        },
        Qt::QueuedConnection);
    request.courier->moveToThread(&m_thread);
    m_worker->enqueue(std::move(request));
}

} // namespace deskbell

#include "ConsoleReader.moc"
