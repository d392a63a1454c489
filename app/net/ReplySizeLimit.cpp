#include "net/ReplySizeLimit.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace deskbell {

bool replyExceeds(const QNetworkReply *reply, qint64 maxBytes)
{
    const QVariant declared = reply->header(QNetworkRequest::ContentLengthHeader);
    return reply->bytesAvailable() > maxBytes || (declared.isValid() && declared.toLongLong() > maxBytes);
}

std::shared_ptr<const bool> abortWhenReplyExceeds(QNetworkReply *reply, qint64 maxBytes, QObject *context)
{
    auto oversized = std::make_shared<bool>(false);
    const auto check = [reply, maxBytes, oversized] {
        if (!*oversized && replyExceeds(reply, maxBytes)) {
            *oversized = true;
            reply->abort();
        }
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, context, check);
    QObject::connect(reply, &QNetworkReply::readyRead, context, check);
    return oversized;
}

} // namespace deskbell
