#include "domain/Appointment.h"

namespace deskbell {

QString keyOf(Appointment::Status status)
{
    switch (status) {
    case Appointment::Status::Active:
        return QStringLiteral("active");
    case Appointment::Status::Canceled:
        return QStringLiteral("canceled");
    case Appointment::Status::Rescheduled:
        return QStringLiteral("rescheduled");
    case Appointment::Status::NoShow:
        return QStringLiteral("no_show");
    }
    Q_UNREACHABLE();
}

Appointment::Status appointmentStatusFromString(const QString &text, bool *ok)
{
    const std::pair<const char *, Appointment::Status> table[] = {
        {"active", Appointment::Status::Active},
        {"canceled", Appointment::Status::Canceled},
        {"rescheduled", Appointment::Status::Rescheduled},
        {"no_show", Appointment::Status::NoShow},
    };
    for (const auto &[name, status] : table) {
        if (text == QLatin1String(name)) {
            if (ok) {
                *ok = true;
            }
            return status;
        }
    }
    if (ok) {
        *ok = false;
    }
    return Appointment::Status::Active;
}

} // namespace deskbell
