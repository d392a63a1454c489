#include "domain/Appointment.h"
#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/Store.h"
#include "support/FakeClock.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

const QStringList TABLES{u"schema_meta"_s, u"appointments"_s, u"booking_events"_s, u"outbox"_s,
                         u"opt_outs"_s,    u"audit_log"_s,    u"engine_state"_s};

// Each Database needs its own connection name; tests open several at once.
QString nextConnectionName()
{
    static int counter = 0;
    return u"tst_database_%1"_s.arg(++counter);
}

Database::Location sqliteAt(const QString &path)
{
    Database::Location location;
    location.path = path;
    location.url = u"sqlite:"_s + path;
    return location;
}

// A plain connection that bypasses Database (no migration), for looking at a file as it is.
class RawConnection
{
public:
    explicit RawConnection(const QString &path)
        : m_name(nextConnectionName())
    {
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        m_db.setDatabaseName(path);
        m_db.open();
    }
    ~RawConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;
    QStringList tables() const { return m_db.tables(); }
    bool exec(const QString &sql)
    {
        QSqlQuery q(m_db);
        return q.exec(sql);
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};

QVariant scalar(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next()) {
        qWarning().noquote() << sql << q.lastError().text();
        return {};
    }
    return q.value(0);
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

// The real steps plus one more that adds a column: what the next release will look like.
QList<Database::MigrationStep> stepsWithVersion2(const Database::MigrationStep &step2)
{
    auto steps = Database::migrationSteps(Database::Location::Driver::Sqlite);
    steps.append(step2);
    return steps;
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

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void parsesStorageUrls_data();
    void parsesStorageUrls();

    void migratesAnEmptyDatabase();
    void reopensACurrentDatabaseUnchanged();
    void upgradesAnOlderDatabaseKeepingItsRows();
    void failingStepRollsBackEveryStep();
    void failingFirstStepLeavesAnEmptyFile();
    void upgradesEveryShippedVersion();
    void upgradingTheOutboxToGenerationsKeepsEveryValue();
    void refusesADatabaseFromANewerVersion();
    void refusesAFileThatIsNotADatabase();
    void refusesAForeignSqliteDatabase();
    void unwritableLocationNamesThePath_data();
    void unwritableLocationNamesThePath();
    void createsTheMissingFolder();
    void closeReleasesTheConnectionName();
    void transactionRollsBackUnlessCommitted();

private:
    QString path(const QString &name = u"deskbell.db"_s) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDatabase::cleanup()
{
    m_dir.reset();
}

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
    QTest::newRow("postgresql is not there yet")
        << u"postgresql://deskbell:s3cret@db.example/deskbell"_s << false << u""_s
        << u"PostgreSQL storage is not available in this build yet"_s << u"s3cret"_s;
    QTest::newRow("postgres short scheme")
        << u"postgres://db.example/deskbell"_s << false << u""_s
        << u"PostgreSQL storage is not available in this build yet"_s << u""_s;
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
        QCOMPARE(location.driver, Database::Location::Driver::Sqlite);
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

void TestDatabase::migratesAnEmptyDatabase()
{
    QVERIFY(Database::schemaVersion() >= 1);
    Database db(nextConnectionName());
    QTest::ignoreMessage(QtInfoMsg,
                         QRegularExpression(u"^migrating .*deskbell\\.db from schema 0 to \\d+$"_s));
    db.open(sqliteAt(path()));
    QVERIFY(db.isOpen());
    QCOMPARE(db.currentVersion(), Database::schemaVersion());
    const QStringList tables = db.connection().tables();
    for (const QString &table : TABLES) {
        QVERIFY2(tables.contains(table), qPrintable(table));
    }
    QCOMPARE(scalar(db, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(scalar(db, u"PRAGMA foreign_keys"_s).toInt(), 1);
    QCOMPARE(scalar(db, u"PRAGMA busy_timeout"_s).toInt(), 5000);
    QCOMPARE(scalar(db, u"PRAGMA synchronous"_s).toInt(), 1); // NORMAL
    QCOMPARE(scalar(db, u"SELECT value FROM schema_meta WHERE key = 'version'"_s).toString(),
             QString::number(Database::schemaVersion()));
}

void TestDatabase::reopensACurrentDatabaseUnchanged()
{
    test::FakeClock clock;
    int schemaCookie = 0; // SQLite bumps it on every schema change
    {
        Database db(nextConnectionName());
        db.open(sqliteAt(path()));
        Store store(db, clock);
        store.upsertAppointment(sampleAppointment(u"https://api.calendly.com/invitees/A"_s));
        schemaCookie = scalar(db, u"PRAGMA schema_version"_s).toInt();
    }
    QVERIFY(schemaCookie > 0);
    Database db(nextConnectionName());
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    db.open(sqliteAt(path()));
    QCOMPARE(db.currentVersion(), Database::schemaVersion());
    QCOMPARE(scalar(db, u"PRAGMA schema_version"_s).toInt(), schemaCookie);
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
        db.open(sqliteAt(path()));
        QCOMPARE(db.currentVersion(), Database::schemaVersion());
        Store store(db, clock);
        store.upsertAppointment(sampleAppointment(uri));
        store.addOptOut(u"+66899999999"_s, u"sms"_s, u"STOP"_s);
    }

    const int next = Database::schemaVersion() + 1;
    Database db(nextConnectionName(), stepsWithVersion2({u"ALTER TABLE appointments ADD COLUMN notes TEXT"_s,
                                                         u"UPDATE appointments SET notes = 'imported'"_s}));
    QTest::ignoreMessage(
        QtInfoMsg, qPrintable(u"migrating %1 from schema %2 to %3"_s.arg(QDir::toNativeSeparators(path()))
                                  .arg(next - 1)
                                  .arg(next)));
    db.open(sqliteAt(path()));
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

// The real step list, shipped database by shipped database: a file written by the first release
// keeps its outbox rows when step 2 (sending columns) runs.
void TestDatabase::upgradesEveryShippedVersion()
{
    test::FakeClock clock;
    const QString uri = u"https://api.calendly.com/invitees/A"_s;
    const auto all = Database::migrationSteps(Database::Location::Driver::Sqlite);
    for (int shipped = 1; shipped < Database::schemaVersion(); ++shipped) {
        const QString file = path(u"v%1.db"_s.arg(shipped));
        {
            Database old(nextConnectionName(), all.mid(0, shipped));
            QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"^migrating .* from schema 0 to \\d+$"_s));
            old.open(sqliteAt(file));
            QCOMPARE(old.currentVersion(), shipped);
            RawConnection raw(file);
            QVERIFY(raw.exec(u"INSERT INTO appointments (invitee_uri, status, created_utc_ms, updated_utc_ms)"
                             " VALUES ('%1', 'active', 1, 1)"_s.arg(uri)));
            QVERIFY(
                raw.exec(u"INSERT INTO outbox (invitee_uri, kind, offset_min, recipient, due_utc_ms, state,"
                         " created_utc_ms, updated_utc_ms)"
                         " VALUES ('%1', 'reminder', 60, '+66812345678', 1000, 'queued', 1, 1)"_s.arg(uri)));
        }
        Database db(nextConnectionName());
        QTest::ignoreMessage(QtInfoMsg,
                             QRegularExpression(u"^migrating .* from schema %1 to %2$"_s.arg(shipped).arg(
                                 Database::schemaVersion())));
        db.open(sqliteAt(file));
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

// Step 3 rebuilds the outbox (SQLite cannot change a UNIQUE constraint in place): every row and
// every column of a version-2 file must come through, and the new key must let an operator's second
// message (generation 1) in while still refusing the planner's duplicate (generation 0).
void TestDatabase::upgradingTheOutboxToGenerationsKeepsEveryValue()
{
    const auto all = Database::migrationSteps(Database::Location::Driver::Sqlite);
    QVERIFY(all.size() >= 3);
    const QString file = path(u"v2.db"_s);
    const QString uri = u"https://api.calendly.com/invitees/A"_s;
    QList<QVariantMap> before;
    {
        Database v2(nextConnectionName(), all.mid(0, 2));
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"^migrating .* from schema 0 to 2$"_s));
        v2.open(sqliteAt(file));
        RawConnection raw(file);
        QVERIFY(raw.exec(u"INSERT INTO appointments (invitee_uri, status, created_utc_ms, updated_utc_ms)"
                         " VALUES ('%1', 'active', 1, 1)"_s.arg(uri)));
        // Every column of version 2 set somewhere, with awkward values: NULLs, 19-digit ids, quotes,
        // UTF-8.
        QVERIFY(raw.exec(
            u"INSERT INTO outbox (id, invitee_uri, kind, offset_min, recipient, due_utc_ms, template_id, "
            u"params,"
            " state, attempts, next_attempt_utc_ms, provider_message_id, provider_plan_id, last_error,"
            " skip_reason, created_utc_ms, updated_utc_ms, accepted_utc_ms, delivery_status, delivery_code,"
            " delivery_utc_ms) VALUES"
            " (7, '%1', 'reminder', 1440, '+66812345678', 1793600000123, 'TPL-R', '{\"name\":\"สมชาย\"}',"
            "  'accepted', 2, NULL, '7300000000000000123', 'PLAN-1', NULL, NULL, 1793500000000,"
            "  1793600001000, 1793600000999, 'delivered', '0', 1793600005000),"
            " (9, '%1', 'confirm', 0, '081 234 5678', 1793500000000, NULL, NULL,"
            "  'skipped', 0, NULL, NULL, NULL, 'HTTP 400', 'invalid phone: ''081''', 1793500000000,"
            "  1793500000000, NULL, NULL, NULL, NULL),"
            " (12, '%1', 'reminder', 60, '+66812345678', 1793690000000, 'TPL-R', '{}',"
            "  'retry_wait', 1, 1793690060000, NULL, NULL, 'HTTP 503', NULL, 1793500000000,"
            "  1793690000500, NULL, NULL, NULL, NULL)"_s.arg(uri)));
        before = rows(v2.connection(), u"SELECT * FROM outbox ORDER BY id"_s);
        QCOMPARE(before.size(), 3);
        QCOMPARE(before.first().size(), 21);
    }

    Database v3(nextConnectionName(), all.mid(0, 3));
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"^migrating .* from schema 2 to 3$"_s));
    v3.open(sqliteAt(file));
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
    QCOMPARE(scalar(v3, u"SELECT typeof(provider_message_id) FROM outbox WHERE id = 7"_s).toString(),
             u"text"_s);

