#pragma once

#include "domain/Rules.h"

#include <QString>
#include <QStringList>

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

} // namespace deskbell::test
