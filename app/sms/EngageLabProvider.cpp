#include "sms/EngageLabProvider.h"

#include "domain/Phone.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <cstring>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcEngageLab, "deskbell.sms")

constexpr int DEFAULT_TIMEOUT_MS = 15000;
constexpr int MAX_PROVIDER_TEXT = 300; // provider messages are one line; anything longer is noise in the UI
constexpr int MAX_RETRY_AFTER_SECS = 24 * 3600;

// The request body as a device Qt cannot rewind. Qt's HTTP/1.1 stack silently sends a request a second time
// when the connection closes before the answer (QHttpNetworkConnectionChannel::handleUnexpectedEOF and the
// reconnectAttempts logic), which for a POST without an idempotency key means a second SMS. With a body it
// cannot reset, Qt gives up with ContentReSendError instead, and we report "maybe sent".
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 size() const override { return m_data.size(); }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_pos >= m_data.size() && QIODevice::bytesAvailable() == 0; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin(maxSize, qint64(m_data.size()) - m_pos);
        if (n <= 0) {
            return -1;
        }
        std::memcpy(data, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

// Walks well-formed JSON and records the source text of every number by path. Deliberately small: the
// structure itself is checked by QJsonDocument; this only has to stay in bounds on any input.
class NumberScanner
{
public:
    explicit NumberScanner(QByteArrayView text)
        : m_text(text)
    {}

    QHash<QString, QByteArray> run()
    {
        if (!value({}, 0)) {
            return {};
        }
        skipSpace();
        return m_pos == m_text.size() ? m_numbers : QHash<QString, QByteArray>{};
    }

private:
    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + u'/' + key;
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }

    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            ++m_pos;
        }
    }

    bool value(const QString &path, int depth)
    {
        skipSpace();
        if (atEnd() || depth > 128) {
            return false;
        }
        const char c = peek();
        if (c == '{') {
            return object(path, depth);
        }
        if (c == '[') {
            return array(path, depth);
        }
        if (c == '"') {
            return string(nullptr);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            const qsizetype start = m_pos;
            while (!atEnd() && std::strchr("+-.eE0123456789", peek()) != nullptr && peek() != '\0') {
                ++m_pos;
            }
            m_numbers.insert(path, m_text.sliced(start, m_pos - start).toByteArray());
            return true;
        }
        const qsizetype start = m_pos;
        while (!atEnd() && peek() >= 'a' && peek() <= 'z') {
            ++m_pos;
        }
        const QByteArrayView word = m_text.sliced(start, m_pos - start);
        return word == "true" || word == "false" || word == "null";
    }

    bool object(const QString &path, int depth)
    {
        ++m_pos; // '{'
        skipSpace();
        if (peek() == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            QString key;
            if (peek() != '"' || !string(&key)) {
                return false;
            }
            skipSpace();
            if (peek() != ':') {
                return false;
            }
            ++m_pos;
            if (!value(join(path, key), depth + 1)) {
                return false;
            }
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return true;
            }
            return false;
        }
    }

    bool array(const QString &path, int depth)
    {
        ++m_pos; // '['
        skipSpace();
        if (peek() == ']') {
            ++m_pos;
            return true;
        }
        for (int index = 0;; ++index) {
            if (!value(join(path, QString::number(index)), depth + 1)) {
                return false;
            }
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                return true;
            }
            return false;
        }
    }

    // Reads a string; decodes it only when asked (keys), since values are taken from QJsonDocument.
    bool string(QString *decoded)
    {
        ++m_pos; // '"'
        QByteArray run;
        while (!atEnd()) {
            const char c = peek();
            if (c == '"') {
                ++m_pos;
                if (decoded) {
                    decoded->append(QString::fromUtf8(run));
                }
                return true;
            }
            if (c != '\\') {
                run.append(c);
                ++m_pos;
                continue;
            }
            if (m_pos + 1 >= m_text.size()) {
                return false;
            }
            const char e = m_text[m_pos + 1];
            m_pos += 2;
            if (e == 'u') {
                if (m_pos + 4 > m_text.size()) {
                    return false;
                }
                bool ok = false;
                const ushort unit = m_text.sliced(m_pos, 4).toByteArray().toUShort(&ok, 16);
                if (!ok) {
                    return false;
                }
                m_pos += 4;
                if (decoded) {
                    decoded->append(QString::fromUtf8(run));
                    run.clear();
                    decoded->append(QChar(unit));
                }
                continue;
            }
            static constexpr std::pair<char, char> ESCAPES[] = {{'"', '"'},  {'\\', '\\'}, {'/', '/'},
                                                                {'b', '\b'}, {'f', '\f'},  {'n', '\n'},
                                                                {'r', '\r'}, {'t', '\t'}};
            bool known = false;
            for (const auto &[name, ch] : ESCAPES) {
                if (e == name) {
                    run.append(ch);
                    known = true;
                }
            }
            if (!known) {
                return false;
            }
        }
        return false;
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    QHash<QString, QByteArray> m_numbers;
};

