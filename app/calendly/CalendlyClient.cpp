#include "calendly/CalendlyClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcCalendly, "deskbell.calendly")

constexpr int PAGE_SIZE = 100;
constexpr int DEFAULT_TIMEOUT_MS = 15000;
constexpr int DEFAULT_RESET_SECS = 60; // Calendly: "typically 60 seconds"
constexpr int MAX_WAIT_SECS = 3600;    // a header claiming longer is not believed
constexpr int MAX_DETAIL_CHARS = 300;

const QString SCOPES_NEEDED = u"users:read, scheduled_events:read, webhooks:read and webhooks:write"_s;

QString scopeKey(CalendlyClient::Scope scope)
{
    return scope == CalendlyClient::Scope::User ? u"user"_s : u"organization"_s;
}

// A query value percent-encoded in full: QUrlQuery leaves '+' alone, which servers read as a space,
// and Calendly's page tokens are opaque (they may hold '+', '/' or '=').
QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QString lastSegment(const QString &uri)
{
    const QString path = QUrl(uri).path();
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? QString() : path.mid(slash + 1);
}

QString calendlyTimestamp(const QDateTime &utc)
{
    return utc.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz000Z"_s);
}

int headerSecs(QNetworkReply *reply, const QByteArray &name)
{
    bool ok = false;
    const int secs = reply->rawHeader(name).trimmed().toInt(&ok);
    return ok && secs >= 0 ? qMin(secs, MAX_WAIT_SECS) : -1;
}

} // namespace

QString keyOf(CalendlyError::Kind kind)
{
    switch (kind) {
    case CalendlyError::Kind::None:
        return u"ok"_s;
    case CalendlyError::Kind::Auth:
        return u"auth"_s;
    case CalendlyError::Kind::Forbidden:
        return u"forbidden"_s;
    case CalendlyError::Kind::Conflict:
        return u"conflict"_s;
    case CalendlyError::Kind::RateLimited:
        return u"rate-limited"_s;
    case CalendlyError::Kind::NotFound:
        return u"not-found"_s;
    case CalendlyError::Kind::Transient:
        return u"transient"_s;
    case CalendlyError::Kind::Invalid:
        return u"invalid"_s;
    }
    return u"invalid"_s;
}

CalendlyClient::WebhookSubscription CalendlyClient::WebhookSubscription::fromJson(const QJsonObject &o)
{
    WebhookSubscription s;
    s.uri = o.value(u"uri"_s).toString();
    s.callbackUrl = o.value(u"callback_url"_s).toString();
    s.state = o.value(u"state"_s).toString();
    s.scope = o.value(u"scope"_s).toString();
    s.organization = o.value(u"organization"_s).toString();
    s.user = o.value(u"user"_s).toString();
    const QJsonArray events = o.value(u"events"_s).toArray();
    for (const QJsonValue &event : events) {
        s.events.append(event.toString());
    }
    s.createdUtc = QDateTime::fromString(o.value(u"created_at"_s).toString(), Qt::ISODateWithMs);
    return s;
}

