// The composition root over real files: settings, the store, and what survives a restart. Runs on
// SQLite, and once more on PostgreSQL as tst_engine_pg (support/with-postgres.sh), where several
// engines may share the store and its rules.

#include "Engine.h"
#include "calendly/WebhookSignature.h"
#include "secrets/SecretStore.h"
#include "support/CalendlyBodies.h"
#include "support/FakeCalendly.h"
#include "support/FakeClock.h"
#include "support/FakeEngageLab.h"
#include "support/Printers.h"
#include "support/TestDatabase.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

class TestEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void plansWithUsableSettings();
    void engageLabWithoutAccountHoldsSending();
    void engageLabWithCredentialsSends();
    void signedWebhookIsPlannedAndSent();
    void pollingFindsABooking();
    void hybridRecreatesADisabledWebhook();
    void shutdownStopsTakingRequests();
    void keepsEventsWhileSettingsAreWrongAndPlansThemLater();
    void badStorageUrlOpensNoOtherDatabase();
    void unreadableDatabaseIsReported();
    void sharedStoreLetsTwoEnginesPlanWithOneSetOfRules();
    void databasePasswordComesFromTheSecretStore();

private:
    void writeSettings(const QByteArray &ini);
    std::unique_ptr<Engine> startEngine(QString *problems);
    QByteArray booking() const;

    // The settings' [storage] line: empty on SQLite (the default file in m_dir), else the test's
    // PostgreSQL schema without the password (Database reads DESKBELL_DB_PASSWORD).
    QByteArray storageSection() const;

    test::TestDatabase m_database;
    Database::Location m_location;
    std::unique_ptr<QTemporaryDir> m_dir;
    LayeredSecretStore m_noSecrets{{}, nullptr}; // no account, and never the developer's own keychain
    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC)};
};

void TestEngine::initTestCase()
{
    if (test::TestDatabase::postgres()) {
        // The engines below read no password from their secret stores: Database's own fallback.
        m_location = m_database.fresh();
        QVERIFY2(m_database.isValid(), qPrintable(m_database.error()));
        qputenv("DESKBELL_DB_PASSWORD", m_location.password.toUtf8());
    }
}

void TestEngine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    if (test::TestDatabase::postgres()) {
        m_location = m_database.fresh(); // every test function starts from an empty store
        QVERIFY2(m_database.isValid(), qPrintable(m_database.error()));
    }
}

QByteArray TestEngine::storageSection() const
{
    if (!test::TestDatabase::postgres()) {
        return {};
    }
    QUrlQuery query;
    query.addQueryItem(u"host"_s, m_location.host);
    query.addQueryItem(u"schema"_s, m_location.schema);
    return "[storage]\nurl = postgresql://" + m_location.user.toUtf8() + "@/" + m_location.database.toUtf8() +
           "?" + query.toString(QUrl::FullyEncoded).toUtf8() + "\n";
}

void TestEngine::writeSettings(const QByteArray &ini)
{
    QFile file(m_dir->filePath(u"deskbell.ini"_s));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    if (!ini.contains("[storage]")) {
        file.write(storageSection());
    }
    file.write(ini);
    file.write("\n[listener]\nport = 0\n"); // any free port: tests run side by side
}

std::unique_ptr<Engine> TestEngine::startEngine(QString *problems)
{
    auto engine = std::make_unique<Engine>(
        Engine::Options{m_dir->filePath(u"deskbell.ini"_s), m_dir->path(), "Asia/Bangkok", &m_noSecrets},
        m_clock);
    engine->start(problems);
    return engine;
}

QByteArray TestEngine::booking() const
{
    test::BodyOptions o;
    o.startUtc = QDateTime(QDate(2026, 11, 10), QTime(7, 0), Qt::UTC);
    return test::body(o);
}