bool isAllDigits(QByteArrayView text)
{
    if (text.isEmpty()) {
        return false;
    }
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

// The body's "code": 0 when absent or 0, -1 when present but not an integer (EngageLab writes a number; a
// numeric string is accepted too).
int codeOf(const QJsonObject &object)
{
    const QJsonValue value = object.value("code"_L1);
    if (value.isUndefined() || value.isNull()) {
        return 0;
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        return d >= 0 && d < 1e9 && d == double(int(d)) ? int(d) : -1;
    }
    if (value.isString()) {
        bool ok = false;
        const int code = value.toString().trimmed().toInt(&ok);
        return ok && code >= 0 ? code : -1;
    }
    return -1;
}

QString providerText(const QJsonObject &object)
{
    QString text = object.value("message"_L1).toString().simplified();
    if (text.size() > MAX_PROVIDER_TEXT) {
        text = text.left(MAX_PROVIDER_TEXT) + u'…';
    }
    return text;
}

QString withProviderText(const QString &ours, const QString &theirs)
{
    if (theirs.isEmpty()) {
        return ours;
    }
    return ours.isEmpty() ? theirs : QString(ours + u": "_s + theirs);
}

QString networkFailureText(const QNetworkReply *reply, int timeoutMs)
{
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return u"no answer within %1 ms"_s.arg(timeoutMs);
    case QNetworkReply::ContentReSendError:
    case QNetworkReply::RemoteHostClosedError:
        return u"the server closed the connection without answering"_s;
    default:
        return reply->errorString();
    }
}

} // namespace

// --- classification -------------------------------------------------------------------------------------

SmsResult::Outcome classifyEngageLab(int httpStatus, int code)
{
    using Outcome = SmsResult::Outcome;
    switch (code) {
    case 1000: // internal error: nothing was sent, and it may pass
    case 3004: // frequency limit for this number: later is fine, now is not
        return Outcome::Transient;
    case 2001: // wrong key
    case 2002: // key expired or disabled
    case 2004: // no permission for the API: an account problem that fails every text alike, so pause all
        return Outcome::AuthFailed;
    case 3001:
    case 3002:
    case 3003:
    case 4001:
    case 5001:
        return Outcome::Permanent;
    default:
        if (code >= 5011 &&
            code <= 5020) { // per-number send failures (invalid, blacklisted, unsubscribed, ...)
            return Outcome::Permanent;
        }
        break;
    }
    // No code, or one the table does not know: the HTTP status decides.
    if (httpStatus >= 200 && httpStatus < 300) {
        return code == 0 ? Outcome::Accepted : Outcome::Permanent;
    }
    if (httpStatus >= 300 && httpStatus < 400) {
        return Outcome::Permanent; // redirects are never followed: a moved API needs a new base URL
    }
    if (httpStatus == 401 || httpStatus == 403) {
        return Outcome::AuthFailed;
    }
    if (httpStatus == 408 || httpStatus == 429) {
        return Outcome::Transient; // the server did not take the request (yet)
    }
    if (httpStatus >= 400 && httpStatus < 500) {
        return Outcome::Permanent;
    }
    if (httpStatus == 504) {
        return Outcome::Unknown; // a gateway gave up waiting for EngageLab, which may still have sent it
    }
    if (httpStatus >= 500 && httpStatus < 600) {
        return Outcome::Transient;
    }
    return Outcome::Unknown;
}

