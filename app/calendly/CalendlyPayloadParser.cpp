#include "calendly/CalendlyPayloadParser.h"

#include "domain/Phone.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QList>
#include <QUrl>

#include <algorithm>
#include <utility>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

using Result = CalendlyPayloadParser::Result;

// Calendly caps its own fields well below these; anything longer is broken or hostile, and must not
// grow the database or the SMS text.
constexpr qsizetype TEXT_CAP = 500;
constexpr qsizetype URL_CAP = 2048;
constexpr qsizetype EVENT_NAME_CAP = 200;

QString capped(QString s, qsizetype cap)
{
    if (s.size() > cap) {
        qsizetype n = cap;
        if (s.at(n - 1).isHighSurrogate()) {
            --n;
        }
        s.truncate(n);
    }
    return s;
}

// Every reader below treats null, absent and wrongly typed values alike: as missing.
QString text(const QJsonObject &o, QStringView key, qsizetype cap = TEXT_CAP)
{
    const QJsonValue v = o.value(key);
    return v.isString() ? capped(v.toString().trimmed(), cap) : QString();
}

QJsonObject object(const QJsonObject &o, QStringView key)
{
    const QJsonValue v = o.value(key);
    return v.isObject() ? v.toObject() : QJsonObject();
}

QJsonArray array(const QJsonObject &o, QStringView key)
{
    const QJsonValue v = o.value(key);
    return v.isArray() ? v.toArray() : QJsonArray();
}

bool flag(const QJsonObject &o, QStringView key)
{
    const QJsonValue v = o.value(key);
    return v.isBool() && v.toBool();
}

bool isHttpsUrl(const QString &s)
{
    if (s.isEmpty() || s.size() > URL_CAP) {
        return false;
    }
    const QUrl url(s);
    return url.isValid() && url.scheme() == u"https" && !url.host().isEmpty();
}

// URLs end up in text messages and in API calls; one that is cut short or not https is no use for
// either, so it reads as missing instead of being truncated.
QString url(const QJsonObject &o, QStringView key)
{
    const QString s = text(o, key, URL_CAP + 1);
    return isHttpsUrl(s) ? s : QString();
}

bool readDigits(QStringView s, qsizetype pos, int count, int &value)
{
    if (pos + count > s.size()) {
        return false;
    }
    value = 0;
    for (qsizetype i = pos; i < pos + count; ++i) {
        const char16_t c = s.at(i).unicode();
        if (c < u'0' || c > u'9') {
            return false;
        }
        value = value * 10 + (c - u'0');
    }
    return true;
}

// Calendly writes "2019-08-24T14:15:22.123456Z". Qt 6.4's Qt::ISODateWithMs stops at milliseconds,
// so the fraction (any length, kept to ms) and the zone ("Z" or "+07:00") are read here. A time
// without a zone is refused rather than guessed.
QDateTime parseTimestamp(QStringView s)
{
    constexpr qsizetype MAX_LENGTH = 40;
    if (s.size() < 20 || s.size() > MAX_LENGTH) {
        return {};
    }
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!readDigits(s, 0, 4, year) || s.at(4) != u'-' || !readDigits(s, 5, 2, month) || s.at(7) != u'-' ||
        !readDigits(s, 8, 2, day) || (s.at(10) != u'T' && s.at(10) != u't' && s.at(10) != u' ') ||
        !readDigits(s, 11, 2, hour) || s.at(13) != u':' || !readDigits(s, 14, 2, minute) ||
        s.at(16) != u':' || !readDigits(s, 17, 2, second)) {
        return {};
    }
    qsizetype pos = 19;
    int ms = 0;
    if (s.at(pos) == u'.' || s.at(pos) == u',') {
        ++pos;
        int digits = 0;
        while (pos < s.size() && s.at(pos) >= u'0' && s.at(pos) <= u'9') {
            if (digits < 3) {
                ms = ms * 10 + (s.at(pos).unicode() - u'0');
            }
            ++digits;
            ++pos;
        }
        if (digits == 0 || digits > 9) {
            return {};
        }
        for (int i = digits; i < 3; ++i) {
            ms *= 10;
        }
    }
    if (pos >= s.size()) {
        return {};
    }
    int offsetSecs = 0;
    const QChar zone = s.at(pos);
    if (zone == u'Z' || zone == u'z') {
        ++pos;
    } else if (zone == u'+' || zone == u'-') {
        int offsetHours = 0, offsetMinutes = 0;
        ++pos;
        if (!readDigits(s, pos, 2, offsetHours)) {
            return {};
        }
        pos += 2;
        if (pos < s.size() && s.at(pos) == u':') {
            ++pos;
        }
        if (!readDigits(s, pos, 2, offsetMinutes)) {
            return {};
        }
        pos += 2;
        if (offsetHours > 18 || offsetMinutes > 59) {
            return {};
        }
        offsetSecs = (offsetHours * 3600 + offsetMinutes * 60) * (zone == u'-' ? -1 : 1);
    } else {
        return {};
    }
    if (pos != s.size()) {
        return {};
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, ms);
    if (!date.isValid() || !time.isValid()) {
        return {};
    }
    return QDateTime(date, time, Qt::UTC).addSecs(-offsetSecs);
}

