#pragma once

#include "domain/Rules.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace deskbell {

// Deskbell's one INI file: read, validate, and turn into typed values. A bad value is reported with
// its key and is never replaced by the default behind the operator's back: a load with errors is not
// ok, and the engine does not plan messages from it.
class Settings
{
public:
    struct Problem
    {
        enum class Severity
        {
            Error,   // the value cannot be used; the settings are not ok
            Warning, // e.g. an unknown key (a typo?) that is ignored
        };
        Severity severity = Severity::Error;
        QString key; // "rules/quiet_hours", "event_type.call/match"
        QString message;

        QString toString() const; // "[rules] quiet_hours: expected HH:MM-HH:MM ..."
    };

    struct Sms
    {
        QString provider = QStringLiteral("sandbox"); // sandbox | engagelab
        QUrl apiBase = QUrl(QStringLiteral("https://smsapi.engagelab.com"));
        int maxInFlight = 4;
        int maxPerSecond = 10;
        int maxAttempts = 6;
        int lateMaxMin = 720;
        // PostgreSQL store shared by several desks: how long a desk's claim on a send it is making
        // lasts. A desk that stops (crash, power cut) leaves its sends claimed; once the claim runs
        // out another desk records them as "unknown" (maybe sent) instead of sending them again.
        int claimLeaseSecs = 60;
    };

    struct Calendly
    {
        QString mode; // webhook | poll | hybrid; empty in the file: hybrid with a public_url, else poll
        QUrl apiBase = QUrl(QStringLiteral("https://api.calendly.com"));
        QUrl publicUrl; // where Calendly reaches the listener (a tunnel or reverse proxy), may be empty
        int pollIntervalSecs = 60;
        int pollDays = 30;
        int signatureToleranceSecs = 180;
        // "Sign in with Calendly" (OAuth with PKCE) when set; else a personal access token is pasted.
        QString oauthClientId;
        QUrl oauthBase = QUrl(QStringLiteral("https://auth.calendly.com"));

        QString effectiveMode() const;
    };

    struct Listener
    {
        QString address = QStringLiteral("127.0.0.1");
        int port = 8787;
        qint64 maxBodyBytes = 262144;
        QString tlsCert;
        QString tlsKey;
    };

    struct Values
    {
        QString storageUrl; // as written; empty = SQLite in the app data folder
        RuleSet rules;
        Sms sms;
        Calendly calendly;
        Listener listener;
    };

    struct LoadResult
    {
        QString path;
        bool fileExisted = false;
        Values values;
        QList<Problem> problems;

        bool ok() const;
        QList<Problem> errors() const;
    };

    // $XDG_CONFIG_HOME/deskbell/deskbell.ini (QStandardPaths::AppConfigLocation) on Linux.
    static QString defaultPath();
    // Reads the file (a missing file means all defaults). systemTimezone fills fallback_timezone when
    // the key is empty; tests pass a fixed one.
    static LoadResult load(const QString &path, const QByteArray &systemTimezone);
    // Writes the given values' keys (used for a first-run file and by the settings editor).
    static bool save(const QString &path, const Values &values, QString *error);

    // Several desks on one PostgreSQL store plan with the same rules: [rules], [templates] and every
    // [event_type.*] section travel through the database (Engine). This is their INI text, the same
    // text for the same values; empty when it cannot be made.
    static QByteArray sharedSections(const Values &values);
    // Like load(), but those sections come from `shared` (sharedSections() of some desk) instead of
    // the file; every other section is the file's. An empty `shared` is load().
    static LoadResult loadWithShared(const QString &path, const QByteArray &systemTimezone,
                                     const QByteArray &shared);
};

} // namespace deskbell
