// A desk's SQLite data copied into a shared PostgreSQL store (StoreMigrator, deskbell --migrate-to).
// PostgreSQL only: runs as tst_storemigrator under support/with-postgres.sh.

#include "engine/BookingProcessor.h"
#include "storage/Database.h"
#include "storage/Store.h"
#include "storage/StoreMigrator.h"
#include "support/CalendlyBodies.h"
#include "support/ConsoleFixture.h"
#include "support/FakeClock.h"
#include "support/OutboxSummary.h"
#include "support/TestDatabase.h"
#include "ui_load_data.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLockFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

class TestStoreMigrator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void copiesEveryTableKeepingIdsAndNewIdsFollow();
    void refusesATargetThatHoldsDeskbellRows();
    void refusesWhileADeskbellUsesTheFile();
    void commandLineCopiesAndPrintsTheCountsWithoutThePassword();
    void commandLineRefusesAnOccupiedTarget();
    // A busy desk's months of data (bench/ui_load_data); DESKBELL_MIGRATE_APPOINTMENTS sets the size.
    void copiesABusyDesk();

private:
    // Bookings, a cancellation, a duplicate, sends, an opt-out and audit rows, through the real code.
    void seedSqlite();
    Database::Location sqlite() const;
    int runDeskbell(const QStringList &arguments, QString *output);

    QTemporaryDir m_dir;
    test::TestDatabase m_pg;
    Database::Location m_target;
    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 2), QTime(9, 0), QTimeZone::utc())};
};

void TestStoreMigrator::initTestCase()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("PostgreSQL only: run as tst_storemigrator under tests/support/with-postgres.sh");
    }
    QVERIFY(m_dir.isValid());
    QLoggingCategory::setFilterRules(u"deskbell.*.info=false"_s);
}

void TestStoreMigrator::init()
{
    m_target = m_pg.fresh();
    QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u".lock"_s}) {
        QFile::remove(sqlite().path + suffix);
    }
}

void TestStoreMigrator::cleanup()
{
    m_pg.reset();
}

Database::Location TestStoreMigrator::sqlite() const
{
    Database::Location location;
    location.path = m_dir.filePath(u"desk.sqlite3"_s);
    location.url = u"sqlite:"_s + location.path;
    return location;
}

void TestStoreMigrator::seedSqlite()
{
    Database db(u"seed"_s);
    db.open(sqlite());
    Store store(db, m_clock);
    BookingProcessor processor(db, store, m_clock, test::everyKindRules());
    const QDateTime start(QDate(2026, 11, 10), QTime(7, 0), QTimeZone::utc());
    for (int i = 0; i < 12; ++i) {
        test::BodyOptions o;
        o.id = u"P%1"_s.arg(i);
        o.name = u"Guest %1 \"quoted\" \\ back"_s.arg(i);
        o.startUtc = start.addSecs(3600 * i);
        QCOMPARE(processor.receive(test::body(o), u"webhook"_s).outcome, u"applied"_s);
    }
    test::BodyOptions again;
    again.id = u"P0"_s;
    again.startUtc = start;
    QCOMPARE(processor.receive(test::body(again), u"webhook"_s).outcome, u"duplicate"_s);
    test::BodyOptions cancel;
    cancel.event = u"invitee.canceled"_s;
    cancel.id = u"P1"_s;
    cancel.startUtc = start.addSecs(3600);
    QCOMPARE(processor.receive(test::body(cancel), u"webhook"_s).outcome, u"applied"_s);
    const auto due = store.dueMessages(m_clock.nowUtc().addDays(30), 5);
    QVERIFY(!due.isEmpty());
    for (const auto &m : due) {
        QVERIFY(store.markSending(m.id));
        Store::SendOutcome outcome;
        outcome.providerMessageId = u"pm-%1"_s.arg(m.id);
        store.finishSending(m.id, outcome);
    }
    store.addOptOut(u"+66811111111"_s, u"operator"_s, u"asked by phone"_s);
    Store::AuditEntry audit;
    audit.atUtc = m_clock.nowUtc();
    audit.actor = u"alice"_s;
    audit.action = u"opt_out"_s;
    audit.target = u"+66811111111"_s;
    store.appendAudit(audit);
    store.setEngineState(u"paused"_s, u"0"_s);
}

