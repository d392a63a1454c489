#pragma once

#include "domain/Appointment.h"
#include "domain/Message.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace deskbell {

// A daily window, in the recipient's local time, in which no reminder is sent. It may wrap past
// midnight ("21:00-08:00"). The start minute is quiet, the end minute is allowed again.
struct QuietHours
{
    QTime start;
    QTime end;

    bool contains(const QTime &localTime) const;
    // The first allowed minute after the window that contains `utc`, as the recipient's clock in
    // `zone` reads it (DST-correct). Call only when contains() is true for utc's local time.
    QDateTime endAfter(const QDateTime &utc, const QTimeZone &zone) const;
    QString toString() const; // "21:00-08:00"

    // "21:00-08:00" -> value; "" -> nullopt without error; anything else -> nullopt with *error set.
    static std::optional<QuietHours> parse(const QString &text, QString *error);
    friend bool operator==(const QuietHours &, const QuietHours &) = default;
};

// The language of the values Deskbell writes into a template (time, date, advance). The template's
// own words are EngageLab's; the values must read in the same language ("2 ชั่วโมง", not "2 hours").
enum class MessageLanguage
{
    English,
    Thai,
    ChineseSimplified,
};

QString keyOf(MessageLanguage language); // "en", "th", "zh_CN": the settings value
std::optional<MessageLanguage> messageLanguageFromString(const QString &text);

// What to send for a booking: the rules of one event type (or the defaults).
struct Rules
{
    QList<int> reminderOffsetsMin{1440, 60}; // minutes before start, largest first, no duplicates
    int followupAfterMin = 0;                // minutes after end; 0 = no follow-up
    QString hostPhone;                       // E.164 (validated when settings are loaded), empty = off
    QString defaultRegion;                   // ISO 3166-1 alpha-2, upper case, may be empty
    QString fallbackTimezone;                // IANA id used when the invitee's zone is missing or unknown
    std::optional<QuietHours> quietHours;
    MessageLanguage messageLanguage = MessageLanguage::English;
    bool buddhistEra = false;              // Thai dates count years from 543 BC (2026 is 2569)
    QHash<MessageKind, QString> templates; // EngageLab template id per kind; missing or empty = kind off

    QString templateFor(MessageKind kind) const { return templates.value(kind); }
    bool isOn(MessageKind kind) const { return !templates.value(kind).isEmpty(); }
};

// Rules for the event types that differ from the defaults ("a 10-minute call wants one 15-minute
// reminder"). An override matches an event type by its URI, its UUID, or its name.
struct EventTypeOverride
{
    QString id;    // the settings group suffix, for messages: [event_type.<id>]
    QString match; // event type URI, UUID or name (case-insensitive)
    Rules rules;   // complete rules: the defaults with the override's keys applied

    bool matches(const Appointment &appointment) const;
};

struct RuleSet
{
    Rules defaults;
    QList<EventTypeOverride> overrides;

    // The override for the appointment's event type when one matches (first match wins), else the defaults.
    const Rules &rulesFor(const Appointment &appointment) const;
    QString ruleSourceFor(const Appointment &appointment) const; // "defaults" or "event_type.<id>"
};

// "24 hours", "1 hour", "30 minutes", "2 days", "1 hour 30 minutes": the words an SMS uses for the time
// left before a meeting. Minutes below 1 read "0 minutes". Thai: "2 ชั่วโมง 30 นาที"; Chinese: "2小时30分钟".
QString formatAdvance(qint64 minutes, MessageLanguage language = MessageLanguage::English);

// The `time` and `date` values of a message, in the recipient's local time `local`:
//   en     "14:00", "Thu 5 Nov 2026"
//   th     "14:00", "วันพฤหัสบดีที่ 5 พฤศจิกายน 2026" (2569 with buddhistEra)
//   zh_CN  "14:00", "11月5日 星期四"
// Fixed patterns, not the PC's locale: the same booking texts the same words on every desk.
QString formatMessageTime(const QDateTime &local, MessageLanguage language);
QString formatMessageDate(const QDate &date, MessageLanguage language, bool buddhistEra);

} // namespace deskbell