    const QString second =
        u"INSERT INTO outbox (invitee_uri, kind, offset_min, recipient, generation, resend_of, due_utc_ms,"
        " state, created_utc_ms, updated_utc_ms)"
        " VALUES ('%1', 'reminder', 1440, '+66812345678', %2, 7, 1793700000000, 'queued', 2, 2)"_s;
    QSqlQuery insert(v3.connection());
    QVERIFY2(insert.exec(second.arg(uri).arg(1)), qPrintable(insert.lastError().text()));
    QVERIFY(insert.lastInsertId().toLongLong() > 12); // ids keep growing: an old id never names a new row
    QVERIFY(!insert.exec(second.arg(uri).arg(0)));
    QVERIFY2(insert.lastError().text().contains(u"UNIQUE"_s), qPrintable(insert.lastError().text()));
    QVERIFY(!insert.exec(second.arg(uri).arg(1))); // and that second message only once
    QCOMPARE(scalar(v3, u"SELECT COUNT(*) FROM outbox"_s).toInt(), 4);
}

void TestDatabase::failingStepRollsBackEveryStep()
{
    {
        Database db(nextConnectionName());
        db.open(sqliteAt(path()));
    }
    const int next = Database::schemaVersion() + 1;
    {
        Database db(nextConnectionName(),
                    stepsWithVersion2({u"CREATE TABLE extra (x INTEGER)"_s, u"INSERT INTO extra VALUES (1)"_s,
                                       u"ALTER TABLE no_such_table ADD COLUMN y TEXT"_s}));
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"^migrating .* from schema \\d+ to \\d+$"_s));
        try {
            db.open(sqliteAt(path()));
            QFAIL("a failing step must throw");
        } catch (const StorageError &e) {
            QVERIFY2(e.message().contains(u"to schema %1 failed"_s.arg(next)), qPrintable(e.message()));
            QVERIFY2(e.message().contains(u"no_such_table"_s), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QDir::toNativeSeparators(path())), qPrintable(e.message()));
        }
        QVERIFY(!db.isOpen());
    }
    Database db(nextConnectionName());
    db.open(sqliteAt(path()));
    QCOMPARE(db.currentVersion(), Database::schemaVersion());
    QVERIFY(!db.connection().tables().contains(u"extra"_s));
}

