#include "storage/StoreMigrator.h"

#include "storage/SqlDialect.h"
#include "storage/StorageError.h"

#include <QFileInfo>
#include <QLockFile>
#include <QLoggingCategory>
#include <QMetaType>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <atomic>

namespace deskbell {

Q_LOGGING_CATEGORY(lcMigrator, "deskbell.storage.migrate")

using namespace Qt::StringLiterals;

namespace {

// The copy order: a table comes after the tables its foreign keys point to (outbox -> appointments).
// Tables a later schema adds, and this list does not name, follow in name order.
const QStringList ORDER{u"appointments"_s, u"booking_events"_s, u"outbox"_s,     u"opt_outs"_s,
                        u"audit_log"_s,    u"engine_state"_s,   u"message_log"_s};
const QStringList NOT_COPIED{u"schema_meta"_s, u"instances"_s};
// Rows per INSERT: fewer round trips, far below PostgreSQL's 65,535 parameters per statement.
constexpr int BATCH_ROWS = 200;

QString quoted(const QString &identifier)
{
    return u'"' + QString(identifier).replace(u'"', u"\"\""_s) + u'"';
}

int nextSerial()
{
    static std::atomic<int> serial{0};
    return ++serial;
}

QSqlQuery run(QSqlDatabase db, const QString &sql, const QVariantList &values, const QString &what)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        throw StorageError(u"%1: %2"_s.arg(what, q.lastError().text()));
    }
    for (const QVariant &value : values) {
        q.addBindValue(value);
    }
    if (!q.exec()) {
        throw StorageError(u"%1: %2"_s.arg(what, q.lastError().text()));
    }
    return q;
}

struct Column
{
    QString name;
    QMetaType type; // what the PostgreSQL column takes: QByteArray, QString or qlonglong
    bool identity = false;
};

// The target table's columns, in their order.
QList<Column> targetColumns(QSqlDatabase db, const QString &table)
{
    QSqlQuery q = run(db,
                      u"SELECT column_name, data_type, is_identity FROM information_schema.columns"
                      " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position"_s,
                      {table}, u"cannot read the columns of %1"_s.arg(table));
    QList<Column> columns;
    while (q.next()) {
        Column c;
        c.name = q.value(0).toString();
        const QString type = q.value(1).toString();
        c.type = type == u"bytea"_s ? QMetaType::fromType<QByteArray>()
                 : type == u"bigint"_s || type == u"integer"_s || type == u"smallint"_s
                     ? QMetaType::fromType<qlonglong>()
                     : QMetaType::fromType<QString>();
        c.identity = q.value(2).toString() == u"YES"_s;
        columns.append(c);
    }
    return columns;
}

QStringList sourceColumns(QSqlDatabase db, const QString &table)
{
    QSqlQuery q = run(db, u"PRAGMA table_info(%1)"_s.arg(quoted(table)), {},
                      u"cannot read the columns of %1"_s.arg(table));
    QStringList names;
    while (q.next()) {
        names.append(q.value(1).toString());
    }
    return names;
}

// SQLite keeps what it was given (a number in a text column, text in a blob one): hand PostgreSQL
// each value as its column's type, so a JSON body with backslashes is bytes, not bytea escapes.
QVariant asTargetValue(const QVariant &value, const QMetaType &type)
{
    if (value.isNull()) {
        return QVariant(type);
    }
    if (type == QMetaType::fromType<QByteArray>()) {
        return value.toByteArray();
    }
    if (type == QMetaType::fromType<qlonglong>()) {
        return value.toLongLong();
    }
    return value.toString();
}

struct Tally
{
    qint64 rows = 0;
    qint64 idSum = 0;
};

Tally tally(QSqlDatabase db, const QString &table, bool hasId)
{
    QSqlQuery q = run(db,
                      hasId ? u"SELECT count(*), coalesce(sum(id), 0) FROM %1"_s.arg(quoted(table))
                            : u"SELECT count(*), 0 FROM %1"_s.arg(quoted(table)),
                      {}, u"cannot count the rows of %1"_s.arg(table));
    if (!q.next()) {
        throw StorageError(u"cannot count the rows of %1"_s.arg(table));
    }
    return {q.value(0).toLongLong(), q.value(1).toLongLong()};
}

