#include "server/BookingSimulator.h"

#include "calendly/WebhookSignature.h"
#include "domain/Phone.h"
#include "net/ReplySizeLimit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUuid>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcSimulator, "deskbell.server")

const QString API = u"https://api.calendly.com"_s;

// Calendly writes UTC with microseconds: "2020-11-23T17:51:18.327602Z".
QString stamp(const QDateTime &utc)
{
    return utc.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz000Z"_s);
}

QString freshId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

BookingSimulator::BookingSimulator(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

BookingSimulator::~BookingSimulator()
{
    for (const QPointer<QNetworkReply> &reply : std::as_const(m_inFlight)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
}

QDateTime BookingSimulator::defaultStart(const QDateTime &nowUtc)
{
    const QDateTime earliest = nowUtc.toUTC().addSecs(3 * 3600);
    QDateTime hour(earliest.date(), QTime(earliest.time().hour(), 0), Qt::UTC);
    if (hour < earliest) {
        hour = hour.addSecs(3600);
    }
    return hour;
}

QByteArray BookingSimulator::bookingBody(const Booking &booking, const QDateTime &nowUtc)
{
    const QDateTime start = booking.startUtc.isValid() ? booking.startUtc.toUTC() : defaultStart(nowUtc);
    const QDateTime end = start.addSecs(qint64(qMax(1, booking.durationMin)) * 60);
    const QString now = stamp(nowUtc);
    const QString eventUri = API + u"/scheduled_events/"_s + freshId();
    const QString inviteeId = freshId();
    const QString inviteeUri = eventUri + u"/invitees/"_s + inviteeId;
    const QString hostUri = API + u"/users/"_s + freshId();

    const QJsonObject scheduledEvent{
        {u"uri"_s, eventUri},
        {u"name"_s, booking.eventName},
        {u"meeting_notes_plain"_s, QJsonValue::Null},
        {u"meeting_notes_html"_s, QJsonValue::Null},
        {u"status"_s, u"active"_s},
        {u"start_time"_s, stamp(start)},
        {u"end_time"_s, stamp(end)},
        {u"event_type"_s, QString(API + u"/event_types/"_s + freshId())},
        {u"location"_s, QJsonObject{{u"type"_s, u"physical"_s},
                                    {u"location"_s, booking.location},
                                    {u"additional_info"_s, QJsonValue::Null}}},
        {u"invitees_counter"_s, QJsonObject{{u"total"_s, 1}, {u"active"_s, 1}, {u"limit"_s, 1}}},
        {u"created_at"_s, now},
        {u"updated_at"_s, now},
        {u"event_memberships"_s, QJsonArray{QJsonObject{{u"user"_s, hostUri},
                                                        {u"user_email"_s, booking.hostEmail},
                                                        {u"user_name"_s, booking.hostName}}}},
        {u"event_guests"_s, QJsonArray{}},
    };
    const QJsonObject tracking{
        {u"utm_campaign"_s, QJsonValue::Null}, {u"utm_source"_s, QJsonValue::Null},
        {u"utm_medium"_s, QJsonValue::Null},   {u"utm_content"_s, QJsonValue::Null},
        {u"utm_term"_s, QJsonValue::Null},     {u"salesforce_uuid"_s, QJsonValue::Null},
    };
    // v2: the payload IS the invitee, with the scheduled event embedded.
    const QJsonObject payload{
        {u"uri"_s, inviteeUri},
        {u"event"_s, eventUri},
        {u"name"_s, booking.inviteeName},
        {u"first_name"_s, QJsonValue::Null},
        {u"last_name"_s, QJsonValue::Null},
        {u"email"_s, booking.email},
        {u"status"_s, u"active"_s},
        {u"timezone"_s, orNull(booking.timezone)},
        {u"text_reminder_number"_s, orNull(booking.phone)},
        {u"questions_and_answers"_s,
         QJsonArray{QJsonObject{{u"question"_s, u"Anything we should know before the visit?"_s},
                                {u"answer"_s, u"A simulated booking from Deskbell's Sandbox."_s},
                                {u"position"_s, 0}}}},
        {u"rescheduled"_s, false},
        {u"old_invitee"_s, QJsonValue::Null},
        {u"new_invitee"_s, QJsonValue::Null},
        {u"cancel_url"_s, QString(u"https://calendly.com/cancellations/"_s + inviteeId)},
        {u"reschedule_url"_s, QString(u"https://calendly.com/reschedulings/"_s + inviteeId)},
        {u"routing_form_submission"_s, QJsonValue::Null},
        {u"payment"_s, QJsonValue::Null},
        {u"no_show"_s, QJsonValue::Null},
        {u"reconfirmation"_s, QJsonValue::Null},
        {u"scheduling_method"_s, QJsonValue::Null},
        {u"invitee_scheduled_by"_s, QJsonValue::Null},
        {u"tracking"_s, tracking},
        {u"created_at"_s, now},
        {u"updated_at"_s, now},
        {u"scheduled_event"_s, scheduledEvent},
    };
    const QJsonObject envelope{
        {u"event"_s, u"invitee.created"_s},
        {u"created_at"_s, now},
        {u"created_by"_s, hostUri},
        {u"payload"_s, payload},
    };
    return QJsonDocument(envelope).toJson(QJsonDocument::Compact);
}

void BookingSimulator::post(const QUrl &listenerUrl, const QByteArray &signingKey, const Booking &booking,
                            const QDateTime &nowUtc)
{
    const QByteArray body = bookingBody(booking, nowUtc);
    const QString inviteeUri =
        QJsonDocument::fromJson(body).object().value(u"payload"_s).toObject().value(u"uri"_s).toString();
    if (!listenerUrl.isValid() || listenerUrl.host().isEmpty()) {
        QTimer::singleShot(0, this, [this, inviteeUri] {
            emit posted(false, inviteeUri,
                        tr("There is no listener address to send the simulated booking to."));
        });
        return;
    }
    QUrl url = listenerUrl;
    QString path = url.path();
    while (path.endsWith(u'/')) {
        path.chop(1);
    }
    url.setPath(path + u"/webhooks/calendly"_s);
    url.setQuery(QString());

    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs > 0 ? m_timeoutMs : 10000);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("User-Agent", "Calendly (Deskbell simulation)");
    if (!signingKey.isEmpty()) {
        request.setRawHeader("Calendly-Webhook-Signature",
                             signCalendlyBody(body, signingKey, nowUtc.toSecsSinceEpoch()));
    }
    qCInfo(lcSimulator).noquote() << u"simulated booking for %1 posted to %2"_s.arg(
        phone::mask(booking.phone), url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
    QNetworkReply *reply = m_network.post(request, body);
    m_inFlight.append(reply);
    const auto oversized = abortWhenReplyExceeds(reply, MAX_RESPONSE_BYTES, this);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, inviteeUri, oversized] { onFinished(reply, inviteeUri, *oversized); });
}

