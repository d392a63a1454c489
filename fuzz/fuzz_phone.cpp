// Phone numbers as invitees type them: phone::normalize (libphonenumber underneath) and phone::mask,
// with the properties the rest of Deskbell relies on.
#include "FuzzSupport.h"
#include "domain/Phone.h"

#include <algorithm>

using namespace deskbell;

namespace {

qsizetype asciiDigits(const QString &text)
{
    return std::count_if(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Input: "REGION|number" with a region of up to 3 characters ("TH|081 234 5678", "|+1 650 253 0000"),
    // or just the number (no default region), as UTF-8.
    const QString input = QString::fromUtf8(fuzz::bytes(data, size));
    const qsizetype bar = input.indexOf(u'|');
    const bool hasRegion = bar >= 0 && bar <= 3;
    const QString region = hasRegion ? input.left(bar) : QString();
    const QString raw = hasRegion ? input.mid(bar + 1) : input;

    const NormalizedPhone number = phone::normalize(raw, region);
    DESKBELL_FUZZ_CHECK(number.isValid() == number.error.isEmpty());
    DESKBELL_FUZZ_CHECK(number.raw == raw.trimmed());
    if (number.isValid()) {
        // E.164: "+" and 8 to 15 digits, and stable: normalising it again changes nothing.
        DESKBELL_FUZZ_CHECK(number.e164.startsWith(u'+'));
        DESKBELL_FUZZ_CHECK(asciiDigits(number.e164) == number.e164.size() - 1);
        DESKBELL_FUZZ_CHECK(number.e164.size() <= 16);
        DESKBELL_FUZZ_CHECK(phone::normalize(number.e164, QString()).e164 == number.e164);
        DESKBELL_FUZZ_CHECK(phone::normalize(number.e164, region).e164 == number.e164);
    }
    (void)phone::isKnownRegion(raw.left(4));

    // Masks go to logs: at most a country code (3 digits), one national digit and the last three.
    for (const QString &text : {raw, number.e164}) {
        const QString masked = phone::mask(text);
        DESKBELL_FUZZ_CHECK(asciiDigits(masked) <= 7);
        DESKBELL_FUZZ_CHECK(masked.isEmpty() == text.trimmed().isEmpty());
    }
    return 0;
}
