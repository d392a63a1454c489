#include "support/ConsoleFixture.h"

#include "domain/Clock.h"
#include "storage/Database.h"
#include "storage/Store.h"
#include "support/CalendlyBodies.h"

#include <QFile>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QTest>
#include <QUrl>

namespace deskbell::test {

using namespace Qt::StringLiterals;

namespace {

// section -> ordered (key, value) pairs
using IniText = QList<QPair<QString, QList<QPair<QString, QString>>>>;

void setValue(IniText &ini, const QString &section, const QString &key, const QString &value)
{
    for (auto &group : ini) {
        if (group.first != section) {
            continue;
        }
        for (auto &entry : group.second) {
            if (entry.first == key) {
                entry.second = value;
                return;
            }
        }
        group.second.append({key, value});
        return;
    }
    ini.append({section, {{key, value}}});
}

// Merges "[section]\nkey = value" text into ini, later values replacing earlier ones.
void merge(IniText &ini, const QString &text)
{
    QString section;
    for (const QString &raw : text.split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#')) {
            continue;
        }
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            section = line.mid(1, line.size() - 2).trimmed();
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq > 0) {
            setValue(ini, section, line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
        }
    }
}

const char BASE_SETTINGS[] = R"([rules]
reminder_offsets_min = 1440, 120
default_region = TH
fallback_timezone = Asia/Bangkok
[templates]
confirm = tpl-confirm
cancel = tpl-cancel
reschedule = tpl-reschedule
reminder = tpl-reminder
followup = tpl-followup
host_notify = tpl-host
no_show = tpl-noshow
[sms]
provider = sandbox
[listener]
address = 127.0.0.1
port = 0
)";

} // namespace

QDateTime atBangkok(int hour, int minute, int dayOffset)
{
    return QDateTime(QDate(2026, 11, 2).addDays(dayOffset), QTime(hour, minute), QTimeZone("Asia/Bangkok"))
        .toUTC();
}

QByteArray ConsoleFixture::settingsText(const QString &extraSettings)
{
    IniText ini;
    merge(ini, QString::fromUtf8(BASE_SETTINGS));
    merge(ini, extraSettings);
    QString text;
    for (const auto &group : ini) {
        text += u'[' + group.first + u"]\n"_s;
        for (const auto &entry : group.second) {
            text += entry.first + u" = "_s + entry.second + u'\n';
        }
    }
    return text.toUtf8();
}

ConsoleFixture::ConsoleFixture(Options options)
    : m_options(std::move(options))
    , m_clock(m_options.nowUtc)
{}

ConsoleFixture::~ConsoleFixture()
{
    m_store.reset();
    m_db.reset();
    m_reader.reset();
    if (m_host) {
        m_host->shutdown(5000);
    }
    m_host.reset();
    m_testDb.reset();
}

QString postgresUrl(const Database::Location &location, bool withPassword)
{
    const auto part = [](const QString &text) {
        return QString::fromLatin1(QUrl::toPercentEncoding(text));
    };
    QString url = u"postgresql://"_s;
    if (!location.user.isEmpty()) {
        url += part(location.user);
        if (withPassword && !location.password.isEmpty()) {
            url += u':' + part(location.password);
        }
        url += u'@';
    }
    url += u'/' + part(location.database) + u"?port="_s + QString::number(location.port);
    if (!location.host.isEmpty()) {
        url += u"&host="_s + part(location.host);
    }
    if (!location.schema.isEmpty()) {
        url += u"&schema="_s + location.schema;
    }
    return url;
}

Database::Location ConsoleFixture::location()
{
    return onEngine<Database::Location>([](Engine &engine) { return engine.databaseLocation(); });
}

QString ConsoleFixture::settingsPath() const
{
    return m_dir.filePath(u"deskbell.ini"_s);
}

bool ConsoleFixture::start(QString *error)
{
    if (!m_dir.isValid()) {
        *error = u"no temporary folder"_s;
        return false;
    }
    QString extra = m_options.extraSettings;
    if (m_options.postgres) {
        if (!TestDatabase::postgres()) {
            *error = u"this fixture needs PostgreSQL: run it under tests/support/with-postgres.sh"_s;
            return false;
        }
        m_testDb = std::make_unique<TestDatabase>();
        const Database::Location location = m_testDb->fresh();
        if (!m_testDb->isValid()) {
            *error = m_testDb->error();
            return false;
        }
        // The throwaway server's password in the file: it guards nothing once the test is over.
        extra = u"[storage]\nurl = "_s + postgresUrl(location, true) + u'\n' + extra;
    }
    QFile file(settingsPath());
    if (!file.open(QIODevice::WriteOnly) || file.write(settingsText(extra)) < 0) {
        *error = u"cannot write %1"_s.arg(settingsPath());
        return false;
    }
    file.close();

    m_secrets = new MemorySecretStore(m_options.secrets);
    Engine::Options options{settingsPath(), m_dir.path(), "Asia/Bangkok", m_secrets};
    m_host = std::make_unique<EngineHost>(options, m_clock);
    // The host moved the store to the engine's thread; it is deleted there with the engine's end.
    QObject::connect(m_host->engine(), &QObject::destroyed, m_secrets, &QObject::deleteLater);
    if (!m_host->start(error)) {
        return false;
    }
    const Database::Location location =
        onEngine<Database::Location>([](Engine &engine) { return engine.databaseLocation(); });
    m_reader = std::make_unique<ConsoleReader>();
    return m_reader->open(location, error);
}

BookingProcessor::Result ConsoleFixture::ingest(const QByteArray &body)
{
    return onEngine<BookingProcessor::Result>(
        [body](Engine &engine) { return engine.ingest(body, u"webhook"_s); });
}

void ConsoleFixture::book(const QString &id, const QString &name, const QDateTime &startUtc,
                          const QString &timezone, const QString &phone)
{
    BodyOptions options;
    options.id = id;
    options.name = name;
    options.startUtc = startUtc;
    options.timezone = timezone;
    options.phone = phone;
    QCOMPARE(ingest(body(options)).outcome, u"applied"_s);
}

Store &ConsoleFixture::store()
{
    if (!m_store) {
        const Database::Location location =
            onEngine<Database::Location>([](Engine &engine) { return engine.databaseLocation(); });
        m_db = std::make_unique<Database>(u"console-fixture-test"_s);
        m_db->open(location);
        m_store = std::make_unique<Store>(*m_db, m_clock);
    }
    return *m_store;
}

} // namespace deskbell::test
