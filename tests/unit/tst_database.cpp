// Opening, migrating and transactions, on SQLite and (as tst_database_pg, under
// support/with-postgres.sh) on PostgreSQL. Tests about files and folders are SQLite's alone; tests
// about servers, passwords and sessions are PostgreSQL's alone.

#include "domain/Appointment.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/StorageError.h"
#include "storage/Store.h"
#include "support/FakeClock.h"
#include "support/TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QThread>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

using Driver = Database::Location::Driver;

const QStringList TABLES{u"schema_meta"_s,  u"appointments"_s, u"booking_events"_s,
                         u"outbox"_s,       u"opt_outs"_s,     u"audit_log"_s,
                         u"engine_state"_s, u"message_log"_s,  u"instances"_s};

// Each Database needs its own connection name; tests open several at once.
QString nextConnectionName()
{
    static int counter = 0;
    return u"tst_database_%1"_s.arg(++counter);
}

QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        qWarning().noquote() << sql << q.lastError().text();
        return {};
    }
    return q.value(0);
}

QVariant scalar(const Database &db, const QString &sql)
{
    return scalar(db.connection(), sql);
}

// Runs a statement that returns no rows; "" or the database's error.
QString execute(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    return q.exec(sql) ? QString() : q.lastError().text();
}

// Every row of a query, each as column name -> value, for comparing a table before and after a step.
QList<QVariantMap> rows(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        qWarning().noquote() << sql << q.lastError().text();
        return {};
    }
    QList<QVariantMap> result;
    while (q.next()) {
        QVariantMap row;
        const QSqlRecord record = q.record();
        for (int i = 0; i < record.count(); ++i) {
            row.insert(record.fieldName(i), q.value(i));
        }
        result.append(row);
    }
    return result;
}

// Changes whenever the schema does: SQLite's schema cookie, or the row versions of the PostgreSQL
// catalog entries of the database's tables and indexes (any DDL rewrites them).
QString schemaStamp(const Database &db)
{
    if (test::TestDatabase::postgres()) {
        return scalar(db, u"SELECT string_agg(c.relname || ':' || c.xmin::text, ',' ORDER BY c.relname)"
                          " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                          " WHERE n.nspname = current_schema()"_s)
            .toString();
    }
    return scalar(db, u"PRAGMA schema_version"_s).toString();
}

QStringList tablesOf(const Database &db)
{
    QSqlDatabase connection = db.connection();
    return db.dialect().tables(connection);
}

// The real steps plus one more: what the next release will look like.
QList<Database::MigrationStep> stepsWithNext(const Database::MigrationStep &next)
{
    auto steps = Database::migrationSteps(test::TestDatabase::driver());
    steps.append(next);
    return steps;
}

// "migrating <where> from schema <from> to <to>", as a pattern for QTest::ignoreMessage.
QRegularExpression migratingLine(const Database::Location &location, const QString &from = u"\\d+"_s,
                                 const QString &to = u"\\d+"_s)
{
    return QRegularExpression(u"^migrating %1 from schema %2 to %3$"_s.arg(
        QRegularExpression::escape(Database::describe(location)), from, to));
}

Appointment sampleAppointment(const QString &uri)
{
    Appointment a;
    a.inviteeUri = uri;
    a.inviteeName = u"Somchai"_s;
    a.phoneE164 = u"+66812345678"_s;
    a.startUtc = QDateTime(QDate(2026, 11, 3), QTime(10, 0), Qt::UTC);
    return a;
}

// Collects every message logged while it lives.
class LogCapture
{
public:
    LogCapture()
    {
        s_capture = this;
        m_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        s_capture = nullptr;
    }
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;
    QStringList lines() const
    {
        QMutexLocker lock(&m_mutex);
        return m_lines;
    }

private:
    static void handle(QtMsgType, const QMessageLogContext &, const QString &message)
    {
        if (s_capture) {
            QMutexLocker lock(&s_capture->m_mutex);
            s_capture->m_lines.append(message);
        }
    }
    static inline LogCapture *s_capture = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QStringList m_lines;
};

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void parsesStorageUrls_data();
    void parsesStorageUrls();
    void parsesPostgresUrls_data();
    void parsesPostgresUrls();
    void refusesBadPostgresUrls_data();
    void refusesBadPostgresUrls();
    void everyBackendHasEveryStep();

    void migratesAnEmptyDatabase();
    void reopensACurrentDatabaseUnchanged();
    void upgradesAnOlderDatabaseKeepingItsRows();
    void failingStepRollsBackEveryStep();
    void failingFirstStepLeavesAnEmptyDatabase();
    void upgradesEveryShippedVersion();
    void upgradingTheOutboxToGenerationsKeepsEveryValue();
    void refusesADatabaseFromANewerVersion();
    void refusesAForeignDatabase();
    void twoFirstOpensAtOnceMigrateOnce();
    void closeReleasesTheConnectionName();
    void transactionRollsBackUnlessCommitted();
    void transactionsDoNotNest();

    // SQLite: files and folders
    void refusesAFileThatIsNotADatabase();
    void unwritableLocationNamesThePath_data();
    void unwritableLocationNamesThePath();
    void createsTheMissingFolder();

    // PostgreSQL: servers and passwords
    void connectsWithThePasswordFromTheEnvironment();
    void wrongPasswordIsRefusedWithoutShowingIt();
    void unreachableServerIsNamedWithoutItsPassword();
    void passwordNeverReachesTheLog();
    void missingSchemaIsNamed();
    void transactionsAreReadCommitted();
    void changesToConsoleTablesAreNotified();

private:
    // The file or database this test works on (a fresh one per test).
    Database::Location m_location;
    test::TestDatabase m_data;
};

void TestDatabase::initTestCase()
{
    qInfo().noquote() << u"backend: %1"_s.arg(test::TestDatabase::backendName());
}

