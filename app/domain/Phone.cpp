#include "domain/Phone.h"

#include <QCoreApplication>

#include <algorithm>
#include <optional>
#include <phonenumbers/phonenumberutil.h>
#include <set>
#include <string>

namespace deskbell::phone {

using namespace Qt::StringLiterals;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

// The longest written number we accept: room for "+1 (650) 253-0000 ext. 12345" and some
// decoration, far below what would make libphonenumber's regular expressions expensive.
constexpr qsizetype MAX_INPUT_CHARS = 100;

constexpr QChar BULLET(0x2022);

// ITU-T E.164 allows 15 digits. libphonenumber's metadata accepts some longer German fixed-line numbers
// (extensions dialled straight through, 17 digits), which are no E.164 number and cannot take a text.
constexpr qsizetype MAX_E164_DIGITS = 15;

// libphonenumber's "unknown region" code: it then accepts only numbers written with "+".
constexpr char UNKNOWN_REGION[] = "ZZ";

PhoneNumberUtil &util()
{
    return *PhoneNumberUtil::GetInstance();
}

const std::set<std::string> &supportedRegions()
{
    static const std::set<std::string> regions = [] {
        std::set<std::string> r;
        util().GetSupportedRegions(&r);
        return r;
    }();
    return regions;
}

std::string regionCode(const QString &region)
{
    const QString code = region.trimmed().toUpper();
    const std::string std = code.toStdString();
    return supportedRegions().count(std) ? std : std::string(UNKNOWN_REGION);
}

// Digits from any script become ASCII so the invitee's "๐๘๑..." or full-width digits work
// whatever libphonenumber's own folding covers; directional marks and zero-width characters that
// copy-paste drags along are dropped. nullopt for control characters: no phone number has those.
std::optional<QString> cleaned(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.isDigit()) {
            out.append(QChar(u'0' + c.digitValue()));
        } else if (c.isSpace()) {
            out.append(u' ');
        } else if (c.category() == QChar::Other_Format) {
            continue;
        } else if (c.category() == QChar::Other_Control) {
            return std::nullopt;
        } else {
            out.append(c);
        }
    }
    return out.trimmed();
}

bool hasAsciiDigit(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// What follows a leading "00" (ignoring spaces and punctuation), or an empty string: "00" is the
// international prefix in most of the world, including where the default region dials it otherwise.
QString afterDoubleZero(const QString &text)
{
    int zeros = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'0') {
            if (++zeros == 2) {
                return text.mid(i + 1);
            }
        } else if (c.isDigit() || c.isLetter() || c == u'+') {
            return {};
        }
    }
    return {};
}

QString regionLabel(const PhoneNumber &number)
{
    std::string region;
    util().GetRegionCodeForNumber(number, &region);
    if (region.empty() || region == UNKNOWN_REGION) {
        util().GetRegionCodeForCountryCode(number.country_code(), &region);
    }
    if (region.empty() || region == UNKNOWN_REGION || region == "001") {
        return u"+"_s + QString::number(number.country_code());
    }
    return QString::fromStdString(region);
}

QString invalidReason(const PhoneNumber &number)
{
    switch (util().IsPossibleNumberWithReason(number)) {
    case PhoneNumberUtil::TOO_SHORT:
        return QCoreApplication::translate("deskbell::phone", "not a valid number for %1 (too short)")
            .arg(regionLabel(number));
    case PhoneNumberUtil::TOO_LONG:
        return QCoreApplication::translate("deskbell::phone", "not a valid number for %1 (too long)")
            .arg(regionLabel(number));
    default:
        break;
    }
    return QCoreApplication::translate("deskbell::phone", "not a valid number for %1")
        .arg(regionLabel(number));
}

std::optional<QString> validE164(const QString &text, const std::string &region, PhoneNumber &number,
                                 PhoneNumberUtil::ErrorType &error)
{
    number.Clear();
    error = util().Parse(text.toStdString(), region, &number);
    if (error != PhoneNumberUtil::NO_PARSING_ERROR || !util().IsValidNumber(number)) {
        return std::nullopt;
    }
    std::string e164;
    util().Format(number, PhoneNumberUtil::E164, &e164);
    if (qsizetype(e164.size()) > 1 + MAX_E164_DIGITS) {
        return std::nullopt; // fuzz finding: "valid" to libphonenumber, but not E.164
    }
    return QString::fromStdString(e164);
}

