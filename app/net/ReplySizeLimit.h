#pragma once

#include <QtGlobal>

#include <memory>

class QNetworkReply;
class QObject;

namespace deskbell {

// True when an answer is larger than maxBytes: by its declared Content-Length, or by what has
// already arrived.
bool replyExceeds(const QNetworkReply *reply, qint64 maxBytes);

// Aborts reply as soon as replyExceeds() (checked when its headers arrive and on every chunk), so a
// broken or hostile server cannot fill memory; finished() follows from inside abort(). The flag
// tells the finished() handler that this is why the reply ended. The checks are connected with
// context, so they end with it or with reply->disconnect(context).
std::shared_ptr<const bool> abortWhenReplyExceeds(QNetworkReply *reply, qint64 maxBytes, QObject *context);

} // namespace deskbell
