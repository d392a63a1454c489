#pragma once

#include "EngineHost.h"
#include "storage/ConsoleReader.h"
#include "support/FakeClock.h"
#include "support/MemorySecretStore.h"
#include "support/TestDatabase.h"

#include <QByteArray>
#include <QDateTime>
#include <QEventLoop>
#include <QHash>
#include <QString>
#include <QTemporaryDir>
#include <QTimeZone>

#include <functional>
#include <memory>

namespace deskbell {
class Database;
class Store;
} // namespace deskbell

namespace deskbell::test {

// Monday 2 November 2026, 09:00 in Bangkok (02:00 UTC): where a fixture's clock starts unless the
// test says otherwise, so the desk's today is that Monday.
inline const QDateTime DESK_NOW(QDate(2026, 11, 2), QTime(2, 0), QTimeZone::utc());

// hour:minute in Asia/Bangkok (the fixture's desk zone) on DESK_NOW's day, or dayOffset days later,
// in UTC.
QDateTime atBangkok(int hour, int minute = 0, int dayOffset = 0);

// A whole console back end for UI and console tests: a settings file and SQLite database in a
// temporary folder, the real Engine on its own thread (EngineHost, Sandbox provider, listener on a
// free loopback port), an in-memory keychain, a FakeClock, and a ConsoleReader on the same
// database. Tests seed data through ingest() (the real webhook path without HTTP) or store().
class ConsoleFixture
{
public:
    struct Options
    {
        // Appended to the generated settings file (which sets [listener] port = 0, Sandbox sending,
        // fallback_timezone = Asia/Bangkok, default_region = TH, reminders 1440 and 120 min, and a
        // template id for every kind). Later keys win, so a test can override any of them.
        QString extraSettings;
        QHash<QString, QByteArray> secrets; // initial keychain content
        QDateTime nowUtc = DESK_NOW;
        // The store is a schema of its own on the throwaway PostgreSQL server of with-postgres.sh
        // ([storage] url names it) instead of a SQLite file; start() fails outside that launcher.
        bool postgres = false;
    };

    explicit ConsoleFixture(Options options);
    ConsoleFixture()
        : ConsoleFixture(Options{})
    {}
    ~ConsoleFixture();

    // Writes the settings, starts the engine and opens the reader. False with *error on failure.
    bool start(QString *error);

    // The settings file start() writes: the base settings described at Options::extraSettings, with
    // extraSettings merged in. Also for tests that start the real program with a file of their own.
    static QByteArray settingsText(const QString &extraSettings = {});

    FakeClock &clock() { return m_clock; }
    EngineHost &host() { return *m_host; }
    ConsoleReader &reader() { return *m_reader; }
    // Lives on the engine's thread: touch it through onEngine().
    MemorySecretStore &secrets() { return *m_secrets; }
    QString dataDir() const { return m_dir.path(); }
    QString settingsPath() const;
    // Where the engine keeps its data (as the engine reports it; PostgreSQL: with the password).
    Database::Location location();
    QTimeZone deskZone() const { return QTimeZone("Asia/Bangkok"); }

    // Runs work on the engine's thread and waits for its result (processing this thread's events).
    template <typename Result> Result onEngine(std::function<Result(Engine &)> work)
    {
        std::optional<Result> out;
        QEventLoop loop;
        QObject context;
        m_host->call<Result>(&context, std::move(work), [&](Result r) {
            out = std::move(r);
            loop.quit();
        });
        if (!out) {
            loop.exec();
        }
        return std::move(*out);
    }

    // Records and plans a Calendly webhook body through the engine (as if it came in by webhook).
    BookingProcessor::Result ingest(const QByteArray &body);
    // A new booking through ingest(), checked (QCOMPARE) to be planned: outcome "applied".
    void book(const QString &id, const QString &name, const QDateTime &startUtc,
              const QString &timezone = QStringLiteral("Asia/Bangkok"),
              const QString &phone = QStringLiteral("+66 81 234 5678"));
    // A store on a connection of the test's own thread, for seeding and checking rows directly.
    Store &store();

private:
    Options m_options;
    QTemporaryDir m_dir;
    FakeClock m_clock;
    MemorySecretStore *m_secrets = nullptr; // owned by the host's thread once started
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<ConsoleReader> m_reader;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<TestDatabase> m_testDb; // Options::postgres
};

// A postgresql:// url for a PostgreSQL location (with its schema), as a settings file or the command
// line takes it; the password only when asked for.
QString postgresUrl(const Database::Location &location, bool withPassword);

} // namespace deskbell::test