void copyTable(QSqlDatabase from, QSqlDatabase to, const QString &table, const QList<Column> &columns,
               bool hasId)
{
    QStringList names;
    bool identity = false;
    for (const Column &c : columns) {
        names.append(quoted(c.name));
        identity = identity || c.identity;
    }
    QSqlQuery read = run(from,
                         u"SELECT %1 FROM %2%3"_s.arg(names.join(u", "_s), quoted(table),
                                                      hasId ? u" ORDER BY id"_s : QString()),
                         {}, u"cannot read %1 from the SQLite database"_s.arg(table));
    const QString placeholders = u'(' + QStringList(columns.size(), u"?"_s).join(u", "_s) + u')';
    // Ids are kept: PostgreSQL's identity columns take them once told to.
    const auto insertFor = [&](int rows) {
        return u"INSERT INTO %1 (%2)%3 VALUES %4"_s.arg(quoted(table), names.join(u", "_s),
                                                        identity ? u" OVERRIDING SYSTEM VALUE"_s : QString(),
                                                        QStringList(rows, placeholders).join(u", "_s));
    };
    QSqlQuery full(to);
    if (!full.prepare(insertFor(BATCH_ROWS))) {
        throw StorageError(u"cannot copy %1: %2"_s.arg(table, full.lastError().text()));
    }
    QVariantList batch;
    int rows = 0;
    const auto flush = [&](QSqlQuery &q) {
        for (const QVariant &value : std::as_const(batch)) {
            q.addBindValue(value);
        }
        if (!q.exec()) {
            throw StorageError(u"cannot copy %1: %2"_s.arg(table, q.lastError().text()));
        }
        batch.clear();
        rows = 0;
    };
    while (read.next()) {
        for (int i = 0; i < columns.size(); ++i) {
            batch.append(asTargetValue(read.value(i), columns.at(i).type));
        }
        if (++rows == BATCH_ROWS) {
            flush(full);
        }
    }
    if (read.lastError().isValid()) {
        throw StorageError(
            u"cannot read %1 from the SQLite database: %2"_s.arg(table, read.lastError().text()));
    }
    if (rows > 0) {
        QSqlQuery rest(to);
        if (!rest.prepare(insertFor(rows))) {
            throw StorageError(u"cannot copy %1: %2"_s.arg(table, rest.lastError().text()));
        }
        flush(rest);
    }
    if (identity) {
        // The next id PostgreSQL hands out follows the copied ones (1 for an empty table).
        run(to,
            u"SELECT setval(pg_get_serial_sequence(quote_ident(current_schema()) || '.' || quote_ident(?), "
            u"'id'),"
            " coalesce((SELECT max(id) FROM %1), 0) + 1, false)"_s.arg(quoted(table)),
            {table}, u"cannot move on the ids of %1"_s.arg(table));
    }
}

} // namespace

QString StoreMigrator::Report::countsTable() const
{
    int width = 5;
    for (const auto &t : tables) {
        width = std::max(width, int(t.table.size()));
    }
    QString text = u"%1  %2  %3\n"_s.arg(u"table"_s.leftJustified(width), u"SQLite"_s.rightJustified(10),
                                         u"PostgreSQL"_s.rightJustified(10));
    for (const auto &t : tables) {
        text += u"%1  %2  %3  %4\n"_s.arg(t.table.leftJustified(width))
                    .arg(t.sourceRows, 10)
                    .arg(t.targetRows, 10)
                    .arg(t.matches() ? u"ok"_s : u"MISMATCH"_s);
    }
    return text;
}

QStringList StoreMigrator::copiedTables(const QStringList &tables)
{
    QStringList known;
    QStringList others;
    for (const QString &t : ORDER) {
        if (tables.contains(t)) {
            known.append(t);
        }
    }
    for (const QString &t : tables) {
        if (!ORDER.contains(t) && !NOT_COPIED.contains(t) && !t.startsWith(u"sqlite_"_s)) {
            others.append(t);
        }
    }
    others.sort();
    return known + others;
}

