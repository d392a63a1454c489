// EngageLab's answers to POST /v1/messages, through the provider's own reading of them
// (EngageLabProvider::interpret: status, "code", "message", exact ids, Retry-After), plus the pieces it
// is built from (numberTokens, idText, parseRetryAfter) and the template list parser on the same body.
//
// No socket: a QNetworkAccessManager whose createRequest() returns a reply canned from the input, and
// whose signals are emitted synchronously right after send(). Input, HTTP-like:
//   "<status>\n" header lines "Name: value\n" "\n" body
// status 0 (or unreadable) means no HTTP answer at all (a network error after the request was sent).
#include "FuzzSupport.h"
#include "sms/EngageLabProvider.h"
#include "sms/EngageLabTemplates.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

#include <cstring>

using namespace deskbell;

namespace {

struct Canned
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

Canned parseInput(const QByteArray &input)
{
    Canned canned;
    qsizetype pos = input.indexOf('\n');
    if (pos < 0) {
        canned.body = input;
        canned.status = 200;
        return canned;
    }
    canned.status = input.left(pos).trimmed().toInt();
    ++pos;
    while (pos < input.size()) {
        qsizetype end = input.indexOf('\n', pos);
        if (end < 0) {
            end = input.size();
        }
        const QByteArray line = input.mid(pos, end - pos);
        pos = end + 1;
        if (line.trimmed().isEmpty()) {
            break;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            canned.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
    }
    canned.body = pos < input.size() ? input.mid(pos) : QByteArray();
    return canned;
}

class CannedReply final : public QNetworkReply
{
public:
    CannedReply(const QNetworkRequest &request, Canned canned, QObject *parent)
        : QNetworkReply(parent)
        , m_canned(std::move(canned))
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(QNetworkAccessManager::PostOperation);
        open(QIODevice::ReadOnly);
    }

    // What a real reply emits, in order; stops early when the provider aborts it.
    void deliver()
    {
        emit uploadProgress(10, 10);
        emit requestSent();
        if (m_canned.status > 0) {
            setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_canned.status);
            setAttribute(QNetworkRequest::HttpReasonPhraseAttribute, QByteArrayLiteral("Reason"));
            for (const auto &[name, value] : m_canned.headers) {
                setRawHeader(name, value);
            }
            emit metaDataChanged();
            if (isFinished()) {
                return;
            }
            m_available = true;
            emit readyRead();
            if (isFinished()) {
                return;
            }
            if (m_canned.status >= 400) {
                setError(QNetworkReply::ProtocolInvalidOperationError, QStringLiteral("HTTP error"));
                emit errorOccurred(error());
            }
        } else {
            setError(QNetworkReply::RemoteHostClosedError, QStringLiteral("closed"));
            emit errorOccurred(error());
        }
        setFinished(true);
        emit finished();
    }

    void abort() override
    {
        if (isFinished()) {
            return;
        }
        setError(QNetworkReply::OperationCanceledError, QStringLiteral("aborted"));
        setFinished(true);
        emit errorOccurred(error());
        emit finished();
    }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return (m_available ? m_canned.body.size() - m_pos : 0) + QNetworkReply::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (!m_available) {
            return 0;
        }
        const qint64 n = qMin(maxSize, qint64(m_canned.body.size()) - m_pos);
        if (n <= 0) {
            return -1;
        }
        std::memcpy(data, m_canned.body.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }

private:
    Canned m_canned;
    bool m_available = false;
    qint64 m_pos = 0;
};

class CannedManager final : public QNetworkAccessManager
{
public:
    Canned next;
    QPointer<CannedReply> last;

protected:
    QNetworkReply *createRequest(Operation, const QNetworkRequest &request, QIODevice *) override
    {
        auto *reply = new CannedReply(request, next, this);
        last = reply;
        return reply;
    }
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static CannedManager nam;
    static EngageLabProvider::Config config = [] {
        EngageLabProvider::Config c;
        c.apiBase = QUrl(QStringLiteral("https://smsapi.invalid"));
        c.devKey = QStringLiteral("fuzzkey1");
        c.devSecret = QStringLiteral("fuzzsecret1");
        return c;
    }();

    const QByteArray input = fuzz::bytes(data, size);
    nam.next = parseInput(input);
    const Canned &canned = nam.next;

    // The pieces on their own.
    const QHash<QString, QByteArray> numbers = engagelab::numberTokens(canned.body);
    for (auto it = numbers.cbegin(); it != numbers.cend(); ++it) {
        DESKBELL_FUZZ_CHECK(!it.value().isEmpty());
    }
    QByteArray retryAfter;
    QByteArray date;
    for (const auto &[name, value] : canned.headers) {
        if (name.compare("Retry-After", Qt::CaseInsensitive) == 0) {
            retryAfter = value;
        } else if (name.compare("Date", Qt::CaseInsensitive) == 0) {
            date = value;
        }
    }
    const int retrySecs = parseRetryAfter(retryAfter, date);
    DESKBELL_FUZZ_CHECK(retrySecs >= -1 && retrySecs <= 24 * 3600);
    QString templateError;
    (void)parseTemplateList(canned.body, &templateError);

    // The provider reading the whole answer.
    EngageLabProvider provider(&nam, config);
    bool finished = false;
    SmsResult result;
    QObject::connect(&provider, &SmsProvider::finished, &provider, [&](qint64, const SmsResult &r) {
        DESKBELL_FUZZ_CHECK(!finished); // exactly once
        finished = true;
        result = r;
    });
    SmsRequest request;
    request.messageId = 42;
    request.to = QStringLiteral("+66812345678");
    request.templateId = QStringLiteral("1234567890123456789");
    provider.send(request);
    if (nam.last) {
        nam.last->deliver();
    }
    DESKBELL_FUZZ_CHECK(finished);
    DESKBELL_FUZZ_CHECK(result.httpStatus == (canned.status > 0 ? canned.status : 0));
    // Ids are exact digit strings or what EngageLab wrote as a string; never a mangled double.
    for (const QString &id : {result.providerMessageId, result.planId, result.scheduleTaskId}) {
        DESKBELL_FUZZ_CHECK(id == id.trimmed());
    }
    // Secrets never reach the message that goes to the operator and the log.
    DESKBELL_FUZZ_CHECK(!result.message.contains(config.devSecret));
    DESKBELL_FUZZ_CHECK(result.retryAfterSecs >= -1 && result.retryAfterSecs <= 24 * 3600);
    if (result.outcome == SmsResult::Outcome::Accepted) {
        DESKBELL_FUZZ_CHECK(canned.status >= 200 && canned.status < 300);
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return 0;
}
