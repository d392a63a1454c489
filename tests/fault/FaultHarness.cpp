#include "FaultHarness.h"

#include "calendly/WebhookSignature.h"
#include "support/CalendlyBodies.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

namespace deskbell::test {

using namespace Qt::StringLiterals;

const QByteArray FaultHarness::SIGNING_KEY = "fault-signing-key";
const QString FaultHarness::CONFIRM_TEMPLATE = u"101"_s;

namespace {

int g_connection = 0;

QString lastSegment(const QString &uri)
{
    return uri.section(u'/', -1);
}

} // namespace

FaultHarness::FaultHarness(const QString &workDir, QObject *parent)
    : QObject(parent)
    , m_workDir(workDir)
    , m_connection(u"fault-store-%1"_s.arg(++g_connection))
{
    m_config.databasePath = workDir + u"/deskbell.sqlite3"_s;
    m_provider.listen();
    m_provider.setExpectedCredentials(u"fault-key"_s, u"fault-secret"_s);
    m_config.smsApiBase = m_provider.baseUrl();
    m_probeTimer.callOnTimeout(this, &FaultHarness::probeOnce);
    m_streamTimer.callOnTimeout(this, [this] {
        if (m_nextToSend < m_bookings.size()) {
            sendBooking(m_nextToSend++);
        }
        if (m_nextToSend >= m_bookings.size()) {
            m_streamTimer.stop();
        }
    });
}

FaultHarness::~FaultHarness()
{
    m_probeTimer.stop();
    m_streamTimer.stop();
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    QSqlDatabase::removeDatabase(m_connection);
}

void FaultHarness::writeSettings()
{
    QFile ini(m_workDir + u"/deskbell.ini"_s);
    if (!ini.open(QIODevice::WriteOnly)) {
        qFatal("cannot write the settings file");
    }
    QByteArray text = "[storage]\nurl = sqlite:" + m_config.databasePath.toUtf8() +
                      "\n[templates]\nconfirm = 101\nreminder = 104\n"
                      "[rules]\nreminder_offsets_min = 1440\ndefault_region = TH\n"
                      "fallback_timezone = Asia/Bangkok\n"
                      "[sms]\nprovider = engagelab\napi_base = " +
                      m_config.smsApiBase.toString().toUtf8() +
                      "\n[calendly]\nmode = " + m_config.calendlyMode.toUtf8() + "\n";
    if (m_config.calendlyMode == u"webhook"_s) {
        text += "public_url = https://desk.example.org/webhooks/calendly\n";
    } else {
        text += "api_base = " + m_config.calendlyApiBase.toString().toUtf8() +
                "\npoll_interval_s = " + QByteArray::number(m_config.pollIntervalSecs) + "\n";
    }
    text += "[listener]\nport = 0\n";
    ini.write(text);
}

QUrl FaultHarness::start()
{
    writeSettings();
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DESKBELL_KEYCHAIN"_s, u"off"_s);
    env.insert(u"DESKBELL_ENGAGELAB_DEV_KEY"_s, u"fault-key"_s);
    env.insert(u"DESKBELL_ENGAGELAB_DEV_SECRET"_s, u"fault-secret"_s);
    env.insert(u"DESKBELL_CALENDLY_SIGNING_KEY"_s, QString::fromLatin1(SIGNING_KEY));
    if (!m_config.calendlyToken.isEmpty()) {
        env.insert(u"DESKBELL_CALENDLY_TOKEN"_s, QString::fromLatin1(m_config.calendlyToken));
    }
    env.insert(u"HOME"_s, m_workDir);
    env.remove(u"DISPLAY"_s);
    m_process->setProcessEnvironment(env);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QProcess *process = m_process.get();
    connect(process, &QProcess::readyRead, this, [this, process] { m_log += process->readAll(); });
    const qsizetype logStart = m_log.size();
    // DESKBELL_FAULT_BINARY: another build of deskbell, e.g. to compare before and after a change.
    m_process->start(qEnvironmentVariable("DESKBELL_FAULT_BINARY", QStringLiteral(DESKBELL_BINARY)),
                     {u"--headless"_s, u"--config"_s, m_workDir + u"/deskbell.ini"_s});
    static const QRegularExpression listening(u"listening for Calendly at (http://127\\.0\\.0\\.1:\\d+)"_s);
    QUrl url;
    (void)QTest::qWaitFor(
        [&] {
            const auto match = listening.match(QString::fromUtf8(m_log.mid(logStart)));
            if (match.hasMatch()) {
                url = QUrl(match.captured(1));
            }
            return url.isValid() || m_process->state() == QProcess::NotRunning;
        },
        15000);
    m_baseUrl = url;
    if (url.isValid()) {
        emit started();
    }
    return url;
}

void FaultHarness::kill()
{
    m_baseUrl = QUrl();
    if (m_process && m_process->state() != QProcess::NotRunning) {
        ::kill(pid_t(m_process->processId()), SIGKILL);
        m_process->waitForFinished(5000);
    }
}

bool FaultHarness::terminate()
{
    m_baseUrl = QUrl();
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        return m_process && m_process->exitStatus() == QProcess::NormalExit;
    }
    ::kill(pid_t(m_process->processId()), SIGTERM);
    (void)QTest::qWaitFor([&] { return m_process->state() == QProcess::NotRunning; }, 15000);
    return m_process->state() == QProcess::NotRunning && m_process->exitStatus() == QProcess::NormalExit &&
           m_process->exitCode() == 0;
}

