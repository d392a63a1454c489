#pragma once

#include "domain/Message.h"
#include "domain/Rules.h"

#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace deskbell {
class Store;
}

namespace deskbell::test {

// Reminders 1440 and 60 minutes before, Thai numbers, Bangkok time, and a template "T-<kind>" for
// every message kind: the rules most booking stories are told with.
RuleSet everyKindRules();

// "kind/offset/state[/reason]" for each outbox row of an invitee, sorted: two histories compare
// as two lists, and a failure shows the whole story.
QStringList outboxSummary(Store &store, const QString &inviteeUri);

// The planner's own message (generation 0) of this kind and offset for the invitee; stops the test
// (qFatal) when there is none, as nothing after it could make sense.
OutboxMessage plannedMessage(Store &store, const QString &inviteeUri, MessageKind kind, int offsetMin);

// Every row of these tables as "table: value|value|...", in rowid order (PostgreSQL: by the first
// column, each table's key): what a refused action or a preview must leave exactly as it was.
QStringList tableRows(const QSqlDatabase &db, const QStringList &tables);

} // namespace deskbell::test
