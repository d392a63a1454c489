#pragma once

#include "storage/Database.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariantList>

#include <memory>

namespace deskbell::test {

// Where a storage test keeps its data: a SQLite file in a temporary folder, or, when the test runs
// under support/with-postgres.sh (which sets DESKBELL_TEST_POSTGRES_URL), a schema of its own in
// the database that url names, on that throwaway PostgreSQL server. The same test binary runs on both: CTest
// runs it once plainly and once as <name>_pg under the launcher.
//
// Call fresh() in init(): every test function (and every row of its table) starts from an empty
// database (schema). What a TestDatabase created is dropped by reset(), the next fresh() and the
// destructor; close every Database on it first.
class TestDatabase
{
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    static bool postgres(); // this run is on PostgreSQL
    static Database::Location::Driver driver();
    static QString backendName(); // "SQLite" or "PostgreSQL", for messages

    // Drops what the previous fresh() made, then makes a new empty database. Returns its location; on
    // failure an invalid one (isValid() false) with the reason in error().
    Database::Location fresh();
    // Another empty database beside fresh()'s (an upgrade test's file per shipped version). name is the
    // SQLite file name, or becomes part of the PostgreSQL schema's name.
    Database::Location another(const QString &name);
    Database::Location location() const { return m_location; }
    bool isValid() const { return m_valid; }
    QString error() const { return m_error; }
    // A folder for the test's other files (SQLite: the database files are in it too).
    QString folder() const;
    // Drops every database this made (cleanup()).
    void reset();

private:
    Database::Location make(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList m_schemas; // PostgreSQL schemas to drop
    Database::Location m_location;
    bool m_valid = false;
    QString m_error;
};

// A plain connection that bypasses Database (no migration, no session settings, no password from
// the environment), for looking at or preparing a database as it is.
class RawConnection
{
public:
    explicit RawConnection(const Database::Location &location);
    ~RawConnection();
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    QString openError() const { return m_openError; }
    QSqlDatabase connection() const { return m_db; }
    // The tables of the database (PostgreSQL: of the location's schema).
    QStringList tables() const;
    // Runs sql with positional values; returns "" or the database's error text.
    QString exec(const QString &sql, const QVariantList &values = {});

private:
    QString m_name;
    QSqlDatabase m_db;
    QString m_openError;
};

// Connection parameters of a location on a QSqlDatabase of the right driver (QSQLITE or QPSQL).
void configureConnection(QSqlDatabase &db, const Database::Location &location);

// Raw SQL errors, in either backend's words.
bool isUniqueViolation(const QString &error);
bool isForeignKeyViolation(const QString &error);
bool isCheckViolation(const QString &error);
// SQL that names the storage type of an expression: "text", "integer", "bigint", ... (SQLite's
// typeof(), PostgreSQL's pg_typeof()).
QString typeOfSql(const QString &expression);

} // namespace deskbell::test
