#include "storage/StoreProbe.h"

#include "secrets/SecretStore.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <atomic>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

// Carries the result from the probe's thread to the requester: a queued connection is cut safely by
// the receiver's destructor (see ConsoleReader's Courier).
class ProbeCourier : public QObject
{
    Q_OBJECT

signals:
    void arrived(const deskbell::StoreProbe::Result &result);
};

int nextProbeNumber()
{
    static std::atomic<int> counter{0};
    return ++counter;
}

// libpq's words, turned into what the operator can act on (the details follow after a colon).
QString explain(const QString &text)
{
    const QString lower = text.toLower();
    if (lower.contains(u"password authentication failed"_s) || lower.contains(u"no password supplied"_s) ||
        lower.contains(u"authentication failed"_s)) {
        return u"The server refused the user name or password."_s;
    }
    if (lower.contains(u"does not exist"_s) && lower.contains(u"database"_s)) {
        return u"The server has no such database: create it first (CREATE DATABASE), or check its name."_s;
    }
    if (lower.contains(u"could not connect"_s) || lower.contains(u"connection refused"_s) ||
        lower.contains(u"could not translate host name"_s) || lower.contains(u"timeout expired"_s) ||
        lower.contains(u"no route to host"_s) || lower.contains(u"network is unreachable"_s) ||
        lower.contains(u"connection to server"_s)) {
        return u"The server cannot be reached: check the host and port, and that it accepts connections "
               "from this computer."_s;
    }
    if (lower.contains(u"ssl"_s)) {
        return u"The secure connection (sslmode) could not be set up."_s;
    }
    return u"The connection failed."_s;
}

} // namespace

QString StoreProbe::Result::summary() const
{
    if (!connected) {
        return error;
    }
    QString text = u"Connected: PostgreSQL %1. "_s.arg(serverVersion);
    if (!error.isEmpty()) {
        return text + error;
    }
    if (!schemaExists) {
        return text +
               u"The schema \"%1\" does not exist yet: create it (CREATE SCHEMA %1) before saving."_s.arg(
                   schema);
    }
    if (!hasDeskbellTables) {
        return text + u"Schema \"%1\" holds no Deskbell tables yet: they are made at the first start, and "
                      "this desk's data can be copied in."_s.arg(schema);
    }
    return text + u"Schema \"%1\" holds Deskbell's tables, schema version %2 (this Deskbell: %3), with %4 "
                  "appointment(s)."_s.arg(schema)
                      .arg(schemaVersion)
                      .arg(Database::schemaVersion())
                      .arg(appointments);
}

