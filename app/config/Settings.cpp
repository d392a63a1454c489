#include "config/Settings.h"

#include "domain/Phone.h"
#include "secrets/SecretStore.h"
#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

constexpr int MAX_OFFSET_MIN = 60 * 24 * 60;   // 60 days: Calendly's booking window rarely exceeds this
constexpr int MAX_FOLLOWUP_MIN = 60 * 24 * 30; // 30 days

const QStringList RULE_KEYS{u"reminder_offsets_min"_s, u"followup_after_min"_s, u"host_phone"_s,
                            u"default_region"_s,       u"fallback_timezone"_s,  u"quiet_hours"_s,
                            u"message_language"_s,     u"buddhist_era"_s};

// QSettings' INI reader turns "1440,60" into a QStringList; take the text back as written.
QString textValue(const QSettings &s, const QString &key)
{
    const QVariant v = s.value(key);
    if (v.typeId() == QMetaType::QStringList) {
        return v.toStringList().join(u',').trimmed();
    }
    return v.toString().trimmed();
}

class Loader
{
public:
    explicit Loader(Settings::LoadResult &result)
        : m_result(result)
    {}

    void error(const QString &key, const QString &message)
    {
        m_result.problems.append({Settings::Problem::Severity::Error, key, message});
    }
    void warning(const QString &key, const QString &message)
    {
        m_result.problems.append({Settings::Problem::Severity::Warning, key, message});
    }

    // Reads the rule keys present in the current group into `rules`; keys absent keep their value.
    void readRules(QSettings &s, const QString &group, Rules &rules)
    {
        const auto key = [&](const QString &k) -> QString {
            return group + u'/' + k;
        };
        const bool isDefaults = group == u"rules"_s;
        if (!isDefaults && s.contains(u"default_region"_s)) {
            // Numbers are read when a booking arrives, before its event type's rules are chosen.
            error(key(u"default_region"_s), u"applies to every event type: set it in [rules]"_s);
        } else if (s.contains(u"default_region"_s)) {
            const QString region = textValue(s, u"default_region"_s).toUpper();
            if (!region.isEmpty() && !phone::isKnownRegion(region)) {
                error(key(u"default_region"_s),
                      u"\"%1\" is not a known country code; use two letters such as TH, IN or AE"_s.arg(
                          region));
            } else {
                rules.defaultRegion = region;
            }
        }
        if (s.contains(u"reminder_offsets_min"_s)) {
            readOffsets(textValue(s, u"reminder_offsets_min"_s), key(u"reminder_offsets_min"_s), rules);
        }
        if (s.contains(u"followup_after_min"_s)) {
            const QString text = textValue(s, u"followup_after_min"_s);
            bool ok = false;
            const int value = text.toInt(&ok);
            if (!ok || value < 0 || value > MAX_FOLLOWUP_MIN) {
                error(key(u"followup_after_min"_s),
                      u"expected whole minutes from 0 (off) to %1, got \"%2\""_s.arg(MAX_FOLLOWUP_MIN)
                          .arg(text));
            } else {
                rules.followupAfterMin = value;
            }
        }
        if (s.contains(u"fallback_timezone"_s)) {
            const QString zone = textValue(s, u"fallback_timezone"_s);
            if (!zone.isEmpty()) {
                if (!QTimeZone::isTimeZoneIdAvailable(zone.toUtf8())) {
                    error(key(u"fallback_timezone"_s),
                          u"\"%1\" is not a known time zone; use an IANA name such as Asia/Bangkok"_s.arg(
                              zone));
                } else {
                    rules.fallbackTimezone = zone;
                }
            }
        }
        if (s.contains(u"quiet_hours"_s)) {
            QString why;
            const QString text = textValue(s, u"quiet_hours"_s);
            const auto quiet = QuietHours::parse(text, &why);
            if (!why.isEmpty()) {
                error(key(u"quiet_hours"_s), why);
            } else {
                rules.quietHours = quiet;
            }
        }
        if (s.contains(u"message_language"_s)) {
            const QString text = textValue(s, u"message_language"_s);
            if (const auto language = messageLanguageFromString(text)) {
                rules.messageLanguage = *language;
            } else {
                error(
                    key(u"message_language"_s),
                    u"\"%1\" is not a message language; use en (English), th (Thai) or zh_CN (Simplified Chinese)"_s
                        .arg(text));
            }
        }
        if (s.contains(u"buddhist_era"_s)) {
            const QString text = textValue(s, u"buddhist_era"_s).toLower();
            if (text == u"true"_s || text == u"yes"_s || text == u"on"_s || text == u"1"_s) {
                rules.buddhistEra = true;
            } else if (text == u"false"_s || text == u"no"_s || text == u"off"_s || text == u"0"_s ||
                       text.isEmpty()) {
                rules.buddhistEra = false;
            } else {
                error(key(u"buddhist_era"_s), u"expected true or false, got \"%1\""_s.arg(text));
            }
            if (rules.buddhistEra && rules.messageLanguage != MessageLanguage::Thai) {
                warning(key(u"buddhist_era"_s),
                        u"only Thai dates use the Buddhist era (message_language = th); %1 dates keep the "
                        "common era"_s.arg(keyOf(rules.messageLanguage)));
            }
        }
        // host_phone last: it is read with this group's default_region.
        if (s.contains(u"host_phone"_s)) {
            const QString text = textValue(s, u"host_phone"_s);
            if (text.isEmpty()) {
                rules.hostPhone.clear();
            } else {
                const auto number = phone::normalize(text, rules.defaultRegion);
                if (!number.isValid()) {
                    error(key(u"host_phone"_s), u"%1: %2"_s.arg(phone::mask(text), number.error));
                } else {
                    rules.hostPhone = number.e164;
                }
            }
        }
    }

