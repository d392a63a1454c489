#include "accounts/CalendlyOAuth.h"

#include "domain/Clock.h"
#include "net/ReplySizeLimit.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <array>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcOAuth, "deskbell.accounts")

constexpr int BROWSER_SOCKET_TIMEOUT_MS = 10000; // a connection that never sends its request
constexpr int DEFAULT_TIMEOUT_MS = 15000;

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes;
}

// An OAuth error code from the redirect, made safe to show and log: RFC 6749 codes are lower-case
// letters and underscores.
QString safeCode(const QString &code)
{
    QString safe;
    for (const QChar c : code.left(40)) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_') {
            safe.append(c);
        }
    }
    return safe.isEmpty() ? u"unknown"_s : safe;
}

bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size()) {
        return false;
    }
    char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        difference |= char(a.at(i) ^ b.at(i));
    }
    return difference == 0;
}

} // namespace

CalendlyOAuth::CalendlyOAuth(QNetworkAccessManager &network, const Clock &clock, Config config,
                             QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock)
    , m_config(std::move(config))
{
    qRegisterMetaType<deskbell::CalendlyOAuth::Tokens>();
}

CalendlyOAuth::~CalendlyOAuth()
{
    // No signal may leave a dying object: replies are cut off silently.
    QList<QPointer<QNetworkReply>> replies = m_refreshes;
    replies.append(m_exchange);
    for (const QPointer<QNetworkReply> &reply : std::as_const(replies)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
}

QByteArray CalendlyOAuth::makeVerifier()
{
    // 32 random octets, base64url: 43 characters from the unreserved set (RFC 7636 section 4.1).
    return base64Url(randomBytes(32));
}

QByteArray CalendlyOAuth::challengeFor(const QByteArray &verifier)
{
    return base64Url(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256));
}

bool CalendlyOAuth::isSigningIn() const
{
    return m_redirectServer != nullptr || !m_exchange.isNull();
}

void CalendlyOAuth::signIn()
{
    cancel();
    if (m_config.clientId.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            emit failed(tr("Sign in with Calendly is not set up in this copy of Deskbell (no app id). Use a "
                           "personal access token instead."),
                        false);
        });
        return;
    }
    m_redirectServer = std::make_unique<QTcpServer>();
    if (!m_redirectServer->listen(QHostAddress::LocalHost, 0)) {
        const QString why = m_redirectServer->errorString();
        m_redirectServer.reset();
        qCWarning(lcOAuth).noquote() << "cannot open the sign-in redirect listener:" << why;
        QTimer::singleShot(0, this, [this, why] {
            emit failed(
                tr("Deskbell could not prepare the sign-in on this computer (%1). Try again.").arg(why),
                false);
        });
        return;
    }
    QTcpServer *server = m_redirectServer.get();
    connect(server, &QTcpServer::newConnection, this, [this, server] {
        while (QTcpSocket *socket = server->nextPendingConnection()) {
            onBrowserConnection(socket);
        }
    });

    m_verifier = makeVerifier();
    m_state = base64Url(randomBytes(16));
    m_redirectUri = u"http://127.0.0.1:%1%2"_s.arg(server->serverPort()).arg(m_config.redirectPath);

    m_browserTimer = new QTimer(this);
    m_browserTimer->setSingleShot(true);
    connect(m_browserTimer, &QTimer::timeout, this, [this] {
        failSignIn(
            tr("Deskbell stopped waiting for the Calendly sign-in in the browser after %1 minutes. Start "
               "the sign-in again when you are ready.")
                .arg(qMax(1, m_config.waitForBrowserSecs / 60)),
            false);
    });
    m_browserTimer->start(qMax(1, m_config.waitForBrowserSecs) * 1000);

    QUrlQuery query;
    const auto add = [&query](const QString &key, const QString &value) {
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(u"client_id"_s, m_config.clientId);
    add(u"response_type"_s, u"code"_s);
    add(u"redirect_uri"_s, m_redirectUri);
    add(u"code_challenge_method"_s, u"S256"_s);
    add(u"code_challenge"_s, QString::fromLatin1(challengeFor(m_verifier)));
    add(u"state"_s, QString::fromLatin1(m_state));
    QUrl url = m_config.authorizeUrl;
    url.setQuery(query);
    qCInfo(lcOAuth) << "sign-in started; waiting for the browser on port" << server->serverPort();
    QTimer::singleShot(0, this, [this, url] { emit authorizationUrlReady(url); });
}

