// What a rules edit does to the messages already planned: previewed exactly, applied in one
// transaction with one audit entry, and never touching what is sent, due already, being sent, or
// written by an operator. Three bookings planned by the real planner on a real SQLite file.

#include "engine/BookingProcessor.h"
#include "engine/RulesChange.h"
#include "storage/Database.h"
#include "storage/Store.h"
#include "support/CalendlyBodies.h"
#include "support/FakeClock.h"
#include "support/OutboxSummary.h"
#include "support/Printers.h"
#include "support/TestDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace QTest {
template <> inline char *toString(const deskbell::RulesChange::Effect &e)
{
    return qstrdup(qPrintable(
        u"retimed %1, added %2, withdrawn %3, template %4, recipient %5, meetings %6"_s.arg(e.retimed)
            .arg(e.added)
            .arg(e.withdrawn)
            .arg(e.templateChanged)
            .arg(e.recipientChanged)
            .arg(e.meetings)));
}
} // namespace QTest

namespace {

const QDateTime BOOKED_AT(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
const QDateTime START_A(QDate(2026, 11, 10), QTime(7, 0), Qt::UTC); // 14:00 in Bangkok
const QDateTime START_B(QDate(2026, 11, 12), QTime(3, 0), Qt::UTC); // 10:00 in Bangkok
const QDateTime START_C(QDate(2026, 11, 2), QTime(11, 0), Qt::UTC); // 18:00, two hours after booking
const QString HOST = u"+66811111111"_s;
const OperatorActions::Actor BOB{u"bob"_s, u"new opening hours"_s};

// Reminders 24 h and 1 h before, no follow-up, a host phone, templates "T-<kind>".
RuleSet base()
{
    RuleSet set = test::everyKindRules();
    set.defaults.hostPhone = HOST;
    return set;
}

RuleSet proposedFor(const QString &change)
{
    RuleSet set = base();
    Rules &d = set.defaults;
    if (change == u"add a 3-hour reminder"_s) {
        d.reminderOffsetsMin = {1440, 180, 60};
    } else if (change == u"drop the 24-hour reminder"_s) {
        d.reminderOffsetsMin = {60};
    } else if (change == u"1 hour becomes 2 hours"_s) {
        d.reminderOffsetsMin = {1440, 120};
    } else if (change == u"quiet hours 08:30-14:30"_s) {
        d.quietHours = QuietHours{QTime(8, 30), QTime(14, 30)};
    } else if (change == u"quiet hours 16:30-17:30"_s) {
        d.quietHours = QuietHours{QTime(16, 30), QTime(17, 30)};
    } else if (change == u"reminders off"_s) {
        d.templates.remove(MessageKind::Reminder);
    } else if (change == u"follow-ups on"_s) {
        d.followupAfterMin = 60;
    } else if (change == u"reminder template"_s) {
        d.templates.insert(MessageKind::Reminder, u"T-reminder-2"_s);
    } else if (change == u"host phone"_s) {
        d.hostPhone = u"+66822222222"_s;
    } else if (change == u"host notices off"_s) {
        d.hostPhone.clear();
    } else if (change == u"fallback zone"_s) {
        d.fallbackTimezone = u"Asia/Tokyo"_s; // every invitee has a zone of their own
    } else if (change == u"override for the event type"_s) {
        EventTypeOverride o;
        o.id = u"short"_s;
        o.match = u"CONSULT"_s;
        o.rules = d;
        o.rules.reminderOffsetsMin = {30};
        set.overrides.append(o);
    } else if (change != u"nothing"_s) {
        qFatal("unknown change %s", qPrintable(change));
    }
    return set;
}

QJsonObject json(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestRulesChange : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void previewMatchesApplyAndApplyIsIdempotent_data();
    void previewMatchesApplyAndApplyIsIdempotent();
    void leavesSentDueSendingOperatorAndInactiveMessagesAlone();
    void summaryReadsLikeASentence_data();
    void summaryReadsLikeASentence();

private:
    void book(const QString &id, const QDateTime &start);
    OutboxMessage only(const QString &id, MessageKind kind, int offset);
    // "<id>: kind/offset/state/recipient/template/due[/reason]" for every generation-0 row.
    QStringList rows();
    QStringList snapshot();

    test::TestDatabase m_data; // SQLite, or PostgreSQL under support/with-postgres.sh
    Database::Location m_location;
    std::unique_ptr<test::FakeClock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
};

void TestRulesChange::init()
{
    m_location = m_data.fresh();
    QVERIFY2(m_data.isValid(), qPrintable(m_data.error()));
    m_clock = std::make_unique<test::FakeClock>(BOOKED_AT);
    m_db = std::make_unique<Database>(u"tst_ruleschange"_s);
    m_db->open(m_location);
    m_store = std::make_unique<Store>(*m_db, *m_clock);
    book(u"A"_s, START_A);
    book(u"B"_s, START_B);
    book(u"C"_s, START_C); // its 24-hour reminder was skipped: booked too late
    // No dispatcher ran: confirmations and host notices wait, due a minute ago.
    m_clock->advanceMinutes(1);
}

void TestRulesChange::cleanup()
{
    m_store.reset();
    m_db.reset();
    m_data.reset();
}

void TestRulesChange::book(const QString &id, const QDateTime &start)
{
    BookingProcessor processor(*m_db, *m_store, *m_clock, base());
    test::BodyOptions o;
    o.id = id;
    o.startUtc = start;
    QCOMPARE(processor.receive(test::body(o), u"webhook"_s).outcome, u"applied"_s);
}

OutboxMessage TestRulesChange::only(const QString &id, MessageKind kind, int offset)
{
    return test::plannedMessage(*m_store, test::inviteeUri(id), kind, offset);
}

QStringList TestRulesChange::rows()
{
    QStringList lines;
    for (const QString &id : {u"A"_s, u"B"_s, u"C"_s}) {
        for (const auto &m : m_store->messagesForInvitee(test::inviteeUri(id))) {
            if (m.generation != 0) {
                continue;
            }
            QString line =
                u"%1: %2/%3/%4/%5/%6/%7"_s.arg(id, keyOf(m.kind))
                    .arg(m.offsetMin)
                    .arg(keyOf(m.state), m.recipient, m.templateId, m.dueUtc.toString(Qt::ISODate));
            if (!m.skipReason.isEmpty()) {
                line += u'/' + m.skipReason;
            }
            lines.append(line);
        }
    }
    return lines;
}

QStringList TestRulesChange::snapshot()
{
    return test::tableRows(m_db->connection(),
                           {u"appointments"_s, u"outbox"_s, u"audit_log"_s, u"message_log"_s});
}

void TestRulesChange::previewMatchesApplyAndApplyIsIdempotent_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("retimed");
    QTest::addColumn<int>("added");
    QTest::addColumn<int>("withdrawn");
    QTest::addColumn<int>("templateChanged");
    QTest::addColumn<int>("recipientChanged");
    QTest::addColumn<int>("meetings");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("afterwards"); // one row that must exist after apply(), if any

    const QString n = u"+66812345678"_s;
    // Pending and ahead: A and B have both reminders, C (in two hours) only the 1-hour one.
    QTest::newRow("nothing") << u"nothing"_s << 0 << 0 << 0 << 0 << 0 << 0 << u"Changes no planned message."_s
                             << QString();
    QTest::newRow("fallback zone: every invitee has their own")
        << u"fallback zone"_s << 0 << 0 << 0 << 0 << 0 << 0 << u"Changes no planned message."_s << QString();
    QTest::newRow("a 3-hour reminder: too late for C")
        << u"add a 3-hour reminder"_s << 0 << 2 << 0 << 0 << 0 << 2 << u"For 2 meetings: adds 2 messages."_s
        << u"A: reminder/180/queued/%1/T-reminder/2026-11-10T04:00:00Z"_s.arg(n);
    QTest::newRow("drop the 24-hour reminder: C never had one")
        << u"drop the 24-hour reminder"_s << 0 << 0 << 2 << 0 << 0 << 2
        << u"For 2 meetings: cancels 2 messages."_s
        << u"A: reminder/1440/canceled/%1/T-reminder/2026-11-09T07:00:00Z/rules changed"_s.arg(n);
    QTest::newRow("1 hour becomes 2 hours: too late for C's new one")
        << u"1 hour becomes 2 hours"_s << 0 << 2 << 3 << 0 << 0 << 3
        << u"For 3 meetings: adds 2 messages, cancels 3 messages."_s
        << u"B: reminder/120/queued/%1/T-reminder/2026-11-12T01:00:00Z"_s.arg(n);
    QTest::newRow("quiet hours move A's and B's reminders to 08:29")
        << u"quiet hours 08:30-14:30"_s << 4 << 0 << 0 << 0 << 0 << 2
        << u"For 2 meetings: re-times 4 messages."_s
        << u"B: reminder/60/queued/%1/T-reminder/2026-11-12T01:29:00Z"_s.arg(n);
    QTest::newRow("quiet hours move only C's reminder")
        << u"quiet hours 16:30-17:30"_s << 1 << 0 << 0 << 0 << 0 << 1
        << u"For 1 meeting: re-times 1 message."_s
        << u"C: reminder/60/queued/%1/T-reminder/2026-11-02T09:29:00Z"_s.arg(n);
    QTest::newRow("reminders off")
        << u"reminders off"_s << 0 << 0 << 5 << 0 << 0 << 3 << u"For 3 meetings: cancels 5 messages."_s
        << u"C: reminder/60/canceled/%1/T-reminder/2026-11-02T10:00:00Z/rules changed"_s.arg(n);
    QTest::newRow("follow-ups on") << u"follow-ups on"_s << 0 << 3 << 0 << 0 << 0 << 3
                                   << u"For 3 meetings: adds 3 messages."_s
                                   << u"C: followup/60/queued/%1/T-followup/2026-11-02T12:30:00Z"_s.arg(n);
    QTest::newRow("another reminder template")
        << u"reminder template"_s << 0 << 0 << 0 << 5 << 0 << 3
        << u"For 3 meetings: changes the template of 5 messages."_s
        << u"A: reminder/60/queued/%1/T-reminder-2/2026-11-10T06:00:00Z"_s.arg(n);
    QTest::newRow("another host phone: the waiting host notices follow")
        << u"host phone"_s << 0 << 0 << 0 << 0 << 3 << 3
        << u"For 3 meetings: sends 3 host notices to the new host number."_s
        << u"A: host_notify/0/queued/+66822222222/T-host_notify/2026-11-02T09:00:00Z"_s;
    QTest::newRow("host notices off")
        << u"host notices off"_s << 0 << 0 << 3 << 0 << 0 << 3 << u"For 3 meetings: cancels 3 messages."_s
        << u"B: host_notify/0/canceled/+66811111111/T-host_notify/"
           "2026-11-02T09:00:00Z/rules changed"_s;
    QTest::newRow("an override gives this event type one 30-minute reminder")
        << u"override for the event type"_s << 0 << 3 << 5 << 0 << 0 << 3
        << u"For 3 meetings: adds 3 messages, cancels 5 messages."_s
        << u"C: reminder/30/queued/%1/T-reminder/2026-11-02T10:30:00Z"_s.arg(n);
}

void TestRulesChange::previewMatchesApplyAndApplyIsIdempotent()
{
    QFETCH(QString, change);
    QFETCH(int, retimed);
    QFETCH(int, added);
    QFETCH(int, withdrawn);
    QFETCH(int, templateChanged);
    QFETCH(int, recipientChanged);
    QFETCH(int, meetings);
    QFETCH(QString, summary);
    QFETCH(QString, afterwards);

    const RuleSet current = base();
    const RuleSet proposed = proposedFor(change);
    RulesChange rulesChange(*m_db, *m_store, *m_clock);
    const QStringList before = snapshot();

    const RulesChange::Effect preview = rulesChange.preview(current, proposed);
    QCOMPARE(snapshot(), before); // a preview writes nothing
    QCOMPARE(preview.retimed, retimed);
    QCOMPARE(preview.added, added);
    QCOMPARE(preview.withdrawn, withdrawn);
    QCOMPARE(preview.templateChanged, templateChanged);
    QCOMPARE(preview.recipientChanged, recipientChanged);
    QCOMPARE(preview.meetings, meetings);
    QCOMPARE(preview.summary(), summary);

    const RulesChange::Effect applied = rulesChange.apply(current, proposed, BOB);
    QCOMPARE(applied, preview);
    const auto audits = m_store->auditEntries();
    QCOMPARE(audits.size(), 1);
    QCOMPARE(audits.last().action, u"rules_changed"_s);
    QCOMPARE(audits.last().actor, u"bob"_s);
    QCOMPARE(audits.last().reason, u"new opening hours"_s);
    const QJsonObject details = json(audits.last().details);
    QCOMPARE(details.value(u"retimed"_s).toInt(), retimed);
    QCOMPARE(details.value(u"added"_s).toInt(), added);
    QCOMPARE(details.value(u"withdrawn"_s).toInt(), withdrawn);
    QCOMPARE(details.value(u"template_changed"_s).toInt(), templateChanged);
    QCOMPARE(details.value(u"recipient_changed"_s).toInt(), recipientChanged);
    QCOMPARE(details.value(u"meetings"_s).toInt(), meetings);
    if (!afterwards.isEmpty()) {
        QVERIFY2(rows().contains(afterwards), qPrintable(rows().join(u'\n')));
    }
    if (preview.isEmpty()) {
        QStringList now = snapshot();
        QCOMPARE(now.size(), before.size() + 1); // the audit row, nothing else
        now.removeIf([](const QString &row) { return row.startsWith(u"audit_log: "_s); });
        QCOMPARE(now, before);
    }

    // Done once: the same edit again, or the new rules against themselves, change nothing.
    QCOMPARE(rulesChange.preview(current, proposed), RulesChange::Effect{});
    QCOMPARE(rulesChange.preview(proposed, proposed), RulesChange::Effect{});
    const QStringList done = rows();
    QCOMPARE(rulesChange.apply(current, proposed, BOB), RulesChange::Effect{});
    QCOMPARE(rows(), done);
}

void TestRulesChange::leavesSentDueSendingOperatorAndInactiveMessagesAlone()
{
    m_clock->set(QDateTime(QDate(2026, 11, 2), QTime(10, 30), Qt::UTC)); // C's reminder (10:00) is due
    book(u"D"_s, START_A);
    m_store->setAppointmentStatus(test::inviteeUri(u"D"_s), Appointment::Status::NoShow, QString());

    const qint64 sent = only(u"A"_s, MessageKind::Reminder, 1440).id;
    QVERIFY(m_store->markSending(sent));
    Store::SendOutcome accepted;
    accepted.providerMessageId = u"P-1"_s;
    m_store->finishSending(sent, accepted);
    const qint64 sending = only(u"A"_s, MessageKind::Reminder, 60).id;
    QVERIFY(m_store->markSending(sending));
    const qint64 canceled = only(u"B"_s, MessageKind::Reminder, 1440).id;
    QVERIFY(m_store->cancelPendingMessage(canceled, MessageState::Canceled, u"canceled by alice"_s));
    const qint64 due = only(u"C"_s, MessageKind::Reminder, 60).id;
    const qint64 inactive = only(u"D"_s, MessageKind::Reminder, 60).id;
    const OutboxMessage planned = only(u"B"_s, MessageKind::Reminder, 60);
    OutboxMessage resend = planned;
    resend.generation = 1;
    resend.resendOf = planned.id;
    const qint64 operatorCopy = m_store->insertMessage(resend);
    QVERIFY(operatorCopy > 0);

    // Sent now by an operator (paused, so still queued): due in the past, must not be put back.
    book(u"E"_s, START_B);
    const qint64 sentNow = only(u"E"_s, MessageKind::Reminder, 1440).id;
    QVERIFY(m_store->setMessageDueNow(sentNow, m_clock->nowUtc(), u"send now: alice"_s));

    const QList<qint64> untouched{sent, sending, canceled, due, inactive, operatorCopy, sentNow};
    const auto describe = [&](qint64 id) {
        const auto m = m_store->message(id);
        return u"%1 %2 %3 %4 %5 %6 %7"_s.arg(id)
            .arg(keyOf(m->state), m->dueUtc.toString(Qt::ISODate), m->templateId, m->recipient,
                 QString::fromUtf8(QJsonDocument(m->params).toJson()), m->updatedUtc.toString(Qt::ISODate))
            .arg(m_store->messageLog(id).size());
    };
    QStringList before;
    for (qint64 id : untouched) {
        before.append(describe(id));
    }

    RuleSet proposed = proposedFor(u"quiet hours 08:30-14:30"_s);
    proposed.defaults.templates.insert(MessageKind::Reminder, u"T-reminder-2"_s);
    RulesChange rulesChange(*m_db, *m_store, *m_clock);
    m_clock->advanceSecs(5); // an update would show in updated_utc_ms
    const auto effect = rulesChange.apply(base(), proposed, BOB);

    // Only B's and E's planned 1-hour reminders were pending and ahead.
    RulesChange::Effect expected;
    expected.retimed = 2;
    expected.templateChanged = 2;
    expected.meetings = 2;
    QCOMPARE(effect, expected);
    const auto moved = m_store->message(planned.id);
    QCOMPARE(moved->dueUtc, QDateTime(QDate(2026, 11, 12), QTime(1, 29), Qt::UTC));
    QCOMPARE(moved->templateId, u"T-reminder-2"_s);
    QCOMPARE(moved->params.value(u"advance"_s).toString(), u"1 hour 31 minutes"_s);
    QCOMPARE(m_store->messageLog(planned.id).last().detail, u"rules changed"_s);
    QStringList after;
    for (qint64 id : untouched) {
        after.append(describe(id));
    }
    QCOMPARE(after, before);
}

void TestRulesChange::summaryReadsLikeASentence_data()
{
    QTest::addColumn<int>("retimed");
    QTest::addColumn<int>("added");
    QTest::addColumn<int>("withdrawn");
    QTest::addColumn<int>("templateChanged");
    QTest::addColumn<int>("recipientChanged");
    QTest::addColumn<int>("meetings");
    QTest::addColumn<QString>("summary");

    QTest::newRow("nothing") << 0 << 0 << 0 << 0 << 0 << 0 << u"Changes no planned message."_s;
    QTest::newRow("one of each") << 1 << 1 << 1 << 1 << 1 << 1
                                 << u"For 1 meeting: re-times 1 message, adds 1 message, cancels 1 message, "
                                    "changes the template of 1 message, sends 1 host notice to the new host "
                                    "number."_s;
    QTest::newRow("a busy week")
        << 14 << 3 << 2 << 0 << 0 << 9
        << u"For 9 meetings: re-times 14 messages, adds 3 messages, cancels 2 messages."_s;
}

void TestRulesChange::summaryReadsLikeASentence()
{
    RulesChange::Effect e;
    QFETCH(int, retimed);
    QFETCH(int, added);
    QFETCH(int, withdrawn);
    QFETCH(int, templateChanged);
    QFETCH(int, recipientChanged);
    QFETCH(int, meetings);
    QFETCH(QString, summary);
    e.retimed = retimed;
    e.added = added;
    e.withdrawn = withdrawn;
    e.templateChanged = templateChanged;
    e.recipientChanged = recipientChanged;
    e.meetings = meetings;
    QCOMPARE(e.summary(), summary);
}

QTEST_GUILESS_MAIN(TestRulesChange)
#include "tst_ruleschange.moc"
