#pragma once

#include "domain/Message.h"

#include <QCoreApplication>
#include <QString>

namespace deskbell {

struct SmsTemplate;

// The words the console uses for message kinds, states and template reviews, translated (the
// app's own names are keys and log words, not operator text).
class UiText
{
    Q_DECLARE_TR_FUNCTIONS(UiText)

public:
    static QString kindName(MessageKind kind);
    static QString stateName(MessageState state);
    // "Approved", "Pending review", "Rejected", "Unknown".
    static QString reviewStatus(const SmsTemplate *found);
};

} // namespace deskbell