QString describeEngageLabCode(int code)
{
    switch (code) {
    case 1000:
        return u"EngageLab internal error (1000)"_s;
    case 2001:
        return u"authentication failed: wrong dev key or dev secret (2001)"_s;
    case 2002:
        return u"authentication failed: the API key has expired or is disabled (2002)"_s;
    case 2004:
        return u"no permission: this EngageLab account may not call the SMS send API (2004)"_s;
    case 3001:
        return u"request rejected as invalid JSON (3001)"_s;
    case 3002:
        return u"invalid request parameters (3002)"_s;
    case 3003:
        return u"rejected by EngageLab's business rules (3003)"_s;
    case 3004:
        return u"frequency limit for this number and template (3004)"_s;
    case 4001:
        return u"template not found or not approved (4001)"_s;
    case 5001:
        return u"sending failed (5001)"_s;
    case 5011:
        return u"invalid phone number format (5011)"_s;
    case 5012:
        return u"number unreachable (5012)"_s;
    case 5013:
        return u"number blacklisted (5013)"_s;
    case 5014:
        return u"content not compliant (5014)"_s;
    case 5015:
        return u"message intercepted (5015)"_s;
    case 5016:
        return u"EngageLab internal send error (5016)"_s;
    case 5017:
        return u"no permission to send to this region (5017)"_s;
    case 5018:
        return u"phone switched off or suspended (5018)"_s;
    case 5019:
        return u"recipient unsubscribed (5019)"_s;
    case 5020:
        return u"number not registered (5020)"_s;
    default:
        return {};
    }
}

int parseRetryAfter(const QByteArray &retryAfter, const QByteArray &dateHeader)
{
    const QByteArray value = retryAfter.trimmed();
    if (value.isEmpty()) {
        return -1;
    }
    if (isAllDigits(value)) {
        bool ok = false;
        const qint64 secs = value.toLongLong(&ok);
        return ok ? int(qMin(secs, qint64(MAX_RETRY_AFTER_SECS))) : MAX_RETRY_AFTER_SECS;
    }
    // Qt's RFC 2822 parser wants a numeric zone; HTTP dates always end in "GMT".
    const auto httpDate = [](const QByteArray &text) -> QDateTime {
        QString s = QString::fromLatin1(text.trimmed());
        if (s.endsWith(u" GMT"_s)) {
            s.chop(4);
            s += u" +0000"_s;
        }
        return QDateTime::fromString(s, Qt::RFC2822Date);
    };
    const QDateTime until = httpDate(value);
    const QDateTime now = httpDate(dateHeader);
    if (!until.isValid() || !now.isValid()) {
        return -1;
    }
    return int(qBound(qint64(0), now.secsTo(until), qint64(MAX_RETRY_AFTER_SECS)));
}

// --- exact ids ------------------------------------------------------------------------------------------

namespace engagelab {

QHash<QString, QByteArray> numberTokens(QByteArrayView json)
{
    return NumberScanner(json).run();
}

QString idText(const QJsonValue &value, const QHash<QString, QByteArray> &numbers, const QString &path)
{
    if (value.isString()) {
        return value.toString().trimmed();
    }
    if (value.isDouble()) {
        const QByteArray raw = numbers.value(path);
        if (isAllDigits(raw)) {
            return QString::fromLatin1(raw);
        }
    }
    return {};
}

} // namespace engagelab

// --- provider -------------------------------------------------------------------------------------------

EngageLabProvider::EngageLabProvider(QNetworkAccessManager *nam, Config config, QObject *parent)
    : SmsProvider(parent)
    , m_nam(nam)
    , m_config(std::move(config))
{
    if (m_config.timeoutMs <= 0) {
        m_config.timeoutMs = DEFAULT_TIMEOUT_MS;
    }
}

EngageLabProvider::~EngageLabProvider()
{
    flushDeferred();
    const auto inFlight = std::exchange(m_inFlight, {});
    for (auto it = inFlight.cbegin(); it != inFlight.cend(); ++it) {
        QNetworkReply *reply = it.key();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
        SmsResult result;
        if (it->sent) {
            result.outcome = SmsResult::Outcome::Unknown;
            result.message =
                u"provider shut down while waiting for EngageLab's answer: the text may have been sent"_s;
        } else {
            result.outcome = SmsResult::Outcome::Transient;
            result.message = u"provider shut down before the request was sent"_s;
        }
        report(*it, result);
    }
}

