// The welcome/accounts dialog over a whole back end (ConsoleFixture: real engine on its thread, an
// in-memory keychain) and loopback Calendly and EngageLab fakes speaking their real wire formats.

#include "ConnectDialog.h"
#include "EngineHost.h"
#include "UiTestSupport.h"
#include "secrets/SecretStore.h"
#include "storage/Store.h"
#include "support/ConsoleFixture.h"
#include "support/FakeCalendly.h"
#include "support/FakeEngageLab.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

constexpr int WAIT_MS = 15000;
const QString DEV_KEY = u"dev-key-7c1f"_s;
const QString DEV_SECRET = u"dev-secret-93ab"_s;
const QString CLIENT_ID = u"deskbell-desktop-test"_s;

// Three templates, two approved.
const QByteArray TEMPLATES = R"([
 {"template_id":"1970314609822883800","template_name":"Booking confirmed","template_type":"utility",
  "template_content":"Hi {{name}}, see you at {time} on {date}.","status":2,"audit_remark":""},
 {"template_id":"1972492621368553472","template_name":"Reminder","template_type":"utility",
  "template_content":"Reminder: {event_name} in {advance}","status":2,"audit_remark":""},
 {"template_id":"1972492621368553999","template_name":"Promo","template_type":"marketing",
  "template_content":"50% off {code}!","status":3,"audit_remark":"Needs an opt-out notice"}
])";

QString queryValue(const QUrl &url, const QString &key)
{
    return QUrlQuery(url).queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace

// Stands in for the desktop's browser: QDesktopServices hands it the sign-in address.
class BrowserStub : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public slots:
    void open(const QUrl &url) { opened.append(url); }
};

class TestConnectDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void secretFieldsHideWhatIsTyped();
    void goodTokenShowsAccountAndOrganizationAndIsKept();
    void badTokenIsRefusedPlainlyAndNothingIsKept();
    void lockedKeychainIsSaidPlainlyAndNothingIsKept();
    void engageLabCredentials_data();
    void engageLabCredentials();
    void disconnectCalendlyRemovesItsSecrets();
    void disconnectEngageLabRemovesItsSecrets();
    void modeChangeIsSavedToTheSettingsFile();
    void webhookModeWithoutAnAddressIsRefused();
    void sandboxSimulatedBookingPlansAnAppointment();
    void signInWithCalendlyCompletesAgainstTheFake();
    void closingTheDialogForgetsTypedSecrets();

private:
    void startFixture(const QString &extra = {}, const QHash<QString, QByteArray> &secrets = {});
    Engine::Status status();
    bool hasSecret(const QString &name);
    bool secretEquals(const QString &name, const QString &expected);
    int secretWrites();
    QString settingsValue(const QString &key);
    void confirmMessageBox(QWidget &dialog);

    template <typename T> T *child(QWidget &parent, const QString &name)
    {
        T *found = parent.findChild<T *>(name);
        if (!found) {
            qFatal("no child %s", qPrintable(name));
        }
        return found;
    }

    std::unique_ptr<test::FakeCalendly> m_calendly;
    std::unique_ptr<test::FakeEngageLab> m_engageLab;
    std::unique_ptr<test::ConsoleFixture> m_fixture;
};

void TestConnectDialog::init()
{
    m_calendly = std::make_unique<test::FakeCalendly>();
    QVERIFY(m_calendly->listen());
    m_engageLab = std::make_unique<test::FakeEngageLab>();
    QVERIFY(m_engageLab->listen());
    m_engageLab->setExpectedCredentials(DEV_KEY, DEV_SECRET);
    m_engageLab->setTemplates(TEMPLATES);
}

void TestConnectDialog::cleanup()
{
    m_fixture.reset();
    m_engageLab.reset();
    m_calendly.reset();
}