void TestDatabase::init()
{
    // The url tests read no database: do not make a PostgreSQL one for each of their rows.
    const QByteArray test = QTest::currentTestFunction();
    if (test.startsWith("parses") || test.startsWith("refusesBad") || test == "everyBackendHasEveryStep") {
        return;
    }
    m_location = m_data.fresh();
    QVERIFY2(m_data.isValid(), qPrintable(m_data.error()));
}

void TestDatabase::cleanup()
{
    m_data.reset();
}

// ---- storage urls

void TestDatabase::parsesStorageUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expectedPath");  // when ok
    QTest::addColumn<QString>("errorContains"); // when not ok
    QTest::addColumn<QString>("secret");        // must appear nowhere

    const QString cwd = QDir::currentPath();
    QTest::newRow("empty means the default file") << u""_s << true << u"/data/default.db"_s << u""_s << u""_s;
    QTest::newRow("spaces only mean the default file")
        << u"   "_s << true << u"/data/default.db"_s << u""_s << u""_s;
    QTest::newRow("absolute path") << u"sqlite:/var/lib/deskbell/main.db"_s << true
                                   << u"/var/lib/deskbell/main.db"_s << u""_s << u""_s;
    QTest::newRow("absolute path, URL spelling") << u"sqlite:///var/lib/deskbell/main.db"_s << true
                                                 << u"/var/lib/deskbell/main.db"_s << u""_s << u""_s;
    QTest::newRow("relative path resolves against the current folder")
        << u"sqlite:data/main.db"_s << true << cwd + u"/data/main.db"_s << u""_s << u""_s;
    QTest::newRow("path is cleaned") << u"sqlite:/var/lib/../db/./main.db"_s << true << u"/var/db/main.db"_s
                                     << u""_s << u""_s;
    QTest::newRow("scheme is case-insensitive, spaces trimmed")
        << u"  SQLite:/tmp/x.db  "_s << true << u"/tmp/x.db"_s << u""_s << u""_s;
    QTest::newRow("sqlite without a path")
        << u"sqlite:"_s << false << u""_s << u"has no file path"_s << u""_s;
    QTest::newRow("sqlite with a host")
        << u"sqlite://server/x.db"_s << false << u""_s << u"names a host"_s << u""_s;
    QTest::newRow("unknown scheme is named without its password")
        << u"mysql://root:hunter2@localhost/deskbell"_s << false << u""_s
        << u"mysql://root@localhost/deskbell"_s << u"hunter2"_s;
    QTest::newRow("password in the query is hidden")
        << u"mysql://localhost/deskbell?user=a&password=hunter2"_s << false << u""_s << u"password=***"_s
        << u"hunter2"_s;
    QTest::newRow("bare path is named")
        << u"/var/lib/deskbell.db"_s << false << u""_s << u"\"/var/lib/deskbell.db\""_s << u""_s;
    QTest::newRow("garbage is named") << u"deskbell"_s << false << u""_s << u"\"deskbell\""_s << u""_s;
}

void TestDatabase::parsesStorageUrls()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    QFETCH(QString, expectedPath);
    QFETCH(QString, errorContains);
    QFETCH(QString, secret);

    Database::Location location;
    location.path = u"untouched"_s;
    QString error;
    QCOMPARE(Database::parseUrl(url, u"/data/default.db"_s, &location, &error), ok);
    if (ok) {
        QCOMPARE(location.driver, Driver::Sqlite);
        QCOMPARE(location.path, expectedPath);
        QVERIFY(!location.url.isEmpty());
    } else {
        QVERIFY2(error.contains(errorContains), qPrintable(error));
        QCOMPARE(location.path, u"untouched"_s);
    }
    if (!secret.isEmpty()) {
        QVERIFY2(!error.contains(secret), qPrintable(error));
        QVERIFY(!location.url.contains(secret));
    }
}

void TestDatabase::parsesPostgresUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("sslMode");
    QTest::addColumn<int>("timeout");
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("shown"); // location.url: what messages show

    QTest::newRow("every part") << u"postgresql://desk:s3cret@db.example:5433/deskbell?sslmode=require"_s
                                << u"db.example"_s << 5433 << u"desk"_s << u"s3cret"_s << u"deskbell"_s
                                << u"require"_s << 10 << u""_s
                                << u"postgresql://desk@db.example:5433/deskbell?sslmode=require"_s;
    QTest::newRow("short scheme, defaults")
        << u"postgres://db.example/deskbell"_s << u"db.example"_s << 5432 << u""_s << u""_s << u"deskbell"_s
        << u""_s << 10 << u""_s << u"postgres://db.example/deskbell"_s;
    QTest::newRow("scheme in capitals, spaces trimmed")
        << u"  PostgreSQL://desk@db/deskbell "_s << u"db"_s << 5432 << u"desk"_s << u""_s << u"deskbell"_s
        << u""_s << 10 << u""_s << u"PostgreSQL://desk@db/deskbell"_s;
    QTest::newRow("percent-encoded password and user")
        << u"postgresql://front%20desk:p%40ss%3Aw%2Fd@db/deskbell"_s << u"db"_s << 5432 << u"front desk"_s
        << u"p@ss:w/d"_s << u"deskbell"_s << u""_s << 10 << u""_s
        << u"postgresql://front%20desk@db/deskbell"_s;
    QTest::newRow("unix socket as an encoded host")
        << u"postgresql://desk@%2Frun%2Fpostgresql/deskbell"_s << u"/run/postgresql"_s << 5432 << u"desk"_s
        << u""_s << u"deskbell"_s << u""_s << 10 << u""_s
        << u"postgresql://desk@%2Frun%2Fpostgresql/deskbell"_s;
    QTest::newRow("unix socket and password as parameters")
        << u"postgresql:///deskbell?host=/run/postgresql&user=desk&password=hunter2&connect_timeout=3"_s
        << u"/run/postgresql"_s << 5432 << u"desk"_s << u"hunter2"_s << u"deskbell"_s << u""_s << 3 << u""_s
        << u"postgresql:///deskbell?host=/run/postgresql&user=desk&password=***&connect_timeout=3"_s;
    QTest::newRow("IPv6 address") << u"postgresql://[::1]:6543/deskbell"_s << u"::1"_s << 6543 << u""_s
                                  << u""_s << u"deskbell"_s << u""_s << 10 << u""_s
                                  << u"postgresql://[::1]:6543/deskbell"_s;
    QTest::newRow("a schema of its own")
        << u"postgresql://desk@db/shared?schema=front_desk_2"_s << u"db"_s << 5432 << u"desk"_s << u""_s
        << u"shared"_s << u""_s << 10 << u"front_desk_2"_s
        << u"postgresql://desk@db/shared?schema=front_desk_2"_s;
    QTest::newRow("parameters win over the parts")
        << u"postgresql://a@h1:1/d1?host=h2&port=2&user=b&dbname=d2"_s << u"h2"_s << 2 << u"b"_s << u""_s
        << u"d2"_s << u""_s << 10 << u""_s << u"postgresql://a@h1:1/d1?host=h2&port=2&user=b&dbname=d2"_s;
}

