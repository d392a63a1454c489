#include "sms/DeliveryReceipt.h"

#include "sms/EngageLabProvider.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QMessageAuthenticationCode>

#include <cstdlib>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

// Seconds since the epoch above this are milliseconds (1e11 s is the year 5138).
constexpr qint64 MILLISECONDS_THRESHOLD = 100'000'000'000LL;

qint64 integerOf(const QJsonValue &value, const QHash<QString, QByteArray> &numbers, const QString &path)
{
    if (value.isString()) {
        return value.toString().trimmed().toLongLong();
    }
    if (value.isDouble()) {
        bool ok = false;
        const qint64 exact = numbers.value(path).toLongLong(&ok);
        if (ok) {
            return exact;
        }
        // A fraction, an exponent or more digits than qint64 holds: casting a double beyond its range is
        // undefined behaviour (fuzz finding), so such a number reads as absent.
        const double d = value.toDouble();
        return d > -9.2e18 && d < 9.2e18 ? qint64(d) : 0;
    }
    return 0;
}

QDateTime timeOf(qint64 stamp)
{
    if (stamp <= 0) {
        return {};
    }
    return stamp > MILLISECONDS_THRESHOLD ? QDateTime::fromMSecsSinceEpoch(stamp, Qt::UTC)
                                          : QDateTime::fromSecsSinceEpoch(stamp, Qt::UTC);
}

bool isFinalStatus(const QString &status)
{
    static const QStringList finals{u"delivered"_s,   u"undelivered"_s, u"delivered_failed"_s,
                                    u"sent_failed"_s, u"sent_fail"_s,   u"target_invalid"_s};
    return finals.contains(status);
}

} // namespace

QList<DeliveryReceipt> parseEngageLabCallback(const QByteArray &body, QString *error)
{
    const auto fail = [error](const QString &why) -> QList<DeliveryReceipt> {
        if (error) {
            *error = why;
        }
        return {};
    };
    if (error) {
        error->clear();
    }
    if (body.trimmed().isEmpty()) {
        return fail(u"empty callback body"_s);
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(u"callback body is not JSON: %1 at offset %2"_s.arg(parseError.errorString())
                        .arg(parseError.offset));
    }
    if (!document.isObject()) {
        return fail(u"callback body is not a JSON object"_s);
    }
    const QJsonObject root = document.object();
    if (root.isEmpty()) {
        return {}; // EngageLab's URL verification ping
    }
    const QJsonValue rowsValue = root.value("rows"_L1);
    if (rowsValue.isUndefined()) {
        return fail(u"not a delivery report: no \"rows\""_s);
    }
    if (!rowsValue.isArray()) {
        return fail(u"\"rows\" is not an array"_s);
    }

    const QHash<QString, QByteArray> numbers = engagelab::numberTokens(body);
    const QJsonArray rows = rowsValue.toArray();
    QList<DeliveryReceipt> receipts;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (!rows.at(i).isObject()) {
            continue;
        }
        const QJsonObject row = rows.at(i).toObject();
        const QString rowPath = u"rows/%1"_s.arg(i);
        const QJsonValue statusValue = row.value("status"_L1);
        const QJsonObject status = statusValue.toObject();
        const QJsonObject statusData = status.value("status_data"_L1).toObject();

        DeliveryReceipt receipt;
        receipt.providerMessageId =
            engagelab::idText(row.value("message_id"_L1), numbers, rowPath + u"/message_id"_s);
        if (receipt.providerMessageId.isEmpty()) {
            receipt.providerMessageId = engagelab::idText(statusData.value("message_id"_L1), numbers,
                                                          rowPath + u"/status/status_data/message_id"_s);
        }

        // custom_args comes back as we sent it; tolerate it arriving as a JSON string too.
        QJsonValue customArgs = row.value("custom_args"_L1);
        QHash<QString, QByteArray> argNumbers = numbers;
        QString argsPath = rowPath + u"/custom_args"_s;
        if (customArgs.isString()) {
            const QByteArray inner = customArgs.toString().toUtf8();
            customArgs = QJsonDocument::fromJson(inner).object();
            argNumbers = engagelab::numberTokens(inner);
            argsPath.clear();
        }
        const QString idPath =
            argsPath.isEmpty() ? u"deskbell_message_id"_s : argsPath + u"/deskbell_message_id"_s;
        receipt.deskbellMessageId = qMax<qint64>(
            0, integerOf(customArgs.toObject().value("deskbell_message_id"_L1), argNumbers, idPath));

        receipt.status = statusValue.isString() ? statusValue.toString().trimmed()
                                                : status.value("message_status"_L1).toString().trimmed();
        const QString normalized = receipt.status.toLower();
        receipt.isFinal = isFinalStatus(normalized);
        receipt.isSuccess = normalized == u"delivered"_s;

        const QJsonValue errorCode =
            status.contains("error_code"_L1) ? status.value("error_code"_L1) : row.value("error_code"_L1);
        receipt.errorCode =
            int(errorCode.isString() ? errorCode.toString().toLongLong() : errorCode.toInteger());
        const QJsonObject errorDetail = status.contains("error_detail"_L1)
                                            ? status.value("error_detail"_L1).toObject()
                                            : row.value("error_detail"_L1).toObject();
        receipt.errorMessage = errorDetail.value("message"_L1).toString().simplified();

        qint64 stamp =
            integerOf(statusData.value("msg_time"_L1), numbers, rowPath + u"/status/status_data/msg_time"_s);
        if (stamp <= 0) {
            stamp = integerOf(row.value("itime"_L1), numbers, rowPath + u"/itime"_s);
        }
        receipt.atUtc = timeOf(stamp);
        receipt.to = row.value("to"_L1).toString().trimmed();

        if (receipt.providerMessageId.isEmpty() && receipt.deskbellMessageId == 0) {
            continue; // matches nothing we sent
        }
        receipts.append(receipt);
    }
    return receipts;
}