void TestConnectDialog::startFixture(const QString &extra, const QHash<QString, QByteArray> &secrets)
{
    test::ConsoleFixture::Options options;
    options.extraSettings = u"[calendly]\napi_base = %1\n[sms]\napi_base = %2\n"_s.arg(
                                m_calendly->baseUrl().toString(), m_engageLab->baseUrl().toString()) +
                            extra;
    options.secrets = secrets;
    m_fixture = std::make_unique<test::ConsoleFixture>(options);
    QString error;
    QVERIFY2(m_fixture->start(&error), qPrintable(error));
}

Engine::Status TestConnectDialog::status()
{
    return m_fixture->onEngine<Engine::Status>([](Engine &e) { return e.status(); });
}

bool TestConnectDialog::hasSecret(const QString &name)
{
    return m_fixture->onEngine<bool>([this, name](Engine &) { return m_fixture->secrets().contains(name); });
}

// Compared on the engine's side so that no secret ever reaches the test's output.
bool TestConnectDialog::secretEquals(const QString &name, const QString &expected)
{
    return m_fixture->onEngine<bool>([this, name, expected](Engine &) {
        return m_fixture->secrets().contains(name) && m_fixture->secrets().value(name) == expected.toUtf8();
    });
}

int TestConnectDialog::secretWrites()
{
    return m_fixture->onEngine<int>([this](Engine &) { return m_fixture->secrets().writes(); });
}

QString TestConnectDialog::settingsValue(const QString &key)
{
    QSettings settings(m_fixture->settingsPath(), QSettings::IniFormat);
    return settings.value(key).toString();
}

// Answers the confirmation the dialog opened with its destructive ("Disconnect") button.
void TestConnectDialog::confirmMessageBox(QWidget &dialog)
{
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = dialog.findChild<QMessageBox *>()) && box->isVisible());
    QAbstractButton *yes = nullptr;
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole) {
            yes = button;
        }
    }
    QVERIFY(yes);
    QVERIFY(box->defaultButton() != yes); // Enter alone never disconnects
    yes->click();
}

void TestConnectDialog::secretFieldsHideWhatIsTyped()
{
    startFixture();
    ConnectDialog dialog(m_fixture->host(), status(), ConnectDialog::Page::Welcome);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    for (const QString &name : {u"calendlyToken"_s, u"engageLabKey"_s, u"engageLabSecret"_s}) {
        QCOMPARE(child<QLineEdit>(dialog, name)->echoMode(), QLineEdit::Password);
    }
    test::saveScreenshot(dialog, u"connect-welcome"_s);

    // The welcome page's three choices lead to their pages.
    child<QAbstractButton>(dialog, u"welcomeEngageLab"_s)->click();
    QCOMPARE(dialog.currentPage(), ConnectDialog::Page::EngageLab);
    dialog.showPage(ConnectDialog::Page::Welcome);
    child<QAbstractButton>(dialog, u"welcomeSandbox"_s)->click();
    QCOMPARE(dialog.currentPage(), ConnectDialog::Page::Sandbox);
    dialog.showPage(ConnectDialog::Page::Welcome);
    child<QAbstractButton>(dialog, u"welcomeCalendly"_s)->click();
    QCOMPARE(dialog.currentPage(), ConnectDialog::Page::Calendly);
    // Enter in the token field connects.
    QVERIFY(child<QPushButton>(dialog, u"calendlyConnect"_s)->isDefault());
}

void TestConnectDialog::goodTokenShowsAccountAndOrganizationAndIsKept()
{
    startFixture();
    ConnectDialog dialog(m_fixture->host(), status(), ConnectDialog::Page::Calendly);
    dialog.show();
    auto *token = child<QLineEdit>(dialog, u"calendlyToken"_s);
    auto *result = child<QLabel>(dialog, u"calendlyResult"_s);
    token->setText(test::FakeCalendly::TOKEN);

    child<QPushButton>(dialog, u"calendlyCheck"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(u"Dr. Lee"_s), WAIT_MS);
    QVERIFY2(result->text().contains(u"Sukhumvit Dental Clinic"_s), qPrintable(result->text()));
    QVERIFY(!hasSecret(secret::CALENDLY_TOKEN)); // checking keeps nothing

    child<QPushButton>(dialog, u"calendlyConnect"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Connected"_s), WAIT_MS);
    QVERIFY(secretEquals(secret::CALENDLY_TOKEN, test::FakeCalendly::TOKEN));
    QVERIFY(token->text().isEmpty()); // the typed token does not stay in the window

    // The engine reconnected with it and says so on the page.
    auto *state = child<QLabel>(dialog, u"calendlyStatus"_s);
    QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(u"Dr. Lee"_s), WAIT_MS);
    test::saveScreenshot(dialog, u"connect-calendly"_s);
}