QDateTime timestamp(const QJsonObject &o, QStringView key)
{
    const QJsonValue v = o.value(key);
    return v.isString() ? parseTimestamp(v.toString().trimmed()) : QDateTime();
}

// Where the invitee is met: an address or number for in-person and phone meetings, the join link
// for video meetings (the type name when Calendly has not created the link yet).
QString location(const QJsonObject &scheduledEvent)
{
    const QJsonValue v = scheduledEvent.value(u"location");
    if (v.isString()) {
        return capped(v.toString().trimmed(), TEXT_CAP);
    }
    if (!v.isObject()) {
        return {};
    }
    const QJsonObject loc = v.toObject();
    const QString type = text(loc, u"type");
    const QString where = text(loc, u"location");
    static const QStringView PLACE_TYPES[] = {u"physical", u"custom", u"outbound_call", u"inbound_call",
                                              u"ask_invitee"};
    if (std::find(std::begin(PLACE_TYPES), std::end(PLACE_TYPES), type) != std::end(PLACE_TYPES)) {
        return where;
    }
    const QString joinUrl = url(loc, u"join_url");
    if (!joinUrl.isEmpty()) {
        return joinUrl;
    }
    return where.isEmpty() ? type : where;
}

// Booking forms are written by hosts in their own words and languages. Scripts without spaces
// (Thai, Chinese, Japanese) match by substring; short Latin abbreviations only as whole words, so
// "tel" does not match "hotel" or "tell us".
bool isPhoneQuestion(const QString &question)
{
    static const QStringView SUBSTRINGS[] = {
        u"phone", u"mobile",     u"whatsapp",   u"telefon", u"teléfono", u"telepon", u"celular", u"móvil",
        u"movil", u"điện thoại", u"dien thoai", u"โทร",     u"มือถือ",     u"电话",    u"電話",    u"手机",
        u"手機",  u"携帯",       u"전화",       u"휴대폰",  u"هاتف",     u"جوال",    u"موبايل",  u"واتس",
        u"फ़ोन",   u"फोन",        u"मोबाइल",     u"телефон", u"мобильн",
    };
    static const QStringView WORDS[] = {u"tel",      u"telp", u"tlp", u"tlf", u"cell",
                                        u"cellular", u"mob",  u"sms", u"hp"};

    const auto fold = [](const QString &s) {
        return s.normalized(QString::NormalizationForm_C).toCaseFolded();
    };
    // Folded like the question, so a Devanagari nukta or an accent typed either way still matches.
    static const QStringList needles = [&fold] {
        QStringList list;
        for (const QStringView needle : SUBSTRINGS) {
            list.append(fold(needle.toString()));
        }
        return list;
    }();

    const QString q = fold(question);
    for (const QString &needle : needles) {
        if (q.contains(needle)) {
            return true;
        }
    }
    qsizetype start = -1;
    for (qsizetype i = 0; i <= q.size(); ++i) {
        const bool inWord = i < q.size() && q.at(i).isLetterOrNumber();
        if (inWord && start < 0) {
            start = i;
        } else if (!inWord && start >= 0) {
            const QStringView word = QStringView(q).mid(start, i - start);
            if (std::find(std::begin(WORDS), std::end(WORDS), word) != std::end(WORDS)) {
                return true;
            }
            start = -1;
        }
    }
    return false;
}

// "Yes", "Call me" or "Video please" under a phone question is not a number to try.
bool looksLikeNumber(const QString &answer)
{
    return std::count_if(answer.cbegin(), answer.cend(), [](QChar c) { return c.isDigit(); }) >= 3;
}

