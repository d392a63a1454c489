// "Sign in with Calendly" (OAuth 2.0 code flow with PKCE and a loopback redirect) against a loopback
// Calendly token endpoint that speaks the real wire format. The test plays the browser: it opens the
// authorization URL's consent step on the fake (a code bound to the code_challenge) and then follows
// the redirect to Deskbell's one-shot listener with code and state.

#include "accounts/CalendlyOAuth.h"
#include "support/FakeCalendly.h"
#include "support/FakeClock.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

#include <array>
#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;
using test::FakeCalendly;

namespace {

constexpr int WAIT_MS = 10000;
const QString CLIENT_ID = u"deskbell-desktop-test"_s;

struct BrowserAnswer
{
    int status = 0; // 0: nothing answered (nobody listening)
    QByteArray body;
};

// The browser following a redirect: one GET on a connection of its own.
BrowserAnswer browse(const QUrl &url)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setTransferTimeout(5000);
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished()) {
        finished.wait(WAIT_MS);
    }
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

QString value(const QUrl &url, const QString &key)
{
    return QUrlQuery(url).queryItemValue(key, QUrl::FullyDecoded);
}

QUrl redirectWith(const QUrl &authorizationUrl, const QList<QPair<QString, QString>> &items)
{
    QUrl redirect(value(authorizationUrl, u"redirect_uri"_s));
    QUrlQuery query;
    for (const auto &[key, text] : items) {
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(text)));
    }
    redirect.setQuery(query);
    return redirect;
}

QHash<QString, QString> formOf(const QByteArray &body)
{
    QHash<QString, QString> form;
    for (const QByteArray &pair : body.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        form.insert(QUrl::fromPercentEncoding(pair.left(eq)), QUrl::fromPercentEncoding(pair.mid(eq + 1)));
    }
    return form;
}

QStringList g_log;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_log.append(QString::fromLatin1(context.category ? context.category : "default") + u": "_s + message);
}

} // namespace

class TestCalendlyOAuth : public QObject
{
    Q_OBJECT

private:
    CalendlyOAuth::Config config() const
    {
        CalendlyOAuth::Config c;
        c.clientId = CLIENT_ID;
        c.authorizeUrl = m_fake->baseUrl().resolved(QUrl(u"/oauth/authorize"_s));
        c.tokenUrl = m_fake->baseUrl().resolved(QUrl(u"/oauth/token"_s));
        c.timeoutMs = 3000;
        c.waitForBrowserSecs = 60;
        return c;
    }

    // Starts a sign-in and returns the URL the browser would open.
    QUrl start(CalendlyOAuth &oauth)
    {
        QSignalSpy ready(&oauth, &CalendlyOAuth::authorizationUrlReady);
        oauth.signIn();
        if (!ready.isEmpty() || !ready.wait(WAIT_MS)) {
            return {}; // synchronous or missing: both wrong
        }
        return ready.first().first().toUrl();
    }

    // The consent page saying yes: a code bound to the URL's own challenge.
    QString consent(const QUrl &authorizationUrl)
    {
        return m_fake->authorize(value(authorizationUrl, u"client_id"_s),
                                 value(authorizationUrl, u"redirect_uri"_s),
                                 value(authorizationUrl, u"code_challenge"_s),
                                 value(authorizationUrl, u"code_challenge_method"_s));
    }

    int tokenRequests() const
    {
        int count = 0;
        for (const auto &request : m_fake->requests()) {
            count += request.pathOnly() == "/oauth/token" ? 1 : 0;
        }
        return count;
    }

    // A whole sign-in; the tokens it gave.
    CalendlyOAuth::Tokens signedIn(CalendlyOAuth &oauth)
    {
        const QUrl url = start(oauth);
        QSignalSpy done(&oauth, &CalendlyOAuth::signedIn);
        const BrowserAnswer answer =
            browse(redirectWith(url, {{u"code"_s, consent(url)}, {u"state"_s, value(url, u"state"_s)}}));
        if (answer.status != 200 || (done.isEmpty() && !done.wait(WAIT_MS))) {
            return {};
        }
        return done.first().first().value<CalendlyOAuth::Tokens>();
    }

