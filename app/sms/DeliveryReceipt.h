#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace deskbell {

// What EngageLab's status callback says about one text.
struct DeliveryReceipt
{
    QString providerMessageId;    // exact text, as SmsResult::providerMessageId
    qint64 deskbellMessageId = 0; // from custom_args.deskbell_message_id; 0 when absent or not ours
    QString status;         // message_status as given: delivered | delivered_failed | sent | sent_failed |
                            // target_invalid | ...
    bool isFinal = false;   // nothing further will be reported for this text
    bool isSuccess = false; // delivered to the handset
    int errorCode = 0;
    QString errorMessage;
    QDateTime
        atUtc; // when the status happened (status_data.msg_time, else the row's itime); invalid if neither
    QString to;
};

// Parses the body of an EngageLab status callback: {"total":N,"rows":[...]} (reference/engagelab.md §4).
// The verification ping {} is valid and yields no receipts. Rows that name neither a provider nor a
// Deskbell message id are skipped. Anything else that is not such a report (not JSON, rows not an array,
// an object without rows) returns an empty list and sets *error (when given); *error is cleared otherwise.
// The vendor's own example spells a failure both "sent_fail" and "sent_failed"; status keeps the text as
// given, isFinal/isSuccess understand both.
QList<DeliveryReceipt> parseEngageLabCallback(const QByteArray &body, QString *error);

// Checks the X-CALLBACK-ID header: "timestamp=..;nonce=..;username=..;signature=..", where
// signature = hex(HMAC-SHA256(key = secret, timestamp + nonce + username)). The username must match,
// the timestamp (seconds; milliseconds are recognised) must lie within toleranceSecs of nowSecs, and the
// signature is compared in constant time. An empty secret never verifies. The signature does not cover
// the body: this proves the sender, not the content.
bool verifyCallbackSignature(const QByteArray &xCallbackIdHeader, const QString &username,
                             const QByteArray &secret, qint64 nowSecs, int toleranceSecs);

} // namespace deskbell

Q_DECLARE_METATYPE(deskbell::DeliveryReceipt)
