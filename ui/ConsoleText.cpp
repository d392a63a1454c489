#include "ConsoleText.h"

#include "domain/Phone.h"
#include "domain/Rules.h"
#include "sms/EngageLabTemplates.h"

#include <QApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QStyle>

#include <optional>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

// Stored keys and the operator's words for them (QT_TR_NOOP, translated by the caller).
using WordTable = QList<std::pair<QString, const char *>>;

// The untranslated words of `key`, or null when the table does not know it.
const char *lookUp(const WordTable &table, const QString &key)
{
    for (const auto &[known, words] : table) {
        if (known == key) {
            return words;
        }
    }
    return nullptr;
}

} // namespace

QString ConsoleText::kindName(MessageKind kind)
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

QString ConsoleText::stateName(MessageState state)
{
    switch (state) {
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
    return keyOf(state);
}

QString ConsoleText::reviewStatus(const SmsTemplate *found)
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

QString ConsoleText::messageState(const OutboxMessage &m, const QTimeZone &deskZone)
{
    switch (m.state) {
    case MessageState::Queued:
    case MessageState::Sending:
    case MessageState::Failed:
    case MessageState::Canceled:
    case MessageState::Skipped:
        return stateName(m.state);
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
    case MessageState::Unknown:
        return tr("Maybe sent — check before resending");
    }
    return {};
}

QString ConsoleText::stateKeyWords(const QString &key)
{
    if (const auto state = messageStateFromString(key)) {
        return stateName(*state);
    }
    // Booking outcomes (BookingProcessor::Result::outcome).
    static const WordTable outcomes{
        {u"applied"_s, QT_TR_NOOP("Planned")},
        {u"duplicate"_s, QT_TR_NOOP("Already received")},
        {u"stale"_s, QT_TR_NOOP("Older than what we have")},
        {u"ignored"_s, QT_TR_NOOP("Ignored")},
        {u"rejected"_s, QT_TR_NOOP("Rejected")},
        {u"error"_s, QT_TR_NOOP("Error")},
        {u"pending"_s, QT_TR_NOOP("Waiting for good settings")},
    };
    if (const char *words = lookUp(outcomes, key)) {
        return tr(words);
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
            parts << reasonWords(m.skipReason);
        }
        break;
    case MessageState::Failed:
    case MessageState::RetryWait:
        if (!m.skipReason.isEmpty()) {
            parts << reasonWords(m.skipReason);
        }
        if (!m.lastError.isEmpty() && m.lastError != m.skipReason) {
            parts << reasonWords(m.lastError);
        }
        break;
    case MessageState::Queued:
        // A reminder held for quiet hours says so here.
        if (!m.skipReason.isEmpty()) {
            parts << reasonWords(m.skipReason);
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
    return parts.join(tr("; ", "between two reasons"));
}

QString ConsoleText::messageTitle(const OutboxMessage &m)
{
    QString text = kindName(m.kind);
    if (m.kind == MessageKind::Reminder) {
        text = tr("%1 (%2 before)").arg(text, duration(m.offsetMin));
    } else if (m.kind == MessageKind::Followup && m.offsetMin > 0) {
        text = tr("%1 (%2 after)").arg(text, duration(m.offsetMin));
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
    return tr("%1, %2").arg(QLocale().toString(local.date(), shortDateFormat()), time);
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
    return tr("on %1").arg(QLocale().toString(thenUtc.toTimeZone(deskZone),
                                              tr("ddd d MMM, HH:mm", "date format: Thu 5 Nov, 14:00")));
}

QString ConsoleText::duration(qint64 minutes)
{
    // English reads right without a translation loaded: "1 hour" and "2 hours" are two sources, and
    // both carry %n, so a translation can give each plural form of its language.
    const auto count = [](qint64 n, const char *one, const char *many) {
        return tr(n == 1 ? one : many, nullptr, int(n));
    };
    const auto inMinutes = [&](qint64 n) {
        return count(n, QT_TR_NOOP("%n minute"), QT_TR_NOOP("%n minutes"));
    };
    const auto inHours = [&](qint64 n) {
        return count(n, QT_TR_NOOP("%n hour"), QT_TR_NOOP("%n hours"));
    };
    if (minutes < 60) {
        return inMinutes(std::max<qint64>(minutes, 0));
    }
    if (minutes >= 2 * 1440 && minutes % 1440 == 0) {
        return count(minutes / 1440, QT_TR_NOOP("%n day"), QT_TR_NOOP("%n days"));
    }
    if (minutes % 60 == 0) {
        return inHours(minutes / 60);
    }
    return tr("%1 %2", "hours, then minutes: 1 hour 30 minutes")
        .arg(inHours(minutes / 60), inMinutes(minutes % 60));
}

QString ConsoleText::reasonWords(const QString &stored)
{
    // The engine's own words (Planner, Dispatcher, OperatorActions, RulesChange), stored in English
    // so the database reads the same whatever the desk's language.
    static const WordTable fixed{
        {u"booked too late"_s, QT_TR_NOOP("booked too late")},
        {u"booked too late (quiet hours)"_s, QT_TR_NOOP("booked too late (quiet hours)")},
        {u"invalid phone"_s, QT_TR_NOOP("invalid phone")},
        {u"no phone number"_s, QT_TR_NOOP("no phone number")},
        {u"opted out"_s, QT_TR_NOOP("opted out")},
        {u"booking canceled"_s, QT_TR_NOOP("booking canceled")},
        {u"booking rescheduled"_s, QT_TR_NOOP("booking rescheduled")},
        {u"meeting already started"_s, QT_TR_NOOP("meeting already started")},
        {u"meeting already over"_s, QT_TR_NOOP("meeting already over")},
        {u"marked as no-show"_s, QT_TR_NOOP("marked as no-show")},
        {u"no-show mark removed"_s, QT_TR_NOOP("no-show mark removed")},
        {u"meeting time unknown"_s, QT_TR_NOOP("meeting time unknown")},
        {u"no template mapped"_s, QT_TR_NOOP("no template mapped")},
        {u"held for quiet hours"_s, QT_TR_NOOP("held for quiet hours")},
        {u"missed: quiet hours last until the meeting"_s,
         QT_TR_NOOP("missed: quiet hours last until the meeting")},
        {u"missed: meeting started"_s, QT_TR_NOOP("missed: meeting started")},
        {u"refused by the SMS provider"_s, QT_TR_NOOP("refused by the SMS provider")},
        {u"maybe sent: no clear answer from the SMS provider; check before sending again"_s,
         QT_TR_NOOP("maybe sent: no clear answer from the SMS provider; check before sending again")},
        {u"maybe sent: Deskbell stopped while sending it; check before sending again"_s,
         QT_TR_NOOP("maybe sent: Deskbell stopped while sending it; check before sending again")},
        {u"rules changed"_s, QT_TR_NOOP("rules changed")},
        {u"no details"_s, QT_TR_NOOP("no details")},
    };
    const QString text = stored.trimmed();
    if (const char *words = lookUp(fixed, text)) {
        return tr(words);
    }
    // "13 hours late", "1 hour 30 minutes": formatAdvance()'s English, back to minutes.
    static const QRegularExpression span(
        uR"(^(\d+) (minute|minutes|hour|hours|day|days)(?: (\d+) (?:minute|minutes))?$)"_s);
    const auto minutesOf = [](const QString &words) -> std::optional<qint64> {
        const auto m = span.match(words);
        if (!m.hasMatch()) {
            return std::nullopt;
        }
        const qint64 n = m.captured(1).toLongLong();
        const QString unit = m.captured(2);
        const qint64 unitMinutes = unit.startsWith(u"day"_s) ? 1440 : unit.startsWith(u"hour"_s) ? 60 : 1;
        return n * unitMinutes + m.captured(3).toLongLong();
    };
    struct Pattern
    {
        QRegularExpression re;
        const char *words;
        bool isSpan; // %1 is a span to put in words, else kept as written
    };
    static const QList<Pattern> patterns{
        {QRegularExpression(u"^missed: (.+) late$"_s), QT_TR_NOOP("missed: %1 late"), true},
        {QRegularExpression(u"^same time as the (.+) reminder \\(quiet hours\\)$"_s),
         QT_TR_NOOP("same time as the %1 reminder (quiet hours)"), true},
        {QRegularExpression(u"^gave up after (\\d+) attempts$"_s), QT_TR_NOOP("gave up after %1 attempts"),
         false},
        {QRegularExpression(u"^canceled by (.+)$"_s), QT_TR_NOOP("canceled by %1"), false},
        {QRegularExpression(u"^send now: (.+)$"_s), QT_TR_NOOP("send now, asked by %1"), false},
        {QRegularExpression(u"^phone corrected by (.+)$"_s), QT_TR_NOOP("phone corrected by %1"), false},
        {QRegularExpression(u"^delivery: (.+)$"_s), QT_TR_NOOP("delivery report: %1"), false},
        {QRegularExpression(u"^same as event #(\\d+); nothing changed$"_s),
         QT_TR_NOOP("same as booking event #%1; nothing changed"), false},
    };
    // The planner's one-line summaries of a booking event (numbers only).
    struct Summary
    {
        QRegularExpression re;
        const char *words;
    };
    static const QList<Summary> summaries{
        {QRegularExpression(u"^new booking: (\\d+) queued, (\\d+) skipped, (\\d+) withdrawn$"_s),
         QT_TR_NOOP("new booking: %1 planned, %2 not sent, %3 withdrawn")},
        {QRegularExpression(
             u"^new booking \\(baseline\\): (\\d+) queued, (\\d+) skipped, (\\d+) withdrawn$"_s),
         QT_TR_NOOP("existing booking taken in: %1 planned, %2 not sent, %3 withdrawn")},
        {QRegularExpression(u"^rescheduled booking: (\\d+) queued, (\\d+) skipped, (\\d+) withdrawn$"_s),
         QT_TR_NOOP("rescheduled booking: %1 planned, %2 not sent, %3 withdrawn")},
        {QRegularExpression(u"^canceled: (\\d+) withdrawn, cancellation queued$"_s),
         QT_TR_NOOP("canceled: %1 withdrawn, cancellation notice planned")},
        {QRegularExpression(u"^canceled: (\\d+) withdrawn, cancellation off$"_s),
         QT_TR_NOOP("canceled: %1 withdrawn, no cancellation notice (off)")},
        {QRegularExpression(u"^rescheduled: (\\d+) withdrawn; .*$"_s),
         QT_TR_NOOP("rescheduled: %1 withdrawn")},
        {QRegularExpression(u"^no-show mark removed: (\\d+) withdrawn$"_s),
         QT_TR_NOOP("no-show mark removed: %1 withdrawn")},
        {QRegularExpression(u"^no-show: (\\d+) withdrawn, .*$"_s), QT_TR_NOOP("no-show: %1 withdrawn")},
    };
    for (const auto &summary : summaries) {
        const auto m = summary.re.match(text);
        if (m.hasMatch()) {
            QString words = tr(summary.words);
            for (int i = 1; i <= m.lastCapturedIndex(); ++i) {
                words = words.arg(m.captured(i));
            }
            return words;
        }
    }
    static const WordTable fixedSummaries{
        {u"already canceled"_s, QT_TR_NOOP("already canceled")},
        {u"already rescheduled: no cancellation text"_s,
         QT_TR_NOOP("already rescheduled: no cancellation text")},
    };
    if (const char *words = lookUp(fixedSummaries, text)) {
        return tr(words);
    }
    for (const auto &pattern : patterns) {
        const auto m = pattern.re.match(text);
        if (!m.hasMatch()) {
            continue;
        }
        QString value = m.captured(1);
        if (pattern.isSpan) {
            const auto minutes = minutesOf(value);
            if (!minutes) {
                continue;
            }
            value = duration(*minutes);
        }
        return tr(pattern.words).arg(value);
    }
    return stored;
}

QString ConsoleText::longDateFormat()
{
    return tr("dddd d MMMM yyyy", "date format: Thursday 5 November 2026");
}

QString ConsoleText::longDateTimeFormat()
{
    return tr("dddd d MMMM yyyy, HH:mm", "date format: Thursday 5 November 2026, 14:00");
}

QString ConsoleText::shortDateFormat()
{
    return tr("ddd d MMM", "date format: Thu 5 Nov");
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
    static const WordTable events{
        {u"invitee.created"_s, QT_TR_NOOP("New booking")},
        {u"invitee.canceled"_s, QT_TR_NOOP("Booking canceled")},
        {u"invitee_no_show.created"_s, QT_TR_NOOP("Marked as no-show")},
        {u"invitee_no_show.deleted"_s, QT_TR_NOOP("No-show mark removed")},
    };
    if (const char *words = lookUp(events, eventName)) {
        return tr(words);
    }
    if (eventName.isEmpty()) {
        return tr("Unreadable message from Calendly");
    }
    return eventName;
}

QString ConsoleText::operatorActionWords(const QString &action)
{
    static const WordTable words{
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
    if (const char *text = lookUp(words, action)) {
        return tr(text);
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
            return kindName(*kind);
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