    void readOffsets(const QString &text, const QString &key, Rules &rules)
    {
        QList<int> offsets;
        if (!text.isEmpty()) {
            for (const QString &part : text.split(u',')) {
                bool ok = false;
                const int value = part.trimmed().toInt(&ok);
                if (!ok || value <= 0 || value > MAX_OFFSET_MIN) {
                    error(key,
                          u"\"%1\" is not a number of minutes from 1 to %2 (write the list like 1440,60)"_s
                              .arg(part.trimmed())
                              .arg(MAX_OFFSET_MIN));
                    return;
                }
                if (offsets.contains(value)) {
                    error(key, u"%1 appears twice"_s.arg(value));
                    return;
                }
                offsets.append(value);
            }
        }
        std::sort(offsets.begin(), offsets.end(), std::greater<>());
        rules.reminderOffsetsMin = offsets;
    }

    // Template ids as EngageLab shows them: digits or a short token, never spaces.
    void readTemplate(const QString &key, const QString &value, MessageKind kind, Rules &rules)
    {
        static const QRegularExpression idPattern(u"^[A-Za-z0-9_.:-]{1,64}$"_s);
        if (value.isEmpty()) {
            rules.templates.remove(kind);
        } else if (!idPattern.match(value).hasMatch()) {
            error(key,
                  u"\"%1\" is not a template id (letters, digits, - _ . : only, at most 64)"_s.arg(value));
        } else {
            rules.templates.insert(kind, value);
        }
    }

    void readTemplatesGroup(QSettings &s, const QString &group, Rules &rules)
    {
        for (const QString &k : s.childKeys()) {
            const auto kind = messageKindFromString(k);
            if (!kind) {
                warning(group + u'/' + k, u"unknown message kind, ignored (known: %1)"_s.arg(kindList()));
                continue;
            }
            readTemplate(group + u'/' + k, textValue(s, k), *kind, rules);
        }
    }

    // A whole number in [min, max] for key, or an error naming it; `target` keeps its value on error.
    void readInt(QSettings &s, const QString &group, const QString &k, int min, int max, int &target)
    {
        if (!s.contains(k)) {
            return;
        }
        const QString text = textValue(s, k);
        bool ok = false;
        const int value = text.toInt(&ok);
        if (!ok || value < min || value > max) {
            error(group + u'/' + k,
                  u"expected a whole number from %1 to %2, got \"%3\""_s.arg(min).arg(max).arg(text));
        } else {
            target = value;
        }
    }

    void warnUnknown(QSettings &s, const QString &group, const QStringList &known)
    {
        for (const QString &k : s.childKeys()) {
            if (!known.contains(k)) {
                warning(group + u'/' + k, u"unknown key, ignored (known: %1)"_s.arg(known.join(u", "_s)));
            }
        }
    }

