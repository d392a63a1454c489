#pragma once

#include "storage/Database.h"
#include "storage/StorageError.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace deskbell {

class ConsoleQueries;

// Runs the console's queries on a thread of their own, with a database connection of their own, so
// a slow disk or a big table never freezes the window. Requests run in the order given; each result
// is handed back on the requesting object's thread, and dropped if that object is gone by then.
class ConsoleReader : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleReader(QObject *parent = nullptr);
    ~ConsoleReader() override; // waits for the running query, drops the rest, closes the connection

    // Opens the connection on the reader thread (blocking until done: call once at start-up, before
    // the window shows). False with *error when the database cannot be opened.
    bool open(const Database::Location &location, QString *error);
    bool isOpen() const;
    // PostgreSQL: the connection listens for other connections' writes (storeChanged) and is up.
    // False on SQLite, before open(), and while a lost connection is being re-established.
    bool isLive() const;

    // Runs query(queries) on the reader thread, then done(result) on context's thread. A StorageError
    // goes to failed(message) instead (on context's thread); without `failed` it is logged. Either way
    // readFailed is emitted too. Nothing is called when context is gone by then (context must exist
    // when read() is called; it may live on any thread with an event loop).
    template <typename Result>
    void read(QObject *context, std::function<Result(ConsoleQueries &)> query,
              std::function<void(Result)> done, std::function<void(const QString &)> failed = {})
    {
        post(
            context,
            [query = std::move(query),
             done = std::move(done)](ConsoleQueries &queries) -> std::function<void()> {
                // A StorageError leaves here: post() turns it into failed() and readFailed.
                auto result = std::make_shared<Result>(query(queries));
                return [done, result] {
                    if (done) {
                        done(std::move(*result));
                    }
                };
            },
            std::move(failed));
    }

    // How long notifications are gathered before storeChanged is emitted (at most one per interval).
    static constexpr int COALESCE_MS = 250;
    // While the PostgreSQL connection is lost: the time between attempts to connect again.
    static constexpr int RECONNECT_MS = 2000;
    // PostgreSQL: how often an idle connection is checked (a lost one shows within this).
    static constexpr int HEALTH_CHECK_MS = 3000;

signals:
    // A query failed (also when `failed` was given): the window shows it once.
    void readFailed(const QString &message);
    // PostgreSQL only: some connection (another desk, the service, this desk's engine) wrote these
    // tables (the names its NOTIFY deskbell_changed carried; empty: possibly any, e.g. after a
    // reconnect missed some). Gathered for COALESCE_MS, so a burst of writes is one signal.
    void storeChanged(const QStringList &tables);
    // PostgreSQL only: live is false once the connection is found lost (problem says so in plain
    // words; reads fail and other desks' changes do not show until it is back), and true again when
    // the reader has connected and subscribed again.
    void liveChanged(bool live, const QString &problem);

private:
    class Worker;
    using Job = std::function<std::function<void()>(ConsoleQueries &)>;
    // Runs job on the reader thread; the function it returns runs on context's thread (not at all
    // when context is gone). A StorageError thrown by job goes to failed there instead, and to
    // readFailed.
    void post(QObject *context, Job job, std::function<void(const QString &)> failed);

    QThread m_thread;
    Worker *m_worker = nullptr; // lives on m_thread while it runs
};

} // namespace deskbell