void TestDatabase::parsesPostgresUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, database);
    QFETCH(QString, sslMode);
    QFETCH(int, timeout);
    QFETCH(QString, schema);
    QFETCH(QString, shown);

    Database::Location location;
    QString error;
    QVERIFY2(Database::parseUrl(url, u"/data/default.db"_s, &location, &error), qPrintable(error));
    QCOMPARE(location.driver, Driver::Postgres);
    QCOMPARE(location.host, host);
    QCOMPARE(location.port, port);
    QCOMPARE(location.user, user);
    QCOMPARE(location.password, password);
    QCOMPARE(location.database, database);
    QCOMPARE(location.sslMode, sslMode);
    QCOMPARE(location.connectTimeoutSecs, timeout);
    QCOMPARE(location.schema, schema);
    QCOMPARE(location.url, shown);
    QVERIFY(location.path.isEmpty());
    if (!password.isEmpty()) {
        QVERIFY(!location.url.contains(password));
        QVERIFY(!Database::describe(location).contains(password));
    }
}

void TestDatabase::refusesBadPostgresUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("no database") << u"postgresql://desk:hunter2@db.example"_s << u"names no database"_s;
    QTest::newRow("empty database") << u"postgresql://desk:hunter2@db.example/"_s << u"names no database"_s;
    QTest::newRow("not a url") << u"postgresql:deskbell"_s << u"is not a PostgreSQL url"_s;
    QTest::newRow("port out of range")
        << u"postgresql://desk:hunter2@db:99999/d"_s << u"invalid port \"99999\""_s;
    QTest::newRow("port not a number")
        << u"postgresql://desk:hunter2@db:abc/d"_s << u"invalid port \"abc\""_s;
    QTest::newRow("unknown parameter")
        << u"postgresql://desk:hunter2@db/d?sslmod=require"_s << u"unknown parameter \"sslmod\""_s;
    QTest::newRow("unknown sslmode") << u"postgresql://desk:hunter2@db/d?sslmode=always"_s
                                     << u"unknown sslmode \"always\""_s;
    QTest::newRow("connect timeout 0 would wait forever")
        << u"postgresql://desk:hunter2@db/d?connect_timeout=0"_s << u"invalid connect_timeout \"0\""_s;
    QTest::newRow("several servers") << u"postgresql://desk:hunter2@db1,db2/d"_s
                                     << u"names several servers"_s;
    QTest::newRow("slash in the database name") << u"postgresql://desk:hunter2@db/a/b"_s << u"\"/\""_s;
    QTest::newRow("schema that is not a plain name")
        << u"postgresql://desk:hunter2@db/d?schema=a%22b"_s << u"unusable schema"_s;
    QTest::newRow("broken IPv6 address") << u"postgresql://desk:hunter2@[::1/d"_s << u"IPv6"_s;
}

void TestDatabase::refusesBadPostgresUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, errorContains);

    Database::Location location;
    location.path = u"untouched"_s;
    QString error;
    QVERIFY(!Database::parseUrl(url, u"/data/default.db"_s, &location, &error));
    QVERIFY2(error.contains(errorContains), qPrintable(error));
    QVERIFY2(!error.contains(u"hunter2"_s), qPrintable(error));
    QCOMPARE(location.path, u"untouched"_s);
}

void TestDatabase::everyBackendHasEveryStep()
{
    // A version number means the same schema on both backends.
    QCOMPARE(Database::migrationSteps(Driver::Sqlite).size(), qsizetype(Database::schemaVersion()));
    QCOMPARE(Database::migrationSteps(Driver::Postgres).size(), qsizetype(Database::schemaVersion()));
}

// ---- migrations

