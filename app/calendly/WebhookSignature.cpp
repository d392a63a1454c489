#include "calendly/WebhookSignature.h"

#include <QCryptographicHash>
#include <QList>
#include <QMessageAuthenticationCode>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype SHA256_HEX_LENGTH = 64;

QByteArray digestHex(const QByteArray &body, const QByteArray &key, const QByteArray &timestamp)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
    mac.addData(timestamp);
    mac.addData(".", 1);
    mac.addData(body);
    return mac.result().toHex();
}

bool isHex(const QByteArray &text)
{
    for (const char c : text) {
        const bool digit = c >= '0' && c <= '9';
        const bool lower = c >= 'a' && c <= 'f';
        if (!digit && !lower) {
            return false;
        }
    }
    return true;
}

// Both arguments have SHA256_HEX_LENGTH bytes. Every byte is looked at whatever the earlier ones were,
// so the time taken tells an attacker nothing about how much of a forged digest was right.
bool equalConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    }
    return diff == 0;
}

} // namespace

SignatureCheck verifyCalendlySignature(const QByteArray &header, const QByteArray &rawBody,
                                       const QByteArray &signingKey, qint64 nowSecs, int toleranceSecs)
{
    if (signingKey.isEmpty()) {
        return {false, u"no signing key configured"_s};
    }
    if (header.trimmed().isEmpty()) {
        return {false, u"missing signature header"_s};
    }
    QByteArray timestamp;
    QList<QByteArray> candidates;
    for (const QByteArray &part : header.split(',')) {
        const qsizetype eq = part.indexOf('=');
        if (eq <= 0) {
            continue; // not "key=value": tolerated like an unknown key
        }
        const QByteArray key = part.left(eq).trimmed().toLower();
        const QByteArray value = part.mid(eq + 1).trimmed();
        if (key == "t") {
            if (!timestamp.isEmpty()) {
                return {false, u"signature header has several timestamps"_s};
            }
            timestamp = value;
        } else if (key == "v1") {
            candidates.append(value.toLower());
        }
    }
    if (timestamp.isEmpty()) {
        return {false, u"signature header has no timestamp"_s};
    }
    if (candidates.isEmpty()) {
        return {false, u"signature header has no v1 signature"_s};
    }
    bool numeric = timestamp.size() <= 18;
    for (const char c : timestamp) {
        numeric = numeric && c >= '0' && c <= '9';
    }
    if (!numeric) {
        return {false, u"signature timestamp is not a number"_s};
    }
    const qint64 t = timestamp.toLongLong();
    if (nowSecs - t > toleranceSecs) {
        return {false,
                u"signature timestamp is %1 s old (more than %2 s)"_s.arg(nowSecs - t).arg(toleranceSecs)};
    }
    if (t - nowSecs > toleranceSecs) {
        return {false, u"signature timestamp is %1 s in the future (more than %2 s)"_s.arg(t - nowSecs)
                           .arg(toleranceSecs)};
    }
    const QByteArray expected = digestHex(rawBody, signingKey, timestamp);
    bool matched = false;
    for (const QByteArray &candidate : candidates) {
        // No early exit: every candidate is compared, so the count of v1 values is all the timing shows.
        const bool wellFormed = candidate.size() == SHA256_HEX_LENGTH && isHex(candidate);
        matched = (wellFormed && equalConstantTime(candidate, expected)) || matched;
    }
    if (!matched) {
        return {false, u"signature does not match"_s};
    }
    return {true, QString()};
}

QByteArray signCalendlyBody(const QByteArray &body, const QByteArray &key, qint64 t)
{
    const QByteArray timestamp = QByteArray::number(t);
    return "t=" + timestamp + ",v1=" + digestHex(body, key, timestamp);
}

} // namespace deskbell
