#include "engine/Planner.h"
#include "engine/TemplateCheck.h"
#include "support/FakeClock.h"
#include "support/Printers.h"

#include <QTest>
#include <QTimeZone>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

const QString INVITEE = u"https://api.calendly.com/scheduled_events/EV1/invitees/INV1"_s;
const QString OLD_INVITEE = u"https://api.calendly.com/scheduled_events/EV0/invitees/INV0"_s;

QDateTime utc(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    Q_ASSERT(t.isValid());
    return t.toUTC();
}

QDateTime local(const QString &zone, const QDate &date, const QTime &time)
{
    return QDateTime(date, time, QTimeZone(zone.toUtf8())).toUTC();
}

RuleSet allOnRules()
{
    RuleSet set;
    Rules &r = set.defaults;
    r.reminderOffsetsMin = {1440, 60};
    r.fallbackTimezone = u"Asia/Bangkok"_s;
    r.defaultRegion = u"TH"_s;
    for (MessageKind kind : allMessageKinds()) {
        r.templates.insert(kind, u"T-"_s + keyOf(kind));
    }
    return set;
}

BookingEvent created(const QDateTime &startUtc, const QString &zone = u"Asia/Bangkok"_s)
{
    BookingEvent e;
    e.type = BookingEvent::Type::InviteeCreated;
    Appointment &a = e.invitee;
    a.inviteeUri = INVITEE;
    a.eventUri = u"https://api.calendly.com/scheduled_events/EV1"_s;
    a.eventTypeUri = u"https://api.calendly.com/event_types/TYPE1"_s;
    a.eventName = u"Consultation"_s;
    a.inviteeName = u"Somchai Jaidee"_s;
    a.phoneRaw = u"+66 81 234 5678"_s;
    a.phoneE164 = u"+66812345678"_s;
    a.timezone = zone;
    a.startUtc = startUtc;
    a.endUtc = startUtc.addSecs(30 * 60);
    a.location = u"Room 3"_s;
    a.hostName = u"Dr. Lee"_s;
    return e;
}

QList<OutboxMessage> ofKind(const QList<OutboxMessage> &messages, MessageKind kind)
{
    QList<OutboxMessage> out;
    for (const auto &m : messages) {
        if (m.kind == kind) {
            out.append(m);
        }
    }
    return out;
}

OutboxMessage pending(qint64 id, MessageKind kind, int offset = 0, MessageState state = MessageState::Queued)
{
    OutboxMessage m;
    m.id = id;
    m.inviteeUri = INVITEE;
    m.kind = kind;
    m.offsetMin = offset;
    m.state = state;
    return m;
}

// A cancellation of the standard booking, which Deskbell already knows in `status` (none: unknown).
Planner::Input canceledInput(std::optional<Appointment::Status> status = Appointment::Status::Active,
                             QList<OutboxMessage> knownMessages = {})
{
    Planner::Input input;
    input.event = created(utc(u"2026-11-10T07:00:00Z"_s));
    input.event.type = BookingEvent::Type::InviteeCanceled;
    if (status) {
        input.known = input.event.invitee;
        input.known->status = *status;
    }
    input.knownMessages = std::move(knownMessages);
    return input;
}

// One expected reminder: offset, due (UTC), state, reason, advance.
struct Expected
{
    int offset;
    QDateTime due;
    MessageState state;
    QString reason;
    QString advance;
};

} // namespace

Q_DECLARE_METATYPE(QList<Expected>)

class TestPlanner : public QObject
{
    Q_OBJECT

private slots:
    void timesReminders_data();
    void timesReminders();
    void bookingQueuesConfirmationRemindersFollowupAndHost();
    void paramsAreExactlyWhatTemplateCheckAssumes();
    void rendersTimeInInviteeZone_data();
    void rendersTimeInInviteeZone();
    void rendersValuesInTheMessageLanguage_data();
    void rendersValuesInTheMessageLanguage();
    void eventTypeOverrideChoosesItsOwnLanguage();
    void checksRecipient_data();
    void checksRecipient();
    void unmappedKindIsOffAndSaidOnce();
    void eventTypeOverrideWins();
    void baselineSendsNoConfirmation();
    void followupInQuietHoursWaitsForMorning();
    void followupOffByDefault();
    void rescheduledBookingSendsRescheduleNotConfirm();
    void rescheduleFallsBackToConfirmTemplate();
    void rescheduleWithdrawsOldBookingsPending();
    void cancelWithdrawsEveryPendingMessageAndQueuesOneCancellation();
    void cancelAfterMeetingStartedIsNotTexted();
    void cancelOfFinishedBookingQueuesNothing_data();
    void cancelOfFinishedBookingQueuesNothing();
    void rescheduleCancelSendsNoCancellation();
    void bookingAfterItsCancellationIsStale();
    void noShowWithdrawsFollowupAndSaysWeMissedYou();
    void noShowRemovedWithdrawsMissedYou();
};

