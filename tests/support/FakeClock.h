#pragma once

#include "domain/Clock.h"

#include <QDateTime>

namespace deskbell::test {

// A clock the test moves by hand.
class FakeClock final : public Clock
{
public:
    explicit FakeClock(QDateTime nowUtc = QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC))
        : m_now(nowUtc.toUTC())
    {}
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now.toUTC(); }
    void advanceSecs(qint64 secs) { m_now = m_now.addSecs(secs); }
    void advanceMinutes(qint64 minutes) { m_now = m_now.addSecs(minutes * 60); }

private:
    QDateTime m_now;
};

} // namespace deskbell::test