bool verifyCallbackSignature(const QByteArray &xCallbackIdHeader, const QString &username,
                             const QByteArray &secret, qint64 nowSecs, int toleranceSecs)
{
    if (secret.isEmpty() || xCallbackIdHeader.size() > 4096) {
        return false;
    }
    static const QByteArrayList REQUIRED{"timestamp", "nonce", "username", "signature"};
    QHash<QByteArray, QByteArray> fields;
    for (const QByteArray &part : xCallbackIdHeader.split(';')) {
        const QByteArray field = part.trimmed();
        if (field.isEmpty()) {
            continue;
        }
        const qsizetype eq = field.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        const QByteArray key = field.left(eq).trimmed().toLower();
        if (!REQUIRED.contains(key)) {
            continue; // a field added later must not break verification
        }
        if (fields.contains(key)) {
            return false; // a repeated field is ambiguous: which one was signed?
        }
        fields.insert(key, field.mid(eq + 1).trimmed());
    }
    if (fields.size() != REQUIRED.size()) {
        return false;
    }
    const QByteArray timestamp = fields.value("timestamp");
    const QByteArray nonce = fields.value("nonce");
    const QByteArray user = fields.value("username");
    const QByteArray signature = fields.value("signature");
    if (timestamp.isEmpty() || timestamp.size() > 16 || signature.isEmpty()) {
        return false;
    }
    for (const char c : timestamp) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    if (QString::fromUtf8(user) != username) {
        return false;
    }
    qint64 stamp = timestamp.toLongLong();
    if (stamp > MILLISECONDS_THRESHOLD) {
        stamp /= 1000;
    }
    if (std::llabs(nowSecs - stamp) > qMax(0, toleranceSecs)) {
        return false;
    }

    const QByteArray expected =
        QMessageAuthenticationCode::hash(timestamp + nonce + user, secret, QCryptographicHash::Sha256)
            .toHex();
    const QByteArray given = signature.toLower();
    if (given.size() != expected.size()) {
        return false; // the length is public (64 hex digits); only the content needs a constant-time compare
    }
    unsigned char difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        difference |= static_cast<unsigned char>(expected[i] ^ given[i]);
    }
    return difference == 0;
}

} // namespace deskbell