void TestStoreMigrator::copiesEveryTableKeepingIdsAndNewIdsFollow()
{
    seedSqlite();
    const auto report = StoreMigrator::copy(sqlite(), m_target);
    QVERIFY2(report.ok, qPrintable(report.error));
    qInfo().noquote() << u"\n"_s + report.countsTable();
    QStringList names;
    for (const auto &t : report.tables) {
        names.append(t.table);
        QVERIFY2(t.matches(), qPrintable(t.table));
    }
    for (const QString &table : {u"appointments"_s, u"booking_events"_s, u"outbox"_s, u"opt_outs"_s,
                                 u"audit_log"_s, u"engine_state"_s, u"message_log"_s}) {
        QVERIFY2(names.contains(table), qPrintable(table));
    }
    QVERIFY(!names.contains(u"schema_meta"_s));

    // The same rows, field by field, on both sides.
    Database from(u"from"_s);
    from.open(sqlite());
    Store a(from, m_clock);
    Database to(u"to"_s);
    to.open(m_target);
    Store b(to, m_clock);
    QCOMPARE(b.bookingEvents().size(), a.bookingEvents().size());
    QCOMPARE(b.bookingEvents().last().duplicateOf, a.bookingEvents().last().duplicateOf);
    QCOMPARE(b.bookingEvents().first().body, a.bookingEvents().first().body);
    const QString p0 = test::inviteeUri(u"P0"_s);
    QCOMPARE(test::outboxSummary(b, p0), test::outboxSummary(a, p0));
    QCOMPARE(b.appointment(p0)->inviteeName, a.appointment(p0)->inviteeName);
    QCOMPARE(b.appointment(test::inviteeUri(u"P1"_s))->status, Appointment::Status::Canceled);
    QCOMPARE(b.messagesForInvitee(p0).first().id, a.messagesForInvitee(p0).first().id);
    QCOMPARE(b.messageLog().size(), a.messageLog().size());
    QVERIFY(b.isOptedOut(u"+66811111111"_s));
    QCOMPARE(b.auditEntries().size(), a.auditEntries().size());

    // New rows on PostgreSQL take ids after the copied ones.
    qint64 maxAudit = 0;
    for (const auto &e : a.auditEntries()) {
        maxAudit = std::max(maxAudit, e.id);
    }
    Store::AuditEntry next;
    next.atUtc = m_clock.nowUtc();
    next.actor = u"bob"_s;
    next.action = u"resend"_s;
    QCOMPARE(b.appendAudit(next), maxAudit + 1);
    BookingProcessor processor(to, b, m_clock, test::everyKindRules());
    qint64 maxEvent = a.bookingEvents().last().id;
    test::BodyOptions o;
    o.id = u"NEW"_s;
    o.startUtc = QDateTime(QDate(2026, 11, 12), QTime(7, 0), QTimeZone::utc());
    const auto result = processor.receive(test::body(o), u"webhook"_s);
    QCOMPARE(result.outcome, u"applied"_s);
    QCOMPARE(result.eventId, maxEvent + 1);
    QSqlQuery q(from.connection());
    QVERIFY(q.exec(u"SELECT max(id) FROM outbox"_s) && q.next());
    const qint64 maxMessage = q.value(0).toLongLong();
    QVERIFY(!b.messagesForInvitee(test::inviteeUri(u"NEW"_s)).isEmpty());
    QCOMPARE(b.messagesForInvitee(test::inviteeUri(u"NEW"_s)).first().id > maxMessage, true);
}

void TestStoreMigrator::refusesATargetThatHoldsDeskbellRows()
{
    seedSqlite();
    QVERIFY(StoreMigrator::copy(sqlite(), m_target).ok);
    const auto again = StoreMigrator::copy(sqlite(), m_target);
    QVERIFY(!again.ok);
    QVERIFY2(again.error.contains(u"already holds Deskbell data"_s), qPrintable(again.error));
    QVERIFY2(again.error.contains(u"DROP SCHEMA"_s), qPrintable(again.error));
    QVERIFY(!again.error.contains(m_target.password));
}

void TestStoreMigrator::refusesWhileADeskbellUsesTheFile()
{
    seedSqlite();
    QLockFile running(sqlite().path + u".lock"_s); // as Engine::acquireLock holds it
    QVERIFY(running.tryLock(0));
    const auto report = StoreMigrator::copy(sqlite(), m_target);
    QVERIFY(!report.ok);
    QVERIFY2(report.error.contains(u"is using"_s), qPrintable(report.error));
    running.unlock();
    QVERIFY(StoreMigrator::copy(sqlite(), m_target).ok);
}