CalendlyClient::CalendlyClient(QNetworkAccessManager &network, Config config, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_config(std::move(config))
{
    m_monotonic.start();
}

CalendlyClient::~CalendlyClient()
{
    // Callbacks may capture objects that die with us: no reply may reach them afterwards.
    const QList<QNetworkReply *> replies = m_inFlight.keys();
    m_inFlight.clear();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void CalendlyClient::setConfig(const Config &config)
{
    m_config = config;
}

void CalendlyClient::fetchMe(Callback<Me> done)
{
    send("GET", endpoint(u"/users/me"_s), {}, [done](const QJsonObject &body, const CalendlyError &error) {
        Me me;
        if (error.ok()) {
            const QJsonObject resource = body.value(u"resource"_s).toObject();
            me.uri = resource.value(u"uri"_s).toString();
            me.name = resource.value(u"name"_s).toString();
            me.organization = resource.value(u"current_organization"_s).toString();
            me.timezone = resource.value(u"timezone"_s).toString();
        }
        if (error.ok() && me.uri.isEmpty()) {
            CalendlyError invalid;
            invalid.kind = CalendlyError::Kind::Invalid;
            invalid.httpStatus = 200;
            invalid.plainMessage = u"Calendly's answer about the account holds no user: try again later."_s;
            done(me, invalid);
            return;
        }
        done(me, error);
    });
}

void CalendlyClient::fetchOrganization(const QString &organizationUri, Callback<Organization> done)
{
    // Only the uuid is taken from the URI, as for deletions: the token goes to the configured host.
    const QString uuid = lastSegment(organizationUri);
    if (uuid.isEmpty()) {
        QTimer::singleShot(0, this, [done, organizationUri] {
            CalendlyError error;
            error.kind = CalendlyError::Kind::Invalid;
            error.plainMessage = u"Not an organization: %1"_s.arg(organizationUri);
            done({}, error);
        });
        return;
    }
    send("GET", endpoint(u"/organizations/"_s + uuid), {},
         [done](const QJsonObject &body, const CalendlyError &error) {
             Organization organization;
             if (error.ok()) {
                 const QJsonObject resource = body.value(u"resource"_s).toObject();
                 organization.uri = resource.value(u"uri"_s).toString();
                 organization.name = resource.value(u"name"_s).toString();
             }
             done(organization, error);
         });
}

void CalendlyClient::listWebhookSubscriptions(const QString &organization, const QString &user, Scope scope,
                                              Callback<QList<WebhookSubscription>> done)
{
    QUrlQuery query;
    query.addQueryItem(u"organization"_s, encoded(organization));
    query.addQueryItem(u"scope"_s, scopeKey(scope));
    if (scope == Scope::User) {
        query.addQueryItem(u"user"_s, encoded(user));
    }
    query.addQueryItem(u"count"_s, QString::number(PAGE_SIZE));
    collect(endpoint(u"/webhook_subscriptions"_s, query), {}, 0,
            [done](const QList<QJsonObject> &items, const CalendlyError &error) {
                QList<WebhookSubscription> subscriptions;
                for (const QJsonObject &item : items) {
                    subscriptions.append(WebhookSubscription::fromJson(item));
                }
                done(subscriptions, error);
            });
}

void CalendlyClient::createWebhookSubscription(const QUrl &callbackUrl, const QStringList &events,
                                               const QString &organization, const QString &user, Scope scope,
                                               const QString &signingKey, Callback<WebhookSubscription> done)
{
    QJsonObject request{{u"url"_s, callbackUrl.toString(QUrl::FullyEncoded)},
                        {u"events"_s, QJsonArray::fromStringList(events)},
                        {u"organization"_s, organization},
                        {u"scope"_s, scopeKey(scope)}};
    if (scope == Scope::User) {
        request.insert(u"user"_s, user);
    }
    if (!signingKey.isEmpty()) {
        request.insert(u"signing_key"_s, signingKey);
    }
    send("POST", endpoint(u"/webhook_subscriptions"_s), QJsonDocument(request).toJson(QJsonDocument::Compact),
         [done](const QJsonObject &body, const CalendlyError &error) {
             done(WebhookSubscription::fromJson(body.value(u"resource"_s).toObject()), error);
         });
}

void CalendlyClient::deleteWebhookSubscription(const QString &uri, DoneCallback done)
{
    // Only the uuid is taken from the URI: the token goes to the configured host, never to one
    // named in data.
    const QString uuid = lastSegment(uri);
    if (uuid.isEmpty()) {
        QTimer::singleShot(0, this, [done, uri] {
            CalendlyError error;
            error.kind = CalendlyError::Kind::Invalid;
            error.plainMessage = u"Not a webhook subscription: %1"_s.arg(uri);
            done(error);
        });
        return;
    }
    send("DELETE", endpoint(u"/webhook_subscriptions/"_s + uuid), {},
         [done](const QJsonObject &, const CalendlyError &error) { done(error); });
}

void CalendlyClient::listScheduledEvents(const QString &user, const QString &organization,
                                         const QDateTime &minStartUtc, const QDateTime &maxStartUtc,
                                         const QString &status, Callback<QList<QJsonObject>> done)
{
    QUrlQuery query;
    if (!user.isEmpty()) {
        query.addQueryItem(u"user"_s, encoded(user));
    }
    if (!organization.isEmpty()) {
        query.addQueryItem(u"organization"_s, encoded(organization));
    }
    if (minStartUtc.isValid()) {
        query.addQueryItem(u"min_start_time"_s, encoded(calendlyTimestamp(minStartUtc)));
    }
    if (maxStartUtc.isValid()) {
        query.addQueryItem(u"max_start_time"_s, encoded(calendlyTimestamp(maxStartUtc)));
    }
    if (!status.isEmpty()) {
        query.addQueryItem(u"status"_s, encoded(status));
    }
    query.addQueryItem(u"sort"_s, encoded(u"start_time:asc"_s));
    query.addQueryItem(u"count"_s, QString::number(PAGE_SIZE));
    collect(endpoint(u"/scheduled_events"_s, query), {}, 0, std::move(done));
}

void CalendlyClient::listInvitees(const QString &eventUri, Callback<QList<QJsonObject>> done)
{
    const QString uuid = lastSegment(eventUri);
    if (uuid.isEmpty()) {
        QTimer::singleShot(0, this, [done, eventUri] {
            CalendlyError error;
            error.kind = CalendlyError::Kind::Invalid;
            error.plainMessage = u"Not a scheduled event: %1"_s.arg(eventUri);
            done({}, error);
        });
        return;
    }
    QUrlQuery query;
    query.addQueryItem(u"count"_s, QString::number(PAGE_SIZE));
    collect(endpoint(u"/scheduled_events/%1/invitees"_s.arg(uuid), query), {}, 0, std::move(done));
}

QUrl CalendlyClient::endpoint(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_config.apiBase;
    QString base = url.path();
    while (base.endsWith(u'/')) {
        base.chop(1);
    }
    url.setPath(base + path);
    url.setQuery(query);
    return url;
}

// Follows next_page_token rather than next_page: Calendly's own examples put next_page on another
// host, and the token must only ever go to the configured API base.
void CalendlyClient::collect(QUrl url, QList<QJsonObject> collected, int page,
                             Callback<QList<QJsonObject>> done)
{
    send("GET", url, {},
         [this, url, collected, page, done](const QJsonObject &body, const CalendlyError &error) mutable {
             if (!error.ok()) {
                 done({}, error);
                 return;
             }
             const QJsonArray items = body.value(u"collection"_s).toArray();
             for (const QJsonValue &item : items) {
                 collected.append(item.toObject());
             }
             const QString token =
                 body.value(u"pagination"_s).toObject().value(u"next_page_token"_s).toString();
             if (token.isEmpty()) {
                 done(collected, {});
                 return;
             }
             if (page + 1 >= MAX_PAGES) {
                 CalendlyError tooMany;
                 tooMany.kind = CalendlyError::Kind::Invalid;
                 tooMany.httpStatus = 200;
                 tooMany.plainMessage =
                     u"Calendly kept sending more pages (over %1): giving up."_s.arg(MAX_PAGES);
                 done({}, tooMany);
                 return;
             }
             QUrlQuery query(url);
             query.removeAllQueryItems(u"page_token"_s);
             query.addQueryItem(u"page_token"_s, encoded(token));
             QUrl next = url;
             next.setQuery(query);
             collect(next, std::move(collected), page + 1, std::move(done));
         });
}

void CalendlyClient::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                          JsonCallback done)
{
    m_waiting.append(Pending{method, url, body, std::move(done)});
    startOrWait();
}

void CalendlyClient::startOrWait()
{
    const qint64 waitMs = m_pausedUntilMs - m_monotonic.elapsed();
    if (waitMs > 0) {
        if (!m_wakeScheduled) {
            m_wakeScheduled = true;
            QTimer::singleShot(waitMs, this, [this] {
                m_wakeScheduled = false;
                startOrWait();
            });
        }
        return;
    }
    while (!m_waiting.isEmpty() && m_pausedUntilMs <= m_monotonic.elapsed()) {
        start(m_waiting.takeFirst());
    }
}

void CalendlyClient::start(const Pending &pending)
{
    QNetworkRequest request(pending.url);
    request.setTransferTimeout(m_config.timeoutMs > 0 ? m_config.timeoutMs : DEFAULT_TIMEOUT_MS);
    // A redirect would carry the Authorization header to wherever it points.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // Pasted tokens often carry a stray space or newline, which would break the header.
    request.setRawHeader("Authorization", "Bearer " + m_config.token.trimmed().toUtf8());
    request.setRawHeader("Accept", "application/json");
    if (!pending.body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    }
    qCDebug(lcCalendly).noquote() << QString::fromLatin1(pending.method) << pending.url.path();
    QNetworkReply *reply = m_network.sendCustomRequest(request, pending.method, pending.body);
    m_inFlight.insert(reply, InFlight{pending.method, pending.done});
    const auto checkSize = [this, reply] {
        const auto it = m_inFlight.find(reply);
        if (it == m_inFlight.end() || it->oversized) {
            return;
        }
        const QVariant declared = reply->header(QNetworkRequest::ContentLengthHeader);
        if (reply->bytesAvailable() > MAX_RESPONSE_BYTES ||
            (declared.isValid() && declared.toLongLong() > MAX_RESPONSE_BYTES)) {
            it->oversized = true;
            reply->abort(); // finished() follows from inside abort()
        }
    };
    connect(reply, &QNetworkReply::metaDataChanged, this, checkSize);
    connect(reply, &QNetworkReply::readyRead, this, checkSize);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
    // The manager belongs to someone else; if it goes first, its replies go with it.
    connect(reply, &QObject::destroyed, this, [this, reply] { m_inFlight.remove(reply); });
}

void CalendlyClient::onFinished(QNetworkReply *reply)
{
    const auto it = m_inFlight.find(reply);
    if (it == m_inFlight.end()) {
        return;
    }
    const InFlight flight = *it;
    m_inFlight.erase(it);
    reply->disconnect(this);
    reply->deleteLater();

    noteRateHeaders(reply);
    const QByteArray body = flight.oversized ? QByteArray() : reply->read(MAX_RESPONSE_BYTES + 1);
    CalendlyError error = classify(reply, body, flight.oversized || body.size() > MAX_RESPONSE_BYTES);
    QJsonObject json;
    if (error.ok() && !body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            error.kind = CalendlyError::Kind::Invalid;
            error.plainMessage = u"Calendly sent an answer Deskbell cannot read: try again later."_s;
            error.detail = parseError.errorString();
        } else {
            json = document.object();
        }
    }
    if (!error.ok()) {
        qCWarning(lcCalendly).noquote() << u"%1 %2: %3 (HTTP %4) %5"_s.arg(
            QString::fromLatin1(flight.method), reply->url().path(), keyOf(error.kind),
            QString::number(error.httpStatus), error.detail);
    }
    startOrWait();
    // Last statement: the callback may delete this client.
    flight.done(json, error);
}

