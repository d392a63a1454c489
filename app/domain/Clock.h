#pragma once

#include <QDateTime>

namespace deskbell {

// Every "now" in the engine comes from a Clock, so tests can drive time (and DST changes) by hand.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
};

} // namespace deskbell
