#pragma once

#include "domain/Message.h"
#include "domain/Rules.h"
#include "engine/OperatorActions.h"

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
class RulesChange
{
public:
    struct Effect
    {
        int retimed = 0;          // pending messages whose due time moves
        int added = 0;            // messages the new rules add (a new reminder offset, a kind turned on)
        int withdrawn = 0;        // pending messages the new rules remove (canceled, with the reason)
        int templateChanged = 0;  // pending messages whose template id changes
        int recipientChanged = 0; // host notifications whose host phone changes
        int meetings = 0;         // distinct appointments with at least one change
        // "Re-times 14 reminders for 9 meetings, adds 3, cancels 2." or "Changes no planned message."
        QString summary() const;
        bool isEmpty() const { return retimed + added + withdrawn + templateChanged + recipientChanged == 0; }
    };

    RulesChange(Database &db, Store &store, const Clock &clock);

    // Read-only: what apply() would do now.
    Effect preview(const RuleSet &current, const RuleSet &proposed);
    // Does it, in one transaction with one audit entry ("rules changed", the effect as details).
    // Throws StorageError (nothing changed then).
    Effect apply(const RuleSet &current, const RuleSet &proposed, const OperatorActions::Actor &actor);

private:
    Effect run(const RuleSet &current, const RuleSet &proposed, bool write);

    Database &m_db;
    Store &m_store;
    const Clock &m_clock;
};

} // namespace deskbell