void CalendlyClient::noteRateHeaders(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray remaining = reply->rawHeader("X-RateLimit-Remaining").trimmed();
    int waitSecs = -1;
    if (status == 429) {
        const int retryAfter = headerSecs(reply, "Retry-After");
        const int reset = headerSecs(reply, "X-RateLimit-Reset");
        waitSecs = retryAfter >= 0 ? retryAfter : (reset >= 0 ? reset : DEFAULT_RESET_SECS);
    } else if (remaining == "0") {
        const int reset = headerSecs(reply, "X-RateLimit-Reset");
        waitSecs = reset >= 0 ? reset : DEFAULT_RESET_SECS;
    }
    if (waitSecs > 0) {
        m_pausedUntilMs = qMax(m_pausedUntilMs, m_monotonic.elapsed() + qint64(waitSecs) * 1000);
        qCInfo(lcCalendly) << "rate limit reached: next request in" << waitSecs << "s";
        emit rateLimitReached(waitSecs);
    }
}

CalendlyError CalendlyClient::classify(QNetworkReply *reply, const QByteArray &body, bool oversized) const
{
    CalendlyError e;
    e.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (oversized) {
        e.kind = CalendlyError::Kind::Invalid;
        e.plainMessage = u"Calendly's answer was larger than %1 MiB: Deskbell did not read it."_s.arg(
            MAX_RESPONSE_BYTES / (1024 * 1024));
        e.detail = u"response over %1 bytes"_s.arg(MAX_RESPONSE_BYTES);
        return e;
    }
    if (e.httpStatus == 0) {
        e.kind = CalendlyError::Kind::Transient;
        if (reply->error() == QNetworkReply::OperationCanceledError ||
            reply->error() == QNetworkReply::TimeoutError) {
            e.timedOut = true;
            e.plainMessage =
                u"Calendly did not answer within %1 seconds: Deskbell will try again later."_s.arg(
                    (m_config.timeoutMs > 0 ? m_config.timeoutMs : DEFAULT_TIMEOUT_MS) / 1000);
        } else {
            e.plainMessage = u"Calendly could not be reached (%1): check the internet connection; Deskbell "
                             u"will try again later."_s.arg(scrub(reply->errorString()));
        }
        e.detail = scrub(reply->errorString());
        return e;
    }
    if (e.httpStatus >= 200 && e.httpStatus < 300) {
        return e;
    }

    // Calendly's error body: {title, message, details: [{parameter, message}]}. Its text only
    // informs the operator; the status code decides.
    const QJsonObject error = QJsonDocument::fromJson(body).object();
    const QString title = error.value(u"title"_s).toString();
    QString message = error.value(u"message"_s).toString();
    QStringList details;
    const QJsonArray detailItems = error.value(u"details"_s).toArray();
    for (const QJsonValue &item : detailItems) {
        const QJsonObject d = item.toObject();
        const QString parameter = d.value(u"parameter"_s).toString();
        const QString text = d.value(u"message"_s).toString();
        details.append(parameter.isEmpty() ? text : parameter + u": "_s + text);
    }
    QString said = message.isEmpty() ? title : message;
    if (!details.isEmpty()) {
        said += u" ("_s + details.join(u"; "_s) + u')';
    }
    said = scrub(said.left(MAX_DETAIL_CHARS));
    e.detail = title.isEmpty() ? said : scrub(title.left(MAX_DETAIL_CHARS)) + u": "_s + said;

    switch (e.httpStatus) {
    case 401:
        e.kind = CalendlyError::Kind::Auth;
        e.plainMessage =
            u"The Calendly token is wrong or expired: create a new personal access token in Calendly "
            u"(Integrations > API & Webhooks) with the scopes %1, and enter it in Deskbell."_s.arg(
                SCOPES_NEEDED);
        return e;
    case 403: {
        e.kind = CalendlyError::Kind::Forbidden;
        static const QRegularExpression scopePattern(u"\\b([a-z_]+:(?:read|write))\\b"_s);
        QStringList missing;
        const QString haystack = title + u' ' + message + u' ' + details.join(u' ');
        auto matches = scopePattern.globalMatch(haystack);
        while (matches.hasNext()) {
            const QString scope = matches.next().captured(1);
            if (!missing.contains(scope)) {
                missing.append(scope);
            }
        }
        if (!missing.isEmpty() || haystack.contains(u"scope"_s, Qt::CaseInsensitive)) {
            const QString which = missing.isEmpty() ? u"a permission (scope)"_s
                                                    : u"the permission %1"_s.arg(missing.join(u", "_s));
            e.plainMessage =
                u"The Calendly token lacks %1: create a new personal access token with the scopes %2, "
                u"and enter it in Deskbell."_s.arg(which, SCOPES_NEEDED);
        } else if (haystack.contains(u"upgrade"_s, Qt::CaseInsensitive)) {
            e.plainMessage = u"Calendly refused because of the account's plan (\"%1\"): webhooks need a paid "
                             u"Calendly plan on this account."_s.arg(said);
        } else {
            e.plainMessage =
                u"Calendly refused this request (\"%1\"): the token's account may not be an owner or "
                u"admin of the organization."_s.arg(said);
        }
        return e;
    }
    case 404:
        e.kind = CalendlyError::Kind::NotFound;
        e.plainMessage = u"Calendly does not know this item any more (\"%1\")."_s.arg(said);
        return e;
    case 409:
        e.kind = CalendlyError::Kind::Conflict;
        e.plainMessage = u"Calendly says this already exists (\"%1\")."_s.arg(said);
        return e;
    case 429: {
        e.kind = CalendlyError::Kind::RateLimited;
        const int retryAfter = headerSecs(reply, "Retry-After");
        const int reset = headerSecs(reply, "X-RateLimit-Reset");
        e.retryAfterSecs = retryAfter >= 0 ? retryAfter : (reset >= 0 ? reset : DEFAULT_RESET_SECS);
        e.plainMessage =
            u"Calendly asks Deskbell to slow down: next try in %1 seconds."_s.arg(e.retryAfterSecs);
        return e;
    }
    default:
        break;
    }
    if (e.httpStatus >= 500) {
        e.kind = CalendlyError::Kind::Transient;
        e.plainMessage =
            u"Calendly has a problem on its side (HTTP %1): Deskbell will try again later."_s.arg(
                e.httpStatus);
    } else {
        e.kind = CalendlyError::Kind::Invalid;
        e.plainMessage =
            said.isEmpty()
                ? u"Calendly rejected the request (HTTP %1)."_s.arg(e.httpStatus)
                : u"Calendly rejected the request (HTTP %1: \"%2\")."_s.arg(e.httpStatus).arg(said);
    }
    return e;
}

// Defence in depth: Calendly never echoes the token, but an error text must not carry it if it did.
QString CalendlyClient::scrub(QString text) const
{
    if (m_config.token.size() >= 4) {
        text.replace(m_config.token, u"[token]"_s);
    }
    return text;
}

} // namespace deskbell
