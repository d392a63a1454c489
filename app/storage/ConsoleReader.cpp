#include "storage/ConsoleReader.h"

#include "storage/ConsoleQueries.h"
#include "storage/SqlDialect.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

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

// Deskbell's writes on PostgreSQL end with NOTIFY deskbell_changed, '<table>' (a trigger).
const QString CHANNEL = u"deskbell_changed"_s;

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
        , m_coalesce(new QTimer(this))
        , m_reconnect(new QTimer(this))
        , m_healthCheck(new QTimer(this))
    {
        m_healthCheck->setInterval(HEALTH_CHECK_MS);
        QObject::connect(m_healthCheck, &QTimer::timeout, this, [this] { checkConnection(); });
        m_coalesce->setSingleShot(true);
        m_coalesce->setInterval(COALESCE_MS);
        QObject::connect(m_coalesce, &QTimer::timeout, this, [this] { deliverChanges(); });
        m_reconnect->setInterval(RECONNECT_MS);
        QObject::connect(m_reconnect, &QTimer::timeout, this, [this] { reconnect(); });
    }

    // ---- on the reader thread

    bool openDatabase(const Database::Location &location, QString *error)
    {
        closeDatabase();
        m_location = location;
        try {
            connectDatabase();
        } catch (const StorageError &e) {
            m_db.close();
            if (error) {
                *error = e.message();
            }
            return false;
        }
        m_open = true;
        return true;
    }

    void closeDatabase()
    {
        m_open = false;
        m_live = false;
        m_reconnect->stop();
        m_coalesce->stop();
        m_healthCheck->stop();
        m_changed.clear();
        m_queries.reset();
        m_db.close();
    }

    // Opens m_location, subscribes (PostgreSQL) and makes the session read-only. Throws StorageError.
    void connectDatabase()
    {
        m_queries.reset();
        m_db.close();
        m_db.open(m_location);
        QSqlDatabase db = m_db.connection();
        const bool postgres = m_db.dialect().backend() == SqlDialect::Backend::Postgres;
        if (postgres) {
            // Before the session turns read-only: LISTEN is a statement of its own.
            subscribe(db);
        }
        QSqlQuery q(db);
        // The console only reads: make the database refuse any write on this connection.
        for (const QString &statement : m_db.dialect().readOnlySession()) {
            if (!q.exec(statement)) {
                throw StorageError(
                    u"cannot make the console's connection read-only: %1"_s.arg(q.lastError().text()));
            }
        }
        if (!postgres) {
            // 32 MiB instead of SQLite's 2 MiB: the pages of today's appointments and the newest log
            // stay in memory between refreshes instead of being read from the file again (a third
            // off a page of the upcoming list on 500,000 messages). Best effort: SQLite accepts it.
            q.exec(u"PRAGMA cache_size = -32768"_s);
        }
        m_queries = std::make_unique<ConsoleQueries>(m_db);
        m_live = postgres;
    }

    void subscribe(QSqlDatabase &db)
    {
        QSqlDriver *driver = db.driver();
        if (!driver->subscribeToNotification(CHANNEL)) {
            throw StorageError(
                u"cannot listen for other desks' changes: %1"_s.arg(driver->lastError().text()));
        }
        // Delivered on this thread (the driver lives here): gather, then tell the reader.
        QObject::connect(
            driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                if (name != CHANNEL) {
                    return;
                }
                noteChanged(payload.toString());
            });
        // Qt's QPSQL driver reads notifications when its socket turns readable and ignores a connection
        // that died there (it neither says so nor lets us see its socket): ask the server now and then.
        m_healthCheck->start();
    }

    void noteChanged(const QString &table)
    {
        const QString name = table.trimmed();
        if (!m_changed.contains(name)) {
            m_changed.append(name);
        }
        if (!m_coalesce->isActive()) {
            m_coalesce->start();
        }
    }

    void deliverChanges()
    {
        QStringList tables = m_changed;
        m_changed.clear();
        if (tables.contains(QString())) {
            tables.clear(); // "possibly any"
        }
        ConsoleReader *reader = m_reader;
        QMetaObject::invokeMethod(
            reader, [reader, tables] { emit reader->storeChanged(tables); }, Qt::QueuedConnection);
    }

    // PostgreSQL: whether the connection still answers; if not, drop it and start reconnecting.
    void checkConnection()
    {
        if (!m_live) {
            return;
        }
        {
            QSqlDatabase db = m_db.connection();
            if (db.isOpen()) {
                QSqlQuery q(db);
                if (q.exec(u"SELECT 1"_s) && q.next()) {
                    return;
                }
                m_lastProblem = q.lastError().text().trimmed();
            }
            if (m_lastProblem.isEmpty()) {
                m_lastProblem = u"the server closed the connection"_s;
            }
        }
        qCWarning(lcReader).noquote() << u"the console lost its connection to %1: %2; reconnecting"_s.arg(
            Database::describe(m_location), m_lastProblem);
        m_live = false;
        m_healthCheck->stop();
        m_queries.reset();
        m_db.close();
        emitLive(false, u"The connection to the shared store %1 was lost; trying again every %2 s. Other "
                        "desks' changes do not show until it is back."_s.arg(Database::describe(m_location))
                            .arg(RECONNECT_MS / 1000));
        m_reconnect->start();
    }

    void reconnect()
    {
        if (!m_open || m_live || m_stopping) {
            m_reconnect->stop();
            return;
        }
        try {
            connectDatabase();
        } catch (const StorageError &e) {
            m_db.close();
            if (e.message() != m_lastProblem) {
                m_lastProblem = e.message();
                emitLive(false, u"Cannot reach the shared store again: %1 (still trying every %2 s)."_s
                                    .arg(e.message())
                                    .arg(RECONNECT_MS / 1000));
            }
            return;
        }
        m_reconnect->stop();
        m_lastProblem.clear();
        qCInfo(lcReader).noquote() << u"the console is connected to %1 again"_s.arg(
            Database::describe(m_location));
        emitLive(true, {});
        // What changed meanwhile went unheard: everything may have.
        noteChanged({});
    }

    void emitLive(bool live, const QString &problem)
    {
        ConsoleReader *reader = m_reader;
        QMetaObject::invokeMethod(
            reader, [reader, live, problem] { emit reader->liveChanged(live, problem); },
            Qt::QueuedConnection);
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
            checkConnection(); // a lost PostgreSQL connection shows here first
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
    bool isLive() const { return m_live; }

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
    std::atomic<bool> m_live{false};
    Database::Location m_location;
    QTimer *m_coalesce;    // gathers notifications (child: moves with this)
    QTimer *m_reconnect;   // while the connection is lost
    QTimer *m_healthCheck; // PostgreSQL, while connected
    QStringList m_changed; // tables named since the last storeChanged
    QString m_lastProblem;
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

bool ConsoleReader::isLive() const
{
    return m_worker->isLive();
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