    // An https URL (plain http only to this machine), or an error naming the key.
    bool readUrl(QSettings &s, const QString &group, const QString &k, QUrl &target, bool allowEmpty)
    {
        if (!s.contains(k)) {
            return true;
        }
        const QString text = textValue(s, k);
        if (text.isEmpty() && allowEmpty) {
            target = QUrl();
            return true;
        }
        const QUrl url(text, QUrl::StrictMode);
        const bool loopback =
            url.host() == u"127.0.0.1"_s || url.host() == u"localhost"_s || url.host() == u"::1"_s;
        if (!url.isValid() || url.host().isEmpty() ||
            !(url.scheme() == u"https"_s || (url.scheme() == u"http"_s && loopback))) {
            error(group + u'/' + k, u"expected an https:// address, got \"%1\""_s.arg(text));
            return false;
        }
        target = url;
        return true;
    }

    void readCalendly(QSettings &s, Settings::Calendly &c)
    {
        warnUnknown(s, u"calendly"_s,
                    {u"mode"_s, u"api_base"_s, u"public_url"_s, u"poll_interval_s"_s, u"poll_days"_s,
                     u"signature_tolerance_s"_s, u"oauth_client_id"_s, u"oauth_base"_s});
        if (s.contains(u"mode"_s)) {
            const QString mode = textValue(s, u"mode"_s).toLower();
            if (!mode.isEmpty() && mode != u"webhook"_s && mode != u"poll"_s && mode != u"hybrid"_s) {
                error(u"calendly/mode"_s, u"expected webhook, poll or hybrid, got \"%1\""_s.arg(mode));
            } else {
                c.mode = mode;
            }
        }
        readUrl(s, u"calendly"_s, u"api_base"_s, c.apiBase, false);
        readUrl(s, u"calendly"_s, u"public_url"_s, c.publicUrl, true);
        readUrl(s, u"calendly"_s, u"oauth_base"_s, c.oauthBase, false);
        if (s.contains(u"oauth_client_id"_s)) {
            c.oauthClientId = textValue(s, u"oauth_client_id"_s);
        }
        readInt(s, u"calendly"_s, u"poll_interval_s"_s, 30, 3600, c.pollIntervalSecs);
        readInt(s, u"calendly"_s, u"poll_days"_s, 1, 90, c.pollDays);
        readInt(s, u"calendly"_s, u"signature_tolerance_s"_s, 30, 3600, c.signatureToleranceSecs);
        if ((c.mode == u"webhook"_s || c.mode == u"hybrid"_s) && c.publicUrl.isEmpty()) {
            error(
                u"calendly/public_url"_s,
                u"mode %1 needs the address Calendly can reach (a tunnel or reverse proxy); or use mode = poll"_s
                    .arg(c.mode));
        }
    }

    void readListener(QSettings &s, Settings::Listener &l)
    {
        warnUnknown(s, u"listener"_s,
                    {u"address"_s, u"port"_s, u"max_body_bytes"_s, u"tls_cert"_s, u"tls_key"_s});
        if (s.contains(u"address"_s)) {
            const QString text = textValue(s, u"address"_s);
            if (QHostAddress(text).isNull()) {
                error(u"listener/address"_s,
                      u"\"%1\" is not an IP address (e.g. 127.0.0.1 or 0.0.0.0)"_s.arg(text));
            } else {
                l.address = text;
            }
        }
        readInt(s, u"listener"_s, u"port"_s, 0, 65535, l.port); // 0: any free port (tests)
        int maxBody = int(l.maxBodyBytes);
        readInt(s, u"listener"_s, u"max_body_bytes"_s, 1024, 16 * 1024 * 1024, maxBody);
        l.maxBodyBytes = maxBody;
        l.tlsCert = textValue(s, u"tls_cert"_s);
        l.tlsKey = textValue(s, u"tls_key"_s);
        if (l.tlsCert.isEmpty() != l.tlsKey.isEmpty()) {
            error(l.tlsCert.isEmpty() ? u"listener/tls_cert"_s : u"listener/tls_key"_s,
                  u"TLS needs both tls_cert and tls_key"_s);
        }
        for (const auto &[key, path] :
             {std::pair{u"listener/tls_cert"_s, l.tlsCert}, std::pair{u"listener/tls_key"_s, l.tlsKey}}) {
            if (!path.isEmpty() && !QFileInfo(path).isReadable()) {
                error(key, u"%1 cannot be read"_s.arg(path));
            }
        }
    }

