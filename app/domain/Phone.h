#pragma once

#include <QString>

namespace deskbell {

struct NormalizedPhone
{
    QString raw;   // trimmed input
    QString e164;  // "+66812345678", empty when the number is not valid
    QString error; // why it is not valid ("not a number", "too short", ...), empty when valid

    bool isValid() const { return !e164.isEmpty(); }
};

// Phone numbers through libphonenumber. Stateless; safe to call from any thread.
namespace phone {

// "+1 559-765-0000" -> "+15597650000"; "081 234 5678" with region "TH" -> "+66812345678".
// defaultRegion is an ISO 3166-1 alpha-2 code used for numbers written without a country code;
// empty or unknown means such numbers are invalid.
NormalizedPhone normalize(const QString &raw, const QString &defaultRegion);

// True when libphonenumber knows the region code ("TH", "us" -> true; "XX", "" -> false).
bool isKnownRegion(const QString &region);

// Masks a number for logs and screens: "+66812345678" -> "+66 8•• ••• 678". Keeps the country code
// and the last three digits; never reveals more than that, whatever the input looks like.
QString mask(const QString &number);

} // namespace phone
} // namespace deskbell
