// deskbell --headless as a real process, with loopback fakes for Calendly's webhooks and EngageLab:
// a signed booking comes in, its confirmation and first reminder go out at their times, the process
// is killed with SIGKILL, and after a restart the second reminder goes out exactly once.

#include "calendly/WebhookSignature.h"
#include "support/CalendlyBodies.h"
#include "support/FakeEngageLab.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

const QByteArray SIGNING_KEY = "e2e-signing-key";

} // namespace

class TestHeadless : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void bookingToRemindersSurvivingSigkill();
    void sigtermStopsCleanly();

private:
    // Starts deskbell --headless; returns the listener's base URL read from its log.
    QUrl startDeskbell();
    int sendsOfTemplate(const QString &templateId) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::FakeEngageLab> m_provider;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
};

void TestHeadless::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_provider = std::make_unique<test::FakeEngageLab>();
    QVERIFY(m_provider->listen());
    m_provider->setExpectedCredentials(u"e2e-key"_s, u"e2e-secret"_s);
    QFile ini(m_dir->filePath(u"deskbell.ini"_s));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[storage]\nurl = sqlite:" + m_dir->filePath(u"deskbell.sqlite3"_s).toUtf8() +
              "\n[templates]\nconfirm = 101\nreminder = 104\n"
              "[rules]\nreminder_offsets_min = 2,1\ndefault_region = TH\nfallback_timezone = Asia/Bangkok\n"
              "[sms]\nprovider = engagelab\napi_base = " +
              m_provider->baseUrl().toString().toUtf8() +
              "\n[calendly]\nmode = webhook\npublic_url = https://desk.example.org/webhooks/calendly\n"
              "[listener]\nport = 0\n");
}

void TestHeadless::cleanup()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
    m_provider.reset();
}

QUrl TestHeadless::startDeskbell()
{
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DESKBELL_KEYCHAIN"_s, u"off"_s);
    env.insert(u"DESKBELL_ENGAGELAB_DEV_KEY"_s, u"e2e-key"_s);
    env.insert(u"DESKBELL_ENGAGELAB_DEV_SECRET"_s, u"e2e-secret"_s);
    env.insert(u"DESKBELL_CALENDLY_SIGNING_KEY"_s, QString::fromLatin1(SIGNING_KEY));
    env.insert(u"HOME"_s, m_dir->path());
    env.remove(u"DISPLAY"_s);
    m_process->setProcessEnvironment(env);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_process.get(), &QProcess::readyRead, this, [this] { m_log += m_process->readAll(); });
    m_log.clear();
    m_process->start(QStringLiteral(DESKBELL_BINARY),
                     {u"--headless"_s, u"--config"_s, m_dir->filePath(u"deskbell.ini"_s)});
    static const QRegularExpression listening(u"listening for Calendly at (http://127\\.0\\.0\\.1:\\d+)"_s);
    QUrl url;
    const bool seen = QTest::qWaitFor(
        [&] {
            const auto match = listening.match(QString::fromUtf8(m_log));
            if (match.hasMatch()) {
                url = QUrl(match.captured(1));
            }
            return url.isValid() || m_process->state() == QProcess::NotRunning;
        },
        15000);
    return seen ? url : QUrl();
}

int TestHeadless::sendsOfTemplate(const QString &templateId) const
{
    int count = 0;
    for (const auto &r : m_provider->requests()) {
        if (r.path == "/v1/messages" &&
            r.json.value(u"template"_s).toObject().value(u"id"_s).toString() == templateId) {
            ++count;
        }
    }
    return count;
}

void TestHeadless::bookingToRemindersSurvivingSigkill()
{
    const QUrl base = startDeskbell();
    QVERIFY2(base.isValid(), m_log.constData());

    // Meeting 130 s from now: the 2-minute reminder is due in 10 s, the 1-minute one in 70 s.
    test::BodyOptions booking;
    booking.startUtc = QDateTime::currentDateTimeUtc().addSecs(130);
    const QByteArray body = test::body(booking);
    QNetworkAccessManager nam;
    QNetworkRequest request(base.resolved(QUrl(u"/webhooks/calendly"_s)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Calendly-Webhook-Signature",
                         signCalendlyBody(body, SIGNING_KEY, QDateTime::currentSecsSinceEpoch()));
    std::unique_ptr<QNetworkReply> reply(nam.post(request, body));
    QSignalSpy answered(reply.get(), &QNetworkReply::finished);
    QVERIFY(answered.wait(5000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

    QTRY_COMPARE_WITH_TIMEOUT(sendsOfTemplate(u"101"_s), 1, 10000); // the confirmation
    QTRY_COMPARE_WITH_TIMEOUT(sendsOfTemplate(u"104"_s), 1, 30000); // the 2-minute reminder
    const auto first = m_provider->requests().last().json;
    QCOMPARE(
        first.value(u"template"_s).toObject().value(u"params"_s).toObject().value(u"advance"_s).toString(),
        u"2 minutes"_s);

    ::kill(pid_t(m_process->processId()), SIGKILL); // no goodbye: the database must carry everything
    QVERIFY(m_process->waitForFinished(5000));
    QCOMPARE(m_process->exitStatus(), QProcess::CrashExit);

    QVERIFY2(startDeskbell().isValid(), m_log.constData());
    QTRY_COMPARE_WITH_TIMEOUT(sendsOfTemplate(u"104"_s), 2, 90000); // the 1-minute reminder, after restart
    QTest::qWait(3000);
    QCOMPARE(sendsOfTemplate(u"101"_s), 1); // nothing sent twice
    QCOMPARE(sendsOfTemplate(u"104"_s), 2);
    QVERIFY2(!m_log.contains("+66812345678"), "a full phone number reached the log");
    QVERIFY2(!m_log.contains("e2e-secret") && !m_log.contains(SIGNING_KEY), "a secret reached the log");
}

void TestHeadless::sigtermStopsCleanly()
{
    QVERIFY2(startDeskbell().isValid(), m_log.constData());
    ::kill(pid_t(m_process->processId()), SIGTERM);
    QVERIFY(m_process->waitForFinished(10000));
    QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_process->exitCode(), 0);
    QVERIFY(m_log.contains("stopped"));
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
