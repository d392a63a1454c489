#include "domain/Phone.h"
#include "support/TestData.h"

#include <QRandomGenerator>
#include <QTest>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

int digitCount(const QString &text)
{
    return int(std::count_if(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); }));
}

QString digitsOf(const QString &text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit()) {
            digits.append(QChar(u'0' + c.digitValue()));
        }
    }
    return digits;
}

} // namespace

class TestPhone : public QObject
{
    Q_OBJECT

private slots:
    void normalizesToE164_data();
    void normalizesToE164();
    void rejectsWithReason_data();
    void rejectsWithReason();
    void keepsTrimmedRawText();
    void knowsRegions_data();
    void knowsRegions();
    void masksNumbers_data();
    void masksNumbers();
    void maskRevealsAtMostCountryCodeFirstAndLastThreeDigits_data();
    void maskRevealsAtMostCountryCodeFirstAndLastThreeDigits();
    void survivesRandomInput();
    void rejectsNumbersLongerThanE164();
};

void TestPhone::normalizesToE164_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("e164");

    // International format: the default region must not matter.
    QTest::newRow("US, Calendly's dashes") << u"+1 650-253-0000"_s << u""_s << u"+16502530000"_s;
    QTest::newRow("US, region of another country") << u"+1 650-253-0000"_s << u"TH"_s << u"+16502530000"_s;
    QTest::newRow("TH mobile") << u"+66 81 234 5678"_s << u""_s << u"+66812345678"_s;
    QTest::newRow("IN mobile") << u"+91 98765 43210"_s << u""_s << u"+919876543210"_s;
    QTest::newRow("CN mobile") << u"+86 138 0013 8000"_s << u""_s << u"+8613800138000"_s;
    QTest::newRow("AE mobile") << u"+971 50 123 4567"_s << u""_s << u"+971501234567"_s;
    QTest::newRow("SA mobile") << u"+966 50 123 4567"_s << u""_s << u"+966501234567"_s;
    QTest::newRow("SG mobile") << u"+65 8123 4567"_s << u""_s << u"+6581234567"_s;
    QTest::newRow("PH mobile") << u"+63 917 123 4567"_s << u""_s << u"+639171234567"_s;
    QTest::newRow("ID mobile") << u"+62 812-3456-7890"_s << u""_s << u"+6281234567890"_s;
    QTest::newRow("VN mobile") << u"+84 91 234 56 78"_s << u""_s << u"+84912345678"_s;
    QTest::newRow("GB mobile") << u"+44 7911 123456"_s << u""_s << u"+447911123456"_s;
    QTest::newRow("GB London fixed line") << u"+44 20 7946 0958"_s << u""_s << u"+442079460958"_s;

    // Written the way people write them.
    QTest::newRow("extension dropped") << u"+1 650-253-0000 ext. 123"_s << u""_s << u"+16502530000"_s;
    QTest::newRow("parentheses and dashes") << u"+1 (650) 253-0000"_s << u""_s << u"+16502530000"_s;
    QTest::newRow("dots") << u"+1.650.253.0000"_s << u""_s << u"+16502530000"_s;
    QTest::newRow("no separators") << u"+66812345678"_s << u""_s << u"+66812345678"_s;
    QTest::newRow("surrounding spaces and newline")
        << u"  \t+66 81 234 5678 \n"_s << u""_s << u"+66812345678"_s;
    QTest::newRow("no-break spaces") << u"+66\u00a081\u00a0234\u00a05678"_s << u""_s << u"+66812345678"_s;
    QTest::newRow("directional marks from RTL text")
        << u"\u200e+971 50 123 4567\u200f"_s << u""_s << u"+971501234567"_s;
    QTest::newRow("Thai digits") << u"+66 ๐๘๑ ๒๓๔ ๕๖๗๘"_s << u""_s << u"+66812345678"_s;
    QTest::newRow("Arabic-Indic digits") << u"+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧"_s << u""_s << u"+966501234567"_s;
    QTest::newRow("full-width digits") << u"+86 １３８ ００１３ ８０００"_s << u""_s << u"+8613800138000"_s;

    // "00" international prefix.
    QTest::newRow("00 prefix, no region") << u"00 66 81 234 5678"_s << u""_s << u"+66812345678"_s;
    QTest::newRow("00 prefix, TH region") << u"00 66 81 234 5678"_s << u"TH"_s << u"+66812345678"_s;
    QTest::newRow("00 prefix, US region") << u"0044 7911 123456"_s << u"US"_s << u"+447911123456"_s;
    QTest::newRow("US 011 prefix with US region") << u"011 66 81 234 5678"_s << u"US"_s << u"+66812345678"_s;

    // National format with the default region.
    QTest::newRow("TH local") << u"081 234 5678"_s << u"TH"_s << u"+66812345678"_s;
    QTest::newRow("TH local, region lower case") << u"081-234-5678"_s << u"th"_s << u"+66812345678"_s;
    QTest::newRow("TH country code without plus") << u"66812345678"_s << u"TH"_s << u"+66812345678"_s;
    QTest::newRow("IN local") << u"098765 43210"_s << u"IN"_s << u"+919876543210"_s;
    QTest::newRow("CN local") << u"138 0013 8000"_s << u"CN"_s << u"+8613800138000"_s;
    QTest::newRow("AE local") << u"050 123 4567"_s << u"AE"_s << u"+971501234567"_s;
    QTest::newRow("SA local") << u"050 123 4567"_s << u"SA"_s << u"+966501234567"_s;
    QTest::newRow("SG local") << u"8123 4567"_s << u"SG"_s << u"+6581234567"_s;
    QTest::newRow("PH local") << u"0917 123 4567"_s << u"PH"_s << u"+639171234567"_s;
    QTest::newRow("ID local") << u"0812-3456-7890"_s << u"ID"_s << u"+6281234567890"_s;
    QTest::newRow("VN local") << u"091 234 56 78"_s << u"VN"_s << u"+84912345678"_s;
    QTest::newRow("US local") << u"(650) 253-0000"_s << u"US"_s << u"+16502530000"_s;
    QTest::newRow("GB local") << u"07911 123456"_s << u"GB"_s << u"+447911123456"_s;
}

