#pragma once

#include "Engine.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

namespace deskbell {

class Clock;

// Runs the Engine on a thread of its own so the window never waits on the network, the keychain or
// the database's writer. The GUI talks to it in two ways only: connecting to the engine's signals
// (delivered queued, on the GUI thread), and call(), which runs a piece of work on the engine's
// thread and hands its result back.
class EngineHost : public QObject
{
    Q_OBJECT

public:
    EngineHost(Engine::Options options, const Clock &clock, QObject *parent = nullptr);
    ~EngineHost() override; // shuts the engine down (waits up to 20 s for sends in flight)

    // Starts the engine on its thread and waits for its synchronous part (settings, database):
    // call before the window shows. Same meaning as Engine::start().
    bool start(QString *error);

    // The engine object, for connecting to its signals only: never call its methods from another
    // thread; use call().
    Engine *engine() const { return m_engine; }

    // Runs work(engine) on the engine's thread; then done(result) on context's thread, unless
    // context is gone by then.
    template <typename Result>
    void call(QObject *context, std::function<Result(Engine &)> work, std::function<void(Result)> done)
    {
        // The guard is only read on the GUI thread: the result travels through this host, which
        // lives there and outlives every call (its destructor stops the engine thread first).
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            m_engine,
            [host = this, engine = m_engine, guard, work = std::move(work), done = std::move(done)] {
                auto result = std::make_shared<Result>(work(*engine));
                QMetaObject::invokeMethod(
                    host,
                    [guard, done, result] {
                        if (guard) {
                            done(std::move(*result));
                        }
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }
    // Fire and forget.
    void post(std::function<void(Engine &)> work);

    // Stops the engine (listener, polling, sends in flight up to timeoutMs) and its thread.
    bool shutdown(int timeoutMs);

private:
    QThread m_thread;
    Engine *m_engine = nullptr; // lives on m_thread, deleted there
    bool m_stopped = false;
};

} // namespace deskbell
