#include "domain/Appointment.h"
#include "domain/Message.h"
#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/Store.h"
#include "support/FakeClock.h"
#include "support/Printers.h"
#include "support/TestDatabase.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

const QString URI_A = u"https://api.calendly.com/scheduled_events/E1/invitees/A"_s;
const QString URI_B = u"https://api.calendly.com/scheduled_events/E2/invitees/B"_s;

QString nextConnectionName()
{
    static int counter = 0;
    return u"tst_store_%1"_s.arg(++counter);
}

QDateTime utc(int day, int hour, int minute = 0, int ms = 0)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute, 0, ms), Qt::UTC);
}

Appointment fullAppointment(const QString &uri)
{
    Appointment a;
    a.inviteeUri = uri;
    a.eventUri = u"https://api.calendly.com/scheduled_events/E1"_s;
    a.eventTypeUri = u"https://api.calendly.com/event_types/T1"_s;
    a.eventName = u"Consultation — 30 min"_s;
    a.inviteeName = u"สมชาย ใจดี"_s; // non-Latin text survives
    a.email = u"somchai@example.com"_s;
    a.phoneRaw = u"081 234 5678"_s;
    a.phoneE164 = u"+66812345678"_s;
    a.phoneSource = u"text_reminder_number"_s;
    a.timezone = u"Asia/Bangkok"_s;
    // Given in the invitee's zone with milliseconds: must come back as the same instant.
    a.startUtc = QDateTime(QDate(2026, 11, 3), QTime(17, 0, 0, 123), Qt::OffsetFromUTC, 7 * 3600);
    a.endUtc = utc(3, 10, 30);
    a.location = u"Zoom: https://zoom.us/j/1"_s;
    a.cancelUrl = u"https://calendly.com/cancellations/A"_s;
    a.rescheduleUrl = u"https://calendly.com/reschedulings/A"_s;
    a.hostName = u"Dr. Ploy"_s;
    a.hostEmail = u"ploy@example.com"_s;
    a.status = Appointment::Status::Rescheduled;
    a.oldInviteeUri = u"https://api.calendly.com/scheduled_events/E0/invitees/Z"_s;
    a.newInviteeUri = u"https://api.calendly.com/scheduled_events/E9/invitees/Y"_s;
    a.cancelReason = u"moved to Friday; 'quotes' and \"double\" ; DROP TABLE outbox; --"_s;
    a.updatedUtc = utc(2, 8, 59, 999);
    return a;
}

Appointment minimalAppointment(const QString &uri)
{
    Appointment a;
    a.inviteeUri = uri;
    return a;
}

OutboxMessage reminder(const QString &uri, int offsetMin, const QDateTime &due)
{
    OutboxMessage m;
    m.inviteeUri = uri;
    m.kind = MessageKind::Reminder;
    m.offsetMin = offsetMin;
    m.recipient = u"+66812345678"_s;
    m.dueUtc = due;
    m.templateId = u"TPL-REMIND"_s;
    m.params = QJsonObject{{u"name"_s, u"Somchai"_s}, {u"advance"_s, u"1 day"_s}};
    return m;
}

} // namespace

// QCOMPARE cannot print deskbell enums (ADL finds deskbell::toString, which returns QString), so the
// tests compare their stored string forms, which is also what the database holds.
Q_DECLARE_METATYPE(deskbell::Appointment)

class TestStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void appointmentRoundTripsEveryField_data();
    void appointmentRoundTripsEveryField();
    void emptyAppointmentFieldsAreStoredAsNull();
    void missingAppointmentIsNone();
    void upsertReplacesFieldsAndKeepsCreatedTime();
    void setAppointmentStatusChangesStatusAndReason();
    void setAppointmentStatusOfUnknownInviteeThrows();
    void appointmentsStartingBetweenIsHalfOpenAndOrdered();
    void textSortsByteByByteOnEveryBackend();

    void insertedMessageRoundTrips();
    void duplicateMessageKeyReturnsZeroAndKeepsOriginal();
    void uniqueMessageKeyHoldsForRawSql();
    void otherOffsetOrRecipientIsANewMessage();
    void messageForUnknownAppointmentIsRefused();
    void everyKindAndStateFitsTheSchema();
    void checkConstraintRejectsUnknownStateAndKind();
    void cancelPendingMessageOnlyFromPendingStates_data();
    void cancelPendingMessageOnlyFromPendingStates();
    void cancelPendingMessageRefusesANonTerminalTarget();
    void messagesForInviteeAreOrderedByDueThenId();
    void messagesInStateFiltersAndOrders();

    void bookingEventRoundTrips();
    void appliedEventIsFoundByDedupeKey();
    void twoAppliedEventsWithOneKeyAreImpossible();
    void bookingEventsFilterByOutcomeOldestFirst();
    void settingOutcomeOfUnknownEventThrows();

    void messageLogRecordsEveryStateChange_data();
    void messageLogRecordsEveryStateChange();
    void refusedOrStatelessChangesLogNothing();
    void interruptedSendsAreLoggedOneByOne();
    void claimTakesEachDueMessageOnceForItsInstance();
    void claimSkipsRowsAnotherTransactionHolds();
    void abandonedSendsAreThoseOfDeadInstances();
    void startingInstanceSettlesItsOwnAndUnclaimedSends();
    void lateAnswerSettlesAMessageGivenUpOn();
    void instancesRegisterRenewAndLeave();

    void optOutsCanBeAddedAndRemoved();
    void auditLogKeepsEntriesInOrder();
    void dataSurvivesReopeningTheFile();

private:
    void openDatabase();
    void closeDatabase();
    // Runs raw SQL on the store's connection, bypassing Store; returns the SQL error text or "".
    QString rawExec(const QString &sql, const QVariantList &values = {});
    QVariant rawValue(const QString &sql, const QVariantList &values = {});
    qint64 insertMessageInState(MessageState state);

    test::TestDatabase m_data; // SQLite, or PostgreSQL under support/with-postgres.sh
    Database::Location m_location;
    test::FakeClock m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
};

void TestStore::initTestCase()
{
    // Every test migrates a fresh database; tst_database checks that log line.
    QLoggingCategory::setFilterRules(u"deskbell.storage.info=false"_s);
    qInfo().noquote() << u"backend: %1"_s.arg(test::TestDatabase::backendName());
}

void TestStore::init()
{
    m_location = m_data.fresh();
    QVERIFY2(m_data.isValid(), qPrintable(m_data.error()));
    m_clock.set(utc(2, 9));
    openDatabase();
}

void TestStore::cleanup()
{
    closeDatabase();
    m_data.reset();
}

void TestStore::openDatabase()
{
    m_db = std::make_unique<Database>(nextConnectionName());
    m_db->open(m_location);
    m_store = std::make_unique<Store>(*m_db, m_clock);
}

void TestStore::closeDatabase()
{
    m_store.reset();
    m_db.reset();
}

QString TestStore::rawExec(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(m_db->connection());
    q.prepare(sql);
    for (const QVariant &value : values) {
        q.addBindValue(value);
    }
    return q.exec() ? QString() : q.lastError().text();
}

