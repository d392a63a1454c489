#include "domain/Rules.h"

#include <QTest>
#include <QTimeZone>

using namespace deskbell;
using namespace Qt::StringLiterals;

class TestRules : public QObject
{
    Q_OBJECT

private slots:
    void parsesQuietHours_data();
    void parsesQuietHours();
    void quietHoursContains_data();
    void quietHoursContains();
    void formatsAdvance_data();
    void formatsAdvance();
    void formatsAdvanceInTheMessageLanguage_data();
    void formatsAdvanceInTheMessageLanguage();
    void formatsMessageDateAndTime_data();
    void formatsMessageDateAndTime();
    void readsMessageLanguageKeys();
    void overrideMatchesByUriUuidOrName();
};

void TestRules::parsesQuietHours_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("hasValue");
    QTest::addColumn<bool>("hasError");
    QTest::addColumn<QString>("normalised");

    QTest::newRow("overnight") << u"21:00-08:00"_s << true << false << u"21:00-08:00"_s;
    QTest::newRow("same day") << u"12:30-14:00"_s << true << false << u"12:30-14:00"_s;
    QTest::newRow("spaces and one-digit hour") << u" 9:05 - 7:00 "_s << true << false << u"09:05-07:00"_s;
    QTest::newRow("empty is off") << u""_s << false << false << QString();
    QTest::newRow("blank is off") << u"   "_s << false << false << QString();
    QTest::newRow("hour 24") << u"24:00-08:00"_s << false << true << QString();
    QTest::newRow("minute 60") << u"21:60-08:00"_s << false << true << QString();
    QTest::newRow("start equals end") << u"08:00-08:00"_s << false << true << QString();
    QTest::newRow("no dash") << u"21:00 08:00"_s << false << true << QString();
    QTest::newRow("words") << u"night"_s << false << true << QString();
    QTest::newRow("seconds") << u"21:00:00-08:00:00"_s << false << true << QString();
}

void TestRules::parsesQuietHours()
{
    QFETCH(QString, text);
    QFETCH(bool, hasValue);
    QFETCH(bool, hasError);
    QFETCH(QString, normalised);

    QString error;
    const auto quiet = QuietHours::parse(text, &error);
    QCOMPARE(quiet.has_value(), hasValue);
    QCOMPARE(!error.isEmpty(), hasError);
    if (quiet) {
        QCOMPARE(quiet->toString(), normalised);
    }
}

void TestRules::quietHoursContains_data()
{
    QTest::addColumn<QString>("window");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<bool>("quiet");

    QTest::newRow("overnight: start minute is quiet") << u"21:00-08:00"_s << QTime(21, 0) << true;
    QTest::newRow("overnight: minute before start") << u"21:00-08:00"_s << QTime(20, 59, 59) << false;
    QTest::newRow("overnight: midnight") << u"21:00-08:00"_s << QTime(0, 0) << true;
    QTest::newRow("overnight: last quiet minute") << u"21:00-08:00"_s << QTime(7, 59, 59) << true;
    QTest::newRow("overnight: end minute allowed") << u"21:00-08:00"_s << QTime(8, 0) << false;
    QTest::newRow("overnight: noon") << u"21:00-08:00"_s << QTime(12, 0) << false;
    QTest::newRow("same day: inside") << u"12:00-14:00"_s << QTime(13, 0) << true;
    QTest::newRow("same day: before") << u"12:00-14:00"_s << QTime(11, 59) << false;
    QTest::newRow("same day: end") << u"12:00-14:00"_s << QTime(14, 0) << false;
}

void TestRules::quietHoursContains()
{
    QFETCH(QString, window);
    QFETCH(QTime, time);
    QFETCH(bool, quiet);
    QString error;
    const auto hours = QuietHours::parse(window, &error);
    QVERIFY2(hours, qPrintable(error));
    QCOMPARE(hours->contains(time), quiet);
}

