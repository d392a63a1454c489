#include "support/TestDatabase.h"

#include "storage/SqlDialect.h"
#include "storage/StorageError.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace deskbell::test {

using namespace Qt::StringLiterals;

namespace {

const char URL_VARIABLE[] = "DESKBELL_TEST_POSTGRES_URL";
const QString ADMIN_CONNECTION = u"deskbell-test-admin"_s;

// The database the url names (with-postgres.sh: "postgres" on its throwaway server). Each test works in
// a schema of its own there: making one takes milliseconds, a database a few hundred.
Database::Location server()
{
    static const Database::Location location = [] {
        Database::Location parsed;
        QString why;
        if (!Database::parseUrl(qEnvironmentVariable(URL_VARIABLE), {}, &parsed, &why)) {
            qFatal("%s is not a usable PostgreSQL url: %s", URL_VARIABLE, qPrintable(why));
        }
        return parsed;
    }();
    return location;
}

// Kept for the whole run: one connection to create and drop the tests' schemas.
QSqlDatabase admin(QString *error)
{
    if (QSqlDatabase::contains(ADMIN_CONNECTION)) {
        return QSqlDatabase::database(ADMIN_CONNECTION);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, ADMIN_CONNECTION);
    if (!db.isValid()) {
        *error = u"the Qt PostgreSQL driver (QPSQL) is not installed: apt-get install libqt6sql6-psql"_s;
        return db;
    }
    configureConnection(db, server());
    if (!db.open()) {
        *error = u"cannot connect to the test server: %1"_s.arg(db.lastError().text());
    }
    return db;
}

QString quoted(const QString &identifier)
{
    return u'"' + identifier + u'"';
}

int nextSerial()
{
    static int serial = 0;
    return ++serial;
}

} // namespace

TestDatabase::TestDatabase() = default;

TestDatabase::~TestDatabase()
{
    reset();
}

bool TestDatabase::postgres()
{
    return qEnvironmentVariableIsSet(URL_VARIABLE);
}

Database::Location::Driver TestDatabase::driver()
{
    return postgres() ? Database::Location::Driver::Postgres : Database::Location::Driver::Sqlite;
}

QString TestDatabase::backendName()
{
    return postgres() ? u"PostgreSQL"_s : u"SQLite"_s;
}

QString TestDatabase::folder() const
{
    return m_dir ? m_dir->path() : QString();
}

Database::Location TestDatabase::fresh()
{
    reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_error.clear();
    m_valid = m_dir->isValid();
    if (!m_valid) {
        m_error = u"cannot create a temporary folder"_s;
        return {};
    }
    m_location = make(u"deskbell"_s);
    return m_location;
}

Database::Location TestDatabase::another(const QString &name)
{
    if (!m_dir) {
        m_dir = std::make_unique<QTemporaryDir>();
    }
    return make(name);
}

Database::Location TestDatabase::make(const QString &name)
{
    Database::Location location;
    if (!postgres()) {
        location.path = m_dir->filePath(name.endsWith(u".db"_s) ? name : name + u".db"_s);
        location.url = u"sqlite:"_s + location.path;
        return location;
    }
    // Unique in the database even when several test programs share it.
    QString suffix = name.toLower();
    suffix.replace(QRegularExpression(u"[^a-z0-9]+"_s), u"_"_s);
    const QString schema =
        u"dbt_%1_%2_%3"_s.arg(QCoreApplication::applicationPid()).arg(nextSerial()).arg(suffix.left(20));
    QString why;
    QSqlDatabase db = admin(&why);
    if (why.isEmpty()) {
        QSqlQuery q(db);
        if (q.exec(u"CREATE SCHEMA "_s + quoted(schema))) {
            m_schemas.append(schema);
        } else {
            why = u"cannot create the schema %1: %2"_s.arg(schema, q.lastError().text());
        }
    }
    if (!why.isEmpty()) {
        m_valid = false;
        m_error = why;
        return {};
    }
    location = server();
    location.schema = schema;
    location.url.clear(); // Database::describe() then names this schema, without the password
    return location;
}

void TestDatabase::reset()
{
    if (!m_schemas.isEmpty()) {
        QString why;
        QSqlDatabase db = admin(&why);
        for (const QString &schema : std::as_const(m_schemas)) {
            QSqlQuery q(db);
            if (!q.exec(u"DROP SCHEMA IF EXISTS %1 CASCADE"_s.arg(quoted(schema)))) {
                qWarning().noquote() << u"cannot drop the test schema %1: %2"_s.arg(schema,
                                                                                    q.lastError().text());
            }
        }
        m_schemas.clear();
    }
    m_dir.reset();
    m_location = {};
    m_valid = false;
}

// ---- RawConnection

RawConnection::RawConnection(const Database::Location &location)
{
    static int serial = 0;
    m_name = u"deskbell-test-raw-%1"_s.arg(++serial);
    m_db = QSqlDatabase::addDatabase(Database::dialect(location.driver).driverName(), m_name);
    configureConnection(m_db, location);
    if (!m_db.open()) {
        m_openError = m_db.lastError().text();
    } else if (!location.schema.isEmpty()) {
        QSqlQuery q(m_db);
        if (!q.exec(u"SET search_path TO "_s + quoted(location.schema))) {
            m_openError = q.lastError().text();
        }
    }
}

RawConnection::~RawConnection()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

QStringList RawConnection::tables() const
{
    QSqlDatabase db = m_db;
    const SqlDialect &dialect = db.driverName() == u"QPSQL"_s ? SqlDialect::postgres() : SqlDialect::sqlite();
    try {
        return dialect.tables(db);
    } catch (const StorageError &e) {
        qWarning().noquote() << e.message();
        return {};
    }
}

QString RawConnection::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(m_db);
    if (values.isEmpty()) { // PostgreSQL cannot prepare DDL
        return q.exec(sql) ? QString() : q.lastError().text();
    }
    if (!q.prepare(sql)) {
        return q.lastError().text();
    }
    for (const QVariant &value : values) {
        q.addBindValue(value);
    }
    return q.exec() ? QString() : q.lastError().text();
}

void configureConnection(QSqlDatabase &db, const Database::Location &location)
{
    if (location.driver == Database::Location::Driver::Sqlite) {
        db.setDatabaseName(location.path);
        return;
    }
    db.setHostName(location.host);
    db.setPort(location.port);
    db.setUserName(location.user);
    db.setPassword(location.password);
    db.setDatabaseName(location.database);
    db.setConnectOptions(u"connect_timeout=%1"_s.arg(location.connectTimeoutSecs));
}

bool isUniqueViolation(const QString &error)
{
    return error.contains(u"UNIQUE constraint failed"_s) ||
           error.contains(u"duplicate key value violates unique constraint"_s);
}

bool isForeignKeyViolation(const QString &error)
{
    return error.contains(u"FOREIGN KEY constraint failed"_s) ||
           error.contains(u"violates foreign key constraint"_s);
}

bool isCheckViolation(const QString &error)
{
    return error.contains(u"CHECK constraint failed"_s) || error.contains(u"violates check constraint"_s);
}

QString typeOfSql(const QString &expression)
{
    return TestDatabase::postgres() ? u"pg_typeof(%1)::text"_s.arg(expression)
                                    : u"typeof(%1)"_s.arg(expression);
}

} // namespace deskbell::test
