#include "UiTestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QPixmap>
#include <QSettings>
#include <QTest>
#include <QWidget>

namespace deskbell::test {

using namespace Qt::StringLiterals;

std::unique_ptr<QTemporaryDir> isolateUserSettings()
{
    auto dir = std::make_unique<QTemporaryDir>();
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir->path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir->path());
    return dir;
}

void saveScreenshot(QWidget &widget, const QString &name)
{
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    }
    const QPixmap shot = widget.grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("DESKBELL_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(dir + u'/' + name + u".png"_s));
    }
}

} // namespace deskbell::test
