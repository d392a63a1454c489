#include "MemorySecretStore.h"

#include <QMetaObject>

namespace deskbell::test {

using namespace Qt::StringLiterals;

MemorySecretStore::MemorySecretStore(QHash<QString, QByteArray> initial, QObject *parent)
    : SecretStore(parent)
    , m_values(std::move(initial))
{}

void MemorySecretStore::answer(Callback done, Result result)
{
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)] { done(result); }, Qt::QueuedConnection);
}

namespace {
SecretStore::Result unavailable()
{
    return {SecretStore::Result::Status::Unavailable,
            {},
            u"The keychain is locked (test keychain switched off)."_s};
}
} // namespace

void MemorySecretStore::read(const QString &name, Callback done)
{
    if (!m_available) {
        answer(std::move(done), unavailable());
        return;
    }
    if (!m_values.contains(name)) {
        answer(std::move(done), {Result::Status::NotFound, {}, u"no secret named %1"_s.arg(name)});
        return;
    }
    answer(std::move(done), {Result::Status::Ok, m_values.value(name), {}});
}

void MemorySecretStore::write(const QString &name, const QByteArray &value, Callback done)
{
    if (!m_available) {
        answer(std::move(done), unavailable());
        return;
    }
    m_values.insert(name, value);
    ++m_writes;
    answer(std::move(done), {Result::Status::Ok, {}, {}});
}

void MemorySecretStore::remove(const QString &name, Callback done)
{
    if (!m_available) {
        answer(std::move(done), unavailable());
        return;
    }
    const bool had = m_values.remove(name) > 0;
    answer(std::move(done), {had ? Result::Status::Ok : Result::Status::NotFound, {}, {}});
}

} // namespace deskbell::test
