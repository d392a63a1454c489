// Three real `deskbell --headless` processes on one PostgreSQL store, one slow loopback EngageLab:
// 1,000 signed bookings spread over the three listeners, a tenth of them delivered again to another
// desk, and one desk killed with SIGKILL while its sends are in flight. Afterwards every booking has
// its appointment and its planned messages, every confirmation reached the provider exactly once
// (or, for the sends the killed desk had in flight, at most once and recorded as "unknown" with a
// reason), and nothing was sent twice. PostgreSQL only (tests/CMakeLists.txt: tst_multiinstance_pg).

#include "calendly/WebhookSignature.h"
#include "support/CalendlyBodies.h"
#include "support/FakeEngageLab.h"
#include "support/TestDatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <csignal>
#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

const QByteArray SIGNING_KEY = "multi-desk-signing-key";
const QString DEV_KEY = u"multi-key"_s;
const QString DEV_SECRET = u"multi-secret"_s;
constexpr int DESKS = 3;
constexpr int VICTIM = 1;              // the desk that is killed
constexpr int BOOKINGS = 1000;         // spread round-robin over the desks
constexpr int DUPLICATE_EVERY = 10;    // every 10th booking is delivered again, to the next desk
constexpr int PROVIDER_DELAY_MS = 400; // each send is in flight this long
constexpr int MAX_IN_FLIGHT = 3;
constexpr int LEASE_SECS = 5; // [sms] claim_lease_s: how soon a dead desk's sends are taken over

struct Desk
{
    std::unique_ptr<QProcess> process;
    QByteArray log;
    QUrl base;
    QString instanceId;
};

} // namespace

class TestMultiInstance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void threeDesksSendEachMessageOnceThoughOneIsKilled();

private:
    QString storeUrl() const;
    bool startDesk(int index);
    QVariant scalar(const QString &sql);
    QString logTails() const; // for failure messages
    QList<QVariantList> rows(const QString &sql, int columns);

    test::TestDatabase m_database;
    Database::Location m_location;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::FakeEngageLab> m_provider;
    std::unique_ptr<test::RawConnection> m_sql;
    Desk m_desks[DESKS];
    QElapsedTimer m_clock;
    QHash<qint64, int> m_sendsOf;            // deskbell message id -> POST /v1/messages received
    QList<QPair<qint64, qint64>> m_receipts; // (ms on m_clock, message id), in arrival order
};

void TestMultiInstance::initTestCase()
{
    if (!test::TestDatabase::postgres()) {
        QSKIP("several desks share a store on PostgreSQL only: run as tst_multiinstance_pg");
    }
    m_location = m_database.fresh();
    QVERIFY2(m_database.isValid(), qPrintable(m_database.error()));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock.start();

    m_provider = std::make_unique<test::FakeEngageLab>();
    QVERIFY(m_provider->listen());
    m_provider->setExpectedCredentials(DEV_KEY, DEV_SECRET);
    // Every send is answered late, with an id of its own: the kill finds sends in flight.
    connect(m_provider.get(), &test::FakeEngageLab::requestReceived, this,
            [this](const test::FakeEngageLab::Request &request) {
                if (request.method != "POST" || !request.path.startsWith("/v1/messages")) {
                    return;
                }
                auto reply = test::FakeEngageLab::accepted();
                reply.delayMs = PROVIDER_DELAY_MS;
                m_provider->enqueue(reply);
                const qint64 id = request.json.value(u"custom_args"_s)
                                      .toObject()
                                      .value(u"deskbell_message_id"_s)
                                      .toString()
                                      .toLongLong();
                ++m_sendsOf[id];
                m_receipts.append({m_clock.elapsed(), id});
            });

    for (int i = 0; i < DESKS; ++i) {
        QDir().mkpath(m_dir->filePath(u"desk%1"_s.arg(i)));
        QFile ini(m_dir->filePath(u"desk%1/deskbell.ini"_s.arg(i)));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[storage]\nurl = " + storeUrl().toUtf8() +
                  "\n[templates]\nconfirm = 101\nreminder = 104\n"
                  "[rules]\nreminder_offsets_min = 1440\ndefault_region = TH\n"
                  "fallback_timezone = Asia/Bangkok\n"
                  "[sms]\nprovider = engagelab\nmax_per_second = 100\nmax_in_flight = " +
                  QByteArray::number(MAX_IN_FLIGHT) + "\nclaim_lease_s = " + QByteArray::number(LEASE_SECS) +
                  "\napi_base = " + m_provider->baseUrl().toString().toUtf8() +
                  "\n[calendly]\nmode = webhook\npublic_url = https://desk.example.org/webhooks/calendly\n"
                  "[listener]\nport = 0\n");
    }
}

