// The Calendly-Webhook-Signature header ("t=<unix>,v1=<hex>"): verifyCalendlySignature on any header
// and body, plus the round trip: what signCalendlyBody writes must verify, and one changed digit must not.
#include "FuzzSupport.h"
#include "calendly/WebhookSignature.h"

using namespace deskbell;

namespace {

const QByteArray KEY = QByteArrayLiteral("fuzz-signing-key");
constexpr qint64 NOW = 1795000000; // 2026-11-18, the time the seed headers were signed around
constexpr int TOLERANCE = 180;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Input: header, a newline, body. Without a newline it is all header and the body is empty.
    const QByteArray input = fuzz::bytes(data, size);
    const qsizetype newline = input.indexOf('\n');
    const QByteArray header = newline < 0 ? input : input.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : input.mid(newline + 1);

    const SignatureCheck check = verifyCalendlySignature(header, body, KEY, NOW, TOLERANCE);
    DESKBELL_FUZZ_CHECK(check.ok == check.reason.isEmpty());
    // The reason is shown and logged: it must never quote the key.
    DESKBELL_FUZZ_CHECK(!check.reason.contains(QString::fromLatin1(KEY)));
    // An empty key never verifies, whatever the header says.
    DESKBELL_FUZZ_CHECK(!verifyCalendlySignature(header, body, QByteArray(), NOW, TOLERANCE).ok);

    // Round trip with the fuzzed body, signed at a time within the tolerance.
    const qint64 t = NOW - qint64(size % (2 * TOLERANCE + 1)) + TOLERANCE;
    const QByteArray signedHeader = signCalendlyBody(body, KEY, t);
    DESKBELL_FUZZ_CHECK(verifyCalendlySignature(signedHeader, body, KEY, NOW, TOLERANCE).ok);
    QByteArray forged = signedHeader;
    char &last = forged[forged.size() - 1];
    last = last == '0' ? '1' : '0';
    DESKBELL_FUZZ_CHECK(!verifyCalendlySignature(forged, body, KEY, NOW, TOLERANCE).ok);

    // The fuzzed header's parts next to a genuine signature (several v1 values, unknown keys, ...).
    (void)verifyCalendlySignature(header + ',' + signedHeader, body, KEY, NOW, TOLERANCE);
    return 0;
}
