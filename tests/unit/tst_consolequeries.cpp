#include "domain/Appointment.h"
#include "domain/Message.h"
#include "storage/ConsoleQueries.h"
#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/Store.h"
#include "support/FakeClock.h"
#include "support/Printers.h"
#include "support/TestDatabase.h"
#include "ui_load_data.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <memory>
#include <tuple>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

using Source = ConsoleQueries::LogEntry::Source;

QString nextConnectionName()
{
    static int counter = 0;
    return u"tst_consolequeries_%1"_s.arg(++counter);
}

QDateTime utc(int month, int day, int hour, int minute = 0, int second = 0, int ms = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute, second, ms), QTimeZone::utc());
}

const QString URI_A = u"https://api.calendly.com/scheduled_events/E1/invitees/A"_s;
const QString URI_B = u"https://api.calendly.com/scheduled_events/E2/invitees/B"_s;
const QString URI_C = u"https://api.calendly.com/scheduled_events/E3/invitees/C"_s;

Appointment appointment(const QString &uri, const QString &name, const QDateTime &start)
{
    Appointment a;
    a.inviteeUri = uri;
    a.inviteeName = name;
    a.eventName = u"Consultation"_s;
    a.startUtc = start;
    a.endUtc = start.addSecs(1800);
    return a;
}

OutboxMessage message(const QString &uri, MessageKind kind, int offsetMin, const QDateTime &due,
                      MessageState state = MessageState::Queued)
{
    OutboxMessage m;
    m.inviteeUri = uri;
    m.kind = kind;
    m.offsetMin = offsetMin;
    m.recipient = u"+66812345678"_s;
    m.dueUtc = due;
    m.state = state;
    return m;
}

QStringList urisOf(const QList<ConsoleQueries::UpcomingItem> &items)
{
    QStringList uris;
    for (const auto &item : items) {
        uris.append(item.appointment.inviteeUri);
    }
    return uris;
}

// "B#3" / "M#12" / "O#1": source and id, enough to compare orders.
QString tag(const ConsoleQueries::LogEntry &e)
{
    const char *letter = e.source == Source::Booking ? "B" : e.source == Source::Message ? "M" : "O";
    return QString::fromLatin1(letter) + u'#' + QString::number(e.id);
}

QStringList tagsOf(const QList<ConsoleQueries::LogEntry> &entries)
{
    QStringList tags;
    for (const auto &e : entries) {
        tags.append(tag(e));
    }
    return tags;
}

// The log's order, newest first: time, then source (operator > message > booking), then id.
bool newerThan(const ConsoleQueries::LogEntry &a, const ConsoleQueries::LogEntry &b)
{
    return std::tuple(a.atUtc.toMSecsSinceEpoch(), int(a.source), a.id) >
           std::tuple(b.atUtc.toMSecsSinceEpoch(), int(b.source), b.id);
}

} // namespace

class TestConsoleQueries : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void upcomingPagesHaveNoOverlapsOrGaps();
    void upcomingRangeIncludesItsStartAndExcludesItsEnd();
    void upcomingLoadsEveryMessageOfThePageInOneQuery();
    void upcomingSearch_data();
    void upcomingSearch();
    void appointmentWithMessagesFindsOneOrNone();

    void logMergesTheThreeSourcesNewestFirst();
    void logShowsTheNumberAMessageWentTo();
    void logKeysetPagingIsStableWhenEntriesShareATimestamp();
    void logFiltersByState_data();
    void logFiltersByState();
    void logSearchMatchesNamesPhonesAndDetails();
    void logSinceReturnsOnlyNewerEntriesOldestFirst();

    void countsUseTheDesksCalendarDay();
    void countsTodayAcrossTheAutumnDstChange();
    void dailyStatsCountByDeskDayAcrossDst_data();
    void dailyStatsCountByDeskDayAcrossDst();
    void nextSendsWindowIncludesNowAndExcludesItsEnd();
    void deliveryCountsAcceptedDeliveredAndFailed();

    void queriesReadIndexesNotWholeTables();
    void largeDeskReadTimes();

private:
    void openDatabase();
    // Runs the whole send of a message at the clock's time: queued -> sending -> state.
    void send(qint64 id, MessageState state, const QString &reason = {});
    qint64 bookingEvent(const QString &eventName, const QString &uri, const QString &outcome,
                        const QString &detail = {});
    qint64 audit(const QString &action, const QString &target, const QString &reason = {});

    test::TestDatabase m_data; // SQLite, or PostgreSQL under support/with-postgres.sh
    Database::Location m_location;
    test::FakeClock m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ConsoleQueries> m_queries;
};

void TestConsoleQueries::initTestCase()
{
    QLoggingCategory::setFilterRules(u"deskbell.storage.info=false"_s);
    qInfo().noquote() << u"backend: %1"_s.arg(test::TestDatabase::backendName());
}

void TestConsoleQueries::init()
{
    m_location = m_data.fresh();
    QVERIFY2(m_data.isValid(), qPrintable(m_data.error()));
    m_clock.set(utc(11, 2, 9));
    openDatabase();
}

void TestConsoleQueries::cleanup()
{
    m_queries.reset();
    m_store.reset();
    m_db.reset();
    m_data.reset();
}

void TestConsoleQueries::openDatabase()
{
    m_db = std::make_unique<Database>(nextConnectionName());
    m_db->open(m_location);
    m_store = std::make_unique<Store>(*m_db, m_clock);
    m_queries = std::make_unique<ConsoleQueries>(*m_db);
}

void TestConsoleQueries::send(qint64 id, MessageState state, const QString &reason)
{
    QVERIFY(m_store->markSending(id));
    Store::SendOutcome outcome;
    outcome.state = state;
    outcome.reason = reason;
    if (state == MessageState::Accepted) {
        outcome.providerMessageId = u"73%1"_s.arg(id, 17, 10, QChar(u'0'));
    }
    m_store->finishSending(id, outcome);
}

qint64 TestConsoleQueries::bookingEvent(const QString &eventName, const QString &uri, const QString &outcome,
                                        const QString &detail)
{
    Store::BookingEventRecord r;
    r.source = u"webhook"_s;
    r.eventName = eventName;
    r.dedupeKey = uri.isEmpty() ? QString() : eventName + u'|' + uri;
    r.body = "{}";
    const qint64 id = m_store->insertBookingEvent(r);
    m_store->setBookingEventOutcome(id, outcome, detail);
    return id;
}

