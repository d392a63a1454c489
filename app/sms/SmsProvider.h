#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace deskbell {

// One text to one recipient, as the dispatcher hands it over.
struct SmsRequest
{
    qint64 messageId = 0; // Deskbell's outbox id, echoed back in custom_args for receipts
    QString to;           // E.164
    QString templateId;
    QJsonObject params; // template variables, values as strings
};

// What became of one send attempt. The outcome decides everything the dispatcher does next, so each
// provider maps its own error table onto these five.
struct SmsResult
{
    enum class Outcome
    {
        Accepted,   // the provider took it (not "delivered": that only a receipt can say)
        Transient,  // certainly not sent, and trying again later can help (connection refused, 5xx, ...)
        Unknown,    // the request may have reached the provider (timeout after sending): never resend alone
        Permanent,  // will fail the same way every time (bad number, template not approved, ...)
        AuthFailed, // credentials wrong or expired: pause everything, tell the operator
    };

    Outcome outcome = Outcome::Transient;
    QString providerMessageId; // exact text, never through a double: ids are 19-digit numbers
    QString planId;
    QString scheduleTaskId;  // schedule_info.task_id, only when the provider scheduled the text itself
    int httpStatus = 0;      // 0 when no HTTP answer arrived
    QString code;            // provider's error code as text ("3002"), empty when none
    QString message;         // provider's or network's words, for the operator; never contains secrets
    int retryAfterSecs = -1; // when the provider asked for a pause (HTTP 429 Retry-After), else -1

    bool isAccepted() const { return outcome == Outcome::Accepted; }
};

// An SMS service. Lives in the engine's thread; send() returns at once and finished() follows
// exactly once per request (also on abort()).
class SmsProvider : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~SmsProvider() override = default;

    virtual QString name() const = 0; // "engagelab", "sandbox"
    virtual void send(const SmsRequest &request) = 0;

signals:
    void finished(qint64 messageId, const deskbell::SmsResult &result);
};

QString toText(SmsResult::Outcome outcome); // "accepted", "transient", "unknown", "permanent", "auth_failed"

} // namespace deskbell

Q_DECLARE_METATYPE(deskbell::SmsResult)