void FaultHarness::freeze(int ms)
{
    if (!isRunning()) {
        return;
    }
    const auto pid = pid_t(m_process->processId());
    ::kill(pid, SIGSTOP);
    QTimer::singleShot(ms, this, [pid] { ::kill(pid, SIGCONT); });
}

bool FaultHarness::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

int FaultHarness::exitCode() const
{
    return m_process ? m_process->exitCode() : -1;
}

QString FaultHarness::ProbeStats::describe() const
{
    QStringList parts;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
        parts.append(u"%1 x%2"_s.arg(it.key()).arg(it.value()));
    }
    return u"probe: %1 sent, %2 answered (%3), %4 without answer"_s.arg(sent)
        .arg(answered)
        .arg(parts.join(u", "_s))
        .arg(failed);
}

void FaultHarness::startProbe(int intervalMs)
{
    m_probeTimer.start(intervalMs);
}

void FaultHarness::probeOnce()
{
    if (!m_baseUrl.isValid()) {
        return; // down on purpose (killed, being restarted)
    }
    QNetworkRequest request(m_baseUrl.resolved(QUrl(u"/healthz"_s)));
    request.setTransferTimeout(2000);
    QNetworkReply *reply = m_nam.get(request);
    ++m_probe.sent;
    const QUrl target = m_baseUrl;
    connect(reply, &QNetworkReply::finished, this, [this, reply, target] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status > 0) {
            ++m_probe.answered;
            ++m_probe.statuses[status];
        } else if (m_baseUrl == target) { // not killed on purpose while it was open
            ++m_probe.failed;
            qWarning("healthz probe failed: %s", qPrintable(reply->errorString()));
        } else {
            --m_probe.sent;
        }
    });
}

QString FaultHarness::phoneFor(const QString &id)
{
    // A Thai mobile number of its own per booking: "+66 8" and 8 digits from the id's hash.
    const quint32 digits = 10000000u + (qHash(id, 7u) % 89999999u);
    return u"+66 8%1"_s.arg(digits);
}

void FaultHarness::streamBookings(const QString &prefix, int count, double perSecond, int retryMs)
{
    m_retryMs = retryMs;
    for (int i = 0; i < count; ++i) {
        Booking b;
        b.id = u"%1%2"_s.arg(prefix).arg(i + 1);
        m_bookings.append(b);
    }
    m_streamTimer.start(std::max(1, int(1000.0 / perSecond)));
}

bool FaultHarness::streamDone() const
{
    for (const Booking &b : m_bookings) {
        if (!b.acked) {
            return false;
        }
    }
    return m_nextToSend >= m_bookings.size();
}

QSet<QString> FaultHarness::ackedIds() const
{
    QSet<QString> ids;
    for (const Booking &b : m_bookings) {
        if (b.acked) {
            ids.insert(b.id);
        }
    }
    return ids;
}

