// The dashboard over a real SQLite file seeded through the store: the chart shows exactly the
// messages per desk day and state that were written, the delivery rate and the next hour's sends.

#include "DailyChart.h"
#include "DashboardWidget.h"
#include "EngineHost.h"
#include "UiTestSupport.h"
#include "storage/Store.h"
#include "support/ConsoleFixture.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <cmath>
#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

constexpr int WAIT_MS = 10000;

const QList<MessageState> SEEDED_STATES{MessageState::Accepted, MessageState::Failed, MessageState::Canceled,
                                        MessageState::Skipped, MessageState::Unknown};

QString uriOf(const QString &id)
{
    return u"https://api.calendly.com/scheduled_events/EV-%1/invitees/%1"_s.arg(id);
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void chartShowsMessagesPerDayAndState();
    void deliveryRateCountsAcceptedMessagesInThe30Days();
    void nextHourListsTheSendsDueWithinTheHour();
    void burstOfEngineChangesReloadsOnce();
    void chartTooltipAndSummaryName();
    void chartColoursFollowThePalette();

private:
    void appointment(const QString &id, const QString &name, const QDateTime &startUtc);
    qint64 message(const QString &id, MessageKind kind, int offset, MessageState state,
                   const QDateTime &dueUtc);
    void seedMonth();
    std::unique_ptr<DashboardWidget> makeDashboard();

    std::unique_ptr<test::ConsoleFixture> m_fixture;
    QDateTime m_now;
    QTimeZone m_zone;
    // What was seeded, counted here by the definitions the dashboard promises.
    QHash<QDate, QHash<MessageState, int>> m_expected;
    int m_accepted = 0;
    int m_delivered = 0;
};

void TestDashboard::init()
{
    m_fixture = std::make_unique<test::ConsoleFixture>();
    QString error;
    QVERIFY2(m_fixture->start(&error), qPrintable(error));
    m_now = m_fixture->clock().nowUtc();
    m_zone = m_fixture->deskZone();
    m_expected.clear();
    m_accepted = 0;
    m_delivered = 0;
}

void TestDashboard::cleanup()
{
    m_fixture.reset();
}

void TestDashboard::appointment(const QString &id, const QString &name, const QDateTime &startUtc)
{
    Appointment a;
    a.inviteeUri = uriOf(id);
    a.eventUri = u"https://api.calendly.com/scheduled_events/EV-%1"_s.arg(id);
    a.eventName = u"Dental check-up"_s;
    a.inviteeName = name;
    a.phoneRaw = u"+66 81 234 5678"_s;
    a.phoneE164 = u"+66812345678"_s;
    a.timezone = u"Asia/Bangkok"_s;
    a.startUtc = startUtc;
    a.endUtc = startUtc.addSecs(1800);
    a.updatedUtc = m_now;
    m_fixture->store().upsertAppointment(a);
}

qint64 TestDashboard::message(const QString &id, MessageKind kind, int offset, MessageState state,
                              const QDateTime &dueUtc)
{
    OutboxMessage m;
    m.inviteeUri = uriOf(id);
    m.kind = kind;
    m.offsetMin = offset;
    m.recipient = u"+66812345678"_s;
    m.dueUtc = dueUtc;
    m.templateId = u"tpl"_s;
    m.state = state;
    if (state == MessageState::Accepted) {
        m.acceptedUtc = dueUtc.addSecs(60);
        m.providerMessageId = u"pm-%1-%2"_s.arg(id).arg(offset);
    }
    if (state == MessageState::Canceled || state == MessageState::Skipped || state == MessageState::Unknown) {
        m.skipReason = u"seeded"_s;
    }
    const qint64 rowId = m_fixture->store().insertMessage(m);
    if (rowId <= 0) {
        qFatal("message not inserted");
    }
    return rowId;
}