    void readSms(QSettings &s, Settings::Sms &sms)
    {
        const QStringList known{u"provider"_s,     u"api_base"_s,     u"max_in_flight"_s, u"max_per_second"_s,
                                u"max_attempts"_s, u"late_max_min"_s, u"claim_lease_s"_s};
        for (const QString &k : s.childKeys()) {
            if (!known.contains(k)) {
                warning(u"sms/"_s + k, u"unknown key, ignored (known: %1)"_s.arg(known.join(u", "_s)));
            }
        }
        if (s.contains(u"provider"_s)) {
            const QString provider = textValue(s, u"provider"_s).toLower();
            if (provider != u"sandbox"_s && provider != u"engagelab"_s) {
                error(u"sms/provider"_s, u"expected sandbox or engagelab, got \"%1\""_s.arg(provider));
            } else {
                sms.provider = provider;
            }
        }
        if (s.contains(u"api_base"_s)) {
            const QString text = textValue(s, u"api_base"_s);
            const QUrl url(text, QUrl::StrictMode);
            // Plain http only to this machine (a test server or a local relay): credentials travel in
            // every request.
            const bool loopback =
                url.host() == u"127.0.0.1"_s || url.host() == u"localhost"_s || url.host() == u"::1"_s;
            if (!url.isValid() || url.host().isEmpty() ||
                !(url.scheme() == u"https"_s || (url.scheme() == u"http"_s && loopback))) {
                error(u"sms/api_base"_s,
                      u"expected an https:// address such as https://smsapi.engagelab.com, got \"%1\""_s.arg(
                          text));
            } else {
                sms.apiBase = url;
            }
        }
        // Qt opens at most 6 connections per host and sends one request per connection at a time,
        // so more than 6 would only queue inside Qt while looking "in flight" here.
        readInt(s, u"sms"_s, u"max_in_flight"_s, 1, 6, sms.maxInFlight);
        readInt(s, u"sms"_s, u"max_per_second"_s, 1, 100, sms.maxPerSecond);
        readInt(s, u"sms"_s, u"max_attempts"_s, 1, 20, sms.maxAttempts);
        readInt(s, u"sms"_s, u"late_max_min"_s, 0, 7 * 24 * 60, sms.lateMaxMin);
        readInt(s, u"sms"_s, u"claim_lease_s"_s, 5, 3600, sms.claimLeaseSecs);
    }

    static QString kindList()
    {
        QStringList names;
        for (MessageKind kind : allMessageKinds()) {
            names.append(keyOf(kind));
        }
        return names.join(u", "_s);
    }

private:
    Settings::LoadResult &m_result;
};

} // namespace

QString Settings::Problem::toString() const
{
    const qsizetype slash = key.indexOf(u'/');
    const QString where = slash < 0 ? key : u"[%1] %2"_s.arg(key.left(slash), key.mid(slash + 1));
    return where + u": "_s + message;
}

QString Settings::Calendly::effectiveMode() const
{
    if (!mode.isEmpty()) {
        return mode;
    }
    return publicUrl.isEmpty() ? QStringLiteral("poll") : QStringLiteral("hybrid");
}

bool Settings::LoadResult::ok() const
{
    return errors().isEmpty();
}

QList<Settings::Problem> Settings::LoadResult::errors() const
{
    QList<Problem> list;
    for (const auto &p : problems) {
        if (p.severity == Problem::Severity::Error) {
            list.append(p);
        }
    }
    return list;
}

QString Settings::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/deskbell.ini"_s;
}