void TestPlanner::timesReminders_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QList<int>>("offsets");
    QTest::addColumn<QString>("quiet");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QList<Expected>>("expected");

    const auto Q = MessageState::Queued;
    const auto S = MessageState::Skipped;
    const QDateTime now = utc(u"2026-11-02T09:00:00Z"_s);

    QTest::newRow("Bangkok: 24 h and 1 h")
        << u"Asia/Bangkok"_s << local(u"Asia/Bangkok"_s, {2026, 11, 10}, {14, 0}) << QList<int>{1440, 60}
        << QString() << now
        << QList<Expected>{{1440, utc(u"2026-11-09T07:00:00Z"_s), Q, {}, u"24 hours"_s},
                           {60, utc(u"2026-11-10T06:00:00Z"_s), Q, {}, u"1 hour"_s}};

    QTest::newRow("booked 3 h ahead: the 24 h reminder is booked too late")
        << u"Asia/Bangkok"_s << now.addSecs(3 * 3600) << QList<int>{1440, 60} << QString() << now
        << QList<Expected>{{1440, now.addSecs(3 * 3600 - 86400), S, u"booked too late"_s, u"24 hours"_s},
                           {60, now.addSecs(2 * 3600), Q, {}, u"1 hour"_s}};

    QTest::newRow("booked 59 min ahead: both too late")
        << u"Asia/Bangkok"_s << now.addSecs(59 * 60) << QList<int>{1440, 60} << QString() << now
        << QList<Expected>{{1440, now.addSecs(59 * 60 - 86400), S, u"booked too late"_s, u"24 hours"_s},
                           {60, now.addSecs(-60), S, u"booked too late"_s, u"1 hour"_s}};

    QTest::newRow("Kolkata: half-hour offset")
        << u"Asia/Kolkata"_s << local(u"Asia/Kolkata"_s, {2026, 11, 10}, {10, 0}) << QList<int>{1440, 30}
        << QString() << now
        << QList<Expected>{{1440, utc(u"2026-11-09T04:30:00Z"_s), Q, {}, u"24 hours"_s},
                           {30, utc(u"2026-11-10T04:00:00Z"_s), Q, {}, u"30 minutes"_s}};

    QTest::newRow("Kolkata: quiet hours move a 07:00 reminder to 20:59 the evening before")
        << u"Asia/Kolkata"_s << local(u"Asia/Kolkata"_s, {2026, 11, 10}, {10, 0}) << QList<int>{180}
        << u"21:00-08:00"_s << now
        << QList<Expected>{{180, utc(u"2026-11-09T15:29:00Z"_s), Q, {}, u"13 hours 1 minute"_s}};

    QTest::newRow("New York: 24 h across the spring DST change is 24 real hours")
        << u"America/New_York"_s << local(u"America/New_York"_s, {2026, 3, 9}, {9, 0})
        << QList<int>{2880, 1440} << QString() << utc(u"2026-03-01T12:00:00Z"_s)
        << QList<Expected>{{2880, utc(u"2026-03-07T13:00:00Z"_s), Q, {}, u"2 days"_s},
                           {1440, utc(u"2026-03-08T13:00:00Z"_s), Q, {}, u"24 hours"_s}};

    // 06:30 EDT on 9 March is quiet; 20:59 on 8 March is already EDT (UTC-4), not EST.
    QTest::newRow("New York: quiet hours the night the clocks changed")
        << u"America/New_York"_s << local(u"America/New_York"_s, {2026, 3, 9}, {7, 30}) << QList<int>{60}
        << u"21:00-08:00"_s << utc(u"2026-03-01T12:00:00Z"_s)
        << QList<Expected>{{60, utc(u"2026-03-09T00:59:00Z"_s), Q, {}, u"10 hours 31 minutes"_s}};

    // Clocks go back on 25 October 2026: 21:00 that evening is GMT, not BST.
    QTest::newRow("London: quiet hours after the autumn DST change")
        << u"Europe/London"_s << local(u"Europe/London"_s, {2026, 10, 26}, {9, 0}) << QList<int>{720}
        << u"21:00-08:00"_s << utc(u"2026-10-20T12:00:00Z"_s)
        << QList<Expected>{{720, utc(u"2026-10-25T20:59:00Z"_s), Q, {}, u"12 hours 1 minute"_s}};

    QTest::newRow("Lord Howe: half-hour DST shift")
        << u"Australia/Lord_Howe"_s << local(u"Australia/Lord_Howe"_s, {2026, 10, 5}, {10, 0})
        << QList<int>{1440} << QString() << utc(u"2026-09-20T00:00:00Z"_s)
        << QList<Expected>{{1440,
                            local(u"Australia/Lord_Howe"_s, {2026, 10, 5}, {10, 0}).addDays(-1),
                            Q,
                            {},
                            u"24 hours"_s}};

    QTest::newRow("two reminders in quiet hours send once")
        << u"Asia/Bangkok"_s << local(u"Asia/Bangkok"_s, {2026, 11, 10}, {7, 30}) << QList<int>{120, 60}
        << u"21:00-08:00"_s << now
        << QList<Expected>{
               {120, local(u"Asia/Bangkok"_s, {2026, 11, 9}, {20, 59}), Q, {}, u"10 hours 31 minutes"_s},
               {60, local(u"Asia/Bangkok"_s, {2026, 11, 9}, {20, 59}), S,
                u"same time as the 2 hours reminder (quiet hours)"_s, u"10 hours 31 minutes"_s}};

    QTest::newRow("quiet hours would move it before the booking")
        << u"Asia/Bangkok"_s << local(u"Asia/Bangkok"_s, {2026, 11, 3}, {7, 30}) << QList<int>{60}
        << u"21:00-08:00"_s << local(u"Asia/Bangkok"_s, {2026, 11, 2}, {22, 0})
        << QList<Expected>{{60, local(u"Asia/Bangkok"_s, {2026, 11, 2}, {20, 59}), S,
                            u"booked too late (quiet hours)"_s, u"10 hours 31 minutes"_s}};

    QTest::newRow("same-day quiet window")
        << u"Asia/Bangkok"_s << local(u"Asia/Bangkok"_s, {2026, 11, 10}, {13, 30}) << QList<int>{60}
        << u"12:00-13:00"_s << now
        << QList<Expected>{
               {60, local(u"Asia/Bangkok"_s, {2026, 11, 10}, {11, 59}), Q, {}, u"1 hour 31 minutes"_s}};

    QTest::newRow("no reminders configured")
        << u"Asia/Bangkok"_s << now.addDays(3) << QList<int>{} << QString() << now << QList<Expected>{};
}

