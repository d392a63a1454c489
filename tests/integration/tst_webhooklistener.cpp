// The embedded webhook listener over real loopback sockets and a real store (a SQLite file; on
// PostgreSQL as tst_webhooklistener_pg): what Calendly and EngageLab see (status codes, bodies) and
// what the guards do to clients that misbehave.

#include "calendly/WebhookSignature.h"
#include "server/WebhookListener.h"
#include "storage/Database.h"
#include "storage/Store.h"
#include "support/CalendlyBodies.h"
#include "support/FakeClock.h"
#include "support/TestDatabase.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

const QByteArray KEY = "test-signing-key";

struct HttpReply
{
    int status = 0; // 0: no HTTP answer
    QByteArray body;
    QByteArray allow;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// One request on a fresh QNetworkAccessManager, so no keep-alive connection outlives it (the listener
// in these tests closes idle connections after 300 ms).
HttpReply send(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setTransferTimeout(15000);
    if (url.scheme() == u"https"_s) {
        // The test's self-signed certificate: the point is that TLS is spoken, not who vouches for it.
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(ssl);
    }
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }
    std::unique_ptr<QNetworkReply> reply(nam.sendCustomRequest(request, method, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished()) {
        finished.wait(20000);
    }
    HttpReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.allow = reply->rawHeader("Allow");
    return result;
}

// Reads one HTTP answer (headers + Content-Length body) from a raw socket, or what came before it closed.
QByteArray readAnswer(QTcpSocket &socket, int timeoutMs = 5000)
{
    QByteArray data;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        data += socket.readAll();
        const qsizetype end = data.indexOf("\r\n\r\n");
        if (end >= 0) {
            const QByteArray head = data.left(end).toLower();
            const qsizetype at = head.indexOf("content-length:");
            const qint64 length =
                at < 0 ? 0 : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
            if (data.size() >= end + 4 + length) {
                return data;
            }
        }
        if (socket.state() == QAbstractSocket::UnconnectedState) {
            return data;
        }
        socket.waitForReadyRead(50);
    }
    return data;
}

int statusOf(const QByteArray &answer)
{
    // "HTTP/1.1 413 Payload Too Large"
    return answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0;
}

} // namespace

class TestWebhookListener : public QObject
{
    Q_OBJECT

private:
    WebhookListener::Config config() const
    {
        WebhookListener::Config c;
        c.address = QHostAddress::LocalHost;
        c.port = 0;
        c.idleTimeoutMs = 300;
        c.calendlySigningKey = KEY;
        c.database = m_location;
        return c;
    }

    QUrl url(const QString &path) const
    {
        QUrl u = m_listener->baseUrl();
        u.setPath(path);
        return u;
    }

    QByteArray bookingBody(const QString &event = u"invitee.created"_s, const QString &id = u"A"_s) const
    {
        test::BodyOptions options;
        options.event = event;
        options.id = id;
        options.startUtc = m_clock.nowUtc().addDays(2);
        return test::body(options);
    }

    QByteArray signatureNow(const QByteArray &body, qint64 offsetSecs = 0, const QByteArray &key = KEY) const
    {
        return signCalendlyBody(body, key, m_clock.nowUtc().toSecsSinceEpoch() + offsetSecs);
    }

