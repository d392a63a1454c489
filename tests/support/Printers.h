#pragma once

// Readable QCOMPARE failures for Deskbell's enums ("queued" instead of a number) and the metatype
// declarations that let them be columns of data-driven tests.

#include "calendly/BookingEvent.h"
#include "domain/Appointment.h"
#include "domain/Message.h"

#include <QMetaType>
#include <QTest>

namespace QTest {

template <> inline char *toString(const deskbell::MessageState &state)
{
    return qstrdup(qPrintable(deskbell::keyOf(state)));
}

template <> inline char *toString(const deskbell::MessageKind &kind)
{
    return qstrdup(qPrintable(deskbell::keyOf(kind)));
}

template <> inline char *toString(const deskbell::Appointment::Status &status)
{
    return qstrdup(qPrintable(deskbell::keyOf(status)));
}

template <> inline char *toString(const deskbell::BookingEvent::Type &type)
{
    return qstrdup(qPrintable(deskbell::keyOf(type)));
}

} // namespace QTest

Q_DECLARE_METATYPE(deskbell::MessageState)
Q_DECLARE_METATYPE(deskbell::MessageKind)
Q_DECLARE_METATYPE(deskbell::Appointment::Status)
Q_DECLARE_METATYPE(deskbell::BookingEvent::Type)
