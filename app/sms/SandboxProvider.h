#pragma once

#include "sms/SmsProvider.h"

#include <QList>

namespace deskbell {

// The provider while no SMS account is connected: sends nothing, accepts everything, and keeps what
// would have gone out, so a new user sees the whole flow work before paying for a single text.
class SandboxProvider final : public SmsProvider
{
    Q_OBJECT

public:
    using SmsProvider::SmsProvider;

    QString name() const override { return QStringLiteral("sandbox"); }
    void send(const SmsRequest &request) override;

    const QList<SmsRequest> &wouldHaveSent() const { return m_sent; }

private:
    QList<SmsRequest> m_sent;
    quint64 m_counter = 0;
};

} // namespace deskbell