void BookingSimulator::onFinished(QNetworkReply *reply, const QString &inviteeUri, bool oversized)
{
    reply->disconnect(this);
    reply->deleteLater();
    m_inFlight.removeAll(QPointer<QNetworkReply>(reply));

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString error;
    if (oversized) {
        error = tr("The listener sent an answer far larger than expected.");
    } else if (status == 0) {
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                              reply->error() == QNetworkReply::TimeoutError;
        error =
            timedOut
                ? tr("Deskbell's listener did not answer within %1 seconds.").arg(qMax(1, m_timeoutMs / 1000))
                : tr("Deskbell's listener could not be reached (%1). Is it running?")
                      .arg(reply->errorString());
    } else if (status != 200) {
        const QString said = QJsonDocument::fromJson(reply->read(MAX_RESPONSE_BYTES))
                                 .object()
                                 .value(u"error"_s)
                                 .toString()
                                 .left(300);
        if (status == 401) {
            error =
                tr("Deskbell's listener refused the simulated booking's signature (%1): the signing key or "
                   "this computer's clock is not what the listener expects.")
                    .arg(said.isEmpty() ? tr("no reason given") : said);
        } else {
            error = said.isEmpty()
                        ? tr("Deskbell's listener refused the simulated booking (error %1).").arg(status)
                        : tr("Deskbell's listener refused the simulated booking (error %1: %2).")
                              .arg(status)
                              .arg(said);
        }
    }
    if (error.isEmpty()) {
        qCInfo(lcSimulator) << "simulated booking accepted by the listener";
    } else {
        qCWarning(lcSimulator).noquote() << "simulated booking not accepted:" << error;
    }
    emit posted(error.isEmpty(), inviteeUri, error);
}

} // namespace deskbell