void TestMultiInstance::cleanup()
{
    for (Desk &desk : m_desks) {
        if (desk.process && desk.process->state() != QProcess::NotRunning) {
            desk.process->kill();
            desk.process->waitForFinished(5000);
        }
    }
    // DESKBELL_TEST_KEEP_LOGS=<folder>: the desks' whole logs, for looking into a failure.
    const QString keep = qEnvironmentVariable("DESKBELL_TEST_KEEP_LOGS");
    for (int i = 0; i < DESKS && !keep.isEmpty(); ++i) {
        QFile file(u"%1/desk%2.log"_s.arg(keep).arg(i));
        if (file.open(QIODevice::WriteOnly)) {
            file.write(m_desks[i].log);
        }
    }
    m_sql.reset();
}

// The test server's url without its password (that goes in DESKBELL_DB_PASSWORD), in this test's schema.
QString TestMultiInstance::storeUrl() const
{
    QUrlQuery query;
    query.addQueryItem(u"host"_s, m_location.host);
    query.addQueryItem(u"port"_s, QString::number(m_location.port));
    query.addQueryItem(u"schema"_s, m_location.schema);
    return u"postgresql://%1@/%2?%3"_s.arg(m_location.user, m_location.database,
                                           query.toString(QUrl::FullyEncoded));
}

bool TestMultiInstance::startDesk(int index)
{
    Desk &desk = m_desks[index];
    desk.process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DESKBELL_KEYCHAIN"_s, u"off"_s);
    env.insert(u"DESKBELL_ENGAGELAB_DEV_KEY"_s, DEV_KEY);
    env.insert(u"DESKBELL_ENGAGELAB_DEV_SECRET"_s, DEV_SECRET);
    env.insert(u"DESKBELL_CALENDLY_SIGNING_KEY"_s, QString::fromLatin1(SIGNING_KEY));
    env.insert(u"DESKBELL_DB_PASSWORD"_s, m_location.password);
    env.remove(u"DESKBELL_TEST_POSTGRES_URL"_s);
    env.insert(u"HOME"_s, m_dir->filePath(u"desk%1"_s.arg(index)));
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    desk.process->setProcessEnvironment(env);
    desk.process->setProcessChannelMode(QProcess::MergedChannels);
    QProcess *process = desk.process.get();
    connect(process, &QProcess::readyRead, this, [&desk, process] { desk.log += process->readAll(); });
    desk.process->start(
        QStringLiteral(DESKBELL_BINARY),
        {u"--headless"_s, u"--config"_s, m_dir->filePath(u"desk%1/deskbell.ini"_s.arg(index))});
    return desk.process->waitForStarted(10000);
}

QString TestMultiInstance::logTails() const
{
    QString text;
    for (int i = 0; i < DESKS; ++i) {
        text += u"\n--- desk %1 ---\n"_s.arg(i) + QString::fromUtf8(m_desks[i].log.right(3000));
    }
    return text;
}

QVariant TestMultiInstance::scalar(const QString &sql)
{
    QSqlQuery q(m_sql->connection());
    if (!q.exec(sql) || !q.next()) {
        qWarning().noquote() << sql << q.lastError().text();
        return {};
    }
    return q.value(0);
}

QList<QVariantList> TestMultiInstance::rows(const QString &sql, int columns)
{
    QList<QVariantList> out;
    QSqlQuery q(m_sql->connection());
    if (!q.exec(sql)) {
        qWarning().noquote() << sql << q.lastError().text();
        return out;
    }
    while (q.next()) {
        QVariantList row;
        for (int c = 0; c < columns; ++c) {
            row.append(q.value(c));
        }
        out.append(row);
    }
    return out;
}

