#include "Autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

// Desktop Entry spec, "The Exec key": an argument with a reserved character is double-quoted, and
// inside the quotes ", `, $ and \ take a backslash; then the string-value escaping doubles every
// backslash again, and a literal % is written %%.
QString quoteExecArgument(const QString &argument)
{
    static const QString reserved = u" \t\n\"'\\><~|&;$*?#()`"_s;
    bool needsQuotes = argument.isEmpty();
    for (const QChar c : argument) {
        if (reserved.contains(c)) {
            needsQuotes = true;
            break;
        }
    }
    QString out;
    for (const QChar c : argument) {
        if (needsQuotes && (c == u'"' || c == u'`' || c == u'$' || c == u'\\')) {
            out += u'\\';
        }
        out += c;
    }
    if (needsQuotes) {
        out = u'"' + out + u'"';
    }
    out.replace(u"\\"_s, u"\\\\"_s);
    out.replace(u"%"_s, u"%%"_s);
    return out;
}

} // namespace

Autostart::Autostart(QString directory)
    : m_directory(directory.isEmpty() ? defaultDirectory() : std::move(directory))
{}

bool Autostart::isSupported()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS) && !defined(Q_OS_ANDROID) && !defined(Q_OS_IOS)
    return true;
#else
    return false;
#endif
}

QString Autostart::defaultDirectory()
{
    if (!isSupported()) {
        return {};
    }
    QString base = qEnvironmentVariable("XDG_CONFIG_HOME");
    // The spec: a relative XDG_CONFIG_HOME is invalid and must be ignored.
    if (base.isEmpty() || QDir::isRelativePath(base)) {
        base = QDir::homePath() + u"/.config"_s;
    }
    return base + u"/autostart"_s;
}

QString Autostart::filePath() const
{
    return m_directory.isEmpty() ? QString() : m_directory + u"/deskbell.desktop"_s;
}

bool Autostart::isEnabled() const
{
    return isSupported() && !m_directory.isEmpty() && QFileInfo::exists(filePath());
}

QString Autostart::executable()
{
    const QString appImage = qEnvironmentVariable("APPIMAGE");
    return appImage.isEmpty() ? QCoreApplication::applicationFilePath() : appImage;
}

QStringList Autostart::launchArguments(const QStringList &commandLine)
{
    // The session starts programs in the home folder, so a relative path would name another file.
    // The last --config wins, as with QCommandLineParser::value().
    static const QString option = u"--config"_s;
    QString path;
    for (qsizetype i = 1; i < commandLine.size(); ++i) {
        const QString &argument = commandLine.at(i);
        if (argument == option && i + 1 < commandLine.size()) {
            path = commandLine.at(++i);
        } else if (argument.startsWith(option + u'=')) {
            path = argument.mid(option.size() + 1);
        }
    }
    if (path.isEmpty()) {
        return {};
    }
    return {option, QFileInfo(path).absoluteFilePath()};
}

QByteArray Autostart::desktopEntry(const QString &executable, const QStringList &arguments)
{
    QString exec = quoteExecArgument(executable);
    for (const QString &argument : arguments) {
        exec += u' ' + quoteExecArgument(argument);
    }
    QString text;
    text += u"[Desktop Entry]\n"_s;
    text += u"Type=Application\n"_s;
    text += u"Name=Deskbell\n"_s;
    text += u"Comment=Texts Calendly invitees their confirmations and reminders\n"_s;
    text += u"Exec="_s + exec + u'\n';
    text += u"Icon=deskbell\n"_s;
    text += u"Terminal=false\n"_s;
    text += u"X-GNOME-Autostart-enabled=true\n"_s;
    return text.toUtf8();
}

bool Autostart::setEnabled(bool enabled, QString *error)
{
    if (!isSupported() || m_directory.isEmpty()) {
        if (error) {
            *error =
                QCoreApplication::translate("Autostart", "Starting with the session is not available on this "
                                                         "system yet.");
        }
        return false;
    }
    if (!enabled) {
        if (QFileInfo::exists(filePath()) && !QFile::remove(filePath())) {
            if (error) {
                *error = QCoreApplication::translate("Autostart", "Could not remove %1.").arg(filePath());
            }
            return false;
        }
        return true;
    }
    if (!QDir().mkpath(m_directory)) {
        if (error) {
            *error =
                QCoreApplication::translate("Autostart", "Could not create the folder %1.").arg(m_directory);
        }
        return false;
    }
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(desktopEntry(executable(), launchArguments(QCoreApplication::arguments()))) < 0 ||
        !file.commit()) {
        if (error) {
            *error = QCoreApplication::translate("Autostart", "Could not write %1: %2")
                         .arg(filePath(), file.errorString());
        }
        return false;
    }
    return true;
}

} // namespace deskbell