void TestPlanner::timesReminders()
{
    QFETCH(QString, zone);
    QFETCH(QDateTime, start);
    QFETCH(QList<int>, offsets);
    QFETCH(QString, quiet);
    QFETCH(QDateTime, now);
    QFETCH(QList<Expected>, expected);

    test::FakeClock clock(now);
    Planner planner(clock);
    RuleSet rules = allOnRules();
    rules.defaults.reminderOffsetsMin = offsets;
    QString error;
    rules.defaults.quietHours = QuietHours::parse(quiet, &error);
    QVERIFY(error.isEmpty());

    Planner::Input input;
    input.event = created(start, zone);
    const auto plan = planner.plan(input, rules);
    QCOMPARE(plan.outcome, u"applied"_s);
    const auto reminders = ofKind(plan.messages, MessageKind::Reminder);
    QCOMPARE(reminders.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const auto &m = reminders.at(i);
        const auto &e = expected.at(i);
        QCOMPARE(m.offsetMin, e.offset);
        QCOMPARE(m.dueUtc, e.due);
        QCOMPARE(m.dueUtc.timeSpec(), Qt::UTC);
        QCOMPARE(m.state, e.state);
        QCOMPARE(m.skipReason, e.reason);
        QCOMPARE(m.params.value(u"advance"_s).toString(), e.advance);
        QCOMPARE(m.templateId, u"T-reminder"_s);
        QCOMPARE(m.recipient, u"+66812345678"_s);
    }
}