StoreProbe::Result StoreProbe::probe(const Database::Location &location)
{
    Result result;
    if (location.driver != Database::Location::Driver::Postgres) {
        result.error = u"Only a PostgreSQL store can be tested here."_s;
        return result;
    }
    const QString name = u"deskbell_store_probe_%1"_s.arg(nextProbeNumber());
    QString password; // set once the connection is prepared
    const auto hidden = [&password](QString text) {
        return password.isEmpty() ? text : text.replace(password, u"***"_s);
    };
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        if (!db.isValid()) {
            result.error = u"The Qt PostgreSQL driver (QPSQL) is not installed (on Debian and Ubuntu: the "
                           "package libqt6sql6-psql)."_s;
        } else {
            password = Database::preparePostgres(db, location, u"deskbell-probe"_s);
            if (!db.open()) {
                const QString detail = hidden(db.lastError().text()).trimmed();
                result.error = explain(detail) + u" ("_s + detail + u')';
            } else {
                result.connected = true;
                QSqlQuery q(db);
                if (q.exec(u"SHOW server_version"_s) && q.next()) {
                    result.serverVersion = q.value(0).toString().section(u' ', 0, 0);
                }
                result.schema = location.schema;
                if (result.schema.isEmpty() && q.exec(u"SELECT current_schema()"_s) && q.next()) {
                    result.schema = q.value(0).toString();
                }
                q.prepare(u"SELECT count(*) FROM pg_namespace WHERE nspname = ?"_s);
                q.addBindValue(result.schema);
                result.schemaExists = q.exec() && q.next() && q.value(0).toInt() > 0;
                if (result.schemaExists) {
                    q.prepare(u"SELECT count(*) FROM information_schema.tables WHERE table_schema = ?"
                              " AND table_name = 'schema_meta'"_s);
                    q.addBindValue(result.schema);
                    result.hasDeskbellTables = q.exec() && q.next() && q.value(0).toInt() > 0;
                }
                if (result.hasDeskbellTables) {
                    const QString schema = u'"' + result.schema + u'"';
                    if (q.exec(u"SELECT value FROM %1.schema_meta WHERE key = 'version'"_s.arg(schema)) &&
                        q.next()) {
                        result.schemaVersion = q.value(0).toInt();
                    }
                    if (q.exec(u"SELECT count(*) FROM %1.appointments"_s.arg(schema)) && q.next()) {
                        result.appointments = q.value(0).toLongLong();
                    }
                    if (result.schemaVersion > Database::schemaVersion()) {
                        result.error =
                            u"Its tables were written by a newer Deskbell (schema version %1; this "
                            "one knows %2): update this desk first."_s.arg(result.schemaVersion)
                                .arg(Database::schemaVersion());
                    }
                }
                if (q.lastError().isValid() && result.serverVersion.isEmpty()) {
                    result.error = hidden(q.lastError().text());
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

void StoreProbe::start(const Database::Location &location)
{
    m_running = true;
    auto *courier = new ProbeCourier;
    connect(
        courier, &ProbeCourier::arrived, this,
        [this](const Result &result) {
            m_running = false;
            emit finished(result);
        },
        Qt::QueuedConnection);
    QThread *thread = QThread::create([courier, location] { emit courier->arrived(probe(location)); });
    thread->setObjectName(u"deskbell store probe"_s);
    // Both live on this thread and go once the probe has ended, whether anyone still listens or not.
    connect(thread, &QThread::finished, courier, &QObject::deleteLater);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

QString StoreProbe::urlOf(const Database::Location &location)
{
    const auto part = [](const QString &text) {
        return QString::fromLatin1(QUrl::toPercentEncoding(text));
    };
    QString url = u"postgresql://"_s;
    if (!location.user.isEmpty()) {
        url += part(location.user) + u'@';
    }
    // A socket folder goes in ?host=, as libpq reads it; a name or address before the database.
    const bool socket = location.host.startsWith(u'/');
    if (!socket) {
        url += location.host.contains(u':') ? u'[' + location.host + u']' : part(location.host);
        if (location.port != 5432) {
            url += u':' + QString::number(location.port);
        }
    }
    url += u'/' + part(location.database);
    QStringList query;
    if (socket) {
        query.append(u"host="_s + part(location.host));
        if (location.port != 5432) {
            query.append(u"port="_s + QString::number(location.port));
        }
    }
    if (!location.schema.isEmpty()) {
        query.append(u"schema="_s + part(location.schema));
    }
    if (!location.sslMode.isEmpty()) {
        query.append(u"sslmode="_s + location.sslMode);
    }
    return query.isEmpty() ? url : url + u'?' + query.join(u'&');
}

bool StoreProbe::saveStorageUrl(const QString &settingsPath, const QString &url, QString *error)
{
    QDir().mkpath(QFileInfo(settingsPath).absolutePath());
    QSettings settings(settingsPath, QSettings::IniFormat);
    settings.setValue(u"storage/url"_s, url);
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        if (error) {
            *error = u"could not write %1"_s.arg(settingsPath);
        }
        return false;
    }
    return true;
}

void StoreProbe::savePassword(const QByteArray &password, std::function<void(const QString &error)> done)
{
    if (qEnvironmentVariable("DESKBELL_KEYCHAIN") == u"off"_s) {
        QTimer::singleShot(0, [done] {
            done(u"the keychain is switched off (DESKBELL_KEYCHAIN=off): give the password in the "
                 "environment variable DESKBELL_DB_PASSWORD instead"_s);
        });
        return;
    }
    auto *keychain = new KeychainSecretStore;
    keychain->write(secret::DB_PASSWORD, password, [keychain, done](const SecretStore::Result &r) {
        done(r.ok() ? QString() : r.error);
        keychain->deleteLater();
    });
}

} // namespace deskbell

#include "StoreProbe.moc"
