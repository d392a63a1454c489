#include "server/WebhookListener.h"

#include "calendly/WebhookSignature.h"
#include "domain/Clock.h"
#include "domain/Rules.h"
#include "engine/BookingProcessor.h"
#include "server/GuardedTcpServer.h"
#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/Store.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QThread>

#include <exception>
#include <memory>

namespace deskbell {

Q_LOGGING_CATEGORY(lcServer, "deskbell.server")

using namespace Qt::StringLiterals;

namespace {

using Status = QHttpServerResponder::StatusCode;

const QString CALENDLY_PATH = u"/webhooks/calendly"_s;
const QString ENGAGELAB_PATH = u"/webhooks/engagelab"_s;
const QString HEALTH_PATH = u"/healthz"_s;

bool isBookingEvent(const QString &event)
{
    return event == u"invitee.created"_s || event == u"invitee.canceled"_s ||
           event == u"invitee_no_show.created"_s || event == u"invitee_no_show.deleted"_s;
}

QString methodName(QHttpServerRequest::Method method)
{
    const char *key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    return key ? QString::fromLatin1(key).toUpper() : u"?"_s;
}

QHttpServerResponse jsonError(const QString &reason, Status status)
{
    return QHttpServerResponse(QJsonObject{{u"error"_s, reason}}, status);
}

QHttpServerResponse methodNotAllowed(const QByteArray &allow)
{
    QHttpServerResponse response = jsonError(u"method not allowed"_s, Status::MethodNotAllowed);
    response.setHeader("Allow", allow);
    return response;
}

// Loads PEM files into a server-side TLS configuration; false with *error when either is unusable.
bool loadTls(const QString &certPath, const QString &keyPath, QSslConfiguration *out, QString *error)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certPath, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = u"no PEM certificate in %1"_s.arg(certPath);
        return false;
    }
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = u"cannot read TLS key %1: %2"_s.arg(keyPath, keyFile.errorString());
        return false;
    }
    const QByteArray pem = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull()) {
            break;
        }
    }
    if (key.isNull()) {
        *error = u"no RSA or EC private key (PEM, unencrypted) in %1"_s.arg(keyPath);
        return false;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    *out = configuration;
    return true;
}

std::atomic<int> g_instance{0};

} // namespace

// Everything that lives on the listener thread. Member order is destruction order reversed: the HTTP
// server (and its sockets) go first, the database connection last.
struct WebhookListener::Worker
{
    Worker(WebhookListener *owner, const Config &config, const Clock &clock)
        : owner(owner)
        , config(config)
        , clock(clock)
        , db(u"deskbell-listener-%1"_s.arg(++g_instance))
    {}

    bool start(QString *error);
    QHttpServerResponse calendly(const QHttpServerRequest &request);
    QHttpServerResponse engageLab(const QHttpServerRequest &request);
    QHttpServerResponse health(const QHttpServerRequest &request);

    // Runs a handler and writes the one log line per request: never bodies, never header values.
    template <typename Handler> auto logged(Handler handler)
    {
        return [this, handler](const QHttpServerRequest &request) -> QHttpServerResponse {
            QElapsedTimer timer;
            timer.start();
            QHttpServerResponse response = (this->*handler)(request);
            logRequest(request, int(response.statusCode()), timer.elapsed());
            return response;
        };
    }
    static void logRequest(const QHttpServerRequest &request, int status, qint64 ms)
    {
        qCInfo(lcServer).noquote() << u"%1 %2 %3 %4 ms"_s
                                          .arg(methodName(request.method()), request.url().path().left(200))
                                          .arg(status)
                                          .arg(ms);
    }

    WebhookListener *owner;
    const Config &config;
    const Clock &clock;
    Database db;
    std::unique_ptr<Store> store;
    std::unique_ptr<BookingProcessor> processor;
    std::unique_ptr<ReceiptHandler> receipts;
    std::unique_ptr<QHttpServer> http;
    GuardedTcpServer *tcp = nullptr; // child of http
};

