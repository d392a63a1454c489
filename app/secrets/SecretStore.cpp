#include "secrets/SecretStore.h"

#include <QLoggingCategory>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace deskbell {

Q_LOGGING_CATEGORY(lcSecrets, "deskbell.secrets")

using namespace Qt::StringLiterals;

namespace {

SecretStore::Result resultOf(const QKeychain::Job &job)
{
    SecretStore::Result r;
    switch (job.error()) {
    case QKeychain::NoError:
        r.status = SecretStore::Result::Status::Ok;
        return r;
    case QKeychain::EntryNotFound:
        r.status = SecretStore::Result::Status::NotFound;
        r.error = u"not in the keychain"_s;
        return r;
    case QKeychain::NoBackendAvailable:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::NotImplemented:
        r.status = SecretStore::Result::Status::Unavailable;
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        r.status = SecretStore::Result::Status::Failed;
        break;
    }
    r.error = u"the system keychain is not usable: %1"_s.arg(job.errorString());
    return r;
}

// Runs a job and reports once. The job deletes itself after finished().
void run(QKeychain::Job *job, const QString &what, const QString &name,
         const std::function<void(const SecretStore::Result &, QKeychain::Job *)> &finish)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    QObject::connect(job, &QKeychain::Job::finished, job, [what, name, finish](QKeychain::Job *j) {
        const auto result = resultOf(*j);
        if (result.status == SecretStore::Result::Status::Ok) {
            qCDebug(lcSecrets).noquote() << u"%1 %2: done"_s.arg(what, name);
        } else if (result.status != SecretStore::Result::Status::NotFound) {
            qCWarning(lcSecrets).noquote() << u"%1 %2: %3"_s.arg(what, name, result.error);
        }
        finish(result, j);
    });
    job->start();
}

} // namespace

QString secret::environmentName(const QString &name)
{
    return u"DESKBELL_"_s + name.toUpper();
}

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{}

void KeychainSecretStore::read(const QString &name, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    run(job, u"read"_s, name, [done](const Result &r, QKeychain::Job *j) {
        Result result = r;
        if (result.ok()) {
            result.value = static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData();
        }
        done(result);
    });
}

void KeychainSecretStore::write(const QString &name, const QByteArray &value, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setBinaryData(value);
    run(job, u"write"_s, name, [done](const Result &r, QKeychain::Job *) { done(r); });
}

void KeychainSecretStore::remove(const QString &name, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    run(job, u"remove"_s, name, [done](const Result &r, QKeychain::Job *) {
        Result result = r;
        if (result.status == Result::Status::NotFound) {
            result.status = Result::Status::Ok; // removing what is not there is done
            result.error.clear();
        }
        done(result);
    });
}

LayeredSecretStore::LayeredSecretStore(QHash<QString, QByteArray> environment, SecretStore *keychain,
                                       QObject *parent)
    : SecretStore(parent)
    , m_environment(std::move(environment))
    , m_keychain(keychain)
{}

QHash<QString, QByteArray> LayeredSecretStore::fromProcessEnvironment()
{
    QHash<QString, QByteArray> values;
    for (const QString &name :
         {secret::CALENDLY_TOKEN, secret::CALENDLY_SIGNING_KEY, secret::ENGAGELAB_DEV_KEY,
          secret::ENGAGELAB_DEV_SECRET, secret::DB_PASSWORD}) {
        const QByteArray value = qgetenv(secret::environmentName(name).toLatin1().constData());
        if (!value.isEmpty()) {
            values.insert(name, value);
        }
    }
    return values;
}

void LayeredSecretStore::read(const QString &name, Callback done)
{
    if (m_environment.contains(name)) {
        Result r;
        r.status = Result::Status::Ok;
        r.value = m_environment.value(name);
        QTimer::singleShot(0, this, [done, r] { done(r); });
        return;
    }
    if (!m_keychain) {
        Result r;
        r.status = Result::Status::NotFound;
        r.error = u"%1 is not set"_s.arg(secret::environmentName(name));
        QTimer::singleShot(0, this, [done, r] { done(r); });
        return;
    }
    m_keychain->read(name, std::move(done));
}

void LayeredSecretStore::write(const QString &name, const QByteArray &value, Callback done)
{
    if (!m_keychain) {
        Result r;
        r.status = Result::Status::Unavailable;
        r.error = u"no keychain: set %1 in the environment instead"_s.arg(secret::environmentName(name));
        QTimer::singleShot(0, this, [done, r] { done(r); });
        return;
    }
    m_keychain->write(name, value, std::move(done));
}

void LayeredSecretStore::remove(const QString &name, Callback done)
{
    if (!m_keychain) {
        Result r;
        r.status = Result::Status::Ok;
        QTimer::singleShot(0, this, [done, r] { done(r); });
        return;
    }
    m_keychain->remove(name, std::move(done));
}

} // namespace deskbell
