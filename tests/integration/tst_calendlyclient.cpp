// CalendlyClient and SubscriptionManager against a loopback Calendly that speaks the real wire
// format: account lookup, webhook subscriptions, pagination, error classification, rate limits,
// and the token never leaking into logs or error texts.

#include "calendly/CalendlyClient.h"
#include "calendly/SubscriptionManager.h"
#include "support/FakeCalendly.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;
using test::FakeCalendly;

namespace {

constexpr int WAIT_MS = 10000;

QStringList g_log;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_log.append(QString::fromLatin1(context.category ? context.category : "default") + u": "_s + message);
}

// Runs one asynchronous operation to its callback.
template <typename T> struct Outcome
{
    bool done = false;
    T value{};
    CalendlyError error;
};

} // namespace

class TestCalendlyClient : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void fetchMeReadsTheAccount();
    void listsSubscriptionsAcrossPages();
    void createsSubscriptionWithScope_data();
    void createsSubscriptionWithScope();
    void deletesSubscription();
    void deletingUnknownSubscriptionIsNotFound();
    void errorsAreClassified_data();
    void errorsAreClassified();
    void exhaustedRateLimitDelaysNextRequest();
    void scheduledEventsFollowThreePages();
    void inviteesFollowPages();
    void oversizedAnswerIsRejected();
    void silentServerTimesOut();
    void unreachableServerIsTransient();
    void ensureCreatesWithFreshSigningKey();
    void ensureReusesActiveSubscription();
    void ensureRecreatesDisabledSubscription();
    void removeDeletesOnlyOwnSubscription();
    void tokenNeverInLogsOrErrors();

private:
    CalendlyClient::Me fetchMe(CalendlyError *error = nullptr);
    Outcome<SubscriptionManager::Ensured> ensure(bool haveSigningKey);
    QList<QJsonObject> events(int expectedCount);

    std::unique_ptr<FakeCalendly> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<CalendlyClient> m_client;
};

void TestCalendlyClient::init()
{
    m_fake = std::make_unique<FakeCalendly>();
    QVERIFY(m_fake->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    CalendlyClient::Config config;
    config.apiBase = m_fake->baseUrl();
    config.token = FakeCalendly::TOKEN;
    config.timeoutMs = 5000;
    m_client = std::make_unique<CalendlyClient>(*m_network, config);
}

void TestCalendlyClient::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_fake.reset();
}

// SubscriptionManager::ensure for the fake's account and the test's hook URL, waited for.
Outcome<SubscriptionManager::Ensured> TestCalendlyClient::ensure(bool haveSigningKey)
{
    SubscriptionManager manager(*m_client);
    const SubscriptionManager::Account account{m_fake->userUri(), m_fake->organizationUri(),
                                               CalendlyClient::Scope::User};
    Outcome<SubscriptionManager::Ensured> out;
    manager.ensure(account, QUrl(u"https://hooks.example.com/calendly"_s), haveSigningKey,
                   [&out](const auto &ensured, const CalendlyError &e) {
                       out = {true, ensured, e};
                   });
    if (!QTest::qWaitFor([&out] { return out.done; }, WAIT_MS)) {
        qWarning("ensure never finished");
    }
    return out;
}

CalendlyClient::Me TestCalendlyClient::fetchMe(CalendlyError *error)
{
    Outcome<CalendlyClient::Me> out;
    m_client->fetchMe([&out](const CalendlyClient::Me &me, const CalendlyError &e) { out = {true, me, e}; });
    if (!QTest::qWaitFor([&out] { return out.done; }, WAIT_MS)) {
        qWarning("fetchMe never finished");
    }
    if (error) {
        *error = out.error;
    }
    return out.value;
}