void TestPlanner::bookingQueuesConfirmationRemindersFollowupAndHost()
{
    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    RuleSet rules = allOnRules();
    rules.defaults.followupAfterMin = 120;
    rules.defaults.hostPhone = u"+66898765432"_s;

    Planner::Input input;
    input.event = created(local(u"Asia/Bangkok"_s, {2026, 11, 10}, {14, 0}));
    const auto plan = planner.plan(input, rules);

    QCOMPARE(plan.appointments.size(), 1);
    QCOMPARE(plan.appointments.first().status, Appointment::Status::Active);
    QVERIFY(plan.withdrawals.isEmpty());
    QCOMPARE(plan.messages.size(), 5);

    const auto confirm = ofKind(plan.messages, MessageKind::Confirm);
    QCOMPARE(confirm.size(), 1);
    QCOMPARE(confirm.first().dueUtc, clock.nowUtc());
    QCOMPARE(confirm.first().state, MessageState::Queued);
    QCOMPARE(confirm.first().templateId, u"T-confirm"_s);
    const QJsonObject p = confirm.first().params;
    QCOMPARE(p.value(u"name"_s).toString(), u"Somchai Jaidee"_s);
    QCOMPARE(p.value(u"time"_s).toString(), u"14:00"_s);
    QCOMPARE(p.value(u"date"_s).toString(), u"Tue 10 Nov 2026"_s);
    QCOMPARE(p.value(u"timezone"_s).toString(), u"Asia/Bangkok"_s);
    QCOMPARE(p.value(u"event_name"_s).toString(), u"Consultation"_s);
    QCOMPARE(p.value(u"location"_s).toString(), u"Room 3"_s);
    QCOMPARE(p.value(u"host_name"_s).toString(), u"Dr. Lee"_s);

    QCOMPARE(ofKind(plan.messages, MessageKind::Reminder).size(), 2);

    const auto followup = ofKind(plan.messages, MessageKind::Followup);
    QCOMPARE(followup.size(), 1);
    QCOMPARE(followup.first().dueUtc, utc(u"2026-11-10T09:30:00Z"_s)); // end 14:30 local + 2 h
    QCOMPARE(followup.first().offsetMin, 120);

    const auto host = ofKind(plan.messages, MessageKind::HostNotify);
    QCOMPARE(host.size(), 1);
    QCOMPARE(host.first().recipient, u"+66898765432"_s);
    QCOMPARE(host.first().params.value(u"event"_s).toString(), u"booked"_s);

    QVERIFY(ofKind(plan.messages, MessageKind::Cancel).isEmpty());
    QVERIFY(ofKind(plan.messages, MessageKind::Reschedule).isEmpty());
}

void TestPlanner::paramsAreExactlyWhatTemplateCheckAssumes()
{
    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    RuleSet rules = allOnRules();
    rules.defaults.followupAfterMin = 60;
    rules.defaults.hostPhone = u"+66898765432"_s;
    Planner::Input input;
    input.event = created(utc(u"2026-11-10T07:00:00Z"_s));
    auto messages = planner.plan(input, rules).messages;
    input.event.type = BookingEvent::Type::InviteeCanceled;
    messages += planner.plan(input, rules).messages;
    QSet<MessageKind> seen;
    for (const auto &m : messages) {
        QStringList keys = m.params.keys();
        QStringList expected = suppliedParams(m.kind);
        keys.sort();
        expected.sort();
        QCOMPARE(keys, expected);
        seen.insert(m.kind);
    }
    QCOMPARE(seen.size(), 5); // confirm, reminder, follow-up, host note, cancellation
}

void TestPlanner::rendersTimeInInviteeZone_data()
{
    QTest::addColumn<QString>("inviteeZone");
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("zoneUsed");

    // Just after midnight UTC is still the previous evening in Los Angeles.
    QTest::newRow("Los Angeles, after midnight UTC")
        << u"America/Los_Angeles"_s << utc(u"2026-11-11T00:30:00Z"_s) << u"16:30"_s << u"Tue 10 Nov 2026"_s
        << u"America/Los_Angeles"_s;
    QTest::newRow("Kolkata") << u"Asia/Kolkata"_s << utc(u"2026-11-10T04:30:00Z"_s) << u"10:00"_s
                             << u"Tue 10 Nov 2026"_s << u"Asia/Kolkata"_s;
    QTest::newRow("Kathmandu +05:45") << u"Asia/Kathmandu"_s << utc(u"2026-11-10T04:15:00Z"_s) << u"10:00"_s
                                      << u"Tue 10 Nov 2026"_s << u"Asia/Kathmandu"_s;
    QTest::newRow("unknown zone uses the fallback")
        << u"Mars/Olympus"_s << utc(u"2026-11-10T07:00:00Z"_s) << u"14:00"_s << u"Tue 10 Nov 2026"_s
        << u"Asia/Bangkok"_s;
    QTest::newRow("no zone uses the fallback") << QString() << utc(u"2026-11-10T07:00:00Z"_s) << u"14:00"_s
                                               << u"Tue 10 Nov 2026"_s << u"Asia/Bangkok"_s;
}

void TestPlanner::rendersTimeInInviteeZone()
{
    QFETCH(QString, inviteeZone);
    QFETCH(QDateTime, start);
    QFETCH(QString, time);
    QFETCH(QString, date);
    QFETCH(QString, zoneUsed);

    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    Planner::Input input;
    input.event = created(start, inviteeZone);
    const auto plan = planner.plan(input, allOnRules());
    const auto confirm = ofKind(plan.messages, MessageKind::Confirm);
    QCOMPARE(confirm.size(), 1);
    QCOMPARE(confirm.first().params.value(u"time"_s).toString(), time);
    QCOMPARE(confirm.first().params.value(u"date"_s).toString(), date);
    QCOMPARE(confirm.first().params.value(u"timezone"_s).toString(), zoneUsed);
}

