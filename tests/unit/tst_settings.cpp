#include "config/Settings.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

const QByteArray SYSTEM_ZONE = "Asia/Bangkok";

} // namespace

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void missingFileMeansDefaults();
    void readsEveryDocumentedKey();
    void reportsBadValueWithItsKey_data();
    void reportsBadValueWithItsKey();
    void acceptsGoodValue_data();
    void acceptsGoodValue();
    void warnsAboutUnknownKeys();
    void eventTypeOverrideStartsFromDefaults();
    void eventTypeOverrideNeedsMatch();
    void readmeExampleIsValid();
    void saveThenLoadRoundTrips();
    void readsMessageLanguage_data();
    void readsMessageLanguage();
    void buddhistEraWithoutThaiIsAWarning();
    void eventTypeKeepsFollowingTheDesksLanguageAfterSave();
    void passwordInStorageUrlIsAWarningThatNeverShowsIt();
    void readsClaimLease();
    void sharedSectionsReplaceTheFilesRules();

private:
    Settings::LoadResult loadText(const QByteArray &ini);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Settings::LoadResult TestSettings::loadText(const QByteArray &ini)
{
    const QString path = m_dir->filePath(u"deskbell.ini"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        qFatal("cannot write %s", qPrintable(path));
    }
    file.write(ini);
    file.close();
    return Settings::load(path, SYSTEM_ZONE);
}

void TestSettings::missingFileMeansDefaults()
{
    const auto result = Settings::load(m_dir->filePath(u"absent.ini"_s), SYSTEM_ZONE);
    QVERIFY(!result.fileExisted);
    QVERIFY(result.ok());
    QVERIFY(result.problems.isEmpty());
    const Rules &r = result.values.rules.defaults;
    QCOMPARE(r.reminderOffsetsMin, (QList<int>{1440, 60}));
    QCOMPARE(r.followupAfterMin, 0);
    QCOMPARE(r.fallbackTimezone, u"Asia/Bangkok"_s);
    QVERIFY(!r.quietHours);
    QVERIFY(r.hostPhone.isEmpty());
    QVERIFY(r.templates.isEmpty());
    QVERIFY(result.values.storageUrl.isEmpty());
    QCOMPARE(result.values.sms.provider, u"sandbox"_s);
    QCOMPARE(result.values.sms.apiBase, QUrl(u"https://smsapi.engagelab.com"_s));
    QCOMPARE(result.values.sms.maxInFlight, 4);
    QCOMPARE(result.values.sms.maxPerSecond, 10);
    QCOMPARE(result.values.sms.maxAttempts, 6);
    QCOMPARE(result.values.sms.lateMaxMin, 720);
    QCOMPARE(result.values.sms.claimLeaseSecs, 60);
    QCOMPARE(result.values.calendly.effectiveMode(), u"poll"_s);
    QCOMPARE(result.values.calendly.apiBase, QUrl(u"https://api.calendly.com"_s));
    QCOMPARE(result.values.calendly.pollIntervalSecs, 60);
    QCOMPARE(result.values.calendly.pollDays, 30);
    QCOMPARE(result.values.listener.address, u"127.0.0.1"_s);
    QCOMPARE(result.values.listener.port, 8787);
    QCOMPARE(result.values.listener.maxBodyBytes, qint64(262144));
}

void TestSettings::readsEveryDocumentedKey()
{
    const auto result =
        loadText("[storage]\nurl = sqlite:/tmp/x.sqlite3\n"
                 "[templates]\nconfirm = 101\ncancel = 102\nreschedule = 103\nreminder = 104\n"
                 "followup = 105\nhost_notify = 106\nno_show = 107\n"
                 "[rules]\nreminder_offsets_min = 60,1440,15\nfollowup_after_min = 30\n"
                 "host_phone = 081 234 5678\ndefault_region = th\n"
                 "fallback_timezone = Asia/Kolkata\nquiet_hours = 21:00-08:00\n");
    QVERIFY2(result.ok(),
             qPrintable(result.problems.isEmpty() ? QString() : result.problems.first().toString()));
    const Rules &r = result.values.rules.defaults;
    QCOMPARE(result.values.storageUrl, u"sqlite:/tmp/x.sqlite3"_s);
    QCOMPARE(r.reminderOffsetsMin, (QList<int>{1440, 60, 15}));
    QCOMPARE(r.followupAfterMin, 30);
    QCOMPARE(r.defaultRegion, u"TH"_s);
    QCOMPARE(r.hostPhone, u"+66812345678"_s); // read with the default region, whatever the key order
    QCOMPARE(r.fallbackTimezone, u"Asia/Kolkata"_s);
    QVERIFY(r.quietHours);
    QCOMPARE(r.quietHours->toString(), u"21:00-08:00"_s);
    QCOMPARE(r.templateFor(MessageKind::Confirm), u"101"_s);
    QCOMPARE(r.templateFor(MessageKind::NoShow), u"107"_s);
    QCOMPARE(r.templates.size(), 7);
}

