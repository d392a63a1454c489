#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

class QWidget;

namespace deskbell::test {

// Points the user-scope QSettings (native and ini: the window's own preferences, the language
// choice) at a fresh temporary folder, so no test sees another's or the developer's. Keep the
// folder until the test ends; check isValid().
std::unique_ptr<QTemporaryDir> isolateUserSettings();

// Lets pending layouts settle, then grabs the widget (checked with QVERIFY); with
// DESKBELL_SCREENSHOT_DIR set, keeps the picture there as <name>.png.
void saveScreenshot(QWidget &widget, const QString &name);

} // namespace deskbell::test