struct PhoneCandidate
{
    QString source;
    QString raw;
};

QList<PhoneCandidate> phoneCandidates(const QJsonObject &invitee, const QJsonObject &scheduledEvent)
{
    QList<PhoneCandidate> candidates;
    const QString reminder = text(invitee, u"text_reminder_number");
    if (!reminder.isEmpty()) {
        candidates.append({u"text_reminder_number"_s, reminder});
    }
    for (const QJsonValue item : array(invitee, u"questions_and_answers")) {
        if (!item.isObject()) {
            continue;
        }
        const QJsonObject qa = item.toObject();
        const QString answer = text(qa, u"answer");
        if (looksLikeNumber(answer) && isPhoneQuestion(text(qa, u"question"))) {
            candidates.append({u"questions_and_answers"_s, answer});
        }
    }
    const QJsonObject loc = object(scheduledEvent, u"location");
    if (text(loc, u"type") == u"outbound_call") {
        const QString number = text(loc, u"location");
        if (!number.isEmpty()) {
            candidates.append({u"outbound_call"_s, number});
        }
    }
    return candidates;
}

Result rejected(QString reason)
{
    Result r;
    r.status = Result::Status::Rejected;
    r.reason = std::move(reason);
    return r;
}

bool isBlank(const QByteArray &body)
{
    return std::all_of(body.cbegin(), body.cend(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

} // namespace

CalendlyPayloadParser::CalendlyPayloadParser(QString defaultRegion)
    : m_defaultRegion(std::move(defaultRegion))
{}

CalendlyPayloadParser::Result CalendlyPayloadParser::parseWebhookBody(const QByteArray &body) const
{
    if (isBlank(body)) {
        return rejected(u"empty body"_s);
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return rejected(u"not JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset));
    }
    if (!doc.isObject()) {
        return rejected(u"not a JSON object"_s);
    }
    const QJsonObject root = doc.object();

    const QJsonValue eventValue = root.value(u"event");
    if (eventValue.isUndefined() || eventValue.isNull()) {
        return rejected(u"missing 'event'"_s);
    }
    if (!eventValue.isString()) {
        return rejected(u"'event' is not a string"_s);
    }
    const QString eventName = capped(eventValue.toString().trimmed(), EVENT_NAME_CAP);
    if (eventName.isEmpty()) {
        return rejected(u"'event' is empty"_s);
    }

    const QJsonValue payload = root.value(u"payload");
    if (payload.isUndefined() || payload.isNull()) {
        Result r = rejected(u"missing 'payload'"_s);
        r.eventName = eventName;
        return r;
    }
    if (!payload.isObject()) {
        Result r = rejected(u"'payload' is not an object"_s);
        r.eventName = eventName;
        return r;
    }

    bool known = false;
    const BookingEvent::Type type = bookingEventTypeFromString(eventName, &known);
    if (!known) {
        Result r;
        r.status = Result::Status::Ignored;
        r.eventName = eventName;
        r.reason = u"not an invitee event: "_s + eventName;
        return r;
    }

    Result r = parseInvitee(type, payload.toObject());
    r.eventName = eventName;
    if (r.event) {
        r.event->createdUtc = timestamp(root, u"created_at");
    }
    return r;
}

CalendlyPayloadParser::Result CalendlyPayloadParser::parseInvitee(BookingEvent::Type type,
                                                                  const QJsonObject &invitee,
                                                                  const QJsonObject &scheduledEvent) const
{
    const QString typeName = keyOf(type);
    const auto fail = [&](const QString &reason) {
        Result r = rejected(reason);
        r.eventName = typeName;
        return r;
    };

    const QString inviteeUri = text(invitee, u"uri", URL_CAP + 1);
    if (inviteeUri.isEmpty()) {
        return fail(u"missing 'payload.uri'"_s);
    }
    // The invitee uri is the booking's identity (dedupe key, API look-ups): never a cut-down one.
    if (inviteeUri.size() > URL_CAP) {
        return fail(u"'payload.uri' is too long"_s);
    }
    if (!isHttpsUrl(inviteeUri)) {
        return fail(u"'payload.uri' is not an https URL"_s);
    }

    const QJsonObject se = scheduledEvent.isEmpty() ? object(invitee, u"scheduled_event") : scheduledEvent;

    Appointment a;
    a.inviteeUri = inviteeUri;
    a.eventUri = url(invitee, u"event");
    if (a.eventUri.isEmpty()) {
        a.eventUri = url(se, u"uri");
    }
    a.eventTypeUri = url(se, u"event_type");
    a.eventName = text(se, u"name");

    a.inviteeName = text(invitee, u"name");
    if (a.inviteeName.isEmpty()) {
        const QString fullName = text(invitee, u"first_name") + u' ' + text(invitee, u"last_name");
        a.inviteeName = capped(fullName.trimmed(), TEXT_CAP);
    }
    a.email = text(invitee, u"email");
    if (a.inviteeName.isEmpty()) {
        a.inviteeName = a.email;
    }
    a.timezone = text(invitee, u"timezone");

    a.startUtc = timestamp(se, u"start_time");
    if (type == BookingEvent::Type::InviteeCreated && !a.startUtc.isValid()) {
        const QJsonValue start = se.value(u"start_time");
        if (start.isString() && !start.toString().trimmed().isEmpty()) {
            return fail(u"invitee.created with unreadable scheduled_event.start_time \"%1\""_s.arg(
                capped(start.toString().trimmed(), 60)));
        }
        return fail(u"invitee.created without scheduled_event.start_time (older payload shape)"_s);
    }
    a.endUtc = timestamp(se, u"end_time");
    if (a.startUtc.isValid() && (!a.endUtc.isValid() || a.endUtc < a.startUtc)) {
        a.endUtc = a.startUtc;
    }

    a.location = location(se);
    const QJsonArray memberships = array(se, u"event_memberships");
    if (!memberships.isEmpty() && memberships.first().isObject()) {
        const QJsonObject host = memberships.first().toObject();
        a.hostName = text(host, u"user_name");
        a.hostEmail = text(host, u"user_email");
    }
    a.cancelUrl = url(invitee, u"cancel_url");
    a.rescheduleUrl = url(invitee, u"reschedule_url");
    a.oldInviteeUri = url(invitee, u"old_invitee");
    a.newInviteeUri = url(invitee, u"new_invitee");
    a.updatedUtc = timestamp(invitee, u"updated_at");

    // Older deliveries put the cancellation on the scheduled event only.
    QJsonObject cancellation = object(invitee, u"cancellation");
    if (cancellation.isEmpty()) {
        cancellation = object(se, u"cancellation");
    }
    a.cancelReason = text(cancellation, u"reason");

    // The invitee's own status wins over the event type: a poll can hand an already canceled invitee
    // to invitee.created. A cancel that is half of a reschedule is told apart so no "canceled" text
    // goes out for a booking that was only moved.
    const bool canceled =
        type == BookingEvent::Type::InviteeCanceled || text(invitee, u"status") == u"canceled";
    if (canceled) {
        a.status =
            flag(invitee, u"rescheduled") ? Appointment::Status::Rescheduled : Appointment::Status::Canceled;
    } else if (type == BookingEvent::Type::NoShowCreated) {
        a.status = Appointment::Status::NoShow;
    }

    // The first source present wins, so the operator sees what the invitee typed where Calendly
    // asks for it; a later source replaces it only when the first is invalid and the later one is
    // valid (an invitee who mistyped the SMS field but wrote the number right in the form).
    const QList<PhoneCandidate> candidates = phoneCandidates(invitee, se);
    for (const PhoneCandidate &candidate : candidates) {
        const NormalizedPhone number = phone::normalize(candidate.raw, m_defaultRegion);
        if (number.isValid()) {
            a.phoneRaw = number.raw;
            a.phoneE164 = number.e164;
            a.phoneSource = candidate.source;
            break;
        }
    }
    if (a.phoneSource.isEmpty() && !candidates.isEmpty()) {
        a.phoneRaw = candidates.first().raw;
        a.phoneSource = candidates.first().source;
    }

    BookingEvent event;
    event.type = type;
    event.invitee = a;
    event.rescheduled = a.status == Appointment::Status::Rescheduled;
    event.noShowUri = url(object(invitee, u"no_show"), u"uri");
    event.canceledBy = text(cancellation, u"canceled_by");
    event.cancelerType = text(cancellation, u"canceler_type");
    event.cancelReason = a.cancelReason;

    Result r;
    r.status = Result::Status::Ok;
    r.eventName = typeName;
    r.event = std::move(event);
    return r;
}

} // namespace deskbell
