#include "FakeCalendly.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace deskbell::test {

using namespace Qt::StringLiterals;

namespace {

const QString STAMP_FORMAT = u"yyyy-MM-ddTHH:mm:ss.zzz000Z"_s;

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

FakeCalendly::Reply ok(int status, const QJsonObject &object)
{
    return {status, json(object), {}};
}

} // namespace

const QString FakeCalendly::API = u"https://api.calendly.com"_s;
const QString FakeCalendly::TOKEN =
    u"eyJraWQiOiIxY2UxZTEzNjE3ZGNmNzY2YjNjZWJjY2Y4ZGM1YmFmYThhNjVlNjg0MDIzZjdjMzJiZTgzNDliMjM4MDEzNWI0"_s;

QString FakeCalendly::Request::query(const QString &key) const
{
    const qsizetype mark = path.indexOf('?');
    if (mark < 0) {
        return {};
    }
    return QUrlQuery(QString::fromLatin1(path.mid(mark + 1))).queryItemValue(key, QUrl::FullyDecoded);
}

QByteArray FakeCalendly::Request::pathOnly() const
{
    const qsizetype mark = path.indexOf('?');
    return mark < 0 ? path : path.left(mark);
}

// Calendly's framing limits: a larger body is answered 400 and the connection closed.
FakeCalendly::FakeCalendly(QObject *parent)
    : LoopbackHttpServer({.maxBodyBytes = 1024 * 1024}, parent)
    , m_token(TOKEN)
{}

FakeCalendly::~FakeCalendly() = default;

QString FakeCalendly::userUri() const
{
    return API + u"/users/ME"_s;
}

QString FakeCalendly::organizationUri() const
{
    return API + u"/organizations/ORG"_s;
}

FakeCalendly::Reply FakeCalendly::error(int httpStatus, const QString &title, const QString &message)
{
    return {httpStatus, json(QJsonObject{{u"title"_s, title}, {u"message"_s, message}}), {}};
}

FakeCalendly::Reply FakeCalendly::rateLimited(int resetSecs)
{
    Reply reply = error(429, u"Too Many Requests"_s, u"You have exceeded the rate limit."_s);
    reply.headers = {{"X-RateLimit-Limit", "500"},
                     {"X-RateLimit-Remaining", "0"},
                     {"X-RateLimit-Reset", QByteArray::number(resetSecs)}};
    return reply;
}

FakeCalendly::Reply FakeCalendly::rateLimitedRetryAfter(int retryAfterSecs)
{
    Reply reply = rateLimited(retryAfterSecs);
    reply.headers.append({"Retry-After", QByteArray::number(retryAfterSecs)});
    return reply;
}

QString FakeCalendly::addSubscription(const QString &callbackUrl, const QString &state)
{
    const QString uri = API + u"/webhook_subscriptions/SUB%1"_s.arg(m_nextId++);
    const QString stamp = nextStamp();
    m_subscriptions.append(QJsonObject{
        {u"uri"_s, uri},
        {u"callback_url"_s, callbackUrl},
        {u"created_at"_s, stamp},
        {u"updated_at"_s, stamp},
        {u"retry_started_at"_s, QJsonValue::Null},
        {u"state"_s, state},
        {u"events"_s, QJsonArray{u"invitee.created"_s, u"invitee.canceled"_s}},
        {u"scope"_s, u"user"_s},
        {u"organization"_s, organizationUri()},
        {u"user"_s, userUri()},
        {u"creator"_s, userUri()},
    });
    return uri;
}

void FakeCalendly::setSubscriptionState(const QString &uri, const QString &state)
{
    for (QJsonObject &s : m_subscriptions) {
        if (s.value(u"uri"_s).toString() == uri) {
            s.insert(u"state"_s, state);
        }
    }
}

QString FakeCalendly::nextStamp()
{
    m_stamp = m_stamp.addSecs(1);
    return m_stamp.toString(STAMP_FORMAT);
}

