#include "Engine.h"

#include "accounts/AccountConnector.h"
#include "accounts/CalendlyOAuth.h"
#include "calendly/CalendlyClient.h"
#include "calendly/SubscriptionManager.h"
#include "domain/Clock.h"
#include "engine/Dispatcher.h"
#include "engine/Reconciler.h"
#include "secrets/SecretStore.h"
#include "server/BookingSimulator.h"
#include "server/WebhookListener.h"
#include "sms/EngageLabProvider.h"
#include "sms/SandboxProvider.h"
#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/Store.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHostAddress>
#include <QLockFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSqlDriver>
#include <QSqlError>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <chrono>

namespace deskbell {

Q_LOGGING_CATEGORY(lcEngine, "deskbell.engine")

using namespace Qt::StringLiterals;

namespace {

// engine_state key of the rules and templates several desks on one PostgreSQL store share (INI text
// of Settings::sharedSections()).
const QString SHARED_SETTINGS_KEY = u"shared_settings"_s;
// What the store's triggers NOTIFY after a write, with the table's name as payload.
const QString CHANGE_CHANNEL = u"deskbell_changed"_s;
// How long start() waits for the keychain to hand over the database password.
constexpr int PASSWORD_WAIT_MS = 30000;
// An event whose planning failed is tried again after this long.
constexpr int PENDING_RETRY_MS = 500;
// A shared store: how often a desk looks for events other desks recorded and never planned (they
// died), and how old such an event must be (a live desk plans its own within milliseconds).
constexpr int ORPHAN_SWEEP_MS = 30000;
constexpr qint64 ORPHAN_AGE_MS = 120000;

} // namespace

Engine::Engine(Options options, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(clock)
    , m_instanceId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    if (m_options.settingsPath.isEmpty()) {
        m_options.settingsPath = Settings::defaultPath();
    }
    if (m_options.dataDir.isEmpty()) {
        m_options.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    }
    if (m_options.systemTimezone.isEmpty()) {
        m_options.systemTimezone = QTimeZone::systemTimeZoneId();
    }
}

Engine::~Engine() = default;

bool Engine::start(QString *error)
{
    QStringList storageProblems;
    m_settings = Settings::load(m_options.settingsPath, m_options.systemTimezone);
    qCInfo(lcEngine).noquote() << u"engine instance %1"_s.arg(m_instanceId);

    Database::Location location;
    QString why;
    const QString defaultDb = m_options.dataDir + u"/deskbell.sqlite3"_s;
    // A bad [storage] url is already among the settings errors. Opening the default file instead
    // would show the operator another, empty database as if it were theirs, so open nothing.
    if (Database::parseUrl(m_settings.values.storageUrl, defaultDb, &location, &why)) {
        const bool postgres = location.driver == Database::Location::Driver::Postgres;
        QString passwordNote;
        if (postgres) {
            passwordNote = readDatabasePassword(&location);
        }
        // SQLite: one Deskbell per file, held by a lock file beside it. PostgreSQL: several desks
        // share the store on purpose (each send is claimed by one of them), so there is no lock.
        if (postgres || acquireLock(location.path, &storageProblems)) {
            try {
                m_db = std::make_unique<Database>(u"deskbell-engine-"_s + m_instanceId);
                m_db->open(location);
                m_databasePath = postgres ? Database::describe(location) : location.path;
                m_store = std::make_unique<Store>(*m_db, m_clock);
                m_location = location;
            } catch (const StorageError &e) {
                // The message never holds the password (Database's rule); the note only names where
                // it was looked for.
                storageProblems.append(tr("The database could not be opened: %1").arg(e.message()) +
                                       (passwordNote.isEmpty() ? QString() : u" "_s + passwordNote));
                m_store.reset();
                m_db.reset();
            }
        }
    }
    if (m_store && m_location.driver == Database::Location::Driver::Postgres) {
        adoptSharedSettings(true);
        watchSharedStore();
    }

    QStringList problems;
    for (const auto &p : m_settings.problems) {
        if (p.severity == Settings::Problem::Severity::Error) {
            qCWarning(lcEngine).noquote() << u"settings: %1"_s.arg(p.toString());
            problems.append(p.toString());
        } else {
            qCInfo(lcEngine).noquote() << u"settings: %1"_s.arg(p.toString());
        }
    }
    problems.append(storageProblems);

    m_network = std::make_unique<QNetworkAccessManager>();
    if (m_store) {
        m_actions = std::make_unique<OperatorActions>(*m_db, *m_store, m_clock, nullptr);
        m_actions->setRules(&m_settings.values.rules);
    }
    {
        AccountConnector::Endpoints endpoints;
        endpoints.calendlyApi = m_settings.values.calendly.apiBase;
        endpoints.engageLabApi = m_settings.values.sms.apiBase;
        m_accounts = std::make_unique<AccountConnector>(*m_network, *secrets(), endpoints);
        m_simulator = std::make_unique<BookingSimulator>(*m_network);
        connect(m_simulator.get(), &BookingSimulator::posted, this,
                [this](bool posted, const QString &, const QString &problem) {
                    emit simulationFinished(posted, problem);
                });
        startOAuth();
    }
    connect(this, &Engine::alertRaised, this, &Engine::noteAlert, Qt::UniqueConnection);
    connect(this, &Engine::sendingPausedChanged, this, &Engine::emitStatus, Qt::UniqueConnection);
    if (m_store) {
        // Built even when the settings are wrong, so received events are still kept; they wait as
        // "pending" and are planned at the first start with usable settings.
        m_processor = std::make_unique<BookingProcessor>(*m_db, *m_store, m_clock, m_settings.values.rules);
    }
    if (m_processor && m_settings.ok()) {
        m_planning = true;
        for (const auto &result : m_processor->processPending()) {
            emit bookingProcessed(result);
        }
        qCInfo(lcEngine).noquote() << u"ready: settings %1, database %2"_s.arg(m_settings.path,
                                                                               m_databasePath);
        startSending();
        startCalendlyConnection();
        if (m_location.driver == Database::Location::Driver::Postgres) {
            auto *sweep = new QTimer(this);
            connect(sweep, &QTimer::timeout, this, &Engine::planOrphanedEvents);
            sweep->start(ORPHAN_SWEEP_MS);
        }
    }
    if (error) {
        *error = problems.join(u'\n');
    }
    emitStatus();
    return problems.isEmpty();
}

QString Engine::readDatabasePassword(Database::Location *location)
{
    if (!location->password.isEmpty()) {
        return {}; // written in [storage] url: it wins (the settings warn about it)
    }
    // The secret store answers asynchronously (a keychain may be slow to unlock), but nothing can be
    // opened without the answer: wait for it here, with a bound.
    struct Answer
    {
        bool answered = false;
        SecretStore::Result result;
    };
    auto answer = std::make_shared<Answer>();
    QEventLoop loop;
    const QPointer<QEventLoop> waiting(&loop);
    secrets()->read(secret::DB_PASSWORD, [answer, waiting](const SecretStore::Result &result) {
        answer->answered = true;
        answer->result = result;
        if (waiting) {
            waiting->quit();
        }
    });
    if (!answer->answered) {
        QTimer::singleShot(PASSWORD_WAIT_MS, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (answer->answered && answer->result.ok()) {
        location->password = QString::fromUtf8(answer->result.value);
        qCInfo(lcEngine).noquote() << u"database password: %1 from the secret store"_s.arg(
            secret::DB_PASSWORD);
        return {};
    }
    // Database::open() still tries DESKBELL_DB_PASSWORD, then no password (peer/trust, ~/.pgpass).
    if (!answer->answered) {
        qCWarning(lcEngine).noquote()
            << u"database password: the secret store did not answer within %1 s"_s.arg(PASSWORD_WAIT_MS /
                                                                                       1000);
        return tr("(The system keychain did not answer in time when the database password was read.)");
    }
    if (answer->result.status == SecretStore::Result::Status::NotFound) {
        qCInfo(lcEngine).noquote() << u"database password: no %1 in the secret store"_s.arg(
            secret::DB_PASSWORD);
        return {};
    }
    qCWarning(lcEngine).noquote() << u"database password: %1"_s.arg(answer->result.error);
    return tr("(The database password could not be read from the system keychain: %1)")
        .arg(answer->result.error);
}

void Engine::watchSharedStore()
{
    QSqlDriver *driver = m_db->connection().driver();
    // Another desk's change arrives as NOTIFY deskbell_changed, '<table>' (a trigger on the store).
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &channel, QSqlDriver::NotificationSource, const QVariant &payload) {
                if (channel != CHANGE_CHANNEL) {
                    return;
                }
                const QString table = payload.toString();
                if (table.isEmpty() || table == u"engine_state"_s) {
                    adoptSharedSettings(false);
                }
            });
    if (!driver->subscribeToNotification(CHANGE_CHANNEL)) {
        qCWarning(lcEngine).noquote()
            << u"cannot listen for other desks' changes (%1): shared rules are read at start only"_s.arg(
                   driver->lastError().text());
    }
}

void Engine::adoptSharedSettings(bool atStart)
{
    QByteArray shared;
    try {
        shared = m_store->engineState(SHARED_SETTINGS_KEY).toUtf8();
    } catch (const StorageError &e) {
        qCWarning(lcEngine).noquote() << u"cannot read the shared rules: %1"_s.arg(e.message());
        return;
    }
    if (shared.isEmpty()) {
        // The first desk on a new store hands its rules to the others.
        if (atStart && m_settings.ok()) {
            publishSharedSettings(m_settings.values);
        }
        return;
    }
    if (shared == m_sharedSettings) {
        return; // our own write coming back, or another key of engine_state
    }
    m_sharedSettings = shared;
    const Settings::LoadResult merged =
        Settings::loadWithShared(m_settings.path, m_options.systemTimezone, shared);
    if (!merged.ok()) {
        QStringList lines;
        for (const auto &p : merged.errors()) {
            lines.append(p.toString());
        }
        const QString text = tr("The rules another desk saved in the shared database cannot be used on "
                                "this desk (%1). This desk keeps planning with its own rules.")
                                 .arg(lines.join(u"; "_s));
        qCWarning(lcEngine).noquote() << text;
        if (!atStart) {
            emit alertRaised(text);
        } else {
            m_alerts.append(text);
        }
        return;
    }
    if (atStart) {
        m_settings = merged;
        qCInfo(lcEngine) << "rules and templates: the shared ones from the database";
        return;
    }
    // The dispatcher and the processor hold references to m_settings.values.rules: assign in place.
    // The other desk re-timed the planned messages already (RulesChange ran there, on this store).
    m_settings.values.rules = merged.values.rules;
    if (m_processor) {
        m_processor->setRules(m_settings.values.rules);
    }
    if (m_dispatcher) {
        m_dispatcher->wake();
    }
    qCInfo(lcEngine) << "rules and templates changed by another desk: planning with them from now on";
    emit dataChanged();
    emitStatus();
}

bool Engine::publishSharedSettings(const Settings::Values &values)
{
    const QByteArray shared = Settings::sharedSections(values);
    if (shared.isEmpty()) {
        return false;
    }
    try {
        m_store->setEngineState(SHARED_SETTINGS_KEY, QString::fromUtf8(shared));
    } catch (const StorageError &e) {
        qCWarning(lcEngine).noquote() << u"cannot share the rules with other desks: %1"_s.arg(e.message());
        return false;
    }
    m_sharedSettings = shared;
    return true;
}

bool Engine::acquireLock(const QString &databasePath, QStringList *problems)
{
    auto lock = std::make_unique<QLockFile>(databasePath + u".lock"_s);
    lock->setStaleLockTime(0); // a lock whose process is gone is stale at once, whatever its age
    if (!QFileInfo(databasePath).absoluteDir().exists()) {
        QDir().mkpath(QFileInfo(databasePath).absolutePath());
    }
    if (!lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString app;
        lock->getLockInfo(&pid, &host, &app);
        problems->append(
            lock->error() == QLockFile::LockFailedError
                ? tr("Another Deskbell (process %1 on %2) is already using %3. Close it first: two "
                     "copies on one database could send the same text twice.")
                      .arg(pid)
                      .arg(host, databasePath)
                : tr("Cannot create the lock file next to %1 (check the folder's permissions).")
                      .arg(databasePath));
        return false;
    }
    m_lock = std::move(lock);
    return true;
}

bool Engine::shutdown(int timeoutMs)
{
    // Stop taking requests first: Calendly retries what it could not deliver, so nothing is lost.
    if (m_listener) {
        m_listener->stop();
    }
    if (m_pollTimer) {
        m_pollTimer->stop();
    }
    if (!m_dispatcher) {
        return true;
    }
    QEventLoop loop;
    connect(m_dispatcher.get(), &Dispatcher::idle, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    const bool wasBusy = m_dispatcher->inFlight() > 0;
    m_dispatcher->stop();
    if (m_dispatcher->inFlight() > 0) {
        loop.exec();
    }
    const int open = m_dispatcher->inFlight();
    if (open > 0) {
        qCWarning(lcEngine) << open
                            << "send(s) still open at exit; they will show as \"maybe sent\" next time";
    } else if (wasBusy) {
        qCInfo(lcEngine) << "all sends in flight were answered before exit";
    }
    return open == 0;
}

void Engine::startSending()
{
    if (m_settings.values.sms.provider != u"engagelab"_s) {
        startDispatcher(std::make_unique<SandboxProvider>());
        return;
    }
    // EngageLab: credentials first (environment, else keychain). Until both are there nothing is sent;
    // a sandbox in its place would look like real sending.
    SecretStore *secrets = this->secrets();
    const QPointer<Engine> self(this);
    secrets->read(secret::ENGAGELAB_DEV_KEY, [self, this, secrets](const SecretStore::Result &key) {
        if (!self) {
            return;
        }
        secrets->read(secret::ENGAGELAB_DEV_SECRET, [self, this, key](const SecretStore::Result &devSecret) {
            if (!self) {
                return;
            }
            if (!key.ok() || !devSecret.ok()) {
                const QString why = (!key.ok() ? key : devSecret).error;
                const QString text = tr("EngageLab is chosen for sending, but no EngageLab account is "
                                        "connected (%1). Messages wait until it is: open Connect accounts.")
                                         .arg(why);
                qCWarning(lcEngine).noquote() << text;
                m_providerError = tr("EngageLab is not connected");
                emit alertRaised(text);
                emitStatus();
                return;
            }
            EngageLabProvider::Config config;
            config.apiBase = m_settings.values.sms.apiBase;
            config.devKey = QString::fromUtf8(key.value);
            config.devSecret = QString::fromUtf8(devSecret.value);
            m_providerError.clear();
            startDispatcher(std::make_unique<EngageLabProvider>(m_network.get(), config));
        });
    });
}

SecretStore *Engine::secrets()
{
    if (!m_options.secrets) {
        // DESKBELL_KEYCHAIN=off: a server that must never wait on a keyring (environment only).
        if (qEnvironmentVariable("DESKBELL_KEYCHAIN") != u"off"_s) {
            m_ownedKeychain = std::make_unique<KeychainSecretStore>();
        }
        m_ownedSecrets = std::make_unique<LayeredSecretStore>(LayeredSecretStore::fromProcessEnvironment(),
                                                              m_ownedKeychain.get());
        m_options.secrets = m_ownedSecrets.get();
    }
    return m_options.secrets;
}

void Engine::startCalendlyConnection()
{
    // The signing key and the token come from the secret store, which answers later.
    const QString mode = m_settings.values.calendly.effectiveMode();
    SecretStore *store = secrets();
    const QPointer<Engine> self(this);
    store->read(secret::CALENDLY_SIGNING_KEY, [self, this, store, mode](const SecretStore::Result &key) {
        if (!self) {
            return; // the engine went away while the keychain was answering
        }
        QStringList problems;
        m_signingKey = key.ok() ? key.value : QByteArray();
        startListener(m_signingKey, &problems);
        m_listenerError = problems.join(u' ');
        for (const QString &problem : problems) {
            qCWarning(lcEngine).noquote() << problem;
            emit alertRaised(problem);
        }
        emitStatus();
        if (mode == u"webhook"_s) {
            return; // no polling: Calendly pushes everything
        }
        store->read(secret::CALENDLY_TOKEN, [self, this](const SecretStore::Result &token) {
            if (!self) {
                return;
            }
            if (!token.ok()) {
                qCInfo(lcEngine).noquote()
                    << u"Calendly is not connected (%1): no polling"_s.arg(token.error);
                if (token.status == SecretStore::Result::Status::Unavailable) {
                    emit alertRaised(tr("The system keychain is locked or not available, so Deskbell "
                                        "cannot read the Calendly connection. Unlock the keychain (sign "
                                        "in to the desktop session) and restart Deskbell."));
                }
                return;
            }
            startCalendly(token.value);
        });
    });
}

void Engine::startListener(const QByteArray &signingKey, QStringList *problems)
{
    const Settings::Listener &l = m_settings.values.listener;
    WebhookListener::Config config;
    config.address = QHostAddress(l.address);
    config.port = quint16(l.port);
    config.maxBodyBytes = l.maxBodyBytes;
    config.tlsCertPath = l.tlsCert;
    config.tlsKeyPath = l.tlsKey;
    config.signatureToleranceSecs = m_settings.values.calendly.signatureToleranceSecs;
    config.calendlySigningKey = signingKey;
    config.database = m_location; // the engine's own store, password included (in memory only)
    if (signingKey.isEmpty() && !config.address.isLoopback()) {
        problems->append(tr("The listener is not started: it would accept unsigned bookings from the network "
                            "(%1). Connect Calendly (which sets the signing key) or listen on 127.0.0.1.")
                             .arg(l.address));
        return;
    }
    m_listener = std::make_unique<WebhookListener>(config, m_clock);
    connect(m_listener.get(), &WebhookListener::eventRecorded, this, &Engine::onEventRecorded);
    connect(m_listener.get(), &WebhookListener::receiptsRecorded, this, [this](const QList<qint64> &ids) {
        for (qint64 id : ids) {
            emit messageChanged(id, MessageState::Accepted);
        }
    });
    QString why;
    if (!m_listener->start(&why)) {
        problems->append(tr("The webhook listener could not start: %1").arg(why));
        m_listener.reset();
        return;
    }
    m_listener->setReady(m_planning);
    qCInfo(lcEngine).noquote() << u"listening for Calendly at %1/webhooks/calendly%2"_s.arg(
        m_listener->baseUrl().toString(),
        signingKey.isEmpty() ? u" (signatures not checked: no signing key)"_s : QString());
    emit listenerStarted(m_listener->baseUrl());
}

void Engine::onEventRecorded(qint64 eventId)
{
    if (!m_processor || !m_planning) {
        return; // stays pending; planned at the next start with usable settings
    }
    const auto result = m_processor->process(eventId);
    if (m_dispatcher) {
        m_dispatcher->wake();
    }
    if (result.outcome == u"error"_s) {
        retryLater(eventId);
    }
    emit bookingProcessed(result);
}

void Engine::retryLater(qint64 eventId)
{
    m_failedEvents.insert(eventId);
    if (!m_retryTimer) {
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        connect(m_retryTimer, &QTimer::timeout, this, &Engine::retryFailedEvents);
    }
    if (!m_retryTimer->isActive()) {
        m_retryTimer->start(PENDING_RETRY_MS);
    }
}

void Engine::retryFailedEvents()
{
    // An event whose planning failed stays "pending" (nothing half-done is kept). On a shared store
    // the usual cause is another desk planning the same booking at the same moment (Calendly's retry
    // reached it): the second look finds the first desk's work and records a duplicate. Only this
    // desk's own failures are retried here: planning an event another desk is planning right now
    // is what made it fail.
    const QSet<qint64> ids = std::exchange(m_failedEvents, {});
    if (!m_processor || !m_planning) {
        return;
    }
    for (qint64 id : ids) {
        const auto result = m_processor->process(id);
        if (result.outcome == u"error"_s) {
            retryLater(id);
        }
        emit bookingProcessed(result);
    }
    if (m_dispatcher) {
        m_dispatcher->wake();
    }
}

void Engine::planOrphanedEvents()
{
    // A shared store: a desk that died between recording an event and planning it leaves it
    // "pending". Its own restart would plan it; until then (or if it never comes back) another desk
    // does, once the event is old enough that no live desk can still be planning it.
    if (!m_processor || !m_planning) {
        return;
    }
    const QDateTime before = m_clock.nowUtc().addMSecs(-ORPHAN_AGE_MS);
    QList<Store::BookingEventRecord> pending;
    try {
        pending = m_store->bookingEvents(u"pending"_s);
    } catch (const StorageError &e) {
        qCWarning(lcEngine).noquote() << u"pending events could not be read: %1"_s.arg(e.message());
        return;
    }
    bool planned = false;
    for (const auto &record : std::as_const(pending)) {
        if (record.receivedUtc > before || m_failedEvents.contains(record.id)) {
            continue;
        }
        qCInfo(lcEngine).noquote() << u"planning event #%1, left pending since %2"_s.arg(record.id).arg(
            record.receivedUtc.toString(Qt::ISODate));
        const auto result = m_processor->process(record.id);
        if (result.outcome == u"error"_s) {
            retryLater(record.id);
        }
        planned = true;
        emit bookingProcessed(result);
    }
    if (planned && m_dispatcher) {
        m_dispatcher->wake();
    }
}

void Engine::startCalendly(const QByteArray &token)
{
    m_calendlyToken = token;
    if (m_pollTimer) {
        m_pollTimer->deleteLater();
        m_pollTimer = nullptr;
    }
    const Settings::Calendly &c = m_settings.values.calendly;
    CalendlyClient::Config config;
    config.apiBase = c.apiBase;
    config.token = QString::fromUtf8(token);
    m_calendly = std::make_unique<CalendlyClient>(*m_network, config);
    m_reconciler = std::make_unique<Reconciler>(*m_calendly, *m_processor, *m_store, m_clock);
    m_reconciler->setPollDays(c.pollDays);
    connect(m_reconciler.get(), &Reconciler::passFinished, this, [this](const Reconciler::PassResult &r) {
        if (!r.ok && !r.error.ok()) {
            m_calendlyError = r.error.plainMessage;
            if (r.error.kind == CalendlyError::Kind::Auth && m_oauth) {
                // An OAuth access token lives two hours: swap the refresh token for a new one.
                refreshCalendlyToken([](bool) {});
            } else {
                emit alertRaised(tr("Calendly could not be read: %1").arg(r.error.plainMessage));
            }
        } else if (r.ok) {
            m_calendlyError.clear();
            m_lastPollUtc = m_clock.nowUtc();
        }
        emitStatus();
        if (m_dispatcher && r.applied > 0) {
            m_dispatcher->wake();
        }
    });
    const int interval = c.effectiveMode() == u"hybrid"_s ? 300 : c.pollIntervalSecs;
    m_calendly->fetchMe([this, interval](const CalendlyClient::Me &me, const CalendlyError &error) {
        if (!error.ok()) {
            m_calendlyError = error.plainMessage;
            if (error.kind == CalendlyError::Kind::Auth && m_oauth && !m_refreshTried) {
                m_refreshTried = true;
                refreshCalendlyToken([this](bool ok) {
                    if (ok) {
                        startCalendly(m_calendlyToken);
                    }
                });
                return;
            }
            emit alertRaised(tr("Calendly could not be reached: %1").arg(error.plainMessage));
            emitStatus();
            if (error.isTransient()) {
                // An outage or a rate limit at start must not end polling until the next restart: try
                // again, waiting longer each time (what Calendly asked for, at least), never longer
                // than one poll interval.
                const int wait = std::min(interval, std::max(error.retryAfterSecs, m_connectRetrySecs));
                m_connectRetrySecs = std::min(interval, m_connectRetrySecs * 2);
                qCInfo(lcEngine).noquote() << u"trying Calendly again in %1 s"_s.arg(wait);
                QTimer::singleShot(std::chrono::seconds(wait), this, [this, token = m_calendlyToken] {
                    if (m_calendlyToken == token && !m_pollTimer) {
                        startCalendly(token);
                    }
                });
            }
            return;
        }
        m_connectRetrySecs = FIRST_CONNECT_RETRY_SECS;
        m_refreshTried = false;
        m_calendlyAccount = me.name;
        m_calendlyError.clear();
        m_reconciler->setAccount({me.uri, me.organization});
        ensureSubscription(me);
        // Hybrid polls only to catch what the webhook missed; in poll mode it is the only source.
        m_pollTimer = new QTimer(this);
        connect(m_pollTimer, &QTimer::timeout, m_reconciler.get(), [this] { m_reconciler->runPass(); });
        m_pollTimer->start(interval * 1000);
        m_reconciler->runPass();
        qCInfo(lcEngine).noquote() << u"Calendly connected as %1; polling every %2 s"_s.arg(me.name).arg(
            interval);
        emit calendlyConnected(me.name);
        emitStatus();
    });
}

void Engine::ensureSubscription(const CalendlyClient::Me &me)
{
    const Settings::Calendly &c = m_settings.values.calendly;
    if (c.effectiveMode() == u"poll"_s || c.publicUrl.isEmpty()) {
        return;
    }
    // Calendly disables a hook after 24 h of failed deliveries and never re-enables it: checking at
    // every start recreates it after a long night off.
    m_subscriptions = std::make_unique<SubscriptionManager>(*m_calendly);
    const QPointer<Engine> self(this);
    m_subscriptions->ensure(
        {me.uri, me.organization, CalendlyClient::Scope::User}, c.publicUrl, !m_signingKey.isEmpty(),
        [self, this](const SubscriptionManager::Ensured &ensured, const CalendlyError &error) {
            if (!self) {
                return;
            }
            if (!error.ok()) {
                m_webhookSubscribed = false;
                emit alertRaised(tr("The Calendly webhook could not be set up: %1. Polling still finds "
                                    "every booking, only later.")
                                     .arg(error.plainMessage));
                return;
            }
            m_webhookSubscribed = true;
            emitStatus();
            if (!ensured.created) {
                qCInfo(lcEngine) << "Calendly webhook subscription is active";
                return;
            }
            const QByteArray key = ensured.signingKey.toUtf8();
            secrets()->write(
                secret::CALENDLY_SIGNING_KEY, key,
                [self, this, key, ensured](const SecretStore::Result &stored) {
                    if (!self) {
                        return;
                    }
                    if (!stored.ok()) {
                        emit alertRaised(
                            tr("A Calendly webhook was created, but its signing key could not be kept (%1): "
                               "webhooks will be refused until Calendly is connected again. Polling "
                               "still finds every booking.")
                                .arg(stored.error));
                        return;
                    }
                    qCInfo(lcEngine) << "Calendly webhook subscription"
                                     << (ensured.replacedDisabled ? "recreated" : "created")
                                     << "; signing key kept in the keychain";
                    m_signingKey = key;
                    m_listener.reset(); // a listener checks one key: start it again with the new one
                    QStringList problems;
                    startListener(m_signingKey, &problems);
                    for (const QString &problem : problems) {
                        emit alertRaised(problem);
                    }
                });
        });
}

QUrl Engine::listenerUrl() const
{
    return m_listener ? m_listener->baseUrl() : QUrl();
}

void Engine::startDispatcher(std::unique_ptr<SmsProvider> provider)
{
    const Settings::Sms &sms = m_settings.values.sms;
    m_provider = std::move(provider);
    Dispatcher::Options options;
    options.maxInFlight = sms.maxInFlight;
    options.maxPerSecond = sms.maxPerSecond;
    options.maxAttempts = sms.maxAttempts;
    options.lateMaxMin = sms.lateMaxMin;
    options.rules = &m_settings.values.rules;
    // Per process run, so another desk never mistakes this run's claims for an earlier run's.
    options.instanceId = m_instanceId;
    options.leaseSecs = sms.claimLeaseSecs;
    m_dispatcher = std::make_unique<Dispatcher>(*m_db, *m_store, m_clock, *m_provider, options);
    m_actions = std::make_unique<OperatorActions>(*m_db, *m_store, m_clock, m_dispatcher.get());
    m_actions->setRules(&m_settings.values.rules);
    connect(m_dispatcher.get(), &Dispatcher::messageChanged, this, &Engine::messageChanged);
    connect(m_dispatcher.get(), &Dispatcher::alertRaised, this, &Engine::alertRaised);
    connect(m_dispatcher.get(), &Dispatcher::pausedChanged, this, &Engine::sendingPausedChanged);
    m_dispatcher->start();
    emit sendingStarted(m_provider->name());
    emitStatus();
    refreshTemplates();
}

QString Engine::smsProviderName() const
{
    return m_provider ? m_provider->name() : QString();
}

bool Engine::isSendingPaused() const
{
    // No dispatcher while planning means sending is held (e.g. waiting for an account).
    return m_planning && (!m_dispatcher || m_dispatcher->isPaused());
}

QString Engine::databasePath() const
{
    return m_databasePath;
}

BookingProcessor::Result Engine::ingest(const QByteArray &body, const QString &source)
{
    BookingProcessor::Result result;
    if (!m_processor) {
        result.outcome = u"error"_s;
        result.detail = u"not stored: no database is open"_s;
        return result;
    }
    try {
        const qint64 id = m_processor->record(body, source);
        if (m_planning) {
            result = m_processor->process(id);
            if (m_dispatcher) {
                m_dispatcher->wake();
            }
            if (result.outcome == u"error"_s) {
                retryLater(id);
            }
        } else {
            result.eventId = id;
            result.outcome = u"pending"_s;
            result.detail = u"kept; it is planned once the settings are fixed"_s;
        }
    } catch (const StorageError &e) {
        result.outcome = u"error"_s;
        result.detail = u"not stored: %1"_s.arg(e.message());
    }
    emit bookingProcessed(result);
    return result;
}

Engine::Status Engine::status() const
{
    Status st;
    st.storageOpen = m_store != nullptr;
    st.databaseUrl = m_location.url;
    st.instanceId = m_instanceId;
    st.sharedStore = m_store && m_location.driver == Database::Location::Driver::Postgres;
    st.settingsOk = m_settings.ok();
    for (const auto &p : m_settings.errors()) {
        st.settingsErrors.append(p.toString());
    }
    st.listenerUrl = listenerUrl();
    st.listenerError = m_listenerError;
    st.publicUrl = m_settings.values.calendly.publicUrl;
    st.calendlyMode = m_settings.values.calendly.effectiveMode();
    st.calendlyAccount = m_calendlyAccount;
    st.calendlyError = m_calendlyError;
    st.lastPollUtc = m_lastPollUtc;
    st.webhookSubscribed = m_webhookSubscribed;
    st.providerName = smsProviderName();
    st.sandbox = m_settings.values.sms.provider != u"engagelab"_s;
    st.providerError = m_providerError;
    st.paused = isSendingPaused();
    st.pauseReason = m_dispatcher ? m_dispatcher->pauseReason() : QString();
    if (st.paused && st.pauseReason.isEmpty() && !m_dispatcher) {
        st.pauseReason = tr("Sending waits until an SMS account is connected.");
    }
    st.alerts = m_alerts;
    st.oauthAvailable = m_oauth != nullptr;
    return st;
}

void Engine::emitStatus()
{
    emit statusChanged(status());
}

void Engine::noteAlert(const QString &text)
{
    m_alerts.removeAll(text);
    m_alerts.append(text);
    while (m_alerts.size() > 10) {
        m_alerts.removeFirst();
    }
    emitStatus();
}

OperatorActions::Result Engine::act(const std::function<OperatorActions::Result(OperatorActions &)> &action)
{
    if (!m_actions) {
        OperatorActions::Result result;
        result.error = tr("No database is open, so nothing can be changed.");
        return result;
    }
    const OperatorActions::Result result = action(*m_actions);
    if (result.ok) {
        emit dataChanged();
    }
    return result;
}

bool Engine::validateSettings(const Settings::Values &proposed, Settings::LoadResult *loaded, QString *error)
{
    // The values go through the same file format and checks as a hand-edited file, so the editor
    // can never save something a restart would refuse.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"check.ini"_s);
    QString why;
    if (!dir.isValid() || !Settings::save(path, proposed, &why)) {
        if (error) {
            *error = tr("The settings could not be checked: %1").arg(why);
        }
        return false;
    }
    *loaded = Settings::load(path, m_options.systemTimezone);
    if (!loaded->ok()) {
        QStringList lines;
        for (const auto &p : loaded->errors()) {
            lines.append(p.toString());
        }
        if (error) {
            *error = lines.join(u'\n');
        }
        return false;
    }
    return true;
}

RulesChange::Effect Engine::previewSettings(const Settings::Values &proposed, QString *error)
{
    Settings::LoadResult loaded;
    if (!m_store || !validateSettings(proposed, &loaded, error)) {
        if (!m_store && error) {
            *error = tr("No database is open.");
        }
        return {};
    }
    try {
        RulesChange change(*m_db, *m_store, m_clock);
        return change.preview(m_settings.values.rules, loaded.values.rules);
    } catch (const StorageError &e) {
        if (error) {
            *error = e.message();
        }
        return {};
    }
}

bool Engine::applySettings(const Settings::Values &proposed, const OperatorActions::Actor &actor,
                           RulesChange::Effect *effect, QString *error)
{
    Settings::LoadResult loaded;
    if (!m_store) {
        if (error) {
            *error = tr("No database is open.");
        }
        return false;
    }
    if (!validateSettings(proposed, &loaded, error)) {
        return false;
    }
    QString why;
    if (!Settings::save(m_settings.path, proposed, &why)) {
        if (error) {
            *error = tr("The settings file could not be written: %1").arg(why);
        }
        return false;
    }
    try {
        RulesChange change(*m_db, *m_store, m_clock);
        const RulesChange::Effect done = change.apply(m_settings.values.rules, loaded.values.rules, actor);
        if (effect) {
            *effect = done;
        }
        // A shared store: the other desks plan with these rules too (they reload on the notification).
        if (m_location.driver == Database::Location::Driver::Postgres &&
            !publishSharedSettings(loaded.values)) {
            if (error) {
                *error = tr("The settings were saved on this desk, but the other desks on this database "
                            "could not be given the new rules.");
            }
            return false;
        }
    } catch (const StorageError &e) {
        if (error) {
            *error =
                tr("The settings were saved, but planned messages could not be updated: %1").arg(e.message());
        }
        return false;
    }
    const bool connectionChanged =
        loaded.values.calendly.mode != m_settings.values.calendly.mode ||
        loaded.values.calendly.publicUrl != m_settings.values.calendly.publicUrl ||
        loaded.values.calendly.apiBase != m_settings.values.calendly.apiBase ||
        loaded.values.calendly.oauthClientId != m_settings.values.calendly.oauthClientId ||
        loaded.values.sms.provider != m_settings.values.sms.provider ||
        loaded.values.sms.apiBase != m_settings.values.sms.apiBase ||
        loaded.values.listener.address != m_settings.values.listener.address ||
        loaded.values.listener.port != m_settings.values.listener.port;
    // The dispatcher and the processor hold references to m_settings.values.rules: assign in place.
    m_settings.values = loaded.values;
    m_settings.problems = loaded.problems;
    m_settings.fileExisted = true;
    if (m_processor) {
        m_processor->setRules(m_settings.values.rules);
    }
    if (m_dispatcher) {
        m_dispatcher->wake(); // a reminder moved earlier may be due now
    }
    qCInfo(lcEngine).noquote() << u"settings saved by %1"_s.arg(actor.user);
    emit dataChanged();
    if (connectionChanged) {
        reconnect();
    } else {
        emitStatus();
    }
    return true;
}

void Engine::refreshTemplates()
{
    if (m_settings.values.sms.provider != u"engagelab"_s && !m_templates.isEmpty()) {
        return;
    }
    SecretStore *store = secrets();
    const QPointer<Engine> self(this);
    store->read(secret::ENGAGELAB_DEV_KEY, [self, this, store](const SecretStore::Result &key) {
        if (!self || !key.ok()) {
            return;
        }
        store->read(secret::ENGAGELAB_DEV_SECRET, [self, this, key](const SecretStore::Result &devSecret) {
            if (!self || !devSecret.ok()) {
                return;
            }
            EngageLabProvider::Config config;
            config.apiBase = m_settings.values.sms.apiBase;
            config.devKey = QString::fromUtf8(key.value);
            config.devSecret = QString::fromUtf8(devSecret.value);
            m_templateClient = std::make_unique<EngageLabTemplateClient>(m_network.get(), config);
            connect(m_templateClient.get(), &EngageLabTemplateClient::fetched, this,
                    [this](const QList<SmsTemplate> &templates) {
                        m_templates = templates;
                        emit templatesChanged(m_templates);
                    });
            connect(m_templateClient.get(), &EngageLabTemplateClient::failed, this,
                    [this](const QString &reason, bool authProblem) {
                        qCWarning(lcEngine).noquote()
                            << u"EngageLab templates could not be read: %1"_s.arg(reason);
                        if (authProblem) {
                            emit alertRaised(tr("EngageLab refused the credentials while listing templates. "
                                                "Open Connect accounts and enter them again."));
                        }
                    });
            m_templateClient->fetch();
        });
    });
}

void Engine::simulateBooking()
{
    if (m_settings.values.sms.provider == u"engagelab"_s) {
        emit simulationFinished(false, tr("Simulated bookings are for Sandbox only: with EngageLab they "
                                          "would send real texts."));
        return;
    }
    if (!m_listener) {
        emit simulationFinished(false, tr("The listener is not running, so there is nothing to send the "
                                          "booking to. %1")
                                           .arg(m_listenerError));
        return;
    }
    BookingSimulator::Booking booking;
    // Without a Calendly connection the listener on this machine checks no signature; any key signs.
    const QByteArray key = m_signingKey.isEmpty() ? QByteArrayLiteral("sandbox") : m_signingKey;
    m_simulator->post(m_listener->baseUrl(), key, booking, m_clock.nowUtc());
}

void Engine::startOAuth()
{
    const Settings::Calendly &c = m_settings.values.calendly;
    m_oauth.reset();
    if (c.oauthClientId.isEmpty()) {
        return;
    }
    CalendlyOAuth::Config config;
    config.clientId = c.oauthClientId;
    config.authorizeUrl = c.oauthBase.resolved(QUrl(u"/oauth/authorize"_s));
    config.tokenUrl = c.oauthBase.resolved(QUrl(u"/oauth/token"_s));
    m_oauth = std::make_unique<CalendlyOAuth>(*m_network, m_clock, config);
    connect(m_oauth.get(), &CalendlyOAuth::signedIn, this, [this](const CalendlyOAuth::Tokens &tokens) {
        const QPointer<Engine> self(this);
        secrets()->write(secret::CALENDLY_TOKEN, tokens.accessToken,
                         [self, this, tokens](const SecretStore::Result &stored) {
                             if (!self) {
                                 return;
                             }
                             if (!stored.ok()) {
                                 emit alertRaised(
                                     tr("Signed in to Calendly, but the keychain did not keep the "
                                        "sign-in (%1). Unlock the keychain and sign in again.")
                                         .arg(stored.error));
                                 return;
                             }
                             secrets()->write(secret::CALENDLY_REFRESH_TOKEN, tokens.refreshToken,
                                              [self, this](const SecretStore::Result &) {
                                                  if (self) {
                                                      reconnect();
                                                  }
                                              });
                         });
    });
}

void Engine::refreshCalendlyToken(std::function<void(bool ok)> done)
{
    if (!m_oauth) {
        done(false);
        return;
    }
    const QPointer<Engine> self(this);
    secrets()->read(secret::CALENDLY_REFRESH_TOKEN, [self, this, done](const SecretStore::Result &refresh) {
        if (!self) {
            return;
        }
        if (!refresh.ok()) {
            emit alertRaised(
                tr("The Calendly sign-in has expired. Open Connect accounts and sign in again."));
            done(false);
            return;
        }
        auto *oauth = m_oauth.get();
        auto connections = std::make_shared<QList<QMetaObject::Connection>>();
        auto finish = [self, this, done, connections](bool ok) {
            for (const auto &c : *connections) {
                disconnect(c);
            }
            if (self) {
                done(ok);
            }
        };
        connections->append(connect(oauth, &CalendlyOAuth::refreshed, this,
                                    [self, this, finish](const CalendlyOAuth::Tokens &tokens) {
                                        m_calendlyToken = tokens.accessToken;
                                        if (m_calendly) {
                                            CalendlyClient::Config config = m_calendly->config();
                                            config.token = QString::fromUtf8(tokens.accessToken);
                                            m_calendly->setConfig(config);
                                        }
                                        secrets()->write(secret::CALENDLY_TOKEN, tokens.accessToken,
                                                         [](const SecretStore::Result &) {});
                                        if (!tokens.refreshToken.isEmpty()) {
                                            secrets()->write(secret::CALENDLY_REFRESH_TOKEN,
                                                             tokens.refreshToken,
                                                             [](const SecretStore::Result &) {});
                                        }
                                        finish(true);
                                    }));
        connections->append(connect(
            oauth, &CalendlyOAuth::failed, this, [this, finish](const QString &error, bool authProblem) {
                emit alertRaised(
                    authProblem ? tr("The Calendly sign-in has expired. Open Connect "
                                     "accounts and sign in again.")
                                : tr("Calendly could not be reached to renew the sign-in: %1").arg(error));
                finish(false);
            }));
        oauth->refresh(refresh.value);
    });
}

void Engine::stopConnections()
{
    if (m_pollTimer) {
        m_pollTimer->stop();
        m_pollTimer->deleteLater();
        m_pollTimer = nullptr;
    }
    m_subscriptions.reset();
    m_reconciler.reset();
    m_calendly.reset();
    m_listener.reset();
    m_calendlyAccount.clear();
    m_calendlyError.clear();
    m_listenerError.clear();
    m_webhookSubscribed = false;
}

void Engine::reconnect()
{
    if (!m_planning) {
        emitStatus();
        return;
    }
    qCInfo(lcEngine) << "reconnecting with the current settings and credentials";
    m_alerts.clear();
    stopConnections();
    {
        AccountConnector::Endpoints endpoints;
        endpoints.calendlyApi = m_settings.values.calendly.apiBase;
        endpoints.engageLabApi = m_settings.values.sms.apiBase;
        m_accounts = std::make_unique<AccountConnector>(*m_network, *secrets(), endpoints);
        if (!m_oauth != m_settings.values.calendly.oauthClientId.isEmpty()) {
            startOAuth();
        }
    }
    // Sending restarts only once the sends in flight are answered: a provider swapped under a
    // request would lose its answer and turn a sent text into "maybe sent".
    auto restartSending = [this] {
        m_restartingSending = false;
        m_actions = std::make_unique<OperatorActions>(*m_db, *m_store, m_clock, nullptr);
        m_actions->setRules(&m_settings.values.rules);
        m_dispatcher.reset();
        m_provider.reset();
        m_providerError.clear();
        startSending();
    };
    if (m_dispatcher && m_dispatcher->inFlight() > 0) {
        if (!m_restartingSending) {
            m_restartingSending = true;
            m_dispatcher->stop();
            // Queued: the dispatcher is destroyed by the restart, never inside its own signal.
            connect(m_dispatcher.get(), &Dispatcher::idle, this, restartSending,
                    static_cast<Qt::ConnectionType>(Qt::QueuedConnection | Qt::SingleShotConnection));
        }
    } else {
        restartSending();
    }
    startCalendlyConnection();
    emitStatus();
}

QList<Engine::UpcomingItem> Engine::upcoming(const QDateTime &fromUtc, const QDateTime &toUtc)
{
    QList<UpcomingItem> items;
    if (!m_store) {
        return items;
    }
    try {
        for (const auto &appointment : m_store->appointmentsStartingBetween(fromUtc, toUtc)) {
            items.append({appointment, m_store->messagesForInvitee(appointment.inviteeUri)});
        }
    } catch (const StorageError &e) {
        qCWarning(lcEngine).noquote() << u"could not read upcoming appointments: %1"_s.arg(e.message());
    }
    return items;
}

} // namespace deskbell