QString EngageLabProvider::name() const
{
    return u"engagelab"_s;
}

int EngageLabProvider::inFlightCount() const
{
    return int(m_inFlight.size());
}

QNetworkRequest EngageLabProvider::makeRequest(const Config &config, const QString &path)
{
    QUrl url = config.apiBase;
    url.setUserInfo({}); // credentials travel in the header only, never in a URL that may be shown or logged
    url.setQuery(QString());
    url.setFragment(QString());
    QString basePath = url.path();
    while (basePath.endsWith(u'/')) {
        basePath.chop(1);
    }
    url.setPath(basePath + path);

    QNetworkRequest request(url);
    const QByteArray credentials = (config.devKey + u':' + config.devSecret).toUtf8().toBase64();
    request.setRawHeader("Authorization", "Basic " + credentials);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Deskbell/" DESKBELL_VERSION));
    request.setTransferTimeout(config.timeoutMs > 0 ? config.timeoutMs : DEFAULT_TIMEOUT_MS);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // One protocol path, the one the loopback fake speaks: HTTP/2 stream resets and GOAWAY retries would
    // need their own "was it sent" reasoning for no gain at a few texts a minute.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    return request;
}

QString EngageLabProvider::scrubSecrets(const Config &config, QString text)
{
    const QString redacted = u"[redacted]"_s;
    const QString credentials =
        QString::fromLatin1((config.devKey + u':' + config.devSecret).toUtf8().toBase64());
    // Longest first, so the encoded pair is not half-replaced by a shorter match inside it.
    for (const QString &secret : {credentials, config.devSecret, config.devKey}) {
        if (secret.size() >= 4) { // shorter "secrets" would blank ordinary words
            text.replace(secret, redacted);
        }
    }
    return text;
}

void EngageLabProvider::send(const SmsRequest &request)
{
    InFlight flight;
    flight.messageId = request.messageId;
    flight.to = request.to.trimmed();

    SmsResult refused;
    if (m_config.devKey.isEmpty() || m_config.devSecret.isEmpty()) {
        refused.outcome = SmsResult::Outcome::AuthFailed;
        refused.message = u"no EngageLab dev key or dev secret configured"_s;
        finishLater(flight, refused);
        return;
    }
    if (flight.to.isEmpty()) {
        refused.outcome = SmsResult::Outcome::Permanent;
        refused.message = u"no recipient number"_s;
        finishLater(flight, refused);
        return;
    }
    if (request.templateId.trimmed().isEmpty()) {
        refused.outcome = SmsResult::Outcome::Permanent;
        refused.message = u"no template id"_s;
        finishLater(flight, refused);
        return;
    }

    // Template ids are 19-digit numbers: always a JSON string, never through a double.
    QJsonObject body{
        {u"to"_s, QJsonArray{flight.to}},
        {u"template"_s, QJsonObject{{u"id"_s, request.templateId.trimmed()}, {u"params"_s, request.params}}},
        {u"custom_args"_s, QJsonObject{{u"deskbell_message_id"_s, QString::number(request.messageId)}}},
    };
    if (!m_config.planName.isEmpty()) {
        body.insert(u"plan_name"_s, m_config.planName);
    }
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);

    QNetworkRequest networkRequest = makeRequest(m_config, u"/v1/messages"_s);
    networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    networkRequest.setHeader(QNetworkRequest::ContentLengthHeader, payload.size());
    // Qt reads a sequential body as it goes instead of copying it; required for OneShotBody to stay one-shot.
    networkRequest.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);

    auto *device = new OneShotBody(payload, nullptr);
    QNetworkReply *reply = m_nam->post(networkRequest, device);
    device->setParent(reply); // Qt reads the body until finished(); it goes with the reply
    m_inFlight.insert(reply, flight);

    // Either signal means the whole request is on the connection; requestSent (Qt 6.3+) comes after the
    // body is written, uploadProgress(n, n) as the last body byte is handed over.
    connect(reply, &QNetworkReply::requestSent, this, [this, reply] { markSent(reply); });
    connect(reply, &QNetworkReply::uploadProgress, this, [this, reply](qint64 sentBytes, qint64 totalBytes) {
        if (totalBytes > 0 && sentBytes == totalBytes) {
            markSent(reply);
        }
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] { checkSize(reply); });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] { checkSize(reply); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
    // The manager belongs to someone else; if it goes first, its replies go with it, finished() or not.
    connect(reply, &QObject::destroyed, this, [this, reply] { onReplyDestroyed(reply); });
}