qint64 TestConsoleQueries::audit(const QString &action, const QString &target, const QString &reason)
{
    Store::AuditEntry e;
    e.actor = u"ploy"_s;
    e.action = action;
    e.target = target;
    e.reason = reason;
    return m_store->appendAudit(e);
}

// ---- upcoming

void TestConsoleQueries::upcomingPagesHaveNoOverlapsOrGaps()
{
    // Three appointments per hour share a start time; they are inserted out of order, so only the
    // query's own ordering (start, then invitee URI) can give stable pages.
    QStringList expected;
    for (int hour = 0; hour < 9; ++hour) {
        for (const char *letter : {"a", "b", "c"}) {
            expected.append(u"uri:%1-%2"_s.arg(hour).arg(QLatin1String(letter)));
        }
    }
    QStringList shuffled = expected;
    std::reverse(shuffled.begin(), shuffled.end());
    std::rotate(shuffled.begin(), shuffled.begin() + 10, shuffled.end());
    for (const QString &uri : shuffled) {
        const int hour = uri.section(u':', 1).section(u'-', 0, 0).toInt();
        m_store->upsertAppointment(appointment(uri, uri, utc(11, 3, 8 + hour)));
    }

    ConsoleQueries::UpcomingFilter filter;
    filter.fromUtc = utc(11, 3, 0);
    filter.toUtc = utc(11, 4, 0);
    filter.limit = 4;
    QStringList paged;
    for (filter.offset = 0; filter.offset < 40; filter.offset += filter.limit) {
        const auto page = m_queries->upcoming(filter);
        QVERIFY(page.size() <= filter.limit);
        paged += urisOf(page);
    }
    QCOMPARE(paged, expected);
    QCOMPARE(m_queries->upcomingCount(filter), 27);

    filter.offset = 25;
    QCOMPARE(urisOf(m_queries->upcoming(filter)), (QStringList{u"uri:8-b"_s, u"uri:8-c"_s}));
    filter.limit = 0;
    QVERIFY(m_queries->upcoming(filter).isEmpty());
}

void TestConsoleQueries::upcomingRangeIncludesItsStartAndExcludesItsEnd()
{
    m_store->upsertAppointment(appointment(u"uri:before"_s, u"Before"_s, utc(11, 3, 7, 59, 59, 999)));
    m_store->upsertAppointment(appointment(u"uri:at-from"_s, u"At from"_s, utc(11, 3, 8)));
    m_store->upsertAppointment(appointment(u"uri:inside"_s, u"Inside"_s, utc(11, 3, 12)));
    m_store->upsertAppointment(appointment(u"uri:last-ms"_s, u"Last ms"_s, utc(11, 3, 17, 59, 59, 999)));
    m_store->upsertAppointment(appointment(u"uri:at-to"_s, u"At to"_s, utc(11, 3, 18)));

    ConsoleQueries::UpcomingFilter filter;
    filter.fromUtc = utc(11, 3, 8);
    filter.toUtc = utc(11, 3, 18);
    QCOMPARE(urisOf(m_queries->upcoming(filter)),
             (QStringList{u"uri:at-from"_s, u"uri:inside"_s, u"uri:last-ms"_s}));
    QCOMPARE(m_queries->upcomingCount(filter), 3);

    filter.toUtc = QDateTime(); // unbounded above
    QCOMPARE(m_queries->upcomingCount(filter), 4);
    filter.fromUtc = QDateTime();
    filter.toUtc = utc(11, 3, 8);
    QCOMPARE(urisOf(m_queries->upcoming(filter)), QStringList{u"uri:before"_s});
}

void TestConsoleQueries::upcomingLoadsEveryMessageOfThePageInOneQuery()
{
    m_store->upsertAppointment(appointment(URI_A, u"Somchai"_s, utc(11, 3, 10)));
    m_store->upsertAppointment(appointment(URI_B, u"Anna"_s, utc(11, 3, 11)));
    m_store->upsertAppointment(appointment(URI_C, u"Nobody texts me"_s, utc(11, 3, 12)));
    const qint64 aLate = m_store->insertMessage(message(URI_A, MessageKind::Reminder, 60, utc(11, 3, 9)));
    const qint64 aEarly = m_store->insertMessage(message(URI_A, MessageKind::Reminder, 1440, utc(11, 2, 10)));
    OutboxMessage resend = message(URI_A, MessageKind::Reminder, 1440, utc(11, 2, 12));
    resend.generation = 1;
    resend.resendOf = aEarly;
    const qint64 aResend = m_store->insertMessage(resend);
    const qint64 bConfirm = m_store->insertMessage(message(URI_B, MessageKind::Confirm, 0, utc(11, 2, 9)));
    QVERIFY(aResend > 0);

    ConsoleQueries::UpcomingFilter filter;
    filter.fromUtc = utc(11, 3, 0);
    filter.toUtc = utc(11, 4, 0);
    m_queries->setRecordPlans(true);
    const auto page = m_queries->upcoming(filter);
    const QStringList plans = m_queries->takePlans();
    QCOMPARE(plans.filter(QRegularExpression(u"^SQL: "_s)).size(), 2); // the page, then its messages

    QCOMPARE(urisOf(page), (QStringList{URI_A, URI_B, URI_C}));
    QList<qint64> ids;
    for (const OutboxMessage &m : page[0].messages) {
        ids.append(m.id);
    }
    QCOMPARE(ids, (QList<qint64>{aEarly, aResend, aLate}));
    QCOMPARE(page[0].messages[1].generation, 1);
    QCOMPARE(page[0].messages[1].resendOf, aEarly);
    QCOMPARE(page[0].messages[0].offsetMin, 1440);
    QCOMPARE(page[0].messages[0].dueUtc, utc(11, 2, 10));
    QCOMPARE(page[1].messages.size(), 1);
    QCOMPARE(page[1].messages[0].id, bConfirm);
    QCOMPARE(page[1].messages[0].kind, MessageKind::Confirm);
    QVERIFY(page[2].messages.isEmpty());
    QCOMPARE(page[0].appointment.inviteeName, u"Somchai"_s);
    QCOMPARE(page[0].appointment.endUtc, utc(11, 3, 10, 30));
}