void TestPlanner::rendersValuesInTheMessageLanguage_data()
{
    QTest::addColumn<MessageLanguage>("language");
    QTest::addColumn<bool>("buddhistEra");
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QStringList>("advances"); // the 1440 and 120 minute reminders

    QTest::newRow("en") << MessageLanguage::English << false << u"14:00"_s << u"Thu 5 Nov 2026"_s
                        << QStringList{u"24 hours"_s, u"2 hours"_s};
    QTest::newRow("th, buddhist era")
        << MessageLanguage::Thai << true << u"14:00"_s << u"วันพฤหัสบดีที่ 5 พฤศจิกายน 2569"_s
        << QStringList{u"24 ชั่วโมง"_s, u"2 ชั่วโมง"_s};
    QTest::newRow("th, common era") << MessageLanguage::Thai << false << u"14:00"_s
                                    << u"วันพฤหัสบดีที่ 5 พฤศจิกายน 2026"_s
                                    << QStringList{u"24 ชั่วโมง"_s, u"2 ชั่วโมง"_s};
    QTest::newRow("zh_CN") << MessageLanguage::ChineseSimplified << false << u"14:00"_s << u"11月5日 星期四"_s
                           << QStringList{u"24小时"_s, u"2小时"_s};
}

void TestPlanner::rendersValuesInTheMessageLanguage()
{
    QFETCH(MessageLanguage, language);
    QFETCH(bool, buddhistEra);
    QFETCH(QString, time);
    QFETCH(QString, date);
    QFETCH(QStringList, advances);

    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    RuleSet rules = allOnRules();
    rules.defaults.reminderOffsetsMin = {1440, 120};
    rules.defaults.messageLanguage = language;
    rules.defaults.buddhistEra = buddhistEra;
    rules.defaults.hostPhone = u"+66898765432"_s;
    Planner::Input input;
    input.event = created(local(u"Asia/Bangkok"_s, {2026, 11, 5}, {14, 0}));
    const auto plan = planner.plan(input, rules);

    const auto confirm = ofKind(plan.messages, MessageKind::Confirm);
    QCOMPARE(confirm.size(), 1);
    QCOMPARE(confirm.first().params.value(u"time"_s).toString(), time);
    QCOMPARE(confirm.first().params.value(u"date"_s).toString(), date);
    // The host's notice is in the same language; names and places stay as Calendly wrote them.
    const auto host = ofKind(plan.messages, MessageKind::HostNotify);
    QCOMPARE(host.size(), 1);
    QCOMPARE(host.first().params.value(u"date"_s).toString(), date);
    QCOMPARE(confirm.first().params.value(u"name"_s).toString(), u"Somchai Jaidee"_s);
    QStringList advanceTexts;
    for (const auto &m : ofKind(plan.messages, MessageKind::Reminder)) {
        QCOMPARE(m.params.value(u"date"_s).toString(), date);
        advanceTexts.append(m.params.value(u"advance"_s).toString());
    }
    QCOMPARE(advanceTexts, advances);
}

void TestPlanner::eventTypeOverrideChoosesItsOwnLanguage()
{
    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    RuleSet rules = allOnRules();
    rules.defaults.messageLanguage = MessageLanguage::Thai;
    rules.defaults.buddhistEra = true;
    EventTypeOverride english{u"intl"_s, u"Consultation"_s, rules.defaults};
    english.rules.messageLanguage = MessageLanguage::English;
    rules.overrides = {english};
    Planner::Input input;
    input.event = created(local(u"Asia/Bangkok"_s, {2026, 11, 5}, {14, 0}));
    const auto plan = planner.plan(input, rules);
    const auto confirm = ofKind(plan.messages, MessageKind::Confirm);
    QCOMPARE(confirm.size(), 1);
    QCOMPARE(confirm.first().params.value(u"date"_s).toString(), u"Thu 5 Nov 2026"_s);
}

