#pragma once

#include "secrets/SecretStore.h"

#include <QHash>

namespace deskbell::test {

// A real SecretStore kept in memory, for tests that must not touch the desktop keychain. It keeps
// the interface's promises (one callback, later, on this thread) and can play a locked keychain:
// with setAvailable(false) every call answers Unavailable and nothing is stored.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit MemorySecretStore(QHash<QString, QByteArray> initial = {}, QObject *parent = nullptr);

    void read(const QString &name, Callback done) override;
    void write(const QString &name, const QByteArray &value, Callback done) override;
    void remove(const QString &name, Callback done) override;

    void setAvailable(bool available) { m_available = available; }
    bool contains(const QString &name) const { return m_values.contains(name); }
    QByteArray value(const QString &name) const { return m_values.value(name); }
    int writes() const { return m_writes; }

private:
    void answer(Callback done, Result result);

    QHash<QString, QByteArray> m_values;
    bool m_available = true;
    int m_writes = 0;
};

} // namespace deskbell::test