void TestSettings::reportsBadValueWithItsKey_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("key");

    QTest::newRow("offset not a number")
        << "[rules]\nreminder_offsets_min = 1440,soon\n"_ba << u"rules/reminder_offsets_min"_s;
    QTest::newRow("offset zero") << "[rules]\nreminder_offsets_min = 0\n"_ba
                                 << u"rules/reminder_offsets_min"_s;
    QTest::newRow("offset negative") << "[rules]\nreminder_offsets_min = -60\n"_ba
                                     << u"rules/reminder_offsets_min"_s;
    QTest::newRow("offset twice") << "[rules]\nreminder_offsets_min = 60,60\n"_ba
                                  << u"rules/reminder_offsets_min"_s;
    QTest::newRow("offset beyond 60 days")
        << "[rules]\nreminder_offsets_min = 90000\n"_ba << u"rules/reminder_offsets_min"_s;
    QTest::newRow("follow-up words") << "[rules]\nfollowup_after_min = later\n"_ba
                                     << u"rules/followup_after_min"_s;
    QTest::newRow("follow-up negative")
        << "[rules]\nfollowup_after_min = -1\n"_ba << u"rules/followup_after_min"_s;
    QTest::newRow("host phone invalid") << "[rules]\nhost_phone = 12\n"_ba << u"rules/host_phone"_s;
    QTest::newRow("host phone local without region")
        << "[rules]\nhost_phone = 081 234 5678\n"_ba << u"rules/host_phone"_s;
    QTest::newRow("region unknown") << "[rules]\ndefault_region = XX\n"_ba << u"rules/default_region"_s;
    QTest::newRow("region a name") << "[rules]\ndefault_region = Thailand\n"_ba << u"rules/default_region"_s;
    QTest::newRow("time zone unknown")
        << "[rules]\nfallback_timezone = Mars/Olympus\n"_ba << u"rules/fallback_timezone"_s;
    QTest::newRow("quiet hours malformed") << "[rules]\nquiet_hours = 9pm-8am\n"_ba << u"rules/quiet_hours"_s;
    QTest::newRow("template with spaces")
        << "[templates]\nreminder = my template\n"_ba << u"templates/reminder"_s;
    QTest::newRow("storage url scheme") << "[storage]\nurl = mysql://db\n"_ba << u"storage/url"_s;
    QTest::newRow("override region") << "[event_type.x]\nmatch = Call\ndefault_region = TH\n"_ba
                                     << u"event_type.x/default_region"_s;
    QTest::newRow("sms provider unknown") << "[sms]\nprovider = twilio\n"_ba << u"sms/provider"_s;
    QTest::newRow("sms api base plain http")
        << "[sms]\napi_base = http://smsapi.engagelab.com\n"_ba << u"sms/api_base"_s;
    QTest::newRow("sms api base not a url") << "[sms]\napi_base = engagelab\n"_ba << u"sms/api_base"_s;
    QTest::newRow("sms in flight zero") << "[sms]\nmax_in_flight = 0\n"_ba << u"sms/max_in_flight"_s;
    QTest::newRow("sms in flight above Qt's 6 connections")
        << "[sms]\nmax_in_flight = 7\n"_ba << u"sms/max_in_flight"_s;
    QTest::newRow("sms per second words") << "[sms]\nmax_per_second = fast\n"_ba << u"sms/max_per_second"_s;
    QTest::newRow("sms attempts too many") << "[sms]\nmax_attempts = 99\n"_ba << u"sms/max_attempts"_s;
    QTest::newRow("sms late negative") << "[sms]\nlate_max_min = -1\n"_ba << u"sms/late_max_min"_s;
    QTest::newRow("calendly mode unknown") << "[calendly]\nmode = push\n"_ba << u"calendly/mode"_s;
    QTest::newRow("webhook mode without public url")
        << "[calendly]\nmode = webhook\n"_ba << u"calendly/public_url"_s;
    QTest::newRow("public url plain http")
        << "[calendly]\npublic_url = http://clinic.example\n"_ba << u"calendly/public_url"_s;
    QTest::newRow("poll interval too short")
        << "[calendly]\npoll_interval_s = 5\n"_ba << u"calendly/poll_interval_s"_s;
    QTest::newRow("poll days too many") << "[calendly]\npoll_days = 400\n"_ba << u"calendly/poll_days"_s;
    QTest::newRow("listener address") << "[listener]\naddress = everywhere\n"_ba << u"listener/address"_s;
    QTest::newRow("listener port") << "[listener]\nport = 70000\n"_ba << u"listener/port"_s;
    QTest::newRow("listener tls half")
        << "[listener]\ntls_cert = /etc/hostname\n"_ba << u"listener/tls_key"_s;
    QTest::newRow("override offsets") << "[event_type.x]\nmatch = Call\nreminder_offsets_min = x\n"_ba
                                      << u"event_type.x/reminder_offsets_min"_s;
    QTest::newRow("message language a name")
        << "[rules]\nmessage_language = Thai\n"_ba << u"rules/message_language"_s;
    QTest::newRow("message language traditional chinese")
        << "[rules]\nmessage_language = zh_TW\n"_ba << u"rules/message_language"_s;
    QTest::newRow("buddhist era words")
        << "[rules]\nmessage_language = th\nbuddhist_era = sometimes\n"_ba << u"rules/buddhist_era"_s;
    QTest::newRow("override message language")
        << "[event_type.x]\nmatch = Call\nmessage_language = fr\n"_ba << u"event_type.x/message_language"_s;
}

