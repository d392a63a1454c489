#pragma once

#include "sms/EngageLabProvider.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace deskbell {

// One entry of EngageLab's GET /v1/template-configs.
struct SmsTemplate
{
    QString id; // exact text: EngageLab ids are 19-digit numbers
    QString name;
    QString type; // "utility" | "marketing" | "authentication"
    QString content;
    int status = 0;       // 1 pending review, 2 approved, 3 rejected
    QString auditRemark;  // the reviewer's words, e.g. why it was rejected
    QString countryCodes; // "CN,US"

    bool isApproved() const { return status == 2; }
    QString statusText() const;    // "waiting for review" | "approved" | "rejected" | "unknown status N"
    QStringList variables() const; // templateVariables(content)
};

// The distinct variable names in a template's text, in order of first use. EngageLab's own docs write
// variables both as {name} and {{name}} (reference/engagelab.md §1), so both count. A name is letters
// (with their combining marks), digits, '_', '-' or '.'; {{ name }} may pad with spaces, {name} may not, so
// JSON-like text ({ "a": 1 }) and prose braces are not variables. Unbalanced braces find the innermost
// well-formed pair: "{{x}" uses x.
QStringList templateVariables(const QString &content);

// The template's variables that `suppliedParams` does not fill (case-sensitive), in template order.
// EngageLab sends an unfilled variable literally, so a non-empty answer means "do not send".
QStringList missingVariables(const SmsTemplate &smsTemplate, const QStringList &suppliedParams);

// Parses the GET /v1/template-configs answer (a JSON array). Entries without a template_id are skipped.
// On failure returns an empty list and sets *error (when given); an EngageLab error object
// ({"code":2001,...}) is a failure that names the code.
QList<SmsTemplate> parseTemplateList(const QByteArray &body, QString *error);

// Fetches the account's templates, for the settings page: which ids exist, which are approved, what
// variables they need.
class EngageLabTemplateClient : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 MAX_RESPONSE_BYTES = 1024 * 1024; // hundreds of templates fit many times over

    // `nam` belongs to the caller and must outlive this client.
    EngageLabTemplateClient(QNetworkAccessManager *nam, EngageLabProvider::Config config,
                            QObject *parent = nullptr);
    // Aborts a fetch in flight without a signal: nobody is left to show its answer.
    ~EngageLabTemplateClient() override;

    // Starts a fetch; fetched() or failed() follows once. While one runs, another call does nothing: the
    // running one answers both.
    void fetch();
    bool isFetching() const { return !m_reply.isNull(); }

signals:
    void fetched(const QList<deskbell::SmsTemplate> &templates);
    // authProblem: wrong, expired or unauthorised credentials, which the operator must fix in settings.
    void failed(const QString &reason, bool authProblem);

private:
    void onFinished();

    QNetworkAccessManager *m_nam;
    EngageLabProvider::Config m_config;
    QPointer<QNetworkReply> m_reply;
    std::shared_ptr<const bool> m_oversized; // of m_reply
};

} // namespace deskbell

Q_DECLARE_METATYPE(deskbell::SmsTemplate)
