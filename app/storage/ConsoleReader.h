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

signals:
    // A query failed (also when `failed` was given): the window shows it once.
    void readFailed(const QString &message);

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
