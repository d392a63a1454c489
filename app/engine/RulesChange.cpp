#include "engine/RulesChange.h"

#include "calendly/BookingEvent.h"
#include "domain/Appointment.h"
#include "domain/Clock.h"
#include "engine/Planner.h"
#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/Store.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStringList>

#include <functional>

namespace deskbell {

Q_LOGGING_CATEGORY(lcRulesChange, "deskbell.engine")

using namespace Qt::StringLiterals;

namespace {

// The outbox's unique key without the generation (always 0 here: only planned messages change).
QString keyFor(const OutboxMessage &m)
{
    return keyOf(m.kind) + u'|' + QString::number(m.offsetMin) + u'|' + m.recipient;
}

bool isPlannedAhead(MessageKind kind)
{
    return kind == MessageKind::Reminder || kind == MessageKind::Followup;
}

struct Plan
{
    QStringList order; // keys in the planner's order (reminders by offset, then the follow-up)
    QHash<QString, OutboxMessage> byKey;
};

// What the planner makes of this appointment as a booking that already exists (baseline: no
// confirmation, notice or host notification), reminders and follow-up only.
Plan baselinePlan(Planner &planner, const Appointment &appointment, const RuleSet &rules,
                  const std::function<bool(const QString &)> &isOptedOut)
{
    Planner::Input input;
    input.event.type = BookingEvent::Type::InviteeCreated;
    input.event.invitee = appointment;
    input.known = appointment;
    input.baseline = true;
    input.isOptedOut = isOptedOut;
    Plan plan;
    for (const auto &m : planner.plan(input, rules).messages) {
        if (isPlannedAhead(m.kind)) {
            const QString key = keyFor(m);
            plan.order.append(key);
            plan.byKey.insert(key, m);
        }
    }
    return plan;
}

bool willGo(const std::optional<OutboxMessage> &m)
{
    return m && m->state == MessageState::Queued;
}

// English says "1 message" and "2 messages" without a translation loaded; both sources carry %n so
// a translation can give every plural form of its language.
QString plural(const char *one, const char *many, int n)
{
    return RulesChange::tr(n == 1 ? one : many, nullptr, n);
}

} // namespace

QString RulesChange::Effect::summary() const
{
    if (isEmpty()) {
        return tr("Changes no planned message.");
    }
    QStringList parts;
    if (retimed > 0) {
        parts.append(plural(QT_TR_NOOP("re-times %n message"), QT_TR_NOOP("re-times %n messages"), retimed));
    }
    if (added > 0) {
        parts.append(plural(QT_TR_NOOP("adds %n message"), QT_TR_NOOP("adds %n messages"), added));
    }
    if (withdrawn > 0) {
        parts.append(plural(QT_TR_NOOP("cancels %n message"), QT_TR_NOOP("cancels %n messages"), withdrawn));
    }
    if (templateChanged > 0) {
        parts.append(plural(QT_TR_NOOP("changes the template of %n message"),
                            QT_TR_NOOP("changes the template of %n messages"), templateChanged));
    }
    if (recipientChanged > 0) {
        parts.append(plural(QT_TR_NOOP("sends %n host notice to the new host number"),
                            QT_TR_NOOP("sends %n host notices to the new host number"), recipientChanged));
    }
    return plural(QT_TR_NOOP("For %n meeting: "), QT_TR_NOOP("For %n meetings: "), meetings) +
           parts.join(tr(", ")) + tr(".");
}

RulesChange::RulesChange(Database &db, Store &store, const Clock &clock)
    : m_db(db)
    , m_store(store)
    , m_clock(clock)
{}

RulesChange::Effect RulesChange::preview(const RuleSet &current, const RuleSet &proposed)
{
    return run(current, proposed, false);
}

RulesChange::Effect RulesChange::apply(const RuleSet &current, const RuleSet &proposed,
                                       const OperatorActions::Actor &actor)
{
    Transaction tx(m_db);
    const Effect effect = run(current, proposed, true);
    Store::AuditEntry entry;
    entry.atUtc = m_clock.nowUtc();
    entry.actor = actor.user.trimmed().isEmpty() ? OperatorActions::osUserName() : actor.user.trimmed();
    entry.action = u"rules_changed"_s;
    entry.target = u"rules"_s;
    entry.reason = actor.reason.trimmed();
    const QJsonObject details{
        {u"retimed"_s, effect.retimed},
        {u"added"_s, effect.added},
        {u"withdrawn"_s, effect.withdrawn},
        {u"template_changed"_s, effect.templateChanged},
        {u"recipient_changed"_s, effect.recipientChanged},
        {u"meetings"_s, effect.meetings},
    };
    entry.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    m_store.appendAudit(entry);
    tx.commit();
    qCInfo(lcRulesChange).noquote() << u"rules changed by %1: %2"_s.arg(entry.actor, effect.summary());
    return effect;
}

RulesChange::Effect RulesChange::run(const RuleSet &current, const RuleSet &proposed, bool write)
{
    const QDateTime now = m_clock.nowUtc();
    const QString reason = reasonRulesChanged();
    Planner planner(m_clock);
    const auto isOptedOut = [this](const QString &e164) {
        return m_store.isOptedOut(e164);
    };
    // Pending, planned (generation 0) and not yet due: the only messages a rules change may touch.
    const auto touchable = [&](const std::optional<OutboxMessage> &m) {
        return m && m->generation == 0 && isPending(m->state) && m->dueUtc > now;
    };

    Effect effect;
    // 100 years: every appointment that has not started, whatever the poll window.
    for (const Appointment &appointment :
         m_store.appointmentsStartingBetween(now.addMSecs(1), now.addYears(100))) {
        if (appointment.status != Appointment::Status::Active) {
            continue;
        }
        const auto messages = m_store.messagesForInvitee(appointment.inviteeUri);
        QHash<QString, OutboxMessage> stored; // generation 0 by key
        for (const auto &m : messages) {
            if (m.generation == 0) {
                stored.insert(keyFor(m), m);
            }
        }
        const auto storedAt = [&](const QString &key) -> std::optional<OutboxMessage> {
            const auto it = stored.constFind(key);
            return it == stored.cend() ? std::nullopt : std::optional<OutboxMessage>(*it);
        };

        bool touched = false;
        const Plan before = baselinePlan(planner, appointment, current, isOptedOut);
        const Plan after = baselinePlan(planner, appointment, proposed, isOptedOut);
        QStringList keys = after.order;
        for (const QString &key : before.order) {
            if (!after.byKey.contains(key)) {
                keys.append(key);
            }
        }
        for (const QString &key : std::as_const(keys)) {
            const auto was =
                before.byKey.contains(key) ? std::optional(before.byKey.value(key)) : std::nullopt;
            const auto will =
                after.byKey.contains(key) ? std::optional(after.byKey.value(key)) : std::nullopt;
            if (willGo(was) == willGo(will) &&
                (!willGo(will) || (was->dueUtc == will->dueUtc && was->templateId == will->templateId))) {
                continue; // the edit changes nothing for this message
            }
            const auto existing = storedAt(key);
            if (willGo(will)) {
                if (!existing) {
                    ++effect.added;
                    touched = true;
                    if (write) {
                        m_store.insertMessage(*will);
                    }
                } else if (touchable(existing)) {
                    const bool retime = existing->dueUtc != will->dueUtc;
                    const bool retemplate = existing->templateId != will->templateId;
                    if (!retime && !retemplate) {
                        continue;
                    }
                    effect.retimed += retime ? 1 : 0;
                    effect.templateChanged += retemplate ? 1 : 0;
                    touched = true;
                    if (write) {
                        Store::PendingChange change;
                        change.dueUtc = will->dueUtc;
                        change.templateId = will->templateId;
                        change.params = will->params; // "advance" follows the new time
                        m_store.updatePendingMessage(existing->id, change, reason);
                    }
                }
                // Anything else with this key (sent, failed, skipped, due already) stays as it is.
            } else if (touchable(existing)) {
                ++effect.withdrawn;
                touched = true;
                if (write) {
                    m_store.cancelPendingMessage(existing->id, MessageState::Canceled, reason);
                }
            }
        }

        const Rules &rulesBefore = current.rulesFor(appointment);
        const Rules &rulesAfter = proposed.rulesFor(appointment);
        const QString hostAfter = rulesAfter.hostPhone;
        const QString hostTemplateAfter = rulesAfter.templateFor(MessageKind::HostNotify);
        if (rulesBefore.hostPhone != hostAfter ||
            rulesBefore.templateFor(MessageKind::HostNotify) != hostTemplateAfter) {
            for (const auto &m : messages) {
                if (m.kind != MessageKind::HostNotify || m.generation != 0 || !isPending(m.state)) {
                    continue;
                }
                const bool off = hostAfter.isEmpty() || hostTemplateAfter.isEmpty();
                const bool move = !off && m.recipient != hostAfter;
                // The new number may already have this notice (the host phone was changed back).
                const bool taken =
                    move && m_store.findMessage(m.inviteeUri, m.kind, m.offsetMin, hostAfter, 0).has_value();
                if (off || taken) {
                    ++effect.withdrawn;
                    touched = true;
                    if (write) {
                        m_store.cancelPendingMessage(m.id, MessageState::Canceled, reason);
                    }
                    continue;
                }
                const bool retemplate = m.templateId != hostTemplateAfter;
                if (!move && !retemplate) {
                    continue;
                }
                effect.recipientChanged += move ? 1 : 0;
                effect.templateChanged += retemplate ? 1 : 0;
                touched = true;
                if (write) {
                    Store::PendingChange change;
                    change.recipient = hostAfter;
                    change.templateId = hostTemplateAfter;
                    m_store.updatePendingMessage(m.id, change, reason);
                }
            }
        }
        effect.meetings += touched ? 1 : 0;
    }
    return effect;
}

} // namespace deskbell
