#pragma once

#include "calendly/CalendlyClient.h"
#include "config/Settings.h"
#include "domain/Appointment.h"
#include "domain/Message.h"
#include "engine/BookingProcessor.h"
#include "engine/OperatorActions.h"
#include "engine/RulesChange.h"
#include "sms/EngageLabTemplates.h"
#include "storage/ConsoleQueries.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>

#include <memory>

class QLockFile;
class QTimer;
class QNetworkAccessManager;

namespace deskbell {

class AccountConnector;
class BookingSimulator;
class CalendlyOAuth;
class Clock;
class Dispatcher;
class Reconciler;
class SubscriptionManager;
class WebhookListener;
class KeychainSecretStore;
class LayeredSecretStore;
class SecretStore;
class SmsProvider;
class Store;

// The composition root: reads the settings, opens the store, builds and wires the services. The GUI
// and the headless service both use it; nothing else constructs these services.
class Engine : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString settingsPath;      // the INI file; Settings::defaultPath() when empty
        QString dataDir;           // where the default SQLite file lives; AppDataLocation when empty
        QByteArray systemTimezone; // fallback zone when the settings name none; the system's when empty
        // Where credentials come from; null: DESKBELL_* environment variables, else the OS keychain.
        SecretStore *secrets = nullptr;
    };

    using UpcomingItem = ConsoleQueries::UpcomingItem;

    // Everything the status panel shows, sent whenever a part of it changes (statusChanged).
    struct Status
    {
        bool storageOpen = false;
        QString databaseUrl;      // where the data lives, as configured (never with a password)
        QString instanceId;       // this run of the engine, as logged (Engine::instanceId())
        bool sharedStore = false; // PostgreSQL: other desks may use the same store and rules
        bool settingsOk = false;  // false: nothing is planned until the settings are fixed
        QStringList settingsErrors;
        // listener
        QUrl listenerUrl; // empty when not listening
        QString listenerError;
        QUrl publicUrl; // what Calendly is given (a tunnel or reverse proxy), may be empty
        // Calendly
        QString calendlyMode;    // webhook | poll | hybrid (effective)
        QString calendlyAccount; // user name once users/me answered; empty: not connected
        QString calendlyError;   // the last connection or polling problem, plain words
        QDateTime lastPollUtc;   // last successful poll; invalid: never
        bool webhookSubscribed = false;
        // sending
        QString providerName; // "sandbox" | "engagelab"; empty: not sending (no credentials)
        bool sandbox = true;
        QString providerError; // e.g. credentials refused
        bool paused = false;
        QString pauseReason;
        // things the operator must act on, with what to do, newest last
        QStringList alerts;
        bool oauthAvailable = false; // a Calendly OAuth client id is configured
    };

    Engine(Options options, const Clock &clock, QObject *parent = nullptr);
    ~Engine() override;

    // Loads settings and opens the database. Returns false with a message an operator can act on:
    // every settings error with its key, or why the database could not be opened. Settings errors do
    // not stop the database from opening (the console still shows what is there), but no event is
    // planned until they are fixed.
    bool start(QString *error);
    // True when messages are being planned: the database is open and the settings are usable.
    bool isReady() const { return m_planning; }

    // Stops the listener and polling, takes no new message, and waits (running the event loop) up to
    // timeoutMs for the sends in flight to be answered and recorded. False if some were still open.
    bool shutdown(int timeoutMs);
    bool isStorageOpen() const { return m_store != nullptr; }

    const Settings::LoadResult &settings() const { return m_settings; }
    // For messages: the SQLite file, or the PostgreSQL url without its password.
    QString databasePath() const;
    // A new UUID per process run: logged at start and given to the dispatcher, which marks the sends
    // it claims with it, so several desks on one PostgreSQL store can tell whose send is whose.
    QString instanceId() const { return m_instanceId; }
    QString settingsPath() const { return m_settings.path; }

    // Records and plans one Calendly webhook body (source: webhook | poll | manual). With unusable
    // settings the body is still recorded, as "pending", and planned at the next good start.
    BookingProcessor::Result ingest(const QByteArray &body, const QString &source);

    QString smsProviderName() const; // "sandbox", "engagelab"; empty before start()
    // Where the embedded listener answers (http://127.0.0.1:8787), empty when it is not running.
    QUrl listenerUrl() const;
    bool isSendingPaused() const;

    // Appointments starting in [fromUtc, toUtc) with their messages, by start time.
    QList<UpcomingItem> upcoming(const QDateTime &fromUtc, const QDateTime &toUtc);

    // ---- for the console (call these on the engine's thread, through EngineHost::call)
    Status status() const;
    Database::Location databaseLocation() const { return m_location; }
    // Null until the database is open.
    OperatorActions *actions() { return m_actions.get(); }
    // Lives on the engine's thread; null before start().
    AccountConnector *accounts() { return m_accounts.get(); }
    // Null unless [calendly] oauth_client_id is set.
    CalendlyOAuth *oauth() { return m_oauth.get(); }
    // What saving these settings would do to planned messages.
    RulesChange::Effect previewSettings(const Settings::Values &proposed, QString *error);
    // Writes the settings file, re-times the planned messages, and uses the new rules from now on.
    // False with *error (nothing changed) when the values do not validate or the file cannot be
    // written.
    bool applySettings(const Settings::Values &proposed, const OperatorActions::Actor &actor,
                       RulesChange::Effect *effect, QString *error);
    // The EngageLab template catalogue, fetched after start and on refreshTemplates() (empty in
    // Sandbox without credentials); templatesChanged when it arrives.
    QList<SmsTemplate> templates() const { return m_templates; }
    void refreshTemplates();
    // Sandbox: posts a realistic signed booking to our own listener (simulationFinished).
    void simulateBooking();
    // Runs an operator action; on success the views are told (dataChanged). Without a database the
    // result says so.
    OperatorActions::Result act(const std::function<OperatorActions::Result(OperatorActions &)> &action);
    // After credentials or the mode changed: re-reads the secrets, reconnects Calendly and sending.
    void reconnect();