    test::FakeClock m_clock;
    std::unique_ptr<FakeCalendly> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;

private slots:
    void initTestCase() { qRegisterMetaType<CalendlyOAuth::Tokens>(); }

    void init()
    {
        m_fake = std::make_unique<FakeCalendly>();
        QVERIFY(m_fake->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
    }

    void cleanup()
    {
        m_network.reset();
        m_fake.reset();
    }

    void challengeMatchesRfc7636AppendixB()
    {
        // RFC 7636 appendix B: these 32 octets, base64url-encoded, are the example verifier.
        const std::array<unsigned char, 32> rfcOctets{116, 24,  223, 180, 151, 153, 224, 37,  79,  250, 96,
                                                      125, 216, 173, 187, 186, 22,  212, 37,  77,  105, 214,
                                                      191, 240, 91,  88,  5,   88,  83,  132, 141, 121};
        QByteArray octets;
        for (const unsigned char octet : rfcOctets) {
            octets.append(char(octet));
        }
        const QByteArray verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        QCOMPARE(octets.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals), verifier);
        QCOMPARE(CalendlyOAuth::challengeFor(verifier),
                 QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void verifiersAreFreshAndWellFormed()
    {
        static const QRegularExpression unreserved(u"^[A-Za-z0-9\\-._~]{43,128}$"_s);
        QSet<QByteArray> seen;
        for (int i = 0; i < 50; ++i) {
            const QByteArray verifier = CalendlyOAuth::makeVerifier();
            QVERIFY2(unreserved.match(QString::fromLatin1(verifier)).hasMatch(), verifier.constData());
            seen.insert(verifier);
            QCOMPARE(CalendlyOAuth::challengeFor(verifier).size(), 43); // 32 bytes, base64url, no padding
        }
        QCOMPARE(seen.size(), 50);
    }

    void authorizationUrlCarriesPkceAndState()
    {
        CalendlyOAuth oauth(*m_network, m_clock, config());
        const QUrl url = start(oauth);
        QVERIFY(url.isValid());
        QCOMPARE(url.adjusted(QUrl::RemoveQuery), config().authorizeUrl);
        QCOMPARE(value(url, u"response_type"_s), u"code"_s);
        QCOMPARE(value(url, u"client_id"_s), CLIENT_ID);
        QCOMPARE(value(url, u"code_challenge_method"_s), u"S256"_s);
        QCOMPARE(value(url, u"code_challenge"_s).size(), 43);
        QVERIFY(value(url, u"state"_s).size() >= 16);
        const QUrl redirect(value(url, u"redirect_uri"_s));
        QCOMPARE(redirect.scheme(), u"http"_s);
        QCOMPARE(redirect.host(), u"127.0.0.1"_s); // loopback, not "localhost" (RFC 8252 section 8.3)
        QVERIFY(redirect.port() > 0);
        QCOMPARE(redirect.path(), u"/callback"_s);

        // Each attempt has its own secrets and its own listener.
        const QUrl again = start(oauth);
        QVERIFY(value(again, u"state"_s) != value(url, u"state"_s));
        QVERIFY(value(again, u"code_challenge"_s) != value(url, u"code_challenge"_s));
        QCOMPARE(browse(redirectWith(url, {{u"code"_s, u"x"_s}})).status, 0); // the first one is closed
    }

    void signInExchangesCodeForTokens()
    {
        CalendlyOAuth oauth(*m_network, m_clock, config());
        QSignalSpy failed(&oauth, &CalendlyOAuth::failed);
        QSignalSpy done(&oauth, &CalendlyOAuth::signedIn);
        const QUrl url = start(oauth);
        const QString code = consent(url);
        const BrowserAnswer answer =
            browse(redirectWith(url, {{u"code"_s, code}, {u"state"_s, value(url, u"state"_s)}}));
        QCOMPARE(answer.status, 200);
        QVERIFY2(answer.body.contains("You can close this window and return to Deskbell"),
                 answer.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, WAIT_MS);
        QCOMPARE(done.size(), 1);
        QCOMPARE(failed.size(), 0);

        const auto tokens = done.first().first().value<CalendlyOAuth::Tokens>();
        QCOMPARE(QString::fromUtf8(tokens.accessToken), m_fake->lastIssued().accessToken);
        QCOMPARE(QString::fromUtf8(tokens.refreshToken), m_fake->lastIssued().refreshToken);
        QCOMPARE(tokens.expiresUtc, m_clock.nowUtc().addSecs(7200));
        QCOMPARE(tokens.owner, m_fake->userUri());
        QCOMPARE(tokens.organization, m_fake->organizationUri());
        QVERIFY(m_fake->isAccessTokenAccepted(QString::fromUtf8(tokens.accessToken)));

        // What went over the wire: a form with the verifier that hashes to the URL's challenge.
        QCOMPARE(tokenRequests(), 1);
        const auto request = m_fake->requests().last();
        QCOMPARE(request.method, QByteArray("POST"));
        QVERIFY(request.authorization.isEmpty()); // a public client: no secret, no Basic auth
        const auto form = formOf(request.rawBody);
        QCOMPARE(form.value(u"grant_type"_s), u"authorization_code"_s);
        QCOMPARE(form.value(u"code"_s), code);
        QCOMPARE(form.value(u"client_id"_s), CLIENT_ID);
        QCOMPARE(form.value(u"redirect_uri"_s), value(url, u"redirect_uri"_s));
        QCOMPARE(QString::fromLatin1(CalendlyOAuth::challengeFor(form.value(u"code_verifier"_s).toLatin1())),
                 value(url, u"code_challenge"_s));
        QVERIFY(!oauth.isSigningIn());
    }

    void wrongVerifierIsAnAuthProblem()
    {
        CalendlyOAuth oauth(*m_network, m_clock, config());
        QSignalSpy failed(&oauth, &CalendlyOAuth::failed);
        QSignalSpy done(&oauth, &CalendlyOAuth::signedIn);
        const QUrl url = start(oauth);
        // A code issued for someone else's challenge (an intercepted code).
        const QString code =
            m_fake->authorize(CLIENT_ID, value(url, u"redirect_uri"_s),
                              QString::fromLatin1(CalendlyOAuth::challengeFor("another-verifier")));
        QCOMPARE(browse(redirectWith(url, {{u"code"_s, code}, {u"state"_s, value(url, u"state"_s)}})).status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, WAIT_MS);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).toBool(), true);
        QVERIFY2(failed.first().at(0).toString().contains(u"Start the sign-in again"_s),
                 qPrintable(failed.first().at(0).toString()));
        QCOMPARE(done.size(), 0);
    }

