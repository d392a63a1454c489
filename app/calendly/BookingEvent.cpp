#include "calendly/BookingEvent.h"

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

constexpr BookingEvent::Type ALL_TYPES[] = {
    BookingEvent::Type::InviteeCreated,
    BookingEvent::Type::InviteeCanceled,
    BookingEvent::Type::NoShowCreated,
    BookingEvent::Type::NoShowDeleted,
};

} // namespace

QString BookingEvent::dedupeKey() const
{
    QString key = keyOf(type) + u'|' + invitee.inviteeUri;
    if (type == Type::NoShowCreated || type == Type::NoShowDeleted) {
        // An invitee can be marked, unmarked and marked again: each mark has its own no_show uri.
        // A delivery without one (seen as null after a deletion) falls back to the envelope's
        // creation time, which Calendly keeps across its retries of the same delivery.
        if (!noShowUri.isEmpty()) {
            key += u'|' + noShowUri;
        } else if (createdUtc.isValid()) {
            key += u"|@"_s + createdUtc.toUTC().toString(Qt::ISODateWithMs);
        }
    }
    return key;
}

QString keyOf(BookingEvent::Type type)
{
    switch (type) {
    case BookingEvent::Type::InviteeCreated:
        return u"invitee.created"_s;
    case BookingEvent::Type::InviteeCanceled:
        return u"invitee.canceled"_s;
    case BookingEvent::Type::NoShowCreated:
        return u"invitee_no_show.created"_s;
    case BookingEvent::Type::NoShowDeleted:
        return u"invitee_no_show.deleted"_s;
    }
    Q_UNREACHABLE();
}

BookingEvent::Type bookingEventTypeFromString(QStringView name, bool *ok)
{
    for (const BookingEvent::Type value : ALL_TYPES) {
        if (keyOf(value) == name) {
            if (ok) {
                *ok = true;
            }
            return value;
        }
    }
    if (ok) {
        *ok = false;
    }
    return BookingEvent::Type::InviteeCreated;
}

} // namespace deskbell
