#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QLocalServer;
class QLocalSocket;
class QLockFile;

namespace deskbell {

// One Deskbell window per user session and settings file. The first copy holds a lock file and
// listens on a local socket (both in $XDG_RUNTIME_DIR, else the temporary folder); a second launch
// finds the lock taken, asks the first over the socket to show its window, and exits. The lock
// decides who is first, so two copies started by one double-click cannot both win, and a lock
// left by a crashed copy is taken over (QLockFile sees that its process is gone) together with the
// socket file it left behind.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    enum class Outcome
    {
        Primary,     // this copy is the one: it listens for activation requests
        Secondary,   // another copy runs and answered: it was asked to show its window
        NoAnswer,    // another copy holds the lock but did not answer in time (hung?)
        Unavailable, // the lock or the socket could not be set up; nothing guards against a second copy
    };
    Q_ENUM(Outcome)

    // key: what makes two launches "the same Deskbell" (see keyFor()). directory: where the lock and
    // the socket go; empty means defaultDirectory().
    explicit SingleInstance(QString key, QString directory = {}, QObject *parent = nullptr);
    ~SingleInstance() override;

    // One Deskbell per user, and per settings file when it is not the default one: two desks with
    // their own settings (and so their own databases) may run side by side.
    static QString keyFor(const QString &settingsPath);
    // $XDG_RUNTIME_DIR (private to the user) when set, else the temporary folder.
    static QString defaultDirectory();

    // Becomes the primary copy, or asks the primary to show its window. Blocks for at most
    // timeoutMs (only when another copy holds the lock); call it before the window is built.
    Outcome start(int timeoutMs = 5000);
    bool isPrimary() const;

    QString serverName() const;
    QString lockFilePath() const;
    // Why the last start() gave NoAnswer or Unavailable, in plain words.
    QString errorString() const { return m_error; }

signals:
    // Another launch asked this copy to show its window.
    void activationRequested();

private:
    Outcome listen();
    void onNewConnection();
    void onRequest(QLocalSocket *socket);

    QString m_key;
    QString m_directory;
    QString m_error;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
};

} // namespace deskbell
