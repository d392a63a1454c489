#include "SingleInstance.h"

#include "config/Settings.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace deskbell {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcInstance, "deskbell.ui")

namespace {

const QByteArray REQUEST_ACTIVATE = "activate";
const QByteArray ANSWER_OK = "ok";
constexpr qint64 MAX_LINE = 64;
constexpr int CLIENT_TIMEOUT_MS = 5000; // a client that says nothing is dropped
constexpr int RETRY_MS = 50;            // the primary holds the lock but is not listening yet
// sockaddr_un::sun_path holds 108 bytes on Linux, 104 on the BSDs and macOS.
constexpr qsizetype MAX_SOCKET_PATH = 100;

QString normalPath(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

QString shortHash(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(12));
}

QString userId()
{
#ifdef Q_OS_UNIX
    return QString::number(::getuid());
#else
    // A user name may hold characters a pipe name cannot.
    return shortHash(qEnvironmentVariable("USERDOMAIN") + u'\\' + qEnvironmentVariable("USERNAME"));
#endif
}

} // namespace

SingleInstance::SingleInstance(QString key, QString directory, QObject *parent)
    : QObject(parent)
    , m_key(std::move(key))
    , m_directory(directory.isEmpty() ? defaultDirectory() : std::move(directory))
{}

SingleInstance::~SingleInstance()
{
    if (m_server) {
        m_server->close(); // removes the socket file while the lock still says it is ours
    }
    m_lock.reset();
}

QString SingleInstance::keyFor(const QString &settingsPath)
{
    QString key = u"deskbell-"_s + userId();
    if (!settingsPath.isEmpty()) {
        const QString path = normalPath(settingsPath);
        if (path != normalPath(Settings::defaultPath())) {
            key += u'-' + shortHash(path);
        }
    }
    return key;
}

QString SingleInstance::defaultDirectory()
{
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QDir::isAbsolutePath(runtime) && QFileInfo(runtime).isDir()) {
        return runtime;
    }
    return QDir::tempPath();
}

QString SingleInstance::serverName() const
{
#ifdef Q_OS_UNIX
    const QString path = m_directory + u'/' + m_key + u".socket"_s;
    // Too long for a socket address: a bare name, which Qt places in the temporary folder.
    return QFile::encodeName(path).size() < MAX_SOCKET_PATH ? path : m_key;
#else
    return m_key; // a named pipe
#endif
}

QString SingleInstance::lockFilePath() const
{
    return m_directory + u'/' + m_key + u".lock"_s;
}

bool SingleInstance::isPrimary() const
{
    return m_server != nullptr;
}

SingleInstance::Outcome SingleInstance::start(int timeoutMs)
{
    if (m_server) {
        return Outcome::Primary;
    }
    m_error.clear();
    const QDeadlineTimer deadline(timeoutMs);
    auto lock = std::make_unique<QLockFile>(lockFilePath());
    // As the engine's database lock: a lock whose process is gone is stale at once, whatever its age.
    lock->setStaleLockTime(0);
    forever
    {
        if (lock->tryLock(0)) {
            m_lock = std::move(lock);
            return listen();
        }
        if (lock->error() != QLockFile::LockFailedError) {
            m_error = tr("Could not create %1, so nothing stops Deskbell from being opened twice.")
                          .arg(QDir::toNativeSeparators(lockFilePath()));
            return Outcome::Unavailable;
        }
        QLocalSocket socket;
        socket.connectToServer(serverName());
        if (socket.waitForConnected(int(deadline.remainingTime()))) {
            socket.write(REQUEST_ACTIVATE + '\n');
            socket.waitForBytesWritten(int(deadline.remainingTime()));
            while (!socket.canReadLine() && socket.waitForReadyRead(int(deadline.remainingTime()))) {
            }
            if (socket.canReadLine() && socket.readLine(MAX_LINE).trimmed() == ANSWER_OK) {
                socket.disconnectFromServer();
                return Outcome::Secondary;
            }
            break;
        }
        if (deadline.hasExpired()) {
            break;
        }
        QThread::msleep(RETRY_MS);
    }
    m_error = tr("Deskbell is already open but does not answer. If it is not running, delete %1 and "
                 "start it again.")
                  .arg(QDir::toNativeSeparators(lockFilePath()));
    return Outcome::NoAnswer;
}

SingleInstance::Outcome SingleInstance::listen()
{
    // The lock is ours, so a socket file still there was left by a copy that crashed.
    QLocalServer::removeServer(serverName());
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(serverName())) {
        m_error = tr("Could not listen on %1 (%2), so nothing stops Deskbell from being opened twice.")
                      .arg(QDir::toNativeSeparators(serverName()), m_server->errorString());
        delete m_server;
        m_server = nullptr;
        m_lock.reset();
        return Outcome::Unavailable;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return Outcome::Primary;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onRequest(socket); });
        QTimer::singleShot(CLIENT_TIMEOUT_MS, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0) {
            onRequest(socket);
        }
    }
}

void SingleInstance::onRequest(QLocalSocket *socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > MAX_LINE) {
            socket->abort();
        }
        return;
    }
    const QByteArray request = socket->readLine(MAX_LINE).trimmed();
    if (request != REQUEST_ACTIVATE) {
        qCWarning(lcInstance) << "single instance: ignored an unknown request on" << serverName();
        socket->abort();
        return;
    }
    socket->write(ANSWER_OK + '\n');
    socket->disconnectFromServer();
    qCInfo(lcInstance) << "another launch asked for the window";
    emit activationRequested();
}

} // namespace deskbell
