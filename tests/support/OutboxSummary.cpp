#include "OutboxSummary.h"

#include "storage/Store.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>

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

OutboxMessage plannedMessage(Store &store, const QString &inviteeUri, MessageKind kind, int offsetMin)
{
    for (const auto &m : store.messagesForInvitee(inviteeUri)) {
        if (m.kind == kind && m.offsetMin == offsetMin && m.generation == 0) {
            return m;
        }
    }
    qFatal("no %s/%d message", qPrintable(keyOf(kind)), offsetMin);
}

QStringList tableRows(const QSqlDatabase &db, const QStringList &tables)
{
    QStringList rows;
    for (const QString &table : tables) {
        QSqlQuery q(db);
        // PostgreSQL has no rowid; every table's first column is its key there, so the order is as stable.
        const QString order = db.driverName() == u"QSQLITE"_s ? u"rowid"_s : u"1"_s;
        if (!q.exec(u"SELECT * FROM %1 ORDER BY %2"_s.arg(table, order))) {
            qFatal("cannot read %s", qPrintable(table));
        }
        while (q.next()) {
            QStringList columns;
            for (int i = 0; i < q.record().count(); ++i) {
                columns.append(q.value(i).toString());
            }
            rows.append(table + u": "_s + columns.join(u'|'));
        }
    }
    return rows;
}

} // namespace deskbell::test
