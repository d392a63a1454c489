#pragma once

#include "storage/Database.h"
#include "storage/StoreMigrator.h"
#include "storage/StoreProbe.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace deskbell {

class EngineHost;

// Options > Shared store: moves this desk onto a PostgreSQL store several desks share. "Test
// connection" connects once off the GUI thread (StoreProbe) and says what is there. Saving writes
// [storage] url (never the password) to the settings file on the engine's thread, the password to
// the keychain (secret::DB_PASSWORD), and, when asked, first copies this desk's SQLite data into the
// store (StoreMigrator, after the engine has stopped and let go of the file). The new store is used
// after a restart, which the dialog offers.
class StoreDialog : public QDialog
{
    Q_OBJECT

public:
    // current: where this desk's data is now (its fields are filled in when that is PostgreSQL).
    StoreDialog(EngineHost &host, const Database::Location &current, const QString &settingsPath,
                QWidget *parent = nullptr);
    ~StoreDialog() override;

    // What the default restarter ends the event loop with: main() then starts the same program again,
    // once everything of this run (its lock, its single-instance server) is gone.
    static constexpr int RESTART_EXIT_CODE = 1000;

    // Writes the password somewhere safe and calls done("" or the error) later on this thread.
    // Default: the OS keychain on the engine's thread (StoreProbe::savePassword). Tests replace it.
    using PasswordSaver =
        std::function<void(const QByteArray &password, std::function<void(const QString &)> done)>;
    void setPasswordSaver(PasswordSaver saver) { m_savePassword = std::move(saver); }
    // Starts this program again and quits. Default: the same binary with the same arguments.
    void setRestarter(std::function<void()> restart) { m_restart = std::move(restart); }

    // The location the fields describe (with the password typed).
    Database::Location location() const;
    QString url() const; // without the password

    void done(int result) override;

signals:
    void probeFinished(const deskbell::StoreProbe::Result &result);
    // The settings file names the new store now (and the copy, if asked for, succeeded).
    void saved(const QString &url);
    void copyFinished(const deskbell::StoreMigrator::Report &report);

private:
    void testConnection();
    void save();
    void afterPassword();
    void startCopy();
    void writeUrl();
    void offerRestart(const QString &text);
    void setBusy(bool busy, const QString &text);
    void showResult(const QString &text, bool problem);

    EngineHost &m_host;
    Database::Location m_current;
    QString m_settingsPath;
    PasswordSaver m_savePassword;
    std::function<void()> m_restart;
    StoreProbe *m_probe;

    QLineEdit *m_hostEdit;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLineEdit *m_schema;
    QComboBox *m_sslMode;
    QPushButton *m_test;
    QCheckBox *m_copy;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
    bool m_engineStopped = false;
};

} // namespace deskbell

Q_DECLARE_METATYPE(deskbell::StoreMigrator::Report)