void TestConsoleQueries::upcomingSearch_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("part of a name, any case") << u"SOMch"_s << QStringList{URI_A};
    QTest::newRow("part of an email") << u"@clinic"_s << QStringList{URI_B};
    QTest::newRow("event name") << u"teeth"_s << QStringList{URI_B};
    QTest::newRow("E.164 digits typed with spaces") << u"81 234"_s << QStringList{URI_A};
    QTest::newRow("local number as written on the form") << u"081-234-5678"_s << QStringList{URI_A};
    QTest::newRow("number with brackets") << u"(559) 765"_s << QStringList{URI_B};
    QTest::newRow("international prefix") << u"+1 559"_s << QStringList{URI_B};
    QTest::newRow("a percent sign is a percent sign") << u"%"_s << QStringList{URI_C};
    QTest::newRow("an underscore is an underscore") << u"_"_s << QStringList{URI_C};
    QTest::newRow("spaces around are ignored") << u"  anna  "_s << QStringList{URI_B};
    QTest::newRow("nothing matches") << u"zzz"_s << QStringList{};
    QTest::newRow("digits in no number") << u"4242"_s << QStringList{};
    QTest::newRow("empty finds everyone") << u""_s << QStringList{URI_A, URI_B, URI_C};
}

void TestConsoleQueries::upcomingSearch()
{
    QFETCH(QString, search);
    QFETCH(QStringList, expected);

    Appointment a = appointment(URI_A, u"Somchai Jaidee"_s, utc(11, 3, 9));
    a.email = u"somchai@example.com"_s;
    a.phoneE164 = u"+66812345678"_s;
    a.phoneRaw = u"081 234 5678"_s;
    Appointment b = appointment(URI_B, u"Anna Müller"_s, utc(11, 3, 10));
    b.email = u"anna@clinic.example"_s;
    b.eventName = u"Teeth cleaning"_s;
    b.phoneE164 = u"+15597650000"_s;
    b.phoneRaw = u"+1 559-765-0000"_s;
    Appointment c = appointment(URI_C, u"Jo_hn Doh, 100% sure"_s, utc(11, 3, 11));
    c.phoneRaw = u"ask at the desk"_s;
    for (const Appointment &appointment : {a, b, c}) {
        m_store->upsertAppointment(appointment);
    }

    ConsoleQueries::UpcomingFilter filter;
    filter.fromUtc = utc(11, 3, 0);
    filter.toUtc = utc(11, 4, 0);
    filter.search = search;
    QCOMPARE(urisOf(m_queries->upcoming(filter)), expected);
    QCOMPARE(m_queries->upcomingCount(filter), expected.size());
}

void TestConsoleQueries::appointmentWithMessagesFindsOneOrNone()
{
    m_store->upsertAppointment(appointment(URI_A, u"Somchai"_s, utc(11, 3, 10)));
    m_store->upsertAppointment(appointment(URI_B, u"Anna"_s, utc(11, 3, 10)));
    const qint64 id = m_store->insertMessage(message(URI_A, MessageKind::Reminder, 60, utc(11, 3, 9)));
    m_store->insertMessage(message(URI_B, MessageKind::Reminder, 60, utc(11, 3, 9)));

    const auto item = m_queries->appointmentWithMessages(URI_A);
    QVERIFY(item);
    QCOMPARE(item->appointment.inviteeName, u"Somchai"_s);
    QCOMPARE(item->messages.size(), 1);
    QCOMPARE(item->messages.first().id, id);
    QVERIFY(!m_queries->appointmentWithMessages(u"uri:nobody"_s));
}

// ---- log

void TestConsoleQueries::logMergesTheThreeSourcesNewestFirst()
{
    Appointment a = appointment(URI_A, u"Somchai"_s, utc(11, 3, 10));
    a.phoneE164 = u"+66812345678"_s;
    m_store->upsertAppointment(a);

    const qint64 booking = bookingEvent(u"invitee.created"_s, URI_A, u"applied"_s, u"2 messages planned"_s);
    m_clock.advanceSecs(1);
    const qint64 messageId = m_store->insertMessage(message(URI_A, MessageKind::Reminder, 60, utc(11, 3, 9)));
    m_clock.advanceSecs(1);
    const qint64 cancel = audit(u"cancel"_s, u"message:%1"_s.arg(messageId), u"asked by phone"_s);
    m_clock.advanceSecs(1);
    QVERIFY(m_store->cancelPendingMessage(messageId, MessageState::Canceled, u"canceled by ploy"_s));
    m_clock.advanceSecs(1);
    const qint64 pause = audit(u"pause"_s, u"sending"_s, u"holiday"_s);
    m_clock.advanceSecs(1);
    const qint64 garbage = bookingEvent({}, {}, u"rejected"_s, u"not JSON"_s);

    const auto log = m_queries->log({});
    const auto messageLog = m_store->messageLog(messageId);
    QCOMPARE(messageLog.size(), 2);
    QCOMPARE(tagsOf(log),
             (QStringList{u"B#%1"_s.arg(garbage), u"O#%1"_s.arg(pause), u"M#%1"_s.arg(messageLog[1].id),
                          u"O#%1"_s.arg(cancel), u"M#%1"_s.arg(messageLog[0].id), u"B#%1"_s.arg(booking)}));

    const auto &rejected = log[0];
    QCOMPARE(rejected.state, u"rejected"_s);
    QCOMPARE(rejected.detail, u"not JSON"_s);
    QVERIFY(rejected.inviteeUri.isEmpty());
    QCOMPARE(rejected.atUtc, m_clock.nowUtc());

    QCOMPARE(log[1].what, u"pause"_s);
    QCOMPARE(log[1].actor, u"ploy"_s);
    QCOMPARE(log[1].detail, u"holiday"_s);
    QVERIFY(log[1].inviteeUri.isEmpty());

    const auto &canceled = log[2];
    QCOMPARE(canceled.what, u"reminder"_s);
    QCOMPARE(canceled.state, u"canceled"_s);
    QCOMPARE(canceled.detail, u"canceled by ploy"_s);
    QCOMPARE(canceled.messageId, messageId);
    QCOMPARE(canceled.inviteeUri, URI_A);
    QCOMPARE(canceled.inviteeName, u"Somchai"_s);
    QCOMPARE(canceled.phoneE164, u"+66812345678"_s);

    const auto &operatorCancel = log[3]; // on a message: its invitee is found through the outbox
    QCOMPARE(operatorCancel.target, u"message:%1"_s.arg(messageId));
    QCOMPARE(operatorCancel.messageId, messageId);
    QCOMPARE(operatorCancel.inviteeUri, URI_A);
    QCOMPARE(operatorCancel.inviteeName, u"Somchai"_s);
    QCOMPARE(operatorCancel.detail, u"asked by phone"_s);

    QCOMPARE(log[4].state, u"queued"_s);

    const auto &created = log[5];
    QCOMPARE(created.what, u"invitee.created"_s);
    QCOMPARE(created.state, u"applied"_s);
    QCOMPARE(created.detail, u"2 messages planned"_s);
    QCOMPARE(created.inviteeUri, URI_A); // from the dedupe key
    QCOMPARE(created.inviteeName, u"Somchai"_s);
    QCOMPARE(created.phoneE164, u"+66812345678"_s);
    QCOMPARE(created.atUtc, utc(11, 2, 9));
}

