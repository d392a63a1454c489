#include "sms/SmsProvider.h"

namespace deskbell {

using namespace Qt::StringLiterals;

QString toText(SmsResult::Outcome outcome)
{
    switch (outcome) {
    case SmsResult::Outcome::Accepted:
        return u"accepted"_s;
    case SmsResult::Outcome::Transient:
        return u"transient"_s;
    case SmsResult::Outcome::Unknown:
        return u"unknown"_s;
    case SmsResult::Outcome::Permanent:
        return u"permanent"_s;
    case SmsResult::Outcome::AuthFailed:
        return u"auth_failed"_s;
    }
    return u"unknown"_s;
}

} // namespace deskbell
