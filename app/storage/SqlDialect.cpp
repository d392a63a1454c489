#include "storage/SqlDialect.h"

#include "storage/StorageError.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

QSqlQuery forwardQuery(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    return q;
}

// ---- SQLite

class SqliteDialect final : public SqlDialect
{
public:
    Backend backend() const override { return Backend::Sqlite; }
    QString driverName() const override { return u"QSQLITE"_s; }

    QString returningId(const QString &insert) const override { return insert; }
    qint64 insertedId(QSqlQuery &q) const override
    {
        // On a conflict lastInsertId() still holds the previous insert's id: only the count tells.
        return q.numRowsAffected() > 0 ? q.lastInsertId().toLongLong() : 0;
    }

    // SQLite's LIKE ignores the case of ASCII letters by itself.
    QString caseInsensitiveLike() const override { return u"LIKE"_s; }
    QString position(const QString &haystack, const QString &needle) const override
    {
        return u"instr(%1, %2)"_s.arg(haystack, needle);
    }
    // SQLite reads the leading digits and gives 0 for none.
    QString textToInteger(const QString &text) const override { return u"CAST(%1 AS INTEGER)"_s.arg(text); }

    QString lockSkipLocked() const override { return {}; }

    QStringList sessionSetup() const override { return {}; }
    // BEGIN IMMEDIATE takes SQLite's write lock at once: a second process waits for it (busy_timeout)
    // instead of failing with SQLITE_BUSY when its read transaction later tries to write.
    QStringList beginWrite() const override { return {u"BEGIN IMMEDIATE"_s}; }
    QStringList migrationLock() const override { return {}; } // BEGIN IMMEDIATE already holds it
    QStringList readOnlySession() const override { return {u"PRAGMA query_only = ON"_s}; }

    QStringList tables(QSqlDatabase &db) const override { return db.tables(QSql::Tables); }

    std::optional<QStringList> explain(QSqlDatabase &db, const QString &sql,
                                       const QVariantList &values) const override
    {
        QSqlQuery q = forwardQuery(db);
        if (!q.prepare(u"EXPLAIN QUERY PLAN "_s + sql)) {
            return std::nullopt;
        }
        for (const QVariant &value : values) {
            q.addBindValue(value);
        }
        if (!q.exec()) {
            return std::nullopt;
        }
        QStringList plan;
        while (q.next()) {
            plan.append(q.value(3).toString()); // id, parent, notused, detail
        }
        return plan;
    }
};

// ---- PostgreSQL

class PostgresDialect final : public SqlDialect
{
public:
    Backend backend() const override { return Backend::Postgres; }
    QString driverName() const override { return u"QPSQL"_s; }

    QString returningId(const QString &insert) const override { return insert + u" RETURNING id"_s; }
    qint64 insertedId(QSqlQuery &q) const override { return q.next() ? q.value(0).toLongLong() : 0; }

    QString caseInsensitiveLike() const override { return u"ILIKE"_s; }
    QString position(const QString &haystack, const QString &needle) const override
    {
        return u"strpos(%1, %2)"_s.arg(haystack, needle);
    }
    // A cast of text that is not a number is an error in PostgreSQL, which would fail the whole query
    // for one odd row: test first. 18 digits always fit a BIGINT.
    QString textToInteger(const QString &text) const override
    {
        return u"(CASE WHEN %1 ~ '^[0-9]{1,18}$' THEN CAST(%1 AS BIGINT) END)"_s.arg(text);
    }

    // PostgreSQL 9.5 and later. ORDER BY and LIMIT apply to the rows left after skipping, so each
    // claimer gets the earliest rows nobody else holds.
    QString lockSkipLocked() const override { return u"FOR UPDATE SKIP LOCKED"_s; }

    QStringList sessionSetup() const override
    {
        return {
            // libpq prints NOTICEs on stderr ("relation ... already exists, skipping").
            u"SET client_min_messages TO warning"_s,
            // A backslash in a literal is a backslash (LIKE ... ESCAPE '\'), as in SQLite. On by
            // default since PostgreSQL 9.1; a server configured otherwise must not change our SQL.
            u"SET standard_conforming_strings TO on"_s,
        };
    }
    // READ COMMITTED, and not SERIALIZABLE: every rule the store keeps is kept by the database itself,
    // statement by statement: unique keys (one message per key, one applied event per dedupe key),
    // CHECKs, foreign keys, and state changes written as UPDATE ... WHERE state IN (...), which
    // PostgreSQL re-checks on the row's newest version after waiting for its lock. No rule depends on
    // a snapshot spanning statements, so SERIALIZABLE would add only serialization failures (40001)
    // that every caller would have to retry. Where a transaction reads and then writes (the next
    // generation of a resend), the unique key turns a race into an error, never a duplicate. Claiming
    // messages across instances (FOR UPDATE SKIP LOCKED) is a READ COMMITTED design too. Said
    // explicitly, so a server whose default is another level does not change our semantics.
    QStringList beginWrite() const override { return {u"BEGIN ISOLATION LEVEL READ COMMITTED"_s}; }
    // Two instances starting together would both find the schema old and both create its tables; the
    // transaction-scoped advisory lock makes the second wait and then find it current. The key is
    // "Deskbell" in ASCII, so it is recognizable in pg_locks.
    QStringList migrationLock() const override
    {
        return {u"SELECT pg_advisory_xact_lock(4928472272276384876)"_s};
    }
    QStringList readOnlySession() const override
    {
        return {u"SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"_s};
    }

    QStringList tables(QSqlDatabase &db) const override
    {
        QSqlQuery q = forwardQuery(db);
        if (!q.exec(
                u"SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"_s)) {
            throw StorageError(u"cannot list the tables: %1"_s.arg(q.lastError().text()));
        }
        QStringList names;
        while (q.next()) {
            names.append(q.value(0).toString());
        }
        return names;
    }

    // EXPLAIN cannot be prepared in PostgreSQL, so the values go in as literals, quoted by the driver.
    std::optional<QStringList> explain(QSqlDatabase &db, const QString &sql,
                                       const QVariantList &values) const override
    {
        QString text;
        qsizetype next = 0;
        for (const QChar c : sql) {
            if (c != u'?') {
                text += c;
                continue;
            }
            if (next >= values.size()) {
                return std::nullopt;
            }
            const QVariant &value = values.at(next++);
            QSqlField field(QString(), value.metaType());
            field.setValue(value);
            text += db.driver()->formatValue(field);
        }
        QSqlQuery q = forwardQuery(db);
        if (next != values.size() || !q.exec(u"EXPLAIN "_s + text)) {
            return std::nullopt;
        }
        QStringList plan;
        while (q.next()) {
            plan.append(q.value(0).toString());
        }
        return plan;
    }
};

} // namespace

const SqlDialect &SqlDialect::sqlite()
{
    static const SqliteDialect dialect;
    return dialect;
}

const SqlDialect &SqlDialect::postgres()
{
    static const PostgresDialect dialect;
    return dialect;
}

} // namespace deskbell
