#include "EngineHost.h"
#include "storage/ConsoleQueries.h"
#include "storage/Store.h"
#include "support/CalendlyBodies.h"
#include "support/ConsoleFixture.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace deskbell;
using namespace Qt::StringLiterals;

// The engine on its own thread: work runs there, answers come back to the caller's thread, and the
// status the console shows reflects what the engine really started.
class TestEngineHost : public QObject
{
    Q_OBJECT

private slots:
    void engineRunsOffTheGuiThread();
    void answerForAGoneContextIsDropped();
    void statusShowsListenerAndSandbox();
    void ingestedBookingReachesTheReader();
    void actFailsPlainlyWithoutAMessage();
    void shutdownIsIdempotent();
    void simulatedBookingTravelsThroughTheListener();
    void simulationRefusedWithARealProvider();
    void appliedSettingsRetimeMessagesAndPersist();
    void invalidSettingsChangeNothing();
};

void TestEngineHost::engineRunsOffTheGuiThread()
{
    test::ConsoleFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    QThread *const gui = QThread::currentThread();
    QThread *workThread = nullptr;
    QThread *answerThread = nullptr;
    QObject context;
    bool answered = false;
    fixture.host().call<int>(
        &context,
        [&](Engine &) {
            workThread = QThread::currentThread();
            return 42;
        },
        [&](int value) {
            answerThread = QThread::currentThread();
            answered = value == 42;
        });
    QTRY_VERIFY(answered);
    QVERIFY(workThread != nullptr);
    QVERIFY(workThread != gui);
    QCOMPARE(answerThread, gui);
    QCOMPARE(fixture.host().engine()->thread(), workThread);
}

void TestEngineHost::answerForAGoneContextIsDropped()
{
    test::ConsoleFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    bool answered = false;
    bool ran = false;
    auto *context = new QObject;
    fixture.host().call<int>(
        context,
        [&](Engine &) {
            ran = true;
            return 1;
        },
        [&](int) { answered = true; });
    delete context;
    // A later call on a living context proves the first one has been through both threads.
    QObject alive;
    bool second = false;
    fixture.host().call<int>(
        &alive, [](Engine &) { return 2; }, [&](int) { second = true; });
    QTRY_VERIFY(second);
    QVERIFY(ran);
    QVERIFY(!answered);
}

void TestEngineHost::statusShowsListenerAndSandbox()
{
    test::ConsoleFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    Engine::Status status;
    // The listener starts once the (asynchronous) keychain read has answered.
    QTRY_VERIFY((status = fixture.onEngine<Engine::Status>([](Engine &e) {
                    return e.status();
                })).listenerUrl.isValid());
    QVERIFY(status.storageOpen);
    QVERIFY(status.settingsOk);
    QVERIFY(status.sandbox);
    QCOMPARE(status.providerName, u"sandbox"_s);
    QCOMPARE(status.listenerUrl.host(), u"127.0.0.1"_s);
    QVERIFY(status.listenerUrl.port() > 0);
    QVERIFY(!status.paused);
    QVERIFY(status.calendlyAccount.isEmpty());
    QVERIFY(!status.oauthAvailable);
    QVERIFY(status.databaseUrl.contains(fixture.dataDir()));
}

void TestEngineHost::ingestedBookingReachesTheReader()
{
    test::ConsoleFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    test::BodyOptions booking;
    booking.startUtc = fixture.clock().nowUtc().addDays(2);
    const auto result = fixture.ingest(test::body(booking));
    QCOMPARE(result.outcome, u"applied"_s);

    QList<ConsoleQueries::UpcomingItem> items;
    bool done = false;
    QObject context;
    ConsoleQueries::UpcomingFilter filter;
    filter.fromUtc = fixture.clock().nowUtc();
    filter.toUtc = fixture.clock().nowUtc().addDays(7);
    fixture.reader().read<QList<ConsoleQueries::UpcomingItem>>(
        &context, [filter](ConsoleQueries &q) { return q.upcoming(filter); },
        [&](QList<ConsoleQueries::UpcomingItem> got) {
            items = std::move(got);
            done = true;
        });
    QTRY_VERIFY(done);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().appointment.inviteeUri, test::inviteeUri(booking.id));
    QVERIFY(!items.first().messages.isEmpty());
}

void TestEngineHost::actFailsPlainlyWithoutAMessage()
{
    test::ConsoleFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    QSignalSpy changed(fixture.host().engine(), &Engine::dataChanged);
    const auto result = fixture.onEngine<OperatorActions::Result>([](Engine &e) {
        return e.act([](OperatorActions &actions) { return actions.cancel(987654, {u"tester"_s, {}}); });
    });
    QVERIFY(!result.ok);
    QVERIFY(!result.error.isEmpty());
    QCOMPARE(changed.count(), 0);
}