// 30 desk days of finished messages (nothing the dispatcher would pick up), a varying number per
// day and state, and one accepted message just outside the window.
void TestDashboard::seedMonth()
{
    const QDate today = m_now.toTimeZone(m_zone).date();
    int serial = 0;
    for (int back = 0; back < DashboardWidget::DAYS; ++back) {
        const QDate day = today.addDays(-back);
        const QString id = u"D%1"_s.arg(back);
        // 08:00 at the desk: before "now" (09:00) today too.
        const QDateTime due = QDateTime(day, QTime(8, 0), m_zone).toUTC();
        appointment(id, u"Day %1"_s.arg(back), due.addSecs(3 * 3600));
        int offset = 0;
        for (int s = 0; s < SEEDED_STATES.size(); ++s) {
            const MessageState state = SEEDED_STATES.at(s);
            const int n = (back * 3 + s * 5) % 4;
            for (int i = 0; i < n; ++i) {
                const qint64 rowId = message(id, MessageKind::Reminder, ++offset, state, due.addSecs(i * 60));
                if (n > 0) {
                    m_expected[day][state] += 1;
                }
                if (state == MessageState::Accepted) {
                    ++m_accepted;
                    ++serial;
                    if (serial % 3 != 2) {
                        ++m_delivered;
                        QVERIFY(m_fixture->store().recordDelivery(rowId, {}, u"delivered"_s, u"0"_s,
                                                                  due.addSecs(120)));
                    } else if (serial % 2 == 0) {
                        QVERIFY(m_fixture->store().recordDelivery(rowId, {}, u"sent_failed"_s, u"1"_s,
                                                                  due.addSecs(120)));
                    }
                }
            }
        }
    }
    const QDateTime longAgo = QDateTime(today.addDays(-40), QTime(8, 0), m_zone).toUTC();
    appointment(u"OLD"_s, u"Long ago"_s, longAgo.addSecs(3600));
    message(u"OLD"_s, MessageKind::Reminder, 60, MessageState::Accepted, longAgo);
}

std::unique_ptr<DashboardWidget> TestDashboard::makeDashboard()
{
    auto dashboard = std::make_unique<DashboardWidget>(m_fixture->reader(), m_fixture->clock(), m_zone);
    dashboard->resize(1000, 800);
    dashboard->show();
    return dashboard;
}

void TestDashboard::chartShowsMessagesPerDayAndState()
{
    seedMonth();
    auto dashboard = makeDashboard();
    QSignalSpy reloaded(dashboard.get(), &DashboardWidget::reloaded);
    QVERIFY(reloaded.wait(WAIT_MS));

    const DailyChart *chart = dashboard->chart();
    const auto &days = chart->days();
    QCOMPARE(days.size(), DashboardWidget::DAYS);
    const QDate today = m_now.toTimeZone(m_zone).date();
    QCOMPARE(days.last().day, today);
    QCOMPARE(days.first().day, today.addDays(-(DashboardWidget::DAYS - 1)));
    int total = 0;
    for (int i = 0; i < days.size(); ++i) {
        const QDate day = days.at(i).day;
        for (MessageState state : SEEDED_STATES) {
            QVERIFY2(days.at(i).byState.value(state) == m_expected.value(day).value(state),
                     qPrintable(u"%1 %2: shown %3, seeded %4"_s.arg(day.toString(Qt::ISODate), keyOf(state))
                                    .arg(days.at(i).byState.value(state))
                                    .arg(m_expected.value(day).value(state))));
            total += m_expected.value(day).value(state);
        }
        // The bar's segments add up to the day.
        int seeded = 0;
        for (MessageState state : SEEDED_STATES) {
            seeded += m_expected.value(day).value(state);
        }
        QCOMPARE(chart->total(i), seeded);
        QCOMPARE(chart->count(i, DailyChart::Series::Sent),
                 m_expected.value(day).value(MessageState::Accepted));
        QCOMPARE(chart->count(i, DailyChart::Series::MaybeSent),
                 m_expected.value(day).value(MessageState::Unknown));
    }
    QVERIFY(total > 50); // the seed is not trivially empty
    QVERIFY(chart->summary().contains(QString::number(total)));
    test::saveScreenshot(*dashboard, u"dashboard"_s);
}

