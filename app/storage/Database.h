#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace deskbell {

class SqlDialect;

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
        QString url;  // as configured, for messages (never holds a password: see parseUrl())

        // PostgreSQL: the parts of the url.
        QString host; // name, address, or the folder of the server's Unix socket; empty: libpq's default
        int port = 5432;
        QString user;     // empty: libpq's default (the OS user name)
        QString database; // never empty
        // The schema holding Deskbell's tables (it must exist); empty: the first of the server's
        // search_path, normally "public". Lets several desks, or Deskbell and another program, share
        // one database.
        QString schema;
        QString sslMode; // libpq's sslmode (disable ... verify-full); empty: libpq's default, "prefer"
        int connectTimeoutSecs = 10;
        // A secret: never logged, never in url or in a message. From the url when it holds one; a caller
        // may set it (the keychain) before open(). When empty, open() uses DESKBELL_DB_PASSWORD, and
        // else connects without one (peer or trust authentication, a ~/.pgpass entry).
        QString password;
    };

    // "" -> SQLite at defaultSqlitePath; "sqlite:PATH" -> that file;
    // "postgresql://[user[:password]@][host][:port]/database[?param=value&...]" (also "postgres://")
    // -> PostgreSQL. Returns false with *error set for a bad url (*out is then unchanged).
    //
    // SQLite: PATH may be absolute ("sqlite:/var/x.db", also "sqlite:///var/x.db") or relative
    // ("sqlite:x.db"): relative paths are resolved against the current directory of the process at
    // parse time, so *out always holds an absolute, cleaned path.
    //
    // PostgreSQL, as libpq reads such a url: user, password, host and database are percent-decoded
    // ("%40" for "@"); a host starting with "/" (encoded "%2F", or given as ?host=/run/postgresql) is
    // the folder of a Unix socket; an IPv6 address goes in brackets. Parameters: host, port, user,
    // password, dbname (they override the parts before "?"), sslmode, connect_timeout (seconds, 10
    // when not given) and schema (Deskbell's own; a plain name). One server only, and the database
    // must be named.
    //
    // Surrounding spaces are ignored and the scheme is case-insensitive. out->url is the trimmed text
    // as configured with any password replaced, or "sqlite:<default path>" for "". Error messages
    // never repeat a password.
    static bool parseUrl(const QString &url, const QString &defaultSqlitePath, Location *out, QString *error);

    // Where a location is, for messages: the SQLite file, or the PostgreSQL url without its password.
    static QString describe(const Location &location);

    // The environment variable open() reads a PostgreSQL password from when the location has none.
    static QString passwordVariable();
    // Sets a QPSQL connection up for location without opening it: host, port, user, database, connect
    // timeout, sslmode, the application name the server shows, and the password (location's, else
    // passwordVariable()'s). Returns that password, so that the caller can keep it out of messages.
    static QString preparePostgres(QSqlDatabase &db, const Location &location,
                                   const QString &applicationName);

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

    // SQLite: opens (creating the file and its folder if needed), sets pragmas (WAL, foreign keys,
    // busy timeout, synchronous=NORMAL) and migrates. PostgreSQL: connects (giving up after the
    // location's connect timeout), sets the session up and migrates; the database must exist, and
    // its current schema (normally "public") must hold Deskbell's tables or none. Throws StorageError
    // on any failure, also when the database was written by a newer Deskbell (version above
    // schemaVersion()); the connection is closed again then. Call open() and close() in the thread
    // that uses the connection.
    void open(const Location &location);
    // Also called by the destructor. No QSqlQuery, QSqlDatabase copy or Transaction of this
    // connection may outlive it (Qt would warn that the connection is still in use).
    void close();
    bool isOpen() const { return m_open; }

    QSqlDatabase connection() const;
    int currentVersion() const; // version stored in the database
    QString connectionName() const { return m_connectionName; }
    // The SQL of the backend this database was opened on (SQLite's before open()).
    const SqlDialect &dialect() const;
    static const SqlDialect &dialect(Location::Driver driver);

private:
    void openSqlite(const Location &location);
    void openPostgres(const Location &location);
    void migrate();
    QList<MigrationStep> steps() const;

    friend class Transaction;

    QString m_connectionName;
    std::optional<QList<MigrationStep>> m_steps; // set by the test constructor only
    Location m_location;
    bool m_open = false; // the connection m_connectionName is registered by this object
    // A Transaction is running. PostgreSQL only warns about a BEGIN inside a transaction, and the
    // inner Transaction would then commit or roll back the outer one's work: refuse it here.
    mutable bool m_inTransaction = false;
};

// RAII transaction: rolls back in the destructor unless commit() was called. commit() throws
// StorageError when the database refuses it. Transactions do not nest. On SQLite it starts with
// BEGIN IMMEDIATE, so a writer in another process makes us wait (busy_timeout) instead of failing;
// on PostgreSQL with BEGIN ISOLATION LEVEL READ COMMITTED (why: SqlDialect.cpp). On PostgreSQL a
// failed statement spoils the whole transaction: after a StorageError, let it roll back.
class Transaction
{
public:
    explicit Transaction(const Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    const Database &m_owner;
    QSqlDatabase m_db;
    bool m_done = false;
};

} // namespace deskbell