void EngageLabProvider::markSent(QNetworkReply *reply)
{
    const auto it = m_inFlight.find(reply);
    if (it == m_inFlight.end() || it->sent) {
        return;
    }
    it->sent = true;
    emit requestSent(it->messageId);
}

void EngageLabProvider::checkSize(QNetworkReply *reply)
{
    const auto it = m_inFlight.find(reply);
    if (it == m_inFlight.end() || it->oversized) {
        return;
    }
    const QVariant declared = reply->header(QNetworkRequest::ContentLengthHeader);
    if (reply->bytesAvailable() > MAX_RESPONSE_BYTES ||
        (declared.isValid() && declared.toLongLong() > MAX_RESPONSE_BYTES)) {
        it->oversized = true;
        it->sent = true; // an answer is arriving, so the request certainly arrived
        // finished() follows from inside abort(). On an HTTP error status Qt has already recorded an error
        // and prints "QNetworkReplyImplPrivate::error: Internal problem, this method must only be called
        // once." here: harmless, the outcome comes from the status (interpret()).
        reply->abort();
    }
}

void EngageLabProvider::onReplyFinished(QNetworkReply *reply)
{
    const auto it = m_inFlight.find(reply);
    if (it == m_inFlight.end()) {
        return;
    }
    const InFlight flight = *it;
    m_inFlight.erase(it);
    reply->disconnect(this);
    reply->deleteLater();
    // Last statement: a receiver may delete this provider in reaction.
    report(flight, interpret(reply, flight));
}

void EngageLabProvider::onReplyDestroyed(QNetworkReply *reply)
{
    const auto it = m_inFlight.find(reply);
    if (it == m_inFlight.end()) {
        return;
    }
    const InFlight flight = *it;
    m_inFlight.erase(it);
    SmsResult result;
    result.outcome = flight.sent ? SmsResult::Outcome::Unknown : SmsResult::Outcome::Transient;
    result.message = flight.sent ? u"network manager destroyed after sending: the text may have been sent"_s
                                 : u"network manager destroyed before sending"_s;
    report(flight, result);
}