void TestDashboard::deliveryRateCountsAcceptedMessagesInThe30Days()
{
    seedMonth();
    auto dashboard = makeDashboard();
    QSignalSpy reloaded(dashboard.get(), &DashboardWidget::reloaded);
    QVERIFY(reloaded.wait(WAIT_MS));
    QVERIFY(m_accepted > 10);
    const int percent = int(std::floor(100.0 * m_delivered / m_accepted));
    QCOMPARE(dashboard->deliveryLabel()->text(),
             u"%1% delivered of %2 accepted in 30 days"_s.arg(percent).arg(m_accepted));

    // Nothing accepted at all reads as such, not as "0%".
    QCOMPARE(DashboardWidget::deliveryText({}, 30), u"No message was sent in the last 30 days."_s);
    QCOMPARE(DashboardWidget::deliveryText({412, 396, 3}, 30), u"96% delivered of 412 accepted in 30 days"_s);
    // Sent, but no receipt came back (Sandbox, or receipts not set up): not "0% delivered".
    QCOMPARE(DashboardWidget::deliveryText({18, 0, 0}, 30),
             u"18 accepted in 30 days, no delivery reports yet"_s);
}

void TestDashboard::nextHourListsTheSendsDueWithinTheHour()
{
    appointment(u"A"_s, u"Anong Srisuk"_s, m_now.addSecs(70 * 60));
    appointment(u"B"_s, u"Boonmee Chai"_s, m_now.addSecs(3 * 3600));
    appointment(u"C"_s, u"Chalerm Dee"_s, m_now.addSecs(5 * 3600));
    message(u"A"_s, MessageKind::Reminder, 60, MessageState::Queued, m_now.addSecs(10 * 60));
    message(u"B"_s, MessageKind::Confirm, 0, MessageState::Queued, m_now.addSecs(45 * 60));
    message(u"B"_s, MessageKind::Reminder, 120, MessageState::Queued, m_now.addSecs(61 * 60));     // too late
    message(u"C"_s, MessageKind::Reminder, 1440, MessageState::Accepted, m_now.addSecs(-20 * 60)); // done
    // A retry goes at its next attempt.
    {
        OutboxMessage m;
        m.inviteeUri = uriOf(u"C"_s);
        m.kind = MessageKind::Confirm;
        m.recipient = u"+66812345678"_s;
        m.dueUtc = m_now.addSecs(-5 * 60);
        m.nextAttemptUtc = m_now.addSecs(20 * 60);
        m.templateId = u"tpl"_s;
        m.state = MessageState::RetryWait;
        m.attempts = 1;
        QVERIFY(m_fixture->store().insertMessage(m) > 0);
    }

    auto dashboard = makeDashboard();
    QSignalSpy reloaded(dashboard.get(), &DashboardWidget::reloaded);
    QVERIFY(reloaded.wait(WAIT_MS));
    QTreeWidget *list = dashboard->nextSendsView();
    QVERIFY(list->isVisible());
    QCOMPARE(list->topLevelItemCount(), 3);
    // Hours and minutes in the desk's zone (a send time to the second would only be noise).
    const auto timeAt = [&](int minutes) {
        return m_now.addSecs(minutes * 60).toTimeZone(m_zone).time().toString(u"HH:mm"_s);
    };
    const QList<QStringList> expected{
        {timeAt(10), u"Anong Srisuk"_s, u"Reminder, 1 hour before"_s},
        {timeAt(20), u"Chalerm Dee"_s, u"Confirmation"_s},
        {timeAt(45), u"Boonmee Chai"_s, u"Confirmation"_s},
    };
    for (int row = 0; row < expected.size(); ++row) {
        const QTreeWidgetItem *item = list->topLevelItem(row);
        QCOMPARE(QStringList({item->text(0), item->text(1), item->text(2)}), expected.at(row));
    }

    // An hour later the list moves on with the clock.
    m_fixture->clock().advanceMinutes(50);
    dashboard->reload();
    QVERIFY(reloaded.wait(WAIT_MS));
    QCOMPARE(list->topLevelItemCount(), 1); // now 09:50: only the one due at 10:01 is left
    QCOMPARE(list->topLevelItem(0)->text(1), u"Boonmee Chai"_s);
}