void TestCalendlyClient::fetchMeReadsTheAccount()
{
    CalendlyError error;
    const auto me = fetchMe(&error);
    QVERIFY2(error.ok(), qPrintable(error.plainMessage));
    QCOMPARE(me.uri, m_fake->userUri());
    QCOMPARE(me.organization, m_fake->organizationUri());
    QCOMPARE(me.name, u"Dr. Lee"_s);
    QCOMPARE(me.timezone, u"Asia/Bangkok"_s);
    QCOMPARE(m_fake->requests().size(), 1);
    QCOMPARE(m_fake->requests().at(0).authorization, "Bearer " + FakeCalendly::TOKEN.toUtf8());
}

void TestCalendlyClient::listsSubscriptionsAcrossPages()
{
    for (int i = 0; i < 5; ++i) {
        m_fake->addSubscription(u"https://hooks.example.com/%1"_s.arg(i));
    }
    m_fake->setMaxPageSize(2);
    Outcome<QList<CalendlyClient::WebhookSubscription>> out;
    m_client->listWebhookSubscriptions(m_fake->organizationUri(), m_fake->userUri(),
                                       CalendlyClient::Scope::User,
                                       [&out](const auto &list, const CalendlyError &e) {
                                           out = {true, list, e};
                                       });
    QTRY_VERIFY_WITH_TIMEOUT(out.done, WAIT_MS);
    QVERIFY2(out.error.ok(), qPrintable(out.error.plainMessage));
    QCOMPARE(out.value.size(), 5);
    QCOMPARE(out.value.at(4).callbackUrl, u"https://hooks.example.com/4"_s);
    QVERIFY(out.value.at(0).isActive());
    const auto requests = m_fake->requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(0).query(u"scope"_s), u"user"_s);
    QCOMPARE(requests.at(0).query(u"user"_s), m_fake->userUri());
    QCOMPARE(requests.at(0).query(u"organization"_s), m_fake->organizationUri());
    QCOMPARE(requests.at(1).query(u"page_token"_s), u"p+2"_s);
    QCOMPARE(requests.at(2).query(u"page_token"_s), u"p+4"_s);
}

void TestCalendlyClient::createsSubscriptionWithScope_data()
{
    QTest::addColumn<bool>("userScope");
    QTest::newRow("user scope sends the user") << true;
    QTest::newRow("organization scope sends no user") << false;
}

void TestCalendlyClient::createsSubscriptionWithScope()
{
    QFETCH(bool, userScope);
    Outcome<CalendlyClient::WebhookSubscription> out;
    m_client->createWebhookSubscription(
        QUrl(u"https://hooks.example.com/calendly"_s), {u"invitee.created"_s, u"invitee.canceled"_s},
        m_fake->organizationUri(), m_fake->userUri(),
        userScope ? CalendlyClient::Scope::User : CalendlyClient::Scope::Organization, u"secret-key"_s,
        [&out](const auto &created, const CalendlyError &e) {
            out = {true, created, e};
        });
    QTRY_VERIFY_WITH_TIMEOUT(out.done, WAIT_MS);
    QVERIFY2(out.error.ok(), qPrintable(out.error.plainMessage));
    QCOMPARE(out.value.callbackUrl, u"https://hooks.example.com/calendly"_s);
    QVERIFY(out.value.uri.startsWith(FakeCalendly::API + u"/webhook_subscriptions/"_s));
    QCOMPARE(out.value.events, (QStringList{u"invitee.created"_s, u"invitee.canceled"_s}));

    const QJsonObject sent = m_fake->requests().at(0).json;
    QCOMPARE(sent.value(u"url"_s).toString(), u"https://hooks.example.com/calendly"_s);
    QCOMPARE(sent.value(u"scope"_s).toString(), userScope ? u"user"_s : u"organization"_s);
    QCOMPARE(sent.value(u"organization"_s).toString(), m_fake->organizationUri());
    QCOMPARE(sent.contains(u"user"_s), userScope);
    QCOMPARE(m_fake->signingKeyOf(out.value.uri), u"secret-key"_s);
}

