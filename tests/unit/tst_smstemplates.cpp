#include "sms/EngageLabTemplates.h"
#include "support/FakeEngageLab.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace deskbell;
using namespace deskbell::test;
using namespace Qt::StringLiterals;

namespace {

const QString DEV_KEY = u"devkey-7a1c"_s;
const QString DEV_SECRET = u"s3cr3t-Dev-Secret-9f8e"_s;

// GET /v1/template-configs as S3 documents it: one template per review state, ids both as strings and as
// bare 19-digit numbers (beyond a double's 2^53).
const QByteArray TEMPLATE_LIST = R"([
 {"template_id":"1970314609822883800","template_name":"Booking confirmed","template_type":"utility",
  "template_content":"Hi {{name}}, your {event} is booked for {{ time }}. Reply STOP to opt out.",
  "country_codes":"TH,SG","status":2,"sign_id":"12","sign_name":"Deskbell","sign_position":1,"sign_status":2,
  "audit_remark":"","created_time":1764000000,"updated_time":1764000100},
 {"template_id":1972492621368553472,"template_name":"Reminder","template_type":"utility",
  "template_content":"Reminder: {event} at {time}","country_codes":"US","status":1,"audit_remark":"",
  "created_time":1764000200,"updated_time":1764000200},
 {"template_id":"1972492621368553999","template_name":"Promo","template_type":"marketing",
  "template_content":"50% off {code}!","country_codes":"CN","status":3,
  "audit_remark":"Marketing content needs an opt-out notice","created_time":1764000300,"updated_time":1764000400}
])";

EngageLabProvider::Config configFor(const FakeEngageLab &fake)
{
    EngageLabProvider::Config config;
    config.apiBase = fake.baseUrl();
    config.devKey = DEV_KEY;
    config.devSecret = DEV_SECRET;
    config.timeoutMs = 5000;
    return config;
}

} // namespace

class TestSmsTemplates : public QObject
{
    Q_OBJECT

private slots:
    void findsVariables_data();
    void findsVariables();
    void reportsMissingVariables_data();
    void reportsMissingVariables();
    void namesReviewStates_data();
    void namesReviewStates();
    void parsesTemplateList();
    void parsesEmptyList();
    void rejectsBadTemplateLists_data();
    void rejectsBadTemplateLists();
    void skipsEntriesWithoutId();

    void clientFetchesTemplates();
    void clientReportsWrongCredentialsAsAuthProblem();
    void clientReportsUnreachableServer();
    void clientReportsGarbage();
    void clientWithoutCredentialsFailsWithoutNetwork();
    void clientIgnoresSecondFetchWhileRunning();
};

void TestSmsTemplates::findsVariables_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<QStringList>("variables");

    QTest::newRow("single braces (S5)") << u"Order {order_no} shipped"_s << QStringList{u"order_no"_s};
    QTest::newRow("double braces (R1)") << u"Hi {{name}}!"_s << QStringList{u"name"_s};
    QTest::newRow("double braces with spaces") << u"Hi {{ name }}!"_s << QStringList{u"name"_s};
    QTest::newRow("mixed, in order of first use")
        << u"{{name}}: {event} at {{time}}, {name}"_s << QStringList{u"name"_s, u"event"_s, u"time"_s};
    QTest::newRow("repeated counts once") << u"{x} {x} {{x}} {{ x }}"_s << QStringList{u"x"_s};
    QTest::newRow("none") << u"Your appointment is confirmed."_s << QStringList{};
    QTest::newRow("empty text") << QString() << QStringList{};
    QTest::newRow("empty braces") << u"{} {{}} { }"_s << QStringList{};
    QTest::newRow("JSON-like braces") << uR"(Data: { "a": 1, "b": {"c": 2} })"_s << QStringList{};
    QTest::newRow("prose braces with spaces") << u"Pick { one } or {two words}"_s << QStringList{};
    QTest::newRow("unbalanced open") << u"Hi {name, see {{ you"_s << QStringList{};
    QTest::newRow("unbalanced close") << u"Hi name}, see you}}"_s << QStringList{};
    QTest::newRow("double open, single close") << u"Hi {{name}"_s << QStringList{u"name"_s};
    QTest::newRow("triple braces") << u"{{{name}}}"_s << QStringList{u"name"_s};
    QTest::newRow("nested") << u"{outer{inner}rest}"_s << QStringList{u"inner"_s};
    QTest::newRow("digits, dots, dashes")
        << u"{1} {first.name} {first-name}"_s << QStringList{u"1"_s, u"first.name"_s, u"first-name"_s};
    QTest::newRow("Thai name with combining marks") << u"สวัสดี {{ชื่อ}}"_s << QStringList{u"ชื่อ"_s};
    QTest::newRow("Arabic name") << u"مرحبا {الاسم}"_s << QStringList{u"الاسم"_s};
    QTest::newRow("newline inside is not a name") << u"{{na\nme}}"_s << QStringList{};
}

