#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace deskbell {

class Clock;
class Database;
class Store;

// Records EngageLab's delivery receipts (POST /webhooks/engagelab) on the messages they describe.
// A receipt never changes the sending state: "accepted" stays "accepted" and the delivery status is
// kept beside it, so without receipts nothing ever claims "delivered".
class ReceiptHandler
{
public:
    struct Config
    {
        QString username;
        QByteArray secret; // empty: EngageLab was set up without a signature, so none is checked
        int toleranceSecs = 300;
    };

    struct Response
    {
        int httpStatus = 200;
        QString detail;
        QList<qint64> updated; // outbox ids whose delivery status changed
        int unmatched = 0;     // receipts for messages this store does not have
    };

    ReceiptHandler(Database &db, Store &store, const Clock &clock, Config config);

    Response handle(const QByteArray &body, const QByteArray &callbackIdHeader);

private:
    Database &m_db;
    Store &m_store;
    const Clock &m_clock;
    Config m_config;
};

} // namespace deskbell