void TestRules::formatsAdvance_data()
{
    QTest::addColumn<qint64>("minutes");
    QTest::addColumn<QString>("text");

    QTest::newRow("one day reads as hours") << qint64(1440) << u"24 hours"_s;
    QTest::newRow("one hour") << qint64(60) << u"1 hour"_s;
    QTest::newRow("half an hour") << qint64(30) << u"30 minutes"_s;
    QTest::newRow("one minute") << qint64(1) << u"1 minute"_s;
    QTest::newRow("zero") << qint64(0) << u"0 minutes"_s;
    QTest::newRow("negative clamps") << qint64(-5) << u"0 minutes"_s;
    QTest::newRow("two days") << qint64(2880) << u"2 days"_s;
    QTest::newRow("36 hours") << qint64(2160) << u"36 hours"_s;
    QTest::newRow("hours and minutes") << qint64(631) << u"10 hours 31 minutes"_s;
    QTest::newRow("one hour one minute") << qint64(61) << u"1 hour 1 minute"_s;
}

void TestRules::formatsAdvance()
{
    QFETCH(qint64, minutes);
    QFETCH(QString, text);
    QCOMPARE(formatAdvance(minutes), text);
}

void TestRules::formatsAdvanceInTheMessageLanguage_data()
{
    QTest::addColumn<qint64>("minutes");
    QTest::addColumn<MessageLanguage>("language");
    QTest::addColumn<QString>("text");

    QTest::newRow("th: two hours") << qint64(120) << MessageLanguage::Thai << u"2 ชั่วโมง"_s;
    QTest::newRow("th: one day reads as hours") << qint64(1440) << MessageLanguage::Thai << u"24 ชั่วโมง"_s;
    QTest::newRow("th: half an hour") << qint64(30) << MessageLanguage::Thai << u"30 นาที"_s;
    QTest::newRow("th: hours and minutes") << qint64(631) << MessageLanguage::Thai << u"10 ชั่วโมง 31 นาที"_s;
    QTest::newRow("th: two days") << qint64(2880) << MessageLanguage::Thai << u"2 วัน"_s;
    QTest::newRow("th: negative clamps") << qint64(-5) << MessageLanguage::Thai << u"0 นาที"_s;
    QTest::newRow("zh: two hours") << qint64(120) << MessageLanguage::ChineseSimplified << u"2小时"_s;
    QTest::newRow("zh: one hour") << qint64(60) << MessageLanguage::ChineseSimplified << u"1小时"_s;
    QTest::newRow("zh: half an hour") << qint64(30) << MessageLanguage::ChineseSimplified << u"30分钟"_s;
    QTest::newRow("zh: hours and minutes")
        << qint64(90) << MessageLanguage::ChineseSimplified << u"1小时30分钟"_s;
    QTest::newRow("zh: two days") << qint64(2880) << MessageLanguage::ChineseSimplified << u"2天"_s;
    QTest::newRow("en: unchanged") << qint64(61) << MessageLanguage::English << u"1 hour 1 minute"_s;
}

void TestRules::formatsAdvanceInTheMessageLanguage()
{
    QFETCH(qint64, minutes);
    QFETCH(MessageLanguage, language);
    QFETCH(QString, text);
    QCOMPARE(formatAdvance(minutes, language), text);
}

