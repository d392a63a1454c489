#pragma once

#include "storage/Database.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace deskbell {

// Moves a desk from its own SQLite file to a shared PostgreSQL store (deskbell --migrate-to): copies
// every Deskbell table, keeping ids, in one PostgreSQL transaction, then checks the copy. The target
// must hold no Deskbell rows: merging two desks' histories would mix up ids and double-plan messages.
class StoreMigrator
{
public:
    struct TableReport
    {
        QString table;
        qint64 sourceRows = 0;
        qint64 targetRows = 0;
        // Sum of the ids (0 for a table without an id column): a cheap check that the same rows arrived.
        qint64 sourceIdSum = 0;
        qint64 targetIdSum = 0;

        bool matches() const { return sourceRows == targetRows && sourceIdSum == targetIdSum; }
    };

    struct Report
    {
        bool ok = false; // copied, verified and committed
        QString error;   // plain words, never a password; empty when ok
        QString source;  // Database::describe() of each side
        QString target;
        QList<TableReport> tables; // in copy order; filled as far as the copy got

        // A plain-text table of the counts per table, one line each, for a terminal.
        QString countsTable() const;
    };

    // The tables that are copied, in an order that satisfies the foreign keys. Excluded: schema_meta
    // (each side has its own version) and instances (which program runs where: live state, not data).
    static QStringList copiedTables(const QStringList &tables);

    // source: a SQLite location; target: a PostgreSQL one. Refuses while a Deskbell uses the SQLite
    // file (its lock file), when the target already holds Deskbell rows, or is of a newer schema.
    // Both databases are brought to the current schema version first. Synchronous; opens connections
    // of its own on the calling thread.
    static Report copy(const Database::Location &source, const Database::Location &target);
};

} // namespace deskbell
