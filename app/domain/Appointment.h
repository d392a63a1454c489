#pragma once

#include <QDateTime>
#include <QString>

namespace deskbell {

// One Calendly invitee of one scheduled event: the unit Deskbell texts. Keyed by the invitee URI.
struct Appointment
{
    enum class Status
    {
        Active,
        Canceled,
        Rescheduled, // canceled because it was moved; its successor is newInviteeUri
        NoShow,
    };

    QString inviteeUri;
    QString eventUri;
    QString eventTypeUri;
    QString eventName;
    QString inviteeName;
    QString email;
    QString phoneRaw;    // as Calendly gave it ("+1 559-765-0000"), empty when none was found
    QString phoneE164;   // empty when phoneRaw is empty or invalid
    QString phoneSource; // text_reminder_number | questions_and_answers | outbound_call
    QString timezone;    // the invitee's IANA zone as given, may be empty or unknown
    QDateTime startUtc;
    QDateTime endUtc;
    QString location;
    QString cancelUrl;
    QString rescheduleUrl;
    QString hostName;
    QString hostEmail;
    Status status = Status::Active;
    QString oldInviteeUri; // set on the new half of a reschedule
    QString newInviteeUri; // set on the old half of a reschedule
    QString cancelReason;
    QDateTime updatedUtc; // Calendly's updated_at

    bool hasValidPhone() const { return !phoneE164.isEmpty(); }
    // The number messages go to: E.164 when valid, else the raw text (kept so the operator sees it).
    QString recipient() const { return phoneE164.isEmpty() ? phoneRaw : phoneE164; }
};

QString keyOf(Appointment::Status status);
Appointment::Status appointmentStatusFromString(const QString &text, bool *ok = nullptr);

} // namespace deskbell