StoreMigrator::Report StoreMigrator::copy(const Database::Location &source, const Database::Location &target)
{
    Report report;
    report.source = Database::describe(source);
    report.target = Database::describe(target);
    if (source.driver != Database::Location::Driver::Sqlite) {
        report.error = u"the desk's store %1 is not a SQLite file: nothing to copy"_s.arg(report.source);
        return report;
    }
    if (target.driver != Database::Location::Driver::Postgres) {
        report.error = u"the target must be a postgresql:// url"_s;
        return report;
    }
    if (!QFileInfo::exists(source.path)) {
        report.error = u"there is no SQLite database at %1"_s.arg(source.path);
        return report;
    }
    // The lock a running Deskbell holds (Engine::acquireLock): held here too, so none starts meanwhile
    // and writes what the copy would miss.
    QLockFile lock(source.path + u".lock"_s);
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString app;
        lock.getLockInfo(&pid, &host, &app);
        report.error = lock.error() == QLockFile::LockFailedError
                           ? u"a Deskbell (process %1 on %2) is using %3: close it (and stop the service) "
                             "first, then run --migrate-to again"_s.arg(pid)
                                 .arg(host, source.path)
                           : u"cannot create the lock file next to %1"_s.arg(source.path);
        return report;
    }

    const int serial = nextSerial();
    Database from(u"deskbell_migrate_from_%1"_s.arg(serial));
    Database to(u"deskbell_migrate_to_%1"_s.arg(serial));
    try {
        from.open(source);
        to.open(target);
        QSqlDatabase fromDb = from.connection();
        QSqlDatabase toDb = to.connection();

        const QStringList targetTables = to.dialect().tables(toDb);
        QStringList occupied;
        for (const QString &table : targetTables) {
            if (table == u"schema_meta"_s) {
                continue;
            }
            const qint64 rows = tally(toDb, table, false).rows;
            if (rows > 0) {
                occupied.append(u"%1: %2"_s.arg(table).arg(rows));
            }
        }
        if (!occupied.isEmpty()) {
            const QString schema = target.schema.isEmpty() ? u"public"_s : target.schema;
            throw StorageError(
                u"%1 already holds Deskbell data (%2). Deskbell copies a desk only into an empty store, so "
                "two histories never mix. Name an empty schema with ?schema=<name> (CREATE SCHEMA <name> "
                "first), or, if that data is not needed, clear it with DROP SCHEMA %3 CASCADE; CREATE "
                "SCHEMA %3; (this deletes it) and run --migrate-to again."_s.arg(
                    report.target, occupied.join(u", "_s), quoted(schema)));
        }

        const QStringList tables = copiedTables(from.dialect().tables(fromDb));
        Transaction transaction(to);
        for (const QString &table : tables) {
            if (!targetTables.contains(table)) {
                throw StorageError(u"the shared store has no table %1"_s.arg(table));
            }
            const QStringList fromColumns = sourceColumns(fromDb, table);
            const QList<Column> toColumns = targetColumns(toDb, table);
            QList<Column> columns;
            for (const Column &c : toColumns) {
                if (fromColumns.contains(c.name)) {
                    columns.append(c);
                }
            }
            if (columns.size() != fromColumns.size()) {
                throw StorageError(u"the tables %1 differ between the two databases"_s.arg(table));
            }
            const bool hasId = fromColumns.contains(u"id"_s);
            qCInfo(lcMigrator).noquote() << u"copying %1"_s.arg(table);
            copyTable(fromDb, toDb, table, columns, hasId);
            TableReport row;
            row.table = table;
            const Tally before = tally(fromDb, table, hasId);
            const Tally after = tally(toDb, table, hasId);
            row.sourceRows = before.rows;
            row.sourceIdSum = before.idSum;
            row.targetRows = after.rows;
            row.targetIdSum = after.idSum;
            report.tables.append(row);
        }
        const bool allMatch = std::all_of(report.tables.cbegin(), report.tables.cend(),
                                          [](const TableReport &t) { return t.matches(); });
        if (!allMatch) {
            throw StorageError(u"the copy does not match the SQLite database (see the table); nothing was "
                               "written to the shared store"_s);
        }
        transaction.commit();
    } catch (const StorageError &e) {
        report.error = e.message();
        return report;
    }
    report.ok = true;
    return report;
}

} // namespace deskbell
