#include "TestData.h"

#include <QFile>
#include <QTest>

namespace deskbell::test {

QString dataPath(const QString &relative)
{
    return QStringLiteral(DESKBELL_TEST_DATA_DIR "/") + relative;
}

QByteArray readData(const QString &relative)
{
    QFile file(dataPath(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("test data missing: %s", qPrintable(file.fileName()));
    }
    return file.readAll();
}

} // namespace deskbell::test