QVariant TestStore::rawValue(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(m_db->connection());
    q.prepare(sql);
    for (const QVariant &value : values) {
        q.addBindValue(value);
    }
    if (!q.exec() || !q.next()) {
        return u"<error: %1>"_s.arg(q.lastError().text());
    }
    return q.value(0);
}

qint64 TestStore::insertMessageInState(MessageState state)
{
    m_store->upsertAppointment(minimalAppointment(URI_A));
    OutboxMessage m = reminder(URI_A, 60, utc(3, 9));
    m.state = state;
    return m_store->insertMessage(m);
}

// ---- appointments

void TestStore::appointmentRoundTripsEveryField_data()
{
    QTest::addColumn<Appointment>("appointment");
    QTest::newRow("every field set") << fullAppointment(URI_A);
    QTest::newRow("only the key") << minimalAppointment(URI_A);
    Appointment noShow = minimalAppointment(URI_A);
    noShow.status = Appointment::Status::NoShow;
    noShow.startUtc = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC); // the epoch is a time, not "none"
    QTest::newRow("no-show at the epoch") << noShow;
}

void TestStore::appointmentRoundTripsEveryField()
{
    QFETCH(Appointment, appointment);
    m_store->upsertAppointment(appointment);
    const std::optional<Appointment> stored = m_store->appointment(appointment.inviteeUri);
    QVERIFY(stored);
    QCOMPARE(stored->inviteeUri, appointment.inviteeUri);
    QCOMPARE(stored->eventUri, appointment.eventUri);
    QCOMPARE(stored->eventTypeUri, appointment.eventTypeUri);
    QCOMPARE(stored->eventName, appointment.eventName);
    QCOMPARE(stored->inviteeName, appointment.inviteeName);
    QCOMPARE(stored->email, appointment.email);
    QCOMPARE(stored->phoneRaw, appointment.phoneRaw);
    QCOMPARE(stored->phoneE164, appointment.phoneE164);
    QCOMPARE(stored->phoneSource, appointment.phoneSource);
    QCOMPARE(stored->timezone, appointment.timezone);
    QCOMPARE(stored->startUtc, appointment.startUtc);
    QCOMPARE(stored->startUtc.isValid(), appointment.startUtc.isValid());
    QCOMPARE(stored->endUtc, appointment.endUtc);
    QCOMPARE(stored->endUtc.isValid(), appointment.endUtc.isValid());
    QCOMPARE(stored->location, appointment.location);
    QCOMPARE(stored->cancelUrl, appointment.cancelUrl);
    QCOMPARE(stored->rescheduleUrl, appointment.rescheduleUrl);
    QCOMPARE(stored->hostName, appointment.hostName);
    QCOMPARE(stored->hostEmail, appointment.hostEmail);
    QCOMPARE(stored->status, appointment.status);
    QCOMPARE(stored->oldInviteeUri, appointment.oldInviteeUri);
    QCOMPARE(stored->newInviteeUri, appointment.newInviteeUri);
    QCOMPARE(stored->cancelReason, appointment.cancelReason);
    QCOMPARE(stored->updatedUtc, appointment.updatedUtc);
    QCOMPARE(stored->updatedUtc.isValid(), appointment.updatedUtc.isValid());
    if (stored->startUtc.isValid()) {
        QCOMPARE(stored->startUtc.timeSpec(), Qt::UTC);
        QCOMPARE(stored->startUtc.toMSecsSinceEpoch(), appointment.startUtc.toMSecsSinceEpoch());
    }
}

void TestStore::emptyAppointmentFieldsAreStoredAsNull()
{
    m_store->upsertAppointment(minimalAppointment(URI_A));
    QCOMPARE(rawValue(u"SELECT COUNT(*) FROM appointments WHERE invitee_uri = ? AND phone_e164 IS NULL"
                      " AND start_utc_ms IS NULL AND end_utc_ms IS NULL AND calendly_updated_utc_ms IS NULL"
                      " AND status = 'active'"_s,
                      {URI_A})
                 .toInt(),
             1);
    QCOMPARE(rawValue(u"SELECT created_utc_ms FROM appointments"_s).toLongLong(),
             m_clock.nowUtc().toMSecsSinceEpoch());
}

void TestStore::missingAppointmentIsNone()
{
    QVERIFY(!m_store->appointment(URI_A));
}

void TestStore::upsertReplacesFieldsAndKeepsCreatedTime()
{
    const qint64 created = m_clock.nowUtc().toMSecsSinceEpoch();
    m_store->upsertAppointment(fullAppointment(URI_A));
    // A message refers to the appointment: an upsert that deleted the row would break the link.
    QVERIFY(m_store->insertMessage(reminder(URI_A, 60, utc(3, 9))) > 0);

    m_clock.advanceMinutes(5);
    Appointment changed = minimalAppointment(URI_A);
    changed.inviteeName = u"Somchai J."_s;
    changed.startUtc = utc(4, 10);
    m_store->upsertAppointment(changed);

    const auto stored = m_store->appointment(URI_A);
    QVERIFY(stored);
    QCOMPARE(stored->inviteeName, u"Somchai J."_s);
    QCOMPARE(stored->startUtc, utc(4, 10));
    QCOMPARE(stored->email, QString()); // replaced, not merged
    QCOMPARE(stored->status, Appointment::Status::Active);
    QCOMPARE(rawValue(u"SELECT created_utc_ms FROM appointments"_s).toLongLong(), created);
    QCOMPARE(rawValue(u"SELECT updated_utc_ms FROM appointments"_s).toLongLong(),
             m_clock.nowUtc().toMSecsSinceEpoch());
    QCOMPARE(rawValue(u"SELECT COUNT(*) FROM appointments"_s).toInt(), 1);
    QCOMPARE(m_store->messagesForInvitee(URI_A).size(), 1);
}

void TestStore::setAppointmentStatusChangesStatusAndReason()
{
    m_store->upsertAppointment(fullAppointment(URI_A));
    m_clock.advanceMinutes(1);
    m_store->setAppointmentStatus(URI_A, Appointment::Status::Canceled, u"host sick"_s);
    const auto stored = m_store->appointment(URI_A);
    QVERIFY(stored);
    QCOMPARE(stored->status, Appointment::Status::Canceled);
    QCOMPARE(stored->cancelReason, u"host sick"_s);
    QCOMPARE(stored->inviteeName, fullAppointment(URI_A).inviteeName);
    QCOMPARE(rawValue(u"SELECT status FROM appointments"_s).toString(), u"canceled"_s);
    QCOMPARE(rawValue(u"SELECT updated_utc_ms FROM appointments"_s).toLongLong(),
             m_clock.nowUtc().toMSecsSinceEpoch());
}

void TestStore::setAppointmentStatusOfUnknownInviteeThrows()
{
    try {
        m_store->setAppointmentStatus(URI_A, Appointment::Status::Canceled, {});
        QFAIL("must throw");
    } catch (const StorageError &e) {
        QVERIFY2(e.message().contains(u"setAppointmentStatus"_s), qPrintable(e.message()));
    }
}