void TestDashboard::burstOfEngineChangesReloadsOnce()
{
    auto dashboard = makeDashboard();
    QSignalSpy reloaded(dashboard.get(), &DashboardWidget::reloaded);
    QVERIFY(reloaded.wait(WAIT_MS)); // the first load
    dashboard->followEngine(m_fixture->host().engine());
    reloaded.clear();

    appointment(u"A"_s, u"Anong Srisuk"_s, m_now.addSecs(3 * 3600));
    message(u"A"_s, MessageKind::Reminder, 120, MessageState::Queued, m_now.addSecs(30 * 60));
    m_fixture->onEngine<bool>([](Engine &e) {
        for (int i = 0; i < 5; ++i) {
            emit e.dataChanged();
        }
        emit e.messageChanged(1, MessageState::Queued);
        return true;
    });
    QVERIFY(reloaded.wait(WAIT_MS));
    QCOMPARE(dashboard->nextSendsView()->topLevelItemCount(), 1);
    QVERIFY(!reloaded.wait(2 * DashboardWidget::RELOAD_DELAY_MS)); // one reload for the whole burst
    QCOMPARE(reloaded.size(), 1);
}

void TestDashboard::chartTooltipAndSummaryName()
{
    DailyChart chart;
    ConsoleQueries::DayStats a;
    a.day = QDate(2026, 11, 1);
    a.byState = {{MessageState::Accepted, 5}, {MessageState::Sending, 1}, {MessageState::Queued, 2}};
    ConsoleQueries::DayStats b;
    b.day = QDate(2026, 11, 2);
    b.byState = {{MessageState::Failed, 1}};
    chart.setDays({a, b});
    QCOMPARE(chart.count(0, DailyChart::Series::Waiting), 3); // queued and sending together
    const QString tip = chart.toolTipFor(0);
    QVERIFY2(tip.contains(u"Sent: 5"_s) && tip.contains(u"Waiting: 3"_s) && !tip.contains(u"Failed"_s),
             qPrintable(tip));
    QVERIFY(chart.accessibleDescription().contains(u"9"_s)); // all messages
    QVERIFY(chart.accessibleDescription().contains(u"1 failed"_s));

    // The mouse over a bar finds that bar.
    chart.resize(600, 300);
    const QRectF bar = chart.barRect(1);
    QVERIFY(bar.height() > 0);
    QCOMPARE(chart.barAt(bar.center().toPoint()), 1);
    QCOMPARE(chart.barAt(QPoint(0, 0)), -1);
}

void TestDashboard::chartColoursFollowThePalette()
{
    DailyChart chart;
    QPalette light;
    light.setColor(QPalette::Window, Qt::white);
    light.setColor(QPalette::WindowText, Qt::black);
    chart.setPalette(light);
    const QColor sentOnLight = chart.seriesColor(DailyChart::Series::Sent);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(30, 30, 30));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    chart.setPalette(dark);
    const QColor sentOnDark = chart.seriesColor(DailyChart::Series::Sent);
    QVERIFY(sentOnDark.lightness() > sentOnLight.lightness());
    // Every series has its own colour.
    QSet<QRgb> colours;
    for (DailyChart::Series s : DailyChart::allSeries()) {
        colours.insert(chart.seriesColor(s).rgb());
    }
    QCOMPARE(colours.size(), DailyChart::allSeries().size());
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