void TestDatabase::migratesAnEmptyDatabase()
{
    QVERIFY(Database::schemaVersion() >= 1);
    Database db(nextConnectionName());
    QTest::ignoreMessage(QtInfoMsg, migratingLine(m_location, u"0"_s));
    db.open(m_location);
    QVERIFY(db.isOpen());
    QCOMPARE(db.currentVersion(), Database::schemaVersion());
    const QStringList tables = tablesOf(db);
    for (const QString &table : TABLES) {
        QVERIFY2(tables.contains(table), qPrintable(table));
    }
    if (test::TestDatabase::postgres()) {
        QCOMPARE(scalar(db, u"SHOW application_name"_s).toString(), u"deskbell"_s);
        QCOMPARE(scalar(db, u"SHOW standard_conforming_strings"_s).toString(), u"on"_s);
        QCOMPARE(scalar(db, u"SHOW client_min_messages"_s).toString(), u"warning"_s);
    } else {
        QCOMPARE(scalar(db, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(scalar(db, u"PRAGMA foreign_keys"_s).toInt(), 1);
        QCOMPARE(scalar(db, u"PRAGMA busy_timeout"_s).toInt(), 5000);
        QCOMPARE(scalar(db, u"PRAGMA synchronous"_s).toInt(), 1); // NORMAL
    }
    QCOMPARE(scalar(db, u"SELECT value FROM schema_meta WHERE key = 'version'"_s).toString(),
             QString::number(Database::schemaVersion()));
}

void TestDatabase::reopensACurrentDatabaseUnchanged()
{
    test::FakeClock clock;
    QString stamp;
    {
        Database db(nextConnectionName());
        QTest::ignoreMessage(QtInfoMsg, migratingLine(m_location, u"0"_s));
        db.open(m_location);
        Store store(db, clock);
        store.upsertAppointment(sampleAppointment(u"https://api.calendly.com/invitees/A"_s));
        stamp = schemaStamp(db);
    }
    QVERIFY(!stamp.isEmpty());
    Database db(nextConnectionName());
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    db.open(m_location);
    QCOMPARE(db.currentVersion(), Database::schemaVersion());
    QCOMPARE(schemaStamp(db), stamp);
    Store store(db, clock);
    const auto a = store.appointment(u"https://api.calendly.com/invitees/A"_s);
    QVERIFY(a);
    QCOMPARE(a->inviteeName, u"Somchai"_s);
}

void TestDatabase::upgradesAnOlderDatabaseKeepingItsRows()
{
    test::FakeClock clock;
    const QString uri = u"https://api.calendly.com/invitees/A"_s;
    {
        Database db(nextConnectionName());
        QTest::ignoreMessage(QtInfoMsg, migratingLine(m_location, u"0"_s));
        db.open(m_location);
        QCOMPARE(db.currentVersion(), Database::schemaVersion());
        Store store(db, clock);
        store.upsertAppointment(sampleAppointment(uri));
        store.addOptOut(u"+66899999999"_s, u"sms"_s, u"STOP"_s);
    }

    const int next = Database::schemaVersion() + 1;
    Database db(nextConnectionName(), stepsWithNext({u"ALTER TABLE appointments ADD COLUMN notes TEXT"_s,
                                                     u"UPDATE appointments SET notes = 'imported'"_s}));
    QTest::ignoreMessage(
        QtInfoMsg, qPrintable(u"migrating %1 from schema %2 to %3"_s.arg(
                       Database::describe(m_location), QString::number(next - 1), QString::number(next))));
    db.open(m_location);
    QCOMPARE(db.currentVersion(), next);
    QCOMPARE(scalar(db, u"SELECT notes FROM appointments WHERE invitee_uri = '%1'"_s.arg(uri)).toString(),
             u"imported"_s);
    Store store(db, clock);
    const auto a = store.appointment(uri);
    QVERIFY(a);
    QCOMPARE(a->phoneE164, u"+66812345678"_s);
    QCOMPARE(a->startUtc, QDateTime(QDate(2026, 11, 3), QTime(10, 0), Qt::UTC));
    QVERIFY(store.isOptedOut(u"+66899999999"_s));
}

// The real step list, shipped database by shipped database: a database written by the first release
// keeps its outbox rows when the later steps run.
void TestDatabase::upgradesEveryShippedVersion()
{
    test::FakeClock clock;
    const QString uri = u"https://api.calendly.com/invitees/A"_s;
    const auto all = Database::migrationSteps(test::TestDatabase::driver());
    for (int shipped = 1; shipped < Database::schemaVersion(); ++shipped) {
        const Database::Location location = m_data.another(u"v%1"_s.arg(shipped));
        QVERIFY2(m_data.isValid(), qPrintable(m_data.error()));
        {
            Database old(nextConnectionName(), all.mid(0, shipped));
            QTest::ignoreMessage(QtInfoMsg, migratingLine(location, u"0"_s));
            old.open(location);
            QCOMPARE(old.currentVersion(), shipped);
            test::RawConnection raw(location);
            QCOMPARE(
                raw.exec(u"INSERT INTO appointments (invitee_uri, status, created_utc_ms, updated_utc_ms)"
                         " VALUES ('%1', 'active', 1, 1)"_s.arg(uri)),
                QString());
            QCOMPARE(
                raw.exec(u"INSERT INTO outbox (invitee_uri, kind, offset_min, recipient, due_utc_ms, state,"
                         " created_utc_ms, updated_utc_ms)"
                         " VALUES ('%1', 'reminder', 60, '+66812345678', 1000, 'queued', 1, 1)"_s.arg(uri)),
                QString());
        }
        Database db(nextConnectionName());
        QTest::ignoreMessage(QtInfoMsg, migratingLine(location, QString::number(shipped),
                                                      QString::number(Database::schemaVersion())));
        db.open(location);
        QCOMPARE(db.currentVersion(), Database::schemaVersion());
        Store store(db, clock);
        const auto messages = store.messagesForInvitee(uri);
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.first().offsetMin, 60);
        QCOMPARE(messages.first().recipient, u"+66812345678"_s);
        QVERIFY(messages.first().deliveryStatus.isEmpty());
        QCOMPARE(store.dueMessages(QDateTime::fromMSecsSinceEpoch(2000, Qt::UTC), 10).size(), 1);
    }
}

// Step 3 changes the outbox's unique key (SQLite rebuilds the table, PostgreSQL alters it): every row
// and every column of a version-2 database must come through, and the new key must let an operator's
// second message (generation 1) in while still refusing the planner's duplicate (generation 0).
void TestDatabase::upgradingTheOutboxToGenerationsKeepsEveryValue()
{
    const auto all = Database::migrationSteps(test::TestDatabase::driver());
    QVERIFY(all.size() >= 3);
    const QString uri = u"https://api.calendly.com/invitees/A"_s;
    QList<QVariantMap> before;
    {
        Database v2(nextConnectionName(), all.mid(0, 2));
        QTest::ignoreMessage(QtInfoMsg, migratingLine(m_location, u"0"_s, u"2"_s));
        v2.open(m_location);
        test::RawConnection raw(m_location);
        QCOMPARE(raw.exec(u"INSERT INTO appointments (invitee_uri, status, created_utc_ms, updated_utc_ms)"
                          " VALUES ('%1', 'active', 1, 1)"_s.arg(uri)),
                 QString());
        // Every column of version 2 set somewhere, with awkward values: NULLs, 19-digit ids, quotes,
        // UTF-8.
        QCOMPARE(
            raw.exec(
                u"INSERT INTO outbox (id, invitee_uri, kind, offset_min, recipient, due_utc_ms, template_id,"
                " params, state, attempts, next_attempt_utc_ms, provider_message_id, provider_plan_id,"
                " last_error, skip_reason, created_utc_ms, updated_utc_ms, accepted_utc_ms, delivery_status,"
                " delivery_code, delivery_utc_ms) VALUES"
                " (7, '%1', 'reminder', 1440, '+66812345678', 1793600000123, 'TPL-R', '{\"name\":\"สมชาย\"}',"
                "  'accepted', 2, NULL, '7300000000000000123', 'PLAN-1', NULL, NULL, 1793500000000,"
                "  1793600001000, 1793600000999, 'delivered', '0', 1793600005000),"
                " (9, '%1', 'confirm', 0, '081 234 5678', 1793500000000, NULL, NULL,"
                "  'skipped', 0, NULL, NULL, NULL, 'HTTP 400', 'invalid phone: ''081''', 1793500000000,"
                "  1793500000000, NULL, NULL, NULL, NULL),"
                " (12, '%1', 'reminder', 60, '+66812345678', 1793690000000, 'TPL-R', '{}',"
                "  'retry_wait', 1, 1793690060000, NULL, NULL, 'HTTP 503', NULL, 1793500000000,"
                "  1793690000500, NULL, NULL, NULL, NULL)"_s.arg(uri)),
            QString());
        if (test::TestDatabase::postgres()) {
            // Rows written with their own ids, as a copy from SQLite is: it must move the identity past
            // them.
            QCOMPARE(
                raw.exec(
                    u"SELECT setval(pg_get_serial_sequence('outbox', 'id'), (SELECT MAX(id) FROM outbox))"_s),
                QString());
        }
        before = rows(v2.connection(), u"SELECT * FROM outbox ORDER BY id"_s);
        QCOMPARE(before.size(), 3);
        QCOMPARE(before.first().size(), 21);
    }

    Database v3(nextConnectionName(), all.mid(0, 3));
    QTest::ignoreMessage(QtInfoMsg, migratingLine(m_location, u"2"_s, u"3"_s));
    v3.open(m_location);
    QCOMPARE(v3.currentVersion(), 3);
    const QList<QVariantMap> after = rows(v3.connection(), u"SELECT * FROM outbox ORDER BY id"_s);
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        for (auto it = before[i].cbegin(); it != before[i].cend(); ++it) {
            QVERIFY2(after[i].contains(it.key()), qPrintable(it.key()));
            const QVariant now = after[i].value(it.key());
            QVERIFY2(now.isNull() == it.value().isNull(), qPrintable(it.key()));
            QCOMPARE(now.toString(), it.value().toString());
        }
        QCOMPARE(after[i].value(u"generation"_s).toInt(), 0);
        QVERIFY(after[i].value(u"resend_of"_s).isNull());
    }
    QCOMPARE(
        scalar(v3, u"SELECT %1 FROM outbox WHERE id = 7"_s.arg(test::typeOfSql(u"provider_message_id"_s)))
            .toString(),
        u"text"_s);

    const SqlDialect &dialect = v3.dialect();
    const QString second = dialect.returningId(
        u"INSERT INTO outbox (invitee_uri, kind, offset_min, recipient, generation, resend_of, due_utc_ms,"
        " state, created_utc_ms, updated_utc_ms)"
        " VALUES ('%1', 'reminder', 1440, '+66812345678', %2, 7, 1793700000000, 'queued', 2, 2)"_s);
    QSqlQuery insert(v3.connection());
    QVERIFY2(insert.exec(second.arg(uri).arg(1)), qPrintable(insert.lastError().text()));
    QVERIFY(dialect.insertedId(insert) > 12); // ids keep growing: an old id never names a new row
    QVERIFY(!insert.exec(second.arg(uri).arg(0)));
    QVERIFY2(test::isUniqueViolation(insert.lastError().text()), qPrintable(insert.lastError().text()));
    QVERIFY(!insert.exec(second.arg(uri).arg(1))); // and that second message only once
    QCOMPARE(scalar(v3, u"SELECT COUNT(*) FROM outbox"_s).toInt(), 4);
}

