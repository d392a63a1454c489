// Calendly webhook signatures (reference/calendly.md §2): the header format, the replay window and the
// self-computed test vector of §2.3.

#include "calendly/WebhookSignature.h"

#include <QTest>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

const QByteArray KEY = "5mEzn9C-I28UtwOjZJtFoob0sAAFZ95GbZkqj4y3i0I";
const QByteArray BODY = R"({"event":"invitee.created","payload":{"name":"John Doe"}})";
constexpr qint64 T = 1492774577;
const QByteArray V1 = "b697907da0f691bcae338055078d2e3e5790af991b192ab5873099081fb509d7";
constexpr int TOLERANCE = 180;

} // namespace

class TestWebhookSignature : public QObject
{
    Q_OBJECT

private slots:
    void signsTheReferenceVector() { QCOMPARE(signCalendlyBody(BODY, KEY, T), "t=1492774577,v1=" + V1); }

    void verifies_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("reasonContains");

        const QByteArray good = "t=1492774577,v1=" + V1;
        QTest::newRow("reference vector") << good << BODY << KEY << T << true << QString();
        QTest::newRow("upper-case hex")
            << "t=1492774577,v1=" + V1.toUpper() << BODY << KEY << T << true << QString();
        QTest::newRow("keys in any case and spaces")
            << " T=1492774577 , V1=" + V1 << BODY << KEY << T << true << QString();
        QTest::newRow("order does not matter")
            << "v1=" + V1 + ",t=1492774577" << BODY << KEY << T << true << QString();
        QTest::newRow("unknown keys ignored")
            << "t=1492774577,v0=abc,v1=" + V1 + ",x=1" << BODY << KEY << T << true << QString();
        QTest::newRow("second of several v1 matches")
            << "t=1492774577,v1=" + QByteArray(64, 'a') + ",v1=" + V1 << BODY << KEY << T << true
            << QString();
        QTest::newRow("just inside the window, old")
            << good << BODY << KEY << T + TOLERANCE << true << QString();
        QTest::newRow("just inside the window, ahead")
            << good << BODY << KEY << T - TOLERANCE << true << QString();

        QTest::newRow("rejectsStaleSignature")
            << good << BODY << KEY << T + TOLERANCE + 1 << false << u"old"_s;
        QTest::newRow("rejectsFutureSignature")
            << good << BODY << KEY << T - TOLERANCE - 1 << false << u"future"_s;
        QTest::newRow("rejectsWrongKey")
            << good << BODY << QByteArray("another key") << T << false << u"does not match"_s;
        QTest::newRow("rejectsChangedBody") << good << BODY + ' ' << KEY << T << false << u"does not match"_s;
        QTest::newRow("rejectsOtherTimestamp")
            << "t=1492774578,v1=" + V1 << BODY << KEY << T << false << u"does not match"_s;
        QTest::newRow("rejectsEmptyHeader") << QByteArray() << BODY << KEY << T << false << u"missing"_s;
        QTest::newRow("rejectsMissingTimestamp") << "v1=" + V1 << BODY << KEY << T << false << u"timestamp"_s;
        QTest::newRow("rejectsMissingV1")
            << QByteArray("t=1492774577") << BODY << KEY << T << false << u"v1"_s;
        QTest::newRow("rejectsNonNumericTimestamp")
            << "t=14927x4577,v1=" + V1 << BODY << KEY << T << false << u"not a number"_s;
        QTest::newRow("rejectsNegativeTimestamp")
            << "t=-1,v1=" + V1 << BODY << KEY << T << false << u"not a number"_s;
        QTest::newRow("rejectsTwoTimestamps")
            << "t=1492774577,t=1492774577,v1=" + V1 << BODY << KEY << T << false << u"several"_s;
        QTest::newRow("rejectsShortDigest")
            << "t=1492774577,v1=" + V1.left(63) << BODY << KEY << T << false << u"does not match"_s;
        QTest::newRow("rejectsNonHexDigest")
            << "t=1492774577,v1=" + V1.left(63) + 'g' << BODY << KEY << T << false << u"does not match"_s;
        QTest::newRow("rejectsGarbage")
            << QByteArray("garbage") << BODY << KEY << T << false << u"timestamp"_s;
        QTest::newRow("rejectsWithoutKey")
            << good << BODY << QByteArray() << T << false << u"no signing key"_s;
    }

    void verifies()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, key);
        QFETCH(qint64, now);
        QFETCH(bool, ok);
        QFETCH(QString, reasonContains);

        const SignatureCheck check = verifyCalendlySignature(header, body, key, now, TOLERANCE);
        QCOMPARE(check.ok, ok);
        if (ok) {
            QVERIFY(check.reason.isEmpty());
        } else {
            QVERIFY2(check.reason.contains(reasonContains), qPrintable(check.reason));
            // A refusal reason goes to the log: it must not leak what a valid digest looks like.
            QVERIFY(!check.reason.contains(QString::fromLatin1(V1)));
        }
    }

    void roundTripsWhatItSigns()
    {
        const QByteArray body = R"({"event":"invitee.canceled","payload":{}})";
        const qint64 now = 1'800'000'000;
        const SignatureCheck check =
            verifyCalendlySignature(signCalendlyBody(body, "k", now), body, "k", now, TOLERANCE);
        QVERIFY2(check.ok, qPrintable(check.reason));
    }
};

QTEST_GUILESS_MAIN(TestWebhookSignature)
#include "tst_webhooksignature.moc"