void TestConnectDialog::badTokenIsRefusedPlainlyAndNothingIsKept()
{
    startFixture();
    ConnectDialog dialog(m_fixture->host(), status(), ConnectDialog::Page::Calendly);
    dialog.show();
    auto *result = child<QLabel>(dialog, u"calendlyResult"_s);
    child<QLineEdit>(dialog, u"calendlyToken"_s)->setText(u"not-the-right-token"_s);

    child<QPushButton>(dialog, u"calendlyCheck"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"This token does not work"_s), WAIT_MS);
    QVERIFY(!result->text().contains(u"not-the-right-token"_s)); // never echoed

    child<QPushButton>(dialog, u"calendlyConnect"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Not connected"_s), WAIT_MS);
    QVERIFY(!hasSecret(secret::CALENDLY_TOKEN));
    QCOMPARE(secretWrites(), 0);
    QVERIFY(child<QPushButton>(dialog, u"calendlyConnect"_s)->isEnabled()); // can try again
}

void TestConnectDialog::lockedKeychainIsSaidPlainlyAndNothingIsKept()
{
    startFixture();
    m_fixture->onEngine<bool>([this](Engine &) {
        m_fixture->secrets().setAvailable(false);
        return true;
    });
    ConnectDialog dialog(m_fixture->host(), status(), ConnectDialog::Page::Calendly);
    dialog.show();
    auto *result = child<QLabel>(dialog, u"calendlyResult"_s);
    child<QLineEdit>(dialog, u"calendlyToken"_s)->setText(test::FakeCalendly::TOKEN);

    child<QPushButton>(dialog, u"calendlyConnect"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Not connected"_s), WAIT_MS);
    QVERIFY2(result->text().contains(u"keychain"_s, Qt::CaseInsensitive), qPrintable(result->text()));
    m_fixture->onEngine<bool>([this](Engine &) {
        m_fixture->secrets().setAvailable(true); // look inside
        return true;
    });
    QVERIFY(!hasSecret(secret::CALENDLY_TOKEN));
    QCOMPARE(secretWrites(), 0);
}

void TestConnectDialog::engageLabCredentials_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("works");
    QTest::newRow("right key and secret") << DEV_KEY << DEV_SECRET << true;
    QTest::newRow("wrong secret") << DEV_KEY << u"dev-secret-wrong"_s << false;
}

void TestConnectDialog::engageLabCredentials()
{
    QFETCH(QString, key);
    QFETCH(QString, secret);
    QFETCH(bool, works);
    startFixture();
    ConnectDialog dialog(m_fixture->host(), status(), ConnectDialog::Page::EngageLab);
    dialog.show();
    auto *result = child<QLabel>(dialog, u"engageLabResult"_s);
    child<QLineEdit>(dialog, u"engageLabKey"_s)->setText(key);
    child<QLineEdit>(dialog, u"engageLabSecret"_s)->setText(secret);
    QVERIFY(child<QCheckBox>(dialog, u"engageLabSendReal"_s)->isChecked());

    child<QPushButton>(dialog, u"engageLabCheck"_s)->click();
    if (works) {
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"The credentials work"_s), WAIT_MS);
        QVERIFY2(result->text().contains(u"Templates in the account: 3, of which approved: 2"_s),
                 qPrintable(result->text()));
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"These credentials do not work"_s), WAIT_MS);
    }
    QVERIFY(!hasSecret(secret::ENGAGELAB_DEV_KEY));

    child<QPushButton>(dialog, u"engageLabConnect"_s)->click();
    if (works) {
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Connected"_s), WAIT_MS);
        QVERIFY(secretEquals(secret::ENGAGELAB_DEV_KEY, DEV_KEY));
        QVERIFY(secretEquals(secret::ENGAGELAB_DEV_SECRET, DEV_SECRET));
        QCOMPARE(settingsValue(u"sms/provider"_s), u"engagelab"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status().providerName, u"engagelab"_s, WAIT_MS);
        QVERIFY(child<QLineEdit>(dialog, u"engageLabSecret"_s)->text().isEmpty());
        test::saveScreenshot(dialog, u"connect-engagelab"_s);
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Not connected"_s), WAIT_MS);
        QVERIFY(!hasSecret(secret::ENGAGELAB_DEV_KEY));
        QVERIFY(!hasSecret(secret::ENGAGELAB_DEV_SECRET));
        QCOMPARE(settingsValue(u"sms/provider"_s), u"sandbox"_s);
    }
}