void TestSmsTemplates::findsVariables()
{
    QFETCH(QString, content);
    QFETCH(QStringList, variables);
    QCOMPARE(templateVariables(content), variables);
    SmsTemplate smsTemplate;
    smsTemplate.content = content;
    QCOMPARE(smsTemplate.variables(), variables);
}

void TestSmsTemplates::reportsMissingVariables_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<QStringList>("supplied");
    QTest::addColumn<QStringList>("missing");

    const QString text = u"Hi {{name}}, {event} at {{time}}"_s;
    QTest::newRow("all supplied") << text << QStringList{u"time"_s, u"name"_s, u"event"_s} << QStringList{};
    QTest::newRow("extra params are fine")
        << text << QStringList{u"time"_s, u"name"_s, u"event"_s, u"zoom_url"_s} << QStringList{};
    QTest::newRow("one missing") << text << QStringList{u"name"_s, u"event"_s} << QStringList{u"time"_s};
    QTest::newRow("none supplied, template order")
        << text << QStringList{} << QStringList{u"name"_s, u"event"_s, u"time"_s};
    QTest::newRow("case matters") << text << QStringList{u"Name"_s, u"event"_s, u"time"_s}
                                  << QStringList{u"name"_s};
    QTest::newRow("no variables") << u"See you soon"_s << QStringList{} << QStringList{};
}

void TestSmsTemplates::reportsMissingVariables()
{
    QFETCH(QString, content);
    QFETCH(QStringList, supplied);
    QFETCH(QStringList, missing);
    SmsTemplate smsTemplate;
    smsTemplate.content = content;
    QCOMPARE(missingVariables(smsTemplate, supplied), missing);
}

void TestSmsTemplates::namesReviewStates_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("approved");

    QTest::newRow("1") << 1 << u"waiting for review"_s << false;
    QTest::newRow("2") << 2 << u"approved"_s << true;
    QTest::newRow("3") << 3 << u"rejected"_s << false;
    QTest::newRow("0") << 0 << u"unknown status 0"_s << false;
    QTest::newRow("7") << 7 << u"unknown status 7"_s << false;
}

void TestSmsTemplates::namesReviewStates()
{
    QFETCH(int, status);
    QFETCH(QString, text);
    QFETCH(bool, approved);
    SmsTemplate smsTemplate;
    smsTemplate.status = status;
    QCOMPARE(smsTemplate.statusText(), text);
    QCOMPARE(smsTemplate.isApproved(), approved);
}

void TestSmsTemplates::parsesTemplateList()
{
    QString error = u"stale"_s;
    const QList<SmsTemplate> templates = parseTemplateList(TEMPLATE_LIST, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(templates.size(), 3);

    QCOMPARE(templates[0].id, u"1970314609822883800"_s);
    QCOMPARE(templates[0].name, u"Booking confirmed"_s);
    QCOMPARE(templates[0].type, u"utility"_s);
    QCOMPARE(templates[0].status, 2);
    QCOMPARE(templates[0].statusText(), u"approved"_s);
    QCOMPARE(templates[0].countryCodes, u"TH,SG"_s);
    QCOMPARE(templates[0].variables(), (QStringList{u"name"_s, u"event"_s, u"time"_s}));

    QCOMPARE(templates[1].id, u"1972492621368553472"_s); // bare number, every digit kept
    QCOMPARE(templates[1].statusText(), u"waiting for review"_s);

    QCOMPARE(templates[2].status, 3);
    QCOMPARE(templates[2].statusText(), u"rejected"_s);
    QCOMPARE(templates[2].auditRemark, u"Marketing content needs an opt-out notice"_s);
    QCOMPARE(templates[2].type, u"marketing"_s);
}

void TestSmsTemplates::parsesEmptyList()
{
    QString error = u"stale"_s;
    QVERIFY(parseTemplateList("[]", &error).isEmpty());
    QVERIFY(error.isEmpty());
}

void TestSmsTemplates::rejectsBadTemplateLists_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("not JSON") << QByteArray("<html>oops</html>") << u"not JSON"_s;
    QTest::newRow("truncated") << TEMPLATE_LIST.left(100) << u"not JSON"_s;
    QTest::newRow("empty") << QByteArray() << u"not JSON"_s;
    QTest::newRow("EngageLab error object")
        << QByteArray(R"({"code":2001,"message":"Authentication failed"})") << u"2001"_s;
    QTest::newRow("other object") << QByteArray(R"({"templates":[]})") << u"expected an array"_s;
}

void TestSmsTemplates::rejectsBadTemplateLists()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, errorContains);
    QString error;
    QVERIFY(parseTemplateList(body, &error).isEmpty());
    QVERIFY2(error.contains(errorContains), qPrintable(error));
}

