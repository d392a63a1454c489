// AccountConnector against loopback Calendly and EngageLab servers that speak the real wire format,
// with an in-memory keychain that keeps the SecretStore promises and can play a locked keychain:
// credentials checked live, stored only when good and only in the keychain, and taken out again
// (with Deskbell's webhook subscription) on disconnect. Every call answers with one signal, later.

#include "accounts/AccountConnector.h"
#include "secrets/SecretStore.h"
#include "support/FakeCalendly.h"
#include "support/FakeEngageLab.h"
#include "support/MemorySecretStore.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;
using test::FakeCalendly;
using test::FakeEngageLab;
using test::MemorySecretStore;

namespace {

constexpr int WAIT_MS = 10000;

const QString DEV_KEY = u"dev-key-5f1c9a"_s;
const QString DEV_SECRET = u"dev-secret-88e2d7b4"_s;
const QUrl CALLBACK{u"https://deskbell.example.org/webhooks/calendly"_s};

const QString LOCKED_CALENDLY =
    u"The system keychain is locked or not available, so the token was not saved. "
    u"Unlock it (or sign in to the desktop session) and try again."_s;
const QString WRONG_TOKEN =
    u"Calendly did not accept this token. Copy it again from Calendly → Integrations → "
    u"API & Webhooks."_s;

const QByteArray TEMPLATES = R"([
 {"template_id":"1970314609822883800","template_name":"Booking confirmed","template_type":"utility",
  "template_content":"Hi {{name}}, your {event} is booked for {{ time }}.","country_codes":"TH","status":2,
  "audit_remark":""},
 {"template_id":1972492621368553472,"template_name":"Reminder","template_type":"utility",
  "template_content":"Reminder: {event} at {time}","country_codes":"TH","status":1,"audit_remark":""}
])";

QStringList g_log;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_log.append(QString::fromLatin1(context.category ? context.category : "default") + u": "_s + message);
}

// An address where nothing listens: a port the system handed out and that was closed again.
QUrl closedPortUrl()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        return {};
    }
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(u"http://127.0.0.1:%1"_s.arg(port));
}

} // namespace

class TestAccountConnector : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<AccountConnector> connector(int timeoutMs = 5000, QUrl calendlyApi = {},
                                                QUrl engageLabApi = {})
    {
        AccountConnector::Endpoints endpoints;
        endpoints.calendlyApi = calendlyApi.isEmpty() ? m_calendly->baseUrl() : calendlyApi;
        endpoints.engageLabApi = engageLabApi.isEmpty() ? m_engageLab->baseUrl() : engageLabApi;
        endpoints.timeoutMs = timeoutMs;
        return std::make_unique<AccountConnector>(*m_network, *m_secrets, endpoints);
    }

    // Waits for the one answer to a call; fails when none comes or when more than one does.
    static bool answeredOnce(QSignalSpy &spy)
    {
        if (spy.isEmpty() && !spy.wait(WAIT_MS)) {
            return false;
        }
        QTest::qWait(0); // a second emission queued behind the first would show now
        return spy.size() == 1;
    }

    std::unique_ptr<FakeCalendly> m_calendly;
    std::unique_ptr<FakeEngageLab> m_engageLab;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<MemorySecretStore> m_secrets;

