#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

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
        QString hostName = QStringLiteral("Dr. Lee");
        QString hostEmail = QStringLiteral("host@example.com");
        QString location = QStringLiteral("Front desk");
    };

    static constexpr qint64 MAX_RESPONSE_BYTES = 64 * 1024; // the listener answers a few bytes of JSON

    explicit BookingSimulator(QNetworkAccessManager &network, QObject *parent = nullptr);
    ~BookingSimulator() override;

    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    // The compact JSON body, with fresh URIs (new UUIDs) every call. Sign it with signCalendlyBody().
    static QByteArray bookingBody(const Booking &booking, const QDateTime &nowUtc);
    // The start a booking without one gets: the next full hour at least 3 hours after nowUtc.
    static QDateTime defaultStart(const QDateTime &nowUtc);
    // POSTs to listenerUrl + "/webhooks/calendly", signed with signingKey at nowUtc (unsigned when the
    // key is empty). posted(ok, inviteeUri, error), once and later; ok only on HTTP 200.
    void post(const QUrl &listenerUrl, const QByteArray &signingKey, const Booking &booking,
              const QDateTime &nowUtc);

signals:
    void posted(bool ok, const QString &inviteeUri, const QString &error);

private:
    void onFinished(QNetworkReply *reply, const QString &inviteeUri, bool oversized);

    QNetworkAccessManager &m_network;
    int m_timeoutMs = 10000;
    QList<QPointer<QNetworkReply>> m_inFlight;
};

} // namespace deskbell
