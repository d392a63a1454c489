#pragma once

#include "storage/Database.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace deskbell {

// "Test connection" for a shared store: connects to a PostgreSQL location once, looks, and tells
// what it found, without creating or changing anything (no migration). The work runs on a thread of
// its own, so the window never waits on a slow or unreachable server.
class StoreProbe : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        bool connected = false;
        QString serverVersion; // "16.4"
        QString schema;        // the schema looked at (the location's, else the server's current one)
        bool schemaExists = false;
        bool hasDeskbellTables = false;
        int schemaVersion = 0;    // Deskbell's schema version there; 0 when it has no tables yet
        qint64 appointments = -1; // rows, when the tables exist
        // Plain words: wrong password, unreachable, no such database. Never holds the password.
        QString error;

        // One or two sentences for the operator.
        QString summary() const;
    };

    using QObject::QObject;

    // Synchronous: connects (giving up after the location's connect timeout) on the calling thread.
    // The password is location.password, else DESKBELL_DB_PASSWORD, else none (peer, ~/.pgpass).
    static Result probe(const Database::Location &location);

    // Runs probe() on a thread of its own; finished is emitted on this object's thread (not at all when
    // this object is gone by then; the probe thread still ends by itself).
    void start(const Database::Location &location);
    bool isRunning() const { return m_running; }

    // Writes the shared store's password to the OS keychain as secret::DB_PASSWORD. Call it on a thread
    // with an event loop (the engine's, through EngineHost::call); done runs there, later, with "" or
    // the reason it failed. DESKBELL_KEYCHAIN=off: fails, saying to use DESKBELL_DB_PASSWORD instead.
    static void savePassword(const QByteArray &password, std::function<void(const QString &error)> done);

    // The postgresql:// url of a location's parts, never with its password ([storage] url).
    static QString urlOf(const Database::Location &location);

    // Writes [storage] url into the settings file and leaves every other key as it is (on the engine's
    // thread: it touches the disk). False with *error when the file cannot be written.
    static bool saveStorageUrl(const QString &settingsPath, const QString &url, QString *error);

signals:
    void finished(const deskbell::StoreProbe::Result &result);

private:
    bool m_running = false;
};

} // namespace deskbell

Q_DECLARE_METATYPE(deskbell::StoreProbe::Result)