void CalendlyOAuth::cancel()
{
    closeRedirect();
    if (QNetworkReply *reply = m_exchange.data()) {
        m_exchange.clear();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_verifier.clear();
    m_state.clear();
}

void CalendlyOAuth::closeRedirect()
{
    if (m_browserTimer) {
        m_browserTimer->stop();
        m_browserTimer->deleteLater();
        m_browserTimer = nullptr;
    }
    if (m_redirectServer) {
        m_redirectServer->close();
        // Later: this may run inside one of its sockets' signals. Unanswered sockets go with it.
        QTcpServer *server = m_redirectServer.release();
        server->disconnect(this);
        server->deleteLater();
    }
}

void CalendlyOAuth::failSignIn(const QString &error, bool authProblem)
{
    cancel();
    qCWarning(lcOAuth).noquote() << "sign-in failed:" << error;
    emit failed(error, authProblem);
}

void CalendlyOAuth::onBrowserConnection(QTcpSocket *socket)
{
    auto buffer = std::make_shared<QByteArray>();
    // A browser may open connections it never uses (preconnect): each gets a deadline of its own.
    QTimer::singleShot(BROWSER_SOCKET_TIMEOUT_MS, socket, [socket] { socket->abort(); });
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
        buffer->append(socket->readAll());
        const qsizetype end = buffer->indexOf("\r\n\r\n");
        if (end < 0) {
            if (buffer->size() > MAX_REDIRECT_BYTES) {
                answerBrowser(socket, 431, tr("This request was too large."));
            }
            return;
        }
        socket->disconnect(this);
        onBrowserRequest(socket, buffer->left(end));
    });
}

void CalendlyOAuth::onBrowserRequest(QTcpSocket *socket, const QByteArray &head)
{
    const QByteArray requestLine = head.left(head.indexOf("\r\n") < 0 ? head.size() : head.indexOf("\r\n"));
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/")) {
        answerBrowser(socket, 400, tr("This request was not understood."));
        return;
    }
    if (parts.at(0) != "GET") {
        answerBrowser(socket, 405, tr("This request was not understood."));
        return;
    }
    const QUrl target = QUrl::fromEncoded(parts.at(1));
    if (target.path() != m_config.redirectPath) {
        // favicon.ico and the like: not the redirect, keep waiting for it.
        answerBrowser(socket, 404, tr("Nothing here."));
        return;
    }

    const QUrlQuery query(target);
    const QString code = query.queryItemValue(u"code"_s, QUrl::FullyDecoded);
    const QString state = query.queryItemValue(u"state"_s, QUrl::FullyDecoded);
    const QString error = query.queryItemValue(u"error"_s, QUrl::FullyDecoded);
    const QString closeWords =
        tr("The sign-in did not complete. You can close this window and return to Deskbell.");

    if (!sameBytes(state.toUtf8(), m_state)) {
        answerBrowser(socket, 400, closeWords);
        failSignIn(
            tr("The answer from the browser did not belong to this sign-in, so Deskbell ignored it for "
               "safety. Start the sign-in again."),
            false);
        return;
    }
    if (error == u"access_denied"_s) {
        answerBrowser(socket, 200, closeWords);
        failSignIn(
            tr("The sign-in was cancelled in the browser, so Deskbell may not use this Calendly account. "
               "Start the sign-in again and choose to allow access."),
            true);
        return;
    }
    if (!error.isEmpty()) {
        answerBrowser(socket, 200, closeWords);
        failSignIn(tr("Calendly could not complete the sign-in (%1). Try again.").arg(safeCode(error)),
                   false);
        return;
    }
    if (code.isEmpty()) {
        answerBrowser(socket, 400, closeWords);
        failSignIn(tr("The browser came back from Calendly without a sign-in code. Start the sign-in again."),
                   false);
        return;
    }

    answerBrowser(socket, 200,
                  tr("Calendly sign-in received. You can close this window and return to Deskbell."));
    const QByteArray verifier = m_verifier;
    closeRedirect();
    qCInfo(lcOAuth) << "browser came back; exchanging the code";
    postToken({{u"grant_type"_s, u"authorization_code"_s},
               {u"code"_s, code},
               {u"redirect_uri"_s, m_redirectUri},
               {u"client_id"_s, m_config.clientId},
               {u"code_verifier"_s, QString::fromLatin1(verifier)}},
              Grant::AuthorizationCode);
}