void TestMultiInstance::threeDesksSendEachMessageOnceThoughOneIsKilled()
{
    // ---- three desks on one store, started together (they race for the migration too)
    for (int i = 0; i < DESKS; ++i) {
        QVERIFY(startDesk(i));
    }
    static const QRegularExpression listening(u"listening for Calendly at (http://127\\.0\\.0\\.1:\\d+)"_s);
    static const QRegularExpression instance(u"engine instance ([0-9a-f-]{36})"_s);
    for (Desk &desk : m_desks) {
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const QString log = QString::fromUtf8(desk.log);
                         const auto match = listening.match(log);
                         if (match.hasMatch()) {
                             desk.base = QUrl(match.captured(1));
                             desk.instanceId = instance.match(log).captured(1);
                         }
                         return desk.base.isValid() || desk.process->state() == QProcess::NotRunning;
                     },
                     30000),
                 "a desk did not start listening");
        QVERIFY2(desk.base.isValid(), desk.log.constData());
        QVERIFY2(!desk.instanceId.isEmpty(), desk.log.constData());
    }
    QCOMPARE(QSet<QString>({m_desks[0].instanceId, m_desks[1].instanceId, m_desks[2].instanceId}).size(),
             DESKS);
    m_sql = std::make_unique<test::RawConnection>(m_location);
    QVERIFY2(m_sql->isOpen(), qPrintable(m_sql->openError()));

    // ---- 1,000 bookings round-robin, every 10th delivered once more to the next desk
    QNetworkAccessManager nam;
    int answered = 0;
    int refused = 0;
    QStringList refusals;
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(10); // reminders are far off
    const auto post = [&](int deskIndex, const QByteArray &body) {
        QNetworkRequest request(m_desks[deskIndex].base.resolved(QUrl(u"/webhooks/calendly"_s)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setRawHeader("Calendly-Webhook-Signature",
                             signCalendlyBody(body, SIGNING_KEY, QDateTime::currentSecsSinceEpoch()));
        request.setTransferTimeout(60000);
        QNetworkReply *reply = nam.post(request, body);
        connect(reply, &QNetworkReply::finished, this, [&, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 200) {
                ++answered;
            } else {
                ++refused;
                refusals.append(u"%1 %2"_s.arg(status).arg(reply->errorString()));
            }
            reply->deleteLater();
        });
    };
    QElapsedTimer posting;
    posting.start();
    for (int i = 0; i < BOOKINGS; ++i) {
        test::BodyOptions booking;
        booking.id = u"B%1"_s.arg(i, 4, 10, QChar(u'0'));
        booking.startUtc = start.addSecs(60 * i);
        booking.name = u"Guest %1"_s.arg(i);
        booking.phone = u"+66 81 %1"_s.arg(2000000 + i);
        const QByteArray body = test::body(booking);
        post(i % DESKS, body);
        if (i % DUPLICATE_EVERY == 0) {
            post((i + 1) % DESKS, body); // Calendly's retry, arriving at another desk
        }
    }
    const int posts = BOOKINGS + BOOKINGS / DUPLICATE_EVERY;
    // qWaitFor, not QTRY_*: on failure those wait twice as long again to report the time it took.
    QVERIFY2(QTest::qWaitFor([&] { return answered + refused == posts; }, 60000),
             qPrintable(u"%1 of %2 webhooks answered"_s.arg(answered + refused).arg(posts)));
    QVERIFY2(refused == 0, qPrintable(refusals.mid(0, 5).join(u"; "_s)));
    qInfo() << posts << "webhooks recorded in" << posting.elapsed() << "ms";

    // Every recorded event planned (so the kill loses no booking), sending under way but far from done.
    const auto pending = [this] {
        return scalar(u"SELECT count(*) FROM booking_events WHERE outcome = 'pending'"_s).toInt();
    };
    const bool planned =
        QTest::qWaitFor([&] { return pending() == 0 && m_provider->sendCount() >= 300; }, 60000);
    QVERIFY2(planned, qPrintable(u"%1 events still pending, %2 sent; %3"_s.arg(pending())
                                     .arg(m_provider->sendCount())
                                     .arg(logTails())));
    QVERIFY2(m_provider->sendCount() < BOOKINGS * 8 / 10,
             qPrintable(u"sending was nearly over before the kill (%1 sent)"_s.arg(m_provider->sendCount())));

    // ---- the victim dies with its sends in flight
    const qint64 killedAtMs = QDateTime::currentMSecsSinceEpoch();
    ::kill(pid_t(m_desks[VICTIM].process->processId()), SIGKILL);
    QVERIFY(m_desks[VICTIM].process->waitForFinished(5000));
    QCOMPARE(m_desks[VICTIM].process->exitStatus(), QProcess::CrashExit);
    qInfo() << "killed desk" << VICTIM << "after" << m_provider->sendCount() << "sends";
    // The live desks answer what they had in flight within PROVIDER_DELAY_MS: what is still "sending"
    // from before the kill, well after that, was the dead desk's.
    QTest::qWait(PROVIDER_DELAY_MS * 3); // the dead desk's claims are younger than its lease here
    QSet<qint64> orphaned;
    for (const auto &row :
         rows(u"SELECT id FROM outbox WHERE state = 'sending' AND updated_utc_ms <= %1"_s.arg(killedAtMs),
              1)) {
        orphaned.insert(row.first().toLongLong());
    }
    QVERIFY2(!orphaned.isEmpty(), "the killed desk had no send in flight: the test proves nothing");
    QVERIFY(orphaned.size() <= MAX_IN_FLIGHT);

    // ---- the others finish, and take over the dead desk's sends once its lease ran out
    const QString open = u"SELECT count(*) FROM outbox WHERE kind = 'confirm' AND state IN ('queued', "
                         "'sending', 'retry_wait')"_s;
    const bool settled =
        QTest::qWaitFor([&] { return scalar(open).toInt() == 0; }, 60000 + LEASE_SECS * 1000);
    QVERIFY2(settled, qPrintable(u"%1 confirmations still open (queued, sending, retry_wait) %2 s after the "
                                 "kill; %3"_s.arg(scalar(open).toInt())
                                     .arg(LEASE_SECS + 60)
                                     .arg(logTails())));
    QTest::qWait(PROVIDER_DELAY_MS * 2); // a duplicate send would arrive now, if any desk made one

    // ---- none lost: every booking has its appointment and its planned messages
    QCOMPARE(scalar(u"SELECT count(*) FROM appointments"_s).toInt(), BOOKINGS);
    QStringList outcomes;
    for (const auto &row : rows(u"SELECT outcome, count(*), min(coalesce(detail, '')) FROM booking_events "
                                "GROUP BY outcome ORDER BY outcome"_s,
                                3)) {
        outcomes.append(
            u"%1=%2 (%3)"_s.arg(row.at(0).toString()).arg(row.at(1).toInt()).arg(row.at(2).toString()));
    }
    const QString outcomeText = outcomes.join(u", "_s);
    QVERIFY2(scalar(u"SELECT count(*) FROM booking_events WHERE outcome = 'applied'"_s).toInt() == BOOKINGS,
             qPrintable(outcomeText));
    QVERIFY2(scalar(u"SELECT count(*) FROM booking_events WHERE outcome = 'duplicate'"_s).toInt() ==
                 BOOKINGS / DUPLICATE_EVERY,
             qPrintable(outcomeText));
    QCOMPARE(scalar(u"SELECT count(*) FROM outbox WHERE kind = 'confirm'"_s).toInt(), BOOKINGS);
    QCOMPARE(scalar(u"SELECT count(*) FROM outbox WHERE kind = 'reminder' AND state = 'queued'"_s).toInt(),
             BOOKINGS);
    QCOMPARE(scalar(u"SELECT count(*) FROM appointments a WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE "
                    "o.invitee_uri = a.invitee_uri AND o.kind = 'confirm')"_s)
                 .toInt(),
             0);

    // ---- exactly once: accepted ones reached the provider once, the dead desk's at most once
    int accepted = 0;
    QStringList wrong;
    for (const auto &row :
         rows(u"SELECT id, state, coalesce(nullif(skip_reason, ''), last_error, '') FROM outbox "
              "WHERE kind = 'confirm'"_s,
              3)) {
        const qint64 id = row.at(0).toLongLong();
        const QString state = row.at(1).toString();
        const int sends = m_sendsOf.value(id);
        if (state == u"accepted"_s) {
            ++accepted;
            if (sends != 1) {
                wrong.append(u"message %1 accepted after %2 sends"_s.arg(id).arg(sends));
            }
        } else if (state == u"unknown"_s) {
            if (!orphaned.contains(id)) {
                wrong.append(u"message %1 is unknown but was not in flight at the dead desk"_s.arg(id));
            }
            if (sends > 1) {
                wrong.append(u"message %1 (unknown) was sent %2 times"_s.arg(id).arg(sends));
            }
            if (row.at(2).toString().trimmed().isEmpty()) {
                wrong.append(u"message %1 is unknown without a reason"_s.arg(id));
            }
        } else {
            wrong.append(u"message %1 ended %2"_s.arg(id).arg(state));
        }
    }
    for (qint64 id : std::as_const(orphaned)) {
        const QString state = scalar(u"SELECT state FROM outbox WHERE id = %1"_s.arg(id)).toString();
        if (state != u"unknown"_s) {
            wrong.append(u"message %1, in flight at the dead desk, ended %2"_s.arg(id).arg(state));
        }
    }
    for (auto it = m_sendsOf.cbegin(); it != m_sendsOf.cend(); ++it) {
        if (it.value() > 1) {
            wrong.append(u"message %1 reached the provider %2 times"_s.arg(it.key()).arg(it.value()));
        }
    }
    QVERIFY2(wrong.isEmpty(),
             qPrintable(u"%1 problem(s): %2"_s.arg(wrong.size()).arg(wrong.mid(0, 10).join(u"; "_s))));
    QCOMPARE(accepted + orphaned.size(), BOOKINGS);
    QCOMPARE(m_provider->sendCount(), int(m_sendsOf.size()));
    qInfo() << "accepted" << accepted << "unknown" << orphaned.size() << "sends" << m_provider->sendCount()
            << "in" << m_clock.elapsed() << "ms";

    for (const Desk &desk : m_desks) {
        QVERIFY2(!desk.log.contains(m_location.password.toUtf8()), "the database password reached a log");
        QVERIFY2(!desk.log.contains(DEV_SECRET.toUtf8()) && !desk.log.contains(SIGNING_KEY),
                 "a secret reached a log");
    }
}

QTEST_GUILESS_MAIN(TestMultiInstance)
#include "tst_multiinstance.moc"