QString FakeCalendly::addEvent(const QString &eventId, const QDateTime &startUtc)
{
    const QString uri = API + u"/scheduled_events/"_s + eventId;
    const QString stamp = nextStamp();
    m_events.append(QJsonObject{
        {u"uri"_s, uri},
        {u"name"_s, u"Consultation"_s},
        {u"status"_s, u"active"_s},
        {u"start_time"_s, startUtc.toUTC().toString(STAMP_FORMAT)},
        {u"end_time"_s, startUtc.toUTC().addSecs(1800).toString(STAMP_FORMAT)},
        {u"event_type"_s, u"https://api.calendly.com/event_types/CONSULT"_s},
        {u"location"_s,
         QJsonObject{{u"type"_s, u"physical"_s}, {u"location"_s, u"Sukhumvit Clinic, room 3"_s}}},
        {u"invitees_counter"_s, QJsonObject{{u"total"_s, 0}, {u"active"_s, 0}, {u"limit"_s, 1}}},
        {u"created_at"_s, stamp},
        {u"updated_at"_s, stamp},
        {u"event_memberships"_s,
         QJsonArray{QJsonObject{{u"user"_s, userUri()}, {u"user_name"_s, u"Dr. Lee"_s}}}},
        {u"event_guests"_s, QJsonArray{}},
    });
    m_invitees.insert(eventId, {});
    return uri;
}

void FakeCalendly::touchEvent(const QString &eventId)
{
    const QString uri = API + u"/scheduled_events/"_s + eventId;
    for (QJsonObject &event : m_events) {
        if (event.value(u"uri"_s).toString() == uri) {
            int total = 0;
            int active = 0;
            const QList<QJsonObject> invitees = m_invitees.value(eventId);
            for (const QJsonObject &invitee : invitees) {
                ++total;
                active += invitee.value(u"status"_s).toString() == u"active"_s ? 1 : 0;
            }
            event.insert(u"invitees_counter"_s,
                         QJsonObject{{u"total"_s, total}, {u"active"_s, active}, {u"limit"_s, 1}});
            event.insert(u"updated_at"_s, nextStamp());
        }
    }
}

QString FakeCalendly::addInvitee(const QString &eventId, const QString &inviteeId, const QString &phone,
                                 const QString &oldInviteeUri)
{
    const QString eventUri = API + u"/scheduled_events/"_s + eventId;
    const QString uri = eventUri + u"/invitees/"_s + inviteeId;
    const QString stamp = nextStamp();
    m_invitees[eventId].append(QJsonObject{
        {u"uri"_s, uri},
        {u"event"_s, eventUri},
        {u"name"_s, u"Somchai Jaidee"_s},
        {u"email"_s, u"invitee@example.com"_s},
        {u"first_name"_s, QJsonValue::Null},
        {u"last_name"_s, QJsonValue::Null},
        {u"status"_s, u"active"_s},
        {u"timezone"_s, u"Asia/Bangkok"_s},
        {u"text_reminder_number"_s, phone.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(phone)},
        {u"questions_and_answers"_s, QJsonArray{}},
        {u"rescheduled"_s, false},
        {u"old_invitee"_s,
         oldInviteeUri.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(oldInviteeUri)},
        {u"new_invitee"_s, QJsonValue::Null},
        {u"cancel_url"_s, QString(u"https://calendly.com/cancellations/"_s + inviteeId)},
        {u"reschedule_url"_s, QString(u"https://calendly.com/reschedulings/"_s + inviteeId)},
        {u"tracking"_s, QJsonObject{{u"utm_source"_s, QJsonValue::Null}}},
        {u"no_show"_s, QJsonValue::Null},
        {u"created_at"_s, stamp},
        {u"updated_at"_s, stamp},
    });
    touchEvent(eventId);
    return uri;
}

QJsonObject *FakeCalendly::findInvitee(const QString &eventId, const QString &inviteeId)
{
    auto it = m_invitees.find(eventId);
    if (it == m_invitees.end()) {
        return nullptr;
    }
    const QString suffix = u"/invitees/"_s + inviteeId;
    for (QJsonObject &invitee : *it) {
        if (invitee.value(u"uri"_s).toString().endsWith(suffix)) {
            return &invitee;
        }
    }
    return nullptr;
}

void FakeCalendly::cancelInvitee(const QString &eventId, const QString &inviteeId,
                                 const QString &newInviteeUri)
{
    QJsonObject *invitee = findInvitee(eventId, inviteeId);
    if (!invitee) {
        return;
    }
    invitee->insert(u"status"_s, u"canceled"_s);
    invitee->insert(u"updated_at"_s, nextStamp());
    invitee->insert(u"rescheduled"_s, !newInviteeUri.isEmpty());
    invitee->insert(u"new_invitee"_s,
                    newInviteeUri.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(newInviteeUri));
    invitee->insert(u"cancellation"_s, QJsonObject{{u"canceled_by"_s, u"Somchai Jaidee"_s},
                                                   {u"reason"_s, u"Meeting Conflict"_s},
                                                   {u"canceler_type"_s, u"invitee"_s}});
    // A one-on-one event goes with its only invitee.
    const QString uri = API + u"/scheduled_events/"_s + eventId;
    for (QJsonObject &event : m_events) {
        if (event.value(u"uri"_s).toString() == uri && m_invitees.value(eventId).size() == 1) {
            event.insert(u"status"_s, u"canceled"_s);
        }
    }
    touchEvent(eventId);
}

