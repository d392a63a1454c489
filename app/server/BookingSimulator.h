#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace deskbell {

// "Simulate a booking" in Sandbox: builds a realistic Calendly v2 invitee.created body (the shape of
// Calendly's own example payload, an invitee with a phone in text_reminder_number, a start time a
// little ahead so reminders plan), signs it like Calendly does, and posts it to Deskbell's own
// listener, so the whole path (listener, signature, planner, dispatcher) runs as with a real account.
class BookingSimulator : public QObject
{
    Q_OBJECT

public:
    struct Booking
    {
        QString inviteeName = QStringLiteral("Somchai Jaidee");
        QString email = QStringLiteral("somchai@example.com");
        QString phone = QStringLiteral("+66 81 234 5678");
        QString timezone = QStringLiteral("Asia/Bangkok");
        QString eventName = QStringLiteral("Dental check-up");
        QDateTime startUtc; // invalid: the next full hour at least 3 hours ahead
        int durationMin = 30;
    };

    BookingSimulator(QNetworkAccessManager &network, QObject *parent = nullptr);

    // The body (fresh URIs every call) and its Calendly-Webhook-Signature header value.
    static QByteArray bookingBody(const Booking &booking, const QDateTime &nowUtc);
    // POSTs to listenerUrl + "/webhooks/calendly". posted(ok, inviteeUri, error).
    void post(const QUrl &listenerUrl, const QByteArray &signingKey, const Booking &booking,
              const QDateTime &nowUtc);

signals:
    void posted(bool ok, const QString &inviteeUri, const QString &error);

private:
    QNetworkAccessManager &m_network;
};

} // namespace deskbell
