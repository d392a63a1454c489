// "Start with the session": the XDG autostart entry Deskbell writes is one the desktop accepts
// (desktop-file-validate, when installed), and it starts the same program with the same settings.

#include "Autostart.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

QMap<QString, QString> keysOf(const QByteArray &entry)
{
    QMap<QString, QString> keys;
    const QStringList lines = QString::fromUtf8(entry).split(u'\n');
    for (const QString &line : lines) {
        const qsizetype eq = line.indexOf(u'=');
        if (eq > 0) {
            keys.insert(line.left(eq), line.mid(eq + 1));
        }
    }
    return keys;
}

// The Exec key read back as a desktop would (Desktop Entry spec, "The Exec key"): first the string
// escapes, then the quoting, then %% for a literal %.
QStringList execArguments(QString exec)
{
    exec.replace(u"\\\\"_s, u"\\"_s);
    QStringList arguments;
    QString current;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < exec.size(); ++i) {
        const QChar c = exec.at(i);
        if (quoted) {
            if (c == u'\\' && i + 1 < exec.size()) {
                current += exec.at(++i);
            } else if (c == u'"') {
                quoted = false;
            } else {
                current += c;
            }
        } else if (c == u'"') {
            quoted = true;
            any = true;
        } else if (c == u' ') {
            if (any || !current.isEmpty()) {
                arguments << current;
            }
            current.clear();
            any = false;
        } else {
            current += c;
        }
    }
    if (any || !current.isEmpty()) {
        arguments << current;
    }
    for (QString &argument : arguments) {
        argument.replace(u"%%"_s, u"%"_s);
    }
    return arguments;
}

} // namespace

class TestAutostart : public QObject
{
    Q_OBJECT

private slots:
    void entryIsValid_data();
    void entryIsValid();
    void keepsTheSettingsFile_data();
    void keepsTheSettingsFile();
    void writesTheEntryIntoTheSessionFolder();
};

void TestAutostart::entryIsValid_data()
{
    QTest::addColumn<QString>("executable");
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("plain path") << u"/usr/bin/deskbell"_s << QStringList();
    QTest::newRow("spaces") << u"/opt/My Apps/deskbell"_s << QStringList();
    QTest::newRow("dollar and quote") << u"/opt/a$b \"c\"/deskbell"_s << QStringList();
    QTest::newRow("percent") << u"/opt/100%/deskbell"_s << QStringList();
    QTest::newRow("backslash") << u"/opt/a\\b/deskbell"_s << QStringList();
    QTest::newRow("with a settings file")
        << u"/usr/bin/deskbell"_s << QStringList{u"--config"_s, u"/home/desk/Front Desk/clinic.ini"_s};
}

void TestAutostart::entryIsValid()
{
    QFETCH(QString, executable);
    QFETCH(QStringList, arguments);

    const QByteArray entry = Autostart::desktopEntry(executable, arguments);
    QVERIFY(entry.startsWith("[Desktop Entry]\n"));
    const auto keys = keysOf(entry);
    QCOMPARE(keys.value(u"Type"_s), u"Application"_s);
    QCOMPARE(keys.value(u"Name"_s), u"Deskbell"_s);
    QCOMPARE(keys.value(u"Icon"_s), u"deskbell"_s); // the icon packaging/linux installs
    QCOMPARE(keys.value(u"Terminal"_s), u"false"_s);
    QCOMPARE(execArguments(keys.value(u"Exec"_s)), QStringList{executable} + arguments);

    const QString validator = QStandardPaths::findExecutable(u"desktop-file-validate"_s);
    if (validator.isEmpty()) {
        QSKIP("desktop-file-validate is not installed (Debian: desktop-file-utils); the keys were checked");
    }
    QTemporaryDir dir;
    QFile file(dir.filePath(u"deskbell.desktop"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(entry);
    file.close();
    QProcess validate;
    validate.setProcessChannelMode(QProcess::MergedChannels);
    validate.start(validator, {file.fileName()});
    QVERIFY(validate.waitForFinished(30000));
    const QByteArray output = validate.readAll();
    QVERIFY2(validate.exitCode() == 0 && output.trimmed().isEmpty(), output.constData());
}

void TestAutostart::keepsTheSettingsFile_data()
{
    QTest::addColumn<QStringList>("commandLine");
    QTest::addColumn<QStringList>("expected");

    const QString cwd = QDir::currentPath();
    QTest::newRow("no settings file") << QStringList{u"deskbell"_s} << QStringList();
    QTest::newRow("other options only")
        << QStringList{u"deskbell"_s, u"--language"_s, u"th"_s} << QStringList();
    QTest::newRow("absolute") << QStringList{u"deskbell"_s, u"--config"_s, u"/srv/desk/clinic.ini"_s}
                              << QStringList{u"--config"_s, u"/srv/desk/clinic.ini"_s};
    QTest::newRow("relative, made absolute") << QStringList{u"deskbell"_s, u"--config"_s, u"clinic.ini"_s}
                                             << QStringList{u"--config"_s, cwd + u"/clinic.ini"_s};
    QTest::newRow("with =") << QStringList{u"deskbell"_s, u"--config=/srv/desk/clinic.ini"_s}
                            << QStringList{u"--config"_s, u"/srv/desk/clinic.ini"_s};
    QTest::newRow("the last one wins")
        << QStringList{u"deskbell"_s, u"--config"_s, u"/a.ini"_s, u"--config"_s, u"/b.ini"_s}
        << QStringList{u"--config"_s, u"/b.ini"_s};
}

void TestAutostart::keepsTheSettingsFile()
{
    QFETCH(QStringList, commandLine);
    QFETCH(QStringList, expected);
    QCOMPARE(Autostart::launchArguments(commandLine), expected);
}

void TestAutostart::writesTheEntryIntoTheSessionFolder()
{
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    auto unset = qScopeGuard([] { qunsetenv("XDG_CONFIG_HOME"); });
    QCOMPARE(Autostart::defaultDirectory(), config.filePath(u"autostart"_s));

    // The spec: a relative XDG_CONFIG_HOME is ignored.
    qputenv("XDG_CONFIG_HOME", "relative/config");
    QCOMPARE(Autostart::defaultDirectory(), QDir::homePath() + u"/.config/autostart"_s);
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());

    Autostart autostart;
    QString error;
    QVERIFY2(autostart.setEnabled(true, &error), qPrintable(error));
    QFile file(config.filePath(u"autostart/deskbell.desktop"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto keys = keysOf(file.readAll());
    QCOMPARE(execArguments(keys.value(u"Exec"_s)).value(0), QCoreApplication::applicationFilePath());
    QVERIFY2(autostart.setEnabled(false, &error), qPrintable(error));
    QVERIFY(!file.exists());
}

QTEST_MAIN(TestAutostart)
#include "tst_autostart.moc"
