#pragma once

#include "calendly/BookingEvent.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace deskbell {

// Parses Calendly API v2 webhook bodies ({event, created_at, created_by, payload}) where payload IS
// the invitee (payload.name; payload.invitee.* is the retired v1 shape). Tolerates null and missing
// fields; rejects what cannot be used with a reason; never throws or crashes on any input.
class CalendlyPayloadParser
{
public:
    struct Result
    {
        enum class Status
        {
            Ok,       // event is set
            Ignored,  // well-formed but of a kind Deskbell does not act on (routing forms, ...)
            Rejected, // malformed or unusable; reason says why
        };
        Status status = Status::Rejected;
        std::optional<BookingEvent> event;
        QString eventName; // the envelope's "event" when one could be read
        QString reason;
    };

    // defaultRegion: ISO country for phone numbers written without a country code.
    explicit CalendlyPayloadParser(QString defaultRegion = {});

    Result parseWebhookBody(const QByteArray &body) const;

    // The invitee part alone (webhook payload, or an item of GET /scheduled_events/{uuid}/invitees).
    // scheduledEvent, when not empty, is used instead of the invitee's own "scheduled_event" (items
    // of the invitees list have none). The event's createdUtc stays null: only an envelope has one.
    Result parseInvitee(BookingEvent::Type type, const QJsonObject &invitee,
                        const QJsonObject &scheduledEvent = {}) const;

private:
    QString m_defaultRegion;
};

} // namespace deskbell