void TestCalendlyClient::deletesSubscription()
{
    const QString uri = m_fake->addSubscription(u"https://hooks.example.com/calendly"_s);
    Outcome<bool> out;
    m_client->deleteWebhookSubscription(uri, [&out](const CalendlyError &e) { out = {true, true, e}; });
    QTRY_VERIFY_WITH_TIMEOUT(out.done, WAIT_MS);
    QVERIFY2(out.error.ok(), qPrintable(out.error.plainMessage));
    QVERIFY(m_fake->subscriptions().isEmpty());
    QCOMPARE(m_fake->requests().at(0).method, "DELETE");
}

void TestCalendlyClient::deletingUnknownSubscriptionIsNotFound()
{
    Outcome<bool> out;
    m_client->deleteWebhookSubscription(FakeCalendly::API + u"/webhook_subscriptions/GONE"_s,
                                        [&out](const CalendlyError &e) {
                                            out = {true, true, e};
                                        });
    QTRY_VERIFY_WITH_TIMEOUT(out.done, WAIT_MS);
    QCOMPARE(out.error.kind, CalendlyError::Kind::NotFound);
    QCOMPARE(out.error.httpStatus, 404);
}

void TestCalendlyClient::errorsAreClassified_data()
{
    QTest::addColumn<FakeCalendly::Reply>("reply");
    QTest::addColumn<bool>("wrongToken");
    QTest::addColumn<int>("status");
    QTest::addColumn<CalendlyError::Kind>("kind");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<int>("retryAfter");

    const FakeCalendly::Reply none;
    QTest::newRow("401 wrong token asks for a new token")
        << none << true << 401 << CalendlyError::Kind::Auth << u"create a new personal access token"_s << 0;
    QTest::newRow("403 names the missing scope")
        << FakeCalendly::error(403, u"Permission Denied"_s,
                               u"The access token is missing the required scope: webhooks:write"_s)
        << false << 403 << CalendlyError::Kind::Forbidden << u"lacks the permission webhooks:write"_s << 0;
    QTest::newRow("403 plan says upgrade")
        << FakeCalendly::error(403, u"Permission Denied"_s,
                               u"Please upgrade your Calendly account to Standard"_s)
        << false << 403 << CalendlyError::Kind::Forbidden << u"paid Calendly plan"_s << 0;
    QTest::newRow("403 without admin rights")
        << FakeCalendly::error(403, u"Permission Denied"_s,
                               u"You do not have permission to access this resource."_s)
        << false << 403 << CalendlyError::Kind::Forbidden << u"owner or admin"_s << 0;
    QTest::newRow("409 already exists")
        << FakeCalendly::error(409, u"Already Exists"_s, u"Hook with this url already exists"_s) << false
        << 409 << CalendlyError::Kind::Conflict << u"Hook with this url already exists"_s << 0;
    QTest::newRow("429 waits for X-RateLimit-Reset")
        << FakeCalendly::rateLimited(7) << false << 429 << CalendlyError::Kind::RateLimited
        << u"next try in 7 seconds"_s << 7;
    FakeCalendly::Reply retryAfter = FakeCalendly::rateLimited(7);
    retryAfter.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("3")));
    QTest::newRow("429 prefers Retry-After")
        << retryAfter << false << 429 << CalendlyError::Kind::RateLimited << u"next try in 3 seconds"_s << 3;
    QTest::newRow("500 is transient")
        << FakeCalendly::error(500, u"Internal Server Error"_s, u"Oops"_s) << false << 500
        << CalendlyError::Kind::Transient << u"try again later"_s << 0;
    QTest::newRow("404 not found") << FakeCalendly::error(
                                          404, u"Resource Not Found"_s,
                                          u"The server could not find the requested resource."_s)
                                   << false << 404 << CalendlyError::Kind::NotFound << u"does not know"_s
                                   << 0;
    QTest::newRow("400 is invalid") << FakeCalendly::error(400, u"Invalid Argument"_s,
                                                           u"The supplied parameters are invalid."_s)
                                    << false << 400 << CalendlyError::Kind::Invalid
                                    << u"parameters are invalid"_s << 0;
}

