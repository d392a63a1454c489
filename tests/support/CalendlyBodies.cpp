#include "CalendlyBodies.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace deskbell::test {

using namespace Qt::StringLiterals;

namespace {

const QString EVENT_BASE = u"https://api.calendly.com/scheduled_events/"_s;

QJsonValue uriOrNull(const QString &id)
{
    return id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(inviteeUri(id));
}

} // namespace

QString inviteeUri(const QString &id)
{
    return EVENT_BASE + u"EV-"_s + id + u"/invitees/"_s + id;
}

QByteArray body(const BodyOptions &o)
{
    const bool canceled = o.event == u"invitee.canceled"_s;
    const QString stamp = u"yyyy-MM-ddTHH:mm:ss.000000Z"_s;
    const QJsonObject location{{u"type"_s, u"physical"_s}, {u"location"_s, u"Sukhumvit Clinic, room 3"_s}};
    const QJsonObject scheduled{
        {u"uri"_s, QString(EVENT_BASE + u"EV-"_s + o.id)},
        {u"name"_s, u"Consultation"_s},
        {u"status"_s, canceled ? u"canceled"_s : u"active"_s},
        {u"start_time"_s, o.startUtc.toUTC().toString(stamp)},
        {u"end_time"_s, o.startUtc.toUTC().addSecs(1800).toString(stamp)},
        {u"event_type"_s, u"https://api.calendly.com/event_types/CONSULT"_s},
        {u"location"_s, location},
        {u"invitees_counter"_s,
         QJsonObject{{u"total"_s, 1}, {u"active"_s, canceled ? 0 : 1}, {u"limit"_s, 1}}},
        {u"event_memberships"_s, QJsonArray{QJsonObject{{u"user"_s, u"https://api.calendly.com/users/HOST"_s},
                                                        {u"user_name"_s, u"Dr. Lee"_s},
                                                        {u"user_email"_s, u"lee@example.com"_s}}}},
        {u"event_guests"_s, QJsonArray{}},
        {u"created_at"_s, u"2026-11-01T08:00:00.000000Z"_s},
        {u"updated_at"_s, u"2026-11-01T08:00:00.000000Z"_s},
    };
    QJsonObject payload{
        {u"uri"_s, inviteeUri(o.id)},
        {u"event"_s, QString(EVENT_BASE + u"EV-"_s + o.id)},
        {u"name"_s, o.name},
        {u"email"_s, u"invitee@example.com"_s},
        {u"first_name"_s, QJsonValue::Null},
        {u"last_name"_s, QJsonValue::Null},
        {u"status"_s, canceled ? u"canceled"_s : u"active"_s},
        {u"timezone"_s, o.timezone},
        {u"text_reminder_number"_s, o.phone.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(o.phone)},
        {u"questions_and_answers"_s, QJsonArray{}},
        {u"rescheduled"_s, o.rescheduled},
        {u"old_invitee"_s, uriOrNull(o.oldId)},
        {u"new_invitee"_s, uriOrNull(o.newId)},
        {u"cancel_url"_s, QString(u"https://calendly.com/cancellations/"_s + o.id)},
        {u"reschedule_url"_s, QString(u"https://calendly.com/reschedulings/"_s + o.id)},
        {u"tracking"_s, QJsonObject{{u"utm_source"_s, QJsonValue::Null}}},
        {u"no_show"_s, QJsonValue::Null},
        {u"created_at"_s, u"2026-11-01T08:00:00.000000Z"_s},
        {u"updated_at"_s, u"2026-11-01T08:00:00.000000Z"_s},
        {u"scheduled_event"_s, scheduled},
    };
    if (canceled) {
        payload.insert(u"cancellation"_s, QJsonObject{{u"canceled_by"_s, o.name},
                                                      {u"reason"_s, u"Meeting Conflict"_s},
                                                      {u"canceler_type"_s, u"invitee"_s}});
    }
    const QJsonObject envelope{{u"event"_s, o.event},
                               {u"created_at"_s, u"2026-11-01T08:00:00.000000Z"_s},
                               {u"created_by"_s, u"https://api.calendly.com/users/HOST"_s},
                               {u"payload"_s, payload}};
    return QJsonDocument(envelope).toJson(QJsonDocument::Compact);
}

} // namespace deskbell::test
