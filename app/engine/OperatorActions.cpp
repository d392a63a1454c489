#include "engine/OperatorActions.h"

#include "domain/Appointment.h"
#include "domain/Clock.h"
#include "domain/Phone.h"
#include "domain/Rules.h"
#include "engine/Dispatcher.h"
#include "engine/Planner.h"
#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/Store.h"

#include <QDir>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>

#include <algorithm>
#include <optional>

namespace deskbell {

Q_LOGGING_CATEGORY(lcActions, "deskbell.engine")

using namespace Qt::StringLiterals;

namespace {

// The keys Dispatcher::pause() and Dispatcher::start() use (Dispatcher.cpp), so a pause recorded
// while no dispatcher runs holds the next one.
const QString KEY_PAUSED = u"sending_paused"_s;
const QString KEY_PAUSE_REASON = u"sending_pause_reason"_s;

QString messageTarget(qint64 id)
{
    return u"message:%1"_s.arg(id);
}

QString appointmentTarget(const QString &uri)
{
    return u"appointment:"_s + uri;
}

QString iso(const QDateTime &utc)
{
    return utc.isValid() ? utc.toUTC().toString(Qt::ISODate) : QString();
}

bool isNotice(MessageKind kind)
{
    return kind != MessageKind::Reminder && kind != MessageKind::Followup;
}

// Why a message no longer fits its booking (fitsBooking(), which the dispatcher checks again at
// send time), in the receptionist's words; empty when it fits.
QString misfit(MessageKind kind, Appointment::Status status)
{
    if (fitsBooking(kind, status)) {
        return {};
    }
    if (kind == MessageKind::NoShow) {
        return OperatorActions::tr("The no-show mark was removed, so this message no longer fits.");
    }
    switch (status) {
    case Appointment::Status::Active:
        return {};
    case Appointment::Status::Canceled:
        return OperatorActions::tr("This booking was canceled, so this message no longer fits.");
    case Appointment::Status::Rescheduled:
        return OperatorActions::tr(
            "This booking was moved to another time; send the messages of the new booking instead.");
    case Appointment::Status::NoShow:
        return OperatorActions::tr("This booking is marked as a no-show, so this message no longer fits.");
    }
    return {};
}

// Why an action that needs a pending message cannot apply to one in `state`.
QString notPending(const OutboxMessage &m)
{
    switch (m.state) {
    case MessageState::Queued:
    case MessageState::RetryWait:
        return {};
    case MessageState::Sending:
        return OperatorActions::tr("This message is being sent right now; wait for the result.");
    case MessageState::Accepted:
        return OperatorActions::tr("This message was already sent.");
    case MessageState::Failed:
        return OperatorActions::tr("This message could not be sent and is not waiting any more. Use "
                                   "\"Send again\" if it is still needed.");
    case MessageState::Unknown:
        return OperatorActions::tr("This message may already have been sent, so it is not waiting any "
                                   "more. Check with the person before sending it again.");
    case MessageState::Canceled:
        return OperatorActions::tr("This message was already canceled.");
    case MessageState::Skipped:
        return m.skipReason.isEmpty()
                   ? OperatorActions::tr("This message was skipped and is not waiting any more.")
                   : OperatorActions::tr("This message was skipped (%1) and is not waiting any more.")
                         .arg(m.skipReason);
    }
    return {};
}

// Why an action meant for a pending message cannot apply to `m` (gone, or not pending any more);
// empty when it can.
QString whyNotPending(const std::optional<OutboxMessage> &m)
{
    return m ? notPending(*m) : OperatorActions::tr("That message no longer exists.");
}

// The result of an action the database refused: nothing changed (its transaction rolled back).
OperatorActions::Result storageFailure(const StorageError &e, qint64 messageId = 0)
{
    qCWarning(lcActions).noquote() << u"operator action not applied: %1"_s.arg(e.message());
    OperatorActions::Result r;
    r.messageId = messageId;
    r.error =
        OperatorActions::tr("Nothing was changed: the database reported a problem (%1).").arg(e.message());
    return r;
}

QString optedOutText()
{
    return OperatorActions::tr(
        "This number has opted out of texts. Opt it back in first if the person agreed to get them again.");
}

} // namespace

OperatorActions::OperatorActions(Database &db, Store &store, const Clock &clock, Dispatcher *dispatcher)
    : m_db(db)
    , m_store(store)
    , m_clock(clock)
    , m_dispatcher(dispatcher)
{}

QString OperatorActions::osUserName()
{
    for (const char *name : {"USER", "USERNAME"}) {
        const QString value = qEnvironmentVariable(name).trimmed();
        if (!value.isEmpty()) {
            return value;
        }
    }
    const QString home = QDir::home().dirName();
    return home.isEmpty() ? u"operator"_s : home;
}

QString OperatorActions::who(const Actor &actor) const
{
    const QString user = actor.user.trimmed();
    return user.isEmpty() ? osUserName() : user;
}

void OperatorActions::audit(const Actor &actor, const QString &action, const QString &target,
                            const QJsonObject &details)
{
    Store::AuditEntry entry;
    entry.atUtc = m_clock.nowUtc();
    entry.actor = who(actor);
    entry.action = action;
    entry.target = target;
    entry.reason = actor.reason.trimmed();
    entry.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    m_store.appendAudit(entry);
}

qint64 OperatorActions::queueNow(OutboxMessage &m, int firstGeneration, const QDateTime &now,
                                 const QString &what)
{
    m.generation = std::max(firstGeneration, m_store.maxGeneration(m.inviteeUri, m.kind, m.offsetMin) + 1);
    m.dueUtc = now;
    m.state = MessageState::Queued;
    const qint64 id = m_store.insertMessage(m);
    if (id == 0) {
        throw StorageError(
            u"%1 could not be queued: its generation %2 is taken"_s.arg(what).arg(m.generation));
    }
    return id;
}

QString OperatorActions::advanceNow(const Appointment &appointment, const QDateTime &now) const
{
    return formatAdvance(std::max<qint64>(0, now.secsTo(appointment.startUtc) / 60),
                         m_rules ? m_rules->rulesFor(appointment).messageLanguage : MessageLanguage::English);
}

void OperatorActions::wake()
{
    if (m_dispatcher) {
        m_dispatcher->wake();
    }
}

OperatorActions::Result OperatorActions::resend(qint64 messageId, const Actor &actor)
{
    Result r;
    r.messageId = messageId;
    try {
        const QDateTime now = m_clock.nowUtc();
        Transaction tx(m_db);
        const auto original = m_store.message(messageId);
        if (!original) {
            r.error = tr("That message no longer exists.");
            return r;
        }
        if (original->state == MessageState::Sending) {
            r.error = notPending(*original);
            return r;
        }
        if (isPending(original->state)) {
            r.error = tr("This message has not been sent yet. Use \"Send now\" to send it at once.");
            return r;
        }
        const auto appointment = m_store.appointment(original->inviteeUri);
        QString recipient = original->recipient;
        if (original->kind != MessageKind::HostNotify && appointment && appointment->hasValidPhone()) {
            recipient = appointment->phoneE164; // a wrong number corrected since: the right one now
        }
        if (!recipient.startsWith(u'+')) {
            r.error =
                tr("This booking has no valid phone number. Correct the number first, then send again.");
            return r;
        }
        if (m_store.isOptedOut(recipient)) {
            r.error = optedOutText();
            return r;
        }
        if (appointment) {
            if (const QString why = misfit(original->kind, appointment->status); !why.isEmpty()) {
                r.error = why;
                return r;
            }
        }

        OutboxMessage m;
        m.inviteeUri = original->inviteeUri;
        m.kind = original->kind;
        m.offsetMin = original->offsetMin;
        m.recipient = recipient;
        m.resendOf = original->id;
        m.templateId = original->templateId;
        m.params = original->params;
        if (m.kind == MessageKind::Reminder && appointment && appointment->startUtc.isValid()) {
            // "in 24 hours" was true when it was planned; say what is left now.
            m.params.insert(u"advance"_s, advanceNow(*appointment, now));
        }
        r.messageId = queueNow(m, 0, now, u"the resend of message #%1"_s.arg(messageId));
        audit(actor, u"resend"_s, messageTarget(messageId),
              QJsonObject{{u"new_message"_s, r.messageId},
                          {u"kind"_s, keyOf(m.kind)},
                          {u"generation"_s, m.generation},
                          {u"previous_state"_s, keyOf(original->state)},
                          {u"recipient"_s, recipient},
                          {u"recipient_changed"_s, recipient != original->recipient}});
        tx.commit();
        r.ok = true;
        qCInfo(lcActions).noquote() << u"%1 sends message #%2 (%3) again as #%4 to %5"_s.arg(who(actor))
                                           .arg(messageId)
                                           .arg(keyOf(m.kind))
                                           .arg(r.messageId)
                                           .arg(phone::mask(recipient));
    } catch (const StorageError &e) {
        return storageFailure(e, messageId);
    }
    wake();
    return r;
}

OperatorActions::Result OperatorActions::cancel(qint64 messageId, const Actor &actor)
{
    Result r;
    r.messageId = messageId;
    try {
        Transaction tx(m_db);
        const auto m = m_store.message(messageId);
        if (const QString why = whyNotPending(m); !why.isEmpty()) {
            r.error = why;
            return r;
        }
        QString reason = u"canceled by "_s + who(actor);
        if (!actor.reason.trimmed().isEmpty()) {
            reason += u": "_s + actor.reason.trimmed();
        }
        // The state test is in the UPDATE: a message the dispatcher took meanwhile stays untouched.
        if (!m_store.cancelPendingMessage(messageId, MessageState::Canceled, reason)) {
            r.error = whyNotPending(m_store.message(messageId));
            return r;
        }
        audit(actor, u"cancel"_s, messageTarget(messageId),
              QJsonObject{{u"kind"_s, keyOf(m->kind)}, {u"previous_state"_s, keyOf(m->state)}});
        tx.commit();
        r.ok = true;
        r.affected = 1;
        qCInfo(lcActions).noquote()
            << u"%1 canceled message #%2 (%3)"_s.arg(who(actor)).arg(messageId).arg(keyOf(m->kind));
    } catch (const StorageError &e) {
        return storageFailure(e, messageId);
    }
    wake();
    return r;
}

OperatorActions::Result OperatorActions::sendNow(qint64 messageId, const Actor &actor)
{
    Result r;
    r.messageId = messageId;
    try {
        const QDateTime now = m_clock.nowUtc();
        Transaction tx(m_db);
        const auto m = m_store.message(messageId);
        if (const QString why = whyNotPending(m); !why.isEmpty()) {
            r.error = why;
            return r;
        }
        if (m->kind == MessageKind::Reminder) {
            const auto appointment = m_store.appointment(m->inviteeUri);
            if (appointment && appointment->startUtc.isValid() && appointment->startUtc > now) {
                QJsonObject params = m->params;
                params.insert(u"advance"_s, advanceNow(*appointment, now));
                m_store.setMessageParams(messageId, params);
            }
        }
        if (!m_store.setMessageDueNow(messageId, now, u"send now: "_s + who(actor))) {
            r.error = whyNotPending(m_store.message(messageId));
            return r; // the transaction rolls the new "advance" back
        }
        audit(
            actor, u"send_now"_s, messageTarget(messageId),
            QJsonObject{{u"kind"_s, keyOf(m->kind)},
                        {u"previous_state"_s, keyOf(m->state)},
                        {u"was_due"_s, iso(m->state == MessageState::RetryWait && m->nextAttemptUtc.isValid()
                                               ? m->nextAttemptUtc
                                               : m->dueUtc)}});
        tx.commit();
        r.ok = true;
        r.affected = 1;
        qCInfo(lcActions).noquote()
            << u"%1 sends message #%2 (%3) now"_s.arg(who(actor)).arg(messageId).arg(keyOf(m->kind));
    } catch (const StorageError &e) {
        return storageFailure(e, messageId);
    }
    wake();
    return r;
}

OperatorActions::Result OperatorActions::correctPhone(const QString &inviteeUri, const QString &typed,
                                                      const QString &defaultRegion, const Actor &actor)
{
    Result r;
    const NormalizedPhone number = phone::normalize(typed, defaultRegion);
    if (!number.isValid()) {
        const QString region = defaultRegion.trimmed().toUpper();
        const QLocale::Territory territory = QLocale::codeToTerritory(region);
        if (!typed.trimmed().startsWith(u'+') && territory != QLocale::AnyTerritory) {
            r.error = tr("That number is not valid for %1: %2.")
                          .arg(QLocale::territoryToString(territory), number.error);
        } else {
            r.error = tr("That number is not valid: %1.").arg(number.error);
        }
        return r;
    }

    int moved = 0;
    int requeued = 0;
    int replaced = 0;
    QString previous;
    try {
        const QDateTime now = m_clock.nowUtc();
        Transaction tx(m_db);
        const auto appointment = m_store.appointment(inviteeUri);
        if (!appointment) {
            r.error = tr("That booking is not in Deskbell any more.");
            return r;
        }
        previous = appointment->recipient();
        const QString oldE164 = appointment->phoneE164;
        const QString newE164 = number.e164;
        m_store.setAppointmentPhone(inviteeUri, number.raw, newE164, u"operator"_s);

        const bool optedOut = m_store.isOptedOut(newE164);
        const int lateMaxMin =
            m_dispatcher ? m_dispatcher->options().lateMaxMin : Dispatcher::Options{}.lateMaxMin;
        const QString detail = u"phone corrected by "_s + who(actor);
        for (const auto &m : m_store.messagesForInvitee(inviteeUri)) {
            if (m.kind == MessageKind::HostNotify) {
                continue; // the host's number is not the invitee's
            }
            const auto taken = [&] {
                return m_store.findMessage(inviteeUri, m.kind, m.offsetMin, newE164, m.generation)
                    .has_value();
            };
            if (isPending(m.state)) {
                if (oldE164.isEmpty() || m.recipient != oldE164 || oldE164 == newE164) {
                    continue;
                }
                if (taken()) {
                    if (m_store.cancelPendingMessage(m.id, MessageState::Canceled,
                                                     u"replaced: the same message to the corrected number "
                                                     "already exists"_s)) {
                        ++replaced;
                    }
                } else {
                    Store::PendingChange change;
                    change.recipient = newE164;
                    if (m_store.updatePendingMessage(m.id, change, detail)) {
                        ++moved;
                    }
                }
                continue;
            }
            if (m.state != MessageState::Skipped || optedOut ||
                (m.skipReason != Planner::reasonInvalidPhone() && m.skipReason != Planner::reasonNoPhone())) {
                continue;
            }
            if (!misfit(m.kind, appointment->status).isEmpty()) {
                continue;
            }
            // Only what can still go out on time: the dispatcher would call anything later "missed".
            bool timely = false;
            if (isNotice(m.kind)) {
                timely = m.dueUtc.isValid() && m.dueUtc.secsTo(now) <= qint64(lateMaxMin) * 60;
            } else {
                timely = m.dueUtc > now && (m.kind != MessageKind::Reminder ||
                                            !appointment->startUtc.isValid() || appointment->startUtc > now);
            }
            if (!timely || taken()) {
                continue;
            }
            if (m_store.requeueSkippedMessage(m.id, newE164, detail)) {
                ++requeued;
            }
        }
        r.affected = moved + requeued + replaced;
        audit(actor, u"correct_phone"_s, appointmentTarget(inviteeUri),
              QJsonObject{{u"phone"_s, newE164},
                          {u"typed"_s, number.raw},
                          {u"previous"_s, previous},
                          {u"moved"_s, moved},
                          {u"requeued"_s, requeued},
                          {u"replaced"_s, replaced}});
        tx.commit();
        r.ok = true;
    } catch (const StorageError &e) {
        return storageFailure(e);
    }
    qCInfo(lcActions).noquote()
        << u"%1 corrected the phone of %2 from %3 to %4: %5 moved, %6 queued again, %7 replaced"_s
               .arg(who(actor), inviteeUri.mid(inviteeUri.lastIndexOf(u'/') + 1), phone::mask(previous),
                    phone::mask(number.e164))
               .arg(moved)
               .arg(requeued)
               .arg(replaced);
    wake();
    return r;
}

OperatorActions::Result OperatorActions::setOptOut(const QString &e164, bool optedOut, const Actor &actor)
{
    Result r;
    const NormalizedPhone number = phone::normalize(e164, QString());
    if (!number.isValid()) {
        r.error = tr("That is not a valid international number (like +66812345678): %1.").arg(number.error);
        return r;
    }
    const QString phoneNumber = number.e164;
    try {
        Transaction tx(m_db);
        QJsonObject details{{u"phone"_s, phoneNumber}};
        if (optedOut) {
            details.insert(u"was_opted_out"_s, m_store.isOptedOut(phoneNumber));
            m_store.addOptOut(phoneNumber, u"operator"_s, actor.reason.trimmed());
            for (const auto &m : m_store.pendingMessagesTo(phoneNumber)) {
                if (m_store.cancelPendingMessage(m.id, MessageState::Skipped, Planner::reasonOptedOut())) {
                    ++r.affected;
                }
            }
            details.insert(u"skipped"_s, r.affected);
        } else {
            details.insert(u"was_opted_out"_s, m_store.isOptedOut(phoneNumber));
            m_store.removeOptOut(phoneNumber);
        }
        audit(actor, optedOut ? u"opt_out"_s : u"opt_in"_s, u"phone:"_s + phone::mask(phoneNumber), details);
        tx.commit();
        r.ok = true;
    } catch (const StorageError &e) {
        return storageFailure(e);
    }
    qCInfo(lcActions).noquote() << u"%1 opted %2 %3 (%4 pending message(s) skipped)"_s
                                       .arg(who(actor), optedOut ? u"out"_s : u"back in"_s,
                                            phone::mask(phoneNumber))
                                       .arg(r.affected);
    wake();
    return r;
}

OperatorActions::Result OperatorActions::pauseSending(const Actor &actor)
{
    Result r;
    const QString reason = actor.reason.trimmed().isEmpty()
                               ? tr("Paused by %1").arg(who(actor))
                               : tr("Paused by %1: %2").arg(who(actor), actor.reason.trimmed());
    try {
        // Recorded here in one transaction with the audit entry; the dispatcher then writes the same
        // values again and stops its timer.
        Transaction tx(m_db);
        m_store.setEngineState(KEY_PAUSED, u"1"_s);
        m_store.setEngineState(KEY_PAUSE_REASON, reason);
        audit(actor, u"pause"_s, u"sending"_s, QJsonObject{{u"pause_reason"_s, reason}});
        tx.commit();
        r.ok = true;
    } catch (const StorageError &e) {
        return storageFailure(e);
    }
    qCInfo(lcActions).noquote() << u"%1 paused sending"_s.arg(who(actor));
    if (m_dispatcher) {
        m_dispatcher->pause(reason);
    }
    return r;
}

OperatorActions::Result OperatorActions::resumeSending(const Actor &actor)
{
    Result r;
    try {
        Transaction tx(m_db);
        const QString was = m_store.engineState(KEY_PAUSE_REASON);
        m_store.setEngineState(KEY_PAUSED, u"0"_s);
        m_store.setEngineState(KEY_PAUSE_REASON, QString());
        audit(actor, u"resume"_s, u"sending"_s, QJsonObject{{u"was_paused_for"_s, was}});
        tx.commit();
        r.ok = true;
    } catch (const StorageError &e) {
        return storageFailure(e);
    }
    qCInfo(lcActions).noquote() << u"%1 resumed sending"_s.arg(who(actor));
    if (m_dispatcher) {
        m_dispatcher->resume(); // wakes it
    }
    return r;
}

OperatorActions::Result OperatorActions::sendAdHoc(const QString &inviteeUri, const QString &templateId,
                                                   const QJsonObject &params, const Actor &actor)
{
    Result r;
    const QString tpl = templateId.trimmed();
    if (tpl.isEmpty()) {
        r.error = tr("Choose a message template first.");
        return r;
    }
    QString recipient;
    try {
        Transaction tx(m_db);
        const auto appointment = m_store.appointment(inviteeUri);
        if (!appointment) {
            r.error = tr("That booking is not in Deskbell any more.");
            return r;
        }
        if (!appointment->hasValidPhone()) {
            r.error = tr("This booking has no valid phone number. Correct the number first.");
            return r;
        }
        recipient = appointment->phoneE164;
        if (m_store.isOptedOut(recipient)) {
            r.error = optedOutText();
            return r;
        }
        OutboxMessage m;
        m.inviteeUri = inviteeUri;
        m.kind = MessageKind::AdHoc;
        m.offsetMin = 0;
        m.recipient = recipient;
        m.templateId = tpl;
        m.params = params;
        // Generation 0 is what the planner makes; an operator's messages start at 1.
        r.messageId = queueNow(m, 1, m_clock.nowUtc(), u"the ad-hoc message"_s);
        audit(actor, u"adhoc"_s, appointmentTarget(inviteeUri),
              QJsonObject{{u"message"_s, r.messageId},
                          {u"template"_s, tpl},
                          {u"generation"_s, m.generation},
                          {u"params"_s, params}});
        tx.commit();
        r.ok = true;
        r.affected = 1;
    } catch (const StorageError &e) {
        return storageFailure(e);
    }
    qCInfo(lcActions).noquote() << u"%1 wrote message #%2 (template %3) to %4"_s.arg(who(actor))
                                       .arg(r.messageId)
                                       .arg(tpl, phone::mask(recipient));
    wake();
    return r;
}

} // namespace deskbell