void TestConsoleQueries::logShowsTheNumberAMessageWentTo()
{
    Appointment a = appointment(URI_A, u"Somchai"_s, utc(11, 3, 10));
    a.phoneE164 = u"+66812345678"_s;
    m_store->upsertAppointment(a);
    OutboxMessage host = message(URI_A, MessageKind::HostNotify, 0, utc(11, 2, 9));
    host.recipient = u"+66815550101"_s;
    const qint64 hostId = m_store->insertMessage(host);
    m_store->insertMessage(message(URI_A, MessageKind::Confirm, 0, utc(11, 2, 9)));

    const auto log = m_queries->log({});
    QCOMPARE(log.size(), 2);
    for (const auto &entry : log) {
        // The host notification names the host's number, the invitee's messages the invitee's.
        QCOMPARE(entry.phoneE164, entry.messageId == hostId ? u"+66815550101"_s : u"+66812345678"_s);
    }
}

void TestConsoleQueries::logKeysetPagingIsStableWhenEntriesShareATimestamp()
{
    m_store->upsertAppointment(appointment(URI_A, u"Somchai"_s, utc(11, 3, 10)));
    m_clock.set(utc(11, 2, 8));
    bookingEvent(u"invitee.created"_s, URI_A, u"applied"_s);
    m_store->insertMessage(message(URI_A, MessageKind::Confirm, 0, utc(11, 2, 8)));
    // One busy millisecond: every source writes several rows at the same instant.
    m_clock.set(utc(11, 2, 9, 0, 0, 500));
    for (int i = 0; i < 4; ++i) {
        bookingEvent(u"invitee.created"_s, URI_A, u"duplicate"_s);
        m_store->insertMessage(message(URI_A, MessageKind::Reminder, 10 + i, utc(11, 3, 9)));
        audit(u"resend"_s, u"appointment:"_s + URI_A);
    }
    m_store->insertMessage(message(URI_A, MessageKind::Followup, 60, utc(11, 3, 11)));
    m_clock.set(utc(11, 2, 10));
    audit(u"pause"_s, u"sending"_s);
    bookingEvent(u"invitee.canceled"_s, URI_A, u"applied"_s);

    ConsoleQueries::LogFilter all;
    all.limit = 1000;
    const auto full = m_queries->log(all);
    QCOMPARE(full.size(), 2 + 4 * 3 + 1 + 2);
    QVERIFY(std::is_sorted(full.begin(), full.end(), newerThan));
    // Within the busy millisecond: operator entries, then message entries, then booking entries.
    QStringList sameInstant;
    for (const auto &e : full) {
        if (e.atUtc == utc(11, 2, 9, 0, 0, 500)) {
            sameInstant.append(tag(e).left(1));
        }
    }
    QCOMPARE(sameInstant.join(QString()), u"OOOOMMMMMBBBB"_s);

    for (int pageSize : {1, 3, 4, 5}) {
        const QStringList expected = tagsOf(m_queries->log(all));
        ConsoleQueries::LogFilter filter;
        filter.limit = pageSize;
        QStringList paged;
        for (int guard = 0; guard < 100; ++guard) {
            const auto page = m_queries->log(filter);
            QVERIFY(page.size() <= pageSize);
            if (page.isEmpty()) {
                break;
            }
            paged += tagsOf(page);
            filter.beforeUtc = page.last().atUtc;
            filter.beforeSource = page.last().source;
            filter.beforeId = page.last().id;
            if (guard == 1) {
                // Something happens while the operator scrolls: newer rows do not shift older pages.
                m_clock.advanceSecs(60);
                audit(u"resume"_s, u"sending"_s);
                bookingEvent(u"invitee.created"_s, URI_A, u"duplicate"_s);
            }
        }
        QCOMPARE(paged, expected);
    }
}

void TestConsoleQueries::logFiltersByState_data()
{
    QTest::addColumn<QStringList>("states");
    QTest::addColumn<QStringList>("expected"); // "source:state" per entry, newest first

    const QStringList everything{u"O:"_s,        u"B:rejected"_s, u"M:failed"_s,
                                 u"M:sending"_s, u"M:unknown"_s,  u"M:sending"_s,
                                 u"M:queued"_s,  u"M:queued"_s,   u"B:applied"_s};
    QTest::newRow("nothing chosen: everything") << QStringList{} << everything;
    QTest::newRow("failed") << QStringList{u"failed"_s} << QStringList{u"M:failed"_s};
    QTest::newRow("failed or maybe sent")
        << QStringList{u"failed"_s, u"unknown"_s} << QStringList{u"M:failed"_s, u"M:unknown"_s};
    QTest::newRow("a booking outcome") << QStringList{u"rejected"_s} << QStringList{u"B:rejected"_s};
    QTest::newRow("operator actions") << QStringList{u"operator"_s} << QStringList{u"O:"_s};
    QTest::newRow("operator and failed")
        << QStringList{u"operator"_s, u"failed"_s} << QStringList{u"O:"_s, u"M:failed"_s};
    QTest::newRow("a state nothing is in") << QStringList{u"skipped"_s} << QStringList{};
}