QMap<int, int> FaultHarness::bookingStatuses() const
{
    QMap<int, int> counts;
    for (const Booking &b : m_bookings) {
        for (int s : b.statuses) {
            ++counts[s];
        }
    }
    return counts;
}

static QByteArray signedBody(const QString &id, QNetworkRequest *request, const QUrl &base)
{
    BodyOptions o;
    o.id = id;
    o.phone = FaultHarness::phoneFor(id);
    o.startUtc = QDateTime::currentDateTimeUtc().addDays(3);
    const QByteArray body = test::body(o);
    *request = QNetworkRequest(base.resolved(QUrl(u"/webhooks/calendly"_s)));
    request->setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request->setRawHeader("Calendly-Webhook-Signature", signCalendlyBody(body, FaultHarness::SIGNING_KEY,
                                                                         QDateTime::currentSecsSinceEpoch()));
    request->setTransferTimeout(15000); // Calendly's own wait per delivery
    return body;
}

void FaultHarness::sendBooking(int index)
{
    Booking &b = m_bookings[index];
    if (b.acked || b.inFlight) {
        return;
    }
    ++b.attempts;
    if (!m_baseUrl.isValid()) {
        b.statuses.append(0);
        QTimer::singleShot(m_retryMs, this, [this, index] { sendBooking(index); });
        return;
    }
    QNetworkRequest request;
    const QByteArray body = signedBody(b.id, &request, m_baseUrl);
    b.inFlight = true;
    QNetworkReply *reply = m_nam.post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, index] {
        reply->deleteLater();
        Booking &done = m_bookings[index];
        done.inFlight = false;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        done.statuses.append(status);
        if ((status >= 200 && status < 300) || (m_ackAnyAnswer && status > 0)) {
            done.acked = true;
        } else {
            QTimer::singleShot(m_retryMs, this, [this, index] { sendBooking(index); });
        }
    });
}

int FaultHarness::postBooking(const QString &id, int timeoutMs)
{
    if (!m_baseUrl.isValid()) {
        return 0;
    }
    QNetworkRequest request;
    const QByteArray body = signedBody(id, &request, m_baseUrl);
    request.setTransferTimeout(timeoutMs);
    std::unique_ptr<QNetworkReply> reply(m_nam.post(request, body));
    QEventLoop loop;
    connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished()) {
        loop.exec();
    }
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

QSqlDatabase FaultHarness::store() const
{
    QSqlDatabase db = QSqlDatabase::contains(m_connection)
                          ? QSqlDatabase::database(m_connection)
                          : QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    if (!db.isOpen()) {
        db.setDatabaseName(m_config.databasePath);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
        db.open(); // a closed connection tells the caller it could not
    }
    return db;
}

int FaultHarness::countRows(const QString &sql) const
{
    QSqlDatabase db = store();
    if (!db.isOpen()) {
        return -1;
    }
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        return -1;
    }
    return q.value(0).toInt();
}

QList<FaultHarness::Message> FaultHarness::messages() const
{
    QList<Message> out;
    QSqlDatabase db = store();
    if (!db.isOpen()) {
        return out;
    }
    QSqlQuery q(db);
    if (!q.exec(u"SELECT id, invitee_uri, kind, state, attempts, due_utc_ms, last_error, skip_reason "
                "FROM outbox ORDER BY id"_s)) {
        qWarning("store read failed: %s", qPrintable(q.lastError().text()));
        return out;
    }
    while (q.next()) {
        Message m;
        m.id = q.value(0).toLongLong();
        m.invitee = lastSegment(q.value(1).toString());
        m.kind = q.value(2).toString();
        m.state = q.value(3).toString();
        m.attempts = q.value(4).toInt();
        m.dueMs = q.value(5).toLongLong();
        m.lastError = q.value(6).toString();
        m.reason = q.value(7).toString();
        out.append(m);
    }
    return out;
}

QSet<QString> FaultHarness::appointmentIds() const
{
    QSet<QString> ids;
    QSqlDatabase db = store();
    if (!db.isOpen()) {
        return ids;
    }
    QSqlQuery q(db);
    q.exec(u"SELECT invitee_uri FROM appointments"_s);
    while (q.next()) {
        ids.insert(lastSegment(q.value(0).toString()));
    }
    return ids;
}

