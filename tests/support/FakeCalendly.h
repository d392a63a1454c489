#pragma once

#include "LoopbackHttpServer.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace deskbell::test {

// Calendly's API v2 on loopback, for tests: GET /users/me, GET/POST /webhook_subscriptions, DELETE
// /webhook_subscriptions/{uuid}, GET /scheduled_events, GET /scheduled_events/{uuid}/invitees, over
// plain HTTP/1.1 with keep-alive and Calendly's JSON shapes (collection + pagination, error bodies,
// X-RateLimit-* headers). Resource URIs name https://api.calendly.com like the real ones do.
// LoopbackHttpServer does the HTTP; this class decides the answers.
//
// Also GET /organizations/{uuid}, and Calendly's OAuth token endpoint POST /oauth/token (form in,
// JSON out, RFC 6749 errors) for a public PKCE client: a test plays the browser, calls authorize() as
// auth.calendly.com's consent page would, and gets a code bound to the code_challenge; the token
// endpoint then checks code_verifier, client_id and redirect_uri, and rotates refresh tokens
// (single-use, as Calendly's are). Access tokens it issues are accepted by the API like TOKEN.
class FakeCalendly : public LoopbackHttpServer
{
    Q_OBJECT

public:
    struct Request : RecordedRequest
    {
        QString query(const QString &key) const; // a decoded query value
        QByteArray pathOnly() const;
    };

    struct Reply
    {
        int httpStatus = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        bool hang = false; // read the request, never answer (timeout tests)
    };

    static const QString API; // "https://api.calendly.com"
    static const QString TOKEN;

    struct IssuedTokens
    {
        QString accessToken;
        QString refreshToken;
    };

    explicit FakeCalendly(QObject *parent = nullptr);
    ~FakeCalendly() override;

    // listen() and baseUrl() (http://127.0.0.1:<port>) come from LoopbackHttpServer.

    void setToken(const QString &token) { m_token = token; } // default TOKEN
    QString userUri() const;                                 // API/users/ME
    QString organizationUri() const;                         // API/organizations/ORG
    // Caps every page at this many items, whatever count the client asks for (pagination tests).
    void setMaxPageSize(int size) { m_maxPageSize = size; }

    // Scripted answers, used in order for the next requests whatever they are.
    void failNext(const Reply &reply) { m_scripted.append(reply); }
    // A scripted answer for the next request whose path (query left out) starts with pathPrefix only.
    void failNextOn(const QByteArray &pathPrefix, const Reply &reply)
    {
        m_scriptedOn.append({pathPrefix, reply});
    }
    static Reply error(int httpStatus, const QString &title, const QString &message);
    static Reply rateLimited(int resetSecs);
    // A 429 that names its wait in Retry-After (seconds), as Calendly's edge does, besides the
    // X-RateLimit-* headers.
    static Reply rateLimitedRetryAfter(int retryAfterSecs);
    // The next answer (a normal one) says the rate limit window is used up for resetSecs.
    void exhaustRateLimitOnNext(int resetSecs) { m_exhaustResetSecs = resetSecs; }

    // GET /organizations/ORG answers this name.
    void setOrganizationName(const QString &name) { m_organizationName = name; }

    // OAuth. authorize() is the consent page saying yes: a fresh single-use code bound to these.
    QString authorize(const QString &clientId, const QString &redirectUri, const QString &codeChallenge,
                      const QString &codeChallengeMethod = QStringLiteral("S256"));
    IssuedTokens lastIssued() const { return m_lastIssued; } // by the last successful POST /oauth/token
    bool isAccessTokenAccepted(const QString &token) const;
    void setTokenLifetimeSecs(int secs) { m_tokenLifetimeSecs = secs; } // expires_in, default 7200

    // Webhook subscriptions.
    QString addSubscription(const QString &callbackUrl, const QString &state = QStringLiteral("active"));
    void setSubscriptionState(const QString &uri, const QString &state);
    QList<QJsonObject> subscriptions() const { return m_subscriptions; }
    QString signingKeyOf(const QString &uri) const { return m_signingKeys.value(uri); }

    // Scheduled events and invitees. Ids become the URIs' last segments: event "EV-A" with invitee
    // "A" matches test::inviteeUri("A"). Every change moves the event's updated_at forward.
    QString addEvent(const QString &eventId, const QDateTime &startUtc);
    QString addInvitee(const QString &eventId, const QString &inviteeId,
                       const QString &phone = QStringLiteral("+66 81 234 5678"),
                       const QString &oldInviteeUri = {});
    void cancelInvitee(const QString &eventId, const QString &inviteeId, const QString &newInviteeUri = {});
    void cancelEvent(const QString &eventId); // host cancels: the event and all its invitees
    // Calendly's reschedule: the old invitee canceled (rescheduled, new_invitee) and a new event with
    // a new invitee (old_invitee). Returns the new invitee's URI.
    QString reschedule(const QString &oldEventId, const QString &oldInviteeId, const QString &newEventId,
                       const QString &newInviteeId, const QDateTime &newStartUtc);

    QList<Request> requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

private:
    void handle(Connection &connection, const HttpRequest &request) override;
    void rejectMalformed(Connection &connection) override;
    Reply route(const Request &request);
    Reply oauthToken(const HttpRequest &http);
    static Reply oauthError(int httpStatus, const QString &error, const QString &description);
    Reply issueTokens();
    Reply page(const Request &request, const QList<QJsonObject> &items);
    void send(Connection &connection, Reply reply);
    QString nextStamp();
    void touchEvent(const QString &eventId);
    QJsonObject *findInvitee(const QString &eventId, const QString &inviteeId);

    QString m_token;
    int m_maxPageSize = 100;
    QList<Reply> m_scripted;
    QList<QPair<QByteArray, Reply>> m_scriptedOn;
    QString m_organizationName = QStringLiteral("Sukhumvit Dental Clinic");
    struct PendingCode
    {
        QString clientId;
        QString redirectUri;
        QString challenge;
        QString method;
    };
    QHash<QString, PendingCode> m_codes;
    QHash<QString, QString> m_refreshTokens; // refresh token -> client id; removed when used
    QStringList m_issuedAccessTokens;
    IssuedTokens m_lastIssued;
    int m_tokenLifetimeSecs = 7200;
    int m_exhaustResetSecs = 0;
    QList<QJsonObject> m_subscriptions;
    QHash<QString, QString> m_signingKeys;
    QList<QJsonObject> m_events;                   // in insertion order
    QHash<QString, QList<QJsonObject>> m_invitees; // by event id
    QList<Request> m_requests;
    int m_nextId = 1;
    QDateTime m_stamp = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
};

} // namespace deskbell::test
