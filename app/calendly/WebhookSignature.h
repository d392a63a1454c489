#pragma once

#include <QByteArray>
#include <QString>

namespace deskbell {

struct SignatureCheck
{
    bool ok = false;
    QString reason; // why it was refused; never contains the key or the expected digest
};

// Verifies a Calendly-Webhook-Signature header ("t=<unix>,v1=<hex>", reference/calendly.md §2.2):
// HMAC-SHA256(signingKey, t + "." + rawBody) in lower-case hex, compared in constant time. Keys are
// matched case-insensitively, unknown keys are ignored and any of several v1 values may match. The
// timestamp must lie within toleranceSecs of nowSecs on either side: too old is a replay, too far ahead
// means a clock we cannot trust.
SignatureCheck verifyCalendlySignature(const QByteArray &header, const QByteArray &rawBody,
                                       const QByteArray &signingKey, qint64 nowSecs, int toleranceSecs);

// The header value Calendly would send for body at time t: "t=<t>,v1=<hex>". For tests, the sandbox's
// "simulate a booking" and benchmarks.
QByteArray signCalendlyBody(const QByteArray &body, const QByteArray &key, qint64 t);

} // namespace deskbell
