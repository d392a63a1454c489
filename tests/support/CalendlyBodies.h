#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace deskbell::test {

// "https://api.calendly.com/scheduled_events/EV-<id>/invitees/<id>"
QString inviteeUri(const QString &id);

struct BodyOptions
{
    QString event = QStringLiteral("invitee.created");
    QString id = QStringLiteral("A");
    QDateTime startUtc;
    QString name = QStringLiteral("Somchai Jaidee");
    QString phone = QStringLiteral("+66 81 234 5678"); // a null QString sends JSON null
    QString timezone = QStringLiteral("Asia/Bangkok");
    bool rescheduled = false;
    QString oldId;
    QString newId;
};

// A current-shape Calendly v2 webhook body (payload IS the invitee, scheduled_event embedded), as
// compact JSON bytes.
QByteArray body(const BodyOptions &options);

} // namespace deskbell::test
