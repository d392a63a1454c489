#include "engine/TemplateCheck.h"
#include "support/Printers.h"

#include <QTest>

using namespace deskbell;
using namespace Qt::StringLiterals;

class TestTemplateCheck : public QObject
{
    Q_OBJECT

private slots:
    void goodMappingHasNoProblem();
    void findsEachProblem_data();
    void findsEachProblem();
    void checksOverridesToo();
    void advanceOnlyForReminders();
};

namespace {

SmsTemplate tpl(const QString &id, int status, const QString &content, const QString &remark = {})
{
    SmsTemplate t;
    t.id = id;
    t.status = status;
    t.content = content;
    t.auditRemark = remark;
    return t;
}

} // namespace

void TestTemplateCheck::goodMappingHasNoProblem()
{
    RuleSet rules;
    rules.defaults.templates = {{MessageKind::Reminder, u"1"_s}, {MessageKind::Confirm, u"2"_s}};
    const QList<SmsTemplate> account{
        tpl(u"1"_s, 2, u"Hi {{name}}, see you in {{advance}} at {{time}}."_s),
        tpl(u"2"_s, 2, u"{name}: booked for {date} {time} ({timezone}). Change: {reschedule_url}"_s)};
    QVERIFY(checkTemplateMappings(rules, account).isEmpty());
}

void TestTemplateCheck::findsEachProblem_data()
{
    QTest::addColumn<SmsTemplate>("account");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unknown id") << tpl(u"other"_s, 2, u"hi"_s) << u"no template with this id"_s;
    QTest::newRow("waiting for review") << tpl(u"7"_s, 1, u"hi {name}"_s) << u"waiting for review"_s;
    QTest::newRow("rejected, with the reviewer's words")
        << tpl(u"7"_s, 3, u"hi {name}"_s, u"contains a link"_s) << u"rejected (\"contains a link\")"_s;
    QTest::newRow("variable not filled") << tpl(u"7"_s, 2, u"{{name}} at {{clinic}}"_s)
                                         << u"the text uses clinic, which Deskbell does not fill"_s;
}

void TestTemplateCheck::findsEachProblem()
{
    QFETCH(SmsTemplate, account);
    QFETCH(QString, expected);
    RuleSet rules;
    rules.defaults.templates = {{MessageKind::Confirm, u"7"_s}};
    const auto problems = checkTemplateMappings(rules, {account});
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().problem.contains(expected), qPrintable(problems.first().problem));
    QCOMPARE(problems.first().kind, MessageKind::Confirm);
    QVERIFY(problems.first().toString().startsWith(u"Confirmation (defaults, template 7)"_s));
}

void TestTemplateCheck::checksOverridesToo()
{
    RuleSet rules;
    EventTypeOverride call{u"call"_s, u"Call"_s, rules.defaults};
    call.rules.templates = {{MessageKind::Reminder, u"9"_s}};
    rules.overrides = {call};
    const auto problems = checkTemplateMappings(rules, {});
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().ruleSource, u"event_type.call"_s);
}

void TestTemplateCheck::advanceOnlyForReminders()
{
    RuleSet rules;
    rules.defaults.templates = {{MessageKind::Confirm, u"1"_s}, {MessageKind::Reminder, u"1"_s}};
    const auto problems = checkTemplateMappings(rules, {tpl(u"1"_s, 2, u"in {advance}"_s)});
    QCOMPARE(problems.size(), 1); // fine for the reminder, literal "{advance}" in a confirmation
    QCOMPARE(problems.first().kind, MessageKind::Confirm);
}

QTEST_GUILESS_MAIN(TestTemplateCheck)
#include "tst_templatecheck.moc"
