// The real Secret Service (gnome-keyring in a private D-Bus session, see support/with-keyring.sh).

#include "secrets/SecretStore.h"

#include <QLoggingCategory>
#include <QTest>

#include <optional>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

QStringList g_log;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log.append(message);
    if (g_previous) {
        g_previous(type, context, message);
    }
}

// Waits for one callback of the store.
SecretStore::Result wait(const std::function<void(SecretStore::Callback)> &call)
{
    std::optional<SecretStore::Result> result;
    call([&](const SecretStore::Result &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000)) {
        SecretStore::Result timedOut;
        timedOut.error = u"no answer from the keychain within 10 s"_s;
        return timedOut;
    }
    return *result;
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void writeReadRemove();
    void missingIsNotFound();
    void environmentWinsAndSparesTheKeychain();
    void environmentOnlyNeedsNoKeychain();
    void secretsNeverReachTheLog();
};

void TestKeychain::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run through support/with-keyring.sh");
    g_previous = qInstallMessageHandler(capture);
    QLoggingCategory::setFilterRules(u"deskbell.*.debug=true"_s);
}

void TestKeychain::cleanupTestCase()
{
    qInstallMessageHandler(g_previous);
}

void TestKeychain::writeReadRemove()
{
    KeychainSecretStore store(u"Deskbell-test"_s);
    const QByteArray token = "pat-eyJraWQiOiIxY2UxZTEzNjE3ZGNmNzY2YjNjZWJjY2Y4ZGM1YmFmYThhNjVlNjg0MDIzZjdjMzJiZTgzNDliMjM4MDEzNWI0";
    auto r = wait([&](auto done) { store.write(secret::CALENDLY_TOKEN, token, done); });
    QVERIFY2(r.ok(), qPrintable(r.error));
    r = wait([&](auto done) { store.read(secret::CALENDLY_TOKEN, done); });
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.value, token);

    r = wait([&](auto done) { store.write(secret::CALENDLY_TOKEN, "replaced", done); });
    QVERIFY(r.ok());
    QCOMPARE(wait([&](auto done) { store.read(secret::CALENDLY_TOKEN, done); }).value, "replaced"_ba);

    QVERIFY(wait([&](auto done) { store.remove(secret::CALENDLY_TOKEN, done); }).ok());
    QCOMPARE(wait([&](auto done) { store.read(secret::CALENDLY_TOKEN, done); }).status,
             SecretStore::Result::Status::NotFound);
    QVERIFY(wait([&](auto done) { store.remove(secret::CALENDLY_TOKEN, done); }).ok()); // gone is gone
}

void TestKeychain::missingIsNotFound()
{
    KeychainSecretStore store(u"Deskbell-test"_s);
    const auto r = wait([&](auto done) { store.read(u"never_written"_s, done); });
    QCOMPARE(r.status, SecretStore::Result::Status::NotFound);
    QVERIFY(r.value.isEmpty());
}

void TestKeychain::environmentWinsAndSparesTheKeychain()
{
    KeychainSecretStore keychain(u"Deskbell-test"_s);
    QVERIFY(wait([&](auto done) { keychain.write(secret::ENGAGELAB_DEV_KEY, "from-keychain", done); }).ok());
    QVERIFY(wait([&](auto done) { keychain.write(secret::ENGAGELAB_DEV_SECRET, "keychain-secret", done); }).ok());

    LayeredSecretStore layered({{secret::ENGAGELAB_DEV_KEY, "from-environment"}}, &keychain);
    QVERIFY(layered.environmentSupplies(secret::ENGAGELAB_DEV_KEY));
    QCOMPARE(wait([&](auto done) { layered.read(secret::ENGAGELAB_DEV_KEY, done); }).value, "from-environment"_ba);
    QCOMPARE(wait([&](auto done) { layered.read(secret::ENGAGELAB_DEV_SECRET, done); }).value,
             "keychain-secret"_ba);
}

void TestKeychain::environmentOnlyNeedsNoKeychain()
{
    LayeredSecretStore layered({{secret::CALENDLY_TOKEN, "env-token"}}, nullptr);
    QCOMPARE(wait([&](auto done) { layered.read(secret::CALENDLY_TOKEN, done); }).value, "env-token"_ba);
    const auto missing = wait([&](auto done) { layered.read(secret::CALENDLY_SIGNING_KEY, done); });
    QCOMPARE(missing.status, SecretStore::Result::Status::NotFound);
    QVERIFY(missing.error.contains(u"DESKBELL_CALENDLY_SIGNING_KEY"_s));
    QCOMPARE(wait([&](auto done) { layered.write(secret::CALENDLY_TOKEN, "x", done); }).status,
             SecretStore::Result::Status::Unavailable);
}

void TestKeychain::secretsNeverReachTheLog()
{
    KeychainSecretStore store(u"Deskbell-test"_s);
    g_log.clear();
    const QByteArray secretValue = "s3cr3t-value-that-must-not-leak";
    QVERIFY(wait([&](auto done) { store.write(secret::ENGAGELAB_DEV_SECRET, secretValue, done); }).ok());
    QCOMPARE(wait([&](auto done) { store.read(secret::ENGAGELAB_DEV_SECRET, done); }).value, secretValue);
    QVERIFY(wait([&](auto done) { store.remove(secret::ENGAGELAB_DEV_SECRET, done); }).ok());
    QVERIFY(!g_log.isEmpty()); // the debug lines were on, and they name the secret...
    for (const QString &line : g_log) {
        QVERIFY2(!line.contains(QString::fromLatin1(secretValue)), qPrintable(line)); // ...never its value
    }
    QVERIFY(g_log.join(u'\n').contains(secret::ENGAGELAB_DEV_SECRET));
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