int TestStoreMigrator::runDeskbell(const QStringList &arguments, QString *output)
{
    QFile settings(m_dir.filePath(u"desk.ini"_s));
    if (!settings.open(QIODevice::WriteOnly)) {
        return -1;
    }
    settings.write("[storage]\nurl = sqlite:" + sqlite().path.toUtf8() + "\n");
    settings.close();
    QProcess deskbell;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"QT_QPA_PLATFORM"_s);
    env.insert(u"HOME"_s, m_dir.path());
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
    env.insert(u"DESKBELL_KEYCHAIN"_s, u"off"_s);
    env.insert(u"DESKBELL_DB_PASSWORD"_s, m_target.password);
    deskbell.setProcessEnvironment(env);
    deskbell.setProcessChannelMode(QProcess::MergedChannels);
    deskbell.start(QStringLiteral(DESKBELL_BINARY),
                   QStringList{u"--config"_s, settings.fileName()} + arguments);
    if (!deskbell.waitForFinished(60000)) {
        return -1;
    }
    *output = QString::fromUtf8(deskbell.readAll());
    return deskbell.exitStatus() == QProcess::NormalExit ? deskbell.exitCode() : -1;
}

void TestStoreMigrator::commandLineCopiesAndPrintsTheCountsWithoutThePassword()
{
    seedSqlite();
    QString output;
    // The password comes from DESKBELL_DB_PASSWORD; the url has none.
    QCOMPARE(runDeskbell({u"--migrate-to"_s, test::postgresUrl(m_target, false)}, &output), 0);
    qInfo().noquote() << output;
    QVERIFY2(output.contains(u"appointments"_s) && output.contains(u"outbox"_s), qPrintable(output));
    QVERIFY2(output.contains(u"Copied and checked"_s), qPrintable(output));
    QVERIFY(!output.contains(u"MISMATCH"_s));
    QVERIFY(!output.contains(m_target.password));

    // With the password in the url: still never printed.
    QString second;
    QCOMPARE(runDeskbell({u"--migrate-to"_s, test::postgresUrl(m_target, true)}, &second), 1);
    QVERIFY2(second.contains(u"already holds Deskbell data"_s), qPrintable(second));
    QVERIFY2(!second.contains(m_target.password), "the password was printed");
}

void TestStoreMigrator::commandLineRefusesAnOccupiedTarget()
{
    seedSqlite();
    QString output;
    {
        QLockFile running(sqlite().path + u".lock"_s);
        QVERIFY(running.tryLock(0));
        QCOMPARE(runDeskbell({u"--migrate-to"_s, test::postgresUrl(m_target, false)}, &output), 1);
        QVERIFY2(output.contains(u"is using"_s), qPrintable(output));
    }
    QCOMPARE(runDeskbell({u"--migrate-to"_s, u"sqlite:/tmp/x.db"_s}, &output), 2);
    QVERIFY2(output.contains(u"postgresql://"_s), qPrintable(output));
}

void TestStoreMigrator::copiesABusyDesk()
{
    const int appointments = qEnvironmentVariableIsSet("DESKBELL_MIGRATE_APPOINTMENTS")
                                 ? qEnvironmentVariableIntValue("DESKBELL_MIGRATE_APPOINTMENTS")
                                 : 2000;
    {
        Database db(u"fill"_s);
        db.open(sqlite());
        fillConsoleLoad(db, appointments, 5, m_clock.nowUtc(), QTimeZone("Asia/Bangkok"));
    }
    QElapsedTimer timer;
    timer.start();
    const auto report = StoreMigrator::copy(sqlite(), m_target);
    const qint64 ms = timer.elapsed();
    QVERIFY2(report.ok, qPrintable(report.error));
    qint64 rows = 0;
    for (const auto &t : report.tables) {
        QVERIFY2(t.matches(), qPrintable(t.table));
        rows += t.targetRows;
    }
    qInfo().noquote() << u"copied %1 appointments, %2 rows in all, in %3 ms\n%4"_s.arg(appointments)
                             .arg(rows)
                             .arg(ms)
                             .arg(report.countsTable());
}

QTEST_GUILESS_MAIN(TestStoreMigrator)
#include "tst_storemigrator.moc"