void TestPhone::normalizesToE164()
{
    QFETCH(QString, raw);
    QFETCH(QString, region);
    QFETCH(QString, e164);

    const NormalizedPhone number = phone::normalize(raw, region);
    QCOMPARE(number.e164, e164);
    QVERIFY2(number.error.isEmpty(), qPrintable(number.error));
    QVERIFY(number.isValid());
}

void TestPhone::rejectsWithReason_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << u""_s << u"TH"_s << u"no phone number"_s;
    QTest::newRow("only spaces") << u"   \t "_s << u"TH"_s << u"no phone number"_s;
    QTest::newRow("plus alone") << u"+"_s << u""_s << u"not a phone number"_s;
    QTest::newRow("letters") << u"call me maybe"_s << u"TH"_s << u"not a phone number"_s;
    QTest::newRow("embedded null") << u"+1 650\u0000253 0000"_s << u""_s << u"not a phone number"_s;
    QTest::newRow("local without region")
        << u"081 234 5678"_s << u""_s << u"no country code and no default country"_s;
    QTest::newRow("local with unknown region")
        << u"081 234 5678"_s << u"XX"_s << u"no country code and no default country"_s;
    QTest::newRow("unknown country code") << u"+999 1234567"_s << u""_s << u"unknown country code"_s;
    QTest::newRow("too short for TH") << u"123"_s << u"TH"_s << u"not a valid number for TH (too short)"_s;
    QTest::newRow("too short with country code")
        << u"+66 12"_s << u""_s << u"not a valid number for TH (too short)"_s;
    QTest::newRow("US number that does not exist")
        << u"+1 123-456-7890"_s << u""_s << u"not a valid number for US"_s;
    QTest::newRow("too many digits") << u"+66 81 234 5678 9012 3456 7890"_s << u""_s
                                     << u"too long to be a phone number"_s;
    QTest::newRow("10k characters") << QString(10000, u'5') << u"TH"_s << u"too long to be a phone number"_s;
}

