#include "domain/Rules.h"

#include <QLocale>
#include <QRegularExpression>

namespace deskbell {

using namespace Qt::StringLiterals;

bool QuietHours::contains(const QTime &localTime) const
{
    if (!start.isValid() || !end.isValid() || start == end) {
        return false;
    }
    // Minute resolution: 20:59:30 is still the allowed minute 20:59.
    const QTime t(localTime.hour(), localTime.minute());
    if (start < end) {
        return t >= start && t < end;
    }
    return t >= start || t < end;
}

QDateTime QuietHours::endAfter(const QDateTime &utc, const QTimeZone &zone) const
{
    const QDateTime local = utc.toTimeZone(zone);
    QDate endDate = local.date();
    if (end < start && local.time() >= start) {
        endDate = endDate.addDays(1); // 22:00 inside 21:00-08:00 ends tomorrow morning
    }
    return QDateTime(endDate, end, zone).toUTC();
}

QString QuietHours::toString() const
{
    return start.toString(u"HH:mm"_s) + u'-' + end.toString(u"HH:mm"_s);
}

std::optional<QuietHours> QuietHours::parse(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return std::nullopt;
    }
    static const QRegularExpression pattern(uR"(^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$)"_s);
    const auto match = pattern.match(trimmed);
    auto fail = [&](const QString &why) {
        if (error) {
            *error = why;
        }
        return std::nullopt;
    };
    if (!match.hasMatch()) {
        return fail(u"expected HH:MM-HH:MM, for example 21:00-08:00, got \"%1\""_s.arg(trimmed));
    }
    const QTime start(match.captured(1).toInt(), match.captured(2).toInt());
    const QTime end(match.captured(3).toInt(), match.captured(4).toInt());
    if (!start.isValid() || !end.isValid()) {
        return fail(u"\"%1\" is not a valid time range (hours 0-23, minutes 0-59)"_s.arg(trimmed));
    }
    if (start == end) {
        return fail(
            u"start and end are the same (%1): leave the value empty to turn quiet hours off"_s.arg(trimmed));
    }
    return QuietHours{start, end};
}

bool EventTypeOverride::matches(const Appointment &appointment) const
{
    const QString m = match.trimmed();
    if (m.isEmpty()) {
        return false;
    }
    if (!appointment.eventTypeUri.isEmpty()) {
        if (appointment.eventTypeUri == m || appointment.eventTypeUri.endsWith(u'/' + m)) {
            return true;
        }
    }
    return !appointment.eventName.isEmpty() && appointment.eventName.compare(m, Qt::CaseInsensitive) == 0;
}

const Rules &RuleSet::rulesFor(const Appointment &appointment) const
{
    for (const auto &o : overrides) {
        if (o.matches(appointment)) {
            return o.rules;
        }
    }
    return defaults;
}

QString RuleSet::ruleSourceFor(const Appointment &appointment) const
{
    for (const auto &o : overrides) {
        if (o.matches(appointment)) {
            return u"event_type."_s + o.id;
        }
    }
    return u"defaults"_s;
}

QString keyOf(MessageLanguage language)
{
    switch (language) {
    case MessageLanguage::English:
        return u"en"_s;
    case MessageLanguage::Thai:
        return u"th"_s;
    case MessageLanguage::ChineseSimplified:
        return u"zh_CN"_s;
    }
    return u"en"_s;
}

std::optional<MessageLanguage> messageLanguageFromString(const QString &text)
{
    for (auto language :
         {MessageLanguage::English, MessageLanguage::Thai, MessageLanguage::ChineseSimplified}) {
        if (text.compare(keyOf(language), Qt::CaseInsensitive) == 0) {
            return language;
        }
    }
    return std::nullopt;
}

QString formatAdvance(qint64 minutes, MessageLanguage language)
{
    // Thai and Chinese nouns have no plural; Thai separates number and unit with a space, Chinese not.
    auto unit = [language](qint64 n, const QString &one, const QString &many, const QString &thai,
                           const QString &chinese) -> QString {
        switch (language) {
        case MessageLanguage::Thai:
            return QString::number(n) + u' ' + thai;
        case MessageLanguage::ChineseSimplified:
            return QString::number(n) + chinese;
        case MessageLanguage::English:
            break;
        }
        return QString::number(n) + u' ' + (n == 1 ? one : many);
    };
    const auto inMinutes = [&](qint64 n) {
        return unit(n, u"minute"_s, u"minutes"_s, u"นาที"_s, u"分钟"_s);
    };
    const auto inHours = [&](qint64 n) {
        return unit(n, u"hour"_s, u"hours"_s, u"ชั่วโมง"_s, u"小时"_s);
    };
    if (minutes < 60) {
        return inMinutes(qMax<qint64>(minutes, 0));
    }
    if (minutes >= 2 * 1440 && minutes % 1440 == 0) {
        return unit(minutes / 1440, u"day"_s, u"days"_s, u"วัน"_s, u"天"_s);
    }
    const qint64 hours = minutes / 60;
    const qint64 rest = minutes % 60;
    if (rest == 0) {
        return inHours(hours);
    }
    const QString separator = language == MessageLanguage::ChineseSimplified ? QString() : u" "_s;
    return inHours(hours) + separator + inMinutes(rest);
}

QString formatMessageTime(const QDateTime &local, MessageLanguage language)
{
    Q_UNUSED(language); // 24-hour "14:00" reads right in all three
    return QLocale::c().toString(local.time(), u"HH:mm"_s);
}

QString formatMessageDate(const QDate &date, MessageLanguage language, bool buddhistEra)
{
    switch (language) {
    case MessageLanguage::Thai: {
        // Thai CLDR day names carry their "วัน" ("day of"): "วันพฤหัสบดี".
        const QLocale thai(QLocale::Thai, QLocale::Thailand);
        const int year = date.year() + (buddhistEra ? 543 : 0);
        return u"%1ที่ %2 %3 %4"_s.arg(thai.dayName(date.dayOfWeek(), QLocale::LongFormat))
            .arg(date.day())
            .arg(thai.monthName(date.month(), QLocale::LongFormat))
            .arg(year);
    }
    case MessageLanguage::ChineseSimplified: {
        const QLocale chinese(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);
        return u"%1月%2日 %3"_s.arg(date.month())
            .arg(date.day())
            .arg(chinese.dayName(date.dayOfWeek(), QLocale::LongFormat));
    }
    case MessageLanguage::English:
        break;
    }
    return QLocale::c().toString(date, u"ddd d MMM yyyy"_s);
}

} // namespace deskbell