void TestConnectDialog::disconnectCalendlyRemovesItsSecrets()
{
    startFixture({}, {{secret::CALENDLY_TOKEN, test::FakeCalendly::TOKEN.toUtf8()},
                      {secret::CALENDLY_SIGNING_KEY, "whsec-key"},
                      {secret::ENGAGELAB_DEV_KEY, DEV_KEY.toUtf8()},
                      {secret::ENGAGELAB_DEV_SECRET, DEV_SECRET.toUtf8()}});
    QTRY_COMPARE_WITH_TIMEOUT(status().calendlyAccount, u"Dr. Lee"_s, WAIT_MS);
    ConnectDialog dialog(m_fixture->host(), status(), ConnectDialog::Page::Calendly);
    dialog.show();
    auto *result = child<QLabel>(dialog, u"calendlyResult"_s);

    child<QPushButton>(dialog, u"calendlyDisconnect"_s)->click();
    confirmMessageBox(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Calendly is disconnected"_s), WAIT_MS);
    QVERIFY(!hasSecret(secret::CALENDLY_TOKEN));
    QVERIFY(!hasSecret(secret::CALENDLY_SIGNING_KEY));
    QVERIFY(hasSecret(secret::ENGAGELAB_DEV_KEY)); // only Calendly's
    QTRY_VERIFY_WITH_TIMEOUT(status().calendlyAccount.isEmpty(), WAIT_MS);
}

void TestConnectDialog::disconnectEngageLabRemovesItsSecrets()
{
    startFixture({}, {{secret::CALENDLY_TOKEN, test::FakeCalendly::TOKEN.toUtf8()},
                      {secret::ENGAGELAB_DEV_KEY, DEV_KEY.toUtf8()},
                      {secret::ENGAGELAB_DEV_SECRET, DEV_SECRET.toUtf8()}});
    ConnectDialog dialog(m_fixture->host(), status(), ConnectDialog::Page::EngageLab);
    dialog.show();
    auto *result = child<QLabel>(dialog, u"engageLabResult"_s);

    // Cancelling the confirmation keeps everything.
    child<QPushButton>(dialog, u"engageLabDisconnect"_s)->click();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = dialog.findChild<QMessageBox *>()) && box->isVisible());
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!dialog.findChild<QMessageBox *>());
    QVERIFY(hasSecret(secret::ENGAGELAB_DEV_KEY));

    child<QPushButton>(dialog, u"engageLabDisconnect"_s)->click();
    confirmMessageBox(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"EngageLab is disconnected"_s), WAIT_MS);
    QVERIFY(!hasSecret(secret::ENGAGELAB_DEV_KEY));
    QVERIFY(!hasSecret(secret::ENGAGELAB_DEV_SECRET));
    QVERIFY(hasSecret(secret::CALENDLY_TOKEN));
}