void FakeCalendly::cancelEvent(const QString &eventId)
{
    const QList<QJsonObject> invitees = m_invitees.value(eventId);
    for (const QJsonObject &invitee : invitees) {
        const QString uri = invitee.value(u"uri"_s).toString();
        cancelInvitee(eventId, uri.mid(uri.lastIndexOf(u'/') + 1));
    }
    const QString uri = API + u"/scheduled_events/"_s + eventId;
    for (QJsonObject &event : m_events) {
        if (event.value(u"uri"_s).toString() == uri) {
            event.insert(u"status"_s, u"canceled"_s);
        }
    }
    touchEvent(eventId);
}

QString FakeCalendly::reschedule(const QString &oldEventId, const QString &oldInviteeId,
                                 const QString &newEventId, const QString &newInviteeId,
                                 const QDateTime &newStartUtc)
{
    const QString oldUri = API + u"/scheduled_events/"_s + oldEventId + u"/invitees/"_s + oldInviteeId;
    const QString phone =
        findInvitee(oldEventId, oldInviteeId)
            ? findInvitee(oldEventId, oldInviteeId)->value(u"text_reminder_number"_s).toString()
            : QString();
    addEvent(newEventId, newStartUtc);
    const QString newUri = addInvitee(newEventId, newInviteeId, phone, oldUri);
    cancelInvitee(oldEventId, oldInviteeId, newUri);
    return newUri;
}

void FakeCalendly::rejectMalformed(Connection &connection)
{
    send(connection, error(400, u"Invalid Argument"_s, u"The supplied parameters are invalid."_s));
}

// Answers every request at once, in order; a hanging one is simply never answered.
void FakeCalendly::handle(Connection &connection, const HttpRequest &http)
{
    Request request;
    record(request, http);
    m_requests.append(request);
    // The token endpoint lives on auth.calendly.com and takes no bearer token.
    if (request.pathOnly() == "/oauth/token") {
        send(connection, oauthToken(http));
        return;
    }
    send(connection, route(request));
}

bool FakeCalendly::isAccessTokenAccepted(const QString &token) const
{
    return token == m_token || m_issuedAccessTokens.contains(token);
}