void TestConsoleQueries::logFiltersByState()
{
    QFETCH(QStringList, states);
    QFETCH(QStringList, expected);

    m_store->upsertAppointment(appointment(URI_A, u"Somchai"_s, utc(11, 3, 10)));
    bookingEvent(u"invitee.created"_s, URI_A, u"applied"_s);
    m_clock.advanceSecs(1);
    const qint64 first = m_store->insertMessage(message(URI_A, MessageKind::Confirm, 0, utc(11, 2, 9)));
    const qint64 second = m_store->insertMessage(message(URI_A, MessageKind::Reminder, 60, utc(11, 3, 9)));
    m_clock.advanceSecs(1);
    send(first, MessageState::Unknown, u"stopped while sending"_s);
    m_clock.advanceSecs(1);
    send(second, MessageState::Failed, u"the number cannot receive texts"_s);
    m_clock.advanceSecs(1);
    bookingEvent({}, {}, u"rejected"_s, u"not JSON"_s);
    m_clock.advanceSecs(1);
    audit(u"pause"_s, u"sending"_s);

    ConsoleQueries::LogFilter filter;
    filter.states = states;
    QStringList found;
    for (const auto &e : m_queries->log(filter)) {
        found.append(tag(e).left(1) + u':' + e.state);
    }
    QCOMPARE(found, expected);
}

void TestConsoleQueries::logSearchMatchesNamesPhonesAndDetails()
{
    Appointment a = appointment(URI_A, u"Somchai Jaidee"_s, utc(11, 3, 10));
    a.phoneE164 = u"+66812345678"_s;
    a.phoneRaw = u"081 234 5678"_s;
    m_store->upsertAppointment(a);
    Appointment b = appointment(URI_B, u"Anna Müller"_s, utc(11, 3, 11));
    b.email = u"anna@clinic.example"_s;
    m_store->upsertAppointment(b);

    const qint64 aBooking = bookingEvent(u"invitee.created"_s, URI_A, u"applied"_s);
    const qint64 bBooking = bookingEvent(u"invitee.created"_s, URI_B, u"applied"_s);
    m_clock.advanceSecs(1);
    const qint64 bMessage = m_store->insertMessage(message(URI_B, MessageKind::Confirm, 0, utc(11, 2, 9)));
    m_clock.advanceSecs(1);
    send(bMessage, MessageState::Failed, u"HTTP 400: target number blocked"_s);
    m_clock.advanceSecs(1);
    const qint64 resend = audit(u"resend"_s, u"appointment:"_s + URI_A, u"asked by phone"_s);
    const qint64 pause = audit(u"pause"_s, u"sending"_s, u"number blocked by carrier"_s);

    const auto search = [this](const QString &text) {
        ConsoleQueries::LogFilter filter;
        filter.search = text;
        return tagsOf(m_queries->log(filter));
    };
    QCOMPARE(search(u"jaidee"_s), (QStringList{u"O#%1"_s.arg(resend), u"B#%1"_s.arg(aBooking)}));
    QCOMPARE(search(u"81-234"_s), (QStringList{u"O#%1"_s.arg(resend), u"B#%1"_s.arg(aBooking)}));
    const auto bLog = m_store->messageLog(bMessage);
    QCOMPARE(bLog.size(), 3);
    QCOMPARE(search(u"CLINIC.example"_s), (QStringList{u"M#%1"_s.arg(bLog[2].id), u"M#%1"_s.arg(bLog[1].id),
                                                       u"M#%1"_s.arg(bLog[0].id), u"B#%1"_s.arg(bBooking)}));
    // Detail text: the failed send's reason and the operator's reason.
    QCOMPARE(search(u"blocked"_s), (QStringList{u"O#%1"_s.arg(pause), u"M#%1"_s.arg(bLog[2].id)}));
    QVERIFY(search(u"nobody"_s).isEmpty());
}

void TestConsoleQueries::logSinceReturnsOnlyNewerEntriesOldestFirst()
{
    m_store->upsertAppointment(appointment(URI_A, u"Somchai"_s, utc(11, 3, 10)));
    m_clock.set(utc(11, 2, 8));
    bookingEvent(u"invitee.created"_s, URI_A, u"applied"_s);
    m_clock.set(utc(11, 2, 9));
    const qint64 first = m_store->insertMessage(message(URI_A, MessageKind::Confirm, 0, utc(11, 2, 9)));
    const qint64 seenLog = m_store->messageLog(first).first().id;
    const auto newest = m_queries->log({});
    QCOMPARE(tagsOf(newest).first(), u"M#%1"_s.arg(seenLog));

    // Same millisecond as the newest seen entry: a booking event sorts before it (older), another
    // message entry and an operator entry after it (newer).
    bookingEvent(u"invitee.created"_s, URI_A, u"duplicate"_s);
    const qint64 second = m_store->insertMessage(message(URI_A, MessageKind::Reminder, 60, utc(11, 3, 9)));
    const qint64 secondLog = m_store->messageLog(second).first().id;
    const qint64 sameInstantAudit = audit(u"resend"_s, u"appointment:"_s + URI_A);
    m_clock.advanceSecs(1);
    const qint64 later = bookingEvent(u"invitee.canceled"_s, URI_A, u"applied"_s);

    const auto since = m_queries->logSince(newest.first().atUtc, newest.first().source, newest.first().id);
    QCOMPARE(tagsOf(since),
             (QStringList{u"M#%1"_s.arg(secondLog), u"O#%1"_s.arg(sameInstantAudit), u"B#%1"_s.arg(later)}));
    QCOMPARE(tagsOf(m_queries->logSince(newest.first().atUtc, newest.first().source, newest.first().id, 2)),
             (QStringList{u"M#%1"_s.arg(secondLog), u"O#%1"_s.arg(sameInstantAudit)}));
    QVERIFY(m_queries->logSince(since.last().atUtc, since.last().source, since.last().id).isEmpty());

    // With the view's filter, only what the view shows.
    ConsoleQueries::LogFilter operatorOnly;
    operatorOnly.states = QStringList{u"operator"_s};
    QCOMPARE(tagsOf(m_queries->logSince(newest.first().atUtc, newest.first().source, newest.first().id, 500,
                                        operatorOnly)),
             QStringList{u"O#%1"_s.arg(sameInstantAudit)});
    ConsoleQueries::LogFilter canceled;
    canceled.search = u"SOMCHAI"_s;
    canceled.states = QStringList{u"applied"_s};
    QCOMPARE(tagsOf(m_queries->logSince(newest.first().atUtc, newest.first().source, newest.first().id, 500,
                                        canceled)),
             QStringList{u"B#%1"_s.arg(later)});
}

// ---- counts and dashboard