void TestSettings::reportsBadValueWithItsKey()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, key);
    const auto result = loadText(ini);
    QVERIFY(!result.ok());
    const auto errors = result.errors();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().key, key);
    QVERIFY(!errors.first().message.isEmpty());
    // The operator reads "[section] key: why".
    QVERIFY2(errors.first().toString().contains(key.section(u'/', 1)), qPrintable(errors.first().toString()));
}

void TestSettings::acceptsGoodValue_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::newRow("no reminders") << "[rules]\nreminder_offsets_min =\n"_ba;
    QTest::newRow("one reminder") << "[rules]\nreminder_offsets_min = 15\n"_ba;
    QTest::newRow("quoted list") << "[rules]\nreminder_offsets_min = \"1440, 60\"\n"_ba;
    QTest::newRow("quiet hours off") << "[rules]\nquiet_hours =\n"_ba;
    QTest::newRow("international host phone") << "[rules]\nhost_phone = +971 50 123 4567\n"_ba;
    QTest::newRow("template off") << "[templates]\nfollowup =\n"_ba;
    QTest::newRow("sqlite url") << "[storage]\nurl = sqlite:/var/lib/deskbell/db.sqlite3\n"_ba;
    QTest::newRow("postgresql url") << "[storage]\nurl = postgresql://desk@db.example.org/deskbell\n"_ba;
    QTest::newRow("sms loopback relay")
        << "[sms]\nprovider = engagelab\napi_base = http://127.0.0.1:9000\n"_ba;
    QTest::newRow("hybrid with a tunnel")
        << "[calendly]\npublic_url = https://desk.example.org/webhooks/calendly\n"_ba;
    QTest::newRow("listener on every interface") << "[listener]\naddress = 0.0.0.0\nport = 9000\n"_ba;
    QTest::newRow("comment after value") << "[rules]\nfollowup_after_min = 30 ; half an hour\n"_ba;
}

void TestSettings::acceptsGoodValue()
{
    QFETCH(QByteArray, ini);
    const auto result = loadText(ini);
    QVERIFY2(result.ok(),
             qPrintable(result.errors().isEmpty() ? QString() : result.errors().first().toString()));
}