void TestPlanner::checksRecipient_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("e164");
    QTest::addColumn<bool>("optedOut");
    QTest::addColumn<MessageState>("state");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("recipient");

    QTest::newRow("valid") << u"+66 81 234 5678"_s << u"+66812345678"_s << false << MessageState::Queued
                           << QString() << u"+66812345678"_s;
    QTest::newRow("no phone") << QString() << QString() << false << MessageState::Skipped
                              << u"no phone number"_s << QString();
    QTest::newRow("invalid phone kept raw")
        << u"12345"_s << QString() << false << MessageState::Skipped << u"invalid phone"_s << u"12345"_s;
    QTest::newRow("opted out") << u"+66 81 234 5678"_s << u"+66812345678"_s << true << MessageState::Skipped
                               << u"opted out"_s << u"+66812345678"_s;
}

void TestPlanner::checksRecipient()
{
    QFETCH(QString, raw);
    QFETCH(QString, e164);
    QFETCH(bool, optedOut);
    QFETCH(MessageState, state);
    QFETCH(QString, reason);
    QFETCH(QString, recipient);

    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    Planner::Input input;
    input.event = created(utc(u"2026-11-10T07:00:00Z"_s));
    input.event.invitee.phoneRaw = raw;
    input.event.invitee.phoneE164 = e164;
    QStringList asked;
    input.isOptedOut = [&](const QString &number) {
        asked.append(number);
        return optedOut && number == e164;
    };
    const auto plan = planner.plan(input, allOnRules());
    QCOMPARE(plan.messages.size(), 3); // confirmation and two reminders
    for (const auto &m : plan.messages) {
        QCOMPARE(m.state, state);
        QCOMPARE(m.skipReason, reason);
        QCOMPARE(m.recipient, recipient);
    }
    if (!e164.isEmpty()) {
        QVERIFY(asked.contains(e164));
    }
}

void TestPlanner::unmappedKindIsOffAndSaidOnce()
{
    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    RuleSet rules = allOnRules();
    rules.defaults.templates.remove(MessageKind::Reminder);

    Planner::Input input;
    input.event = created(utc(u"2026-11-10T07:00:00Z"_s));
    const auto first = planner.plan(input, rules);
    QVERIFY(ofKind(first.messages, MessageKind::Reminder).isEmpty());
    QCOMPARE(ofKind(first.messages, MessageKind::Confirm).size(), 1);
    QCOMPARE(first.notes.size(), 1);
    QVERIFY2(first.notes.first().contains(u"Reminder messages are off"_s), qPrintable(first.notes.first()));
    QVERIFY(first.notes.first().contains(u"[templates] reminder"_s));

    input.event.invitee.inviteeUri = INVITEE + u"-2"_s;
    const auto second = planner.plan(input, rules);
    QVERIFY(second.notes.isEmpty());
}

void TestPlanner::eventTypeOverrideWins()
{
    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    RuleSet rules = allOnRules();
    EventTypeOverride call{u"call"_s, u"TYPE1"_s, rules.defaults};
    call.rules.reminderOffsetsMin = {15};
    call.rules.templates.insert(MessageKind::Reminder, u"T-short"_s);
    rules.overrides.append(call);

    Planner::Input input;
    input.event = created(utc(u"2026-11-10T07:00:00Z"_s));
    auto reminders = ofKind(planner.plan(input, rules).messages, MessageKind::Reminder);
    QCOMPARE(reminders.size(), 1);
    QCOMPARE(reminders.first().offsetMin, 15);
    QCOMPARE(reminders.first().templateId, u"T-short"_s);

    input.event.invitee.eventTypeUri = u"https://api.calendly.com/event_types/OTHER"_s;
    reminders = ofKind(planner.plan(input, rules).messages, MessageKind::Reminder);
    QCOMPARE(reminders.size(), 2);
}

void TestPlanner::baselineSendsNoConfirmation()
{
    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    RuleSet rules = allOnRules();
    rules.defaults.hostPhone = u"+66898765432"_s;
    Planner::Input input;
    input.event = created(utc(u"2026-11-10T07:00:00Z"_s));
    input.baseline = true;
    const auto plan = planner.plan(input, rules);
    QVERIFY(ofKind(plan.messages, MessageKind::Confirm).isEmpty());
    QVERIFY(ofKind(plan.messages, MessageKind::HostNotify).isEmpty());
    QCOMPARE(ofKind(plan.messages, MessageKind::Reminder).size(), 2);
}

void TestPlanner::followupInQuietHoursWaitsForMorning()
{
    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    RuleSet rules = allOnRules();
    rules.defaults.followupAfterMin = 60;
    rules.defaults.quietHours = QuietHours{QTime(21, 0), QTime(8, 0)};
    Planner::Input input;
    input.event = created(local(u"Asia/Bangkok"_s, {2026, 11, 10}, {20, 30})); // ends 21:00, +1 h = 22:00
    const auto followup = ofKind(planner.plan(input, rules).messages, MessageKind::Followup);
    QCOMPARE(followup.size(), 1);
    QCOMPARE(followup.first().dueUtc, local(u"Asia/Bangkok"_s, {2026, 11, 11}, {8, 0}));
}

