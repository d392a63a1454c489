#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace deskbell {

// Owns one database connection (Qt allows a connection only in the thread that opened it) and brings
// the schema up to date with ordered, versioned migrations, all pending steps in one transaction.
class Database
{
public:
    struct Location
    {
        enum class Driver
        {
            Sqlite,
            Postgres,
        };
        Driver driver = Driver::Sqlite;
        QString path; // SQLite file
        QString url;  // as configured, for messages (never holds a password: see parse())
    };

    // "" -> SQLite at defaultSqlitePath; "sqlite:PATH" -> that file; "postgresql://..." -> Postgres
    // (not supported yet: returns an error). Returns false with *error set for a bad url (*out is
    // then unchanged). PATH may be absolute ("sqlite:/var/x.db", also "sqlite:///var/x.db") or
    // relative ("sqlite:x.db"): relative paths are resolved against the current directory of the
    // process at parse time, so *out always holds an absolute, cleaned path. Surrounding spaces are
    // ignored and the scheme is case-insensitive. out->url is the trimmed text as configured, or
    // "sqlite:<default path>" for "". Error messages never repeat a password.
    static bool parseUrl(const QString &url, const QString &defaultSqlitePath, Location *out, QString *error);

    // Schema version this build writes. Migrations 1..schemaVersion() are applied in order.
    static int schemaVersion();

    // One migration step: SQL statements run in order. Step i of a list (0-based) brings the schema
    // from version i to i + 1. Every dialect has its own list, all of length schemaVersion(), where
    // step i means the same change. Shipped steps are never edited: a change is a new step.
    using MigrationStep = QStringList;
    static QList<MigrationStep> migrationSteps(Location::Driver driver);

    explicit Database(QString connectionName);
    // Tests only: migrate with these steps instead of the build's own list, so a test can build an
    // older schema, upgrade it, and make a step fail.
    Database(QString connectionName, QList<MigrationStep> steps);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating the file and its folder if needed), sets pragmas (WAL, foreign keys,
    // busy timeout, synchronous=NORMAL) and migrates. Throws StorageError on any failure, also when
    // the file was written by a newer Deskbell (version above schemaVersion()); the connection is
    // closed again then. Call open() and close() in the thread that uses the connection.
    void open(const Location &location);
    // Also called by the destructor. No QSqlQuery, QSqlDatabase copy or Transaction of this
    // connection may outlive it (Qt would warn that the connection is still in use).
    void close();
    bool isOpen() const { return m_open; }

    QSqlDatabase connection() const;
    int currentVersion() const; // version stored in the database
    QString connectionName() const { return m_connectionName; }

private:
    void migrate();
    QList<MigrationStep> steps() const;

    QString m_connectionName;
    std::optional<QList<MigrationStep>> m_steps; // set by the test constructor only
    Location m_location;
    bool m_open = false; // the connection m_connectionName is registered by this object
};

// RAII transaction: rolls back in the destructor unless commit() was called. commit() throws
// StorageError when the database refuses it. Transactions do not nest. On SQLite it starts with
// BEGIN IMMEDIATE, so a writer in another process makes us wait (busy_timeout) instead of failing.
class Transaction
{
public:
    explicit Transaction(const Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    QSqlDatabase m_db;
    bool m_done = false;
};

} // namespace deskbell