void TestSettings::warnsAboutUnknownKeys()
{
    const auto result =
        loadText("[rules]\nreminder_offset_min = 30\n[templates]\nreminders = 5\n[colour]\nx=1\n");
    QVERIFY(result.ok()); // warnings do not stop Deskbell...
    QStringList keys;
    for (const auto &p : result.problems) {
        QCOMPARE(p.severity, Settings::Problem::Severity::Warning);
        keys.append(p.key);
    }
    // ...but each typo is named, so nobody wonders why 30 minutes does nothing.
    QVERIFY(keys.contains(u"rules/reminder_offset_min"_s));
    QVERIFY(keys.contains(u"templates/reminders"_s));
    QVERIFY(keys.contains(u"colour"_s));
    QCOMPARE(result.values.rules.defaults.reminderOffsetsMin, (QList<int>{1440, 60}));
}

void TestSettings::eventTypeOverrideStartsFromDefaults()
{
    const auto result = loadText("[templates]\nreminder = 1\nconfirm = 2\n"
                                 "[rules]\nreminder_offsets_min = 1440,60\nquiet_hours = 21:00-08:00\n"
                                 "[event_type.call]\nmatch = 15 Minute Meeting\nreminder_offsets_min = 15\n"
                                 "templates.reminder = 9\ntemplates.confirm =\n");
    QVERIFY(result.ok());
    QCOMPARE(result.values.rules.overrides.size(), 1);
    const auto &o = result.values.rules.overrides.first();
    QCOMPARE(o.id, u"call"_s);
    QCOMPARE(o.match, u"15 Minute Meeting"_s);
    QCOMPARE(o.rules.reminderOffsetsMin, QList<int>{15});
    QCOMPARE(o.rules.templateFor(MessageKind::Reminder), u"9"_s);
    QVERIFY(!o.rules.isOn(MessageKind::Confirm)); // switched off for this type only
    QVERIFY(o.rules.quietHours);                  // inherited
    QCOMPARE(result.values.rules.defaults.templateFor(MessageKind::Confirm), u"2"_s);
}

void TestSettings::eventTypeOverrideNeedsMatch()
{
    const auto result = loadText("[event_type.call]\nreminder_offsets_min = 15\n");
    QVERIFY(!result.ok());
    QCOMPARE(result.errors().first().key, u"event_type.call/match"_s);
}

