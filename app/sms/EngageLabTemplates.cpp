#include "sms/EngageLabTemplates.h"

#include "net/ReplySizeLimit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>

#include <optional>
#include <utility>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcTemplates, "deskbell.sms")

int intOf(const QJsonValue &value)
{
    if (value.isDouble()) {
        return int(value.toInteger());
    }
    if (value.isString()) {
        return value.toString().trimmed().toInt();
    }
    return 0;
}

// EngageLab answers errors with {"code": N, "message": "..."}; nullopt when `object` is not one.
std::optional<std::pair<int, QString>> errorObject(const QJsonObject &object)
{
    const int code = intOf(object.value("code"_L1));
    if (code == 0) {
        return std::nullopt;
    }
    return std::pair{code, object.value("message"_L1).toString().simplified().left(300)};
}

QString errorText(int httpStatus, int code, const QString &theirs)
{
    QString ours = code != 0 ? describeEngageLabCode(code) : QString();
    if (ours.isEmpty()) {
        ours = code != 0 ? u"EngageLab error %1"_s.arg(code) : u"HTTP %1"_s.arg(httpStatus);
    }
    return theirs.isEmpty() ? ours : QString(ours + u": "_s + theirs);
}

} // namespace

QString SmsTemplate::statusText() const
{
    switch (status) {
    case 1:
        return u"waiting for review"_s;
    case 2:
        return u"approved"_s;
    case 3:
        return u"rejected"_s;
    default:
        return u"unknown status %1"_s.arg(status);
    }
}

QStringList SmsTemplate::variables() const
{
    return templateVariables(content);
}

QStringList templateVariables(const QString &content)
{
    // Alternatives are tried left to right at each position, so "{{x}}" is one double-brace match, not a
    // single-brace match of "{x}" inside it.
    static const QRegularExpression pattern(
        uR"(\{\{[ \t]*([\p{L}\p{M}\p{N}_.\-]+)[ \t]*\}\}|\{([\p{L}\p{M}\p{N}_.\-]+)\})"_s);
    QStringList names;
    for (auto it = pattern.globalMatch(content); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString name = match.hasCaptured(1) ? match.captured(1) : match.captured(2);
        if (!names.contains(name)) {
            names.append(name);
        }
    }
    return names;
}

QStringList missingVariables(const SmsTemplate &smsTemplate, const QStringList &suppliedParams)
{
    QStringList missing;
    for (const QString &name : smsTemplate.variables()) {
        if (!suppliedParams.contains(name)) {
            missing.append(name);
        }
    }
    return missing;
}

QList<SmsTemplate> parseTemplateList(const QByteArray &body, QString *error)
{
    const auto fail = [error](const QString &why) -> QList<SmsTemplate> {
        if (error) {
            *error = why;
        }
        return {};
    };
    if (error) {
        error->clear();
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(u"template list is not JSON: %1 at offset %2"_s.arg(parseError.errorString())
                        .arg(parseError.offset));
    }
    if (document.isObject()) {
        if (const auto failure = errorObject(document.object())) {
            return fail(errorText(0, failure->first, failure->second));
        }
        return fail(u"template list is a JSON object, expected an array"_s);
    }

    const QHash<QString, QByteArray> numbers = engagelab::numberTokens(body);
    const QJsonArray entries = document.array();
    QList<SmsTemplate> templates;
    templates.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        SmsTemplate smsTemplate;
        smsTemplate.id =
            engagelab::idText(entry.value("template_id"_L1), numbers, u"%1/template_id"_s.arg(i));
        if (smsTemplate.id.isEmpty()) {
            continue; // nothing to refer to it by
        }
        smsTemplate.name = entry.value("template_name"_L1).toString();
        smsTemplate.type = entry.value("template_type"_L1).toString();
        smsTemplate.content = entry.value("template_content"_L1).toString();
        smsTemplate.status = intOf(entry.value("status"_L1));
        smsTemplate.auditRemark = entry.value("audit_remark"_L1).toString();
        smsTemplate.countryCodes = entry.value("country_codes"_L1).toString();
        templates.append(smsTemplate);
    }
    return templates;
}

EngageLabTemplateClient::EngageLabTemplateClient(QNetworkAccessManager *nam, EngageLabProvider::Config config,
                                                 QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_config(std::move(config))
{}

EngageLabTemplateClient::~EngageLabTemplateClient()
{
    if (QNetworkReply *reply = m_reply.data()) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void EngageLabTemplateClient::fetch()
{
    if (m_reply) {
        return;
    }
    if (m_config.devKey.isEmpty() || m_config.devSecret.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this] { emit failed(u"no EngageLab dev key or dev secret configured"_s, true); },
            Qt::QueuedConnection);
        return;
    }
    QNetworkReply *reply = m_nam->get(EngageLabProvider::makeRequest(m_config, u"/v1/template-configs"_s));
    m_reply = reply;
    m_oversized = abortWhenReplyExceeds(reply, MAX_RESPONSE_BYTES, this);
    connect(reply, &QNetworkReply::finished, this, &EngageLabTemplateClient::onFinished);
}

void EngageLabTemplateClient::onFinished()
{
    QNetworkReply *reply = m_reply.data();
    if (!reply) {
        return;
    }
    m_reply.clear();
    reply->disconnect(this);
    reply->deleteLater();

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int http = status.isValid() ? status.toInt() : 0;
    QString reason;
    bool authProblem = false;
    QList<SmsTemplate> templates;

    if (*m_oversized) {
        reason = u"template list larger than %1 KiB"_s.arg(MAX_RESPONSE_BYTES / 1024);
    } else if (http == 0) {
        reason = reply->error() == QNetworkReply::OperationCanceledError
                     ? u"EngageLab did not answer within %1 ms"_s.arg(m_config.timeoutMs)
                     : u"EngageLab not reachable: %1"_s.arg(reply->errorString());
    } else {
        const QByteArray body = reply->read(MAX_RESPONSE_BYTES + 1);
        const QJsonObject object = QJsonDocument::fromJson(body).object();
        const auto failure = errorObject(object);
        if (http < 200 || http >= 300 || failure) {
            const int code = failure ? failure->first : 0;
            authProblem = classifyEngageLab(http, code) == SmsResult::Outcome::AuthFailed;
            reason = errorText(http, code, failure ? failure->second : object.value("message"_L1).toString());
            if (http >= 300 && http < 400) {
                reason = u"unexpected redirect (HTTP %1): check the EngageLab API address"_s.arg(http);
            }
        } else {
            templates = parseTemplateList(body, &reason);
        }
    }

    if (!reason.isEmpty()) {
        reason = EngageLabProvider::scrubSecrets(m_config, reason);
        qCWarning(lcTemplates).noquote() << "template list:" << reason;
        emit failed(reason, authProblem);
        return;
    }
    qCInfo(lcTemplates) << "template list:" << templates.size() << "templates";
    emit fetched(templates);
}

} // namespace deskbell
