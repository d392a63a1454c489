#include "sms/SandboxProvider.h"

#include "domain/Phone.h"

#include <QLoggingCategory>
#include <QTimer>

namespace deskbell {

Q_LOGGING_CATEGORY(lcSandbox, "deskbell.sms")

using namespace Qt::StringLiterals;

void SandboxProvider::send(const SmsRequest &request)
{
    m_sent.append(request);
    SmsResult result;
    result.outcome = SmsResult::Outcome::Accepted;
    result.providerMessageId = u"sandbox-%1"_s.arg(++m_counter);
    result.planId = u"sandbox"_s;
    result.message = u"not sent: sandbox"_s;
    // Parameter names only: the values hold the invitee's name and links, which logs do not need.
    qCInfo(lcSandbox).noquote() << u"sandbox: would send template %1 to %2 with %3"_s.arg(
        request.templateId, phone::mask(request.to), request.params.keys().join(u", "_s));
    // Answer later, like a real provider, so the dispatcher's bookkeeping is exercised the same way.
    QTimer::singleShot(0, this, [this, id = request.messageId, result] { emit finished(id, result); });
}

} // namespace deskbell
