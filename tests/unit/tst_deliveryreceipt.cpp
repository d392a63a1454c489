#include "sms/DeliveryReceipt.h"
#include "support/TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

// The shape of R5 (EngageLab's OTP callback doc, same platform, "server":"sms"), with our custom_args.
const QByteArray DELIVERED = R"({"total":1,"rows":[{"message_id":"1972488990804201472","to":"+66812345678",
 "server":"sms","channel":"sms","itime":1764064805,"custom_args":{"deskbell_message_id":"4711"},
 "status":{"message_status":"delivered",
  "status_data":{"msg_time":1764064800,"message_id":"1972488990804201472","current_send_channel":"CHANNEL_A"},
  "billing":{"cost":0.005,"currency":"USD"},"error_code":0}}]})";

const QByteArray SENT_FAIL = R"({"total":1,"rows":[{"message_id":"1972488990804201473","to":"+15597650000",
 "server":"sms","itime":1764064900,"custom_args":{"deskbell_message_id":"4712"},
 "status":{"message_status":"sent_fail","status_data":{"msg_time":1764064890},
  "error_code":5012,"error_detail":{"message":"number unreachable"}}}]})";

// Three rows, ids as bare 19-digit numbers (beyond a double's 2^53), one row with its id only in
// status_data, one deskbell id as a number.
const QByteArray BATCH = R"({"total":3,"rows":[
 {"message_id":1972492621368553472,"to":"+6598765432","itime":1764065000,"custom_args":{"deskbell_message_id":1},
  "status":{"message_status":"sent","status_data":{"msg_time":1764064999}}},
 {"message_id":1972492621368553473,"to":"+6598765433","itime":1764065001,"custom_args":{"deskbell_message_id":"2"},
  "status":{"message_status":"sent_failed","error_code":5013,"error_detail":{"message":"blacklisted"}}},
 {"to":"+6598765434","itime":1764065002,"custom_args":{"deskbell_message_id":"9007199254740993"},
  "status":{"message_status":"delivered_failed","status_data":{"message_id":1972492621368553474}}}]})";

QByteArray header(const QByteArray &timestamp, const QByteArray &nonce, const QByteArray &username,
                  const QByteArray &signature)
{
    return "timestamp=" + timestamp + ";nonce=" + nonce + ";username=" + username + ";signature=" + signature;
}

// Computed independently: python3 -c "import hmac,hashlib; print(hmac.new(b'cb-secret-123',
// b'1764064800n0nce42deskbell', hashlib.sha256).hexdigest())"
const QByteArray GOOD_SIGNATURE = "2755d6ef389802e2e5115d51f72cffd8aec6d85d8418b1872245691f88c590cf";
const QByteArray SECRET = "cb-secret-123";
constexpr qint64 SIGNED_AT = 1764064800;

} // namespace

class TestDeliveryReceipt : public QObject
{
    Q_OBJECT

private slots:
    void parsesDeliveredReceipt();
    void parsesSentFailWithErrorDetail();
    void parsesBatchWithBareNumberIds();
    void verificationPingIsValidAndEmpty();
    void classifiesStatuses_data();
    void classifiesStatuses();
    void rejectsGarbage_data();
    void rejectsGarbage();
    void skipsRowsThatMatchNothing();
    void toleratesCustomArgsAsString();
    void acceptsMillisecondTimes();
    void survivesRandomBytes();
    void readsNumbersBeyondInt64AsAbsent();

    void acceptsGoodSignature();
    void rejectsBadSignatures_data();
    void rejectsBadSignatures();
    void acceptsTimestampAtToleranceEdge();
    void acceptsUppercaseHexAndSpaces();
};