Settings::LoadResult Settings::load(const QString &path, const QByteArray &systemTimezone)
{
    LoadResult result;
    result.path = path;
    result.fileExisted = QFileInfo::exists(path);
    Loader loader(result);
    Values &values = result.values;
    values.rules.defaults.fallbackTimezone = QString::fromUtf8(systemTimezone);

    if (result.fileExisted && !QFileInfo(path).isReadable()) {
        loader.error(u"file"_s, u"%1 cannot be read"_s.arg(path));
        return result;
    }
    QSettings s(path, QSettings::IniFormat);
    if (s.status() == QSettings::FormatError) {
        loader.error(u"file"_s, u"%1 is not a valid INI file"_s.arg(path));
        return result;
    }

    const QStringList knownGroups{u"storage"_s,  u"templates"_s, u"rules"_s, u"sms"_s,
                                  u"calendly"_s, u"listener"_s,  u"ui"_s};
    for (const QString &group : s.childGroups()) {
        if (!knownGroups.contains(group) && !group.startsWith(u"event_type."_s)) {
            loader.warning(group, u"unknown section [%1], ignored"_s.arg(group));
        }
    }
    for (const QString &key : s.childKeys()) {
        loader.warning(key, u"key outside any section, ignored"_s);
    }

    s.beginGroup(u"storage"_s);
    values.storageUrl = textValue(s, u"url"_s);
    {
        Database::Location location;
        QString why;
        if (!Database::parseUrl(values.storageUrl, u"/default.db"_s, &location, &why)) {
            loader.error(u"storage/url"_s, why);
        } else if (!location.password.isEmpty()) {
            // Accepted (the desk still starts), but a settings file is no place for a secret. The
            // message never repeats the password.
            loader.warning(u"storage/url"_s,
                           u"holds a password: remove it from the url and keep it in the system keychain "
                           "(Deskbell entry \"%1\") or in the environment variable %2"_s.arg(
                               secret::DB_PASSWORD, Database::passwordVariable()));
        }
    }
    s.endGroup();

    s.beginGroup(u"sms"_s);
    loader.readSms(s, values.sms);
    s.endGroup();
    s.beginGroup(u"calendly"_s);
    loader.readCalendly(s, values.calendly);
    s.endGroup();
    s.beginGroup(u"listener"_s);
    loader.readListener(s, values.listener);
    s.endGroup();

    s.beginGroup(u"rules"_s);
    for (const QString &k : s.childKeys()) {
        if (!RULE_KEYS.contains(k)) {
            loader.warning(u"rules/"_s + k,
                           u"unknown key, ignored (known: %1)"_s.arg(RULE_KEYS.join(u", "_s)));
        }
    }
    loader.readRules(s, u"rules"_s, values.rules.defaults);
    s.endGroup();

    s.beginGroup(u"templates"_s);
    loader.readTemplatesGroup(s, u"templates"_s, values.rules.defaults);
    s.endGroup();

    QStringList groups = s.childGroups();
    std::sort(groups.begin(), groups.end());
    for (const QString &group : groups) {
        if (!group.startsWith(u"event_type."_s)) {
            continue;
        }
        EventTypeOverride o;
        o.id = group.mid(QStringLiteral("event_type.").size());
        o.rules = values.rules.defaults;
        s.beginGroup(group);
        o.match = textValue(s, u"match"_s);
        if (o.match.isEmpty()) {
            loader.error(group + u"/match"_s,
                         u"missing: say which event type this section is for (its name, URI or UUID)"_s);
        }
        for (const QString &k : s.childKeys()) {
            if (k == u"match"_s || RULE_KEYS.contains(k)) {
                continue;
            }
            if (k.startsWith(u"templates."_s)) {
                const auto kind = messageKindFromString(k.mid(QStringLiteral("templates.").size()));
                if (kind) {
                    loader.readTemplate(group + u'/' + k, textValue(s, k), *kind, o.rules);
                    continue;
                }
            }
            loader.warning(group + u'/' + k, u"unknown key, ignored"_s);
        }
        loader.readRules(s, group, o.rules);
        s.endGroup();
        values.rules.overrides.append(o);
    }
    return result;
}

namespace {

// [rules], [templates] and every [event_type.*]: replaced whole, so a removed override really goes.
void writeRuleSections(QSettings &s, const RuleSet &rules)
{
    const auto writeRules = [&](const Rules &r, bool isDefaults) {
        QStringList offsets;
        for (int o : r.reminderOffsetsMin) {
            offsets.append(QString::number(o));
        }
        // A single string, so QSettings does not write a list it would later quote differently.
        s.setValue(u"reminder_offsets_min"_s, offsets.join(u','));
        s.setValue(u"followup_after_min"_s, r.followupAfterMin);
        s.setValue(u"host_phone"_s, r.hostPhone);
        if (isDefaults) {
            s.setValue(u"default_region"_s, r.defaultRegion);
        }
        s.setValue(u"fallback_timezone"_s, r.fallbackTimezone);
        s.setValue(u"quiet_hours"_s, r.quietHours ? r.quietHours->toString() : QString());
        // An event type that says nothing of its language keeps following [rules].
        const Rules &defaults = rules.defaults;
        if (isDefaults || r.messageLanguage != defaults.messageLanguage) {
            s.setValue(u"message_language"_s, keyOf(r.messageLanguage));
        }
        if (isDefaults || r.buddhistEra != defaults.buddhistEra) {
            s.setValue(u"buddhist_era"_s, r.buddhistEra);
        }
    };
    s.remove(u"rules"_s);
    s.remove(u"templates"_s);
    for (const QString &group : s.childGroups()) {
        if (group.startsWith(u"event_type."_s)) {
            s.remove(group);
        }
    }
    s.beginGroup(u"rules"_s);
    writeRules(rules.defaults, true);
    s.endGroup();
    s.beginGroup(u"templates"_s);
    for (MessageKind kind : allMessageKinds()) {
        s.setValue(keyOf(kind), rules.defaults.templateFor(kind));
    }
    s.endGroup();
    for (const auto &o : rules.overrides) {
        s.beginGroup(u"event_type."_s + o.id);
        s.setValue(u"match"_s, o.match);
        writeRules(o.rules, false);
        for (MessageKind kind : allMessageKinds()) {
            s.setValue(u"templates."_s + keyOf(kind), o.rules.templateFor(kind));
        }
        s.endGroup();
    }
}

} // namespace

