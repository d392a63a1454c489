#include "domain/Message.h"

#include <array>
#include <utility>

namespace deskbell {

namespace {

constexpr std::array KIND_NAMES{
    std::pair{MessageKind::Confirm, "confirm"},       std::pair{MessageKind::Cancel, "cancel"},
    std::pair{MessageKind::Reschedule, "reschedule"}, std::pair{MessageKind::Reminder, "reminder"},
    std::pair{MessageKind::Followup, "followup"},     std::pair{MessageKind::HostNotify, "host_notify"},
    std::pair{MessageKind::NoShow, "no_show"},        std::pair{MessageKind::AdHoc, "adhoc"},
};

constexpr std::array STATE_NAMES{
    std::pair{MessageState::Queued, "queued"},     std::pair{MessageState::Sending, "sending"},
    std::pair{MessageState::Accepted, "accepted"}, std::pair{MessageState::RetryWait, "retry_wait"},
    std::pair{MessageState::Failed, "failed"},     std::pair{MessageState::Canceled, "canceled"},
    std::pair{MessageState::Skipped, "skipped"},   std::pair{MessageState::Unknown, "unknown"},
};

} // namespace

QString keyOf(MessageKind kind)
{
    for (const auto &[k, name] : KIND_NAMES) {
        if (k == kind) {
            return QString::fromLatin1(name);
        }
    }
    Q_UNREACHABLE();
}

std::optional<MessageKind> messageKindFromString(const QString &text)
{
    for (const auto &[k, name] : KIND_NAMES) {
        if (text == QLatin1String(name)) {
            return k;
        }
    }
    return std::nullopt;
}

QList<MessageKind> allMessageKinds()
{
    QList<MessageKind> kinds;
    for (const auto &entry : KIND_NAMES) {
        if (entry.first == MessageKind::AdHoc) {
            continue;
        }
        kinds.append(entry.first);
    }
    return kinds;
}

QString displayName(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Confirm:
        return QStringLiteral("Confirmation");
    case MessageKind::Cancel:
        return QStringLiteral("Cancellation");
    case MessageKind::Reschedule:
        return QStringLiteral("Reschedule notice");
    case MessageKind::Reminder:
        return QStringLiteral("Reminder");
    case MessageKind::Followup:
        return QStringLiteral("Follow-up");
    case MessageKind::HostNotify:
        return QStringLiteral("Host notification");
    case MessageKind::NoShow:
        return QStringLiteral("Missed-you message");
    case MessageKind::AdHoc:
        return QStringLiteral("Message from the desk");
    }
    Q_UNREACHABLE();
}

QString keyOf(MessageState state)
{
    for (const auto &[s, name] : STATE_NAMES) {
        if (s == state) {
            return QString::fromLatin1(name);
        }
    }
    Q_UNREACHABLE();
}

std::optional<MessageState> messageStateFromString(const QString &text)
{
    for (const auto &[s, name] : STATE_NAMES) {
        if (text == QLatin1String(name)) {
            return s;
        }
    }
    return std::nullopt;
}

bool isPending(MessageState state)
{
    return state == MessageState::Queued || state == MessageState::RetryWait;
}

bool fitsBooking(MessageKind kind, Appointment::Status status)
{
    switch (kind) {
    case MessageKind::Cancel:
    case MessageKind::AdHoc: // an operator chose to send it, whatever the booking's state
        return true;
    case MessageKind::NoShow:
        return status == Appointment::Status::NoShow;
    default:
        return status == Appointment::Status::Active;
    }
}

} // namespace deskbell