void TestDatabase::failingStepRollsBackEveryStep()
{
    {
        Database db(nextConnectionName());
        QTest::ignoreMessage(QtInfoMsg, migratingLine(m_location, u"0"_s));
        db.open(m_location);
    }
    const int next = Database::schemaVersion() + 1;
    {
        Database db(nextConnectionName(),
                    stepsWithNext({u"CREATE TABLE extra (x INTEGER)"_s, u"INSERT INTO extra VALUES (1)"_s,
                                   u"ALTER TABLE no_such_table ADD COLUMN y TEXT"_s}));
        QTest::ignoreMessage(QtInfoMsg, migratingLine(m_location));
        try {
            db.open(m_location);
            QFAIL("a failing step must throw");
        } catch (const StorageError &e) {
            QVERIFY2(e.message().contains(u"to schema %1 failed"_s.arg(next)), qPrintable(e.message()));
            QVERIFY2(e.message().contains(u"no_such_table"_s), qPrintable(e.message()));
            QVERIFY2(e.message().contains(Database::describe(m_location)), qPrintable(e.message()));
        }
        QVERIFY(!db.isOpen());
    }
    Database db(nextConnectionName());
    db.open(m_location);
    QCOMPARE(db.currentVersion(), Database::schemaVersion());
    QVERIFY(!tablesOf(db).contains(u"extra"_s));
}