QHash<qint64, int> FaultHarness::acceptedAtProvider() const
{
    QHash<qint64, int> accepted;
    for (const auto &r : m_provider.requests()) {
        if (r.method != "POST" || !r.path.startsWith("/v1/messages")) {
            continue;
        }
        const qint64 id =
            r.json.value(u"custom_args"_s).toObject().value(u"deskbell_message_id"_s).toString().toLongLong();
        accepted[id] += (r.answerStatus >= 200 && r.answerStatus < 300) ? 1 : 0;
    }
    return accepted;
}

QStringList FaultHarness::checkStore(bool requireSettled) const
{
    QStringList problems;
    const QList<Message> all = messages();
    const QSet<QString> appointments = appointmentIds();
    QSet<QString> confirmed;
    QSet<QString> planned;
    QSet<qint64> known;
    for (const Message &m : all) {
        known.insert(m.id);
        planned.insert(m.invitee);
        if (m.kind == u"confirm"_s) {
            confirmed.insert(m.invitee);
        }
    }
    for (const QString &id : ackedIds()) {
        if (!appointments.contains(id)) {
            problems.append(u"booking %1 was acknowledged but has no appointment"_s.arg(id));
        } else if (!confirmed.contains(id)) {
            problems.append(u"booking %1 has no confirmation planned"_s.arg(id));
        }
    }
    // Polled bookings were made long before (the fake's created_at), so no confirmation: reminders.
    for (const QString &id : m_expected) {
        if (!appointments.contains(id)) {
            problems.append(u"booking %1 never arrived"_s.arg(id));
        } else if (!planned.contains(id)) {
            problems.append(u"booking %1 has no message planned"_s.arg(id));
        }
    }
    const QHash<qint64, int> accepted = acceptedAtProvider();
    for (auto it = accepted.cbegin(); it != accepted.cend(); ++it) {
        if (!known.contains(it.key())) {
            problems.append(u"the provider saw message %1, which the store does not know"_s.arg(it.key()));
        }
        if (it.value() > 1) {
            problems.append(u"message %1 accepted %2 times by the provider"_s.arg(it.key()).arg(it.value()));
        }
    }
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    for (const Message &m : all) {
        const int times = accepted.value(m.id);
        if (m.state == u"accepted"_s && times != 1) {
            problems.append(
                u"message %1 is accepted in the store, accepted %2 times by the provider"_s.arg(m.id).arg(
                    times));
        } else if ((m.state == u"failed"_s || m.state == u"unknown"_s) && m.reason.isEmpty() &&
                   m.lastError.isEmpty()) {
            problems.append(u"message %1 is %2 without a reason"_s.arg(m.id).arg(m.state));
        } else if ((m.state == u"queued"_s || m.state == u"retry_wait"_s) && times > 0) {
            problems.append(
                u"message %1 is %2 but the provider accepted it already"_s.arg(m.id).arg(m.state));
        }
        const bool open = m.state == u"queued"_s || m.state == u"sending"_s || m.state == u"retry_wait"_s;
        if (requireSettled && open && m.dueMs <= nowMs) {
            problems.append(u"message %1 (%2) is still %3 (%4 attempts, %5)"_s.arg(m.id)
                                .arg(m.kind, m.state)
                                .arg(m.attempts)
                                .arg(m.lastError));
        }
    }
    return problems;
}

void FaultHarness::closeStore()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
    }
}

bool FaultHarness::tamper(const QString &sql)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection + u"-rw"_s);
        db.setDatabaseName(m_config.databasePath);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection + u"-rw"_s);
    return ok;
}

QStringList FaultHarness::waitSettled(int timeoutMs)
{
    QStringList problems;
    QElapsedTimer lastLook;
    (void)QTest::qWaitFor(
        [&] {
            if (lastLook.isValid() && lastLook.elapsed() < 300) {
                return false;
            }
            lastLook.start();
            problems = checkStore(true);
            return problems.isEmpty();
        },
        timeoutMs);
    if (problems.isEmpty()) {
        problems = checkStore(true);
    }
    return problems;
}

} // namespace deskbell::test
