// Help > About Deskbell: the version and the Qt it runs on, the icon, and every library Deskbell is
// built from with its licence and full text; and the window's title and icon around it.

#include "AboutDialog.h"
#include "MainWindow.h"
#include "UiTestSupport.h"
#include "support/ConsoleFixture.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

constexpr int WAIT_MS = 10000;

QTreeWidgetItem *findComponent(QTreeWidget *list, const QString &name)
{
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->text(0) == name) {
            return list->topLevelItem(i);
        }
    }
    return nullptr;
}

} // namespace

class TestAboutDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void showsTheVersionAndTheQtItRunsOn();
    void showsTheApplicationIcon();
    void listsEveryLibraryWithItsLicence_data();
    void listsEveryLibraryWithItsLicence();
    void everyLicenceTextIsEmbedded();
    void helpMenuOpensIt();
    void windowTitleNamesTheDesk();
};

void TestAboutDialog::initTestCase()
{
    QCoreApplication::setApplicationName(u"deskbell-tst-aboutdialog"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(DESKBELL_VERSION)); // as main() does
    MainWindow::setWelcomeSuppressed(true);
}

void TestAboutDialog::showsTheVersionAndTheQtItRunsOn()
{
    QCoreApplication::setApplicationVersion(QStringLiteral(DESKBELL_VERSION));
    AboutDialog dialog;
    QVERIFY2(dialog.versionLabel()->text().contains(QStringLiteral(DESKBELL_VERSION)),
             qPrintable(dialog.versionLabel()->text()));
    QVERIFY2(dialog.qtVersionLabel()->text().contains(QString::fromLatin1(qVersion())),
             qPrintable(dialog.qtVersionLabel()->text()));

    // It shows what the application says, not a number of its own.
    QCoreApplication::setApplicationVersion(u"9.8.7"_s);
    AboutDialog other;
    QVERIFY(other.versionLabel()->text().contains(u"9.8.7"_s));
    QCoreApplication::setApplicationVersion(QStringLiteral(DESKBELL_VERSION));
}

void TestAboutDialog::showsTheApplicationIcon()
{
    // The icon main() sets, from the SVG (this needs Qt's SVG plugins: libqt6svg6).
    const QIcon icon(QStringLiteral(DESKBELL_ICON_SVG));
    QVERIFY(!icon.pixmap(64, 64).isNull());
    QApplication::setWindowIcon(icon);
    AboutDialog dialog;
    QVERIFY(!dialog.iconLabel()->pixmap().isNull());

    // Set DESKBELL_SCREENSHOT_DIR to keep a picture of the dialog.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QPixmap shot = dialog.grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("DESKBELL_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(dir + u"/about-dialog.png"_s));
    }
    QApplication::setWindowIcon(QIcon());
}

void TestAboutDialog::listsEveryLibraryWithItsLicence_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("licence");
    QTest::addColumn<QString>("fromTheText"); // a phrase of the licence's own text

    // Licences as the Debian copyright files of the packages built against state them.
    QTest::newRow("Deskbell") << u"Deskbell"_s << u"MIT"_s << u"Permission is hereby granted"_s;
    QTest::newRow("Qt") << u"Qt"_s << u"Lesser General Public License, version 3"_s
                        << u"GNU LESSER GENERAL PUBLIC LICENSE"_s;
    QTest::newRow("Qt HTTP Server") << u"Qt HTTP Server"_s << u"General Public License, version 3"_s
                                    << u"GNU GENERAL PUBLIC LICENSE"_s;
    QTest::newRow("QtKeychain") << u"QtKeychain"_s << u"BSD 2-clause"_s << u"Frank Osterfeld"_s;
    QTest::newRow("libphonenumber") << u"libphonenumber"_s << u"Apache License 2.0"_s << u"Apache License"_s;
    QTest::newRow("ICU") << u"ICU"_s << u"MIT"_s << u"Unicode, Inc."_s;
    QTest::newRow("Protocol Buffers")
        << u"Protocol Buffers"_s << u"BSD 3-clause"_s << u"Neither the name of Google Inc."_s;
    QTest::newRow("Abseil") << u"Abseil"_s << u"Apache License 2.0"_s << u"Apache License"_s;
    QTest::newRow("SQLite") << u"SQLite"_s << u"Public domain"_s << u"public domain"_s;
}

void TestAboutDialog::listsEveryLibraryWithItsLicence()
{
    QFETCH(QString, name);
    QFETCH(QString, licence);
    QFETCH(QString, fromTheText);

    AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTreeWidgetItem *item = findComponent(dialog.componentList(), name);
    QVERIFY2(item, qPrintable(name));
    QVERIFY2(item->text(1).contains(licence), qPrintable(item->text(1)));
    QVERIFY(!item->text(2).isEmpty()); // what Deskbell uses it for

    dialog.componentList()->setCurrentItem(item);
    const QString shown = dialog.licenceView()->toPlainText();
    QVERIFY2(shown.startsWith(name), qPrintable(shown.left(200)));
    QVERIFY2(shown.contains(fromTheText), qPrintable(shown.left(400)));
}

void TestAboutDialog::everyLicenceTextIsEmbedded()
{
    const auto components = AboutDialog::components();
    QVERIFY(components.size() >= 9);
    for (const auto &component : components) {
        QVERIFY2(!component.texts.isEmpty(), qPrintable(component.name));
        QVERIFY2(AboutDialog::licenceText(component).size() > 100, qPrintable(component.name));
        for (const QString &path : component.texts) {
            QVERIFY2(QFile::exists(path), qPrintable(path));
        }
        QVERIFY2(component.url.startsWith(u"https://"_s), qPrintable(component.url));
    }
}

void TestAboutDialog::helpMenuOpensIt()
{
    const auto settingsDir = test::isolateUserSettings();
    QVERIFY(settingsDir->isValid());
    test::ConsoleFixture fixture;
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    MainWindow window(fixture.host(), fixture.reader(), fixture.clock(), fixture.deskZone(), {});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QMenu *help = nullptr;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->menu() && menu->menu()->actions().contains(window.aboutAction())) {
            help = menu->menu();
        }
    }
    QVERIFY(help);
    QCOMPARE(help->title(), u"&Help"_s);
    window.aboutAction()->trigger();
    AboutDialog *dialog = window.findChild<AboutDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // A second click shows the same dialog, not another.
    window.aboutAction()->trigger();
    QCOMPARE(window.findChildren<AboutDialog *>().size(), 1);
}

void TestAboutDialog::windowTitleNamesTheDesk()
{
    const auto settingsDir = test::isolateUserSettings();
    QVERIFY(settingsDir->isValid());
    test::ConsoleFixture fixture; // Sandbox sending, no Calendly account
    QString error;
    QVERIFY2(fixture.start(&error), qPrintable(error));
    MainWindow window(fixture.host(), fixture.reader(), fixture.clock(), fixture.deskZone(), {});
    QSignalSpy shown(&window, &MainWindow::statusShown);
    window.show();
    QVERIFY(shown.count() > 0 || shown.wait(WAIT_MS));
    QCOMPARE(window.windowTitle(), u"Sandbox — Deskbell"_s);
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
