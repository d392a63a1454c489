#pragma once

#include "sms/SmsProvider.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QNetworkRequest>
#include <QString>
#include <QUrl>

#include <utility>

class QJsonValue;
class QNetworkAccessManager;
class QNetworkReply;

namespace deskbell {

// EngageLab's error table (docs: reference/engagelab.md §2) mapped onto outcomes, for answers that arrived.
// httpStatus is the HTTP status, code the body's "code" (0 when absent). A known code decides; otherwise
// the HTTP status does. Failures without an HTTP answer depend on whether the request was sent and are
// decided by the provider, not here.
SmsResult::Outcome classifyEngageLab(int httpStatus, int code);

// The operator's words for one of EngageLab's codes; empty for a code the table does not know.
QString describeEngageLabCode(int code);

// Retry-After as seconds: delta-seconds, or an HTTP-date measured against the response's own Date header
// (so no local clock is involved). -1 when absent or unreadable; at most one day.
int parseRetryAfter(const QByteArray &retryAfter, const QByteArray &dateHeader);

namespace engagelab {

// EngageLab ids are 19-digit numbers and sometimes arrive as bare JSON numbers. QJsonDocument keeps integers
// below 2^63 exact, but anything written otherwise (1.9e18, ...472.0, above 2^63) becomes a double and loses
// digits, so ids are read from the source text: every number token of `json`, keyed by its path
// ("plan_id", "schedule_info/task_id", "rows/0/message_id", "3/template_id" under a top-level array).
// Empty when the text is not well-formed JSON.
QHash<QString, QByteArray> numberTokens(QByteArrayView json);

// An id as exact text: a JSON string as given (trimmed), a bare integer from its source text at `path`,
// empty for anything else (fractions, exponents, objects, null).
QString idText(const QJsonValue &value, const QHash<QString, QByteArray> &numbers, const QString &path);

} // namespace engagelab

// Sends templated texts through EngageLab's POST /v1/messages, one recipient per request.
class EngageLabProvider final : public SmsProvider
{
    Q_OBJECT

public:
    struct Config
    {
        QUrl apiBase{QStringLiteral("https://smsapi.engagelab.com")};
        QString devKey;
        QString devSecret;
        int timeoutMs = 15000; // <= 0 means the default: a request without a deadline is never allowed
        QString planName = QStringLiteral("Deskbell");
    };

    // A bigger answer is not EngageLab's: the request is aborted (see interpret()).
    static constexpr qint64 MAX_RESPONSE_BYTES = 64 * 1024;

    // `nam` belongs to the caller (one owner per outside resource) and must outlive the provider.
    EngageLabProvider(QNetworkAccessManager *nam, Config config, QObject *parent = nullptr);
    // Aborts what is in flight; each request still gets its finished(): Unknown when it had been sent,
    // Transient when not.
    ~EngageLabProvider() override;

    QString name() const override;
    void send(const SmsRequest &request) override;

    int inFlightCount() const;

    // A request for `path` below config.apiBase with EngageLab's Basic auth and the house rules for
    // outbound HTTP: transfer timeout, redirects not followed, HTTP/1.1 only. Shared with the template
    // client.
    static QNetworkRequest makeRequest(const Config &config, const QString &path);
    // `text` with the dev key, the dev secret and the encoded credentials blanked out.
    static QString scrubSecrets(const Config &config, QString text);

signals:
    // The request is completely written to the connection: from here on a failure means "maybe sent".
    // A dispatcher that records this knows after a crash which texts can only be Unknown.
    void requestSent(qint64 messageId);

private:
    struct InFlight
    {
        qint64 messageId = 0;
        QString to;
        bool sent = false;
        bool oversized = false;
    };

    void markSent(QNetworkReply *reply);
    void checkSize(QNetworkReply *reply);
    void onReplyFinished(QNetworkReply *reply);
    void onReplyDestroyed(QNetworkReply *reply);
    SmsResult interpret(QNetworkReply *reply, const InFlight &flight) const;
    void finishLater(const InFlight &flight, SmsResult result);
    void flushDeferred();
    void report(const InFlight &flight, SmsResult result);

    QNetworkAccessManager *m_nam;
    Config m_config;
    QHash<QNetworkReply *, InFlight> m_inFlight;
    QList<std::pair<InFlight, SmsResult>> m_deferred; // refused before any network use, answered next turn
};

} // namespace deskbell