void TestDeliveryReceipt::parsesDeliveredReceipt()
{
    QString error = u"stale"_s;
    const QList<DeliveryReceipt> receipts = parseEngageLabCallback(DELIVERED, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(receipts.size(), 1);
    const DeliveryReceipt &r = receipts.first();
    QCOMPARE(r.providerMessageId, u"1972488990804201472"_s);
    QCOMPARE(r.deskbellMessageId, 4711);
    QCOMPARE(r.status, u"delivered"_s);
    QVERIFY(r.isFinal);
    QVERIFY(r.isSuccess);
    QCOMPARE(r.errorCode, 0);
    QVERIFY(r.errorMessage.isEmpty());
    QCOMPARE(r.atUtc, QDateTime::fromSecsSinceEpoch(1764064800, Qt::UTC)); // msg_time, not itime
    QCOMPARE(r.atUtc.timeSpec(), Qt::UTC);
    QCOMPARE(r.to, u"+66812345678"_s);
}

void TestDeliveryReceipt::parsesSentFailWithErrorDetail()
{
    QString error;
    const QList<DeliveryReceipt> receipts = parseEngageLabCallback(SENT_FAIL, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(receipts.size(), 1);
    const DeliveryReceipt &r = receipts.first();
    QCOMPARE(r.status, u"sent_fail"_s); // as given: the UI shows what EngageLab said
    QVERIFY(r.isFinal);
    QVERIFY(!r.isSuccess);
    QCOMPARE(r.errorCode, 5012);
    QCOMPARE(r.errorMessage, u"number unreachable"_s);
    QCOMPARE(r.deskbellMessageId, 4712);
}

void TestDeliveryReceipt::parsesBatchWithBareNumberIds()
{
    QString error;
    const QList<DeliveryReceipt> receipts = parseEngageLabCallback(BATCH, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(receipts.size(), 3);

    QCOMPARE(receipts[0].providerMessageId, u"1972492621368553472"_s);
    QCOMPARE(receipts[0].deskbellMessageId, 1);
    QCOMPARE(receipts[0].status, u"sent"_s);
    QVERIFY(!receipts[0].isFinal);
    QCOMPARE(receipts[0].atUtc, QDateTime::fromSecsSinceEpoch(1764064999, Qt::UTC));

    QCOMPARE(receipts[1].providerMessageId, u"1972492621368553473"_s);
    QCOMPARE(receipts[1].deskbellMessageId, 2);
    QVERIFY(receipts[1].isFinal);
    QCOMPARE(receipts[1].errorCode, 5013);
    QCOMPARE(receipts[1].errorMessage, u"blacklisted"_s);
    QCOMPARE(receipts[1].atUtc, QDateTime::fromSecsSinceEpoch(1764065001, Qt::UTC)); // no msg_time: itime

    QCOMPARE(receipts[2].providerMessageId, u"1972492621368553474"_s); // from status_data
    QCOMPARE(receipts[2].deskbellMessageId, 9007199254740993LL);       // 2^53 + 1: exact
    QVERIFY(receipts[2].isFinal);
    QVERIFY(!receipts[2].isSuccess);
}

void TestDeliveryReceipt::verificationPingIsValidAndEmpty()
{
    QString error = u"stale"_s;
    QVERIFY(parseEngageLabCallback("{}", &error).isEmpty());
    QVERIFY(error.isEmpty());
    QVERIFY(parseEngageLabCallback(" { }\n", &error).isEmpty());
    QVERIFY(error.isEmpty());
    QVERIFY(parseEngageLabCallback(R"({"total":0,"rows":[]})", &error).isEmpty());
    QVERIFY(error.isEmpty());
    QVERIFY(parseEngageLabCallback("{}", nullptr).isEmpty()); // the error pointer is optional
}

void TestDeliveryReceipt::classifiesStatuses_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("isFinal");
    QTest::addColumn<bool>("isSuccess");

    QTest::newRow("plan") << u"plan"_s << false << false;
    QTest::newRow("target_valid") << u"target_valid"_s << false << false;
    QTest::newRow("sent") << u"sent"_s << false << false;
    QTest::newRow("delivered") << u"delivered"_s << true << true;
    QTest::newRow("DELIVERED in capitals") << u"DELIVERED"_s << true << true;
    QTest::newRow("undelivered") << u"undelivered"_s << true << false;
    QTest::newRow("delivered_failed") << u"delivered_failed"_s << true << false;
    QTest::newRow("sent_failed") << u"sent_failed"_s << true << false;
    QTest::newRow("sent_fail (R5's spelling)") << u"sent_fail"_s << true << false;
    QTest::newRow("target_invalid") << u"target_invalid"_s << true << false;
    QTest::newRow("something new") << u"carrier_queued"_s << false << false;
    QTest::newRow("missing") << QString() << false << false;
}

void TestDeliveryReceipt::classifiesStatuses()
{
    QFETCH(QString, status);
    QFETCH(bool, isFinal);
    QFETCH(bool, isSuccess);

    QJsonObject statusObject;
    if (!status.isNull()) {
        statusObject.insert(u"message_status"_s, status);
    }
    const QJsonObject row{{u"message_id"_s, u"1"_s}, {u"status"_s, statusObject}};
    const QByteArray body =
        QJsonDocument(QJsonObject{{u"total"_s, 1}, {u"rows"_s, QJsonArray{row}}}).toJson();
    QString error;
    const QList<DeliveryReceipt> receipts = parseEngageLabCallback(body, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(receipts.size(), 1);
    QCOMPARE(receipts[0].status, status.isNull() ? QString() : status);
    QCOMPARE(receipts[0].isFinal, isFinal);
    QCOMPARE(receipts[0].isSuccess, isSuccess);
}

void TestDeliveryReceipt::rejectsGarbage_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("whitespace") << QByteArray(" \r\n");
    QTest::newRow("html error page") << QByteArray("<html><body>502 Bad Gateway</body></html>");
    QTest::newRow("truncated") << DELIVERED.left(DELIVERED.size() / 2);
    QTest::newRow("array") << QByteArray(R"([{"message_id":"1"}])");
    QTest::newRow("string") << QByteArray(R"("delivered")");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("object without rows") << QByteArray(R"({"event":"balance_low"})");
    QTest::newRow("rows not an array") << QByteArray(R"({"total":1,"rows":{"message_id":"1"}})");
    QTest::newRow("NUL bytes") << QByteArray("{\0\0}", 4);
}

void TestDeliveryReceipt::rejectsGarbage()
{
    QFETCH(QByteArray, body);
    QString error;
    QVERIFY(parseEngageLabCallback(body, &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestDeliveryReceipt::skipsRowsThatMatchNothing()
{
    QString error;
    const QList<DeliveryReceipt> receipts = parseEngageLabCallback(
        R"({"total":4,"rows":[1,"x",{"status":{"message_status":"delivered"}},{"message_id":"77"}]})",
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(receipts.size(), 1);
    QCOMPARE(receipts[0].providerMessageId, u"77"_s);
    QVERIFY(!receipts[0].atUtc.isValid());
}

void TestDeliveryReceipt::toleratesCustomArgsAsString()
{
    QString error;
    const QList<DeliveryReceipt> receipts = parseEngageLabCallback(
        R"({"rows":[{"message_id":"5","custom_args":"{\"deskbell_message_id\":9007199254740993}"}]})",
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(receipts.size(), 1);
    QCOMPARE(receipts[0].deskbellMessageId, 9007199254740993LL);
}

void TestDeliveryReceipt::acceptsMillisecondTimes()
{
    QString error;
    const QList<DeliveryReceipt> receipts =
        parseEngageLabCallback(R"({"rows":[{"message_id":"5","itime":1764064805123}]})", &error);
    QCOMPARE(receipts.size(), 1);
    QCOMPARE(receipts[0].atUtc, QDateTime::fromMSecsSinceEpoch(1764064805123, Qt::UTC));
}

void TestDeliveryReceipt::readsNumbersBeyondInt64AsAbsent()
{
    // Fuzz finding: a 27-digit msg_time was cast from double to qint64, undefined behaviour (UBSan).
    QString error;
    const QList<DeliveryReceipt> receipts = parseEngageLabCallback(
        test::readData(u"fuzz-regressions/delivery_receipt-msg-time-beyond-int64.bin"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(receipts.size(), 3);
    QCOMPARE(receipts[2].atUtc, QDateTime::fromSecsSinceEpoch(1764065002, Qt::UTC)); // fell back to itime
    QCOMPARE(receipts[2].deskbellMessageId, 9007199254740993LL);

    const QList<DeliveryReceipt> exponents = parseEngageLabCallback(
        R"({"rows":[{"message_id":"5","itime":1.764064805e9,"custom_args":{"deskbell_message_id":1e300}}]})",
        &error);
    QCOMPARE(exponents.size(), 1);
    QCOMPARE(exponents[0].atUtc, QDateTime::fromSecsSinceEpoch(1764064805, Qt::UTC));
    QCOMPARE(exponents[0].deskbellMessageId, qint64(0));
}

void TestDeliveryReceipt::survivesRandomBytes()
{
    // Mutations of a real body: whatever comes out, no crash, and an error exactly when nothing parsed.
    QRandomGenerator random(20261125);
    for (int round = 0; round < 2000; ++round) {
        QByteArray body = BATCH;
        const int edits = 1 + int(random.bounded(8));
        for (int e = 0; e < edits; ++e) {
            const qsizetype at = qsizetype(random.bounded(quint32(body.size())));
            switch (random.bounded(3)) {
            case 0:
                body[at] = char(random.bounded(256));
                break;
            case 1:
                body.remove(at, 1 + qsizetype(random.bounded(20)));
                break;
            default:
                body.insert(at, "{[\":,}]"[random.bounded(7)]);
                break;
            }
        }
        QString error;
        const QList<DeliveryReceipt> receipts = parseEngageLabCallback(body, &error);
        QVERIFY(receipts.isEmpty() || error.isEmpty());
    }
}

void TestDeliveryReceipt::acceptsGoodSignature()
{
    QVERIFY(verifyCallbackSignature(header("1764064800", "n0nce42", "deskbell", GOOD_SIGNATURE),
                                    u"deskbell"_s, SECRET, SIGNED_AT + 30, 300));
}

void TestDeliveryReceipt::rejectsBadSignatures_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<qint64>("now");

    const QByteArray good = header("1764064800", "n0nce42", "deskbell", GOOD_SIGNATURE);
    QTest::newRow("wrong secret") << good << u"deskbell"_s << QByteArray("cb-secret-124") << SIGNED_AT;
    QTest::newRow("empty secret") << good << u"deskbell"_s << QByteArray() << SIGNED_AT;
    QTest::newRow("wrong username") << good << u"deskbel"_s << SECRET << SIGNED_AT;
    QTest::newRow("username changed in header")
        << header("1764064800", "n0nce42", "mallory", GOOD_SIGNATURE) << u"mallory"_s << SECRET << SIGNED_AT;
    QTest::newRow("nonce changed") << header("1764064800", "n0nce43", "deskbell", GOOD_SIGNATURE)
                                   << u"deskbell"_s << SECRET << SIGNED_AT;
    QTest::newRow("stale timestamp") << good << u"deskbell"_s << SECRET << SIGNED_AT + 301;
    QTest::newRow("timestamp from the future") << good << u"deskbell"_s << SECRET << SIGNED_AT - 301;
    QTest::newRow("last hex digit flipped")
        << header("1764064800", "n0nce42", "deskbell", GOOD_SIGNATURE.chopped(1) + 'e') << u"deskbell"_s
        << SECRET << SIGNED_AT;
    QTest::newRow("signature truncated")
        << header("1764064800", "n0nce42", "deskbell", GOOD_SIGNATURE.left(32)) << u"deskbell"_s << SECRET
        << SIGNED_AT;
    QTest::newRow("empty header") << QByteArray() << u"deskbell"_s << SECRET << SIGNED_AT;
    QTest::newRow("no signature") << QByteArray("timestamp=1764064800;nonce=n0nce42;username=deskbell")
                                  << u"deskbell"_s << SECRET << SIGNED_AT;
    QTest::newRow("field without '='") << good + ";garbage" << u"deskbell"_s << SECRET << SIGNED_AT;
    QTest::newRow("repeated field") << good + ";signature=" + GOOD_SIGNATURE << u"deskbell"_s << SECRET
                                    << SIGNED_AT;
    QTest::newRow("timestamp not a number") << header("17640648OO", "n0nce42", "deskbell", GOOD_SIGNATURE)
                                            << u"deskbell"_s << SECRET << SIGNED_AT;
    QTest::newRow("negative timestamp") << header("-1764064800", "n0nce42", "deskbell", GOOD_SIGNATURE)
                                        << u"deskbell"_s << SECRET << SIGNED_AT;
    QTest::newRow("comma separated")
        << QByteArray("timestamp=1764064800,nonce=n0nce42,username=deskbell,signature=") + GOOD_SIGNATURE
        << u"deskbell"_s << SECRET << SIGNED_AT;
}

void TestDeliveryReceipt::rejectsBadSignatures()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, username);
    QFETCH(QByteArray, secret);
    QFETCH(qint64, now);
    QVERIFY(!verifyCallbackSignature(header, username, secret, now, 300));
}

void TestDeliveryReceipt::acceptsTimestampAtToleranceEdge()
{
    const QByteArray good = header("1764064800", "n0nce42", "deskbell", GOOD_SIGNATURE);
    QVERIFY(verifyCallbackSignature(good, u"deskbell"_s, SECRET, SIGNED_AT + 300, 300));
    QVERIFY(verifyCallbackSignature(good, u"deskbell"_s, SECRET, SIGNED_AT - 300, 300));
    QVERIFY(!verifyCallbackSignature(good, u"deskbell"_s, SECRET, SIGNED_AT + 1, 0));
}

void TestDeliveryReceipt::acceptsUppercaseHexAndSpaces()
{
    const QByteArray spaced =
        "timestamp=1764064800; nonce=n0nce42; username=deskbell; signature=" + GOOD_SIGNATURE.toUpper() + ";";
    QVERIFY(verifyCallbackSignature(spaced, u"deskbell"_s, SECRET, SIGNED_AT, 300));
    // Fields in another order and one EngageLab may add later.
    const QByteArray reordered =
        "signature=" + GOOD_SIGNATURE + ";username=deskbell;version=2;nonce=n0nce42;timestamp=1764064800";
    QVERIFY(verifyCallbackSignature(reordered, u"deskbell"_s, SECRET, SIGNED_AT, 300));
}

QTEST_GUILESS_MAIN(TestDeliveryReceipt)
#include "tst_deliveryreceipt.moc"