void TestCalendlyClient::errorsAreClassified()
{
    QFETCH(FakeCalendly::Reply, reply);
    QFETCH(bool, wrongToken);
    QFETCH(int, status);
    QFETCH(CalendlyError::Kind, kind);
    QFETCH(QString, messagePart);
    QFETCH(int, retryAfter);
    if (wrongToken) {
        m_fake->setToken(u"another-token"_s);
    } else {
        m_fake->failNext(reply);
    }
    CalendlyError error;
    fetchMe(&error);
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.retryAfterSecs, retryAfter);
    QVERIFY2(error.plainMessage.contains(messagePart), qPrintable(error.plainMessage));
    QCOMPARE(error.isTransient(),
             kind == CalendlyError::Kind::Transient || kind == CalendlyError::Kind::RateLimited);
}

void TestCalendlyClient::exhaustedRateLimitDelaysNextRequest()
{
    m_fake->exhaustRateLimitOnNext(1);
    QSignalSpy reached(m_client.get(), &CalendlyClient::rateLimitReached);
    QVERIFY(fetchMe().uri.size() > 0);
    QCOMPARE(reached.size(), 1);
    QCOMPARE(reached.at(0).at(0).toInt(), 1);
    QVERIFY(fetchMe().uri.size() > 0);
    const auto requests = m_fake->requests();
    QCOMPARE(requests.size(), 2);
    QVERIFY2(requests.at(1).receivedMs - requests.at(0).receivedMs >= 900,
             qPrintable(QString::number(requests.at(1).receivedMs - requests.at(0).receivedMs)));
}

QList<QJsonObject> TestCalendlyClient::events(int expectedCount)
{
    Outcome<QList<QJsonObject>> out;
    const QDateTime from(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
    m_client->listScheduledEvents(m_fake->userUri(), {}, from, from.addDays(30), {},
                                  [&out](const auto &list, const CalendlyError &e) {
                                      out = {true, list, e};
                                  });
    if (!QTest::qWaitFor([&out] { return out.done; }, WAIT_MS) || !out.error.ok() ||
        out.value.size() != expectedCount) {
        qWarning() << "listScheduledEvents:" << out.done << out.error.plainMessage << out.value.size();
    }
    return out.value;
}

void TestCalendlyClient::scheduledEventsFollowThreePages()
{
    const QDateTime start(QDate(2026, 11, 10), QTime(7, 0), Qt::UTC);
    for (int i = 0; i < 5; ++i) {
        m_fake->addEvent(u"EV-%1"_s.arg(i), start.addDays(i));
    }
    m_fake->addEvent(u"EV-LATE"_s, start.addDays(60)); // outside the window
    m_fake->setMaxPageSize(2);
    const auto list = events(5);
    QCOMPARE(list.size(), 5);
    QCOMPARE(list.at(4).value(u"uri"_s).toString(), FakeCalendly::API + u"/scheduled_events/EV-4"_s);
    const auto requests = m_fake->requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(0).query(u"count"_s), u"100"_s);
    QCOMPARE(requests.at(0).query(u"user"_s), m_fake->userUri());
    QCOMPARE(requests.at(0).query(u"min_start_time"_s), u"2026-11-01T00:00:00.000000Z"_s);
    QCOMPARE(requests.at(0).query(u"max_start_time"_s), u"2026-12-01T00:00:00.000000Z"_s);
    QVERIFY(requests.at(0).query(u"page_token"_s).isEmpty());
    QCOMPARE(requests.at(1).query(u"page_token"_s), u"p+2"_s);
    QCOMPARE(requests.at(2).query(u"page_token"_s), u"p+4"_s);
    for (const auto &r : requests) {
        QCOMPARE(r.pathOnly(), "/scheduled_events"); // never the next_page URL's host or path
    }
}