void TestPlanner::followupOffByDefault()
{
    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    Planner::Input input;
    input.event = created(utc(u"2026-11-10T07:00:00Z"_s));
    QVERIFY(ofKind(planner.plan(input, allOnRules()).messages, MessageKind::Followup).isEmpty());
}

void TestPlanner::rescheduledBookingSendsRescheduleNotConfirm()
{
    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    Planner::Input input;
    input.event = created(utc(u"2026-11-12T07:00:00Z"_s));
    input.event.invitee.oldInviteeUri = OLD_INVITEE;
    const auto plan = planner.plan(input, allOnRules());
    QVERIFY(ofKind(plan.messages, MessageKind::Confirm).isEmpty());
    const auto notice = ofKind(plan.messages, MessageKind::Reschedule);
    QCOMPARE(notice.size(), 1);
    QCOMPARE(notice.first().templateId, u"T-reschedule"_s);
    QCOMPARE(ofKind(plan.messages, MessageKind::Reminder).size(), 2);
    QVERIFY(ofKind(plan.messages, MessageKind::Cancel).isEmpty());
}

void TestPlanner::rescheduleFallsBackToConfirmTemplate()
{
    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    RuleSet rules = allOnRules();
    rules.defaults.templates.remove(MessageKind::Reschedule);
    Planner::Input input;
    input.event = created(utc(u"2026-11-12T07:00:00Z"_s));
    input.event.invitee.oldInviteeUri = OLD_INVITEE;
    const auto notice = ofKind(planner.plan(input, rules).messages, MessageKind::Reschedule);
    QCOMPARE(notice.size(), 1);
    QCOMPARE(notice.first().templateId, u"T-confirm"_s);
}

void TestPlanner::rescheduleWithdrawsOldBookingsPending()
{
    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    Planner::Input input;
    input.event = created(utc(u"2026-11-12T07:00:00Z"_s));
    input.event.invitee.oldInviteeUri = OLD_INVITEE;
    Appointment old = created(utc(u"2026-11-10T07:00:00Z"_s)).invitee;
    old.inviteeUri = OLD_INVITEE;
    input.partner = old;
    input.partnerMessages = {pending(1, MessageKind::Confirm, 0, MessageState::Accepted),
                             pending(2, MessageKind::Reminder, 1440), pending(3, MessageKind::Reminder, 60),
                             pending(4, MessageKind::Followup, 60, MessageState::RetryWait)};
    const auto plan = planner.plan(input, allOnRules());
    QCOMPARE(plan.withdrawals.size(), 3);
    for (const auto &w : plan.withdrawals) {
        QVERIFY(w.messageId != 1); // already sent: history, not withdrawn
        QCOMPARE(w.state, MessageState::Canceled);
        QCOMPARE(w.reason, u"booking rescheduled"_s);
    }
    QCOMPARE(plan.appointments.size(), 2);
    QCOMPARE(plan.appointments.first().inviteeUri, OLD_INVITEE);
    QCOMPARE(plan.appointments.first().status, Appointment::Status::Rescheduled);
    QCOMPARE(plan.appointments.first().newInviteeUri, INVITEE);
}

void TestPlanner::cancelWithdrawsEveryPendingMessageAndQueuesOneCancellation()
{
    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    Planner::Input input =
        canceledInput(Appointment::Status::Active,
                      {pending(1, MessageKind::Confirm, 0, MessageState::Accepted),
                       pending(2, MessageKind::Reminder, 1440), pending(3, MessageKind::Reminder, 60),
                       pending(4, MessageKind::Followup, 30), pending(5, MessageKind::HostNotify)});
    input.event.cancelReason = u"Meeting Conflict"_s;
    const auto plan = planner.plan(input, allOnRules());
    QCOMPARE(plan.withdrawals.size(), 4);
    for (const auto &w : plan.withdrawals) {
        QVERIFY(w.messageId != 1); // already sent: history, not withdrawn
        QCOMPARE(w.reason, u"booking canceled"_s);
    }
    QCOMPARE(plan.messages.size(), 1);
    QCOMPARE(plan.messages.first().kind, MessageKind::Cancel);
    QCOMPARE(plan.messages.first().state, MessageState::Queued);
    QCOMPARE(plan.messages.first().dueUtc, clock.nowUtc());
    QCOMPARE(plan.appointments.first().status, Appointment::Status::Canceled);
    QCOMPARE(plan.appointments.first().cancelReason, u"Meeting Conflict"_s);
}