void TestSettings::readmeExampleIsValid()
{
    QFile readme(QStringLiteral(DESKBELL_TEST_DATA_DIR "/../../README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    static const QRegularExpression block(u"```ini\\n(.*?)```"_s,
                                          QRegularExpression::DotMatchesEverythingOption);
    const auto match = block.match(text);
    QVERIFY2(match.hasMatch(), "README has no ```ini example");
    const auto result = loadText(match.captured(1).toUtf8());
    for (const auto &p : result.problems) {
        qWarning().noquote() << p.toString();
    }
    QVERIFY(result.problems.isEmpty());
    QCOMPARE(result.values.rules.defaults.hostPhone, u"+66812345678"_s);
    QCOMPARE(result.values.rules.overrides.size(), 1);
    QCOMPARE(result.values.rules.defaults.messageLanguage, MessageLanguage::English);
}

void TestSettings::saveThenLoadRoundTrips()
{
    Settings::Values values;
    values.storageUrl = u"sqlite:/tmp/deskbell-test.sqlite3"_s;
    Rules &r = values.rules.defaults;
    r.reminderOffsetsMin = {2880, 1440, 30};
    r.followupAfterMin = 45;
    r.defaultRegion = u"IN"_s;
    r.hostPhone = u"+919876543210"_s;
    r.fallbackTimezone = u"Asia/Kolkata"_s;
    r.quietHours = QuietHours{QTime(22, 0), QTime(7, 30)};
    r.templates = {{MessageKind::Confirm, u"11"_s}, {MessageKind::Reminder, u"12"_s}};
    EventTypeOverride o{u"call"_s, u"Phone call"_s, r};
    o.rules.reminderOffsetsMin = {15};
    values.rules.overrides = {o};

    const QString path = m_dir->filePath(u"saved.ini"_s);
    QString error;
    QVERIFY2(Settings::save(path, values, &error), qPrintable(error));
    const auto loaded = Settings::load(path, SYSTEM_ZONE);
    QVERIFY(loaded.ok());
    const Rules &l = loaded.values.rules.defaults;
    QCOMPARE(loaded.values.storageUrl, values.storageUrl);
    QCOMPARE(l.reminderOffsetsMin, r.reminderOffsetsMin);
    QCOMPARE(l.followupAfterMin, 45);
    QCOMPARE(l.defaultRegion, u"IN"_s);
    QCOMPARE(l.hostPhone, u"+919876543210"_s);
    QCOMPARE(l.fallbackTimezone, u"Asia/Kolkata"_s);
    QCOMPARE(l.quietHours, r.quietHours);
    QCOMPARE(l.templates, r.templates);
    QCOMPARE(loaded.values.rules.overrides.size(), 1);
    QCOMPARE(loaded.values.rules.overrides.first().rules.reminderOffsetsMin, QList<int>{15});
    QCOMPARE(l.messageLanguage, MessageLanguage::English);
    QVERIFY(!l.buddhistEra);
}

void TestSettings::readsMessageLanguage_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<MessageLanguage>("language");
    QTest::addColumn<bool>("buddhistEra");

    QTest::newRow("default is English") << ""_ba << MessageLanguage::English << false;
    QTest::newRow("english") << "[rules]\nmessage_language = en\n"_ba << MessageLanguage::English << false;
    QTest::newRow("thai, common era")
        << "[rules]\nmessage_language = th\n"_ba << MessageLanguage::Thai << false;
    QTest::newRow("thai, buddhist era")
        << "[rules]\nmessage_language = th\nbuddhist_era = true\n"_ba << MessageLanguage::Thai << true;
    QTest::newRow("buddhist era yes")
        << "[rules]\nmessage_language = th\nbuddhist_era = yes\n"_ba << MessageLanguage::Thai << true;
    QTest::newRow("buddhist era off")
        << "[rules]\nmessage_language = th\nbuddhist_era = false\n"_ba << MessageLanguage::Thai << false;
    QTest::newRow("simplified chinese")
        << "[rules]\nmessage_language = zh_CN\n"_ba << MessageLanguage::ChineseSimplified << false;
    QTest::newRow("case does not matter")
        << "[rules]\nmessage_language = ZH_cn\n"_ba << MessageLanguage::ChineseSimplified << false;
}

void TestSettings::readsMessageLanguage()
{
    QFETCH(QByteArray, ini);
    QFETCH(MessageLanguage, language);
    QFETCH(bool, buddhistEra);
    const auto result = loadText(ini);
    QVERIFY2(result.problems.isEmpty(),
             qPrintable(result.problems.isEmpty() ? QString() : result.problems.first().toString()));
    QCOMPARE(result.values.rules.defaults.messageLanguage, language);
    QCOMPARE(result.values.rules.defaults.buddhistEra, buddhistEra);
}

void TestSettings::buddhistEraWithoutThaiIsAWarning()
{
    const auto result = loadText("[rules]\nmessage_language = zh_CN\nbuddhist_era = true\n");
    QVERIFY(result.ok()); // harmless: Chinese dates have no year to shift
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().severity, Settings::Problem::Severity::Warning);
    QCOMPARE(result.problems.first().key, u"rules/buddhist_era"_s);
    QVERIFY2(result.problems.first().message.contains(u"message_language = th"_s),
             qPrintable(result.problems.first().message));
}

void TestSettings::eventTypeKeepsFollowingTheDesksLanguageAfterSave()
{
    auto loaded = loadText("[rules]\nmessage_language = th\nbuddhist_era = true\n"
                           "[event_type.en]\nmatch = English call\nmessage_language = en\n"
                           "[event_type.call]\nmatch = Phone call\n");
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.values.rules.overrides.size(), 2);
    const QString path = m_dir->filePath(u"saved.ini"_s);
    QString error;
    QVERIFY2(Settings::save(path, loaded.values, &error), qPrintable(error));

    // The desk switches to Chinese by hand: the type that never chose a language follows it.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    file.close();
    QVERIFY2(text.contains(u"message_language=th"_s), qPrintable(text));
    text.replace(u"message_language=th"_s, u"message_language=zh_CN"_s);
    text.replace(u"buddhist_era=true"_s, u"buddhist_era=false"_s);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
    file.close();

    const auto reloaded = Settings::load(path, SYSTEM_ZONE);
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded.values.rules.defaults.messageLanguage, MessageLanguage::ChineseSimplified);
    for (const auto &o : reloaded.values.rules.overrides) {
        QCOMPARE(o.rules.messageLanguage,
                 o.id == u"en"_s ? MessageLanguage::English : MessageLanguage::ChineseSimplified);
        QVERIFY(!o.rules.buddhistEra);
    }
}

