#pragma once

#include "domain/Appointment.h"

#include <QDateTime>
#include <QString>

namespace deskbell {

// A Calendly booking event in Deskbell's terms, whether it came from a webhook or from polling.
struct BookingEvent
{
    enum class Type
    {
        InviteeCreated,
        InviteeCanceled,
        NoShowCreated,
        NoShowDeleted,
    };

    Type type = Type::InviteeCreated;
    QDateTime createdUtc;     // the envelope's created_at (when Calendly produced the event)
    Appointment invitee;      // payload: the invitee and its scheduled event
    bool rescheduled = false; // invitee.canceled that is the old half of a reschedule
    QString noShowUri;        // invitee_no_show.*: payload.no_show.uri
    QString canceledBy;
    QString cancelerType; // host | invitee
    QString cancelReason;

    // Calendly sends no delivery id; (event, invitee uri [, no-show uri]) identifies an event.
    QString dedupeKey() const;
};

QString keyOf(BookingEvent::Type type); // the Calendly event name, "invitee.created"
// The inverse of toString(); *ok (when given) is false for any other name.
BookingEvent::Type bookingEventTypeFromString(QStringView name, bool *ok = nullptr);

} // namespace deskbell
