#include "ConsoleText.h"

#include "domain/Phone.h"
#include "domain/Rules.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>

namespace deskbell {

using namespace Qt::StringLiterals;

QString ConsoleText::messageState(const OutboxMessage &m, const QTimeZone &deskZone)
{
    switch (m.state) {
    case MessageState::Queued:
        return tr("Waiting");
    case MessageState::Sending:
        return tr("Sending…");
    case MessageState::Accepted:
        if (m.providerPlanId == u"sandbox"_s) {
            // Never let a demo pass for a real text.
            return tr("Sandbox: not really sent");
        }
        if (m.deliveryStatus == u"delivered"_s) {
            return tr("Delivered");
        }
        if (!m.deliveryStatus.isEmpty()) {
            return tr("Sent, not delivered");
        }
        return tr("Sent");
    case MessageState::RetryWait:
        if (m.nextAttemptUtc.isValid()) {
            return tr("Retrying at %1").arg(m.nextAttemptUtc.toTimeZone(deskZone).toString(u"HH:mm"_s));
        }
        return tr("Retrying soon");
    case MessageState::Failed:
        return tr("Failed");
    case MessageState::Canceled:
        return tr("Canceled");
    case MessageState::Skipped:
        return tr("Skipped");
    case MessageState::Unknown:
        return tr("Maybe sent — check before resending");
    }
    return {};
}

QString ConsoleText::stateKeyWords(const QString &key)
{
    if (const auto state = messageStateFromString(key)) {
        switch (*state) {
        case MessageState::Queued:
            return tr("Waiting");
        case MessageState::Sending:
            return tr("Sending…");
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
    }
    // Booking outcomes (BookingProcessor::Result::outcome).
    if (key == u"applied"_s) {
        return tr("Planned");
    }
    if (key == u"duplicate"_s) {
        return tr("Already received");
    }
    if (key == u"stale"_s) {
        return tr("Older than what we have");
    }
    if (key == u"ignored"_s) {
        return tr("Ignored");
    }
    if (key == u"rejected"_s) {
        return tr("Rejected");
    }
    if (key == u"error"_s) {
        return tr("Error");
    }
    if (key == u"pending"_s) {
        return tr("Waiting for good settings");
    }
    return key;
}

QString ConsoleText::messageReason(const OutboxMessage &m)
{
    QStringList parts;
    switch (m.state) {
    case MessageState::Skipped:
    case MessageState::Canceled:
    case MessageState::Unknown:
        if (!m.skipReason.isEmpty()) {
            parts << m.skipReason;
        }
        break;
    case MessageState::Failed:
    case MessageState::RetryWait:
        if (!m.skipReason.isEmpty()) {
            parts << m.skipReason;
        }
        if (!m.lastError.isEmpty() && m.lastError != m.skipReason) {
            parts << m.lastError;
        }
        break;
    case MessageState::Queued:
        // A reminder held for quiet hours says so here.
        if (!m.skipReason.isEmpty()) {
            parts << m.skipReason;
        }
        break;
    case MessageState::Accepted:
        if (!m.deliveryStatus.isEmpty() && m.deliveryStatus != u"delivered"_s) {
            parts << (m.deliveryCode.isEmpty() ? tr("The phone company reported: %1").arg(m.deliveryStatus)
                                               : tr("The phone company reported: %1 (code %2)")
                                                     .arg(m.deliveryStatus, m.deliveryCode));
        }
        break;
    case MessageState::Sending:
        break;
    }
    return parts.join(u"; "_s);
}

QString ConsoleText::messageTitle(const OutboxMessage &m)
{
    QString text = displayName(m.kind);
    if (m.kind == MessageKind::Reminder) {
        text = tr("%1 (%2 before)").arg(text, formatAdvance(m.offsetMin));
    } else if (m.kind == MessageKind::Followup && m.offsetMin > 0) {
        text = tr("%1 (%2 after)").arg(text, formatAdvance(m.offsetMin));
    }
    if (m.resendOf != 0) {
        text = tr("%1 — sent again").arg(text);
    }
    return text;
}

QString ConsoleText::appointmentStatus(Appointment::Status status)
{
    switch (status) {
    case Appointment::Status::Active:
        return tr("Booked");
    case Appointment::Status::Canceled:
        return tr("Canceled");
    case Appointment::Status::Rescheduled:
        return tr("Rescheduled");
    case Appointment::Status::NoShow:
        return tr("No-show");
    }
    return {};
}

QString ConsoleText::deskTime(const QDateTime &utc, const QTimeZone &deskZone, const QDate &deskToday,
                              bool seconds)
{
    if (!utc.isValid()) {
        return tr("time unknown");
    }
    const QDateTime local = utc.toTimeZone(deskZone);
    const QString time = local.toString(seconds ? u"HH:mm:ss"_s : u"HH:mm"_s);
    if (local.date() == deskToday) {
        return time;
    }
    // The C locale's day names keep tests stable; a real desk gets its own language.
    return tr("%1, %2").arg(QLocale().toString(local.date(), u"ddd d MMM"_s), time);
}

QString ConsoleText::meetingTime(const Appointment &a, const QTimeZone &deskZone, const QDate &deskToday)
{
    QString text = deskTime(a.startUtc, deskZone, deskToday);
    if (!a.startUtc.isValid() || a.timezone.isEmpty()) {
        return text;
    }
    const QTimeZone theirs(a.timezone.toUtf8());
    if (!theirs.isValid() || theirs.offsetFromUtc(a.startUtc) == deskZone.offsetFromUtc(a.startUtc)) {
        return text;
    }
    const QDateTime there = a.startUtc.toTimeZone(theirs);
    return tr("%1 (%2 %3 in %4)")
        .arg(text, QLocale().toString(there.date(), u"ddd"_s), there.toString(u"HH:mm"_s), a.timezone);
}

QString ConsoleText::phone(const QString &number, bool revealed)
{
    if (number.isEmpty()) {
        return tr("no number");
    }
    return revealed ? number : phone::mask(number);
}

QString ConsoleText::ago(const QDateTime &thenUtc, const QDateTime &nowUtc, const QTimeZone &deskZone)
{
    if (!thenUtc.isValid()) {
        return tr("never");
    }
    const qint64 secs = thenUtc.secsTo(nowUtc);
    if (secs < 60) {
        return tr("just now");
    }
    if (secs < 3600) {
        return tr("%n min ago", nullptr, int(secs / 60));
    }
    if (secs < 24 * 3600) {
        return tr("%n h ago", nullptr, int(secs / 3600));
    }
    return tr("on %1").arg(QLocale().toString(thenUtc.toTimeZone(deskZone), u"ddd d MMM, HH:mm"_s));
}

bool ConsoleText::isProblem(MessageState state)
{
    return state == MessageState::Failed || state == MessageState::Unknown;
}

QIcon ConsoleText::stateIcon(MessageState state)
{
    auto *style = QApplication::style();
    if (!style) {
        return {};
    }
    switch (state) {
    case MessageState::Failed:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case MessageState::Unknown:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    default:
        return {};
    }
}

QString ConsoleText::bookingEventWords(const QString &eventName)
{
    if (eventName == u"invitee.created"_s) {
        return tr("New booking");
    }
    if (eventName == u"invitee.canceled"_s) {
        return tr("Booking canceled");
    }
    if (eventName == u"invitee_no_show.created"_s) {
        return tr("Marked as no-show");
    }
    if (eventName == u"invitee_no_show.deleted"_s) {
        return tr("No-show mark removed");
    }
    if (eventName.isEmpty()) {
        return tr("Unreadable message from Calendly");
    }
    return eventName;
}

QString ConsoleText::operatorActionWords(const QString &action)
{
    static const QList<std::pair<QString, const char *>> words{
        {u"resend"_s, QT_TR_NOOP("Sent a message again")},
        {u"cancel"_s, QT_TR_NOOP("Canceled a message")},
        {u"cancel_message"_s, QT_TR_NOOP("Canceled a message")},
        {u"send_now"_s, QT_TR_NOOP("Sent a message now")},
        {u"correct_phone"_s, QT_TR_NOOP("Corrected a phone number")},
        {u"opt_out"_s, QT_TR_NOOP("Stopped texts to a number")},
        {u"opt_in"_s, QT_TR_NOOP("Allowed texts to a number again")},
        {u"pause"_s, QT_TR_NOOP("Paused all sending")},
        {u"pause_sending"_s, QT_TR_NOOP("Paused all sending")},
        {u"resume"_s, QT_TR_NOOP("Resumed sending")},
        {u"resume_sending"_s, QT_TR_NOOP("Resumed sending")},
        {u"adhoc"_s, QT_TR_NOOP("Sent a message from the desk")},
        {u"send_adhoc"_s, QT_TR_NOOP("Sent a message from the desk")},
        {u"apply_settings"_s, QT_TR_NOOP("Changed templates or rules")},
        {u"settings"_s, QT_TR_NOOP("Changed templates or rules")},
    };
    for (const auto &[key, text] : words) {
        if (key == action) {
            return tr(text);
        }
    }
    QString fallback = action;
    fallback.replace(u'_', u' ');
    if (!fallback.isEmpty()) {
        fallback[0] = fallback[0].toUpper();
    }
    return fallback;
}

QString ConsoleText::logWhat(const ConsoleQueries::LogEntry &e)
{
    using Source = ConsoleQueries::LogEntry::Source;
    switch (e.source) {
    case Source::Booking:
        return tr("Booking received: %1").arg(bookingEventWords(e.what));
    case Source::Message:
        if (const auto kind = messageKindFromString(e.what)) {
            return displayName(*kind);
        }
        return e.what;
    case Source::Operator:
        return tr("%1: %2").arg(e.actor.isEmpty() ? tr("Operator") : e.actor, operatorActionWords(e.what));
    }
    return e.what;
}

QString ConsoleText::logState(const ConsoleQueries::LogEntry &e)
{
    if (e.source == ConsoleQueries::LogEntry::Source::Operator) {
        return tr("Operator action");
    }
    return stateKeyWords(e.state);
}

} // namespace deskbell
