#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace deskbell {

// "Start with the session": on Linux and other XDG desktops a desktop entry in
// $XDG_CONFIG_HOME/autostart (default ~/.config/autostart), as the XDG Autostart specification
// says; removing the file turns it off. Windows and macOS are not handled yet: isSupported() is
// false there and setEnabled() changes nothing and says so.
class Autostart
{
public:
    // directory: where the entry goes; empty means the session's autostart folder.
    explicit Autostart(QString directory = {});

    static bool isSupported();
    // $XDG_CONFIG_HOME/autostart, or ~/.config/autostart when that is not set.
    static QString defaultDirectory();

    QString filePath() const;
    bool isEnabled() const;
    // Writes or removes the entry. False with *error (plain words) when that failed.
    bool setEnabled(bool enabled, QString *error);

    // The desktop entry that starts `executable` with `arguments`, with Exec quoted as the Desktop
    // Entry spec asks.
    static QByteArray desktopEntry(const QString &executable, const QStringList &arguments = {});
    // What the next session must pass to start this same desk: --config with the settings file made
    // absolute, when commandLine (this copy's arguments, program first) has one; else nothing.
    static QStringList launchArguments(const QStringList &commandLine);
    // The program to start: the AppImage when running from one, else this executable.
    static QString executable();

private:
    QString m_directory;
};

} // namespace deskbell
