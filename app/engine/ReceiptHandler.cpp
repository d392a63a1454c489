#include "engine/ReceiptHandler.h"

#include "domain/Clock.h"
#include "sms/DeliveryReceipt.h"
#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/Store.h"

#include <QLoggingCategory>

namespace deskbell {

Q_LOGGING_CATEGORY(lcReceipts, "deskbell.sms")

using namespace Qt::StringLiterals;

ReceiptHandler::ReceiptHandler(Database &db, Store &store, const Clock &clock, Config config)
    : m_db(db)
    , m_store(store)
    , m_clock(clock)
    , m_config(std::move(config))
{}

ReceiptHandler::Response ReceiptHandler::handle(const QByteArray &body, const QByteArray &callbackIdHeader)
{
    Response response;
    if (!m_config.secret.isEmpty() &&
        !verifyCallbackSignature(callbackIdHeader, m_config.username, m_config.secret,
                                 m_clock.nowUtc().toSecsSinceEpoch(), m_config.toleranceSecs)) {
        response.httpStatus = 401;
        response.detail = u"bad or missing X-CALLBACK-ID signature"_s;
        qCWarning(lcReceipts).noquote() << u"delivery receipt refused: %1"_s.arg(response.detail);
        return response;
    }
    QString error;
    const QList<DeliveryReceipt> receipts = parseEngageLabCallback(body, &error);
    if (!error.isEmpty()) {
        response.httpStatus = 400;
        response.detail = error;
        qCWarning(lcReceipts).noquote() << u"delivery receipt unreadable: %1"_s.arg(error);
        return response;
    }
    if (receipts.isEmpty()) {
        response.detail = u"nothing to record (verification request)"_s;
        return response;
    }
    try {
        Transaction tx(m_db);
        for (const auto &r : receipts) {
            const QString code = r.errorCode != 0 ? QString::number(r.errorCode) : QString();
            const qint64 id =
                m_store.recordDelivery(r.deskbellMessageId, r.providerMessageId, r.status, code, r.atUtc);
            if (id > 0) {
                response.updated.append(id);
            } else {
                ++response.unmatched;
            }
        }
        tx.commit();
    } catch (const StorageError &e) {
        // 5xx: EngageLab may try again, and nothing was half-recorded.
        response.httpStatus = 503;
        response.detail = e.message();
        response.updated.clear();
        qCWarning(lcReceipts).noquote() << u"delivery receipts not recorded: %1"_s.arg(e.message());
        return response;
    }
    response.detail =
        u"%1 recorded, %2 for unknown messages"_s.arg(response.updated.size()).arg(response.unmatched);
    qCInfo(lcReceipts).noquote() << u"delivery receipts: %1"_s.arg(response.detail);
    return response;
}

} // namespace deskbell