void TestEngine::plansWithUsableSettings()
{
    writeSettings("[templates]\nconfirm = 1\nreminder = 2\n[rules]\ndefault_region = TH\n");
    QString problems;
    auto engine = startEngine(&problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QVERIFY(engine->isReady());
    if (test::TestDatabase::postgres()) {
        QCOMPARE(engine->databasePath(), Database::describe(engine->databaseLocation()));
        QVERIFY(!engine->databasePath().contains(m_location.password));
        QVERIFY(!QFile::exists(m_dir->filePath(u"deskbell.sqlite3"_s)));
        QVERIFY(engine->status().sharedStore);
    } else {
        QCOMPARE(engine->databasePath(), m_dir->filePath(u"deskbell.sqlite3"_s));
        QVERIFY(!engine->status().sharedStore);
    }
    QCOMPARE(engine->status().instanceId, engine->instanceId());
    QVERIFY(!QUuid::fromString(engine->instanceId()).isNull());

    QSignalSpy processed(engine.get(), &Engine::bookingProcessed);
    const auto result = engine->ingest(booking(), u"manual"_s);
    QCOMPARE(result.outcome, u"applied"_s);
    QCOMPARE(processed.size(), 1);
    const auto upcoming = engine->upcoming(m_clock.nowUtc(), m_clock.nowUtc().addDays(30));
    QCOMPARE(upcoming.size(), 1);
    QCOMPARE(upcoming.first().messages.size(), 3);

    // With no SMS account the sandbox takes the confirmation; the reminders wait for their time.
    QCOMPARE(engine->smsProviderName(), u"sandbox"_s);
    const auto stateOf = [&](MessageKind kind) {
        const auto items = engine->upcoming(m_clock.nowUtc(), m_clock.nowUtc().addDays(30));
        for (const auto &m : items.first().messages) {
            if (m.kind == kind) {
                return m.state;
            }
        }
        return MessageState::Failed;
    };
    QTRY_COMPARE(stateOf(MessageKind::Confirm), MessageState::Accepted);
    QCOMPARE(stateOf(MessageKind::Reminder), MessageState::Queued);
}

void TestEngine::engageLabWithoutAccountHoldsSending()
{
    writeSettings("[templates]\nconfirm = 1\n[rules]\ndefault_region = TH\n[sms]\nprovider = engagelab\n");
    LayeredSecretStore noAccount({}, nullptr);
    Engine engine({m_dir->filePath(u"deskbell.ini"_s), m_dir->path(), "Asia/Bangkok", &noAccount}, m_clock);
    QSignalSpy alerts(&engine, &Engine::alertRaised);
    QString problems;
    QVERIFY2(engine.start(&problems), qPrintable(problems));
    QVERIFY(alerts.wait(5000));
    QVERIFY(alerts.first().first().toString().contains(u"no EngageLab account is connected"_s));
    QVERIFY(engine.isSendingPaused());
    QCOMPARE(engine.ingest(booking(), u"manual"_s).outcome, u"applied"_s);
    QTest::qWait(100);
    const auto messages = engine.upcoming(m_clock.nowUtc(), m_clock.nowUtc().addDays(30)).first().messages;
    QCOMPARE(messages.first().state, MessageState::Queued); // held, not faked through the sandbox
}

void TestEngine::engageLabWithCredentialsSends()
{
    test::FakeEngageLab server;
    QVERIFY(server.listen());
    server.setExpectedCredentials(u"key-from-env"_s, u"secret-from-env"_s);
    writeSettings(
        "[templates]\nconfirm = 1\n[rules]\ndefault_region = TH\n[sms]\nprovider = engagelab\napi_base = " +
        server.baseUrl().toString().toUtf8() + "\n");
    LayeredSecretStore environment(
        {{secret::ENGAGELAB_DEV_KEY, "key-from-env"}, {secret::ENGAGELAB_DEV_SECRET, "secret-from-env"}},
        nullptr);
    Engine engine({m_dir->filePath(u"deskbell.ini"_s), m_dir->path(), "Asia/Bangkok", &environment}, m_clock);
    QSignalSpy started(&engine, &Engine::sendingStarted);
    QString problems;
    QVERIFY2(engine.start(&problems), qPrintable(problems));
    QVERIFY(started.wait(5000));
    QCOMPARE(engine.smsProviderName(), u"engagelab"_s);
    QCOMPARE(engine.ingest(booking(), u"webhook"_s).outcome, u"applied"_s);
    QTRY_COMPARE(server.sendCount(), 1);
    QTRY_COMPARE(
        engine.upcoming(m_clock.nowUtc(), m_clock.nowUtc().addDays(30)).first().messages.first().state,
        MessageState::Accepted);
}

void TestEngine::signedWebhookIsPlannedAndSent()
{
    writeSettings("[templates]\nconfirm = 1\n[rules]\ndefault_region = TH\n[calendly]\nmode = webhook\n"
                  "public_url = https://desk.example.org/webhooks/calendly\n");
    LayeredSecretStore secrets({{secret::CALENDLY_SIGNING_KEY, "signing-key"}}, nullptr);
    Engine engine({m_dir->filePath(u"deskbell.ini"_s), m_dir->path(), "Asia/Bangkok", &secrets}, m_clock);
    QSignalSpy listening(&engine, &Engine::listenerStarted);
    QSignalSpy processed(&engine, &Engine::bookingProcessed);
    QString problems;
    QVERIFY2(engine.start(&problems), qPrintable(problems));
    QVERIFY(listening.wait(5000));
    const QUrl url = engine.listenerUrl().resolved(QUrl(u"/webhooks/calendly"_s));

    QNetworkAccessManager nam;
    const QByteArray body = booking();
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Calendly-Webhook-Signature",
                         signCalendlyBody(body, "signing-key", m_clock.nowUtc().toSecsSinceEpoch()));
    std::unique_ptr<QNetworkReply> reply(nam.post(request, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QTRY_COMPARE(processed.size(), 1);
    QCOMPARE(processed.first().first().value<BookingProcessor::Result>().outcome, u"applied"_s);
    QTRY_COMPARE(
        engine.upcoming(m_clock.nowUtc(), m_clock.nowUtc().addDays(30)).first().messages.first().state,
        MessageState::Accepted); // the sandbox took the confirmation

    // Calendly delivers the same booking again (it retries for 24 hours): one set of messages.
    std::unique_ptr<QNetworkReply> again(nam.post(request, body));
    QSignalSpy againDone(again.get(), &QNetworkReply::finished);
    QVERIFY(againDone.wait(5000));
    QCOMPARE(again->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QTRY_COMPARE(processed.size(), 2);
    QCOMPARE(processed.last().first().value<BookingProcessor::Result>().outcome, u"duplicate"_s);
    QCOMPARE(engine.upcoming(m_clock.nowUtc(), m_clock.nowUtc().addDays(30)).first().messages.size(), 1);

    QNetworkRequest unsigned_(url);
    unsigned_.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    std::unique_ptr<QNetworkReply> refused(nam.post(unsigned_, body));
    QSignalSpy refusedDone(refused.get(), &QNetworkReply::finished);
    QVERIFY(refusedDone.wait(5000));
    QCOMPARE(refused->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
}

void TestEngine::pollingFindsABooking()
{
    test::FakeCalendly calendly;
    QVERIFY(calendly.listen());
    calendly.addEvent(u"EV-P"_s, QDateTime(QDate(2026, 11, 10), QTime(7, 0), Qt::UTC));
    calendly.addInvitee(u"EV-P"_s, u"P"_s);
    writeSettings(
        "[templates]\nconfirm = 1\nreminder = 2\n[rules]\ndefault_region = TH\n[calendly]\nmode = poll\n"
        "api_base = " +
        calendly.baseUrl().toString().toUtf8() + "\n");
    LayeredSecretStore secrets({{secret::CALENDLY_TOKEN, test::FakeCalendly::TOKEN.toUtf8()}}, nullptr);
    Engine engine({m_dir->filePath(u"deskbell.ini"_s), m_dir->path(), "Asia/Bangkok", &secrets}, m_clock);
    QSignalSpy connected(&engine, &Engine::calendlyConnected);
    QString problems;
    QVERIFY2(engine.start(&problems), qPrintable(problems));
    QVERIFY(connected.wait(5000));
    // The booking existed before Deskbell connected: a baseline, so reminders and no confirmation.
    QTRY_VERIFY(!engine.upcoming(m_clock.nowUtc(), m_clock.nowUtc().addDays(30)).isEmpty());
    QTRY_COMPARE(engine.upcoming(m_clock.nowUtc(), m_clock.nowUtc().addDays(30)).first().messages.size(), 2);
    // The list in a local: a range-for over a member of a temporary would read a destroyed list.
    const auto upcoming = engine.upcoming(m_clock.nowUtc(), m_clock.nowUtc().addDays(30));
    for (const auto &m : upcoming.constFirst().messages) {
        QCOMPARE(m.kind, MessageKind::Reminder);
    }
}

void TestEngine::hybridRecreatesADisabledWebhook()
{
    test::FakeCalendly calendly;
    QVERIFY(calendly.listen());
    const QString publicUrl = u"https://desk.example.org/webhooks/calendly"_s;
    const QString old = calendly.addSubscription(publicUrl, u"disabled"_s); // 24 h of failed deliveries
    writeSettings("[templates]\nconfirm = 1\n[rules]\ndefault_region = TH\n[calendly]\npublic_url = " +
                  publicUrl.toUtf8() + "\napi_base = " + calendly.baseUrl().toString().toUtf8() + "\n");
    // A server without a keychain: the new signing key cannot be kept, and the operator is told so.
    LayeredSecretStore secrets({{secret::CALENDLY_TOKEN, test::FakeCalendly::TOKEN.toUtf8()}}, nullptr);
    Engine engine({m_dir->filePath(u"deskbell.ini"_s), m_dir->path(), "Asia/Bangkok", &secrets}, m_clock);
    QSignalSpy alerts(&engine, &Engine::alertRaised);
    QString problems;
    QVERIFY2(engine.start(&problems), qPrintable(problems));
    QTRY_COMPARE_WITH_TIMEOUT(alerts.size(), 1, 10000);
    QVERIFY2(alerts.first().first().toString().contains(u"signing key could not be kept"_s),
             qPrintable(alerts.first().first().toString()));
    const auto subscriptions = calendly.subscriptions();
    QCOMPARE(subscriptions.size(), 1);
    QVERIFY(subscriptions.first().value(u"uri"_s).toString() != old);
    QCOMPARE(subscriptions.first().value(u"state"_s).toString(), u"active"_s);
    QCOMPARE(subscriptions.first().value(u"callback_url"_s).toString(), publicUrl);
}

void TestEngine::shutdownStopsTakingRequests()
{
    writeSettings("[templates]\nconfirm = 1\n[rules]\ndefault_region = TH\n");
    Engine engine({m_dir->filePath(u"deskbell.ini"_s), m_dir->path(), "Asia/Bangkok", &m_noSecrets}, m_clock);
    QSignalSpy listening(&engine, &Engine::listenerStarted);
    QString problems;
    QVERIFY2(engine.start(&problems), qPrintable(problems));
    QVERIFY(listening.wait(5000));
    const QUrl health = engine.listenerUrl().resolved(QUrl(u"/healthz"_s));
    QNetworkAccessManager nam;
    std::unique_ptr<QNetworkReply> before(nam.get(QNetworkRequest(health)));
    QSignalSpy beforeDone(before.get(), &QNetworkReply::finished);
    QVERIFY(beforeDone.wait(5000));
    QCOMPARE(before->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

    QVERIFY(engine.shutdown(1000));
    std::unique_ptr<QNetworkReply> after(nam.get(QNetworkRequest(health)));
    QSignalSpy afterDone(after.get(), &QNetworkReply::finished);
    QVERIFY(afterDone.wait(5000));
    QCOMPARE(after->error(), QNetworkReply::ConnectionRefusedError);
}

void TestEngine::keepsEventsWhileSettingsAreWrongAndPlansThemLater()
{
    writeSettings("[templates]\nconfirm = 1\n[rules]\nquiet_hours = after dinner\n");
    QString problems;
    {
        auto engine = startEngine(&problems);
        QVERIFY(problems.contains(u"[rules] quiet_hours"_s));
        QVERIFY(!engine->isReady());
        const auto result = engine->ingest(booking(), u"webhook"_s);
        QCOMPARE(result.outcome, u"pending"_s); // kept, not lost, not planned with guessed rules
        QVERIFY(result.eventId > 0);
        QCOMPARE(engine->upcoming(m_clock.nowUtc(), m_clock.nowUtc().addDays(30)).size(), 0);
    }

    writeSettings("[templates]\nconfirm = 1\n[rules]\nquiet_hours = 21:00-08:00\ndefault_region = TH\n");
    auto engine = std::make_unique<Engine>(
        Engine::Options{m_dir->filePath(u"deskbell.ini"_s), m_dir->path(), "Asia/Bangkok", &m_noSecrets},
        m_clock);
    QSignalSpy processed(engine.get(), &Engine::bookingProcessed);
    QVERIFY(engine->start(&problems));
    QCOMPARE(processed.size(), 1);
    QCOMPARE(processed.first().first().value<BookingProcessor::Result>().outcome, u"applied"_s);
    const auto upcoming = engine->upcoming(m_clock.nowUtc(), m_clock.nowUtc().addDays(30));
    QCOMPARE(upcoming.size(), 1);
    QCOMPARE(upcoming.first().messages.size(), 1);
}

void TestEngine::badStorageUrlOpensNoOtherDatabase()
{
    writeSettings("[storage]\nurl = mysql://db.example/deskbell\n");
    QString problems;
    auto engine = startEngine(&problems);
    QVERIFY(problems.contains(u"[storage] url"_s));
    QVERIFY(!engine->isStorageOpen());
    QVERIFY(!QFile::exists(m_dir->filePath(u"deskbell.sqlite3"_s)));
    QCOMPARE(engine->ingest(booking(), u"webhook"_s).outcome, u"error"_s);
}

void TestEngine::unreadableDatabaseIsReported()
{
    QFile junk(m_dir->filePath(u"junk.sqlite3"_s));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();
    writeSettings("[storage]\nurl = sqlite:" + junk.fileName().toUtf8() + "\n");
    QString problems;
    auto engine = startEngine(&problems);
    QVERIFY2(problems.contains(u"database could not be opened"_s), qPrintable(problems));
    QVERIFY(!engine->isStorageOpen());
}

void TestEngine::sharedStoreLetsTwoEnginesPlanWithOneSetOfRules()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("several engines share a store on PostgreSQL only");
    }
    // Desk A's file: the first on the store, its rules become everyone's.
    writeSettings("[templates]\nconfirm = 1\nreminder = 2\n[rules]\ndefault_region = TH\n"
                  "reminder_offsets_min = 60\n");
    QTemporaryDir otherDir;
    {
        QFile other(otherDir.filePath(u"deskbell.ini"_s));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write(storageSection() + "[templates]\nconfirm = 9\n[rules]\ndefault_region = TH\n"
                                       "reminder_offsets_min = 1440\n[listener]\nport = 0\n");
    }
    QString problems;
    auto a = startEngine(&problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    LayeredSecretStore noSecrets({}, nullptr);
    Engine b({otherDir.filePath(u"deskbell.ini"_s), otherDir.path(), "Asia/Bangkok", &noSecrets}, m_clock);
    QSignalSpy bChanged(&b, &Engine::dataChanged);
    QVERIFY2(b.start(&problems), qPrintable(problems)); // no lock file keeps the second one out
    QVERIFY(b.isReady());
    QVERIFY(a->instanceId() != b.instanceId());
    // The store's rules won over B's file.
    QCOMPARE(b.settings().values.rules.defaults.reminderOffsetsMin, QList<int>{60});
    QCOMPARE(b.settings().values.rules.defaults.templateFor(MessageKind::Confirm), u"1"_s);

    // A changes the rules; B hears of it and plans with them at once.
    Settings::Values proposed = a->settings().values;
    proposed.rules.defaults.reminderOffsetsMin = {30};
    proposed.rules.defaults.templates.insert(MessageKind::Confirm, u"5"_s);
    QString error;
    QVERIFY2(a->applySettings(proposed, {u"tester"_s, {}}, nullptr, &error), qPrintable(error));
    QTRY_COMPARE(b.settings().values.rules.defaults.reminderOffsetsMin, QList<int>{30});
    QCOMPARE(b.settings().values.rules.defaults.templateFor(MessageKind::Confirm), u"5"_s);
    QVERIFY(bChanged.size() >= 1); // the console reloads
    // B's own sections stay its own.
    QCOMPARE(b.settings().path, otherDir.filePath(u"deskbell.ini"_s));
    const auto result = b.ingest(booking(), u"manual"_s);
    QCOMPARE(result.outcome, u"applied"_s);
    const auto messages = b.upcoming(m_clock.nowUtc(), m_clock.nowUtc().addDays(30)).first().messages;
    QCOMPARE(messages.size(), 2);
    for (const auto &m : messages) {
        if (m.kind == MessageKind::Reminder) {
            QCOMPARE(m.offsetMin, 30);
        }
    }
}

void TestEngine::databasePasswordComesFromTheSecretStore()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("SQLite has no password");
    }
    const QByteArray saved = qgetenv("DESKBELL_DB_PASSWORD");
    qunsetenv("DESKBELL_DB_PASSWORD");
    const auto restore = qScopeGuard([&] { qputenv("DESKBELL_DB_PASSWORD", saved); });
    writeSettings("[templates]\nconfirm = 1\n[rules]\ndefault_region = TH\n");
    {
        LayeredSecretStore keychain({{secret::DB_PASSWORD, m_location.password.toUtf8()}}, nullptr);
        Engine engine({m_dir->filePath(u"deskbell.ini"_s), m_dir->path(), "Asia/Bangkok", &keychain},
                      m_clock);
        QString problems;
        QVERIFY2(engine.start(&problems), qPrintable(problems));
        QVERIFY(engine.isStorageOpen());
    }
    {
        LayeredSecretStore keychain({{secret::DB_PASSWORD, "not-the-password"}}, nullptr);
        Engine engine({m_dir->filePath(u"deskbell.ini"_s), m_dir->path(), "Asia/Bangkok", &keychain},
                      m_clock);
        QString problems;
        QVERIFY(!engine.start(&problems));
        QVERIFY2(problems.contains(u"database could not be opened"_s), qPrintable(problems));
        QVERIFY(!problems.contains(u"not-the-password"_s));
        QVERIFY(!engine.status().databaseUrl.contains(u"not-the-password"_s));
    }
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