void TestRules::formatsMessageDateAndTime_data()
{
    QTest::addColumn<QDateTime>("local");
    QTest::addColumn<MessageLanguage>("language");
    QTest::addColumn<bool>("buddhistEra");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("time");

    // Thursday 5 November 2026, 14:00 in Bangkok.
    const QDateTime thursday(QDate(2026, 11, 5), QTime(14, 0), QTimeZone("Asia/Bangkok"));
    QTest::newRow("en") << thursday << MessageLanguage::English << false << u"Thu 5 Nov 2026"_s << u"14:00"_s;
    QTest::newRow("en ignores the buddhist era")
        << thursday << MessageLanguage::English << true << u"Thu 5 Nov 2026"_s << u"14:00"_s;
    QTest::newRow("th, buddhist era")
        << thursday << MessageLanguage::Thai << true << u"วันพฤหัสบดีที่ 5 พฤศจิกายน 2569"_s << u"14:00"_s;
    QTest::newRow("th, common era") << thursday << MessageLanguage::Thai << false
                                    << u"วันพฤหัสบดีที่ 5 พฤศจิกายน 2026"_s << u"14:00"_s;
    QTest::newRow("th, new year's day")
        << QDateTime(QDate(2027, 1, 1), QTime(8, 5), QTimeZone("Asia/Bangkok")) << MessageLanguage::Thai
        << true << u"วันศุกร์ที่ 1 มกราคม 2570"_s << u"08:05"_s;
    QTest::newRow("zh_CN") << thursday << MessageLanguage::ChineseSimplified << false << u"11月5日 星期四"_s
                           << u"14:00"_s;
    QTest::newRow("zh_CN, sunday morning")
        << QDateTime(QDate(2026, 3, 1), QTime(9, 30), QTimeZone("Asia/Shanghai"))
        << MessageLanguage::ChineseSimplified << false << u"3月1日 星期日"_s << u"09:30"_s;
}

void TestRules::formatsMessageDateAndTime()
{
    QFETCH(QDateTime, local);
    QFETCH(MessageLanguage, language);
    QFETCH(bool, buddhistEra);
    QFETCH(QString, date);
    QFETCH(QString, time);
    QCOMPARE(formatMessageDate(local.date(), language, buddhistEra), date);
    QCOMPARE(formatMessageTime(local, language), time);
}

void TestRules::readsMessageLanguageKeys()
{
    QCOMPARE(messageLanguageFromString(u"th"_s), MessageLanguage::Thai);
    QCOMPARE(messageLanguageFromString(u"zh_cn"_s), MessageLanguage::ChineseSimplified);
    QCOMPARE(messageLanguageFromString(u"EN"_s), MessageLanguage::English);
    QVERIFY(!messageLanguageFromString(u"thai"_s));
    QVERIFY(!messageLanguageFromString(QString()));
    for (auto language :
         {MessageLanguage::English, MessageLanguage::Thai, MessageLanguage::ChineseSimplified}) {
        QCOMPARE(messageLanguageFromString(keyOf(language)), language);
    }
}

void TestRules::overrideMatchesByUriUuidOrName()
{
    RuleSet set;
    set.defaults.reminderOffsetsMin = {1440, 60};
    EventTypeOverride byUuid{u"call"_s, u"CALLTYPE"_s, set.defaults};
    byUuid.rules.reminderOffsetsMin = {15};
    EventTypeOverride byName{u"consult"_s, u"Consultation"_s, set.defaults};
    byName.rules.reminderOffsetsMin = {2880};
    set.overrides = {byUuid, byName};

    Appointment call;
    call.eventTypeUri = u"https://api.calendly.com/event_types/CALLTYPE"_s;
    call.eventName = u"Quick call"_s;
    QCOMPARE(set.rulesFor(call).reminderOffsetsMin, QList<int>{15});
    QCOMPARE(set.ruleSourceFor(call), u"event_type.call"_s);

    Appointment consult;
    consult.eventTypeUri = u"https://api.calendly.com/event_types/OTHER"_s;
    consult.eventName = u"consultation"_s; // names match without regard to case
    QCOMPARE(set.rulesFor(consult).reminderOffsetsMin, QList<int>{2880});

    Appointment other;
    other.eventTypeUri = u"https://api.calendly.com/event_types/XCALLTYPE"_s; // a suffix, not the UUID
    other.eventName = u"Something else"_s;
    QCOMPARE(set.rulesFor(other).reminderOffsetsMin, (QList<int>{1440, 60}));
    QCOMPARE(set.ruleSourceFor(other), u"defaults"_s);
}

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