FakeCalendly::Reply FakeCalendly::route(const Request &request)
{
    if (!request.authorization.startsWith("Bearer ") ||
        !isAccessTokenAccepted(QString::fromUtf8(request.authorization.mid(7)))) {
        return error(401, u"Unauthenticated"_s, u"The access token is invalid"_s);
    }
    const QByteArray path = request.pathOnly();
    for (qsizetype i = 0; i < m_scriptedOn.size(); ++i) {
        if (path.startsWith(m_scriptedOn.at(i).first)) {
            return m_scriptedOn.takeAt(i).second;
        }
    }
    if (!m_scripted.isEmpty()) {
        return m_scripted.takeFirst();
    }
    const QByteArray &method = request.method;

    if (method == "GET" && path.startsWith("/organizations/")) {
        if (API + QString::fromLatin1(path) != organizationUri()) {
            return error(404, u"Resource Not Found"_s,
                         u"The server could not find the requested resource."_s);
        }
        // Calendly's Organization resource (GET /organizations/{uuid}, scope organizations:read).
        return ok(200, QJsonObject{{u"resource"_s, QJsonObject{
                                                       {u"uri"_s, organizationUri()},
                                                       {u"name"_s, m_organizationName},
                                                       {u"kind"_s, u"multiple"_s},
                                                       {u"plan"_s, u"professional"_s},
                                                       {u"stage"_s, u"paid"_s},
                                                       {u"created_at"_s, u"2019-01-02T03:04:05.678123Z"_s},
                                                       {u"updated_at"_s, u"2019-08-07T06:05:04.321123Z"_s},
                                                   }}});
    }

    if (method == "GET" && path == "/users/me") {
        return ok(200, QJsonObject{{u"resource"_s, QJsonObject{
                                                       {u"uri"_s, userUri()},
                                                       {u"name"_s, u"Dr. Lee"_s},
                                                       {u"slug"_s, u"drlee"_s},
                                                       {u"email"_s, u"lee@example.com"_s},
                                                       {u"timezone"_s, u"Asia/Bangkok"_s},
                                                       {u"current_organization"_s, organizationUri()},
                                                       {u"resource_type"_s, u"User"_s},
                                                   }}});
    }
    if (method == "GET" && path == "/webhook_subscriptions") {
        const QString scope = request.query(u"scope"_s);
        if (request.query(u"organization"_s).isEmpty() || scope.isEmpty() ||
            (scope == u"user"_s && request.query(u"user"_s).isEmpty())) {
            return error(400, u"Invalid Argument"_s, u"The supplied parameters are invalid."_s);
        }
        QList<QJsonObject> matching;
        for (const QJsonObject &s : std::as_const(m_subscriptions)) {
            if (s.value(u"scope"_s).toString() == scope &&
                (scope != u"user"_s || s.value(u"user"_s).toString() == request.query(u"user"_s))) {
                matching.append(s);
            }
        }
        return page(request, matching);
    }
    if (method == "POST" && path == "/webhook_subscriptions") {
        const QJsonObject &in = request.json;
        const QString url = in.value(u"url"_s).toString();
        if (url.isEmpty() || in.value(u"events"_s).toArray().isEmpty() ||
            in.value(u"organization"_s).toString().isEmpty() || in.value(u"scope"_s).toString().isEmpty()) {
            return error(400, u"Invalid Argument"_s, u"The supplied parameters are invalid."_s);
        }
        for (const QJsonObject &s : std::as_const(m_subscriptions)) {
            if (s.value(u"callback_url"_s).toString() == url) {
                return error(409, u"Already Exists"_s, u"Hook with this url already exists"_s);
            }
        }
        const QString uri = addSubscription(url);
        QJsonObject &created = m_subscriptions.last();
        created.insert(u"events"_s, in.value(u"events"_s));
        created.insert(u"scope"_s, in.value(u"scope"_s));
        created.insert(u"user"_s, in.value(u"user"_s).isString() ? in.value(u"user"_s) : QJsonValue());
        m_signingKeys.insert(uri, in.value(u"signing_key"_s).toString());
        return ok(201, QJsonObject{{u"resource"_s, created}});
    }
    if (method == "DELETE" && path.startsWith("/webhook_subscriptions/")) {
        const QString uri = API + QString::fromLatin1(path);
        for (qsizetype i = 0; i < m_subscriptions.size(); ++i) {
            if (m_subscriptions.at(i).value(u"uri"_s).toString() == uri) {
                m_subscriptions.removeAt(i);
                return {204, {}, {}};
            }
        }
        return error(404, u"Resource Not Found"_s, u"The server could not find the requested resource."_s);
    }
    if (method == "GET" && path == "/scheduled_events") {
        if (request.query(u"user"_s).isEmpty() && request.query(u"organization"_s).isEmpty()) {
            return error(400, u"Invalid Argument"_s, u"The supplied parameters are invalid."_s);
        }
        const QDateTime minStart =
            QDateTime::fromString(request.query(u"min_start_time"_s), Qt::ISODateWithMs);
        const QDateTime maxStart =
            QDateTime::fromString(request.query(u"max_start_time"_s), Qt::ISODateWithMs);
        const QString status = request.query(u"status"_s);
        QList<QJsonObject> matching;
        for (const QJsonObject &event : std::as_const(m_events)) {
            const QDateTime start =
                QDateTime::fromString(event.value(u"start_time"_s).toString(), Qt::ISODateWithMs);
            if ((minStart.isValid() && start < minStart) || (maxStart.isValid() && start > maxStart) ||
                (!status.isEmpty() && event.value(u"status"_s).toString() != status)) {
                continue;
            }
            matching.append(event);
        }
        std::stable_sort(matching.begin(), matching.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return a.value(u"start_time"_s).toString() < b.value(u"start_time"_s).toString();
        });
        return page(request, matching);
    }
    if (method == "GET" && path.startsWith("/scheduled_events/") && path.endsWith("/invitees")) {
        const QString eventId = QString::fromLatin1(path.sliced(18).chopped(9));
        if (!m_invitees.contains(eventId)) {
            return error(404, u"Resource Not Found"_s,
                         u"The server could not find the requested resource."_s);
        }
        return page(request, m_invitees.value(eventId));
    }
    return error(404, u"Resource Not Found"_s, u"The server could not find the requested resource."_s);
}