void TestStore::appointmentsStartingBetweenIsHalfOpenAndOrdered()
{
    const QList<std::pair<QString, QDateTime>> starts{
        {u"uri:late"_s, utc(3, 12)},      {u"uri:at-end"_s, utc(3, 18)},    {u"uri:at-start"_s, utc(3, 8)},
        {u"uri:before"_s, utc(3, 7, 59)}, {u"uri:no-start"_s, QDateTime()}, {u"uri:early"_s, utc(3, 9)},
    };
    for (const auto &[uri, start] : starts) {
        Appointment a = minimalAppointment(uri);
        a.startUtc = start;
        m_store->upsertAppointment(a);
    }
    QStringList found;
    for (const Appointment &a : m_store->appointmentsStartingBetween(utc(3, 8), utc(3, 18))) {
        found.append(a.inviteeUri);
    }
    QCOMPARE(found, (QStringList{u"uri:at-start"_s, u"uri:early"_s, u"uri:late"_s}));
}

// Both backends order text as SQLite does, byte by byte (PostgreSQL's columns are COLLATE "C"), so
// pages and ties come out alike whatever the server's locale: with-postgres.sh gives the test server
// an English collation, which would put "_" first and ignore case.
void TestStore::textSortsByteByByteOnEveryBackend()
{
    for (const QString &uri : {u"uri:a"_s, u"uri:\u00e9"_s, u"uri:B"_s, u"uri:_"_s}) {
        Appointment a = minimalAppointment(uri);
        a.startUtc = utc(3, 9);
        m_store->upsertAppointment(a);
    }
    QStringList found;
    for (const Appointment &a : m_store->appointmentsStartingBetween(utc(3, 0), utc(4, 0))) {
        found.append(a.inviteeUri);
    }
    QCOMPARE(found, (QStringList{u"uri:B"_s, u"uri:_"_s, u"uri:a"_s, u"uri:\u00e9"_s}));
}

// ---- outbox

void TestStore::insertedMessageRoundTrips()
{
    m_store->upsertAppointment(fullAppointment(URI_A));
    OutboxMessage m = reminder(URI_A, 1440, utc(2, 10, 0, 250));
    m.params = QJsonObject{
        {u"name"_s, u"สมชาย"_s},
        {u"moved_for_quiet_hours"_s, true},
        {u"count"_s, 3},
        {u"nested"_s, QJsonObject{{u"list"_s, QJsonArray{1, u"two"_s}}}},
    };
    m.state = MessageState::RetryWait;
    m.attempts = 2;
    m.nextAttemptUtc = utc(2, 9, 5);
    m.providerMessageId = u"1234567890123456789"_s; // 19 digits: more than a double holds exactly
    m.lastError = u"HTTP 503"_s;
    m.createdUtc = utc(1, 1); // ignored: the store stamps its own time

    const qint64 id = m_store->insertMessage(m);
    QVERIFY(id > 0);
    const auto stored = m_store->message(id);
    QVERIFY(stored);
    QCOMPARE(stored->id, id);
    QCOMPARE(stored->inviteeUri, m.inviteeUri);
    QCOMPARE(stored->kind, m.kind);
    QCOMPARE(stored->offsetMin, m.offsetMin);
    QCOMPARE(stored->recipient, m.recipient);
    QCOMPARE(stored->dueUtc, m.dueUtc);
    QCOMPARE(stored->templateId, m.templateId);
    QCOMPARE(stored->params, m.params);
    QCOMPARE(stored->state, m.state);
    QCOMPARE(stored->attempts, m.attempts);
    QCOMPARE(stored->nextAttemptUtc, m.nextAttemptUtc);
    QCOMPARE(stored->providerMessageId, u"1234567890123456789"_s);
    QCOMPARE(stored->lastError, m.lastError);
    QCOMPARE(stored->skipReason, QString());
    QCOMPARE(stored->createdUtc, m_clock.nowUtc());
    QCOMPARE(stored->updatedUtc, m_clock.nowUtc());
    QCOMPARE(rawValue(u"SELECT %1 FROM outbox"_s.arg(test::typeOfSql(u"provider_message_id"_s))).toString(),
             u"text"_s);

    QVERIFY(!m_store->message(id + 1));
}

void TestStore::duplicateMessageKeyReturnsZeroAndKeepsOriginal()
{
    m_store->upsertAppointment(fullAppointment(URI_A));
    const qint64 first = m_store->insertMessage(reminder(URI_A, 60, utc(3, 9)));
    QVERIFY(first > 0);

    m_clock.advanceMinutes(10);
    OutboxMessage again = reminder(URI_A, 60, utc(3, 11));
    again.templateId = u"OTHER"_s;
    again.state = MessageState::Skipped;
    QCOMPARE(m_store->insertMessage(again), qint64(0));

    const auto stored = m_store->message(first);
    QVERIFY(stored);
    QCOMPARE(stored->dueUtc, utc(3, 9));
    QCOMPARE(stored->templateId, u"TPL-REMIND"_s);
    QCOMPARE(stored->state, MessageState::Queued);
    QCOMPARE(stored->updatedUtc, utc(2, 9));
    QCOMPARE(m_store->messagesForInvitee(URI_A).size(), 1);
}

void TestStore::uniqueMessageKeyHoldsForRawSql()
{
    m_store->upsertAppointment(fullAppointment(URI_A));
    QVERIFY(m_store->insertMessage(reminder(URI_A, 60, utc(3, 9))) > 0);
    const QString error =
        rawExec(u"INSERT INTO outbox (invitee_uri, kind, offset_min, recipient, due_utc_ms, state,"
                " created_utc_ms, updated_utc_ms) VALUES (?, 'reminder', 60, ?, 0, 'queued', 0, 0)"_s,
                {URI_A, u"+66812345678"_s});
    QVERIFY2(test::isUniqueViolation(error), qPrintable(error));
    QCOMPARE(rawValue(u"SELECT COUNT(*) FROM outbox"_s).toInt(), 1);
}

void TestStore::otherOffsetOrRecipientIsANewMessage()
{
    m_store->upsertAppointment(fullAppointment(URI_A));
    QVERIFY(m_store->insertMessage(reminder(URI_A, 60, utc(3, 9))) > 0);
    QVERIFY(m_store->insertMessage(reminder(URI_A, 1440, utc(2, 10))) > 0);
    OutboxMessage otherPhone = reminder(URI_A, 60, utc(3, 9));
    otherPhone.recipient = u"+66899999999"_s;
    QVERIFY(m_store->insertMessage(otherPhone) > 0);
    OutboxMessage confirm = reminder(URI_A, 60, utc(3, 9));
    confirm.kind = MessageKind::Confirm;
    QVERIFY(m_store->insertMessage(confirm) > 0);
    QCOMPARE(m_store->messagesForInvitee(URI_A).size(), 4);
}

void TestStore::messageForUnknownAppointmentIsRefused()
{
    try {
        m_store->insertMessage(reminder(URI_B, 60, utc(3, 9)));
        QFAIL("the foreign key must refuse a message without its appointment");
    } catch (const StorageError &e) {
        QVERIFY2(e.message().contains(u"insertMessage"_s), qPrintable(e.message()));
        QVERIFY2(test::isForeignKeyViolation(e.message()), qPrintable(e.message()));
    }
}