bool WebhookListener::Worker::start(QString *error)
{
    Database::Location location = config.database;
    if (!config.databasePath.isEmpty()) {
        location = {};
        location.driver = Database::Location::Driver::Sqlite;
        location.path = config.databasePath;
        location.url = u"sqlite:"_s + config.databasePath;
    }
    const bool hasDatabase = location.driver == Database::Location::Driver::Postgres
                                 ? !location.database.isEmpty()
                                 : !location.path.isEmpty();
    if (!hasDatabase) {
        *error = u"the webhook listener has no database"_s;
        return false;
    }
    try {
        db.open(location);
    } catch (const StorageError &e) {
        *error = u"cannot open the database for the webhook listener: %1"_s.arg(e.message());
        return false;
    }
    store = std::make_unique<Store>(db, clock);
    // Only record() is used here; rules matter to process(), which runs on the engine thread.
    processor = std::make_unique<BookingProcessor>(db, *store, clock, RuleSet());
    receipts = std::make_unique<ReceiptHandler>(db, *store, clock, config.receipts);

    GuardedTcpServer::Limits limits;
    limits.maxBodyBytes = config.maxBodyBytes;
    limits.idleTimeoutMs = config.idleTimeoutMs;
    limits.maxConnections = config.maxConnections;
    http = std::make_unique<QHttpServer>();
    tcp = new GuardedTcpServer(limits, http.get());
    QObject::connect(tcp, &GuardedTcpServer::connectionRefused, tcp, [](const QString &reason) {
        qCWarning(lcServer).noquote() << u"connection closed: %1"_s.arg(reason);
    });
    if (!config.tlsCertPath.isEmpty() || !config.tlsKeyPath.isEmpty()) {
        if (config.tlsCertPath.isEmpty() || config.tlsKeyPath.isEmpty()) {
            *error = u"HTTPS needs both a certificate and a key file"_s;
            return false;
        }
        QSslConfiguration ssl;
        if (!loadTls(config.tlsCertPath, config.tlsKeyPath, &ssl, error)) {
            return false;
        }
        tcp->setSslConfiguration(ssl);
    }

    // Routes take every method and check it themselves: QHttpServer 6.4 answers a wrong method with 404,
    // which would send Calendly's retries and an operator's curl the wrong way.
    http->route(CALENDLY_PATH, logged(&Worker::calendly));
    http->route(ENGAGELAB_PATH, logged(&Worker::engageLab));
    http->route(HEALTH_PATH, logged(&Worker::health));
    http->setMissingHandler([](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        QElapsedTimer timer;
        timer.start();
        responder.write(QJsonDocument(QJsonObject{{u"error"_s, u"not found"_s}}), Status::NotFound);
        logRequest(request, int(Status::NotFound), timer.elapsed());
    });

    if (!tcp->listen(config.address, config.port)) {
        const QString where = u"%1:%2"_s.arg(config.address.toString()).arg(config.port);
        *error = tcp->serverError() == QAbstractSocket::AddressInUseError
                     ? u"cannot listen on %1: port %2 is in use"_s.arg(where).arg(config.port)
                     : u"cannot listen on %1: %2"_s.arg(where, tcp->errorString());
        return false;
    }
    http->bind(tcp);
    return true;
}

QHttpServerResponse WebhookListener::Worker::calendly(const QHttpServerRequest &request)
{
    if (request.method() != QHttpServerRequest::Method::Post) {
        return methodNotAllowed("POST");
    }
    const QByteArray body = request.body();
    if (body.size() > config.maxBodyBytes) {
        // The guarded server cuts these off first; this covers framings it cannot see through.
        return jsonError(u"body larger than %1 bytes"_s.arg(config.maxBodyBytes), Status::PayloadTooLarge);
    }
    if (!config.calendlySigningKey.isEmpty()) {
        const SignatureCheck check = verifyCalendlySignature(
            request.value("Calendly-Webhook-Signature"), body, config.calendlySigningKey,
            clock.nowUtc().toSecsSinceEpoch(), config.signatureToleranceSecs);
        if (!check.ok) {
            qCWarning(lcServer).noquote() << u"Calendly webhook refused: %1"_s.arg(check.reason);
            return jsonError(check.reason, Status::Unauthorized);
        }
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return jsonError(
            u"body is not JSON: %1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset),
            Status::BadRequest);
    }
    if (!document.isObject()) {
        return jsonError(u"body is not a JSON object"_s, Status::BadRequest);
    }
    const QJsonValue event = document.object().value(u"event"_s);
    if (!event.isString()) {
        return jsonError(u"body has no string \"event\""_s, Status::BadRequest);
    }
    const QString eventName = event.toString();
    if (!isBookingEvent(eventName)) {
        // 200, or Calendly would retry for a day an event we will never use.
        return QHttpServerResponse(QJsonObject{{u"ignored"_s, eventName}}, Status::Ok);
    }
    qint64 id = 0;
    try {
        id = processor->record(body, u"webhook"_s);
    } catch (const StorageError &e) {
        // 503 so Calendly retries: nothing was kept. (Never 410: that deletes the subscription.)
        qCCritical(lcServer).noquote() << u"Calendly event not stored: %1"_s.arg(e.message());
        return jsonError(u"could not store the event; try again"_s, Status::ServiceUnavailable);
    } catch (const std::exception &e) {
        qCCritical(lcServer).noquote() << u"Calendly event not stored: %1"_s.arg(QString::fromUtf8(e.what()));
        return jsonError(u"could not store the event; try again"_s, Status::ServiceUnavailable);
    }
    emit owner->eventRecorded(id);
    return QHttpServerResponse(QJsonObject{{u"received"_s, id}}, Status::Ok);
}