void TestDatabase::failingFirstStepLeavesAnEmptyFile()
{
    auto steps = Database::migrationSteps(Database::Location::Driver::Sqlite);
    steps.first().append(u"THIS IS NOT SQL"_s);
    {
        Database db(nextConnectionName(), steps);
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"^migrating .* from schema 0 to \\d+$"_s));
        QVERIFY_THROWS_EXCEPTION(StorageError, db.open(sqliteAt(path())));
    }
    RawConnection raw(path());
    QCOMPARE(raw.tables(), QStringList());
}

void TestDatabase::refusesADatabaseFromANewerVersion()
{
    const int newer = Database::schemaVersion() + 1;
    {
        Database db(nextConnectionName(), stepsWithVersion2({u"CREATE TABLE later (x INTEGER)"_s}));
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"^migrating .*$"_s));
        db.open(sqliteAt(path()));
        QCOMPARE(db.currentVersion(), newer);
    }
    Database db(nextConnectionName());
    try {
        db.open(sqliteAt(path()));
        QFAIL("a newer database must be refused");
    } catch (const StorageError &e) {
        const QString expected = u"%1 was written by a newer Deskbell (schema %2, this build knows %3)"_s
                                     .arg(QDir::toNativeSeparators(path()))
                                     .arg(newer)
                                     .arg(Database::schemaVersion());
        QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
    }
    QVERIFY(!db.isOpen());
    // Refusing must not have touched it.
    Database again(nextConnectionName(), stepsWithVersion2({u"CREATE TABLE later (x INTEGER)"_s}));
    again.open(sqliteAt(path()));
    QCOMPARE(again.currentVersion(), newer);
}

