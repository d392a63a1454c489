#include "domain/Rules.h"

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

QString formatAdvance(qint64 minutes)
{
    auto plural = [](qint64 n, const QString &one, const QString &many) -> QString {
        return QString::number(n) + u' ' + (n == 1 ? one : many);
    };
    if (minutes < 60) {
        return plural(qMax<qint64>(minutes, 0), u"minute"_s, u"minutes"_s);
    }
    if (minutes >= 2 * 1440 && minutes % 1440 == 0) {
        return plural(minutes / 1440, u"day"_s, u"days"_s);
    }
    const qint64 hours = minutes / 60;
    const qint64 rest = minutes % 60;
    if (rest == 0) {
        return plural(hours, u"hour"_s, u"hours"_s);
    }
    return plural(hours, u"hour"_s, u"hours"_s) + u' ' + plural(rest, u"minute"_s, u"minutes"_s);
}

} // namespace deskbell
