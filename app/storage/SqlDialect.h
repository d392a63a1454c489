#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace deskbell {

// The SQL that differs between SQLite and PostgreSQL, each backend's in one place (SqlDialect.cpp).
// Everything else the storage layer writes is SQL both understand: ON CONFLICT upserts, CASE,
// COALESCE, substr, replace, lower, LIMIT/OFFSET with bound values. The schema's own differences
// (types, identity columns, table rebuilds) are in the two migration lists of Database.cpp.
// Get one from Database::dialect(); both are stateless singletons, usable from any thread.
class SqlDialect
{
public:
    enum class Backend
    {
        Sqlite,
        Postgres,
    };

    static const SqlDialect &sqlite();
    static const SqlDialect &postgres();

    virtual ~SqlDialect() = default;
    virtual Backend backend() const = 0;
    virtual QString driverName() const = 0; // the Qt SQL driver: QSQLITE, QPSQL

    // ---- inserts
    // An INSERT into a table with an id column, completed so that insertedId() can read the new id
    // (PostgreSQL: "... RETURNING id"; its Qt driver has no last-insert id).
    virtual QString returningId(const QString &insert) const = 0;
    // After exec() of returningId(): the id of the row inserted, or 0 when none was (ON CONFLICT DO
    // NOTHING met an existing row).
    virtual qint64 insertedId(QSqlQuery &q) const = 0;

    // ---- expressions
    // The operator for a case-insensitive match against a LIKE pattern. Text columns compare
    // byte-wise on both backends (COLLATE "C" on PostgreSQL), so this folds ASCII letters only.
    virtual QString caseInsensitiveLike() const = 0;
    // The 1-based position of needle in haystack, 0 when absent (both are SQL expressions).
    virtual QString position(const QString &haystack, const QString &needle) const = 0;
    // A text expression as a 64-bit integer; NULL or 0 when it is not a number, never an error.
    virtual QString textToInteger(const QString &text) const = 0;

    // ---- claiming rows (several instances on one store)
    // The clause ending a SELECT inside a write transaction that locks the rows it returns and passes
    // over rows another transaction holds, so two instances never pick the same row and never wait on
    // each other (PostgreSQL: FOR UPDATE SKIP LOCKED). Empty on SQLite, whose write transaction
    // (BEGIN IMMEDIATE) already excludes every other writer of the file.
    virtual QString lockSkipLocked() const = 0;

    // ---- sessions and transactions
    // Statements run right after the connection opened: the settings the rest of the code relies on.
    // SQLite's pragmas need the file's path for their messages and stay in Database.cpp.
    virtual QStringList sessionSetup() const = 0;
    // Starts a transaction that will write.
    virtual QStringList beginWrite() const = 0;
    // Run inside beginWrite()'s transaction before migrating: waits until no other process migrates.
    virtual QStringList migrationLock() const = 0;
    // Makes the session refuse writes (the console's reading connection).
    virtual QStringList readOnlySession() const = 0;

    // ---- schema
    // The tables of the database (PostgreSQL: of the current schema). Throws StorageError.
    virtual QStringList tables(QSqlDatabase &db) const = 0;

    // ---- tests and benchmarks
    // The database's plan for sql with these positional values, one line per step; nullopt when the
    // backend cannot say.
    virtual std::optional<QStringList> explain(QSqlDatabase &db, const QString &sql,
                                               const QVariantList &values) const = 0;

protected:
    SqlDialect() = default;
    SqlDialect(const SqlDialect &) = delete;
    SqlDialect &operator=(const SqlDialect &) = delete;
};

} // namespace deskbell