QString asciiDigits(const QString &text)
{
    QString digits;
    for (const QChar c : text) {
        if (c >= u'0' && c <= u'9') {
            digits.append(c);
        }
    }
    return digits;
}

} // namespace

NormalizedPhone normalize(const QString &raw, const QString &defaultRegion)
{
    NormalizedPhone result;
    result.raw = raw.trimmed();
    if (result.raw.isEmpty()) {
        result.error = QCoreApplication::translate("deskbell::phone", "no phone number");
        return result;
    }
    if (result.raw.size() > MAX_INPUT_CHARS) {
        result.error = QCoreApplication::translate("deskbell::phone", "too long to be a phone number");
        return result;
    }
    const std::optional<QString> text = cleaned(result.raw);
    if (!text || !hasAsciiDigit(*text)) {
        result.error = QCoreApplication::translate("deskbell::phone", "not a phone number");
        return result;
    }

    const std::string region = regionCode(defaultRegion);
    PhoneNumber number;
    PhoneNumberUtil::ErrorType error = PhoneNumberUtil::NO_PARSING_ERROR;
    if (const auto e164 = validE164(*text, region, number, error)) {
        result.e164 = *e164;
        return result;
    }

    // "00" is read as "+" only when the regular parse finds no valid number, so a number that is
    // valid through the region's own prefixes keeps that meaning. In TH "00 66 81 234 5678" first
    // parses as +681... (TH dials abroad with "00X" carrier prefixes), which is not valid.
    const QString international = afterDoubleZero(*text);
    if (!international.isEmpty()) {
        PhoneNumber retried;
        PhoneNumberUtil::ErrorType retryError = PhoneNumberUtil::NO_PARSING_ERROR;
        if (const auto e164 = validE164(u'+' + international, UNKNOWN_REGION, retried, retryError)) {
            result.e164 = *e164;
            return result;
        }
    }

    switch (error) {
    case PhoneNumberUtil::NO_PARSING_ERROR:
        result.error = invalidReason(number);
        break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        result.error =
            (text->startsWith(u'+') || region != UNKNOWN_REGION)
                ? QCoreApplication::translate("deskbell::phone", "unknown country code")
                : QCoreApplication::translate("deskbell::phone", "no country code and no default country");
        break;
    case PhoneNumberUtil::TOO_SHORT_NSN:
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
        result.error = QCoreApplication::translate("deskbell::phone", "too short to be a phone number");
        break;
    case PhoneNumberUtil::TOO_LONG_NSN:
        result.error = QCoreApplication::translate("deskbell::phone", "too long to be a phone number");
        break;
    case PhoneNumberUtil::NOT_A_NUMBER:
        result.error = QCoreApplication::translate("deskbell::phone", "not a phone number");
        break;
    }
    if (result.error.isEmpty()) {
        result.error = QCoreApplication::translate("deskbell::phone", "not a phone number");
    }
    return result;
}

bool isKnownRegion(const QString &region)
{
    return regionCode(region) != UNKNOWN_REGION;
}

QString mask(const QString &number)
{
    const QString trimmed = number.trimmed();
    if (trimmed.isEmpty()) {
        return {};
    }
    const QString hidden = QString(3, BULLET) + u' ' + QString(3, BULLET);
    // Anything longer is not a number; its digits could be anything (an address, a card number).
    const std::optional<QString> text =
        trimmed.size() <= MAX_INPUT_CHARS ? cleaned(trimmed) : std::optional<QString>();
    if (!text) {
        return hidden;
    }

    if (text->startsWith(u'+')) {
        PhoneNumber parsed;
        if (util().Parse(text->toStdString(), UNKNOWN_REGION, &parsed) == PhoneNumberUtil::NO_PARSING_ERROR) {
            std::string nsnStd;
            util().GetNationalSignificantNumber(parsed, &nsnStd);
            const QString nsn = QString::fromStdString(nsnStd);
            const QString prefix = u'+' + QString::number(parsed.country_code()) + u' ';
            // The fixed shape hides the length too; short numbers keep at least three digits hidden.
            if (nsn.size() >= 7) {
                return prefix + nsn.at(0) + QString(2, BULLET) + u' ' + QString(3, BULLET) + u' ' +
                       nsn.right(3);
            }
            if (nsn.size() >= 6) {
                return prefix + hidden + u' ' + nsn.right(3);
            }
            return prefix + hidden;
        }
    }

    const QString digits = asciiDigits(*text);
    if (digits.size() >= 6) {
        return hidden + u' ' + digits.right(3);
    }
    return hidden;
}

} // namespace deskbell::phone