void TestConnectDialog::modeChangeIsSavedToTheSettingsFile()
{
    startFixture(u"[calendly]\nmode = poll\n"_s);
    ConnectDialog dialog(m_fixture->host(), status(), ConnectDialog::Page::Mode);
    dialog.show();
    auto *poll = child<QRadioButton>(dialog, u"modePoll"_s);
    QTRY_VERIFY(poll->isChecked());
    auto *publicUrl = child<QLineEdit>(dialog, u"publicUrl"_s);
    QVERIFY(!publicUrl->isEnabled()); // poll needs no address
    // The listener's own address, for the tunnel.
    const QUrl listener = status().listenerUrl;
    QVERIFY(listener.isValid());
    QCOMPARE(child<QLineEdit>(dialog, u"listenerUrl"_s)->text(), listener.toString(QUrl::StripTrailingSlash));

    child<QRadioButton>(dialog, u"modeHybrid"_s)->setChecked(true);
    QVERIFY(publicUrl->isEnabled());
    publicUrl->setText(u"https://front-desk.example.net/webhooks/calendly"_s);
    auto *result = child<QLabel>(dialog, u"modeResult"_s);
    child<QPushButton>(dialog, u"modeSave"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(result->text(), u"Saved."_s, WAIT_MS);
    QCOMPARE(settingsValue(u"calendly/mode"_s), u"hybrid"_s);
    QCOMPARE(settingsValue(u"calendly/public_url"_s), u"https://front-desk.example.net/webhooks/calendly"_s);
    QTRY_COMPARE_WITH_TIMEOUT(status().calendlyMode, u"hybrid"_s, WAIT_MS);
    test::saveScreenshot(dialog, u"connect-mode"_s);

    poll->setChecked(true);
    child<QPushButton>(dialog, u"modeSave"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(settingsValue(u"calendly/mode"_s), u"poll"_s, WAIT_MS);
    QTRY_COMPARE_WITH_TIMEOUT(status().calendlyMode, u"poll"_s, WAIT_MS);
}

void TestConnectDialog::webhookModeWithoutAnAddressIsRefused()
{
    startFixture(u"[calendly]\nmode = poll\n"_s);
    ConnectDialog dialog(m_fixture->host(), status(), ConnectDialog::Page::Mode);
    dialog.show();
    QTRY_VERIFY(child<QRadioButton>(dialog, u"modePoll"_s)->isChecked());
    child<QRadioButton>(dialog, u"modeWebhook"_s)->setChecked(true);
    auto *result = child<QLabel>(dialog, u"modeResult"_s);

    child<QLineEdit>(dialog, u"publicUrl"_s)->setText(QString());
    child<QPushButton>(dialog, u"modeSave"_s)->click();
    QVERIFY(result->text().contains(u"public address"_s));

    child<QLineEdit>(dialog, u"publicUrl"_s)->setText(u"http://front-desk.example.net/webhooks/calendly"_s);
    child<QPushButton>(dialog, u"modeSave"_s)->click();
    QVERIFY(result->text().contains(u"https://"_s));
    QCOMPARE(settingsValue(u"calendly/mode"_s), u"poll"_s);
}

void TestConnectDialog::sandboxSimulatedBookingPlansAnAppointment()
{
    startFixture();
    const QDateTime now = m_fixture->clock().nowUtc();
    QVERIFY(m_fixture->store().appointmentsStartingBetween(now, now.addDays(2)).isEmpty());
    ConnectDialog dialog(m_fixture->host(), status(), ConnectDialog::Page::Sandbox);
    dialog.show();
    auto *simulate = child<QPushButton>(dialog, u"simulate"_s);
    QVERIFY(simulate->isEnabled());
    QVERIFY(simulate->isDefault());
    simulate->click();
    auto *result = child<QLabel>(dialog, u"simulateResult"_s);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"A made-up booking"_s), WAIT_MS);
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture->store().appointmentsStartingBetween(now, now.addDays(2)).size(), 1,
                              WAIT_MS);
    const Appointment booked = m_fixture->store().appointmentsStartingBetween(now, now.addDays(2)).first();
    QCOMPARE(booked.inviteeName, u"Somchai Jaidee"_s);
    QVERIFY(!m_fixture->store().messagesForInvitee(booked.inviteeUri).isEmpty());
    test::saveScreenshot(dialog, u"connect-sandbox"_s);
}

