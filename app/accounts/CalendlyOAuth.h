#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QTcpServer;

namespace deskbell {

class Clock;

// "Sign in with Calendly": OAuth 2.0 authorization code with PKCE (RFC 7636, S256) and a loopback
// redirect (RFC 8252 section 7.3), for a public client that has no secret. The redirect lands on a
// one-shot listener on 127.0.0.1 at a random port; `state` is checked; the code is exchanged at the
// token endpoint; refresh() swaps a refresh token for a new access token. Tokens are handed to the
// caller (who keeps them in the keychain) and never logged.
class CalendlyOAuth : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        QString clientId;
        QUrl authorizeUrl{QStringLiteral("https://auth.calendly.com/oauth/authorize")};
        QUrl tokenUrl{QStringLiteral("https://auth.calendly.com/oauth/token")};
        int timeoutMs = 15000;
        int waitForBrowserSecs = 300; // how long the loopback listener waits for the redirect
    };

    struct Tokens
    {
        QByteArray accessToken;
        QByteArray refreshToken;
        QDateTime expiresUtc; // from expires_in
        QString owner;        // the "owner" URI Calendly returns, when present
    };

    CalendlyOAuth(QNetworkAccessManager &network, const Clock &clock, Config config,
                  QObject *parent = nullptr);
    ~CalendlyOAuth() override;

    // Opens the loopback listener and emits authorizationUrlReady(url) for the browser; then, once
    // the browser comes back, signedIn(tokens) or failed(plain words). Calling it again cancels the
    // previous attempt.
    void signIn();
    void cancel();
    // POST grant_type=refresh_token. refreshed(tokens) or failed(words, authProblem).
    void refresh(const QByteArray &refreshToken);

    // PKCE helpers, public for tests: a 43..128 char verifier from the RFC's unreserved set, and
    // BASE64URL(SHA256(verifier)) without padding.
    static QByteArray makeVerifier();
    static QByteArray challengeFor(const QByteArray &verifier);

signals:
    void authorizationUrlReady(const QUrl &url);
    void signedIn(const deskbell::CalendlyOAuth::Tokens &tokens);
    void refreshed(const deskbell::CalendlyOAuth::Tokens &tokens);
    // authProblem: the grant or refresh token was refused (sign in again), not a network hiccup.
    void failed(const QString &error, bool authProblem);

private:
    QNetworkAccessManager &m_network;
    const Clock &m_clock;
    Config m_config;
    std::unique_ptr<QTcpServer> m_redirectServer;
    QByteArray m_verifier;
    QByteArray m_state;
};

} // namespace deskbell