// Calendly's collection shape; the page token here is an offset, opaque to the client, with a '+'
// in it to prove the client encodes it.
FakeCalendly::Reply FakeCalendly::page(const Request &request, const QList<QJsonObject> &items)
{
    const int asked = request.query(u"count"_s).isEmpty() ? 20 : request.query(u"count"_s).toInt();
    if (asked < 1 || asked > 100) {
        return error(400, u"Invalid Argument"_s, u"The supplied parameters are invalid."_s);
    }
    const int count = qMin(asked, m_maxPageSize);
    const QString token = request.query(u"page_token"_s);
    int offset = 0;
    if (!token.isEmpty()) {
        if (!token.startsWith(u"p+"_s)) {
            return error(400, u"Invalid Argument"_s, u"The supplied parameters are invalid."_s);
        }
        offset = token.mid(2).toInt();
    }
    QJsonArray collection;
    for (qsizetype i = offset; i < qMin<qsizetype>(items.size(), offset + count); ++i) {
        collection.append(items.at(i));
    }
    const bool more = offset + count < items.size();
    const QJsonValue next = more ? QJsonValue(u"p+%1"_s.arg(offset + count)) : QJsonValue(QJsonValue::Null);
    const QJsonObject pagination{
        {u"count"_s, int(collection.size())},
        // On the wrong host, as Calendly's own example does: clients must use next_page_token.
        {u"next_page"_s, more ? QJsonValue(u"https://calendly.com/elsewhere?page_token=x"_s) : QJsonValue()},
        {u"previous_page"_s, QJsonValue::Null},
        {u"next_page_token"_s, next},
        {u"previous_page_token"_s, QJsonValue::Null},
    };
    return ok(200, QJsonObject{{u"collection"_s, collection}, {u"pagination"_s, pagination}});
}

QString FakeCalendly::authorize(const QString &clientId, const QString &redirectUri,
                                const QString &codeChallenge, const QString &codeChallengeMethod)
{
    // Calendly's codes are 64 hex characters.
    const QString code = QString::fromLatin1(
        QCryptographicHash::hash(QByteArray(QByteArray::number(m_nextId++) + codeChallenge.toUtf8()),
                                 QCryptographicHash::Sha256)
            .toHex());
    m_codes.insert(code, PendingCode{clientId, redirectUri, codeChallenge, codeChallengeMethod});
    return code;
}

FakeCalendly::Reply FakeCalendly::oauthError(int httpStatus, const QString &error, const QString &description)
{
    return {httpStatus, json(QJsonObject{{u"error"_s, error}, {u"error_description"_s, description}}), {}};
}