void CalendlyOAuth::answerBrowser(QTcpSocket *socket, int status, const QString &message)
{
    static const std::array<std::pair<int, const char *>, 6> reasons{
        {{200, "OK"},
         {400, "Bad Request"},
         {404, "Not Found"},
         {405, "Method Not Allowed"},
         {431, "Request Header Fields Too Large"},
         {500, "Internal Server Error"}}};
    QByteArray reason = "Error";
    for (const auto &[code, text] : reasons) {
        if (code == status) {
            reason = text;
        }
    }
    const QByteArray page =
        (u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Deskbell</title></head>"
         u"<body style=\"font-family:sans-serif;margin:3em\"><h1>Deskbell</h1><p>%1</p>"
         u"</body></html>"_s.arg(message.toHtmlEscaped()))
            .toUtf8();
    QByteArray answer = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    answer += "Content-Type: text/html; charset=utf-8\r\n";
    answer += "Content-Length: " + QByteArray::number(page.size()) + "\r\n";
    answer += "Cache-Control: no-store\r\n";
    answer += "Connection: close\r\n\r\n";
    answer += page;
    // The socket outlives the listener (which may close right after this) until the page is out.
    socket->disconnect(this);
    socket->setParent(this);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->write(answer);
    socket->disconnectFromHost();
}

void CalendlyOAuth::refresh(const QByteArray &refreshToken)
{
    const QByteArray token = refreshToken.trimmed();
    if (token.isEmpty() || m_config.clientId.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            emit failed(tr("There is no Calendly sign-in to renew. Sign in with Calendly again."), true);
        });
        return;
    }
    postToken({{u"grant_type"_s, u"refresh_token"_s},
               {u"refresh_token"_s, QString::fromUtf8(token)},
               {u"client_id"_s, m_config.clientId}},
              Grant::Refresh);
}

void CalendlyOAuth::postToken(const QList<QPair<QString, QString>> &form, Grant grant)
{
    // Every value percent-encoded in full: a '+' left alone would reach the server as a space.
    QByteArray body;
    for (const auto &[key, value] : form) {
        if (!body.isEmpty()) {
            body += '&';
        }
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    QNetworkRequest request(m_config.tokenUrl);
    request.setTransferTimeout(m_config.timeoutMs > 0 ? m_config.timeoutMs : DEFAULT_TIMEOUT_MS);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = m_network.post(request, body);
    if (grant == Grant::AuthorizationCode) {
        m_exchange = reply;
    } else {
        m_refreshes.append(reply);
    }
    const auto oversized = abortWhenReplyExceeds(reply, MAX_RESPONSE_BYTES, this);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, grant, oversized] { onTokenReply(reply, grant, *oversized); });
}

