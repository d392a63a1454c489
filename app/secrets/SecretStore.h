#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace deskbell {

// Where credentials live. Asynchronous because the OS keychain is: a locked keyring may ask the user.
// Implementations log a secret's name, never its value.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        enum class Status
        {
            Ok,
            NotFound,
            Unavailable, // no keychain service, locked, or access denied: say so, store nothing elsewhere
            Failed,
        };
        Status status = Status::Failed;
        QByteArray value; // read: the secret; empty otherwise
        QString error;    // plain words, never the value

        bool ok() const { return status == Status::Ok; }
    };
    using Callback = std::function<void(const Result &)>;

    using QObject::QObject;
    ~SecretStore() override = default;

    // Each calls back exactly once, later (never inside the call), on this object's thread.
    virtual void read(const QString &name, Callback done) = 0;
    virtual void write(const QString &name, const QByteArray &value, Callback done) = 0;
    virtual void remove(const QString &name, Callback done) = 0;
};

// The names Deskbell keeps (keychain entries of service "Deskbell", or DESKBELL_<NAME> variables).
namespace secret {
inline const QString CALENDLY_TOKEN = QStringLiteral("calendly_token");
inline const QString CALENDLY_SIGNING_KEY = QStringLiteral("calendly_signing_key");
inline const QString CALENDLY_REFRESH_TOKEN = QStringLiteral("calendly_refresh_token");
inline const QString ENGAGELAB_DEV_KEY = QStringLiteral("engagelab_dev_key");
inline const QString ENGAGELAB_DEV_SECRET = QStringLiteral("engagelab_dev_secret");
// The PostgreSQL store's password (DESKBELL_DB_PASSWORD), read by the engine when [storage] url holds
// none. The same variable is Database's own fallback, for programs that open the store without the
// engine; see Engine::start() for which source wins.
inline const QString DB_PASSWORD = QStringLiteral("db_password");
// "calendly_token" -> "DESKBELL_CALENDLY_TOKEN"
QString environmentName(const QString &name);
} // namespace secret

// The OS keychain through QtKeychain (libsecret / gnome-keyring on Linux). QtKeychain's insecure
// plain-text fallback is never enabled: if the keychain is unavailable the caller is told so.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QString service = QStringLiteral("Deskbell"), QObject *parent = nullptr);

    void read(const QString &name, Callback done) override;
    void write(const QString &name, const QByteArray &value, Callback done) override;
    void remove(const QString &name, Callback done) override;

private:
    QString m_service;
};

// Secrets for servers: DESKBELL_CALENDLY_TOKEN and friends from the environment win over the keychain,
// and the keychain is not touched at all for a name the environment supplies, so a server without a
// desktop session never waits on a keyring prompt. Writes and removals go to the keychain.
class LayeredSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    // environment: name -> value as read at start (tests pass their own); keychain may be null when
    // the environment is meant to supply everything.
    LayeredSecretStore(QHash<QString, QByteArray> environment, SecretStore *keychain,
                       QObject *parent = nullptr);

    // DESKBELL_* variables of the process for the known names.
    static QHash<QString, QByteArray> fromProcessEnvironment();

    void read(const QString &name, Callback done) override;
    void write(const QString &name, const QByteArray &value, Callback done) override;
    void remove(const QString &name, Callback done) override;

    bool environmentSupplies(const QString &name) const { return m_environment.contains(name); }

private:
    QHash<QString, QByteArray> m_environment;
    SecretStore *m_keychain;
};

} // namespace deskbell