void TestConsoleQueries::countsUseTheDesksCalendarDay()
{
    // 09:00 UTC is 16:00 in Bangkok: the desk's day is [Nov 1 17:00 UTC, Nov 2 17:00 UTC).
    const QTimeZone bangkok("Asia/Bangkok");
    m_store->upsertAppointment(appointment(URI_A, u"Somchai"_s, utc(11, 2, 2)));
    const auto add = [this](const QString &uri, const QDateTime &start, Appointment::Status status) {
        Appointment a = appointment(uri, uri, start);
        a.status = status;
        m_store->upsertAppointment(a);
    };
    add(u"uri:last-ms-today"_s, utc(11, 2, 16, 59, 59, 999), Appointment::Status::Active);
    add(u"uri:tomorrow"_s, utc(11, 2, 17), Appointment::Status::Active);
    add(u"uri:yesterday"_s, utc(11, 1, 16, 59, 59, 999), Appointment::Status::Active);
    add(u"uri:canceled-today"_s, utc(11, 2, 5), Appointment::Status::Canceled);
    add(u"uri:moved-today"_s, utc(11, 2, 5), Appointment::Status::Rescheduled);
    add(u"uri:no-show-today"_s, utc(11, 2, 3), Appointment::Status::NoShow);

    int offset = 0;
    const auto insert = [this, &offset](const QDateTime &due, MessageState state) {
        return m_store->insertMessage(message(URI_A, MessageKind::Reminder, ++offset, due, state));
    };
    insert(utc(11, 3, 9), MessageState::Queued);
    insert(utc(11, 2, 8), MessageState::RetryWait);
    insert(utc(11, 2, 8), MessageState::Sending);
    insert(utc(10, 31, 9), MessageState::Failed);
    insert(utc(10, 26, 9), MessageState::Failed);     // exactly 7 days ago: still shown
    insert(utc(10, 26, 8, 59), MessageState::Failed); // older: done with
    insert(utc(11, 1, 9), MessageState::Unknown);
    insert(utc(10, 20, 9), MessageState::Unknown);
    insert(utc(11, 2, 8), MessageState::Canceled);
    insert(utc(11, 2, 8), MessageState::Skipped);
    // Accepted by the provider at 00:30 and, just before the day began, at 23:30 Bangkok time.
    for (const QDateTime &at : {utc(11, 1, 17, 30), utc(11, 1, 16, 30), utc(11, 2, 8, 59)}) {
        m_clock.set(at);
        send(insert(at, MessageState::Queued), MessageState::Accepted);
    }
    m_clock.set(utc(11, 2, 9));

    const auto counts = m_queries->counts(m_clock.nowUtc(), bangkok);
    QCOMPARE(counts.queued, 3);
    QCOMPARE(counts.failed, 2);
    QCOMPARE(counts.unknown, 1);
    QCOMPARE(counts.acceptedToday, 2);
    QCOMPARE(counts.appointmentsToday, 3); // A, the last millisecond, the no-show
}

void TestConsoleQueries::countsTodayAcrossTheAutumnDstChange()
{
    // Berlin leaves summer time on Sunday 25 October 2026: that day lasts 25 hours, from 22:00 UTC
    // on the 24th to 23:00 UTC on the 25th.
    const QTimeZone berlin("Europe/Berlin");
    const auto add = [this](const QString &uri, const QDateTime &start) {
        m_store->upsertAppointment(appointment(uri, uri, start));
    };
    add(u"uri:before-midnight-cest"_s, utc(10, 24, 21, 50)); // 23:50 CEST on the 24th
    add(u"uri:after-midnight-cest"_s, utc(10, 24, 22, 10));  // 00:10 CEST
    add(u"uri:late-evening-cet"_s, utc(10, 25, 22, 50));     // 23:50 CET
    add(u"uri:next-midnight"_s, utc(10, 25, 23, 0));         // 00:00 CET on the 26th

    const auto morning = m_queries->counts(utc(10, 24, 23, 0), berlin);  // 01:00 CEST
    const auto evening = m_queries->counts(utc(10, 25, 22, 30), berlin); // 23:30 CET
    QCOMPARE(morning.appointmentsToday, 2);
    QCOMPARE(evening.appointmentsToday, 2);
    QCOMPARE(m_queries->counts(utc(10, 25, 23, 0), berlin).appointmentsToday, 1);
}

void TestConsoleQueries::dailyStatsCountByDeskDayAcrossDst_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QList<QDateTime>>("dues"); // each a queued message
    QTest::addColumn<QList<QDate>>("days");
    QTest::addColumn<QList<int>>("perDay");

    // 25 October 2026: 25 hours, [24th 22:00 UTC, 25th 23:00 UTC).
    QTest::newRow("autumn: a 25-hour day")
        << utc(10, 26, 10)
        << QList<QDateTime>{utc(10, 23, 21, 59), utc(10, 23, 22), utc(10, 24, 21, 59), utc(10, 24, 22),
                            utc(10, 25, 22, 59), utc(10, 25, 23), utc(10, 26, 22, 59), utc(10, 26, 23)}
        << QList<QDate>{QDate(2026, 10, 24), QDate(2026, 10, 25), QDate(2026, 10, 26)} << QList<int>{2, 2, 2};
    // 29 March 2026: 23 hours, [28th 23:00 UTC, 29th 22:00 UTC).
    QTest::newRow("spring: a 23-hour day")
        << utc(3, 30, 10) << QList<QDateTime>{utc(3, 28, 22, 59), utc(3, 28, 23),     utc(3, 29, 21, 59),
                                              utc(3, 29, 22),     utc(3, 30, 21, 59), utc(3, 30, 22)}
        << QList<QDate>{QDate(2026, 3, 28), QDate(2026, 3, 29), QDate(2026, 3, 30)} << QList<int>{1, 2, 2};
}

void TestConsoleQueries::dailyStatsCountByDeskDayAcrossDst()
{
    QFETCH(QDateTime, now);
    QFETCH(QList<QDateTime>, dues);
    QFETCH(QList<QDate>, days);
    QFETCH(QList<int>, perDay);

    m_store->upsertAppointment(appointment(URI_A, u"Somchai"_s, now));
    int offset = 0;
    for (const QDateTime &due : dues) {
        m_store->insertMessage(message(URI_A, MessageKind::Reminder, ++offset, due));
    }
    // One failed message on the last day, to see states kept apart.
    m_store->insertMessage(message(URI_A, MessageKind::Confirm, 0, now, MessageState::Failed));

    const auto stats = m_queries->dailyStats(now, QTimeZone("Europe/Berlin"), int(days.size()));
    QCOMPARE(stats.size(), days.size());
    for (qsizetype i = 0; i < days.size(); ++i) {
        QCOMPARE(stats[i].day, days[i]);
        QCOMPARE(stats[i].byState.value(MessageState::Queued), perDay[i]);
        QCOMPARE(stats[i].byState.value(MessageState::Failed), i == days.size() - 1 ? 1 : 0);
        QCOMPARE(stats[i].byState.value(MessageState::Accepted), 0);
    }
}

