#pragma once

#include "domain/Clock.h"

#include <QDateTime>
#include <QMutex>
#include <QMutexLocker>

namespace deskbell::test {

// A clock the test moves by hand. Thread-safe: the engine reads it on its own thread while the test
// moves it on the main one.
class FakeClock final : public Clock
{
public:
    explicit FakeClock(QDateTime nowUtc = QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC))
        : m_now(nowUtc.toUTC())
    {}
    QDateTime nowUtc() const override
    {
        QMutexLocker lock(&m_mutex);
        return m_now;
    }
    void set(const QDateTime &now)
    {
        QMutexLocker lock(&m_mutex);
        m_now = now.toUTC();
    }
    void advanceSecs(qint64 secs)
    {
        QMutexLocker lock(&m_mutex);
        m_now = m_now.addSecs(secs);
    }
    void advanceMinutes(qint64 minutes) { advanceSecs(minutes * 60); }

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
};

} // namespace deskbell::test