signals:
    void bookingProcessed(const deskbell::BookingProcessor::Result &result);
    void messageChanged(qint64 messageId, deskbell::MessageState state);
    void alertRaised(const QString &text);
    void sendingPausedChanged(bool paused, const QString &reason);
    void sendingStarted(const QString &providerName);
    // The Calendly account is connected and polled (after users/me answered).
    void calendlyConnected(const QString &userName);
    void listenerStarted(const QUrl &url);
    void statusChanged(const deskbell::Engine::Status &status);
    void templatesChanged(const QList<deskbell::SmsTemplate> &templates);
    void simulationFinished(bool ok, const QString &error);
    // An operator action or a rules change touched these messages/appointments (the views reload).
    void dataChanged();

private:
    void emitStatus();
    void noteAlert(const QString &text);
    void stopConnections();
    void startOAuth();
    void refreshCalendlyToken(std::function<void(bool ok)> done);
    bool validateSettings(const Settings::Values &proposed, Settings::LoadResult *loaded, QString *error);
    bool acquireLock(const QString &databasePath, QStringList *problems);
    // PostgreSQL without a password in the url: sets location->password from the secret store
    // (secret::DB_PASSWORD). Returns a note for the operator when the store could not answer.
    QString readDatabasePassword(Database::Location *location);
    // Shared rules on a PostgreSQL store: read them (at start: before anything uses the settings;
    // else a live reload), write them, and listen for other desks' changes.
    void adoptSharedSettings(bool atStart);
    bool publishSharedSettings(const Settings::Values &values);
    void watchSharedStore();
    void startSending();
    void startDispatcher(std::unique_ptr<SmsProvider> provider);
    void startCalendlyConnection();
    void startListener(const QByteArray &signingKey, QStringList *problems);
    void startCalendly(const QByteArray &token);
    void ensureSubscription(const CalendlyClient::Me &me);
    void onEventRecorded(qint64 eventId);
    // Events whose planning failed here are tried again shortly (retryFailedEvents).
    void retryLater(qint64 eventId);
    void retryFailedEvents();
    // Shared store: plans events that another desk recorded long ago and never planned.
    void planOrphanedEvents();
    SecretStore *secrets();

    Options m_options;
    const Clock &m_clock;
    const QString m_instanceId;
    Settings::LoadResult m_settings;
    QByteArray m_sharedSettings; // the shared sections last read or written (PostgreSQL store)
    QString m_databasePath;
    Database::Location m_location;
    std::unique_ptr<OperatorActions> m_actions;
    std::unique_ptr<AccountConnector> m_accounts;
    std::unique_ptr<CalendlyOAuth> m_oauth;
    std::unique_ptr<BookingSimulator> m_simulator;
    QList<SmsTemplate> m_templates;
    std::unique_ptr<EngageLabTemplateClient> m_templateClient;
    // status pieces that no service keeps
    QStringList m_alerts;
    QString m_listenerError;
    QString m_calendlyAccount;
    QString m_calendlyError;
    QString m_providerError;
    QDateTime m_lastPollUtc;
    bool m_webhookSubscribed = false;
    bool m_restartingSending = false;
    bool m_refreshTried = false; // one token refresh per failed connection attempt
    static constexpr int FIRST_CONNECT_RETRY_SECS = 5;
    int m_connectRetrySecs = FIRST_CONNECT_RETRY_SECS; // the next wait after Calendly failed at start
    std::unique_ptr<QLockFile> m_lock; // SQLite: one Deskbell per file (PostgreSQL: none, see start())
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<BookingProcessor> m_processor;
    std::unique_ptr<KeychainSecretStore> m_ownedKeychain;
    std::unique_ptr<LayeredSecretStore> m_ownedSecrets;
    std::unique_ptr<QNetworkAccessManager> m_network; // outlives the provider (declared before it)
    std::unique_ptr<SmsProvider> m_provider;
    std::unique_ptr<WebhookListener> m_listener;
    std::unique_ptr<CalendlyClient> m_calendly;
    std::unique_ptr<SubscriptionManager> m_subscriptions;
    QByteArray m_signingKey;
    QByteArray m_calendlyToken; // the access token in use (never logged)
    std::unique_ptr<Reconciler> m_reconciler;
    QTimer *m_pollTimer = nullptr;
    QTimer *m_retryTimer = nullptr;           // the next try of m_failedEvents
    QSet<qint64> m_failedEvents;              // booking events whose planning failed on this desk
    std::unique_ptr<Dispatcher> m_dispatcher; // declared after the provider: destroyed before it
    bool m_planning = false;
};

} // namespace deskbell