void TestStore::everyKindAndStateFitsTheSchema()
{
    // The CHECK lists in the migration are literal: a new kind or state needs a new migration step.
    m_store->upsertAppointment(fullAppointment(URI_A));
    int offset = 0;
    for (const MessageKind kind : allMessageKinds()) {
        for (int s = int(MessageState::Queued); s <= int(MessageState::Unknown); ++s) {
            OutboxMessage m = reminder(URI_A, ++offset, utc(3, 9));
            m.kind = kind;
            m.state = MessageState(s);
            const qint64 id = m_store->insertMessage(m);
            QVERIFY2(id > 0, qPrintable(keyOf(kind) + u'/' + keyOf(m.state)));
            QCOMPARE(m_store->message(id)->kind, kind);
            QCOMPARE(m_store->message(id)->state, m.state);
        }
    }
}

void TestStore::checkConstraintRejectsUnknownStateAndKind()
{
    const qint64 id = insertMessageInState(MessageState::Queued);
    QVERIFY(id > 0);
    QString error = rawExec(u"UPDATE outbox SET state = 'lost' WHERE id = ?"_s, {id});
    QVERIFY2(test::isCheckViolation(error), qPrintable(error));
    error = rawExec(u"UPDATE outbox SET kind = 'fax' WHERE id = ?"_s, {id});
    QVERIFY2(test::isCheckViolation(error), qPrintable(error));
    QCOMPARE(m_store->message(id)->state, MessageState::Queued);
}

void TestStore::cancelPendingMessageOnlyFromPendingStates_data()
{
    QTest::addColumn<MessageState>("from");
    QTest::addColumn<bool>("changes");
    QTest::newRow("queued") << MessageState::Queued << true;
    QTest::newRow("retry_wait") << MessageState::RetryWait << true;
    QTest::newRow("sending") << MessageState::Sending << false;
    QTest::newRow("accepted") << MessageState::Accepted << false;
    QTest::newRow("failed") << MessageState::Failed << false;
    QTest::newRow("canceled") << MessageState::Canceled << false;
    QTest::newRow("skipped") << MessageState::Skipped << false;
    QTest::newRow("unknown") << MessageState::Unknown << false;
}

void TestStore::cancelPendingMessageOnlyFromPendingStates()
{
    QFETCH(MessageState, from);
    QFETCH(bool, changes);
    const qint64 id = insertMessageInState(from);
    QVERIFY(id > 0);
    m_clock.advanceMinutes(3);
    QCOMPARE(m_store->cancelPendingMessage(id, MessageState::Canceled, u"invitee canceled"_s), changes);
    const auto stored = m_store->message(id);
    QVERIFY(stored);
    if (changes) {
        QCOMPARE(stored->state, MessageState::Canceled);
        QCOMPARE(stored->skipReason, u"invitee canceled"_s);
        QCOMPARE(stored->updatedUtc, m_clock.nowUtc());
    } else {
        QCOMPARE(stored->state, from);
        QCOMPARE(stored->skipReason, QString());
        QCOMPARE(stored->updatedUtc, utc(2, 9));
    }
    QCOMPARE(m_store->cancelPendingMessage(id + 100, MessageState::Skipped, u"x"_s), false);
}

void TestStore::cancelPendingMessageRefusesANonTerminalTarget()
{
    const qint64 id = insertMessageInState(MessageState::Queued);
    QVERIFY_THROWS_EXCEPTION(StorageError, m_store->cancelPendingMessage(id, MessageState::Sending, {}));
    QCOMPARE(m_store->message(id)->state, MessageState::Queued);
}

void TestStore::messagesForInviteeAreOrderedByDueThenId()
{
    m_store->upsertAppointment(fullAppointment(URI_A));
    m_store->upsertAppointment(fullAppointment(URI_B));
    const qint64 late = m_store->insertMessage(reminder(URI_A, 60, utc(3, 9)));
    const qint64 tieFirst = m_store->insertMessage(reminder(URI_A, 1440, utc(2, 10)));
    OutboxMessage tie = reminder(URI_A, 1440, utc(2, 10));
    tie.kind = MessageKind::Confirm;
    const qint64 tieSecond = m_store->insertMessage(tie);
    m_store->insertMessage(reminder(URI_B, 60, utc(1, 0)));

    QList<qint64> ids;
    for (const OutboxMessage &m : m_store->messagesForInvitee(URI_A)) {
        ids.append(m.id);
    }
    QCOMPARE(ids, (QList<qint64>{tieFirst, tieSecond, late}));
    QVERIFY(m_store->messagesForInvitee(u"uri:nobody"_s).isEmpty());
}

void TestStore::messagesInStateFiltersAndOrders()
{
    m_store->upsertAppointment(fullAppointment(URI_A));
    const qint64 later = m_store->insertMessage(reminder(URI_A, 60, utc(3, 9)));
    const qint64 sooner = m_store->insertMessage(reminder(URI_A, 1440, utc(2, 10)));
    OutboxMessage skipped = reminder(URI_A, 5, utc(3, 10));
    skipped.state = MessageState::Skipped;
    const qint64 skippedId = m_store->insertMessage(skipped);

    QList<qint64> queued;
    for (const OutboxMessage &m : m_store->messagesInState(MessageState::Queued)) {
        queued.append(m.id);
    }
    QCOMPARE(queued, (QList<qint64>{sooner, later}));
    QCOMPARE(m_store->messagesInState(MessageState::Skipped).size(), 1);
    QCOMPARE(m_store->messagesInState(MessageState::Skipped).first().id, skippedId);
    QVERIFY(m_store->messagesInState(MessageState::Accepted).isEmpty());
}

// ---- booking events

void TestStore::bookingEventRoundTrips()
{
    Store::BookingEventRecord r;
    r.source = u"webhook"_s;
    r.eventName = u"invitee.created"_s;
    r.dedupeKey = u"invitee.created|A|2026-11-02T08:00:00Z"_s;
    static const char raw[] = "{\"event\":\"invitee.created\"}\0\xff binary tail";
    r.body = QByteArray(raw, sizeof(raw) - 1); // a NUL and a non-UTF-8 byte: stored as a BLOB
    const qint64 id = m_store->insertBookingEvent(r);
    QVERIFY(id > 0);

    const auto stored = m_store->bookingEvent(id);
    QVERIFY(stored);
    QCOMPARE(stored->id, id);
    QCOMPARE(stored->receivedUtc, m_clock.nowUtc()); // stamped when not given
    QCOMPARE(stored->source, r.source);
    QCOMPARE(stored->eventName, r.eventName);
    QCOMPARE(stored->dedupeKey, r.dedupeKey);
    QCOMPARE(stored->body, r.body);
    QCOMPARE(stored->outcome, u"pending"_s);
    QCOMPARE(stored->detail, QString());
    QCOMPARE(stored->duplicateOf, qint64(0));
    QVERIFY(!m_store->bookingEvent(id + 1));

    Store::BookingEventRecord garbage;
    garbage.source = u"manual"_s;
    garbage.receivedUtc = utc(1, 23, 59, 1);
    garbage.body = "not json";
    const auto storedGarbage = m_store->bookingEvent(m_store->insertBookingEvent(garbage));
    QVERIFY(storedGarbage);
    QCOMPARE(storedGarbage->receivedUtc, utc(1, 23, 59, 1));
    QCOMPARE(storedGarbage->dedupeKey, QString());
}