void TestPlanner::cancelAfterMeetingStartedIsNotTexted()
{
    test::FakeClock clock(utc(u"2026-11-10T07:10:00Z"_s));
    Planner planner(clock);
    const auto plan = planner.plan(canceledInput(std::nullopt), allOnRules());
    QCOMPARE(plan.messages.size(), 1);
    QCOMPARE(plan.messages.first().state, MessageState::Skipped);
    QCOMPARE(plan.messages.first().skipReason, u"meeting already started"_s);
}

void TestPlanner::cancelOfFinishedBookingQueuesNothing_data()
{
    QTest::addColumn<Appointment::Status>("known");
    QTest::newRow("already canceled") << Appointment::Status::Canceled;
    QTest::newRow("already rescheduled: the new booking told them") << Appointment::Status::Rescheduled;
}

void TestPlanner::cancelOfFinishedBookingQueuesNothing()
{
    QFETCH(Appointment::Status, known);
    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    const auto plan = planner.plan(canceledInput(known), allOnRules());
    QVERIFY(plan.messages.isEmpty());
}

void TestPlanner::rescheduleCancelSendsNoCancellation()
{
    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    Planner::Input input =
        canceledInput(Appointment::Status::Active,
                      {pending(2, MessageKind::Reminder, 1440), pending(3, MessageKind::Reminder, 60)});
    input.event.rescheduled = true;
    input.event.invitee.newInviteeUri = INVITEE + u"-new"_s;
    const auto plan = planner.plan(input, allOnRules());
    QVERIFY(plan.messages.isEmpty());
    QCOMPARE(plan.withdrawals.size(), 2);
    QCOMPARE(plan.withdrawals.first().reason, u"booking rescheduled"_s);
    QCOMPARE(plan.appointments.first().status, Appointment::Status::Rescheduled);
    QCOMPARE(plan.appointments.first().newInviteeUri, INVITEE + u"-new"_s);
}

void TestPlanner::bookingAfterItsCancellationIsStale()
{
    test::FakeClock clock(utc(u"2026-11-02T09:00:00Z"_s));
    Planner planner(clock);
    for (auto status : {Appointment::Status::Canceled, Appointment::Status::Rescheduled}) {
        Planner::Input input;
        input.event = created(utc(u"2026-11-10T07:00:00Z"_s));
        input.known = input.event.invitee;
        input.known->status = status;
        const auto plan = planner.plan(input, allOnRules());
        QCOMPARE(plan.outcome, u"stale"_s);
        QVERIFY(plan.messages.isEmpty());
        QVERIFY(plan.appointments.isEmpty());
    }
}

void TestPlanner::noShowWithdrawsFollowupAndSaysWeMissedYou()
{
    test::FakeClock clock(utc(u"2026-11-10T08:00:00Z"_s));
    Planner planner(clock);
    Planner::Input input;
    input.event = created(utc(u"2026-11-10T07:00:00Z"_s));
    input.event.type = BookingEvent::Type::NoShowCreated;
    input.known = input.event.invitee;
    input.knownMessages = {pending(1, MessageKind::Confirm, 0, MessageState::Accepted),
                           pending(4, MessageKind::Followup, 120)};
    const auto plan = planner.plan(input, allOnRules());
    QCOMPARE(plan.withdrawals.size(), 1);
    QCOMPARE(plan.withdrawals.first().messageId, 4);
    QCOMPARE(plan.messages.size(), 1);
    QCOMPARE(plan.messages.first().kind, MessageKind::NoShow);
    QCOMPARE(plan.appointments.first().status, Appointment::Status::NoShow);

    RuleSet off = allOnRules();
    off.defaults.templates.remove(MessageKind::NoShow);
    QVERIFY(planner.plan(input, off).messages.isEmpty());
}

void TestPlanner::noShowRemovedWithdrawsMissedYou()
{
    test::FakeClock clock(utc(u"2026-11-10T08:00:00Z"_s));
    Planner planner(clock);
    Planner::Input input;
    input.event = created(utc(u"2026-11-10T07:00:00Z"_s));
    input.event.type = BookingEvent::Type::NoShowDeleted;
    input.known = input.event.invitee;
    input.known->status = Appointment::Status::NoShow;
    input.knownMessages = {pending(7, MessageKind::NoShow)};
    const auto plan = planner.plan(input, allOnRules());
    QCOMPARE(plan.withdrawals.size(), 1);
    QCOMPARE(plan.withdrawals.first().reason, u"no-show mark removed"_s);
    QCOMPARE(plan.appointments.first().status, Appointment::Status::Active);
}

QTEST_GUILESS_MAIN(TestPlanner)
#include "tst_planner.moc"
