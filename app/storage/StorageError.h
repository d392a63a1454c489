#pragma once

#include <QString>

#include <stdexcept>

namespace deskbell {

// Thrown by the storage layer when the database refuses an operation. Callers that own a
// transaction catch it, roll back, and report; nothing half-written survives.
class StorageError : public std::runtime_error
{
public:
    explicit StorageError(const QString &message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {}
    QString message() const { return m_message; }

private:
    QString m_message;
};

} // namespace deskbell
