#include "engine/Planner.h"

#include "domain/Clock.h"
#include "domain/Phone.h"

#include <QLoggingCategory>
#include <QTimeZone>

namespace deskbell {

Q_LOGGING_CATEGORY(lcPlanner, "deskbell.engine")

using namespace Qt::StringLiterals;

namespace {

QTimeZone zoneNamed(const QString &id)
{
    if (!id.isEmpty()) {
        QTimeZone zone(id.toUtf8());
        if (zone.isValid()) {
            return zone;
        }
    }
    return QTimeZone(QByteArrayLiteral("UTC"));
}

// The minute before the quiet window that contains `dueUtc` begins, as the recipient's clock reads it.
QDateTime lastAllowedBefore(const QDateTime &dueUtc, const QuietHours &quiet, const QTimeZone &zone)
{
    const QDateTime local = dueUtc.toTimeZone(zone);
    QDate startDate = local.date();
    if (quiet.end < quiet.start && local.time() < quiet.end) {
        startDate = startDate.addDays(-1); // 03:00 inside 21:00-08:00 belongs to yesterday's window
    }
    return QDateTime(startDate, quiet.start, zone).addSecs(-60).toUTC();
}

bool inQuietHours(const QDateTime &utc, const Rules &rules, const QTimeZone &zone)
{
    return rules.quietHours && rules.quietHours->contains(utc.toTimeZone(zone).time());
}

} // namespace

QString zoneForInvitee(const Appointment &appointment, const Rules &rules)
{
    if (!appointment.timezone.isEmpty() && QTimeZone::isTimeZoneIdAvailable(appointment.timezone.toUtf8())) {
        return appointment.timezone;
    }
    if (!rules.fallbackTimezone.isEmpty() &&
        QTimeZone::isTimeZoneIdAvailable(rules.fallbackTimezone.toUtf8())) {
        return rules.fallbackTimezone;
    }
    return u"UTC"_s;
}

Planner::Planner(const Clock &clock)
    : m_clock(clock)
{}

Planner::Plan Planner::plan(const Input &input, const RuleSet &rules)
{
    Plan plan;
    switch (input.event.type) {
    case BookingEvent::Type::InviteeCreated:
        planCreated(input, rules, plan);
        break;
    case BookingEvent::Type::InviteeCanceled:
        planCanceled(input, rules, plan);
        break;
    case BookingEvent::Type::NoShowCreated:
        planNoShow(input, rules, plan);
        break;
    case BookingEvent::Type::NoShowDeleted:
        planNoShowDeleted(input, plan);
        break;
    }
    return plan;
}

void Planner::planCreated(const Input &input, const RuleSet &ruleSet, Plan &plan)
{
    const QDateTime now = m_clock.nowUtc();
    if (input.known && (input.known->status == Appointment::Status::Canceled ||
                        input.known->status == Appointment::Status::Rescheduled)) {
        // Calendly retried a booking event after its cancellation had already arrived: never revive it.
        plan.outcome = u"stale"_s;
        plan.detail =
            u"the booking was already %1; this older event changes nothing"_s.arg(keyOf(input.known->status));
        return;
    }

    Appointment appointment = input.event.invitee;
    appointment.status = Appointment::Status::Active;
    const Rules &rules = ruleSet.rulesFor(appointment);
    const QString source = ruleSet.ruleSourceFor(appointment);
    const bool reschedule = !appointment.oldInviteeUri.isEmpty();

    if (reschedule && input.partner) {
        Appointment old = *input.partner;
        if (old.status != Appointment::Status::Canceled) {
            old.status = Appointment::Status::Rescheduled;
        }
        old.newInviteeUri = appointment.inviteeUri;
        plan.appointments.append(old);
        withdrawPending(input.partnerMessages, reasonRescheduled(), plan);
    }
    plan.appointments.append(appointment);

    int queued = 0;
    int skipped = 0;
    const auto add = [&](const OutboxMessage &m) {
        plan.messages.append(m);
        (m.state == MessageState::Queued ? queued : skipped)++;
    };

    if (!input.baseline) {
        const MessageKind firstKind = reschedule ? MessageKind::Reschedule : MessageKind::Confirm;
        QString firstTemplate = rules.templateFor(firstKind);
        if (firstTemplate.isEmpty() && reschedule) {
            firstTemplate = rules.templateFor(MessageKind::Confirm); // a new time is still a confirmation
        }
        if (firstTemplate.isEmpty()) {
            templateOrNote(rules, source, firstKind, plan);
        } else {
            OutboxMessage m = inviteeMessage(input, appointment, rules, firstKind, firstTemplate, 0, now);
            if (m.state == MessageState::Queued && appointment.startUtc <= now) {
                m.state = MessageState::Skipped;
                m.skipReason = reasonMeetingOver();
            }
            add(m);
        }

        if (!rules.hostPhone.isEmpty()) {
            const QString tpl = templateOrNote(rules, source, MessageKind::HostNotify, plan);
            if (!tpl.isEmpty()) {
                OutboxMessage m;
                m.inviteeUri = appointment.inviteeUri;
                m.kind = MessageKind::HostNotify;
                m.recipient = rules.hostPhone;
                m.dueUtc = now;
                m.templateId = tpl;
                // The host reads times in the desk's zone, not the invitee's.
                m.params = messageParams(appointment, rules, zoneForInvitee(Appointment{}, rules));
                m.params.insert(u"event"_s, reschedule ? u"rescheduled"_s : u"booked"_s);
                if (input.isOptedOut && input.isOptedOut(m.recipient)) {
                    m.state = MessageState::Skipped;
                    m.skipReason = reasonOptedOut();
                }
                add(m);
            }
        }
    }

    const QString zoneId = zoneForInvitee(appointment, rules);
    const QTimeZone zone = zoneNamed(zoneId);
    const QString reminderTemplate = templateOrNote(rules, source, MessageKind::Reminder, plan);
    if (!reminderTemplate.isEmpty()) {
        QHash<qint64, int> queuedAtMinute; // due minute -> offset of the reminder already there
        for (int offset : rules.reminderOffsetsMin) {
            QDateTime due = appointment.startUtc.addSecs(-qint64(offset) * 60);
            bool moved = false;
            if (inQuietHours(due, rules, zone)) {
                due = lastAllowedBefore(due, *rules.quietHours, zone);
                moved = true;
            }
            OutboxMessage m = inviteeMessage(input, appointment, rules, MessageKind::Reminder,
                                             reminderTemplate, offset, due);
            // The real time left when the text goes out, whatever the configured offset said.
            m.params.insert(u"advance"_s,
                            formatAdvance(due.secsTo(appointment.startUtc) / 60, rules.messageLanguage));
            if (m.state == MessageState::Queued) {
                const qint64 minute = due.toSecsSinceEpoch() / 60;
                if (due <= now) {
                    m.state = MessageState::Skipped;
                    m.skipReason =
                        moved ? reasonBookedTooLate() + u" (quiet hours)"_s : reasonBookedTooLate();
                } else if (queuedAtMinute.contains(minute)) {
                    m.state = MessageState::Skipped;
                    m.skipReason = u"same time as the %1 reminder (quiet hours)"_s.arg(
                        formatAdvance(queuedAtMinute.value(minute)));
                } else {
                    queuedAtMinute.insert(minute, offset);
                }
            }
            add(m);
        }
    }

    if (rules.followupAfterMin > 0) {
        const QString tpl = templateOrNote(rules, source, MessageKind::Followup, plan);
        if (!tpl.isEmpty()) {
            QDateTime due = appointment.endUtc.addSecs(qint64(rules.followupAfterMin) * 60);
            if (inQuietHours(due, rules, zone)) {
                due = rules.quietHours->endAfter(due, zone); // a thank-you can wait for the morning
            }
            OutboxMessage m = inviteeMessage(input, appointment, rules, MessageKind::Followup, tpl,
                                             rules.followupAfterMin, due);
            if (m.state == MessageState::Queued && due <= now) {
                m.state = MessageState::Skipped;
                m.skipReason = u"meeting already over"_s;
            }
            add(m);
        }
    }

    plan.detail = u"%1%2: %3 queued, %4 skipped, %5 withdrawn"_s
                      .arg(reschedule ? u"rescheduled booking"_s : u"new booking"_s,
                           input.baseline ? u" (baseline)"_s : QString())
                      .arg(queued)
                      .arg(skipped)
                      .arg(plan.withdrawals.size());
}

void Planner::planCanceled(const Input &input, const RuleSet &ruleSet, Plan &plan)
{
    const QDateTime now = m_clock.nowUtc();
    const BookingEvent &event = input.event;
    // Prefer what we stored (an operator may have corrected it); the event fills what we never had.
    Appointment appointment = input.known ? *input.known : event.invitee;
    if (!appointment.startUtc.isValid()) {
        appointment.startUtc = event.invitee.startUtc;
        appointment.endUtc = event.invitee.endUtc;
    }
    if (!event.cancelReason.isEmpty()) {
        appointment.cancelReason = event.cancelReason;
    }

    if (event.rescheduled) {
        appointment.status = Appointment::Status::Rescheduled;
        if (!event.invitee.newInviteeUri.isEmpty()) {
            appointment.newInviteeUri = event.invitee.newInviteeUri;
        }
        plan.appointments.append(appointment);
        withdrawPending(input.knownMessages, reasonRescheduled(), plan);
        plan.detail = u"rescheduled: %1 withdrawn; %2"_s.arg(plan.withdrawals.size())
                          .arg(input.partner ? u"the new booking already has its notice"_s
                                             : u"the new booking's event will send the notice"_s);
        return;
    }

    if (input.known && input.known->status == Appointment::Status::Rescheduled) {
        // The new half of this reschedule arrived first and already told the invitee.
        withdrawPending(input.knownMessages, reasonRescheduled(), plan);
        plan.detail = u"already rescheduled: no cancellation text"_s;
        return;
    }

    const bool alreadyCanceled = input.known && input.known->status == Appointment::Status::Canceled;
    appointment.status = Appointment::Status::Canceled;
    plan.appointments.append(appointment);
    withdrawPending(input.knownMessages, reasonCanceled(), plan);
    if (alreadyCanceled) {
        plan.detail = u"already canceled"_s;
        return;
    }

    const Rules &rules = ruleSet.rulesFor(appointment);
    const QString tpl = templateOrNote(rules, ruleSet.ruleSourceFor(appointment), MessageKind::Cancel, plan);
    if (!tpl.isEmpty()) {
        OutboxMessage m = inviteeMessage(input, appointment, rules, MessageKind::Cancel, tpl, 0, now);
        if (m.state == MessageState::Queued) {
            if (!appointment.startUtc.isValid()) {
                m.state = MessageState::Skipped;
                m.skipReason = reasonTimeUnknown();
            } else if (appointment.startUtc <= now) {
                m.state = MessageState::Skipped;
                m.skipReason = reasonMeetingOver();
            }
        }
        plan.messages.append(m);
    }
    plan.detail =
        u"canceled: %1 withdrawn, cancellation %2"_s.arg(plan.withdrawals.size())
            .arg(plan.messages.isEmpty() ? u"off"_s
                                         : (plan.messages.first().state == MessageState::Queued
                                                ? u"queued"_s
                                                : u"skipped (%1)"_s.arg(plan.messages.first().skipReason)));
}

void Planner::planNoShow(const Input &input, const RuleSet &ruleSet, Plan &plan)
{
    const QDateTime now = m_clock.nowUtc();
    Appointment appointment = input.known ? *input.known : input.event.invitee;
    appointment.status = Appointment::Status::NoShow;
    plan.appointments.append(appointment);
    // A "thanks for coming" follow-up to someone who did not come would be wrong.
    withdrawPending(input.knownMessages, reasonNoShow(), plan,
                    {MessageKind::Followup, MessageKind::Reminder});

    const Rules &rules = ruleSet.rulesFor(appointment);
    const QString tpl = templateOrNote(rules, ruleSet.ruleSourceFor(appointment), MessageKind::NoShow, plan);
    if (!tpl.isEmpty()) {
        QDateTime due = now;
        const QTimeZone zone = zoneNamed(zoneForInvitee(appointment, rules));
        if (inQuietHours(due, rules, zone)) {
            due = rules.quietHours->endAfter(due, zone);
        }
        plan.messages.append(inviteeMessage(input, appointment, rules, MessageKind::NoShow, tpl, 0, due));
    }
    plan.detail = u"no-show: %1 withdrawn, missed-you message %2"_s.arg(plan.withdrawals.size())
                      .arg(plan.messages.isEmpty() ? u"off"_s : keyOf(plan.messages.first().state));
}

void Planner::planNoShowDeleted(const Input &input, Plan &plan)
{
    if (!input.known) {
        plan.detail = u"no-show mark removed for a booking Deskbell does not know"_s;
        return;
    }
    Appointment appointment = *input.known;
    if (appointment.status == Appointment::Status::NoShow) {
        appointment.status = Appointment::Status::Active;
        plan.appointments.append(appointment);
    }
    withdrawPending(input.knownMessages, reasonNoShowRemoved(), plan, {MessageKind::NoShow});
    plan.detail = u"no-show mark removed: %1 withdrawn"_s.arg(plan.withdrawals.size());
}

OutboxMessage Planner::inviteeMessage(const Input &input, const Appointment &appointment, const Rules &rules,
                                      MessageKind kind, const QString &templateId, int offsetMin,
                                      const QDateTime &dueUtc) const
{
    OutboxMessage m;
    m.inviteeUri = appointment.inviteeUri;
    m.kind = kind;
    m.offsetMin = offsetMin;
    m.recipient = appointment.recipient();
    m.dueUtc = dueUtc;
    m.templateId = templateId;
    m.params = messageParams(appointment, rules, zoneForInvitee(appointment, rules));
    if (appointment.phoneRaw.isEmpty()) {
        m.state = MessageState::Skipped;
        m.skipReason = reasonNoPhone();
    } else if (!appointment.hasValidPhone()) {
        m.state = MessageState::Skipped;
        m.skipReason = reasonInvalidPhone();
    } else if (input.isOptedOut && input.isOptedOut(appointment.phoneE164)) {
        m.state = MessageState::Skipped;
        m.skipReason = reasonOptedOut();
    }
    return m;
}

QJsonObject Planner::messageParams(const Appointment &appointment, const Rules &rules, const QString &zoneId)
{
    const QTimeZone zone = zoneNamed(zoneId);
    const QDateTime local = appointment.startUtc.toTimeZone(zone);
    // The template's words are in the desk's message language; its values follow ([rules] message_language).
    const bool known = appointment.startUtc.isValid();
    QJsonObject p;
    p.insert(u"name"_s, appointment.inviteeName);
    p.insert(u"time"_s, known ? formatMessageTime(local, rules.messageLanguage) : QString());
    p.insert(u"date"_s,
             known ? formatMessageDate(local.date(), rules.messageLanguage, rules.buddhistEra) : QString());
    p.insert(u"timezone"_s, QString::fromUtf8(zone.id()));
    p.insert(u"event_name"_s, appointment.eventName);
    p.insert(u"location"_s, appointment.location);
    p.insert(u"cancel_url"_s, appointment.cancelUrl);
    p.insert(u"reschedule_url"_s, appointment.rescheduleUrl);
    p.insert(u"host_name"_s, appointment.hostName);
    return p;
}

void Planner::withdrawPending(const QList<OutboxMessage> &messages, const QString &reason, Plan &plan,
                              const QList<MessageKind> &kinds) const
{
    for (const auto &m : messages) {
        if (isPending(m.state) && (kinds.isEmpty() || kinds.contains(m.kind))) {
            plan.withdrawals.append({m.id, MessageState::Canceled, reason});
        }
    }
}

QString Planner::templateOrNote(const Rules &rules, const QString &ruleSource, MessageKind kind, Plan &plan)
{
    const QString tpl = rules.templateFor(kind);
    if (tpl.isEmpty()) {
        const QString key = ruleSource + u'|' + keyOf(kind);
        if (!m_reportedOff.contains(key)) {
            m_reportedOff.insert(key);
            const QString note =
                u"%1 messages are off for %2: no template id is mapped ([templates] %3)"_s.arg(
                    displayName(kind), ruleSource, keyOf(kind));
            qCInfo(lcPlanner).noquote() << note;
            plan.notes.append(note);
        }
    }
    return tpl;
}

} // namespace deskbell