void CalendlyOAuth::onTokenReply(QNetworkReply *reply, Grant grant, bool oversized)
{
    reply->disconnect(this);
    reply->deleteLater();
    if (grant == Grant::AuthorizationCode) {
        if (m_exchange != reply) {
            return; // a cancelled sign-in
        }
        m_exchange.clear();
        m_verifier.clear();
        m_state.clear();
    } else {
        m_refreshes.removeAll(QPointer<QNetworkReply>(reply));
    }
    const bool refreshing = grant == Grant::Refresh;
    const auto fail = [this, refreshing](const QString &error, bool authProblem, const QString &logDetail) {
        qCWarning(lcOAuth).noquote() << (refreshing ? "token refresh failed:" : "code exchange failed:")
                                     << logDetail;
        emit failed(error, authProblem);
    };

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (oversized) {
        fail(tr("Calendly's sign-in service sent an answer far larger than expected. Try again later."),
             false, u"answer over %1 bytes"_s.arg(MAX_RESPONSE_BYTES));
        return;
    }
    if (status == 0) {
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                              reply->error() == QNetworkReply::TimeoutError;
        const int secs = qMax(1, (m_config.timeoutMs > 0 ? m_config.timeoutMs : DEFAULT_TIMEOUT_MS) / 1000);
        fail(timedOut
                 ? tr("Calendly's sign-in service did not answer within %1 seconds. Check the internet "
                      "connection and try again.")
                       .arg(secs)
                 : tr("Deskbell could not reach Calendly's sign-in service. Check the internet connection "
                      "and try again."),
             false, reply->errorString());
        return;
    }

    const QByteArray body = reply->read(MAX_RESPONSE_BYTES + 1);
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    if (status >= 200 && status < 300) {
        Tokens tokens;
        tokens.accessToken = json.value(u"access_token"_s).toString().toUtf8();
        tokens.refreshToken = json.value(u"refresh_token"_s).toString().toUtf8();
        tokens.owner = json.value(u"owner"_s).toString();
        tokens.organization = json.value(u"organization"_s).toString();
        const qint64 expiresIn = json.value(u"expires_in"_s).toInteger();
        if (expiresIn > 0) {
            tokens.expiresUtc = m_clock.nowUtc().addSecs(expiresIn);
        }
        const QString type = json.value(u"token_type"_s).toString();
        if (tokens.accessToken.isEmpty() ||
            (!type.isEmpty() && type.compare(u"bearer"_s, Qt::CaseInsensitive) != 0)) {
            fail(tr("Calendly's sign-in service sent an answer Deskbell cannot use. Try again later."), false,
                 u"HTTP %1 without a bearer access_token"_s.arg(status));
            return;
        }
        qCInfo(lcOAuth) << (refreshing ? "Calendly sign-in renewed" : "signed in to Calendly");
        if (refreshing) {
            emit refreshed(tokens);
        } else {
            emit signedIn(tokens);
        }
        return;
    }

    // RFC 6749 section 5.2: {"error": "...", "error_description": "..."}; only the code decides.
    const QString error = json.value(u"error"_s).toString();
    const QString logDetail = u"HTTP %1 %2: %3"_s.arg(
        QString::number(status), safeCode(error), json.value(u"error_description"_s).toString().left(200));
    if (error == u"invalid_client"_s || error == u"unauthorized_client"_s) {
        fail(tr("Calendly does not recognise Deskbell's app id for signing in. Check the Calendly sign-in "
                "settings, or use a personal access token instead."),
             false, logDetail);
        return;
    }
    if (error == u"invalid_grant"_s || status == 401) {
        fail(refreshing
                 ? tr("Calendly no longer accepts the saved sign-in. Sign in with Calendly again.")
                 : tr("Calendly refused the sign-in (it may have taken too long, or been used already). "
                      "Start the sign-in again."),
             true, logDetail);
        return;
    }
    if (status >= 500) {
        fail(tr("Calendly's sign-in service has a problem on its side right now (error %1). Try again in a "
                "few "
                "minutes.")
                 .arg(status),
             false, logDetail);
        return;
    }
    fail(tr("Calendly's sign-in service refused the request (error %1). Try again, or use a personal access "
            "token instead.")
             .arg(status),
         false, logDetail);
}

} // namespace deskbell
