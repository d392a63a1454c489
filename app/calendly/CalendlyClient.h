#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace deskbell {

// What went wrong talking to Calendly, classified for the caller (retry later or ask the operator).
struct CalendlyError
{
    enum class Kind
    {
        None,
        Auth,        // 401: the token is wrong, expired or revoked
        Forbidden,   // 403: a missing scope, a plan limit or no admin rights
        Conflict,    // 409: e.g. a webhook for this URL exists already
        RateLimited, // 429: wait retryAfterSecs
        NotFound,    // 404
        Transient,   // 5xx, network failure, timeout: try again later
        Invalid,     // other 4xx, an unreadable or oversized answer: retrying will not help
    };

    Kind kind = Kind::None;
    int httpStatus = 0;     // 0 when no HTTP answer came
    int retryAfterSecs = 0; // RateLimited only
    QString plainMessage;   // for the operator, ready to show
    QString detail;         // Calendly's own title/message, for the log
    bool timedOut = false;  // Transient only: no answer within the transfer timeout (else unreachable)

    bool ok() const { return kind == Kind::None; }
    bool isTransient() const { return kind == Kind::Transient || kind == Kind::RateLimited; }
};

QString keyOf(CalendlyError::Kind kind); // "auth", "forbidden", ...

// Calendly API v2 over a caller-owned QNetworkAccessManager. Every operation is asynchronous and
// reports once through its callback (never synchronously from inside the call). Collections are
// followed across pages until Calendly reports no next_page_token. The token goes only into the
// Authorization header: never into logs, errors or any URL.
class CalendlyClient : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        QUrl apiBase{QStringLiteral("https://api.calendly.com")};
        QString token;
        int timeoutMs = 15000;
    };

    enum class Scope
    {
        User,
        Organization,
    };

    struct Me
    {
        QString uri;
        QString name;
        QString organization; // current_organization
        QString timezone;
    };

    struct Organization
    {
        QString uri;
        QString name;
    };

    struct WebhookSubscription
    {
        QString uri;
        QString callbackUrl;
        QString state; // active | disabled
        QString scope;
        QString organization;
        QString user;
        QStringList events;
        QDateTime createdUtc;

        bool isActive() const { return state == u"active"; }
        static WebhookSubscription fromJson(const QJsonObject &object);
    };

    template <typename T> using Callback = std::function<void(const T &result, const CalendlyError &error)>;
    using DoneCallback = std::function<void(const CalendlyError &error)>;

    static constexpr qint64 MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
    static constexpr int MAX_PAGES = 200; // a loop guard: 200 x 100 items is far beyond one account

    CalendlyClient(QNetworkAccessManager &network, Config config, QObject *parent = nullptr);
    ~CalendlyClient() override;

    void setConfig(const Config &config);
    const Config &config() const { return m_config; }

    void fetchMe(Callback<Me> done);
    // GET /organizations/{uuid} (scope organizations:read, which a token may lack: callers treat the
    // name as optional).
    void fetchOrganization(const QString &organizationUri, Callback<Organization> done);
    void listWebhookSubscriptions(const QString &organization, const QString &user, Scope scope,
                                  Callback<QList<WebhookSubscription>> done);
    // signingKey is sent once and never logged; Calendly does not echo it back.
    void createWebhookSubscription(const QUrl &callbackUrl, const QStringList &events,
                                   const QString &organization, const QString &user, Scope scope,
                                   const QString &signingKey, Callback<WebhookSubscription> done);
    void deleteWebhookSubscription(const QString &uri, DoneCallback done);
    // Both user and organization may be given (a user's events inside an organization). An empty
    // status lists active and canceled events.
    void listScheduledEvents(const QString &user, const QString &organization, const QDateTime &minStartUtc,
                             const QDateTime &maxStartUtc, const QString &status,
                             Callback<QList<QJsonObject>> done);
    void listInvitees(const QString &eventUri, Callback<QList<QJsonObject>> done);

signals:
    // X-RateLimit-Remaining reached 0: requests wait until the window resets.
    void rateLimitReached(int resetSecs);

private:
    using JsonCallback = std::function<void(const QJsonObject &body, const CalendlyError &error)>;

    struct Pending
    {
        QByteArray method;
        QUrl url;
        QByteArray body;
        JsonCallback done;
    };

    QUrl endpoint(const QString &path, const QUrlQuery &query = {}) const;
    void send(const QByteArray &method, const QUrl &url, const QByteArray &body, JsonCallback done);
    void startOrWait();
    void start(const Pending &pending);
    void onFinished(QNetworkReply *reply);
    void noteRateHeaders(QNetworkReply *reply);
    CalendlyError classify(QNetworkReply *reply, const QByteArray &body, bool oversized) const;
    QString scrub(QString text) const;
    void collect(QUrl url, QList<QJsonObject> collected, int page, Callback<QList<QJsonObject>> done);

    QNetworkAccessManager &m_network;
    Config m_config;
    QList<Pending> m_waiting; // held back by an exhausted rate limit
    struct InFlight
    {
        QByteArray method;
        JsonCallback done;
        bool oversized = false;
    };

    QHash<QNetworkReply *, InFlight> m_inFlight;
    QElapsedTimer m_monotonic;
    qint64 m_pausedUntilMs = 0;
    bool m_wakeScheduled = false;
};

} // namespace deskbell