void TestPhone::rejectsWithReason()
{
    QFETCH(QString, raw);
    QFETCH(QString, region);
    QFETCH(QString, error);

    const NormalizedPhone number = phone::normalize(raw, region);
    QVERIFY(!number.isValid());
    QVERIFY(number.e164.isEmpty());
    QCOMPARE(number.error, error);
}

void TestPhone::keepsTrimmedRawText()
{
    QCOMPARE(phone::normalize(u"  +1 650-253-0000 \n"_s, {}).raw, u"+1 650-253-0000"_s);
    QCOMPARE(phone::normalize(u" 12 "_s, u"TH"_s).raw, u"12"_s);
}

void TestPhone::knowsRegions_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<bool>("known");

    QTest::newRow("TH") << u"TH"_s << true;
    QTest::newRow("lower case us") << u"us"_s << true;
    QTest::newRow("with spaces") << u" gb "_s << true;
    QTest::newRow("AE") << u"AE"_s << true;
    QTest::newRow("unknown XX") << u"XX"_s << false;
    QTest::newRow("libphonenumber's ZZ") << u"ZZ"_s << false;
    QTest::newRow("non-geographic 001") << u"001"_s << false;
    QTest::newRow("empty") << u""_s << false;
    QTest::newRow("country name") << u"Thailand"_s << false;
}

void TestPhone::knowsRegions()
{
    QFETCH(QString, region);
    QFETCH(bool, known);
    QCOMPARE(phone::isKnownRegion(region), known);
}

void TestPhone::masksNumbers_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("masked");

    QTest::newRow("TH E.164") << u"+66812345678"_s << u"+66 8•• ••• 678"_s;
    QTest::newRow("US E.164") << u"+16502530000"_s << u"+1 6•• ••• 000"_s;
    QTest::newRow("US as Calendly writes it") << u"+1 650-253-0000"_s << u"+1 6•• ••• 000"_s;
    QTest::newRow("AE E.164") << u"+971501234567"_s << u"+971 5•• ••• 567"_s;
    QTest::newRow("extension not shown") << u"+1 650-253-0000 ext. 123"_s << u"+1 6•• ••• 000"_s;
    QTest::newRow("short national number") << u"+66 123456"_s << u"+66 ••• ••• 456"_s;
    QTest::newRow("very short national number") << u"+66 12"_s << u"+66 ••• •••"_s;
    QTest::newRow("national format") << u"081 234 5678"_s << u"••• ••• 678"_s;
    QTest::newRow("unknown country code") << u"+999 1234567"_s << u"••• ••• 567"_s;
    QTest::newRow("few digits") << u"12345"_s << u"••• •••"_s;
    QTest::newRow("text with digits") << u"room 4 at 12 Main St"_s << u"••• •••"_s;
    QTest::newRow("email typed as phone") << u"nok@example.com"_s << u"••• •••"_s;
    QTest::newRow("Thai digits") << u"๐๘๑ ๒๓๔ ๕๖๗๘"_s << u"••• ••• 678"_s;
    QTest::newRow("control characters") << u"+66\u000181 234 5678"_s << u"••• •••"_s;
    QTest::newRow("empty") << u""_s << u""_s;
    QTest::newRow("10k digits") << QString(10000, u'7') << u"••• •••"_s;
}

void TestPhone::masksNumbers()
{
    QFETCH(QString, number);
    QFETCH(QString, masked);
    QCOMPARE(phone::mask(number), masked);
}