void TestDatabase::failingFirstStepLeavesAnEmptyDatabase()
{
    auto steps = Database::migrationSteps(test::TestDatabase::driver());
    steps.first().append(u"THIS IS NOT SQL"_s);
    {
        Database db(nextConnectionName(), steps);
        QTest::ignoreMessage(QtInfoMsg, migratingLine(m_location, u"0"_s));
        QVERIFY_THROWS_EXCEPTION(StorageError, db.open(m_location));
    }
    test::RawConnection raw(m_location);
    QVERIFY2(raw.isOpen(), qPrintable(raw.openError()));
    QCOMPARE(raw.tables(), QStringList());
}

void TestDatabase::refusesADatabaseFromANewerVersion()
{
    const int newer = Database::schemaVersion() + 1;
    {
        Database db(nextConnectionName(), stepsWithNext({u"CREATE TABLE later (x INTEGER)"_s}));
        QTest::ignoreMessage(QtInfoMsg, migratingLine(m_location));
        db.open(m_location);
        QCOMPARE(db.currentVersion(), newer);
    }
    Database db(nextConnectionName());
    try {
        db.open(m_location);
        QFAIL("a newer database must be refused");
    } catch (const StorageError &e) {
        const QString expected = u"%1 was written by a newer Deskbell (schema %2, this build knows %3)"_s.arg(
            Database::describe(m_location), QString::number(newer),
            QString::number(Database::schemaVersion()));
        QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
    }
    QVERIFY(!db.isOpen());
    // Refusing must not have touched it.
    Database again(nextConnectionName(), stepsWithNext({u"CREATE TABLE later (x INTEGER)"_s}));
    again.open(m_location);
    QCOMPARE(again.currentVersion(), newer);
}

void TestDatabase::refusesAForeignDatabase()
{
    {
        test::RawConnection raw(m_location);
        QVERIFY2(raw.isOpen(), qPrintable(raw.openError()));
        QCOMPARE(raw.exec(u"CREATE TABLE recipes (name TEXT)"_s), QString());
    }
    Database db(nextConnectionName());
    try {
        db.open(m_location);
        QFAIL("another program's database must be refused");
    } catch (const StorageError &e) {
        QVERIFY2(e.message().contains(u"is not a Deskbell database"_s), qPrintable(e.message()));
    }
    test::RawConnection raw(m_location);
    QCOMPARE(raw.tables(), QStringList{u"recipes"_s});
}

// Two instances (here: two threads with a connection each) finding a new database at the same moment:
// one migrates while the other waits, then finds it current.
void TestDatabase::twoFirstOpensAtOnceMigrateOnce()
{
    QTest::ignoreMessage(QtInfoMsg, migratingLine(m_location, u"0"_s)); // exactly once
    QStringList errors;
    QMutex mutex;
    QList<QThread *> threads;
    for (int i = 0; i < 2; ++i) {
        const QString name = nextConnectionName();
        threads.append(QThread::create([this, name, &errors, &mutex] {
            try {
                Database db(name);
                db.open(m_location);
            } catch (const StorageError &e) {
                QMutexLocker lock(&mutex);
                errors.append(e.message());
            }
        }));
    }
    for (QThread *thread : std::as_const(threads)) {
        thread->start();
    }
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(30000));
        delete thread;
    }
    QCOMPARE(errors, QStringList());
    Database db(nextConnectionName());
    db.open(m_location);
    QCOMPARE(db.currentVersion(), Database::schemaVersion());
}

void TestDatabase::closeReleasesTheConnectionName()
{
    const QString name = nextConnectionName();
    const Database::Location other = m_data.another(u"other"_s);
    QTest::failOnWarning(QRegularExpression(u".*"_s)); // "connection is still in use", duplicate names
    {
        Database db(name);
        QTest::ignoreMessage(QtInfoMsg, migratingLine(m_location, u"0"_s));
        db.open(m_location);
        QVERIFY(QSqlDatabase::contains(name));

        // A second owner of the same name is refused instead of stealing the connection.
        Database twin(name);
        QVERIFY_THROWS_EXCEPTION(StorageError, twin.open(other));
        QVERIFY(QSqlDatabase::contains(name));
        QVERIFY(db.connection().isOpen());

        db.close();
        QVERIFY(!QSqlDatabase::contains(name));
        db.open(m_location);
        QVERIFY(QSqlDatabase::contains(name));
    }
    QVERIFY(!QSqlDatabase::contains(name));
}

void TestDatabase::transactionRollsBackUnlessCommitted()
{
    test::FakeClock clock;
    Database db(nextConnectionName());
    QTest::ignoreMessage(QtInfoMsg, migratingLine(m_location));
    db.open(m_location);
    Store store(db, clock);
    {
        Transaction tx(db);
        store.addOptOut(u"+66811111111"_s, u"operator"_s, {});
    }
    QVERIFY(!store.isOptedOut(u"+66811111111"_s));
    {
        Transaction tx(db);
        store.addOptOut(u"+66811111111"_s, u"operator"_s, {});
        tx.commit();
    }
    QVERIFY(store.isOptedOut(u"+66811111111"_s));
    // After a failed statement (PostgreSQL then refuses every statement until the rollback; SQLite
    // carries on), nothing of the transaction stays, and the connection works again.
    {
        Transaction tx(db);
        store.addOptOut(u"+66822222222"_s, u"operator"_s, {});
        QVERIFY(!execute(db, u"INSERT INTO opt_outs (phone_e164) VALUES (NULL)"_s).isEmpty());
        try {
            store.addOptOut(u"+66833333333"_s, u"operator"_s, {});
        } catch (const StorageError &) {
            QVERIFY(test::TestDatabase::postgres());
        }
    }
    QVERIFY(!store.isOptedOut(u"+66822222222"_s));
    QVERIFY(!store.isOptedOut(u"+66833333333"_s));
    store.addOptOut(u"+66822222222"_s, u"operator"_s, {});
    QVERIFY(store.isOptedOut(u"+66822222222"_s));
}