void TestEngineHost::shutdownIsIdempotent()
{
    test::ConsoleFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    QVERIFY(fixture.host().shutdown(2000));
    QVERIFY(fixture.host().shutdown(2000));
    QVERIFY(fixture.host().engine() == nullptr);
}

void TestEngineHost::simulatedBookingTravelsThroughTheListener()
{
    test::ConsoleFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    QTRY_VERIFY(fixture.onEngine<bool>([](Engine &e) { return e.listenerUrl().isValid(); }));
    QSignalSpy finished(fixture.host().engine(), &Engine::simulationFinished);
    fixture.host().post([](Engine &e) { e.simulateBooking(); });
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    // The listener stored and the engine planned it: an appointment with queued messages.
    QTRY_VERIFY(
        !fixture.store()
             .appointmentsStartingBetween(fixture.clock().nowUtc(), fixture.clock().nowUtc().addDays(7))
             .isEmpty());
    const auto appointments = fixture.store().appointmentsStartingBetween(
        fixture.clock().nowUtc(), fixture.clock().nowUtc().addDays(7));
    QCOMPARE(appointments.size(), 1);
    QVERIFY(!appointments.first().phoneE164.isEmpty());
    QTRY_VERIFY(!fixture.store().messagesForInvitee(appointments.first().inviteeUri).isEmpty());
}

void TestEngineHost::simulationRefusedWithARealProvider()
{
    test::ConsoleFixture::Options options;
    options.extraSettings = u"[sms]\nprovider = engagelab\n"_s;
    test::ConsoleFixture fixture(options);
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    QSignalSpy finished(fixture.host().engine(), &Engine::simulationFinished);
    fixture.host().post([](Engine &e) { e.simulateBooking(); });
    // Emitted on the engine's thread, possibly before a wait() here could start: count instead.
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!finished.first().at(0).toBool());
    QVERIFY(finished.first().at(1).toString().contains(u"Sandbox"_s));
}

void TestEngineHost::appliedSettingsRetimeMessagesAndPersist()
{
    test::ConsoleFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    test::BodyOptions booking;
    booking.startUtc = fixture.clock().nowUtc().addDays(3);
    QCOMPARE(fixture.ingest(test::body(booking)).outcome, u"applied"_s);
    const QString uri = test::inviteeUri(booking.id);
    auto reminders = [&] {
        QList<int> offsets;
        for (const auto &m : fixture.store().messagesForInvitee(uri)) {
            if (m.kind == MessageKind::Reminder && isPending(m.state)) {
                offsets.append(m.offsetMin);
            }
        }
        std::sort(offsets.begin(), offsets.end());
        return offsets;
    };
    QCOMPARE(reminders(), (QList<int>{120, 1440}));

    Settings::Values proposed =
        fixture.onEngine<Settings::Values>([](Engine &e) { return e.settings().values; });
    proposed.rules.defaults.reminderOffsetsMin = {2880, 1440};
    const RulesChange::Effect preview = fixture.onEngine<RulesChange::Effect>([proposed](Engine &e) {
        QString why;
        return e.previewSettings(proposed, &why);
    });
    QCOMPARE(preview.added, 1);
    QCOMPARE(preview.withdrawn, 1);
    QCOMPARE(preview.meetings, 1);
    // Nothing changed yet.
    QCOMPARE(reminders(), (QList<int>{120, 1440}));

    const bool applied = fixture.onEngine<bool>([proposed](Engine &e) {
        QString why;
        RulesChange::Effect effect;
        return e.applySettings(proposed, {u"tester"_s, u"two days ahead"_s}, &effect, &why);
    });
    QVERIFY(applied);
    QCOMPARE(reminders(), (QList<int>{1440, 2880}));
    const auto audit = fixture.store().auditEntries();
    QVERIFY(std::any_of(audit.begin(), audit.end(), [](const Store::AuditEntry &e) {
        return e.actor == u"tester"_s && e.reason == u"two days ahead"_s;
    }));
    // The file says so too: a restart keeps the new rules.
    const auto reloaded = Settings::load(fixture.settingsPath(), "Asia/Bangkok");
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded.values.rules.defaults.reminderOffsetsMin, (QList<int>{2880, 1440}));
}

void TestEngineHost::invalidSettingsChangeNothing()
{
    test::ConsoleFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    QFile file(fixture.settingsPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    Settings::Values proposed =
        fixture.onEngine<Settings::Values>([](Engine &e) { return e.settings().values; });
    proposed.rules.defaults.hostPhone = u"not a phone"_s;
    QString why;
    const bool applied = fixture.onEngine<bool>([proposed, &why](Engine &e) {
        RulesChange::Effect effect;
        return e.applySettings(proposed, {u"tester"_s, {}}, &effect, &why);
    });
    QVERIFY(!applied);
    QVERIFY2(why.contains(u"host_phone"_s), qPrintable(why));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
}

QTEST_GUILESS_MAIN(TestEngineHost)
#include "tst_enginehost.moc"
