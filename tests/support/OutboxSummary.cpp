#include "OutboxSummary.h"

#include "storage/Store.h"

namespace deskbell::test {

using namespace Qt::StringLiterals;

RuleSet everyKindRules()
{
    RuleSet set;
    set.defaults.reminderOffsetsMin = {1440, 60};
    set.defaults.defaultRegion = u"TH"_s;
    set.defaults.fallbackTimezone = u"Asia/Bangkok"_s;
    for (MessageKind kind : allMessageKinds()) {
        set.defaults.templates.insert(kind, u"T-"_s + keyOf(kind));
    }
    return set;
}

QStringList outboxSummary(Store &store, const QString &inviteeUri)
{
    QStringList lines;
    for (const auto &m : store.messagesForInvitee(inviteeUri)) {
        QString line = u"%1/%2/%3"_s.arg(keyOf(m.kind)).arg(m.offsetMin).arg(keyOf(m.state));
        if (!m.skipReason.isEmpty()) {
            line += u'/' + m.skipReason;
        }
        lines.append(line);
    }
    lines.sort();
    return lines;
}

} // namespace deskbell::test
