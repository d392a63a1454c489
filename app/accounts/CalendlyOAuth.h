#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTcpServer;
class QTcpSocket;
class QTimer;

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
        QString redirectPath = QStringLiteral("/callback"); // redirect_uri = http://127.0.0.1:<port><path>
    };

    struct Tokens
    {
        QByteArray accessToken;
        QByteArray refreshToken;
        QDateTime expiresUtc; // from expires_in
        QString owner;        // the "owner" URI Calendly returns, when present
        QString organization; // the "organization" URI Calendly returns, when present
    };

    static constexpr qint64 MAX_RESPONSE_BYTES = 64 * 1024; // a token answer is a few hundred bytes
    static constexpr qint64 MAX_REDIRECT_BYTES = 16 * 1024; // the browser's request line and headers

    CalendlyOAuth(QNetworkAccessManager &network, const Clock &clock, Config config,
                  QObject *parent = nullptr);
    ~CalendlyOAuth() override;

    // Opens the loopback listener and emits authorizationUrlReady(url) for the browser; then, once
    // the browser comes back, signedIn(tokens) or failed(plain words). Calling it again cancels the
    // previous attempt. Every signal comes later, never from inside the call.
    void signIn();
    // Drops the sign-in in progress without a signal.
    void cancel();
    bool isSigningIn() const;
    // POST grant_type=refresh_token. refreshed(tokens) or failed(words, authProblem). Calendly's
    // refresh tokens are single-use: the caller must keep the new one from `tokens`.
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
    enum class Grant
    {
        AuthorizationCode,
        Refresh,
    };

    void onBrowserConnection(QTcpSocket *socket);
    void onBrowserRequest(QTcpSocket *socket, const QByteArray &head);
    void answerBrowser(QTcpSocket *socket, int status, const QString &message);
    void failSignIn(const QString &error, bool authProblem);
    void closeRedirect();
    void postToken(const QList<QPair<QString, QString>> &form, Grant grant);
    void onTokenReply(QNetworkReply *reply, Grant grant, bool oversized);

    QNetworkAccessManager &m_network;
    const Clock &m_clock;
    Config m_config;
    std::unique_ptr<QTcpServer> m_redirectServer;
    QTimer *m_browserTimer = nullptr;
    QByteArray m_verifier;
    QByteArray m_state;
    QString m_redirectUri;
    QPointer<QNetworkReply> m_exchange;         // the sign-in's code exchange
    QList<QPointer<QNetworkReply>> m_refreshes; // refreshes in flight
};

} // namespace deskbell

Q_DECLARE_METATYPE(deskbell::CalendlyOAuth::Tokens)