SmsResult EngageLabProvider::interpret(QNetworkReply *reply, const InFlight &flight) const
{
    using Outcome = SmsResult::Outcome;
    SmsResult result;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    result.httpStatus = status.isValid() ? status.toInt() : 0;
    const int http = result.httpStatus;
    const bool success = http >= 200 && http < 300;

    if (flight.oversized) {
        // A non-2xx status already says "not taken"; only a 2xx leaves the text's fate open.
        result.outcome = success || http == 0 ? Outcome::Unknown : classifyEngageLab(http, 0);
        result.message = u"answer larger than %1 KiB (HTTP %2)"_s.arg(MAX_RESPONSE_BYTES / 1024).arg(http);
        if (result.outcome == Outcome::Unknown) {
            result.message += u": EngageLab may have accepted the text"_s;
        }
        return result;
    }

    if (http == 0) {
        // No HTTP answer at all: whether the request had left decides between "certainly not" and "maybe".
        const QString why = networkFailureText(reply, m_config.timeoutMs);
        if (flight.sent) {
            result.outcome = Outcome::Unknown;
            result.message =
                u"%1 after the request was sent: EngageLab may have accepted the text"_s.arg(why);
        } else {
            result.outcome = Outcome::Transient;
            result.message = u"not sent: %1"_s.arg(why);
        }
        return result;
    }

    const QByteArray body = reply->read(MAX_RESPONSE_BYTES + 1);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const bool isObject = parseError.error == QJsonParseError::NoError && document.isObject();
    const QJsonObject object = document.object();
    const int code = isObject ? codeOf(object) : 0;
    const QString theirs = isObject ? providerText(object) : QString();
    if (code > 0) {
        result.code = QString::number(code);
    }

    if (success) {
        if (!isObject || code < 0) {
            result.outcome = Outcome::Unknown;
            result.message =
                u"HTTP %1 with an answer that is not EngageLab's JSON: the text may have been accepted"_s.arg(
                    http);
            return result;
        }
        if (code != 0) {
            result.outcome = classifyEngageLab(http, code);
            result.message = withProviderText(describeEngageLabCode(code), theirs);
            if (result.message.isEmpty()) {
                result.message = u"EngageLab error %1"_s.arg(code);
            }
        } else {
            const QHash<QString, QByteArray> numbers = engagelab::numberTokens(body);
            result.planId = engagelab::idText(object.value("plan_id"_L1), numbers, u"plan_id"_s);
            result.providerMessageId =
                engagelab::idText(object.value("message_id"_L1), numbers, u"message_id"_s);
            result.scheduleTaskId =
                engagelab::idText(object.value("schedule_info"_L1).toObject().value("task_id"_L1), numbers,
                                  u"schedule_info/task_id"_s);
            const QJsonValue acceptedCount = object.value("accepted_count"_L1);
            if (acceptedCount.isDouble() && acceptedCount.toInteger() <= 0) {
                result.outcome = Outcome::Permanent;
                result.message = withProviderText(u"EngageLab accepted none of the recipients"_s, theirs);
            } else if (result.planId.isEmpty() && result.providerMessageId.isEmpty() &&
                       result.scheduleTaskId.isEmpty() && !acceptedCount.isDouble()) {
                result.outcome = Outcome::Unknown;
                result.message =
                    u"HTTP %1 without plan_id, message_id or accepted_count: the text may have been accepted"_s
                        .arg(http);
            } else {
                result.outcome = Outcome::Accepted;
            }
        }
    } else {
        result.outcome = classifyEngageLab(http, qMax(code, 0));
        QString ours = describeEngageLabCode(code);
        if (ours.isEmpty()) {
            const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
            ours = (u"HTTP %1 %2"_s.arg(http).arg(reason)).trimmed();
            if (code > 0) {
                ours += u", code %1"_s.arg(code);
            }
        }
        if (http >= 300 && http < 400) {
            const QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
            ours = u"unexpected redirect (HTTP %1) to %2: check the EngageLab API address"_s.arg(http).arg(
                target.toString(QUrl::RemoveUserInfo));
        }
        result.message = withProviderText(ours, theirs);
    }

    if (result.outcome == Outcome::Transient) {
        result.retryAfterSecs = parseRetryAfter(reply->rawHeader("Retry-After"), reply->rawHeader("Date"));
    }
    return result;
}

void EngageLabProvider::finishLater(const InFlight &flight, SmsResult result)
{
    if (m_deferred.isEmpty()) {
        QMetaObject::invokeMethod(this, &EngageLabProvider::flushDeferred, Qt::QueuedConnection);
    }
    m_deferred.append({flight, std::move(result)});
}

void EngageLabProvider::flushDeferred()
{
    const auto deferred = std::exchange(m_deferred, {});
    for (const auto &[flight, result] : deferred) {
        report(flight, result);
    }
}

void EngageLabProvider::report(const InFlight &flight, SmsResult result)
{
    result.message = scrubSecrets(m_config, result.message);

    // The provider's words may quote the number; logs only ever show it masked.
    QString logged = result.message;
    const QString masked = flight.to.isEmpty() ? u"(no number)"_s : phone::mask(flight.to);
    if (!flight.to.isEmpty()) {
        logged.replace(flight.to, masked);
        if (flight.to.startsWith(u'+') && flight.to.size() > 4) {
            logged.replace(flight.to.mid(1), masked);
        }
    }
    const QString line = u"message %1 to %2: %3 (HTTP %4, code %5)"_s.arg(
        QString::number(flight.messageId), masked, toText(result.outcome), QString::number(result.httpStatus),
        result.code.isEmpty() ? u"-"_s : result.code);
    if (result.outcome == SmsResult::Outcome::Accepted) {
        qCInfo(lcEngageLab).noquote() << line << "id" << result.providerMessageId << "plan" << result.planId;
    } else {
        qCWarning(lcEngageLab).noquote() << line << logged;
    }
    emit finished(flight.messageId, result);
}

} // namespace deskbell