    HttpReply postCalendly(const QByteArray &body, const QByteArray &signature)
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!signature.isNull()) {
            headers.append({"Calendly-Webhook-Signature", signature});
        }
        return send("POST", url(u"/webhooks/calendly"_s), body, headers);
    }

    // The test's own connection to the listener's database (the listener has migrated it by now).
    Store &reader()
    {
        if (!m_readerDb) {
            m_readerDb = std::make_unique<Database>(u"test-reader"_s);
            m_readerDb->open(m_location);
            m_reader = std::make_unique<Store>(*m_readerDb, m_clock);
        }
        return *m_reader;
    }

    test::FakeClock m_clock;
    test::TestDatabase m_database;
    Database::Location m_location;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WebhookListener> m_listener;
    std::unique_ptr<Database> m_readerDb;
    std::unique_ptr<Store> m_reader;
    QList<qint64> m_recorded; // eventRecorded, as received on the test's thread

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_location = m_database.fresh();
        QVERIFY2(m_database.isValid(), qPrintable(m_database.error()));
        m_recorded.clear();
        m_listener = std::make_unique<WebhookListener>(config(), m_clock);
        connect(m_listener.get(), &WebhookListener::eventRecorded, this,
                [this](qint64 id) { m_recorded.append(id); });
        QString error;
        QVERIFY2(m_listener->start(&error), qPrintable(error));
        QVERIFY(m_listener->port() != 0);
        m_listener->setReady(true);
    }

    void cleanup()
    {
        m_listener.reset();
        m_reader.reset();
        m_readerDb.reset();
        m_database.reset();
        m_dir.reset();
    }

    void recordsSignedBookingAsPending()
    {
        const QByteArray body = bookingBody();
        const HttpReply reply = postCalendly(body, signatureNow(body));
        QCOMPARE(reply.status, 200);
        const qint64 id = reply.json().value(u"received"_s).toInteger();
        QVERIFY(id > 0);
        QTRY_COMPARE(m_recorded, QList<qint64>{id});

        const auto events = reader().bookingEvents();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().id, id);
        QCOMPARE(events.first().body, body); // byte for byte: the signature covers these bytes
        QCOMPARE(events.first().outcome, u"pending"_s);
        QCOMPARE(events.first().source, u"webhook"_s);
        QCOMPARE(events.first().eventName, u"invitee.created"_s);
    }

    void refusesBadSignature_data()
    {
        QTest::addColumn<QByteArray>("signature"); // null: no header at all
        const QByteArray body = bookingBody();
        QTest::newRow("wrong key") << signatureNow(body, 0, "another-key");
        QTest::newRow("stale timestamp") << signatureNow(body, -181);
        QTest::newRow("timestamp from the future") << signatureNow(body, 181);
        QTest::newRow("missing header") << QByteArray();
        QTest::newRow("malformed header") << QByteArray("sha256=abc");
        QTest::newRow("signature of another body") << signatureNow(bookingBody(u"invitee.canceled"_s));
    }

    void refusesBadSignature()
    {
        QFETCH(QByteArray, signature);
        const HttpReply reply = postCalendly(bookingBody(), signature);
        QCOMPARE(reply.status, 401);
        QVERIFY(!reply.json().value(u"error"_s).toString().isEmpty());
        QVERIFY(reader().bookingEvents().isEmpty());
        QVERIFY(m_recorded.isEmpty());
    }

    void acceptsUnsignedWhenNoKeyIsSet()
    {
        // Development mode: without a key nothing can be checked (a warning is logged at start).
        WebhookListener::Config c = config();
        c.calendlySigningKey.clear();
        WebhookListener open(c, m_clock);
        QString error;
        QVERIFY2(open.start(&error), qPrintable(error));
        QUrl calendly = open.baseUrl();
        calendly.setPath(u"/webhooks/calendly"_s);
        QCOMPARE(send("POST", calendly, bookingBody()).status, 200);
        QCOMPARE(reader().bookingEvents().size(), 1);
    }

    void refusesMalformedJson_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not JSON") << QByteArray("{\"event\": ") << u"not JSON"_s;
        QTest::newRow("an array") << QByteArray("[1,2]") << u"not a JSON object"_s;
        QTest::newRow("no event") << QByteArray(R"({"payload":{}})") << u"\"event\""_s;
        QTest::newRow("event not a string") << QByteArray(R"({"event":7})") << u"\"event\""_s;
    }

    void refusesMalformedJson()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        const HttpReply reply = postCalendly(body, signatureNow(body));
        QCOMPARE(reply.status, 400);
        const QString error = reply.json().value(u"error"_s).toString();
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY(reader().bookingEvents().isEmpty());
    }

    void answersOtherEventsWithoutStoring()
    {
        const QByteArray body = R"({"event":"routing_form_submission.created","payload":{}})";
        const HttpReply reply = postCalendly(body, signatureNow(body));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"ignored"_s).toString(), u"routing_form_submission.created"_s);
        QVERIFY(reader().bookingEvents().isEmpty());
        QVERIFY(m_recorded.isEmpty());
    }

    void recordsEveryBookingEventType_data()
    {
        QTest::addColumn<QString>("event");
        for (const QString &event : {u"invitee.created"_s, u"invitee.canceled"_s,
                                     u"invitee_no_show.created"_s, u"invitee_no_show.deleted"_s}) {
            QTest::newRow(qPrintable(event)) << event;
        }
    }

    void recordsEveryBookingEventType()
    {
        QFETCH(QString, event);
        const QByteArray body = bookingBody(event);
        QCOMPARE(postCalendly(body, signatureNow(body)).status, 200);
        QCOMPARE(reader().bookingEvents(u"pending"_s).size(), 1);
    }

    void recordsRedeliveryTwice()
    {
        // Calendly has no delivery id: the same delivery twice is two rows; process() dedupes them.
        const QByteArray body = bookingBody();
        const QByteArray signature = signatureNow(body);
        const HttpReply first = postCalendly(body, signature);
        const HttpReply second = postCalendly(body, signature);
        QCOMPARE(first.status, 200);
        QCOMPARE(second.status, 200);
        QVERIFY(first.json().value(u"received"_s).toInteger() !=
                second.json().value(u"received"_s).toInteger());
        QCOMPARE(reader().bookingEvents().size(), 2);
        QTRY_COMPARE(m_recorded.size(), 2);
    }

    void answers503WhenStorageFails()
    {
        // Another writer holds SQLite's lock beyond busy_timeout: nothing can be stored, so Calendly
        // must retry (503), never give up (410).
        if (test::TestDatabase::postgres()) {
            QSKIP("SQLite's single-writer lock; PostgreSQL has no such wait");
        }
        reader();
        QSqlQuery lock(m_readerDb->connection());
        QVERIFY(lock.exec(u"BEGIN EXCLUSIVE"_s));
        const QByteArray body = bookingBody();
        const HttpReply reply = postCalendly(body, signatureNow(body));
        QVERIFY(lock.exec(u"ROLLBACK"_s));
        QCOMPARE(reply.status, 503);
        QVERIFY(reader().bookingEvents().isEmpty());
        QVERIFY(m_recorded.isEmpty());
    }

    void acceptsBodyAtTheCap()
    {
        QByteArray body = bookingBody();
        body += QByteArray(262144 - body.size(), ' '); // JSON allows trailing white space
        const HttpReply reply = postCalendly(body, signatureNow(body));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reader().bookingEvents().first().body.size(), 262144);
    }

    void capsEachRequestNotTheConnection()
    {
        // Three requests of 200 KB on one keep-alive connection, each written in pieces: 600 KB in all,
        // more than the cap, yet each request is within it.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_listener->port());
        QVERIFY(socket.waitForConnected(5000));
        for (int i = 0; i < 3; ++i) {
            QByteArray body = bookingBody(u"invitee.created"_s, QString::number(i));
            body += QByteArray(200000 - body.size(), ' ');
            socket.write("POST /webhooks/calendly HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         "Calendly-Webhook-Signature: " +
                         signatureNow(body) + "\r\nContent-Length: " + QByteArray::number(body.size()) +
                         "\r\n\r\n");
            socket.write(body.left(70000));
            QVERIFY(socket.waitForBytesWritten(5000));
            socket.write(body.mid(70000));
            const QByteArray answer = readAnswer(socket);
            QVERIFY2(statusOf(answer) == 200, answer.constData());
        }
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(reader().bookingEvents().size(), 3);
    }

    void answersPipelinedRequestsInOrder()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_listener->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /nothing HTTP/1.1\r\nHost: x\r\n\r\n");
        const QByteArray first = readAnswer(socket);
        QCOMPARE(statusOf(first), 200);
        QByteArray second = first.mid(first.indexOf("HTTP/1.1 ", 9));
        if (!second.startsWith("HTTP/1.1 ")) {
            second = readAnswer(socket);
        }
        QCOMPARE(statusOf(second), 404);
    }

    void answersOversizedContentLengthWith413()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_listener->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /webhooks/calendly HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Content-Length: 300000\r\n\r\n{\"event\":");
        const QByteArray answer = readAnswer(socket);
        QCOMPARE(statusOf(answer), 413);
        QVERIFY(answer.toLower().contains("connection: close"));
        QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        QVERIFY(reader().bookingEvents().isEmpty());
    }

    void cutsOffStreamedBodyPastCap()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_listener->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /webhooks/calendly HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk = "10000\r\n" + QByteArray(0x10000, 'x') + "\r\n";
        for (int i = 0; i < 8; ++i) { // 512 KiB, twice the cap, and never a final 0-chunk
            socket.write(chunk);
        }
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 10000);
        QCOMPARE(statusOf(socket.readAll()), 0); // cut off, not answered
        QVERIFY(reader().bookingEvents().isEmpty());
    }

    void closesStalledClientWhileOthersAreAnswered()
    {
        QTcpSocket stalled;
        stalled.connectToHost(QHostAddress::LocalHost, m_listener->port());
        QVERIFY(stalled.waitForConnected(5000));
        QElapsedTimer sinceLastByte;
        stalled.write("POST /webhooks/calendly HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"ev");
        QVERIFY(stalled.waitForBytesWritten(5000));
        sinceLastByte.start();

        // The stalled connection holds nothing up.
        QCOMPARE(send("GET", url(u"/healthz"_s)).status, 200);
        QCOMPARE(send("GET", url(u"/healthz"_s)).status, 200);

        QTRY_COMPARE_WITH_TIMEOUT(stalled.state(), QAbstractSocket::UnconnectedState, 5000);
        QVERIFY2(sinceLastByte.elapsed() >= 250, qPrintable(QString::number(sinceLastByte.elapsed())));
        QCOMPARE(statusOf(stalled.readAll()), 0);
        QTRY_COMPARE(m_listener->openConnections(), 0);
    }

    void closesConnectionsBeyondTheCap()
    {
        WebhookListener::Config c = config();
        c.maxConnections = 3;
        c.idleTimeoutMs = 30000; // the held connections must stay open for the whole test
        WebhookListener capped(c, m_clock);
        QString error;
        QVERIFY2(capped.start(&error), qPrintable(error));
        capped.setReady(true);

        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(std::make_unique<QTcpSocket>());
            held.back()->connectToHost(QHostAddress::LocalHost, capped.port());
            QVERIFY(held.back()->waitForConnected(5000));
        }
        QTRY_COMPARE(capped.openConnections(), 3);

        QTcpSocket extra;
        extra.connectToHost(QHostAddress::LocalHost, capped.port());
        QTRY_COMPARE_WITH_TIMEOUT(extra.state(), QAbstractSocket::UnconnectedState, 5000);
        for (const auto &socket : held) {
            QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
        }

        // A held connection still works, and closing one makes room for a new one.
        held.front()->write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(statusOf(readAnswer(*held.front())), 200);
        held.front()->disconnectFromHost();
        QTRY_COMPARE(capped.openConnections(), 2);
        QTcpSocket next;
        next.connectToHost(QHostAddress::LocalHost, capped.port());
        QVERIFY(next.waitForConnected(5000));
        next.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(statusOf(readAnswer(next)), 200);
    }

    void answersWrongMethodWith405_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("allow");
        QTest::newRow("GET calendly") << QByteArray("GET") << u"/webhooks/calendly"_s << QByteArray("POST");
        QTest::newRow("PUT calendly") << QByteArray("PUT") << u"/webhooks/calendly"_s << QByteArray("POST");
        QTest::newRow("GET engagelab") << QByteArray("GET") << u"/webhooks/engagelab"_s << QByteArray("POST");
        QTest::newRow("POST healthz") << QByteArray("POST") << u"/healthz"_s << QByteArray("GET");
    }

    void answersWrongMethodWith405()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, allow);
        const HttpReply reply = send(method, url(path), method == "GET" ? QByteArray() : QByteArray("{}"));
        QCOMPARE(reply.status, 405);
        QCOMPARE(reply.allow, allow);
    }

    void answersUnknownPathWith404()
    {
        QCOMPARE(send("GET", url(u"/nothing/here"_s)).status, 404);
        QCOMPARE(send("POST", url(u"/webhooks/calendly/extra"_s), "{}").status, 404);
    }

    void healthFollowsReadiness()
    {
        m_listener->setReady(false);
        HttpReply reply = send("GET", url(u"/healthz"_s));
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.json().value(u"ready"_s).toBool(true), false);
        m_listener->setReady(true);
        reply = send("GET", url(u"/healthz"_s));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"ok"_s);
    }

    void handsReceiptsToTheReceiptHandler()
    {
        // EngageLab's verification ping, a receipt for a message this store does not know, and garbage.
        QCOMPARE(send("POST", url(u"/webhooks/engagelab"_s), "{}").status, 200);
        const QByteArray unknown =
            R"({"total":1,"rows":[{"message_id":"1972488990804201472","to":"+66812345678","status":"delivered","itime":1764000000}]})";
        const HttpReply reply = send("POST", url(u"/webhooks/engagelab"_s), unknown);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"updated"_s).toInt(-1), 0);
        QCOMPARE(send("POST", url(u"/webhooks/engagelab"_s), "not json").status, 400);
    }

    void answersWhileTheMainThreadIsBlocked()
    {
        // The client runs on its own thread and the test's thread blocks without an event loop until it
        // is done: the answer can only come from the listener's own thread.
        const quint16 port = m_listener->port();
        int status = 0;
        std::unique_ptr<QThread> client(QThread::create([port, &status] {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            if (!socket.waitForConnected(5000)) {
                return;
            }
            socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            status = statusOf(readAnswer(socket));
        }));
        client->start();
        QVERIFY(client->wait(10000));
        QCOMPARE(status, 200);
    }

    void reportsPortInUse()
    {
        WebhookListener::Config c = config();
        c.port = m_listener->port();
        WebhookListener second(c, m_clock);
        QString error;
        QVERIFY(!second.start(&error));
        QVERIFY2(error.contains(QString::number(c.port)) && error.contains(u"in use"_s), qPrintable(error));
        QVERIFY(!second.isRunning());
        QCOMPARE(second.port(), quint16(0));
    }

    void servesHttpsWithCertificate()
    {
        QProcess openssl;
        openssl.setWorkingDirectory(m_dir->path());
        openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s,
                                     u"-keyout"_s, u"key.pem"_s, u"-out"_s, u"cert.pem"_s, u"-days"_s, u"1"_s,
                                     u"-subj"_s, u"/CN=127.0.0.1"_s});
        if (!openssl.waitForStarted(5000)) {
            QSKIP("the openssl command is not installed");
        }
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);

        WebhookListener::Config c = config();
        c.tlsCertPath = m_dir->filePath(u"cert.pem"_s);
        c.tlsKeyPath = m_dir->filePath(u"key.pem"_s);
        WebhookListener secure(c, m_clock);
        QString error;
        QVERIFY2(secure.start(&error), qPrintable(error));
        secure.setReady(true);
        QCOMPARE(secure.baseUrl().scheme(), u"https"_s);

        QUrl health = secure.baseUrl();
        health.setPath(u"/healthz"_s);
        QCOMPARE(send("GET", health).status, 200);
        QUrl calendly = secure.baseUrl();
        calendly.setPath(u"/webhooks/calendly"_s);
        const QByteArray body = bookingBody();
        QCOMPARE(send("POST", calendly, body, {{"Calendly-Webhook-Signature", signatureNow(body)}}).status,
                 200);
    }

    void refusesHalfATlsSetup()
    {
        WebhookListener::Config c = config();
        c.tlsCertPath = m_dir->filePath(u"cert.pem"_s);
        WebhookListener secure(c, m_clock);
        QString error;
        QVERIFY(!secure.start(&error));
        QVERIFY2(error.contains(u"key"_s), qPrintable(error));
    }

    void stopsAndRestarts()
    {
        const quint16 port = m_listener->port();
        m_listener->stop();
        QCOMPARE(m_listener->port(), quint16(0));
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!socket.waitForConnected(2000));
        QString error;
        QVERIFY2(m_listener->start(&error), qPrintable(error));
        QCOMPARE(send("GET", url(u"/healthz"_s)).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestWebhookListener)
#include "tst_webhooklistener.moc"