QHttpServerResponse WebhookListener::Worker::engageLab(const QHttpServerRequest &request)
{
    if (request.method() != QHttpServerRequest::Method::Post) {
        return methodNotAllowed("POST");
    }
    const QByteArray body = request.body();
    if (body.size() > config.maxBodyBytes) {
        return jsonError(u"body larger than %1 bytes"_s.arg(config.maxBodyBytes), Status::PayloadTooLarge);
    }
    const ReceiptHandler::Response result = receipts->handle(body, request.value("X-CALLBACK-ID"));
    if (!result.updated.isEmpty()) {
        emit owner->receiptsRecorded(result.updated);
    }
    // 410 from any route would make a sender give up for good; no handler means that.
    const int status = result.httpStatus == 410 ? 503 : result.httpStatus;
    QJsonObject answer{{u"detail"_s, result.detail}};
    if (status == 200) {
        answer.insert(u"updated"_s, int(result.updated.size()));
        answer.insert(u"unmatched"_s, result.unmatched);
    }
    return QHttpServerResponse(answer, static_cast<Status>(status));
}

QHttpServerResponse WebhookListener::Worker::health(const QHttpServerRequest &request)
{
    if (request.method() != QHttpServerRequest::Method::Get) {
        return methodNotAllowed("GET");
    }
    if (!owner->isReady()) {
        return QHttpServerResponse(QJsonObject{{u"status"_s, u"starting"_s}, {u"ready"_s, false}},
                                   Status::ServiceUnavailable);
    }
    return QHttpServerResponse(QJsonObject{{u"status"_s, u"ok"_s}, {u"ready"_s, true}}, Status::Ok);
}

WebhookListener::WebhookListener(Config config, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock)
{}

WebhookListener::~WebhookListener()
{
    stop();
}

bool WebhookListener::start(QString *error)
{
    if (m_thread) {
        return true;
    }
    if (m_config.calendlySigningKey.isEmpty()) {
        qCWarning(lcServer) << "Calendly webhook signatures are NOT checked: no signing key is set "
                               "(acceptable for development only)";
    }
    auto *thread = new QThread;
    thread->setObjectName(u"deskbell-listener"_s);
    auto *context = new QObject;
    context->moveToThread(thread);
    connect(thread, &QThread::finished, context, &QObject::deleteLater);
    thread->start();

    QString failure;
    Worker *worker = nullptr;
    quint16 port = 0;
    // Blocking: start() reports bind errors to its caller, and the worker is created on its own thread.
    QMetaObject::invokeMethod(
        context,
        [&] {
            auto candidate = std::make_unique<Worker>(this, m_config, m_clock);
            if (candidate->start(&failure)) {
                port = candidate->tcp->serverPort();
                worker = candidate.release();
            }
        },
        Qt::BlockingQueuedConnection);
    if (!worker) {
        thread->quit();
        thread->wait();
        delete thread;
        if (error) {
            *error = failure;
        }
        qCWarning(lcServer).noquote() << failure;
        return false;
    }
    m_thread = thread;
    m_context = context;
    m_worker = worker;
    m_port.store(port);
    qCInfo(lcServer).noquote() << u"listening on %1"_s.arg(baseUrl().toString());
    return true;
}

void WebhookListener::stop()
{
    if (!m_thread) {
        return;
    }
    // A blocking call into the listener thread from itself would deadlock.
    Q_ASSERT(QThread::currentThread() != m_thread);
    Worker *worker = m_worker;
    m_worker = nullptr;
    QMetaObject::invokeMethod(
        m_context, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_context = nullptr; // deleted by the thread's finished()
    m_port.store(0);
    qCInfo(lcServer) << "listener stopped";
}

QUrl WebhookListener::baseUrl() const
{
    QUrl url;
    url.setScheme(m_config.tlsCertPath.isEmpty() ? u"http"_s : u"https"_s);
    const bool any = m_config.address == QHostAddress::Any || m_config.address == QHostAddress::AnyIPv4 ||
                     m_config.address == QHostAddress::AnyIPv6;
    url.setHost(any ? u"127.0.0.1"_s : m_config.address.toString());
    url.setPort(port());
    return url;
}

int WebhookListener::openConnections() const
{
    // m_worker is set and cleared on the owner's thread only, outside the worker's lifetime.
    return m_worker ? m_worker->tcp->openConnections() : 0;
}

} // namespace deskbell
