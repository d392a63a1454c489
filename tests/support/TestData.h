#pragma once

#include <QByteArray>
#include <QString>

namespace deskbell::test {

// Absolute path of a file under tests/data.
QString dataPath(const QString &relative);
// Contents of a file under tests/data; fails the current test (QFAIL-style message) when missing.
QByteArray readData(const QString &relative);

} // namespace deskbell::test
