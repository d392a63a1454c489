#include "UiText.h"

#include "sms/EngageLabTemplates.h"

namespace deskbell {

QString UiText::kindName(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Confirm:
        return tr("Confirmation");
    case MessageKind::Cancel:
        return tr("Cancellation");
    case MessageKind::Reschedule:
        return tr("Reschedule notice");
    case MessageKind::Reminder:
        return tr("Reminder");
    case MessageKind::Followup:
        return tr("Follow-up");
    case MessageKind::HostNotify:
        return tr("Host notification");
    case MessageKind::NoShow:
        return tr("Missed-you message");
    case MessageKind::AdHoc:
        return tr("Message from the desk");
    }
    return keyOf(kind);
}

QString UiText::stateName(MessageState state)
{
    switch (state) {
    case MessageState::Queued:
        return tr("Waiting");
    case MessageState::Sending:
        return tr("Sending");
    case MessageState::Accepted:
        return tr("Sent");
    case MessageState::RetryWait:
        return tr("Will retry");
    case MessageState::Failed:
        return tr("Failed");
    case MessageState::Canceled:
        return tr("Canceled");
    case MessageState::Skipped:
        return tr("Skipped");
    case MessageState::Unknown:
        return tr("Maybe sent");
    }
    return keyOf(state);
}

QString UiText::reviewStatus(const SmsTemplate *found)
{
    if (!found) {
        return tr("Unknown");
    }
    switch (found->status) {
    case 1:
        return tr("Pending review");
    case 2:
        return tr("Approved");
    case 3:
        return tr("Rejected");
    default:
        return tr("Unknown");
    }
}

} // namespace deskbell
