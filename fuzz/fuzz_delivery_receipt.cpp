// EngageLab's status callbacks (delivery receipts): parseEngageLabCallback on the body and
// verifyCallbackSignature on the X-CALLBACK-ID header.
#include "FuzzSupport.h"
#include "sms/DeliveryReceipt.h"

using namespace deskbell;

namespace {

constexpr qint64 NOW = 1795000000;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);

    QString error = QStringLiteral("stale");
    const QList<DeliveryReceipt> receipts = parseEngageLabCallback(body, &error);
    DESKBELL_FUZZ_CHECK(error != QStringLiteral("stale")); // cleared or set, never left as it was
    if (!error.isEmpty()) {
        DESKBELL_FUZZ_CHECK(receipts.isEmpty());
    }
    for (const DeliveryReceipt &receipt : receipts) {
        // A receipt that matches nothing we sent is skipped, never handed on.
        DESKBELL_FUZZ_CHECK(!receipt.providerMessageId.isEmpty() || receipt.deskbellMessageId > 0);
        DESKBELL_FUZZ_CHECK(receipt.deskbellMessageId >= 0);
        DESKBELL_FUZZ_CHECK(!receipt.isSuccess || receipt.isFinal);
        (void)receipt.atUtc.toString(Qt::ISODate);
    }
    (void)parseEngageLabCallback(body, nullptr);

    // The same bytes as an X-CALLBACK-ID header: nothing but the right HMAC may verify, and no
    // fuzzer finds that by chance, so any "true" here is a bug.
    DESKBELL_FUZZ_CHECK(
        !verifyCallbackSignature(body, QStringLiteral("deskbell"), QByteArrayLiteral("cb-secret"), NOW, 300));
    DESKBELL_FUZZ_CHECK(!verifyCallbackSignature(body, QString(), QByteArray(), NOW, 300));
    return 0;
}