void TestStore::appliedEventIsFoundByDedupeKey()
{
    const QString key = u"invitee.canceled|A"_s;
    Store::BookingEventRecord r;
    r.source = u"webhook"_s;
    r.dedupeKey = key;
    const qint64 first = m_store->insertBookingEvent(r);
    QCOMPARE(m_store->findAppliedBookingEvent(key), qint64(0)); // pending is not applied

    m_store->setBookingEventOutcome(first, u"applied"_s, u"2 reminders withdrawn"_s);
    QCOMPARE(m_store->findAppliedBookingEvent(key), first);
    QCOMPARE(m_store->findAppliedBookingEvent(u"other"_s), qint64(0));
    QCOMPARE(m_store->findAppliedBookingEvent(QString()), qint64(0));

    r.source = u"poll"_s;
    const qint64 second = m_store->insertBookingEvent(r);
    m_store->setBookingEventOutcome(second, u"duplicate"_s, u"same as #1"_s, first);
    const auto stored = m_store->bookingEvent(second);
    QVERIFY(stored);
    QCOMPARE(stored->outcome, u"duplicate"_s);
    QCOMPARE(stored->detail, u"same as #1"_s);
    QCOMPARE(stored->duplicateOf, first);
    QCOMPARE(m_store->bookingEvent(first)->detail, u"2 reminders withdrawn"_s);
}

void TestStore::twoAppliedEventsWithOneKeyAreImpossible()
{
    Store::BookingEventRecord r;
    r.source = u"webhook"_s;
    r.dedupeKey = u"invitee.created|A"_s;
    const qint64 first = m_store->insertBookingEvent(r);
    const qint64 second = m_store->insertBookingEvent(r); // duplicates are stored for the record
    m_store->setBookingEventOutcome(first, u"applied"_s, {});
    QVERIFY_THROWS_EXCEPTION(StorageError, m_store->setBookingEventOutcome(second, u"applied"_s, {}));
    QCOMPARE(m_store->bookingEvent(second)->outcome, u"pending"_s);

    const QString error = rawExec(u"INSERT INTO booking_events (received_utc_ms, source, dedupe_key, outcome)"
                                  " VALUES (0, 'manual', ?, 'applied')"_s,
                                  {r.dedupeKey});
    QVERIFY2(test::isUniqueViolation(error), qPrintable(error));
    // Events without a key (unparseable) are never in each other's way.
    QCOMPARE(
        rawExec(
            u"INSERT INTO booking_events (received_utc_ms, source, outcome) VALUES (0, 'manual', 'applied')"_s),
        QString());
    QCOMPARE(
        rawExec(
            u"INSERT INTO booking_events (received_utc_ms, source, outcome) VALUES (0, 'manual', 'applied')"_s),
        QString());
}

void TestStore::bookingEventsFilterByOutcomeOldestFirst()
{
    QList<qint64> ids;
    for (int i = 0; i < 4; ++i) {
        Store::BookingEventRecord r;
        r.source = u"poll"_s;
        r.dedupeKey = u"key-%1"_s.arg(i);
        r.receivedUtc = utc(2, 9, 10 - i); // a clock that stepped back must not reorder them
        ids.append(m_store->insertBookingEvent(r));
    }
    m_store->setBookingEventOutcome(ids[1], u"ignored"_s, u"not ours"_s);

    QList<qint64> pending;
    for (const auto &r : m_store->bookingEvents(u"pending"_s)) {
        pending.append(r.id);
    }
    QCOMPARE(pending, (QList<qint64>{ids[0], ids[2], ids[3]}));
    QCOMPARE(m_store->bookingEvents().size(), 4);
    QCOMPARE(m_store->bookingEvents().first().id, ids[0]);
    QCOMPARE(m_store->bookingEvents(u"ignored"_s).size(), 1);
}

void TestStore::settingOutcomeOfUnknownEventThrows()
{
    try {
        m_store->setBookingEventOutcome(42, u"applied"_s, {});
        QFAIL("must throw");
    } catch (const StorageError &e) {
        QVERIFY2(e.message().contains(u"setBookingEventOutcome"_s), qPrintable(e.message()));
        QVERIFY2(e.message().contains(u"#42"_s), qPrintable(e.message()));
    }
}

// ---- message_log

void TestStore::messageLogRecordsEveryStateChange_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("state");  // the state the row records
    QTest::addColumn<QString>("detail"); // and its reason

    QTest::newRow("planned") << u"insert"_s << u"queued"_s << u""_s;
    QTest::newRow("planned as skipped, with why")
        << u"insert skipped"_s << u"skipped"_s << u"no phone number"_s;
    QTest::newRow("withdrawn") << u"cancel"_s << u"canceled"_s << u"invitee canceled"_s;
    QTest::newRow("picked up for sending") << u"sending"_s << u"sending"_s << u""_s;
    QTest::newRow("accepted by the provider") << u"accepted"_s << u"accepted"_s << u""_s;
    QTest::newRow("to be retried, with the error") << u"retry"_s << u"retry_wait"_s << u"HTTP 503"_s;
    QTest::newRow("failed: the plain reason wins over the error")
        << u"failed"_s << u"failed"_s << u"the number cannot receive texts"_s;
    QTest::newRow("maybe sent") << u"unknown"_s << u"unknown"_s << u"connection lost after sending"_s;
    QTest::newRow("never left: queued again") << u"unsent"_s << u"queued"_s << u"credentials refused"_s;
    QTest::newRow("held for quiet hours") << u"hold"_s << u"queued"_s << u"quiet hours: held until 08:00"_s;
    QTest::newRow("sent now by the desk") << u"due now"_s << u"queued"_s << u"send now by ploy"_s;
    QTest::newRow("skipped, queued again for a corrected number")
        << u"requeue"_s << u"queued"_s << u"number corrected by ploy"_s;
    QTest::newRow("delivery receipt") << u"delivered"_s << u"accepted"_s << u"delivery: delivered"_s;
    QTest::newRow("delivery receipt with a code")
        << u"bounced"_s << u"accepted"_s << u"delivery: sent_failed (4001)"_s;
}