bool Settings::save(const QString &path, const Values &values, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSettings s(path, QSettings::IniFormat);
    // Replace the sections this writes, keep every other one.
    writeRuleSections(s, values.rules);
    s.beginGroup(u"storage"_s);
    s.setValue(u"url"_s, values.storageUrl);
    s.endGroup();
    s.beginGroup(u"sms"_s);
    s.setValue(u"provider"_s, values.sms.provider);
    s.setValue(u"api_base"_s, values.sms.apiBase.toString());
    s.setValue(u"max_in_flight"_s, values.sms.maxInFlight);
    s.setValue(u"max_per_second"_s, values.sms.maxPerSecond);
    s.setValue(u"max_attempts"_s, values.sms.maxAttempts);
    s.setValue(u"late_max_min"_s, values.sms.lateMaxMin);
    s.setValue(u"claim_lease_s"_s, values.sms.claimLeaseSecs);
    s.endGroup();
    s.beginGroup(u"calendly"_s);
    s.setValue(u"mode"_s, values.calendly.mode);
    s.setValue(u"api_base"_s, values.calendly.apiBase.toString());
    s.setValue(u"public_url"_s, values.calendly.publicUrl.toString());
    s.setValue(u"poll_interval_s"_s, values.calendly.pollIntervalSecs);
    s.setValue(u"poll_days"_s, values.calendly.pollDays);
    s.setValue(u"signature_tolerance_s"_s, values.calendly.signatureToleranceSecs);
    if (!values.calendly.oauthClientId.isEmpty()) {
        s.setValue(u"oauth_client_id"_s, values.calendly.oauthClientId);
        s.setValue(u"oauth_base"_s, values.calendly.oauthBase.toString());
    }
    s.endGroup();
    s.beginGroup(u"listener"_s);
    s.setValue(u"address"_s, values.listener.address);
    s.setValue(u"port"_s, values.listener.port);
    s.setValue(u"max_body_bytes"_s, values.listener.maxBodyBytes);
    s.setValue(u"tls_cert"_s, values.listener.tlsCert);
    s.setValue(u"tls_key"_s, values.listener.tlsKey);
    s.endGroup();
    s.sync();
    if (s.status() != QSettings::NoError) {
        if (error) {
            *error = u"could not write %1"_s.arg(path);
        }
        return false;
    }
    return true;
}

QByteArray Settings::sharedSections(const Values &values)
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        return {};
    }
    const QString path = dir.filePath(u"shared.ini"_s);
    {
        QSettings s(path, QSettings::IniFormat);
        writeRuleSections(s, values.rules);
        s.sync();
        if (s.status() != QSettings::NoError) {
            return {};
        }
    }
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Settings::LoadResult Settings::loadWithShared(const QString &path, const QByteArray &systemTimezone,
                                              const QByteArray &shared)
{
    QTemporaryDir dir;
    const QString merged = dir.filePath(u"merged.ini"_s);
    const bool existed = QFileInfo::exists(path);
    if (shared.isEmpty() || !dir.isValid() || (existed && !QFile::copy(path, merged))) {
        return load(path, systemTimezone);
    }
    {
        // The copy keeps this desk's own sections; the shared ones replace whatever the file says.
        QSettings s(merged, QSettings::IniFormat);
        if (s.status() != QSettings::NoError) {
            return load(path, systemTimezone);
        }
        s.remove(u"rules"_s);
        s.remove(u"templates"_s);
        for (const QString &group : s.childGroups()) {
            if (group.startsWith(u"event_type."_s)) {
                s.remove(group);
            }
        }
        s.sync();
    }
    QFile file(merged);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write("\n" + shared) < 0) {
        return load(path, systemTimezone);
    }
    file.close();
    LoadResult result = load(merged, systemTimezone);
    result.path = path;
    result.fileExisted = existed;
    return result;
}

} // namespace deskbell