void TestSmsTemplates::skipsEntriesWithoutId()
{
    QString error;
    const QList<SmsTemplate> templates = parseTemplateList(
        R"([{"template_name":"no id"},42,"text",{"template_id":1.5},{"template_id":"7","status":"2"}])",
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(templates.size(), 1);
    QCOMPARE(templates[0].id, u"7"_s);
    QCOMPARE(templates[0].status, 2); // a numeric string is read too
}

void TestSmsTemplates::clientFetchesTemplates()
{
    FakeEngageLab fake;
    QVERIFY(fake.listen());
    fake.setExpectedCredentials(DEV_KEY, DEV_SECRET);
    fake.setTemplates(TEMPLATE_LIST);
    QNetworkAccessManager nam;
    EngageLabTemplateClient client(&nam, configFor(fake));
    QSignalSpy fetched(&client, &EngageLabTemplateClient::fetched);
    QSignalSpy failed(&client, &EngageLabTemplateClient::failed);

    client.fetch();
    QVERIFY(client.isFetching());
    QVERIFY(fetched.wait(5000));
    QCOMPARE(failed.size(), 0);
    QVERIFY(!client.isFetching());
    const auto templates = fetched.first().first().value<QList<SmsTemplate>>();
    QCOMPARE(templates.size(), 3);
    QCOMPARE(templates[1].id, u"1972492621368553472"_s);

    QCOMPARE(fake.requests().size(), 1);
    QCOMPARE(fake.requests().first().method, QByteArray("GET"));
    QCOMPARE(fake.requests().first().path, QByteArray("/v1/template-configs"));
    QCOMPARE(fake.sendCount(), 0);
}

void TestSmsTemplates::clientReportsWrongCredentialsAsAuthProblem()
{
    FakeEngageLab fake;
    QVERIFY(fake.listen());
    fake.setExpectedCredentials(DEV_KEY, u"the-right-secret"_s);
    QNetworkAccessManager nam;
    EngageLabTemplateClient client(&nam, configFor(fake));
    QSignalSpy fetched(&client, &EngageLabTemplateClient::fetched);
    QSignalSpy failed(&client, &EngageLabTemplateClient::failed);

    client.fetch();
    QVERIFY(failed.wait(5000));
    QCOMPARE(fetched.size(), 0);
    const QString reason = failed.first().at(0).toString();
    QVERIFY2(reason.contains(u"2001"_s), qPrintable(reason));
    QVERIFY(!reason.contains(DEV_SECRET));
    QCOMPARE(failed.first().at(1).toBool(), true);
}

void TestSmsTemplates::clientReportsUnreachableServer()
{
    FakeEngageLab fake;
    QVERIFY(fake.listen());
    EngageLabProvider::Config config = configFor(fake);
    fake.close();
    QNetworkAccessManager nam;
    EngageLabTemplateClient client(&nam, config);
    QSignalSpy failed(&client, &EngageLabTemplateClient::failed);

    client.fetch();
    QVERIFY(failed.wait(5000));
    QVERIFY2(failed.first().at(0).toString().contains(u"not reachable"_s),
             qPrintable(failed.first().at(0).toString()));
    QCOMPARE(failed.first().at(1).toBool(), false);
}

void TestSmsTemplates::clientReportsGarbage()
{
    FakeEngageLab fake;
    QVERIFY(fake.listen());
    fake.setTemplates("<html>maintenance</html>");
    QNetworkAccessManager nam;
    EngageLabTemplateClient client(&nam, configFor(fake));
    QSignalSpy failed(&client, &EngageLabTemplateClient::failed);

    client.fetch();
    QVERIFY(failed.wait(5000));
    QVERIFY2(failed.first().at(0).toString().contains(u"not JSON"_s),
             qPrintable(failed.first().at(0).toString()));
    QCOMPARE(failed.first().at(1).toBool(), false);
}

void TestSmsTemplates::clientWithoutCredentialsFailsWithoutNetwork()
{
    FakeEngageLab fake;
    QVERIFY(fake.listen());
    EngageLabProvider::Config config = configFor(fake);
    config.devSecret.clear();
    QNetworkAccessManager nam;
    EngageLabTemplateClient client(&nam, config);
    QSignalSpy failed(&client, &EngageLabTemplateClient::failed);

    client.fetch();
    QCOMPARE(failed.size(), 0); // never synchronously: callers connect after calling
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().at(1).toBool(), true);
    QCOMPARE(fake.requests().size(), 0);
}

void TestSmsTemplates::clientIgnoresSecondFetchWhileRunning()
{
    FakeEngageLab fake;
    QVERIFY(fake.listen());
    fake.setTemplates(TEMPLATE_LIST);
    QNetworkAccessManager nam;
    EngageLabTemplateClient client(&nam, configFor(fake));
    QSignalSpy fetched(&client, &EngageLabTemplateClient::fetched);

    client.fetch();
    client.fetch();
    QVERIFY(fetched.wait(5000));
    QCOMPARE(fake.requests().size(), 1);
    QCOMPARE(fetched.size(), 1);
}

QTEST_GUILESS_MAIN(TestSmsTemplates)
#include "tst_smstemplates.moc"