void TestStore::messageLogRecordsEveryStateChange()
{
    QFETCH(QString, change);
    QFETCH(QString, state);
    QFETCH(QString, detail);

    m_store->upsertAppointment(fullAppointment(URI_A));
    qint64 id = 0;
    int logged = 0; // rows of this message before the change under test
    if (change == u"insert skipped"_s || change == u"requeue"_s) {
        OutboxMessage m = reminder(URI_A, 60, utc(3, 9));
        m.state = MessageState::Skipped;
        m.skipReason = u"no phone number"_s;
        m.lastError = u"not this"_s;
        id = m_store->insertMessage(m);
    } else {
        id = m_store->insertMessage(reminder(URI_A, 60, utc(3, 9)));
    }
    QVERIFY(id > 0);
    if (change != u"insert"_s && change != u"insert skipped"_s) {
        logged = 1;
        const QStringList afterSending{u"accepted"_s, u"retry"_s,     u"failed"_s, u"unknown"_s,
                                       u"unsent"_s,   u"delivered"_s, u"bounced"_s};
        if (afterSending.contains(change)) {
            QVERIFY(m_store->markSending(id));
            ++logged;
        }
        if (change == u"delivered"_s || change == u"bounced"_s) {
            Store::SendOutcome accepted;
            accepted.state = MessageState::Accepted;
            accepted.providerMessageId = u"7300000000000000001"_s;
            m_store->finishSending(id, accepted);
            ++logged;
        }
        QCOMPARE(m_store->messageLog(id).size(), logged);
        m_clock.advanceMinutes(7);

        Store::SendOutcome outcome;
        if (change == u"cancel"_s) {
            QVERIFY(m_store->cancelPendingMessage(id, MessageState::Canceled, u"invitee canceled"_s));
        } else if (change == u"sending"_s) {
            QVERIFY(m_store->markSending(id));
        } else if (change == u"accepted"_s) {
            outcome.state = MessageState::Accepted;
            outcome.providerMessageId = u"7300000000000000001"_s;
            m_store->finishSending(id, outcome);
        } else if (change == u"retry"_s) {
            outcome.state = MessageState::RetryWait;
            outcome.nextAttemptUtc = m_clock.nowUtc().addSecs(60);
            outcome.error = u"HTTP 503"_s;
            m_store->finishSending(id, outcome);
        } else if (change == u"failed"_s) {
            outcome.state = MessageState::Failed;
            outcome.error = u"HTTP 400"_s;
            outcome.reason = u"the number cannot receive texts"_s;
            m_store->finishSending(id, outcome);
        } else if (change == u"unknown"_s) {
            outcome.state = MessageState::Unknown;
            outcome.reason = u"connection lost after sending"_s;
            m_store->finishSending(id, outcome);
        } else if (change == u"unsent"_s) {
            outcome.state = MessageState::Queued;
            outcome.error = u"credentials refused"_s;
            m_store->finishSending(id, outcome);
        } else if (change == u"hold"_s) {
            QVERIFY(m_store->holdMessage(id, utc(3, 1), u"quiet hours: held until 08:00"_s));
        } else if (change == u"due now"_s) {
            QVERIFY(m_store->setMessageDueNow(id, m_clock.nowUtc(), u"send now by ploy"_s));
        } else if (change == u"requeue"_s) {
            QVERIFY(m_store->requeueSkippedMessage(id, u"+66811111111"_s, u"number corrected by ploy"_s));
        } else if (change == u"delivered"_s) {
            QCOMPARE(m_store->recordDelivery(0, u"7300000000000000001"_s, u"delivered"_s, {}, utc(2, 9, 1)),
                     id);
        } else if (change == u"bounced"_s) {
            QCOMPARE(m_store->recordDelivery(id, {}, u"sent_failed"_s, u"4001"_s, utc(2, 9, 1)), id);
        } else {
            QFAIL(qPrintable(u"no such change: "_s + change));
        }
    }

    const auto log = m_store->messageLog(id);
    QCOMPARE(log.size(), logged + 1); // exactly one row for the change
    const auto &row = log.last();
    QCOMPARE(row.state, state);
    QCOMPARE(row.detail, detail);
    QCOMPARE(row.messageId, id);
    QCOMPARE(row.inviteeUri, URI_A);
    QCOMPARE(row.kind, u"reminder"_s);
    QCOMPARE(row.atUtc, m_clock.nowUtc());
    // The row says what the message now is.
    QCOMPARE(keyOf(m_store->message(id)->state), state);
    QCOMPARE(m_store->messageLog().size(), log.size()); // nothing logged for other messages
}

void TestStore::refusedOrStatelessChangesLogNothing()
{
    const qint64 accepted = insertMessageInState(MessageState::Accepted);
    QVERIFY(accepted > 0);
    const auto rows = [this] {
        return m_store->messageLog().size();
    };
    const qsizetype before = rows();
    QCOMPARE(before, 1); // its insertion

    QVERIFY(!m_store->cancelPendingMessage(accepted, MessageState::Canceled, u"too late"_s));
    QVERIFY(!m_store->markSending(accepted));
    QVERIFY(!m_store->holdMessage(accepted, utc(3, 1), u"quiet hours"_s));
    QCOMPARE(m_store->insertMessage(reminder(URI_A, 60, utc(3, 9))), qint64(0)); // same key
    m_store->setMessageParams(accepted, QJsonObject{{u"name"_s, u"Ploy"_s}});
    QCOMPARE(m_store->recordDelivery(0, u"no such provider id"_s, u"delivered"_s, {}, {}), qint64(0));
    QVERIFY_THROWS_EXCEPTION(StorageError, m_store->finishSending(accepted, Store::SendOutcome{}));
    QCOMPARE(rows(), before);
}

void TestStore::interruptedSendsAreLoggedOneByOne()
{
    m_store->upsertAppointment(fullAppointment(URI_A));
    m_store->upsertAppointment(fullAppointment(URI_B));
    QList<qint64> sending;
    for (const auto &[uri, offset] :
         QList<std::pair<QString, int>>{{URI_A, 60}, {URI_A, 1440}, {URI_B, 60}}) {
        const qint64 id = m_store->insertMessage(reminder(uri, offset, utc(2, 8)));
        QVERIFY(m_store->markSending(id));
        sending.append(id);
    }
    const qint64 queued = m_store->insertMessage(reminder(URI_B, 1440, utc(3, 8)));
    m_clock.advanceMinutes(30);

    QCOMPARE(m_store->markInterruptedSendsUnknown(u"Deskbell stopped while sending"_s), 3);
    for (const qint64 id : sending) {
        const auto log = m_store->messageLog(id);
        QCOMPARE(log.size(), 3); // queued, sending, unknown
        QCOMPARE(log.last().state, u"unknown"_s);
        QCOMPARE(log.last().detail, u"Deskbell stopped while sending"_s);
        QCOMPARE(log.last().atUtc, m_clock.nowUtc());
        QCOMPARE(log.last().inviteeUri, m_store->message(id)->inviteeUri);
        QCOMPARE(m_store->message(id)->state, MessageState::Unknown);
    }
    QCOMPARE(m_store->messageLog(queued).size(), 1);
    QCOMPARE(m_store->markInterruptedSendsUnknown(u"again"_s), 0);
    QCOMPARE(m_store->messageLog().size(), 3 * 3 + 1);
}

// ---- several instances: claims and leases