void TestDatabase::refusesAFileThatIsNotADatabase()
{
    QByteArray text;
    for (int i = 0; i < 200; ++i) {
        text += "Dear diary, today I booked a meeting.\n";
    }
    QFile file(path(u"notes.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();

    Database db(nextConnectionName());
    try {
        db.open(sqliteAt(file.fileName()));
        QFAIL("a text file must be refused");
    } catch (const StorageError &e) {
        QVERIFY2(e.message().contains(QDir::toNativeSeparators(file.fileName())), qPrintable(e.message()));
        QVERIFY2(e.message().contains(u"not a database"_s), qPrintable(e.message()));
    }
    QVERIFY(!db.isOpen());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), text);
}

void TestDatabase::refusesAForeignSqliteDatabase()
{
    {
        RawConnection raw(path());
        QVERIFY(raw.exec(u"CREATE TABLE recipes (name TEXT)"_s));
    }
    Database db(nextConnectionName());
    try {
        db.open(sqliteAt(path()));
        QFAIL("another program's database must be refused");
    } catch (const StorageError &e) {
        QVERIFY2(e.message().contains(u"is not a Deskbell database"_s), qPrintable(e.message()));
    }
    RawConnection raw(path());
    QCOMPARE(raw.tables(), QStringList{u"recipes"_s});
}

void TestDatabase::unwritableLocationNamesThePath_data()
{
    QTest::addColumn<QString>("blocker"); // what is in the way: "file" or "readonly"
    QTest::newRow("a file where the folder should be") << u"file"_s;
    QTest::newRow("a read-only folder") << u"readonly"_s;
}

void TestDatabase::unwritableLocationNamesThePath()
{
    QFETCH(QString, blocker);
    QString dbPath;
    if (blocker == u"file"_s) {
        QFile file(path(u"plain-file"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        dbPath = path(u"plain-file/sub/deskbell.db"_s);
    } else {
        const QString folder = path(u"locked"_s);
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

    Database db(nextConnectionName());
    try {
        db.open(sqliteAt(dbPath));
        QFAIL("an unwritable location must be refused");
    } catch (const StorageError &e) {
        QVERIFY2(e.message().contains(QDir::toNativeSeparators(dbPath)), qPrintable(e.message()));
    }
    QVERIFY(!db.isOpen());
    if (blocker == u"readonly"_s) {
        QFile::setPermissions(path(u"locked"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
}

void TestDatabase::createsTheMissingFolder()
{
    const QString nested = path(u"a/b/c/deskbell.db"_s);
    Database db(nextConnectionName());
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"^migrating .*$"_s));
    db.open(sqliteAt(nested));
    QVERIFY(QFile::exists(nested));
}

void TestDatabase::closeReleasesTheConnectionName()
{
    const QString name = nextConnectionName();
    QTest::failOnWarning(QRegularExpression(u".*"_s)); // "connection is still in use", duplicate names
    {
        Database db(name);
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"^migrating .*$"_s));
        db.open(sqliteAt(path()));
        QVERIFY(QSqlDatabase::contains(name));

        // A second owner of the same name is refused instead of stealing the connection.
        Database twin(name);
        QVERIFY_THROWS_EXCEPTION(StorageError, twin.open(sqliteAt(path(u"other.db"_s))));
        QVERIFY(QSqlDatabase::contains(name));
        QVERIFY(db.connection().isOpen());

        db.close();
        QVERIFY(!QSqlDatabase::contains(name));
        db.open(sqliteAt(path()));
        QVERIFY(QSqlDatabase::contains(name));
    }
    QVERIFY(!QSqlDatabase::contains(name));
}

void TestDatabase::transactionRollsBackUnlessCommitted()
{
    test::FakeClock clock;
    Database db(nextConnectionName());
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"^migrating .*$"_s));
    db.open(sqliteAt(path()));
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
    // Transactions do not nest: the second BEGIN is refused.
    Transaction outer(db);
    QVERIFY_THROWS_EXCEPTION(StorageError, Transaction{db});
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