void TestPhone::maskRevealsAtMostCountryCodeFirstAndLastThreeDigits_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("region"); // to know the true country code of valid numbers

    const QStringList numbers{u"+66812345678"_s,     u"+1 650-253-0000"_s, u"+919876543210"_s,
                              u"+8613800138000"_s,   u"+971501234567"_s,   u"+966501234567"_s,
                              u"+6581234567"_s,      u"+639171234567"_s,   u"+6281234567890"_s,
                              u"+84912345678"_s,     u"+447911123456"_s,   u"081 234 5678"_s,
                              u"+66 12"_s,           u"+1234"_s,           u"1234567"_s,
                              u"+999 123 456 789"_s, u"call 0812345678"_s, u"+66 81 234 5678 ext 99"_s};
    for (const QString &n : numbers) {
        QTest::newRow(qPrintable(n)) << n << u""_s;
    }
}

void TestPhone::maskRevealsAtMostCountryCodeFirstAndLastThreeDigits()
{
    QFETCH(QString, number);

    const QString masked = phone::mask(number);
    const NormalizedPhone parsed = phone::normalize(number, {});
    // E.164 is "+" + country code + national number; at most 3 country-code digits are shown.
    const int allowed = parsed.isValid() ? 3 + 1 + 3 : 3 + 3;
    QVERIFY2(digitCount(masked) <= allowed, qPrintable(masked));
    QVERIFY2(digitCount(masked) < digitCount(number) || digitCount(number) == 0, qPrintable(masked));
    // Whatever is shown at the end is the number's own end, never a middle part.
    const QString shownTail = digitsOf(masked.section(u' ', -1));
    if (!shownTail.isEmpty()) {
        QVERIFY2(digitsOf(number.section(u"ext"_s, 0, 0)).endsWith(shownTail), qPrintable(masked));
    }
    if (parsed.isValid()) {
        // Country code plus one national digit plus three: no more of the E.164 number is visible.
        QVERIFY(parsed.e164.startsWith(masked.section(u' ', 0, 0)));
        QCOMPARE(digitCount(masked), int(masked.section(u' ', 0, 0).size()) - 1 + 1 + 3);
    }
}

void TestPhone::survivesRandomInput()
{
    // Parsers of user text fail on the input nobody thought of; this only checks that nothing
    // crashes and that every answer is consistent (valid xor a reason).
    QRandomGenerator random(1234);
    const QString alphabet = u"0123456789+-().# extEXT*\u00a0\u200e๐๘٣１\u0000\u0007abcXYZ•,;:/\\"_s;
    const QStringList regions{u""_s, u"TH"_s, u"US"_s, u"XX"_s, u"gb"_s, u"001"_s};
    for (int i = 0; i < 3000; ++i) {
        QString text;
        const int length = int(random.bounded(i % 100 == 0 ? 5000 : 40));
        for (int j = 0; j < length; ++j) {
            text.append(alphabet.at(random.bounded(int(alphabet.size()))));
        }
        const NormalizedPhone number =
            phone::normalize(text, regions.at(random.bounded(int(regions.size()))));
        QVERIFY(number.isValid() != !number.error.isEmpty());
        QVERIFY(digitCount(phone::mask(text)) <= 7);
    }
}

void TestPhone::rejectsNumbersLongerThanE164()
{
    // Fuzz finding: libphonenumber calls some 17-digit German fixed-line numbers valid; E.164 has 15 digits.
    const QString input =
        QString::fromUtf8(test::readData(u"fuzz-regressions/phone-longer-than-e164.bin"_s)); // "|<number>"
    const NormalizedPhone tooLong = phone::normalize(input.mid(input.indexOf(u'|') + 1), QString());
    QVERIFY2(!tooLong.isValid(), qPrintable(tooLong.e164));
    QVERIFY(!tooLong.error.isEmpty());
    QVERIFY(!phone::normalize(u"+49 40 90823456 4237"_s, QString()).isValid());
    // Fifteen digits are still fine.
    QCOMPARE(phone::normalize(u"+49 40 90823456 42"_s, QString()).e164, u"+49409082345642"_s);
    QCOMPARE(phone::normalize(u"+49 151 23456789"_s, QString()).e164, u"+4915123456789"_s);
}

QTEST_GUILESS_MAIN(TestPhone)
#include "tst_phone.moc"