void TestSettings::passwordInStorageUrlIsAWarningThatNeverShowsIt()
{
    const auto result = loadText("[storage]\nurl = postgresql://desk:s3cr%40t-pw@db.example.org/deskbell\n");
    QVERIFY(result.ok()); // accepted: the desk starts
    QCOMPARE(result.problems.size(), 1);
    const auto &warning = result.problems.first();
    QCOMPARE(warning.severity, Settings::Problem::Severity::Warning);
    QCOMPARE(warning.key, u"storage/url"_s);
    QVERIFY2(warning.message.contains(u"DESKBELL_DB_PASSWORD"_s), qPrintable(warning.message));
    QVERIFY2(warning.message.contains(u"keychain"_s), qPrintable(warning.message));
    QVERIFY(!warning.toString().contains(u"s3cr"_s));

    QVERIFY(loadText("[storage]\nurl = postgresql://desk@db.example.org/deskbell\n").problems.isEmpty());
}

void TestSettings::readsClaimLease()
{
    QCOMPARE(loadText("[sms]\nclaim_lease_s = 5\n").values.sms.claimLeaseSecs, 5);
    const auto bad = loadText("[sms]\nclaim_lease_s = 3601\n"); // (QSettings caches by size + mtime)
    QVERIFY(!bad.ok());
    QCOMPARE(bad.errors().first().key, u"sms/claim_lease_s"_s);
}

void TestSettings::sharedSectionsReplaceTheFilesRules()
{
    // Another desk's rules, as it shares them through the database.
    const auto other = loadText("[templates]\nconfirm = 77\n[rules]\nreminder_offsets_min = 30\n"
                                "quiet_hours = 22:00-07:00\n"
                                "[event_type.call]\nmatch = Phone call\nreminder_offsets_min = 5\n");
    QVERIFY(other.ok());
    const QByteArray shared = Settings::sharedSections(other.values);
    QVERIFY(shared.contains("[rules]"));
    QVERIFY(!shared.contains("[listener]") && !shared.contains("[storage]"));
    QCOMPARE(Settings::sharedSections(other.values), shared); // the same text for the same rules

    // This desk's own file: its listener and sms stay, its rules give way.
    const QString path = m_dir->filePath(u"desk.ini"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[listener]\nport = 9123\n[sms]\nmax_in_flight = 2\n[templates]\nconfirm = 1\n"
                   "[rules]\nreminder_offsets_min = 1440\n[event_type.old]\nmatch = Old\n");
    }
    const auto merged = Settings::loadWithShared(path, SYSTEM_ZONE, shared);
    QVERIFY(merged.ok());
    QCOMPARE(merged.path, path);
    QVERIFY(merged.fileExisted);
    QCOMPARE(merged.values.listener.port, 9123);
    QCOMPARE(merged.values.sms.maxInFlight, 2);
    QCOMPARE(merged.values.rules.defaults.templateFor(MessageKind::Confirm), u"77"_s);
    QCOMPARE(merged.values.rules.defaults.reminderOffsetsMin, QList<int>{30});
    QVERIFY(merged.values.rules.defaults.quietHours);
    QCOMPARE(merged.values.rules.overrides.size(), 1);
    QCOMPARE(merged.values.rules.overrides.first().id, u"call"_s);
    // The file itself is not touched.
    QCOMPARE(Settings::load(path, SYSTEM_ZONE).values.rules.defaults.reminderOffsetsMin, QList<int>{1440});
    // Nothing shared yet: the file's own rules.
    QCOMPARE(Settings::loadWithShared(path, SYSTEM_ZONE, {}).values.rules.defaults.reminderOffsetsMin,
             QList<int>{1440});
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