void TestConnectDialog::signInWithCalendlyCompletesAgainstTheFake()
{
    startFixture(u"[calendly]\noauth_client_id = %1\noauth_base = %2\n"_s.arg(
        CLIENT_ID, m_calendly->baseUrl().toString()));
    BrowserStub browser;
    QDesktopServices::setUrlHandler(u"http"_s, &browser, "open");
    const auto unregister = qScopeGuard([] { QDesktopServices::unsetUrlHandler(u"http"_s); });

    QVERIFY(status().oauthAvailable);
    ConnectDialog dialog(m_fixture->host(), status(), ConnectDialog::Page::Calendly);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *signIn = child<QPushButton>(dialog, u"calendlySignIn"_s);
    QVERIFY(signIn->isVisible());
    QVERIFY(signIn->isDefault());
    // Pasting is still there, folded away.
    auto *token = child<QLineEdit>(dialog, u"calendlyToken"_s);
    QVERIFY(!token->isVisible());
    child<QAbstractButton>(dialog, u"calendlyUseToken"_s)->click();
    QVERIFY(token->isVisible());
    child<QAbstractButton>(dialog, u"calendlyUseToken"_s)->click();
    QVERIFY(!token->isVisible());
    test::saveScreenshot(dialog, u"connect-calendly-signin"_s);

    signIn->click();
    QTRY_COMPARE_WITH_TIMEOUT(browser.opened.size(), 1, WAIT_MS);
    const QUrl authorize = browser.opened.first();
    QCOMPARE(queryValue(authorize, u"client_id"_s), CLIENT_ID);

    // The consent page says yes, and the browser follows the redirect to Deskbell's loopback.
    const QString code = m_calendly->authorize(
        queryValue(authorize, u"client_id"_s), queryValue(authorize, u"redirect_uri"_s),
        queryValue(authorize, u"code_challenge"_s), queryValue(authorize, u"code_challenge_method"_s));
    QUrl redirect(queryValue(authorize, u"redirect_uri"_s));
    QUrlQuery query;
    query.addQueryItem(u"code"_s, code);
    query.addQueryItem(u"state"_s,
                       QString::fromLatin1(QUrl::toPercentEncoding(queryValue(authorize, u"state"_s))));
    redirect.setQuery(query);
    QNetworkAccessManager nam;
    QNetworkRequest request(redirect);
    request.setTransferTimeout(WAIT_MS);
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), WAIT_MS);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

    auto *result = child<QLabel>(dialog, u"calendlySignInResult"_s);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Signed in"_s), WAIT_MS);
    QTRY_VERIFY_WITH_TIMEOUT(secretEquals(secret::CALENDLY_TOKEN, m_calendly->lastIssued().accessToken),
                             WAIT_MS);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(dialog, u"calendlyStatus"_s)->text().contains(u"Dr. Lee"_s),
                             WAIT_MS);
}

void TestConnectDialog::closingTheDialogForgetsTypedSecrets()
{
    startFixture();
    ConnectDialog dialog(m_fixture->host(), status(), ConnectDialog::Page::EngageLab);
    dialog.show();
    child<QLineEdit>(dialog, u"calendlyToken"_s)->setText(u"typed-token"_s);
    child<QLineEdit>(dialog, u"engageLabKey"_s)->setText(u"typed-key"_s);
    child<QLineEdit>(dialog, u"engageLabSecret"_s)->setText(u"typed-secret"_s);
    dialog.reject();
    for (const QString &name : {u"calendlyToken"_s, u"engageLabKey"_s, u"engageLabSecret"_s}) {
        QVERIFY2(child<QLineEdit>(dialog, name)->text().isEmpty(), qPrintable(name));
    }
    QCOMPARE(secretWrites(), 0);
}

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