private slots:
    void initTestCase()
    {
        qRegisterMetaType<AccountConnector::CalendlyAccount>();
        qRegisterMetaType<QList<SmsTemplate>>();
    }

    void init()
    {
        m_calendly = std::make_unique<FakeCalendly>();
        QVERIFY(m_calendly->listen());
        m_engageLab = std::make_unique<FakeEngageLab>();
        QVERIFY(m_engageLab->listen());
        m_engageLab->setExpectedCredentials(DEV_KEY, DEV_SECRET);
        m_engageLab->setTemplates(TEMPLATES);
        m_network = std::make_unique<QNetworkAccessManager>();
        m_secrets = std::make_unique<MemorySecretStore>();
    }

    void cleanup()
    {
        m_secrets.reset();
        m_network.reset();
        m_engageLab.reset();
        m_calendly.reset();
    }

    // ---- Calendly

    void checkCalendlyReadsAccountAndOrganization()
    {
        m_calendly->setOrganizationName(u"Sukhumvit Dental Clinic"_s);
        auto accounts = connector();
        QSignalSpy checked(accounts.get(), &AccountConnector::calendlyChecked);
        accounts->checkCalendly(FakeCalendly::TOKEN.toUtf8());
        QCOMPARE(checked.size(), 0); // never from inside the call
        QVERIFY(answeredOnce(checked));

        const auto account = checked.first().at(0).value<AccountConnector::CalendlyAccount>();
        QCOMPARE(checked.first().at(1).toString(), QString());
        QCOMPARE(account.userName, u"Dr. Lee"_s);
        QCOMPARE(account.userUri, m_calendly->userUri());
        QCOMPARE(account.organizationUri, m_calendly->organizationUri());
        QCOMPARE(account.organizationName, u"Sukhumvit Dental Clinic"_s);
        QCOMPARE(account.timezone, u"Asia/Bangkok"_s);
        QVERIFY(m_secrets->writes() == 0); // a check stores nothing
    }

    void checkCalendlyWithoutOrganizationScopeStillSucceeds()
    {
        // A token without organizations:read reads the user but not the organization's name.
        m_calendly->failNextOn("/organizations/", FakeCalendly::error(403, u"Permission Denied"_s,
                                                                      u"Missing scope organizations:read"_s));
        auto accounts = connector();
        QSignalSpy checked(accounts.get(), &AccountConnector::calendlyChecked);
        accounts->checkCalendly(FakeCalendly::TOKEN.toUtf8());
        QVERIFY(answeredOnce(checked));
        const auto account = checked.first().at(0).value<AccountConnector::CalendlyAccount>();
        QCOMPARE(checked.first().at(1).toString(), QString());
        QCOMPARE(account.userUri, m_calendly->userUri());
        QCOMPARE(account.organizationName, QString());
    }

    void checkCalendlyExplainsProblems_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("expected"); // the whole text when it starts with '=', else a part of it
        QTest::newRow("wrong or expired token") << u"wrong-token"_s << QString(u'=' + WRONG_TOKEN);
        QTest::newRow("token without a needed scope")
            << u"missing-scope"_s << u"lacks the permission users:read"_s;
        QTest::newRow("account plan without webhooks") << u"plan"_s << u"plan"_s;
        QTest::newRow("Calendly down") << u"server-error"_s << u"problem on its side"_s;
        QTest::newRow("no answer in time") << u"timeout"_s << u"did not answer within 1 seconds"_s;
        QTest::newRow("connection refused") << u"refused"_s << u"could not reach Calendly"_s;
        QTest::newRow("nothing pasted") << u"empty"_s << u"=Paste the Calendly token first."_s;
    }

    void checkCalendlyExplainsProblems()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, expected);
        QByteArray token = FakeCalendly::TOKEN.toUtf8();
        int timeoutMs = 5000;
        QUrl api;
        if (scenario == u"wrong-token"_s) {
            token = "eyJraWQiOiJ3cm9uZyJ9.not-the-token";
        } else if (scenario == u"missing-scope"_s) {
            m_calendly->failNext(FakeCalendly::error(
                403, u"Permission Denied"_s, u"This token is missing the required scope users:read"_s));
        } else if (scenario == u"plan"_s) {
            m_calendly->failNext(FakeCalendly::error(403, u"Permission Denied"_s,
                                                     u"Please upgrade your Calendly account to Standard"_s));
        } else if (scenario == u"server-error"_s) {
            m_calendly->failNext(FakeCalendly::error(503, u"Service Unavailable"_s, u"Try later"_s));
        } else if (scenario == u"timeout"_s) {
            FakeCalendly::Reply silent;
            silent.hang = true;
            m_calendly->failNext(silent);
            timeoutMs = 1000;
        } else if (scenario == u"refused"_s) {
            api = closedPortUrl();
            QVERIFY(api.isValid());
        } else if (scenario == u"empty"_s) {
            token = " \n";
        }
        auto accounts = connector(timeoutMs, api);
        QSignalSpy checked(accounts.get(), &AccountConnector::calendlyChecked);
        accounts->checkCalendly(token);
        QCOMPARE(checked.size(), 0);
        QVERIFY(answeredOnce(checked));
        const QString error = checked.first().at(1).toString();
        const auto account = checked.first().at(0).value<AccountConnector::CalendlyAccount>();
        QVERIFY(account.userUri.isEmpty());
        if (expected.startsWith(u'=')) {
            QCOMPARE(error, expected.mid(1));
        } else {
            QVERIFY2(error.contains(expected, Qt::CaseInsensitive), qPrintable(error));
        }
        QVERIFY(!error.contains(QString::fromUtf8(token.trimmed())) || token.trimmed().isEmpty());
        if (scenario == u"empty"_s) {
            QVERIFY(m_calendly->requests().isEmpty()); // nothing to ask Calendly about
        }
    }

    void connectCalendlyStoresTheTrimmedToken()
    {
        m_secrets = std::make_unique<MemorySecretStore>(
            QHash<QString, QByteArray>{{secret::CALENDLY_REFRESH_TOKEN, "an-old-sign-in"}});
        auto accounts = connector();
        QSignalSpy saved(accounts.get(), &AccountConnector::calendlySaved);
        accounts->connectCalendly(FakeCalendly::TOKEN.toUtf8() + "\n");
        QCOMPARE(saved.size(), 0);
        QVERIFY(answeredOnce(saved));
        QCOMPARE(saved.first().at(0).toBool(), true);
        QCOMPARE(saved.first().at(1).toString(), QString());
        QCOMPARE(m_secrets->value(secret::CALENDLY_TOKEN), FakeCalendly::TOKEN.toUtf8());
        // The pasted token replaces the sign-in: its refresh token would swap it back later.
        QVERIFY(!m_secrets->contains(secret::CALENDLY_REFRESH_TOKEN));
    }

    void connectCalendlyWithRefusedTokenStoresNothing()
    {
        auto accounts = connector();
        QSignalSpy saved(accounts.get(), &AccountConnector::calendlySaved);
        accounts->connectCalendly("not-a-token");
        QVERIFY(answeredOnce(saved));
        QCOMPARE(saved.first().at(0).toBool(), false);
        QCOMPARE(saved.first().at(1).toString(), WRONG_TOKEN);
        QCOMPARE(m_secrets->writes(), 0);
        QVERIFY(!m_secrets->contains(secret::CALENDLY_TOKEN));
    }

    void connectCalendlyWithLockedKeychainStoresNothing()
    {
        m_secrets->setAvailable(false);
        auto accounts = connector();
        QSignalSpy saved(accounts.get(), &AccountConnector::calendlySaved);
        accounts->connectCalendly(FakeCalendly::TOKEN.toUtf8());
        QVERIFY(answeredOnce(saved));
        QCOMPARE(saved.first().at(0).toBool(), false);
        QCOMPARE(saved.first().at(1).toString(), LOCKED_CALENDLY);
        m_secrets->setAvailable(true);
        QCOMPARE(m_secrets->writes(), 0);
        QVERIFY(!m_secrets->contains(secret::CALENDLY_TOKEN));
    }

    void disconnectCalendlyDeletesOwnSubscriptionAndSecrets()
    {
        const QString ours = m_calendly->addSubscription(CALLBACK.toString());
        const QString theirs = m_calendly->addSubscription(u"https://crm.example.com/calendly"_s);
        m_secrets = std::make_unique<MemorySecretStore>(
            QHash<QString, QByteArray>{{secret::CALENDLY_TOKEN, FakeCalendly::TOKEN.toUtf8()},
                                       {secret::CALENDLY_REFRESH_TOKEN, "refresh-1"},
                                       {secret::CALENDLY_SIGNING_KEY, "signing-key-1"},
                                       {secret::ENGAGELAB_DEV_KEY, DEV_KEY.toUtf8()}});
        auto accounts = connector();
        QSignalSpy disconnected(accounts.get(), &AccountConnector::disconnected);
        accounts->disconnectCalendly(CALLBACK);
        QCOMPARE(disconnected.size(), 0);
        QVERIFY(answeredOnce(disconnected));
        QCOMPARE(disconnected.first().at(0).toString(), u"calendly"_s);
        QCOMPARE(disconnected.first().at(1).toString(), QString());

        const QList<QJsonObject> left = m_calendly->subscriptions();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().value(u"uri"_s).toString(), theirs);
        QVERIFY(ours != theirs);
        QVERIFY(!m_secrets->contains(secret::CALENDLY_TOKEN));
        QVERIFY(!m_secrets->contains(secret::CALENDLY_REFRESH_TOKEN));
        QVERIFY(!m_secrets->contains(secret::CALENDLY_SIGNING_KEY));
        QVERIFY(m_secrets->contains(secret::ENGAGELAB_DEV_KEY)); // the other account stays
    }

    void disconnectCalendlyWithRevokedTokenStillRemovesSecrets()
    {
        m_calendly->addSubscription(CALLBACK.toString());
        m_secrets = std::make_unique<MemorySecretStore>(QHash<QString, QByteArray>{
            {secret::CALENDLY_TOKEN, "revoked-token"}, {secret::CALENDLY_SIGNING_KEY, "signing-key-1"}});
        auto accounts = connector();
        QSignalSpy disconnected(accounts.get(), &AccountConnector::disconnected);
        accounts->disconnectCalendly(CALLBACK);
        QVERIFY(answeredOnce(disconnected));
        // Nothing the operator can do about a token Calendly no longer takes: not an error.
        QCOMPARE(disconnected.first().at(1).toString(), QString());
        QCOMPARE(m_calendly->subscriptions().size(), 1);
        QVERIFY(!m_secrets->contains(secret::CALENDLY_TOKEN));
        QVERIFY(!m_secrets->contains(secret::CALENDLY_SIGNING_KEY));
    }

    void disconnectCalendlyReportsSubscriptionLeftBehind()
    {
        m_secrets = std::make_unique<MemorySecretStore>(QHash<QString, QByteArray>{
            {secret::CALENDLY_TOKEN, FakeCalendly::TOKEN.toUtf8()}, {secret::CALENDLY_SIGNING_KEY, "k"}});
        auto accounts = connector(5000, closedPortUrl());
        QSignalSpy disconnected(accounts.get(), &AccountConnector::disconnected);
        accounts->disconnectCalendly(CALLBACK);
        QVERIFY(answeredOnce(disconnected));
        const QString error = disconnected.first().at(1).toString();
        QVERIFY2(error.contains(u"could not be deleted"_s) && error.contains(u"could not reach Calendly"_s),
                 qPrintable(error));
        // The partial failure does not stop the rest.
        QVERIFY(!m_secrets->contains(secret::CALENDLY_TOKEN));
        QVERIFY(!m_secrets->contains(secret::CALENDLY_SIGNING_KEY));
    }

    void disconnectCalendlyWithLockedKeychainSaysSo()
    {
        m_secrets = std::make_unique<MemorySecretStore>(
            QHash<QString, QByteArray>{{secret::CALENDLY_TOKEN, FakeCalendly::TOKEN.toUtf8()}});
        m_secrets->setAvailable(false);
        auto accounts = connector();
        QSignalSpy disconnected(accounts.get(), &AccountConnector::disconnected);
        accounts->disconnectCalendly(CALLBACK);
        QVERIFY(answeredOnce(disconnected));
        const QString error = disconnected.first().at(1).toString();
        QVERIFY2(error.contains(u"keychain is locked or not available"_s), qPrintable(error));
        m_secrets->setAvailable(true);
        QVERIFY(m_secrets->contains(secret::CALENDLY_TOKEN));
    }

    // ---- EngageLab

    void checkEngageLabListsTemplates()
    {
        auto accounts = connector();
        QSignalSpy checked(accounts.get(), &AccountConnector::engageLabChecked);
        accounts->checkEngageLab(DEV_KEY.toUtf8(), DEV_SECRET.toUtf8());
        QCOMPARE(checked.size(), 0);
        QVERIFY(answeredOnce(checked));
        QCOMPARE(checked.first().at(1).toString(), QString());
        const auto templates = checked.first().at(0).value<QList<SmsTemplate>>();
        QCOMPARE(templates.size(), 2);
        QCOMPARE(templates.at(0).id, u"1970314609822883800"_s);
        QVERIFY(templates.at(0).isApproved());
        QCOMPARE(templates.at(1).id, u"1972492621368553472"_s); // a bare JSON number, read exactly
        QCOMPARE(m_secrets->writes(), 0);
    }

    void checkEngageLabExplainsProblems_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrong secret")
            << u"wrong-secret"_s
            << u"EngageLab did not accept this key and secret. Copy both again from the "
               u"EngageLab SMS console (API Key page)."_s;
        QTest::newRow("connection refused") << u"refused"_s << u"could not check the EngageLab account"_s;
        QTest::newRow("nothing entered")
            << u"empty"_s << u"Enter both the EngageLab key and the secret first."_s;
    }

    void checkEngageLabExplainsProblems()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, expected);
        QByteArray secretValue = DEV_SECRET.toUtf8();
        QUrl api;
        if (scenario == u"wrong-secret"_s) {
            secretValue = "a-wrong-secret-771";
        } else if (scenario == u"refused"_s) {
            api = closedPortUrl();
        } else if (scenario == u"empty"_s) {
            secretValue.clear();
        }
        auto accounts = connector(5000, {}, api);
        QSignalSpy checked(accounts.get(), &AccountConnector::engageLabChecked);
        accounts->checkEngageLab(DEV_KEY.toUtf8(), secretValue);
        QCOMPARE(checked.size(), 0);
        QVERIFY(answeredOnce(checked));
        const QString error = checked.first().at(1).toString();
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(checked.first().at(0).value<QList<SmsTemplate>>().isEmpty());
        QVERIFY(secretValue.isEmpty() || !error.contains(QString::fromUtf8(secretValue)));
    }

    void connectEngageLabStoresKeyAndSecret()
    {
        auto accounts = connector();
        QSignalSpy saved(accounts.get(), &AccountConnector::engageLabSaved);
        accounts->connectEngageLab(DEV_KEY.toUtf8(), " " + DEV_SECRET.toUtf8() + " ");
        QVERIFY(answeredOnce(saved));
        QCOMPARE(saved.first().at(0).toBool(), true);
        QCOMPARE(saved.first().at(1).toString(), QString());
        QCOMPARE(m_secrets->value(secret::ENGAGELAB_DEV_KEY), DEV_KEY.toUtf8());
        QCOMPARE(m_secrets->value(secret::ENGAGELAB_DEV_SECRET), DEV_SECRET.toUtf8());
    }

    void connectEngageLabWithWrongSecretStoresNothing()
    {
        auto accounts = connector();
        QSignalSpy saved(accounts.get(), &AccountConnector::engageLabSaved);
        accounts->connectEngageLab(DEV_KEY.toUtf8(), "wrong");
        QVERIFY(answeredOnce(saved));
        QCOMPARE(saved.first().at(0).toBool(), false);
        QVERIFY(saved.first().at(1).toString().contains(u"did not accept"_s));
        QCOMPARE(m_secrets->writes(), 0);
    }

    void connectEngageLabWithLockedKeychainStoresNothing()
    {
        m_secrets->setAvailable(false);
        auto accounts = connector();
        QSignalSpy saved(accounts.get(), &AccountConnector::engageLabSaved);
        accounts->connectEngageLab(DEV_KEY.toUtf8(), DEV_SECRET.toUtf8());
        QVERIFY(answeredOnce(saved));
        QCOMPARE(saved.first().at(0).toBool(), false);
        QVERIFY2(saved.first().at(1).toString().contains(u"keychain is locked or not available"_s),
                 qPrintable(saved.first().at(1).toString()));
        m_secrets->setAvailable(true);
        QVERIFY(!m_secrets->contains(secret::ENGAGELAB_DEV_KEY));
        QVERIFY(!m_secrets->contains(secret::ENGAGELAB_DEV_SECRET));
    }

    void disconnectEngageLabRemovesBoth()
    {
        m_secrets = std::make_unique<MemorySecretStore>(
            QHash<QString, QByteArray>{{secret::ENGAGELAB_DEV_KEY, DEV_KEY.toUtf8()},
                                       {secret::ENGAGELAB_DEV_SECRET, DEV_SECRET.toUtf8()},
                                       {secret::CALENDLY_TOKEN, FakeCalendly::TOKEN.toUtf8()}});
        auto accounts = connector();
        QSignalSpy disconnected(accounts.get(), &AccountConnector::disconnected);
        accounts->disconnectEngageLab();
        QCOMPARE(disconnected.size(), 0);
        QVERIFY(answeredOnce(disconnected));
        QCOMPARE(disconnected.first().at(0).toString(), u"engagelab"_s);
        QCOMPARE(disconnected.first().at(1).toString(), QString());
        QVERIFY(!m_secrets->contains(secret::ENGAGELAB_DEV_KEY));
        QVERIFY(!m_secrets->contains(secret::ENGAGELAB_DEV_SECRET));
        QVERIFY(m_secrets->contains(secret::CALENDLY_TOKEN));
    }

    // ---- both

    void credentialsNeverReachLogsOrSignals()
    {
        g_log.clear();
        QLoggingCategory::setFilterRules(u"deskbell.*=true"_s);
        const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
        QStringList said;
        {
            auto accounts = connector();
            const auto note = [&said](const QList<QVariant> &arguments) {
                for (const QVariant &argument : arguments) {
                    said.append(argument.toString());
                }
            };
            QSignalSpy saved(accounts.get(), &AccountConnector::calendlySaved);
            QSignalSpy engageLab(accounts.get(), &AccountConnector::engageLabSaved);
            accounts->connectCalendly(FakeCalendly::TOKEN.toUtf8());
            QVERIFY(answeredOnce(saved));
            accounts->connectEngageLab(DEV_KEY.toUtf8(), DEV_SECRET.toUtf8());
            QVERIFY(answeredOnce(engageLab));
            for (const auto &arguments : {saved.first(), engageLab.first()}) {
                note(arguments);
            }
            QSignalSpy wrong(accounts.get(), &AccountConnector::engageLabChecked);
            accounts->checkEngageLab(DEV_KEY.toUtf8(), "a-wrong-secret-771");
            QVERIFY(answeredOnce(wrong));
            note({wrong.first().at(1)});
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(!g_log.isEmpty()); // the operations were logged, by name
        for (const QString &text : std::as_const(g_log) + said) {
            QVERIFY2(!text.contains(FakeCalendly::TOKEN), qPrintable(text));
            QVERIFY2(!text.contains(DEV_SECRET), qPrintable(text));
            QVERIFY2(!text.contains(u"a-wrong-secret-771"_s), qPrintable(text));
            QVERIFY2(!text.contains(QString::fromLatin1((DEV_KEY + u':' + DEV_SECRET).toUtf8().toBase64())),
                     qPrintable(text));
        }
    }
};

QTEST_GUILESS_MAIN(TestAccountConnector)
#include "tst_accountconnector.moc"