void TestCalendlyClient::inviteesFollowPages()
{
    m_fake->addEvent(u"EV-G"_s, QDateTime(QDate(2026, 11, 10), QTime(7, 0), Qt::UTC));
    for (int i = 0; i < 3; ++i) {
        m_fake->addInvitee(u"EV-G"_s, u"G%1"_s.arg(i));
    }
    m_fake->setMaxPageSize(1);
    Outcome<QList<QJsonObject>> out;
    m_client->listInvitees(FakeCalendly::API + u"/scheduled_events/EV-G"_s,
                           [&out](const auto &list, const CalendlyError &e) {
                               out = {true, list, e};
                           });
    QTRY_VERIFY_WITH_TIMEOUT(out.done, WAIT_MS);
    QVERIFY2(out.error.ok(), qPrintable(out.error.plainMessage));
    QCOMPARE(out.value.size(), 3);
    QCOMPARE(out.value.at(2).value(u"uri"_s).toString(),
             FakeCalendly::API + u"/scheduled_events/EV-G/invitees/G2"_s);
    QCOMPARE(m_fake->requests().size(), 3);
    QCOMPARE(m_fake->requests().at(0).pathOnly(), "/scheduled_events/EV-G/invitees");
}

void TestCalendlyClient::oversizedAnswerIsRejected()
{
    FakeCalendly::Reply huge;
    huge.body = "{\"resource\":{\"uri\":\"" + QByteArray(5 * 1024 * 1024, 'x') + "\"}}";
    m_fake->failNext(huge);
    CalendlyError error;
    fetchMe(&error);
    QCOMPARE(error.kind, CalendlyError::Kind::Invalid);
    QVERIFY2(error.plainMessage.contains(u"larger than 4 MiB"_s), qPrintable(error.plainMessage));
}

void TestCalendlyClient::silentServerTimesOut()
{
    CalendlyClient::Config config = m_client->config();
    config.timeoutMs = 300;
    m_client->setConfig(config);
    FakeCalendly::Reply silence;
    silence.hang = true;
    m_fake->failNext(silence);
    CalendlyError error;
    fetchMe(&error);
    QCOMPARE(error.kind, CalendlyError::Kind::Transient);
    QCOMPARE(error.httpStatus, 0);
    QVERIFY2(error.plainMessage.contains(u"did not answer"_s), qPrintable(error.plainMessage));
}

void TestCalendlyClient::unreachableServerIsTransient()
{
    const QUrl base = m_fake->baseUrl();
    m_fake.reset(); // nothing listens on that port any more
    CalendlyClient::Config config = m_client->config();
    config.apiBase = base;
    m_client->setConfig(config);
    CalendlyError error;
    fetchMe(&error);
    QCOMPARE(error.kind, CalendlyError::Kind::Transient);
    QVERIFY2(error.plainMessage.contains(u"could not be reached"_s), qPrintable(error.plainMessage));
}

void TestCalendlyClient::ensureCreatesWithFreshSigningKey()
{
    const auto out = ensure(false);
    QVERIFY(out.done);
    QVERIFY2(out.error.ok(), qPrintable(out.error.plainMessage));
    QVERIFY(out.value.created);
    QCOMPARE(out.value.signingKey.size(), 43); // 32 bytes, base64url without padding
    QCOMPARE(m_fake->signingKeyOf(out.value.uri), out.value.signingKey);
    QCOMPARE(m_fake->subscriptions().size(), 1);
    QCOMPARE(m_fake->subscriptions().at(0).value(u"events"_s).toArray().size(), 2);
    QVERIFY(SubscriptionManager::newSigningKey() != SubscriptionManager::newSigningKey());
}