void TestStore::claimTakesEachDueMessageOnceForItsInstance()
{
    m_store->upsertAppointment(fullAppointment(URI_A));
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i) {
        ids.append(m_store->insertMessage(reminder(URI_A, 10 + i, utc(2, 8, i))));
    }
    m_store->insertMessage(reminder(URI_A, 99, utc(2, 10))); // not due yet

    QList<OutboxMessage> first;
    {
        Transaction tx(*m_db);
        first = m_store->claimDueMessages(m_clock.nowUtc(), 3, u"desk-1"_s);
        tx.commit();
    }
    QList<OutboxMessage> second;
    {
        Transaction tx(*m_db);
        second = m_store->claimDueMessages(m_clock.nowUtc(), 10, u"server-2"_s);
        tx.commit();
    }
    QCOMPARE(first.size(), 3);
    QCOMPARE(second.size(), 2); // the rest, and not the one due later
    QList<qint64> claimed;
    for (const auto &m : first + second) {
        claimed.append(m.id);
        QCOMPARE(keyOf(m.state), u"sending"_s);
        QCOMPARE(m.attempts, 1);
    }
    QCOMPARE(claimed, ids); // earliest first, each once
    for (const auto &[list, instance] : {std::pair{first, u"desk-1"_s}, std::pair{second, u"server-2"_s}}) {
        for (const auto &m : list) {
            QCOMPARE(keyOf(m_store->message(m.id)->state), u"sending"_s);
            QCOMPARE(rawValue(u"SELECT claimed_by FROM outbox WHERE id = ?"_s, {m.id}).toString(), instance);
        }
    }
    Transaction tx(*m_db);
    QVERIFY(m_store->claimDueMessages(m_clock.nowUtc(), 10, u"desk-1"_s).isEmpty());
}

// Two instances claiming at the same moment on PostgreSQL: the second passes over the rows the first
// holds in its open transaction instead of waiting for them (SQLite has one writer at a time: its
// second transaction could not even begin).
void TestStore::claimSkipsRowsAnotherTransactionHolds()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("SQLite lets one write transaction run at a time: nothing to skip");
    }
    m_store->upsertAppointment(fullAppointment(URI_A));
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i) {
        ids.append(m_store->insertMessage(reminder(URI_A, 10 + i, utc(2, 8, i))));
    }
    Database other(nextConnectionName());
    other.open(m_location);
    Store otherStore(other, m_clock);
    // Waiting would hang this single-threaded test: make a wait an error instead.
    QSqlQuery timeout(m_db->connection());
    QVERIFY2(timeout.exec(u"SET lock_timeout = '3s'"_s), qPrintable(timeout.lastError().text()));

    auto holding = std::make_unique<Transaction>(other);
    const auto held = otherStore.lockDueMessages(m_clock.nowUtc(), 2);
    QCOMPARE(held.size(), 2);
    QCOMPARE(held.first().id, ids.at(0));

    QElapsedTimer waited;
    waited.start();
    QList<OutboxMessage> claimed;
    {
        Transaction tx(*m_db);
        claimed = m_store->claimDueMessages(m_clock.nowUtc(), 10, u"server-2"_s);
        tx.commit();
    }
    QVERIFY2(waited.elapsed() < 2000, qPrintable(QString::number(waited.elapsed())));
    QCOMPARE(claimed.size(), 3);
    QCOMPARE(claimed.first().id, ids.at(2));
    QCOMPARE(claimed.last().id, ids.at(4));

    holding.reset(); // rolled back: the held rows were never claimed and are due again
    Transaction tx(*m_db);
    const auto rest = m_store->claimDueMessages(m_clock.nowUtc(), 10, u"server-2"_s);
    QCOMPARE(rest.size(), 2);
    QCOMPARE(rest.first().id, ids.at(0));
    tx.commit();
}

void TestStore::abandonedSendsAreThoseOfDeadInstances()
{
    m_store->upsertAppointment(fullAppointment(URI_A));
    const QDateTime now = m_clock.nowUtc();
    m_store->upsertInstance({u"self"_s, u"desk"_s, 10, now, now});
    m_store->upsertInstance({u"live"_s, u"desk"_s, 11, now.addSecs(-600), now.addSecs(-59)});
    m_store->upsertInstance({u"dead"_s, u"server"_s, 12, now.addSecs(-600), now.addSecs(-61)});
    QHash<QString, qint64> byClaim;
    int offset = 10;
    for (const QString &claim : {u"self"_s, u"live"_s, u"dead"_s, u"gone"_s, QString()}) {
        const qint64 id = m_store->insertMessage(reminder(URI_A, offset++, utc(2, 8)));
        QVERIFY(m_store->markSending(id, claim));
        byClaim.insert(claim.isEmpty() ? u"none"_s : claim, id);
    }
    const qint64 queued = m_store->insertMessage(reminder(URI_A, 99, utc(2, 8)));

    Store::AbandonedSends which;
    which.selfId = u"self"_s;
    which.staleBeforeUtc = now.addSecs(-60);
    const auto changed = m_store->markAbandonedSendsUnknown(u"maybe sent: test"_s, which);
    QCOMPARE(changed, (QList<qint64>{byClaim.value(u"dead"_s), byClaim.value(u"gone"_s)}));
    for (const QString &claim : {u"dead"_s, u"gone"_s}) {
        const auto m = m_store->message(byClaim.value(claim));
        QCOMPARE(keyOf(m->state), u"unknown"_s); // never queued again: it may have gone out
        QCOMPARE(m->skipReason, u"maybe sent: test"_s);
        QCOMPARE(m_store->messageLog(m->id).last().state, u"unknown"_s);
    }
    for (const QString &claim : {u"self"_s, u"live"_s, u"none"_s}) {
        QCOMPARE(keyOf(m_store->message(byClaim.value(claim))->state), u"sending"_s);
    }
    QCOMPARE(keyOf(m_store->message(queued)->state), u"queued"_s);
    QStringList registered;
    for (const auto &i : m_store->instances()) {
        registered.append(i.instanceId);
    }
    QCOMPARE(registered, (QStringList{u"live"_s, u"self"_s})); // the dead one's registration is gone
    QVERIFY(m_store->markAbandonedSendsUnknown(u"again"_s, which).isEmpty());

    // One process per SQLite file: an instance not running in it is dead whatever its heartbeat.
    which.onlyAlive = QStringList{u"self"_s};
    QCOMPARE(m_store->markAbandonedSendsUnknown(u"maybe sent: test"_s, which),
             QList<qint64>{byClaim.value(u"live"_s)});
    QCOMPARE(keyOf(m_store->message(byClaim.value(u"self"_s))->state), u"sending"_s);
}

