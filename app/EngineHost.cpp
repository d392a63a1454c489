#include "EngineHost.h"

#include "secrets/SecretStore.h"

#include <QLoggingCategory>

namespace deskbell {

Q_LOGGING_CATEGORY(lcHost, "deskbell.engine")

EngineHost::EngineHost(Engine::Options options, const Clock &clock, QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("deskbell-engine"));
    // A secret store handed in lives where the engine does: its callbacks must run on that thread.
    if (options.secrets && !options.secrets->parent()) {
        options.secrets->moveToThread(&m_thread);
    }
    m_engine = new Engine(std::move(options), clock);
    m_engine->moveToThread(&m_thread);
    m_thread.start();
}

EngineHost::~EngineHost()
{
    shutdown(20000);
}

bool EngineHost::start(QString *error)
{
    bool ok = false;
    QString why;
    QMetaObject::invokeMethod(
        m_engine, [&] { ok = m_engine->start(&why); }, Qt::BlockingQueuedConnection);
    if (error) {
        *error = why;
    }
    return ok;
}

void EngineHost::post(std::function<void(Engine &)> work)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, work = std::move(work)] { work(*engine); }, Qt::QueuedConnection);
}

bool EngineHost::shutdown(int timeoutMs)
{
    if (m_stopped) {
        return true;
    }
    m_stopped = true;
    bool idle = true;
    if (m_thread.isRunning()) {
        // The engine waits for its sends in flight on its own thread (running its event loop there).
        QMetaObject::invokeMethod(
            m_engine, [&] { idle = m_engine->shutdown(timeoutMs); }, Qt::BlockingQueuedConnection);
        // The engine and everything it owns (the database connection, sockets, timers) must be
        // destroyed on the thread that created them: delete it there, then stop the thread.
        QMetaObject::invokeMethod(
            m_engine, [engine = m_engine] { delete engine; }, Qt::BlockingQueuedConnection);
        m_engine = nullptr;
        m_thread.quit();
        m_thread.wait();
    }
    return idle;
}

} // namespace deskbell