void TestConsoleQueries::nextSendsWindowIncludesNowAndExcludesItsEnd()
{
    Appointment a = appointment(URI_A, u"Somchai"_s, utc(11, 2, 12));
    a.eventName = u"Teeth cleaning"_s;
    m_store->upsertAppointment(a);
    const QDateTime now = m_clock.nowUtc();
    int offset = 0;
    const auto insert = [this, &offset](const QDateTime &due, MessageState state,
                                        const QDateTime &nextAttempt = {}) {
        OutboxMessage m = message(URI_A, MessageKind::Reminder, ++offset, due, state);
        m.nextAttemptUtc = nextAttempt;
        return m_store->insertMessage(m);
    };
    const qint64 atNow = insert(now, MessageState::Queued);
    const qint64 lastMs = insert(now.addMSecs(3600 * 1000 - 1), MessageState::Queued);
    insert(now.addSecs(3600), MessageState::Queued); // the window's end
    insert(now.addMSecs(-1), MessageState::Queued);  // overdue: the dispatcher's, not "next"
    const qint64 retry = insert(now.addSecs(-3600), MessageState::RetryWait, now.addSecs(600));
    insert(now.addSecs(-60), MessageState::RetryWait, now.addSecs(7200));
    insert(now.addSecs(300), MessageState::Accepted);
    insert(now.addSecs(300), MessageState::Canceled);
    insert(now.addSecs(300), MessageState::Sending);

    const auto sends = m_queries->nextSends(now, 3600);
    QList<qint64> ids;
    for (const auto &send : sends) {
        ids.append(send.message.id);
    }
    QCOMPARE(ids, (QList<qint64>{atNow, retry, lastMs}));
    QCOMPARE(sends[0].inviteeName, u"Somchai"_s);
    QCOMPARE(sends[0].eventName, u"Teeth cleaning"_s);
    QCOMPARE(sends[1].message.state, MessageState::RetryWait);
    QCOMPARE(sends[1].message.nextAttemptUtc, now.addSecs(600));
    QCOMPARE(m_queries->nextSends(now, 3600, 2).size(), 2);
    QVERIFY(m_queries->nextSends(now, 0).isEmpty());
}

void TestConsoleQueries::deliveryCountsAcceptedDeliveredAndFailed()
{
    m_store->upsertAppointment(appointment(URI_A, u"Somchai"_s, utc(11, 2, 12)));
    int offset = 0;
    const auto acceptAt = [this, &offset](const QDateTime &at) {
        m_clock.set(at);
        const qint64 id = m_store->insertMessage(message(URI_A, MessageKind::Reminder, ++offset, at));
        send(id, MessageState::Accepted);
        return id;
    };
    const qint64 delivered1 = acceptAt(utc(11, 1, 0));
    const qint64 delivered2 = acceptAt(utc(11, 1, 10));
    const qint64 bounced = acceptAt(utc(11, 1, 23, 59, 59, 999));
    const qint64 noReceipt = acceptAt(utc(11, 1, 12));
    const qint64 tooLate = acceptAt(utc(11, 2, 0)); // the window's end
    const qint64 tooEarly = acceptAt(utc(10, 31, 23, 59));
    m_clock.set(utc(11, 2, 9));
    m_store->recordDelivery(delivered1, {}, u"delivered"_s, {}, utc(11, 1, 0, 1));
    m_store->recordDelivery(delivered2, {}, u"Delivered"_s, {}, utc(11, 1, 10, 1));
    m_store->recordDelivery(bounced, {}, u"sent_failed"_s, u"4001"_s, utc(11, 2, 0, 1));
    m_store->recordDelivery(tooLate, {}, u"delivered"_s, {}, utc(11, 2, 0, 1));
    m_store->recordDelivery(tooEarly, {}, u"undelivered"_s, {}, utc(11, 1, 0, 1));
    Q_UNUSED(noReceipt);
    m_store->insertMessage(message(URI_A, MessageKind::Confirm, 0, utc(11, 1, 15), MessageState::Failed));
    m_store->insertMessage(message(URI_A, MessageKind::Followup, 0, utc(10, 31, 15), MessageState::Failed));

    const auto d = m_queries->delivery(utc(11, 1, 0), utc(11, 2, 0));
    QCOMPARE(d.accepted, 4);
    QCOMPARE(d.delivered, 2);
    QCOMPARE(d.failed, 2); // the bounce and the failed confirmation
}

// ---- indexes and volume