void TestStore::startingInstanceSettlesItsOwnAndUnclaimedSends()
{
    m_store->upsertAppointment(fullAppointment(URI_A));
    const QDateTime now = m_clock.nowUtc();
    m_store->upsertInstance({u"self"_s, u"desk"_s, 10, now, now}); // its earlier run, killed
    m_store->upsertInstance({u"live"_s, u"desk"_s, 11, now, now});
    const qint64 own = m_store->insertMessage(reminder(URI_A, 10, utc(2, 8)));
    const qint64 unclaimed = m_store->insertMessage(reminder(URI_A, 11, utc(2, 8)));
    const qint64 live = m_store->insertMessage(reminder(URI_A, 12, utc(2, 8)));
    QVERIFY(m_store->markSending(own, u"self"_s));
    QVERIFY(m_store->markSending(unclaimed)); // before schema 5
    QVERIFY(m_store->markSending(live, u"live"_s));

    Store::AbandonedSends which;
    which.selfId = u"self"_s;
    which.staleBeforeUtc = now.addSecs(-60);
    which.starting = true;
    QCOMPARE(m_store->markAbandonedSendsUnknown(u"maybe sent: restart"_s, which),
             (QList<qint64>{own, unclaimed}));
    QCOMPARE(keyOf(m_store->message(live)->state), u"sending"_s);
    QCOMPARE(m_store->instances().size(), 1);
    QCOMPARE(m_store->instances().first().instanceId, u"live"_s);
}

void TestStore::lateAnswerSettlesAMessageGivenUpOn()
{
    m_store->upsertAppointment(fullAppointment(URI_A));
    const qint64 id = m_store->insertMessage(reminder(URI_A, 10, utc(2, 8)));
    QVERIFY(m_store->markSending(id, u"slow"_s));
    Store::AbandonedSends which;
    which.selfId = u"other"_s;
    which.staleBeforeUtc = m_clock.nowUtc();
    QCOMPARE(m_store->markAbandonedSendsUnknown(u"maybe sent"_s, which), QList<qint64>{id});

    Store::SendOutcome o;
    o.state = MessageState::Accepted;
    o.providerMessageId = u"1972488990804201472"_s;
    QVERIFY_THROWS_EXCEPTION(StorageError, m_store->finishSending(id, o)); // no instance: not sending
    o.instanceId = u"another"_s;
    QVERIFY_THROWS_EXCEPTION(StorageError, m_store->finishSending(id, o)); // not its claim
    o.instanceId = u"slow"_s;
    m_store->finishSending(id, o);
    const auto m = m_store->message(id);
    QCOMPARE(keyOf(m->state), u"accepted"_s);
    QCOMPARE(m->providerMessageId, u"1972488990804201472"_s);
    QVERIFY(m->skipReason.isEmpty());
}

void TestStore::instancesRegisterRenewAndLeave()
{
    const QDateTime started = m_clock.nowUtc();
    m_store->upsertInstance({u"desk-1"_s, u"front-desk"_s, 4242, started, started});
    m_clock.advanceSecs(20);
    m_store->upsertInstance({u"desk-1"_s, u"front-desk"_s, 4242, m_clock.nowUtc(), m_clock.nowUtc()});
    auto list = m_store->instances();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().host, u"front-desk"_s);
    QCOMPARE(list.first().pid, qint64(4242));
    QCOMPARE(list.first().startedUtc, started); // a renewal keeps the start
    QCOMPARE(list.first().heartbeatUtc, m_clock.nowUtc());
    m_store->removeInstance(u"desk-1"_s);
    QVERIFY(m_store->instances().isEmpty());
}

// ---- opt-outs and audit

void TestStore::optOutsCanBeAddedAndRemoved()
{
    const QString number = u"+66812345678"_s;
    QVERIFY(!m_store->isOptedOut(number));
    m_store->addOptOut(number, u"sms"_s, u"STOP"_s);
    QVERIFY(m_store->isOptedOut(number));
    QVERIFY(!m_store->isOptedOut(u"+66812345679"_s));
    QVERIFY(!m_store->isOptedOut(QString()));

    m_clock.advanceMinutes(1);
    m_store->addOptOut(number, u"operator"_s, u"asked by phone"_s); // a repeat keeps the first
    QCOMPARE(rawValue(u"SELECT source FROM opt_outs WHERE phone_e164 = ?"_s, {number}).toString(), u"sms"_s);
    QCOMPARE(rawValue(u"SELECT created_utc_ms FROM opt_outs"_s).toLongLong(), utc(2, 9).toMSecsSinceEpoch());

    m_store->removeOptOut(number);
    QVERIFY(!m_store->isOptedOut(number));
    m_store->removeOptOut(number); // removing twice is harmless
    QVERIFY_THROWS_EXCEPTION(StorageError, m_store->addOptOut(QString(), u"sms"_s, {}));
}

void TestStore::auditLogKeepsEntriesInOrder()
{
    Store::AuditEntry pause;
    pause.actor = u"ploy"_s;
    pause.action = u"pause"_s;
    pause.reason = u"holiday"_s;
    pause.details = u"{\"until\":\"2026-11-10\"}"_s;
    const qint64 first = m_store->appendAudit(pause);
    m_clock.advanceMinutes(2);
    Store::AuditEntry resend;
    resend.actor = u"deskbell"_s;
    resend.action = u"resend"_s;
    resend.target = u"outbox#7"_s;
    resend.atUtc = utc(1, 12);
    const qint64 second = m_store->appendAudit(resend);
    QVERIFY(first > 0);
    QVERIFY(second > first);

    const auto entries = m_store->auditEntries();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].id, first);
    QCOMPARE(entries[0].atUtc, utc(2, 9));
    QCOMPARE(entries[0].actor, u"ploy"_s);
    QCOMPARE(entries[0].action, u"pause"_s);
    QCOMPARE(entries[0].target, QString());
    QCOMPARE(entries[0].reason, u"holiday"_s);
    QCOMPARE(entries[0].details, pause.details);
    QCOMPARE(entries[1].id, second);
    QCOMPARE(entries[1].atUtc, utc(1, 12));
    QCOMPARE(entries[1].target, u"outbox#7"_s);
}

void TestStore::dataSurvivesReopeningTheFile()
{
    m_store->upsertAppointment(fullAppointment(URI_A));
    const qint64 messageId = m_store->insertMessage(reminder(URI_A, 60, utc(3, 9)));
    Store::BookingEventRecord r;
    r.source = u"webhook"_s;
    r.body = "{}";
    const qint64 eventId = m_store->insertBookingEvent(r);
    m_store->addOptOut(u"+66899999999"_s, u"sms"_s, {});
    Store::AuditEntry entry;
    entry.actor = u"ploy"_s;
    entry.action = u"resume"_s;
    m_store->appendAudit(entry);

    closeDatabase();
    openDatabase();

    const auto a = m_store->appointment(URI_A);
    QVERIFY(a);
    QCOMPARE(a->cancelReason, fullAppointment(URI_A).cancelReason);
    QCOMPARE(a->startUtc, fullAppointment(URI_A).startUtc);
    const auto m = m_store->message(messageId);
    QVERIFY(m);
    QCOMPARE(m->params, reminder(URI_A, 60, utc(3, 9)).params);
    QCOMPARE(m_store->bookingEvent(eventId)->body, QByteArray("{}"));
    QVERIFY(m_store->isOptedOut(u"+66899999999"_s));
    QCOMPARE(m_store->auditEntries().size(), 1);
    // Ids keep growing after a reopen (AUTOINCREMENT, identity), so an old id never names a new row.
    QVERIFY(m_store->insertMessage(reminder(URI_A, 5, utc(3, 9))) > messageId);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