void TestDatabase::transactionsDoNotNest()
{
    test::FakeClock clock;
    Database db(nextConnectionName());
    QTest::ignoreMessage(QtInfoMsg, migratingLine(m_location));
    db.open(m_location);
    Store store(db, clock);
    {
        Transaction outer(db);
        store.addOptOut(u"+66811111111"_s, u"operator"_s, {});
        // PostgreSQL would only warn about a second BEGIN, and the inner commit would then end the
        // outer transaction: the second one is refused instead, and the outer one is unharmed.
        QVERIFY_THROWS_EXCEPTION(StorageError, Transaction{db});
        store.addOptOut(u"+66822222222"_s, u"operator"_s, {});
    }
    QVERIFY(!store.isOptedOut(u"+66811111111"_s));
    QVERIFY(!store.isOptedOut(u"+66822222222"_s));
    Transaction again(db); // the rollback ended it
    again.commit();
}

// ---- SQLite: files and folders

void TestDatabase::refusesAFileThatIsNotADatabase()
{
    if (test::TestDatabase::postgres()) {
        QSKIP("SQLite files only");
    }
    QByteArray text;
    for (int i = 0; i < 200; ++i) {
        text += "Dear diary, today I booked a meeting.\n";
    }
    QFile file(m_location.path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();

    Database db(nextConnectionName());
    try {
        db.open(m_location);
        QFAIL("a text file must be refused");
    } catch (const StorageError &e) {
        QVERIFY2(e.message().contains(QDir::toNativeSeparators(file.fileName())), qPrintable(e.message()));
        QVERIFY2(e.message().contains(u"not a database"_s), qPrintable(e.message()));
    }
    QVERIFY(!db.isOpen());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), text);
}

void TestDatabase::unwritableLocationNamesThePath_data()
{
    QTest::addColumn<QString>("blocker"); // what is in the way: "file" or "readonly"
    QTest::newRow("a file where the folder should be") << u"file"_s;
    QTest::newRow("a read-only folder") << u"readonly"_s;
}

void TestDatabase::unwritableLocationNamesThePath()
{
    if (test::TestDatabase::postgres()) {
        QSKIP("SQLite files only");
    }
    QFETCH(QString, blocker);
    const QDir dir(m_data.folder());
    QString dbPath;
    if (blocker == u"file"_s) {
        QFile file(dir.filePath(u"plain-file"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        dbPath = dir.filePath(u"plain-file/sub/deskbell.db"_s);
    } else {
        const QString folder = dir.filePath(u"locked"_s);
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        QFile probe(folder + u"/probe"_s);
        if (probe.open(QIODevice::WriteOnly)) {
            probe.close();
            probe.remove();
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            QSKIP("running with privileges that ignore folder permissions (root?)");
        }
        dbPath = folder + u"/deskbell.db"_s;
    }

    Database::Location location = m_location;
    location.path = dbPath;
    Database db(nextConnectionName());
    try {
        db.open(location);
        QFAIL("an unwritable location must be refused");
    } catch (const StorageError &e) {
        QVERIFY2(e.message().contains(QDir::toNativeSeparators(dbPath)), qPrintable(e.message()));
    }
    QVERIFY(!db.isOpen());
    if (blocker == u"readonly"_s) {
        QFile::setPermissions(dir.filePath(u"locked"_s),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
}

void TestDatabase::createsTheMissingFolder()
{
    if (test::TestDatabase::postgres()) {
        QSKIP("SQLite files only");
    }
    Database::Location location = m_location;
    location.path = QDir(m_data.folder()).filePath(u"a/b/c/deskbell.db"_s);
    Database db(nextConnectionName());
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"^migrating .*$"_s));
    db.open(location);
    QVERIFY(QFile::exists(location.path));
}

// ---- PostgreSQL: servers and passwords

void TestDatabase::connectsWithThePasswordFromTheEnvironment()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("PostgreSQL only");
    }
    const QByteArray variable = Database::passwordVariable().toUtf8();
    QCOMPARE(variable, QByteArray("DESKBELL_DB_PASSWORD"));
    Database::Location location = m_location;
    const QString password = location.password;
    QVERIFY(!password.isEmpty()); // with-postgres.sh's server asks for one
    location.password.clear();

    qputenv(variable.constData(), "not-the-password");
    Database wrong(nextConnectionName());
    QVERIFY_THROWS_EXCEPTION(StorageError, wrong.open(location));

    qputenv(variable.constData(), password.toUtf8());
    Database db(nextConnectionName());
    QTest::ignoreMessage(QtInfoMsg, migratingLine(m_location, u"0"_s));
    db.open(location);
    qunsetenv(variable.constData());
    QCOMPARE(db.currentVersion(), Database::schemaVersion());

    // A password in the location (the url's, or the keychain's) wins over the environment.
    qputenv(variable.constData(), "not-the-password");
    Database again(nextConnectionName());
    again.open(m_location);
    qunsetenv(variable.constData());
    QVERIFY(again.isOpen());
}