    void redirectProblemsFail_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("words");
        QTest::addColumn<bool>("authProblem");
        QTest::newRow("forged state") << u"state"_s << u"did not belong to this sign-in"_s << false;
        QTest::newRow("no state") << u"no-state"_s << u"did not belong to this sign-in"_s << false;
        QTest::newRow("access denied") << u"denied"_s << u"cancelled in the browser"_s << true;
        QTest::newRow("other error") << u"error"_s << u"could not complete the sign-in (server_error)"_s
                                     << false;
        QTest::newRow("no code") << u"no-code"_s << u"without a sign-in code"_s << false;
    }

    void redirectProblemsFail()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, words);
        QFETCH(bool, authProblem);
        CalendlyOAuth oauth(*m_network, m_clock, config());
        QSignalSpy failed(&oauth, &CalendlyOAuth::failed);
        QSignalSpy done(&oauth, &CalendlyOAuth::signedIn);
        const QUrl url = start(oauth);
        const QString state = value(url, u"state"_s);
        const QString code = consent(url);
        QList<QPair<QString, QString>> items;
        if (scenario == u"state"_s) {
            items = {{u"code"_s, code}, {u"state"_s, u"forged-by-another-page"_s}};
        } else if (scenario == u"no-state"_s) {
            items = {{u"code"_s, code}};
        } else if (scenario == u"denied"_s) {
            items = {{u"error"_s, u"access_denied"_s}, {u"state"_s, state}};
        } else if (scenario == u"error"_s) {
            items = {{u"error"_s, u"server_error"_s},
                     {u"error_description"_s, u"<b>oops</b>"_s},
                     {u"state"_s, state}};
        } else {
            items = {{u"state"_s, state}};
        }
        const BrowserAnswer answer = browse(redirectWith(url, items));
        QVERIFY(answer.status != 0);
        QVERIFY2(answer.body.contains("You can close this window and return to Deskbell"),
                 answer.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, WAIT_MS);
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().at(0).toString().contains(words),
                 qPrintable(failed.first().at(0).toString()));
        QCOMPARE(failed.first().at(1).toBool(), authProblem);
        QCOMPARE(done.size(), 0);
        QCOMPARE(tokenRequests(), 0); // nothing exchanged
        QVERIFY(!oauth.isSigningIn());
        // One shot: the listener is gone.
        QCOMPARE(browse(redirectWith(url, {{u"code"_s, code}, {u"state"_s, state}})).status, 0);
    }

    void otherPathsDoNotEndTheWait()
    {
        CalendlyOAuth oauth(*m_network, m_clock, config());
        QSignalSpy done(&oauth, &CalendlyOAuth::signedIn);
        QSignalSpy failed(&oauth, &CalendlyOAuth::failed);
        const QUrl url = start(oauth);
        QUrl favicon(value(url, u"redirect_uri"_s));
        favicon.setPath(u"/favicon.ico"_s);
        QCOMPARE(browse(favicon).status, 404);
        QCOMPARE(browse(redirectWith(url, {{u"code"_s, consent(url)}, {u"state"_s, value(url, u"state"_s)}}))
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, WAIT_MS);
        QCOMPARE(failed.size(), 0);
    }

    void browserThatNeverComesBackTimesOut()
    {
        CalendlyOAuth::Config c = config();
        c.waitForBrowserSecs = 1;
        CalendlyOAuth oauth(*m_network, m_clock, c);
        QSignalSpy failed(&oauth, &CalendlyOAuth::failed);
        const QUrl url = start(oauth);
        QVERIFY(failed.wait(WAIT_MS));
        QVERIFY2(failed.first().at(0).toString().contains(u"stopped waiting"_s),
                 qPrintable(failed.first().at(0).toString()));
        QCOMPARE(failed.first().at(1).toBool(), false);
        QCOMPARE(browse(redirectWith(url, {{u"code"_s, u"late"_s}})).status, 0);
    }

    void cancelClosesTheListenerSilently()
    {
        CalendlyOAuth oauth(*m_network, m_clock, config());
        QSignalSpy failed(&oauth, &CalendlyOAuth::failed);
        QSignalSpy done(&oauth, &CalendlyOAuth::signedIn);
        const QUrl url = start(oauth);
        QVERIFY(oauth.isSigningIn());
        oauth.cancel();
        QVERIFY(!oauth.isSigningIn());
        QCOMPARE(browse(redirectWith(url, {{u"code"_s, consent(url)}, {u"state"_s, value(url, u"state"_s)}}))
                     .status,
                 0);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(done.size(), 0);
    }

    void refreshRotatesTokens()
    {
        CalendlyOAuth oauth(*m_network, m_clock, config());
        const CalendlyOAuth::Tokens first = signedIn(oauth);
        QVERIFY(!first.refreshToken.isEmpty());

        QSignalSpy refreshed(&oauth, &CalendlyOAuth::refreshed);
        QSignalSpy failed(&oauth, &CalendlyOAuth::failed);
        m_clock.advanceMinutes(119);
        oauth.refresh(first.refreshToken);
        QCOMPARE(refreshed.size(), 0);
        QVERIFY(refreshed.wait(WAIT_MS));
        const auto second = refreshed.first().first().value<CalendlyOAuth::Tokens>();
        QCOMPARE(QString::fromUtf8(second.accessToken), m_fake->lastIssued().accessToken);
        QCOMPARE(QString::fromUtf8(second.refreshToken), m_fake->lastIssued().refreshToken);
        QVERIFY(second.accessToken != first.accessToken);
        QVERIFY(second.refreshToken != first.refreshToken);
        QCOMPARE(second.expiresUtc, m_clock.nowUtc().addSecs(7200));
        const auto form = formOf(m_fake->requests().last().rawBody);
        QCOMPARE(form.value(u"grant_type"_s), u"refresh_token"_s);
        QCOMPARE(form.value(u"client_id"_s), CLIENT_ID);
        QCOMPARE(form.value(u"refresh_token"_s).toUtf8(), first.refreshToken);

        // Single use: the old refresh token is spent.
        oauth.refresh(first.refreshToken);
        QVERIFY(failed.wait(WAIT_MS));
        QCOMPARE(failed.first().at(1).toBool(), true);
        QVERIFY2(failed.first().at(0).toString().contains(u"Sign in with Calendly again"_s),
                 qPrintable(failed.first().at(0).toString()));
        QCOMPARE(refreshed.size(), 1);
    }

    void tokenEndpointTroubleIsNotAnAuthProblem_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("words");
        QTest::newRow("no answer in time") << u"hang"_s << u"did not answer within 1 seconds"_s;
        QTest::newRow("connection refused") << u"refused"_s << u"could not reach"_s;
        QTest::newRow("server error") << u"500"_s << u"problem on its side"_s;
        QTest::newRow("oversized answer") << u"huge"_s << u"larger than expected"_s;
        QTest::newRow("answer without a token") << u"empty"_s << u"cannot use"_s;
    }

    void tokenEndpointTroubleIsNotAnAuthProblem()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, words);
        CalendlyOAuth::Config c = config();
        c.timeoutMs = 1000;
        FakeCalendly::Reply reply;
        if (scenario == u"hang"_s) {
            reply.hang = true;
        } else if (scenario == u"refused"_s) {
            QTcpServer probe; // a port the system handed out, closed again: nobody listens there
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            c.tokenUrl = QUrl(u"http://127.0.0.1:%1/oauth/token"_s.arg(probe.serverPort()));
            probe.close();
        } else if (scenario == u"500"_s) {
            reply.httpStatus = 500;
            reply.body = R"({"error":"server_error","error_description":"Something went wrong"})";
        } else if (scenario == u"huge"_s) {
            reply.body = QByteArray(CalendlyOAuth::MAX_RESPONSE_BYTES * 3, 'x');
        } else {
            reply.body = R"({"token_type":"Bearer","expires_in":7200})";
        }
        if (scenario != u"refused"_s) {
            m_fake->failNextOn("/oauth/token", reply);
        }
        CalendlyOAuth oauth(*m_network, m_clock, c);
        QSignalSpy failed(&oauth, &CalendlyOAuth::failed);
        QSignalSpy refreshed(&oauth, &CalendlyOAuth::refreshed);
        oauth.refresh("a-refresh-token");
        QVERIFY(failed.wait(WAIT_MS));
        QVERIFY2(failed.first().at(0).toString().contains(words),
                 qPrintable(failed.first().at(0).toString()));
        QCOMPARE(failed.first().at(1).toBool(), false);
        QCOMPARE(refreshed.size(), 0);
    }

    void tokensNeverReachTheLog()
    {
        g_log.clear();
        QLoggingCategory::setFilterRules(u"deskbell.*=true"_s);
        const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
        QStringList secrets;
        {
            CalendlyOAuth oauth(*m_network, m_clock, config());
            const auto tokens = signedIn(oauth);
            secrets << QString::fromUtf8(tokens.accessToken) << QString::fromUtf8(tokens.refreshToken);
            QSignalSpy refreshed(&oauth, &CalendlyOAuth::refreshed);
            oauth.refresh(tokens.refreshToken);
            QVERIFY(refreshed.wait(WAIT_MS));
            secrets << m_fake->lastIssued().accessToken << m_fake->lastIssued().refreshToken;
            QSignalSpy failed(&oauth, &CalendlyOAuth::failed);
            oauth.refresh(tokens.refreshToken); // spent: refused
            QVERIFY(failed.wait(WAIT_MS));
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(!g_log.isEmpty());
        for (const QString &line : std::as_const(g_log)) {
            for (const QString &secretText : std::as_const(secrets)) {
                QVERIFY(!secretText.isEmpty());
                QVERIFY2(!line.contains(secretText), qPrintable(line));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCalendlyOAuth)
#include "tst_calendlyoauth.moc"