void TestConsoleQueries::queriesReadIndexesNotWholeTables()
{
    if (test::TestDatabase::postgres()) {
        // PostgreSQL chooses by its statistics (a small table is rightly read whole), so its plans
        // prove nothing about a big desk; the indexes are the same as SQLite's.
        QSKIP("reads SQLite's plans");
    }
    const QDateTime now = m_clock.nowUtc();
    const QTimeZone bangkok("Asia/Bangkok");
    fillConsoleLoad(*m_db, 300, 5, now, bangkok);
    m_queries->setRecordPlans(true);

    ConsoleQueries::UpcomingFilter week;
    week.fromUtc = now.addDays(-1);
    week.toUtc = now.addDays(6);
    QVERIFY(!m_queries->upcoming(week).isEmpty());
    m_queries->upcomingCount(week);
    week.search = u"81 23"_s;
    m_queries->upcoming(week);
    m_queries->appointmentWithMessages(u"uri:none"_s);

    ConsoleQueries::LogFilter logFilter;
    const auto firstPage = m_queries->log(logFilter);
    QCOMPARE(firstPage.size(), 200);
    logFilter.beforeUtc = firstPage.last().atUtc;
    logFilter.beforeSource = firstPage.last().source;
    logFilter.beforeId = firstPage.last().id;
    m_queries->log(logFilter);
    logFilter.states = QStringList{u"failed"_s, u"unknown"_s, u"rejected"_s, u"operator"_s};
    m_queries->log(logFilter);
    m_queries->logSince(firstPage.first().atUtc, firstPage.first().source, firstPage.first().id);
    m_queries->counts(now, bangkok);
    m_queries->dailyStats(now, bangkok, 3);
    m_queries->delivery(now.addDays(-30), now);
    m_queries->nextSends(now, 3600);

    const QStringList plans = m_queries->takePlans();
    QVERIFY(plans.size() > 20);
    QString statement;
    for (const QString &line : plans) {
        if (line.startsWith(u"SQL: "_s)) {
            statement = line;
            continue;
        }
        // "SCAN x USING INDEX" walks an index in order and stops at LIMIT; a bare "SCAN x" reads the
        // whole table.
        const bool wholeTable =
            line.startsWith(u"SCAN "_s) && !line.contains(u" USING "_s) && line != u"SCAN CONSTANT ROW"_s;
        QVERIFY2(!wholeTable, qPrintable(line + u"\n in "_s + statement));
        // A page that sorts everything that matches instead of walking an index in order. (A partial
        // sort of equal start times, "RIGHT PART OF ORDER BY", is fine, and so is nextSends sorting
        // the few messages of its window.)
        const bool sortsEverything = line == u"USE TEMP B-TREE FOR ORDER BY"_s &&
                                     statement.contains(u" LIMIT "_s) && !statement.contains(u"send_at"_s);
        QVERIFY2(!sortsEverything, qPrintable(line + u"\n in "_s + statement));
    }
}

// Not asserted (timings depend on the machine): prints how long the console's reads take on a
// desk's worth of data. DESKBELL_CONSOLE_LOAD=100000 gives the 100,000-appointment case the
// console is built for (5 messages each); the default keeps the suite quick.
void TestConsoleQueries::largeDeskReadTimes()
{
    const int appointments = qEnvironmentVariableIsSet("DESKBELL_CONSOLE_LOAD")
                                 ? qEnvironmentVariableIntValue("DESKBELL_CONSOLE_LOAD")
                                 : 2000;
    const QDateTime now = m_clock.nowUtc();
    const QTimeZone bangkok("Asia/Bangkok");
    QElapsedTimer timer;
    timer.start();
    fillConsoleLoad(*m_db, appointments, 5, now, bangkok);
    qInfo().noquote() << u"filled %1 appointments in %2 ms"_s.arg(appointments).arg(timer.elapsed());
    {
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(u"SELECT (SELECT COUNT(*) FROM outbox), (SELECT COUNT(*) FROM message_log),"
                       " (SELECT COUNT(*) FROM booking_events), (SELECT COUNT(*) FROM audit_log)"_s));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() >= appointments * 5);
        qInfo().noquote() << u"rows: outbox %1, message_log %2, booking_events %3, audit_log %4"_s.arg(
            q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString());
    }
    // Fresh connection and cache, as the console's reader has at start.
    m_queries.reset();
    m_store.reset();
    m_db.reset();
    openDatabase();

    const auto time = [&timer](const QString &what, const auto &read) {
        timer.restart();
        const auto rows = read();
        qInfo().noquote() << u"%1: %2 ms (%3 rows)"_s.arg(what)
                                 .arg(double(timer.nsecsElapsed()) / 1e6, 0, 'f', 2)
                                 .arg(rows);
        return rows;
    };
    const QDate day = now.toTimeZone(bangkok).date();
    ConsoleQueries::UpcomingFilter today;
    today.fromUtc = day.startOfDay(bangkok);
    today.toUtc = day.addDays(1).startOfDay(bangkok);
    today.limit = 200;
    time(u"upcoming, today, 200"_s, [&] { return m_queries->upcoming(today).size(); });
    time(u"upcoming, today, 200 (again)"_s, [&] { return m_queries->upcoming(today).size(); });
    time(u"upcoming count, today"_s, [&] { return qsizetype(m_queries->upcomingCount(today)); });
    ConsoleQueries::UpcomingFilter week = today;
    week.toUtc = today.fromUtc.addDays(7);
    week.offset = 600;
    time(u"upcoming, this week, page 4"_s, [&] { return m_queries->upcoming(week).size(); });
    week.offset = 0;
    week.search = u"jaidee"_s;
    time(u"upcoming, this week, search \"jaidee\""_s, [&] { return m_queries->upcoming(week).size(); });
    ConsoleQueries::LogFilter logFilter;
    QList<ConsoleQueries::LogEntry> page;
    time(u"log, first page"_s, [&] {
        page = m_queries->log(logFilter);
        return page.size();
    });
    logFilter.beforeUtc = page.last().atUtc;
    logFilter.beforeSource = page.last().source;
    logFilter.beforeId = page.last().id;
    time(u"log, second page"_s, [&] { return m_queries->log(logFilter).size(); });
    ConsoleQueries::LogFilter problems;
    problems.states = QStringList{u"failed"_s, u"unknown"_s, u"rejected"_s, u"error"_s};
    time(u"log, failed/unknown/rejected/error"_s, [&] { return m_queries->log(problems).size(); });
    ConsoleQueries::LogFilter byName;
    byName.search = u"Somchai Jaidee"_s;
    time(u"log, search \"Somchai Jaidee\""_s, [&] { return m_queries->log(byName).size(); });
    byName.search = u"no such person"_s;
    time(u"log, search that matches nothing (whole log)"_s, [&] { return m_queries->log(byName).size(); });
    time(u"log since the newest"_s, [&] {
        return m_queries->logSince(page.first().atUtc, page.first().source, page.first().id).size();
    });
    time(u"counts"_s, [&] { return qsizetype(m_queries->counts(now, bangkok).queued); });
    time(u"daily stats, 30 days"_s, [&] { return m_queries->dailyStats(now, bangkok, 30).size(); });
    time(u"delivery, 30 days"_s,
         [&] { return qsizetype(m_queries->delivery(now.addDays(-30), now).accepted); });
    time(u"next sends, 1 hour"_s, [&] { return m_queries->nextSends(now, 3600).size(); });
    time(u"next sends, 24 hours, 200"_s, [&] { return m_queries->nextSends(now, 24 * 3600).size(); });
}

QTEST_GUILESS_MAIN(TestConsoleQueries)
#include "tst_consolequeries.moc"
