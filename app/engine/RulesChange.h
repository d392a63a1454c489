#pragma once

#include "domain/Message.h"
#include "domain/Rules.h"
#include "engine/OperatorActions.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace deskbell {

class Clock;
class Database;
class Store;

// What a rules edit (reminder offsets, quiet hours, follow-up delay, templates, host phone, per-type
// overrides) does to the messages already planned, shown before it is saved and then applied to
// them. Only future, pending messages of active appointments change; anything sent, failed, maybe
// sent, or written by an operator (generation > 0) is left alone.
//
// For every active appointment that has not started, the planner plans it twice, as a baseline
// booking (reminders and follow-up only): under the current rules and under the proposed ones. Only
// where the two plans differ is the outbox touched, so an edit that changes nothing for a message
// never moves it (a reminder the dispatcher held for quiet hours stays held). A host notice is due
// the moment a booking arrives, so one still pending has simply not gone out yet (sending paused, no
// SMS account): it follows the host phone and the template, whatever its due time.
class RulesChange
{
    Q_DECLARE_TR_FUNCTIONS(RulesChange)

public:
    struct Effect
    {
        int retimed = 0;          // pending messages whose due time moves
        int added = 0;            // messages the new rules add (a new reminder offset, a kind turned on)
        int withdrawn = 0;        // pending messages the new rules remove (canceled, with the reason)
        int templateChanged = 0;  // pending messages whose template id changes
        int recipientChanged = 0; // host notifications whose host phone changes
        int meetings = 0;         // distinct appointments with at least one change
        // "For 9 meetings: re-times 14 messages, adds 3 messages, cancels 2 messages." or "Changes no
        // planned message."
        QString summary() const;
        bool isEmpty() const { return retimed + added + withdrawn + templateChanged + recipientChanged == 0; }
        friend bool operator==(const Effect &, const Effect &) = default;
    };

    RulesChange(Database &db, Store &store, const Clock &clock);

    // The reason withdrawn messages carry.
    static QString reasonRulesChanged() { return QStringLiteral("rules changed"); }

    // Read-only: what apply() would do now.
    Effect preview(const RuleSet &current, const RuleSet &proposed);
    // Does it, in one transaction with one audit entry ("rules_changed", the effect as details).
    // Throws StorageError (nothing changed then). The caller wakes the dispatcher afterwards: a
    // message may now be due earlier than it planned to look.
    Effect apply(const RuleSet &current, const RuleSet &proposed, const OperatorActions::Actor &actor);

private:
    Effect run(const RuleSet &current, const RuleSet &proposed, bool write);

    Database &m_db;
    Store &m_store;
    const Clock &m_clock;
};

} // namespace deskbell