void TestDatabase::wrongPasswordIsRefusedWithoutShowingIt()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("PostgreSQL only");
    }
    Database::Location location = m_location;
    location.password = u"Wr0ng-S3cret-Pa55"_s;
    Database db(nextConnectionName());
    try {
        db.open(location);
        QFAIL("a wrong password must be refused");
    } catch (const StorageError &e) {
        QVERIFY2(!e.message().contains(location.password), qPrintable(e.message()));
        QVERIFY2(e.message().contains(u"password authentication failed"_s), qPrintable(e.message()));
        QVERIFY2(e.message().contains(Database::describe(location)), qPrintable(e.message()));
        QVERIFY2(e.message().startsWith(u"cannot connect to the database"_s), qPrintable(e.message()));
    }
    QVERIFY(!db.isOpen());
}

void TestDatabase::unreachableServerIsNamedWithoutItsPassword()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("PostgreSQL only");
    }
    Database::Location location;
    QString why;
    QVERIFY2(Database::parseUrl(u"postgresql://desk:Hunter2Secret@/deskbell?host=%1/no-such-folder"
                                "&connect_timeout=2"_s.arg(m_data.folder()),
                                {}, &location, &why),
             qPrintable(why));
    Database db(nextConnectionName());
    try {
        db.open(location);
        QFAIL("a server that is not there must be reported");
    } catch (const StorageError &e) {
        QVERIFY2(e.message().contains(u"postgresql://desk@/deskbell?host="_s), qPrintable(e.message()));
        QVERIFY2(!e.message().contains(u"Hunter2Secret"_s), qPrintable(e.message()));
    }
    QVERIFY(!db.isOpen());
    QVERIFY(!QSqlDatabase::contains(db.connectionName()));
}

void TestDatabase::passwordNeverReachesTheLog()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("PostgreSQL only");
    }
    const QString password = m_location.password;
    QVERIFY(!password.isEmpty());
    QStringList lines;
    {
        LogCapture capture;
        {
            Database db(nextConnectionName());
            db.open(m_location);
            Database::Location wrong = m_location;
            wrong.password += u"x"_s;
            Database refused(nextConnectionName());
            try {
                refused.open(wrong);
            } catch (const StorageError &e) {
                qWarning().noquote() << e.message(); // as Engine reports it
            }
        }
        lines = capture.lines();
    }
    QVERIFY(lines.size() >= 2); // "migrating ...", the refusal
    for (const QString &line : std::as_const(lines)) {
        QVERIFY2(!line.contains(password), "the password was logged");
    }
}

void TestDatabase::missingSchemaIsNamed()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("PostgreSQL only");
    }
    Database::Location location = m_location;
    location.schema = u"no_such_schema"_s;
    Database db(nextConnectionName());
    try {
        db.open(location);
        QFAIL("a schema that is not there must be reported");
    } catch (const StorageError &e) {
        QVERIFY2(e.message().contains(u"has no schema \"no_such_schema\""_s), qPrintable(e.message()));
    }
    QVERIFY(!db.isOpen());
}

void TestDatabase::transactionsAreReadCommitted()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("PostgreSQL only");
    }
    Database db(nextConnectionName());
    QTest::ignoreMessage(QtInfoMsg, migratingLine(m_location));
    db.open(m_location);
    // Whatever the server's default: the store's rules are written for READ COMMITTED (SqlDialect.cpp).
    QCOMPARE(execute(db, u"SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE"_s),
             QString());
    QCOMPARE(scalar(db, u"SHOW transaction_isolation"_s).toString(), u"serializable"_s);
    Transaction tx(db);
    QCOMPARE(scalar(db, u"SHOW transaction_isolation"_s).toString(), u"read committed"_s);
}

// Schema 5: every table the console shows announces its changes on the channel "deskbell_changed", the
// table's name as the payload, once the change commits (the console LISTENs on another connection).
void TestDatabase::changesToConsoleTablesAreNotified()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("PostgreSQL only: SQLite has no LISTEN/NOTIFY");
    }
    Database writer(nextConnectionName());
    writer.open(m_location);
    Database listener(nextConnectionName());
    listener.open(m_location);
    QSqlDriver *driver = listener.connection().driver();
    QVERIFY(driver->subscribeToNotification(u"deskbell_changed"_s));
    QStringList payloads;
    QObject::connect(
        driver, &QSqlDriver::notification, driver,
        [&payloads](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
            if (name == u"deskbell_changed"_s) {
                payloads.append(payload.toString());
            }
        });
    const QStringList shown{u"appointments"_s,   u"outbox"_s,       u"message_log"_s, u"audit_log"_s,
                            u"booking_events"_s, u"engine_state"_s, u"opt_outs"_s};
    for (const QString &table : shown) {
        // A statement that changes no row still fires a FOR EACH STATEMENT trigger.
        QCOMPARE(execute(writer, u"DELETE FROM %1 WHERE 1 = 0"_s.arg(table)), QString());
    }
    QCOMPARE(execute(writer, u"INSERT INTO engine_state (key, value) VALUES ('k', 'v')"_s), QString());
    QTRY_COMPARE(payloads.size(), shown.size() + 1);
    {
        Transaction tx(writer);
        QCOMPARE(execute(writer, u"UPDATE engine_state SET value = 'w'"_s), QString());
        QTest::qWait(200); // a notification sent before the commit would arrive meanwhile
        QCOMPARE(payloads.size(), shown.size() + 1);
        tx.commit();
    }
    QTRY_COMPARE(payloads.size(), shown.size() + 2);
    QCOMPARE(payloads.mid(0, shown.size()), shown);
    QCOMPARE(payloads.mid(shown.size()), (QStringList{u"engine_state"_s, u"engine_state"_s}));
    QCOMPARE(execute(writer, u"DELETE FROM instances WHERE 1 = 0"_s), QString()); // not shown: silent
    QCOMPARE(execute(writer, u"DELETE FROM engine_state"_s), QString());
    QTRY_COMPARE(payloads.size(), shown.size() + 3);
    QCOMPARE(payloads.last(), u"engine_state"_s);
    driver->unsubscribeFromNotification(u"deskbell_changed"_s);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