void TestCalendlyClient::ensureReusesActiveSubscription()
{
    const QString uri = m_fake->addSubscription(u"https://hooks.example.com/calendly"_s);
    const auto out = ensure(true);
    QVERIFY(out.done);
    QVERIFY2(out.error.ok(), qPrintable(out.error.plainMessage));
    QCOMPARE(out.value.uri, uri);
    QVERIFY(!out.value.created);
    QVERIFY(out.value.signingKey.isEmpty());
    QCOMPARE(m_fake->requests().size(), 1); // the listing only
}

void TestCalendlyClient::ensureRecreatesDisabledSubscription()
{
    const QString old = m_fake->addSubscription(u"https://hooks.example.com/calendly"_s, u"disabled"_s);
    m_fake->addSubscription(u"https://someone-else.example.com/hook"_s);
    const auto out = ensure(true);
    QVERIFY(out.done);
    QVERIFY2(out.error.ok(), qPrintable(out.error.plainMessage));
    QVERIFY(out.value.created);
    QVERIFY(out.value.replacedDisabled);
    QVERIFY(out.value.uri != old);
    QVERIFY(!out.value.signingKey.isEmpty());
    const auto subscriptions = m_fake->subscriptions();
    QCOMPARE(subscriptions.size(), 2);
    for (const auto &s : subscriptions) {
        QCOMPARE(s.value(u"state"_s).toString(), u"active"_s);
    }
    QStringList methods;
    const auto requests = m_fake->requests();
    for (const auto &r : requests) {
        methods.append(QString::fromLatin1(r.method));
    }
    QCOMPARE(methods, (QStringList{u"GET"_s, u"DELETE"_s, u"POST"_s}));
}

void TestCalendlyClient::removeDeletesOnlyOwnSubscription()
{
    m_fake->addSubscription(u"https://hooks.example.com/calendly"_s);
    const QString other = m_fake->addSubscription(u"https://someone-else.example.com/hook"_s);
    SubscriptionManager manager(*m_client);
    const SubscriptionManager::Account account{m_fake->userUri(), m_fake->organizationUri(),
                                               CalendlyClient::Scope::User};
    Outcome<bool> out;
    manager.remove(account, QUrl(u"https://hooks.example.com/calendly"_s), [&out](const CalendlyError &e) {
        out = {true, true, e};
    });
    QTRY_VERIFY_WITH_TIMEOUT(out.done, WAIT_MS);
    QVERIFY2(out.error.ok(), qPrintable(out.error.plainMessage));
    QCOMPARE(m_fake->subscriptions().size(), 1);
    QCOMPARE(m_fake->subscriptions().at(0).value(u"uri"_s).toString(), other);
}

void TestCalendlyClient::tokenNeverInLogsOrErrors()
{
    QLoggingCategory::setFilterRules(u"deskbell.*=true\nqt.network.*=true"_s);
    g_log.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);

    QStringList errorTexts;
    CalendlyError error;
    fetchMe(&error); // success, with debug logging on
    // An error body that (against all odds) echoes the token must not carry it further.
    m_fake->failNext(FakeCalendly::error(403, u"Permission Denied"_s,
                                         u"token "_s + FakeCalendly::TOKEN + u" lacks scope"_s));
    fetchMe(&error);
    errorTexts << error.plainMessage << error.detail;
    m_fake->failNext(FakeCalendly::error(500, u"Internal Server Error"_s, FakeCalendly::TOKEN));
    fetchMe(&error);
    errorTexts << error.plainMessage << error.detail;
    m_fake->setToken(u"other"_s);
    fetchMe(&error);
    errorTexts << error.plainMessage << error.detail;

    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(!g_log.isEmpty()); // the client did log
    for (const QString &line : std::as_const(g_log)) {
        QVERIFY2(!line.contains(FakeCalendly::TOKEN), qPrintable(line));
    }
    for (const QString &text : std::as_const(errorTexts)) {
        QVERIFY2(!text.contains(FakeCalendly::TOKEN), qPrintable(text));
    }
}

QTEST_GUILESS_MAIN(TestCalendlyClient)
#include "tst_calendlyclient.moc"