FakeCalendly::Reply FakeCalendly::issueTokens()
{
    const int id = m_nextId++;
    const auto opaque = [id](const char *kind) {
        return QString::fromLatin1(
            QCryptographicHash::hash(QByteArray(QByteArray(kind) + QByteArray::number(id)),
                                     QCryptographicHash::Sha256)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    m_lastIssued.accessToken = u"oauth-access-"_s + opaque("access");
    m_lastIssued.refreshToken = u"oauth-refresh-"_s + opaque("refresh");
    m_issuedAccessTokens.append(m_lastIssued.accessToken);
    m_refreshTokens.insert(m_lastIssued.refreshToken, QString());
    return ok(200, QJsonObject{
                       {u"token_type"_s, u"Bearer"_s},
                       {u"expires_in"_s, m_tokenLifetimeSecs},
                       {u"created_at"_s, QDateTime::currentSecsSinceEpoch()},
                       {u"refresh_token"_s, m_lastIssued.refreshToken},
                       {u"access_token"_s, m_lastIssued.accessToken},
                       {u"scope"_s, u"default"_s},
                       {u"owner"_s, userUri()},
                       {u"organization"_s, organizationUri()},
                   });
}

// POST /oauth/token, application/x-www-form-urlencoded in, JSON out (RFC 6749 sections 4.1.3, 5, 6).
FakeCalendly::Reply FakeCalendly::oauthToken(const HttpRequest &http)
{
    for (qsizetype i = 0; i < m_scriptedOn.size(); ++i) {
        if (QByteArray("/oauth/token").startsWith(m_scriptedOn.at(i).first)) {
            return m_scriptedOn.takeAt(i).second;
        }
    }
    if (!m_scripted.isEmpty()) {
        return m_scripted.takeFirst();
    }
    if (http.method != "POST") {
        return oauthError(405, u"invalid_request"_s, u"Use POST."_s);
    }
    if (!http.headers.value("content-type").startsWith("application/x-www-form-urlencoded")) {
        return oauthError(400, u"invalid_request"_s, u"The request must be form-encoded."_s);
    }
    QHash<QString, QString> form;
    const QList<QByteArray> pairs = http.body.split('&');
    for (const QByteArray &pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        if (eq <= 0) {
            continue;
        }
        QByteArray value = pair.mid(eq + 1);
        value.replace('+', ' ');
        form.insert(QUrl::fromPercentEncoding(pair.left(eq)), QUrl::fromPercentEncoding(value));
    }
    const QString grant = form.value(u"grant_type"_s);
    if (grant == u"authorization_code"_s) {
        const QString code = form.value(u"code"_s);
        if (code.isEmpty() || form.value(u"client_id"_s).isEmpty() ||
            form.value(u"redirect_uri"_s).isEmpty() || form.value(u"code_verifier"_s).isEmpty()) {
            return oauthError(400, u"invalid_request"_s, u"A required parameter is missing."_s);
        }
        // Single use, whatever the outcome.
        const auto it = m_codes.constFind(code);
        if (it == m_codes.constEnd()) {
            return oauthError(
                400, u"invalid_grant"_s,
                u"The provided authorization grant is invalid, expired, revoked, does not match "
                u"the redirection URI used in the authorization request, or was issued to another "
                u"client."_s);
        }
        const PendingCode pending = *it;
        m_codes.remove(code);
        if (pending.clientId != form.value(u"client_id"_s)) {
            return oauthError(401, u"invalid_client"_s, u"Client authentication failed."_s);
        }
        const QByteArray verifier = form.value(u"code_verifier"_s).toUtf8();
        const QString expected =
            pending.method == u"S256"_s
                ? QString::fromLatin1(
                      QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
                          .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
                : QString::fromUtf8(verifier);
        if (pending.redirectUri != form.value(u"redirect_uri"_s) || expected != pending.challenge) {
            return oauthError(
                400, u"invalid_grant"_s,
                u"The provided authorization grant is invalid, expired, revoked, does not match "
                u"the redirection URI used in the authorization request, or was issued to another "
                u"client."_s);
        }
        return issueTokens();
    }
    if (grant == u"refresh_token"_s) {
        const QString refresh = form.value(u"refresh_token"_s);
        if (refresh.isEmpty()) {
            return oauthError(400, u"invalid_request"_s, u"A required parameter is missing."_s);
        }
        // Rotation: a refresh token is revoked by its first successful use.
        if (!m_refreshTokens.contains(refresh)) {
            return oauthError(
                400, u"invalid_grant"_s,
                u"The provided authorization grant is invalid, expired, revoked, does not match "
                u"the redirection URI used in the authorization request, or was issued to another "
                u"client."_s);
        }
        m_refreshTokens.remove(refresh);
        return issueTokens();
    }
    return oauthError(400, u"unsupported_grant_type"_s,
                      u"The authorization grant type is not supported by the authorization server."_s);
}

void FakeCalendly::send(Connection &connection, Reply reply)
{
    if (!connection.isOpen() || reply.hang) {
        return;
    }
    bool hasRateHeaders = false;
    for (const auto &[name, value] : std::as_const(reply.headers)) {
        hasRateHeaders = hasRateHeaders || name.toLower() == "x-ratelimit-remaining";
    }
    if (!hasRateHeaders) {
        // "All responses include the following headers" (Calendly's rate-limit page).
        const int reset = std::exchange(m_exhaustResetSecs, 0);
        reply.headers.append(qMakePair(QByteArray("X-RateLimit-Limit"), QByteArray("500")));
        reply.headers.append(
            qMakePair(QByteArray("X-RateLimit-Remaining"), QByteArray(reset > 0 ? "0" : "499")));
        reply.headers.append(
            qMakePair(QByteArray("X-RateLimit-Reset"), QByteArray::number(reset > 0 ? reset : 60)));
    }
    if (reply.httpStatus != 204) {
        reply.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
    }
    answer(connection, {reply.httpStatus, reply.headers, reply.body});
}

} // namespace deskbell::test
