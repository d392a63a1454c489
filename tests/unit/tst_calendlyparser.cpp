#include "calendly/CalendlyPayloadParser.h"
#include "support/Printers.h"
#include "support/TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace deskbell;
using namespace Qt::StringLiterals;

using Result = CalendlyPayloadParser::Result;
using Status = CalendlyPayloadParser::Result::Status;
// Enums are compared through their names: QCOMPARE's own toString() lookup would find
// deskbell::toString() by argument-dependent lookup, which returns a QString, not a char *.

namespace {

const QString INVITEE_URI =
    u"https://api.calendly.com/scheduled_events/EVT0000000000001/invitees/INV0000000000001"_s;
const QString EVENT_URI = u"https://api.calendly.com/scheduled_events/EVT0000000000001"_s;
const QString NEW_INVITEE_URI =
    u"https://api.calendly.com/scheduled_events/EVT0000000000002/invitees/INV0000000000002"_s;
const QString OLDER_SHAPE_REASON =
    u"invitee.created without scheduled_event.start_time (older payload shape)"_s;

QByteArray variant(const QString &name)
{
    return test::readData(u"calendly/variants/"_s + name);
}

QJsonObject jsonObject(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QByteArray envelope(const QString &event, const QJsonObject &payload)
{
    return QJsonDocument(QJsonObject{{u"event"_s, event},
                                     {u"created_at"_s, u"2026-11-20T03:12:46.000000Z"_s},
                                     {u"created_by"_s, u"https://api.calendly.com/users/USR0000000000001"_s},
                                     {u"payload"_s, payload}})
        .toJson(QJsonDocument::Compact);
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

// A booking as it arrives today, with one field replaced.
QByteArray bangkokWith(const QString &section, const QString &key, const QJsonValue &value)
{
    QJsonObject root = jsonObject(variant(u"created_current_bangkok.json"_s));
    QJsonObject payload = root.value(u"payload").toObject();
    if (section == u"payload") {
        payload.insert(key, value);
    } else {
        QJsonObject se = payload.value(u"scheduled_event").toObject();
        se.insert(key, value);
        payload.insert(u"scheduled_event"_s, se);
    }
    root.insert(u"payload"_s, payload);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QJsonValue randomValue(QRandomGenerator &random)
{
    switch (random.bounded(9)) {
    case 0:
        return QJsonValue(QJsonValue::Null);
    case 1:
        return random.bounded(2) == 1;
    case 2:
        return random.bounded(-1000, 1000);
    case 3:
        return 1e308 * (random.bounded(2) ? 1 : -1);
    case 4:
        return QString(int(random.bounded(3000)), QChar(u'a' + random.bounded(26)));
    case 5:
        return u"2019-08-24T14:15:22.123456Z"_s;
    case 6:
        return u"+1 650-253-0000"_s;
    case 7:
        return QJsonArray{1, u"x"_s, QJsonObject{}};
    default:
        return QJsonObject{{u"uri"_s, u"https://api.calendly.com/x"_s}, {u"type"_s, u"outbound_call"_s}};
    }
}

// Walks down a random path of objects and arrays and replaces or removes what it finds there.
QJsonValue mutated(const QJsonValue &value, QRandomGenerator &random, int depth = 0)
{
    if (value.isObject() && depth < 5 && random.bounded(4) != 0) {
        QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            return randomValue(random);
        }
        const QString key = object.keys().at(random.bounded(int(object.size())));
        if (random.bounded(6) == 0) {
            object.remove(key);
        } else {
            object.insert(key, mutated(object.value(key), random, depth + 1));
        }
        return object;
    }
    if (value.isArray() && depth < 5 && random.bounded(3) != 0) {
        QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            return randomValue(random);
        }
        const int index = int(random.bounded(int(array.size())));
        array.replace(index, mutated(array.at(index), random, depth + 1));
        return array;
    }
    return randomValue(random);
}

} // namespace

class TestCalendlyParser : public QObject
{
    Q_OBJECT

private slots:
    void officialCreatedExampleWithoutScheduledEventIsRejected();
    void officialCanceledExampleIsAccepted();
    void officialCurrentInviteeExampleParsesBareAndInEnvelope();
    void officialRoutingFormSubmissionIsIgnored();

    void mapsCurrentShapeBooking();
    void rejectsUnusableBodies_data();
    void rejectsUnusableBodies();
    void ignoresOtherEvents_data();
    void ignoresOtherEvents();
    void toleratesNullsAndWrongTypes_data();
    void toleratesNullsAndWrongTypes();

    void readsStartTimes_data();
    void readsStartTimes();
    void endDefaultsToStart();

    void picksPhoneSource_data();
    void picksPhoneSource();
    void keepsInvalidPhoneRaw();
    void matchesPhoneQuestions_data();
    void matchesPhoneQuestions();

    void mapsLocations_data();
    void mapsLocations();

    void mapsReschedulePair();
    void mapsStatusPerEvent_data();
    void mapsStatusPerEvent();
    void mapsNoShows();
    void buildsDedupeKeys_data();
    void buildsDedupeKeys();
    void namesEventTypes();

    void capsLongStrings();
    void requiresHttpsInviteeUri_data();
    void requiresHttpsInviteeUri();
    void scheduledEventArgumentWinsOverEmbedded();

    void survivesRandomMutations();
};

void TestCalendlyParser::officialCreatedExampleWithoutScheduledEventIsRejected()
{
    const Result r =
        CalendlyPayloadParser(u"US"_s).parseWebhookBody(test::readData(u"calendly/invitee_created.json"_s));
    QCOMPARE(r.status, Status::Rejected);
    QCOMPARE(r.eventName, u"invitee.created"_s);
    QCOMPARE(r.reason, OLDER_SHAPE_REASON);
    QVERIFY(!r.event);
}

void TestCalendlyParser::officialCanceledExampleIsAccepted()
{
    const Result r =
        CalendlyPayloadParser(u"US"_s).parseWebhookBody(test::readData(u"calendly/invitee_canceled.json"_s));
    QCOMPARE(r.status, Status::Ok);
    QVERIFY(r.reason.isEmpty());
    QVERIFY(r.event);
    const BookingEvent &e = *r.event;
    QCOMPARE(e.type, BookingEvent::Type::InviteeCanceled);
    QCOMPARE(e.createdUtc, utc(2020, 11, 23, 17, 54, 22));
    QCOMPARE(e.canceledBy, u"John Doe"_s);
    QCOMPARE(e.cancelReason, u"Meeting Conflict"_s);
    QVERIFY(e.cancelerType.isEmpty());
    QVERIFY(!e.rescheduled);
    const Appointment &a = e.invitee;
    QCOMPARE(a.inviteeUri,
             u"https://api.calendly.com/scheduled_events/AAAAAAAAAAAAAAAA/invitees/AAAAAAAAAAAAAAAA"_s);
    QCOMPARE(a.eventUri, u"https://api.calendly.com/scheduled_events/AAAAAAAAAAAAAAAA"_s);
    QCOMPARE(a.status, Appointment::Status::Canceled);
    QCOMPARE(a.inviteeName, u"John Doe"_s);
    QCOMPARE(a.email, u"test@example.com"_s);
    QCOMPARE(a.timezone, u"America/New_York"_s);
    QCOMPARE(a.cancelReason, u"Meeting Conflict"_s);
    QCOMPARE(a.updatedUtc, utc(2020, 11, 23, 17, 54, 22, 356));
    QVERIFY(!a.startUtc.isValid());
    QVERIFY(!a.endUtc.isValid());
    QVERIFY(a.phoneRaw.isEmpty());
    QVERIFY(a.phoneSource.isEmpty());
}

void TestCalendlyParser::officialCurrentInviteeExampleParsesBareAndInEnvelope()
{
    const QJsonObject invitee =
        jsonObject(test::readData(u"calendly/invitee_payload_current_docs_example.json"_s));
    const CalendlyPayloadParser parser(u"US"_s);
    const Result bare = parser.parseInvitee(BookingEvent::Type::InviteeCreated, invitee);
    const Result wrapped = parser.parseWebhookBody(envelope(u"invitee.created"_s, invitee));

    for (const Result &r : {bare, wrapped}) {
        QCOMPARE(r.status, Status::Ok);
        QCOMPARE(r.eventName, u"invitee.created"_s);
        const Appointment &a = r.event->invitee;
        QCOMPARE(a.inviteeName, u"John Doe"_s);
        // The flat "event" is the invitee's own link to its event; the embedded copy is second choice.
        QCOMPARE(a.eventUri, u"https://api.calendly.com/scheduled_events/AAAAAAAAAAAAAAAA"_s);
        QCOMPARE(a.eventTypeUri, u"https://api.calendly.com/event_types/GBGBDCAADAEDCRZ2"_s);
        QCOMPARE(a.eventName, u"15 Minute Meeting"_s);
        QCOMPARE(a.startUtc, utc(2019, 8, 24, 14, 15, 22, 123));
        QCOMPARE(a.endUtc, a.startUtc);
        QCOMPARE(a.location, u"string"_s);
        QCOMPARE(a.hostName, u"John Smith"_s);
        QCOMPARE(a.hostEmail, u"user@example.com"_s);
        QCOMPARE(a.cancelUrl, u"https://calendly.com/cancellations/AAAAAAAAAAAAAAAA"_s);
        QCOMPARE(a.rescheduleUrl, u"https://calendly.com/reschedulings/AAAAAAAAAAAAAAAA"_s);
        QCOMPARE(a.status, Appointment::Status::Active);
        QCOMPARE(r.event->noShowUri,
                 u"https://api.calendly.com/invitee_no_shows/6ee96ed4-83a3-4966-a278-cd19b3c02e09"_s);
    }
    QVERIFY(!bare.event->createdUtc.isValid());
    QCOMPARE(wrapped.event->createdUtc, utc(2026, 11, 20, 3, 12, 46));
}

void TestCalendlyParser::officialRoutingFormSubmissionIsIgnored()
{
    const Result r = CalendlyPayloadParser().parseWebhookBody(
        test::readData(u"calendly/routing_form_submission_created.json"_s));
    QCOMPARE(r.status, Status::Ignored);
    QCOMPARE(r.eventName, u"routing_form_submission.created"_s);
    QVERIFY(!r.event);
    QVERIFY(!r.reason.isEmpty());
}

void TestCalendlyParser::mapsCurrentShapeBooking()
{
    const Result r =
        CalendlyPayloadParser(u"TH"_s).parseWebhookBody(variant(u"created_current_bangkok.json"_s));
    QCOMPARE(r.status, Status::Ok);
    const BookingEvent &e = *r.event;
    QCOMPARE(e.type, BookingEvent::Type::InviteeCreated);
    QCOMPARE(e.createdUtc, utc(2026, 11, 20, 3, 12, 46));
    QCOMPARE(e.dedupeKey(), u"invitee.created|"_s + INVITEE_URI);
    QVERIFY(!e.rescheduled);
    QVERIFY(e.noShowUri.isEmpty());
    const Appointment &a = e.invitee;
    QCOMPARE(a.inviteeUri, INVITEE_URI);
    QCOMPARE(a.eventUri, EVENT_URI);
    QCOMPARE(a.eventTypeUri, u"https://api.calendly.com/event_types/ETY0000000000001"_s);
    QCOMPARE(a.eventName, u"30 Minute Consultation"_s);
    QCOMPARE(a.inviteeName, u"Nok Suwannarat"_s);
    QCOMPARE(a.email, u"nok.suwan@example.co.th"_s);
    QCOMPARE(a.phoneRaw, u"+1 650-253-0000"_s);
    QCOMPARE(a.phoneE164, u"+16502530000"_s);
    QCOMPARE(a.phoneSource, u"text_reminder_number"_s);
    QCOMPARE(a.timezone, u"Asia/Bangkok"_s);
    QCOMPARE(a.startUtc, utc(2026, 12, 1, 9, 0));
    QCOMPARE(a.endUtc, utc(2026, 12, 1, 9, 30));
    QCOMPARE(a.startUtc.timeSpec(), Qt::UTC);
    QCOMPARE(a.location, u"https://us02web.zoom.us/j/81234567890?pwd=abc"_s);
    QCOMPARE(a.hostName, u"Dr. Somchai Prasert"_s);
    QCOMPARE(a.hostEmail, u"somchai@clinic.example"_s);
    QCOMPARE(a.cancelUrl, u"https://calendly.com/cancellations/INV0000000000001"_s);
    QCOMPARE(a.rescheduleUrl, u"https://calendly.com/reschedulings/INV0000000000001"_s);
    QCOMPARE(a.status, Appointment::Status::Active);
    QVERIFY(a.oldInviteeUri.isEmpty());
    QVERIFY(a.newInviteeUri.isEmpty());
    QVERIFY(a.cancelReason.isEmpty());
    QCOMPARE(a.updatedUtc, utc(2026, 11, 20, 3, 12, 45, 123));
}

void TestCalendlyParser::rejectsUnusableBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason"); // the start of the reason
    QTest::addColumn<QString>("eventName");

    QTest::newRow("empty body") << variant(u"empty_body.json"_s) << u"empty body"_s << QString();
    QTest::newRow("whitespace only") << QByteArray(" \r\n\t ") << u"empty body"_s << QString();
    QTest::newRow("form-encoded, not JSON") << variant(u"not_json.txt"_s) << u"not JSON: "_s << QString();
    QTest::newRow("truncated JSON") << variant(u"created_current_bangkok.json"_s).left(200) << u"not JSON: "_s
                                    << QString();
    QTest::newRow("deeply nested") << variant(u"deeply_nested.json"_s) << u"not JSON: "_s << QString();
    QTest::newRow("JSON array") << QByteArray("[{\"event\":\"invitee.created\"}]") << u"not a JSON object"_s
                                << QString();
    QTest::newRow("JSON string") << QByteArray("\"invitee.created\"") << u"not JSON: "_s << QString();
    QTest::newRow("missing event") << QByteArray("{\"payload\":{}}") << u"missing 'event'"_s << QString();
    QTest::newRow("event is null") << QByteArray("{\"event\":null,\"payload\":{}}") << u"missing 'event'"_s
                                   << QString();
    QTest::newRow("event is a number")
        << variant(u"event_number.json"_s) << u"'event' is not a string"_s << QString();
    QTest::newRow("event is blank") << QByteArray("{\"event\":\"  \",\"payload\":{}}")
                                    << u"'event' is empty"_s << QString();
    QTest::newRow("missing payload") << variant(u"missing_payload.json"_s) << u"missing 'payload'"_s
                                     << u"invitee.created"_s;
    QTest::newRow("payload is an array")
        << variant(u"payload_array.json"_s) << u"'payload' is not an object"_s << u"invitee.created"_s;
    QTest::newRow("payload is a string") << QByteArray("{\"event\":\"invitee.canceled\",\"payload\":\"x\"}")
                                         << u"'payload' is not an object"_s << u"invitee.canceled"_s;
    QTest::newRow("retired v1 shape (payload.invitee)")
        << variant(u"v1_retired_shape.json"_s) << u"missing 'payload.uri'"_s << u"invitee.created"_s;
    QTest::newRow("start_time garbage") << variant(u"created_start_time_garbage.json"_s)
                                        << u"invitee.created with unreadable scheduled_event.start_time "
                                           "\"next Tuesday at 9\""_s
                                        << u"invitee.created"_s;
    QTest::newRow("start_time missing") << bangkokWith(u"scheduled_event"_s, u"start_time"_s, QJsonValue())
                                        << OLDER_SHAPE_REASON << u"invitee.created"_s;
    QTest::newRow("start_time is a number") << bangkokWith(u"scheduled_event"_s, u"start_time"_s, 1566656122)
                                            << OLDER_SHAPE_REASON << u"invitee.created"_s;
    QTest::newRow("number beyond double range")
        << QByteArray("{\"event\":\"invitee.created\",\"created_at\":1e400,\"payload\":{}}")
        << u"not JSON: "_s << QString();
    QTest::newRow("huge numbers everywhere")
        << variant(u"huge_numbers.json"_s) << OLDER_SHAPE_REASON << u"invitee.created"_s;
}

void TestCalendlyParser::rejectsUnusableBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    QFETCH(QString, eventName);

    const Result r = CalendlyPayloadParser(u"TH"_s).parseWebhookBody(body);
    QCOMPARE(r.status, Status::Rejected);
    QVERIFY2(r.reason.startsWith(reason), qPrintable(r.reason));
    QCOMPARE(r.eventName, eventName);
    QVERIFY(!r.event);
}

void TestCalendlyParser::ignoresOtherEvents_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("eventName");

    QTest::newRow("routing form") << test::readData(u"calendly/routing_form_submission_created.json"_s)
                                  << u"routing_form_submission.created"_s;
    QTest::newRow("event type created") << variant(u"unknown_event.json"_s) << u"event_type.created"_s;
    QTest::newRow("future event name") << envelope(u"invitee.reconfirmed"_s, {}) << u"invitee.reconfirmed"_s;
    QTest::newRow("case differs") << envelope(u"Invitee.Created"_s, {}) << u"Invitee.Created"_s;
}

void TestCalendlyParser::ignoresOtherEvents()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, eventName);

    const Result r = CalendlyPayloadParser().parseWebhookBody(body);
    QCOMPARE(r.status, Status::Ignored);
    QCOMPARE(r.eventName, eventName);
    QVERIFY(r.reason.contains(eventName));
    QVERIFY(!r.event);
}

void TestCalendlyParser::toleratesNullsAndWrongTypes_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("nulls everywhere") << u"created_nulls_everywhere.json"_s;
    QTest::newRow("wrong types everywhere") << u"created_wrong_types.json"_s;
}

void TestCalendlyParser::toleratesNullsAndWrongTypes()
{
    QFETCH(QString, file);

    const Result r = CalendlyPayloadParser(u"US"_s).parseWebhookBody(variant(file));
    QCOMPARE(r.status, Status::Ok);
    const BookingEvent &e = *r.event;
    QVERIFY(!e.createdUtc.isValid());
    QVERIFY(!e.rescheduled);
    QVERIFY(e.noShowUri.isEmpty());
    QVERIFY(e.canceledBy.isEmpty());
    const Appointment &a = e.invitee;
    QCOMPARE(a.inviteeUri, INVITEE_URI);
    QCOMPARE(a.startUtc, utc(2026, 12, 1, 9, 0));
    QCOMPARE(a.endUtc, a.startUtc);
    QCOMPARE(a.status, Appointment::Status::Active);
    // Wrong types read as missing, even a phone number sent as a JSON number: Calendly sends text.
    for (const QString &field :
         {a.eventUri, a.eventTypeUri, a.eventName, a.inviteeName, a.email, a.phoneRaw, a.phoneE164,
          a.phoneSource, a.timezone, a.location, a.cancelUrl, a.rescheduleUrl, a.hostName, a.hostEmail,
          a.oldInviteeUri, a.newInviteeUri, a.cancelReason}) {
        QVERIFY2(field.isEmpty(), qPrintable(field));
    }
    QVERIFY(!a.updatedUtc.isValid());
}

void TestCalendlyParser::readsStartTimes_data()
{
    QTest::addColumn<QString>("startTime");
    QTest::addColumn<QDateTime>("expected"); // invalid: rejected

    QTest::newRow("Calendly microseconds")
        << u"2019-08-24T14:15:22.123456Z"_s << utc(2019, 8, 24, 14, 15, 22, 123);
    QTest::newRow("microseconds round down")
        << u"2019-08-24T14:15:22.999999Z"_s << utc(2019, 8, 24, 14, 15, 22, 999);
    QTest::newRow("no fraction") << u"2019-08-24T14:15:22Z"_s << utc(2019, 8, 24, 14, 15, 22);
    QTest::newRow("tenths") << u"2019-08-24T14:15:22.1Z"_s << utc(2019, 8, 24, 14, 15, 22, 100);
    QTest::newRow("nanoseconds") << u"2019-08-24T14:15:22.123456789Z"_s << utc(2019, 8, 24, 14, 15, 22, 123);
    QTest::newRow("Bangkok offset") << u"2019-08-24T21:15:22.123456+07:00"_s
                                    << utc(2019, 8, 24, 14, 15, 22, 123);
    QTest::newRow("negative offset") << u"2019-08-24T09:15:22-05:00"_s << utc(2019, 8, 24, 14, 15, 22);
    QTest::newRow("offset crosses midnight") << u"2026-12-01T02:00:00+07:00"_s << utc(2026, 11, 30, 19, 0);
    QTest::newRow("half-hour offset, no colon")
        << u"2019-08-24T19:45:22+0530"_s << utc(2019, 8, 24, 14, 15, 22);
    QTest::newRow("lower-case z") << u"2019-08-24t14:15:22z"_s << utc(2019, 8, 24, 14, 15, 22);
    QTest::newRow("space separator") << u"2019-08-24 14:15:22Z"_s << utc(2019, 8, 24, 14, 15, 22);
    QTest::newRow("surrounding spaces") << u"  2019-08-24T14:15:22Z "_s << utc(2019, 8, 24, 14, 15, 22);
    QTest::newRow("leap day") << u"2028-02-29T00:00:00Z"_s << utc(2028, 2, 29, 0, 0);

    QTest::newRow("no zone") << u"2019-08-24T14:15:22.123456"_s << QDateTime();
    QTest::newRow("retired v1 format") << u"2018-03-14 12:00:00 -0700"_s << QDateTime();
    QTest::newRow("date only") << u"2019-08-24"_s << QDateTime();
    QTest::newRow("February 30") << u"2019-02-30T14:15:22Z"_s << QDateTime();
    QTest::newRow("hour 25") << u"2019-08-24T25:15:22Z"_s << QDateTime();
    QTest::newRow("dot without digits") << u"2019-08-24T14:15:22.Z"_s << QDateTime();
    QTest::newRow("ten fraction digits") << u"2019-08-24T14:15:22.1234567890Z"_s << QDateTime();
    QTest::newRow("offset too large") << u"2019-08-24T14:15:22+25:00"_s << QDateTime();
    QTest::newRow("trailing junk") << u"2019-08-24T14:15:22Zjunk"_s << QDateTime();
    QTest::newRow("Arabic-Indic digits") << u"٢٠١٩-08-24T14:15:22Z"_s << QDateTime();
    QTest::newRow("unix seconds as text") << u"1566656122"_s << QDateTime();
    QTest::newRow("very long") << (u"2019-08-24T14:15:22."_s + QString(5000, u'1') + u'Z') << QDateTime();
}

void TestCalendlyParser::readsStartTimes()
{
    QFETCH(QString, startTime);
    QFETCH(QDateTime, expected);

    const Result r = CalendlyPayloadParser().parseWebhookBody(
        bangkokWith(u"scheduled_event"_s, u"start_time"_s, startTime));
    if (!expected.isValid()) {
        QCOMPARE(r.status, Status::Rejected);
        QVERIFY2(r.reason.startsWith(u"invitee.created with unreadable scheduled_event.start_time"_s),
                 qPrintable(r.reason));
        QVERIFY(r.reason.size() < 200);
        return;
    }
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.event->invitee.startUtc, expected);
    QCOMPARE(r.event->invitee.startUtc.timeSpec(), Qt::UTC);
}

void TestCalendlyParser::endDefaultsToStart()
{
    const CalendlyPayloadParser parser;
    const Result missing = parser.parseWebhookBody(variant(u"created_start_time_offset.json"_s));
    QCOMPARE(missing.status, Status::Ok);
    QCOMPARE(missing.event->invitee.startUtc, utc(2026, 12, 1, 9, 0, 0, 500));
    QCOMPARE(missing.event->invitee.endUtc, missing.event->invitee.startUtc);

    const Result beforeStart =
        parser.parseWebhookBody(bangkokWith(u"scheduled_event"_s, u"end_time"_s, u"2026-12-01T08:00:00Z"_s));
    QCOMPARE(beforeStart.event->invitee.endUtc, utc(2026, 12, 1, 9, 0));

    // A cancellation needs no times at all.
    QJsonObject payload = jsonObject(variant(u"reschedule_canceled_old.json"_s)).value(u"payload").toObject();
    payload.remove(u"scheduled_event"_s);
    const Result canceled = parser.parseWebhookBody(envelope(u"invitee.canceled"_s, payload));
    QCOMPARE(canceled.status, Status::Ok);
    QVERIFY(!canceled.event->invitee.startUtc.isValid());
    QVERIFY(!canceled.event->invitee.endUtc.isValid());
}

void TestCalendlyParser::picksPhoneSource_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("source");

    QTest::newRow("text_reminder_number first")
        << variant(u"created_current_bangkok.json"_s) << u"TH"_s << u"+1 650-253-0000"_s << u"+16502530000"_s
        << u"text_reminder_number"_s;
    QTest::newRow("form answer in national format, region TH")
        << variant(u"created_phone_from_questions.json"_s) << u"TH"_s << u"081 234 5678"_s
        << u"+66812345678"_s << u"questions_and_answers"_s;
    QTest::newRow("form answer without region falls through to the next valid answer")
        << variant(u"created_phone_from_questions.json"_s) << u""_s << u"+66 2 123 4567"_s << u"+6621234567"_s
        << u"questions_and_answers"_s;
    QTest::newRow("outbound call location")
        << variant(u"created_outbound_call.json"_s) << u"TH"_s << u"+44 7911 123456"_s << u"+447911123456"_s
        << u"outbound_call"_s;
    QTest::newRow("invalid SMS number, valid form answer")
        << variant(u"created_phone_fallback_valid.json"_s) << u"TH"_s << u"+91 98765 43210"_s
        << u"+919876543210"_s << u"questions_and_answers"_s;
    QTest::newRow("blank SMS number counts as none")
        << bangkokWith(u"payload"_s, u"text_reminder_number"_s, u"   "_s) << u"TH"_s << u""_s << u""_s
        << u""_s;
    QTest::newRow("no phone anywhere")
        << bangkokWith(u"payload"_s, u"text_reminder_number"_s, QJsonValue::Null) << u"TH"_s << u""_s << u""_s
        << u""_s;
}

void TestCalendlyParser::picksPhoneSource()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, region);
    QFETCH(QString, raw);
    QFETCH(QString, e164);
    QFETCH(QString, source);

    const Result r = CalendlyPayloadParser(region).parseWebhookBody(body);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.event->invitee.phoneRaw, raw);
    QCOMPARE(r.event->invitee.phoneE164, e164);
    QCOMPARE(r.event->invitee.phoneSource, source);
}

void TestCalendlyParser::keepsInvalidPhoneRaw()
{
    const Result r =
        CalendlyPayloadParser(u"TH"_s).parseWebhookBody(variant(u"created_invalid_phone.json"_s));
    // An unusable number is the planner's business ("invalid phone"), not a reason to drop the booking.
    QCOMPARE(r.status, Status::Ok);
    const Appointment &a = r.event->invitee;
    QCOMPARE(a.phoneRaw, u"+66 12"_s);
    QVERIFY(a.phoneE164.isEmpty());
    QVERIFY(!a.hasValidPhone());
    QCOMPARE(a.phoneSource, u"text_reminder_number"_s);
    QCOMPARE(a.recipient(), u"+66 12"_s);
}

void TestCalendlyParser::matchesPhoneQuestions_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<bool>("matches");

    const std::pair<const char16_t *, bool> rows[] = {
        {u"Phone Number", true},
        {u"Your mobile", true},
        {u"Cell", true},
        {u"WhatsApp", true},
        {u"Tel.", true},
        {u"No. HP / WA", true},
        {u"Telp", true},
        {u"SMS reminders to", true},
        {u"Smartphone", true},
        {u"Téléphone", true},
        {u"Teléfono", true},
        {u"Telefonnummer", true},
        {u"Número de celular", true},
        {u"เบอร์โทรศัพท์", true},
        {u"เบอร์มือถือ", true},
        {u"电话号码", true},
        {u"手机号", true},
        {u"電話番号", true},
        {u"携帯番号", true},
        {u"전화번호", true},
        {u"رقم الهاتف", true},
        {u"رقم الجوال", true},
        {u"Số điện thoại", true},
        {u"फ़ोन नंबर", true},
        {u"Номер телефона", true},
        {u"Hotel name", false},
        {u"Tell us about your project", false},
        {u"Cellar door code", false},
        {u"Company", false},
        {u"Email", false},
        {u"", false},
    };
    for (const auto &[question, matches] : rows) {
        const QString text = QString::fromUtf16(question);
        QTest::newRow(text.isEmpty() ? "(empty)" : qPrintable(text)) << text << matches;
    }
}

void TestCalendlyParser::matchesPhoneQuestions()
{
    QFETCH(QString, question);
    QFETCH(bool, matches);

    QJsonObject invitee{
        {u"uri"_s, INVITEE_URI},
        {u"questions_and_answers"_s,
         QJsonArray{QJsonObject{
             {u"question"_s, question}, {u"answer"_s, u"+66 81 234 5678"_s}, {u"position"_s, 0}}}}};
    const Result r = CalendlyPayloadParser().parseInvitee(BookingEvent::Type::InviteeCanceled, invitee);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.event->invitee.phoneE164, matches ? u"+66812345678"_s : QString());
    QCOMPARE(r.event->invitee.phoneSource, matches ? u"questions_and_answers"_s : QString());
}

void TestCalendlyParser::mapsLocations_data()
{
    QTest::addColumn<QJsonValue>("location");
    QTest::addColumn<QString>("expected");

    const auto loc = [](std::initializer_list<std::pair<QString, QJsonValue>> fields) {
        QJsonObject o;
        for (const auto &[k, v] : fields) {
            o.insert(k, v);
        }
        return QJsonValue(o);
    };
    QTest::newRow("physical") << loc({{u"type"_s, u"physical"_s}, {u"location"_s, u"12 Sukhumvit Soi 11"_s}})
                              << u"12 Sukhumvit Soi 11"_s;
    QTest::newRow("physical without address") << loc({{u"type"_s, u"physical"_s}}) << u""_s;
    QTest::newRow("custom") << loc({{u"type"_s, u"custom"_s}, {u"location"_s, u"Lobby, 3rd floor"_s}})
                            << u"Lobby, 3rd floor"_s;
    QTest::newRow("outbound call") << loc({{u"type"_s, u"outbound_call"_s},
                                           {u"location"_s, u"+44 7911 123456"_s}})
                                   << u"+44 7911 123456"_s;
    QTest::newRow("inbound call") << loc({{u"type"_s, u"inbound_call"_s},
                                          {u"location"_s, u"+1 650-253-0000"_s}})
                                  << u"+1 650-253-0000"_s;
    QTest::newRow("ask invitee") << loc({{u"type"_s, u"ask_invitee"_s}, {u"location"_s, u"Starbucks Siam"_s}})
                                 << u"Starbucks Siam"_s;
    QTest::newRow("zoom with link") << loc({{u"type"_s, u"zoom"_s},
                                            {u"join_url"_s, u"https://zoom.us/j/1"_s}})
                                    << u"https://zoom.us/j/1"_s;
    QTest::newRow("zoom before the link exists")
        << loc({{u"type"_s, u"zoom"_s}, {u"status"_s, u"initiated"_s}}) << u"zoom"_s;
    QTest::newRow("teams with link") << loc({{u"type"_s, u"microsoft_teams_conference"_s},
                                             {u"join_url"_s,
                                              u"https://teams.microsoft.com/l/meetup-join/1"_s}})
                                     << u"https://teams.microsoft.com/l/meetup-join/1"_s;
    QTest::newRow("google meet with a non-https link")
        << loc({{u"type"_s, u"google_conference"_s}, {u"join_url"_s, u"javascript:alert(1)"_s}})
        << u"google_conference"_s;
    QTest::newRow("unknown type with text")
        << loc({{u"type"_s, u"hologram"_s}, {u"location"_s, u"Room 7"_s}}) << u"Room 7"_s;
    QTest::newRow("plain string") << QJsonValue(u"Room 7"_s) << u"Room 7"_s;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << u""_s;
    QTest::newRow("array") << QJsonValue(QJsonArray{u"Room 7"_s}) << u""_s;
    QTest::newRow("type is a number") << loc({{u"type"_s, 5}, {u"location"_s, u"Room 7"_s}}) << u"Room 7"_s;
}

void TestCalendlyParser::mapsLocations()
{
    QFETCH(QJsonValue, location);
    QFETCH(QString, expected);

    const Result r =
        CalendlyPayloadParser().parseWebhookBody(bangkokWith(u"scheduled_event"_s, u"location"_s, location));
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.event->invitee.location, expected);
}

void TestCalendlyParser::mapsReschedulePair()
{
    const CalendlyPayloadParser parser(u"TH"_s);
    const Result old = parser.parseWebhookBody(variant(u"reschedule_canceled_old.json"_s));
    const Result fresh = parser.parseWebhookBody(variant(u"reschedule_created_new.json"_s));
    QCOMPARE(old.status, Status::Ok);
    QCOMPARE(fresh.status, Status::Ok);

    QCOMPARE(old.event->type, BookingEvent::Type::InviteeCanceled);
    QVERIFY(old.event->rescheduled);
    QCOMPARE(old.event->canceledBy, u"Nok Suwannarat"_s);
    QCOMPARE(old.event->cancelerType, u"invitee"_s);
    QCOMPARE(old.event->cancelReason, u"Need a later slot"_s);
    QCOMPARE(old.event->invitee.status, Appointment::Status::Rescheduled);
    QCOMPARE(old.event->invitee.inviteeUri, INVITEE_URI);
    QCOMPARE(old.event->invitee.newInviteeUri, NEW_INVITEE_URI);
    QCOMPARE(old.event->invitee.cancelReason, u"Need a later slot"_s);

    QCOMPARE(fresh.event->type, BookingEvent::Type::InviteeCreated);
    QVERIFY(!fresh.event->rescheduled);
    QCOMPARE(fresh.event->invitee.status, Appointment::Status::Active);
    QCOMPARE(fresh.event->invitee.inviteeUri, NEW_INVITEE_URI);
    QCOMPARE(fresh.event->invitee.oldInviteeUri, INVITEE_URI);
    QCOMPARE(fresh.event->invitee.startUtc, utc(2026, 12, 2, 13, 0));
    QVERIFY(old.event->dedupeKey() != fresh.event->dedupeKey());
}

void TestCalendlyParser::mapsStatusPerEvent_data()
{
    QTest::addColumn<BookingEvent::Type>("type");
    QTest::addColumn<QString>("inviteeStatus");
    QTest::addColumn<bool>("rescheduled");
    QTest::addColumn<Appointment::Status>("expected");

    using T = BookingEvent::Type;
    using S = Appointment::Status;
    QTest::newRow("created, active") << T::InviteeCreated << u"active"_s << false << S::Active;
    QTest::newRow("created, status missing") << T::InviteeCreated << u""_s << false << S::Active;
    QTest::newRow("created, already canceled (poll)")
        << T::InviteeCreated << u"canceled"_s << false << S::Canceled;
    QTest::newRow("created, already rescheduled (poll)")
        << T::InviteeCreated << u"canceled"_s << true << S::Rescheduled;
    QTest::newRow("canceled") << T::InviteeCanceled << u"canceled"_s << false << S::Canceled;
    QTest::newRow("canceled, status says active")
        << T::InviteeCanceled << u"active"_s << false << S::Canceled;
    QTest::newRow("canceled as half of a reschedule")
        << T::InviteeCanceled << u"canceled"_s << true << S::Rescheduled;
    QTest::newRow("no-show created") << T::NoShowCreated << u"active"_s << false << S::NoShow;
    QTest::newRow("no-show deleted") << T::NoShowDeleted << u"active"_s << false << S::Active;
    QTest::newRow("no-show created on canceled invitee")
        << T::NoShowCreated << u"canceled"_s << false << S::Canceled;
}

void TestCalendlyParser::mapsStatusPerEvent()
{
    QFETCH(BookingEvent::Type, type);
    QFETCH(QString, inviteeStatus);
    QFETCH(bool, rescheduled);
    QFETCH(Appointment::Status, expected);

    QJsonObject invitee = jsonObject(variant(u"created_current_bangkok.json"_s)).value(u"payload").toObject();
    invitee.insert(u"status"_s, inviteeStatus);
    invitee.insert(u"rescheduled"_s, rescheduled);
    const Result r = CalendlyPayloadParser().parseInvitee(type, invitee);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.event->type, type);
    QCOMPARE(r.event->invitee.status, expected);
    QCOMPARE(r.event->rescheduled, expected == Appointment::Status::Rescheduled);
}

void TestCalendlyParser::mapsNoShows()
{
    const CalendlyPayloadParser parser;
    const Result created = parser.parseWebhookBody(variant(u"no_show_created.json"_s));
    QCOMPARE(created.status, Status::Ok);
    QCOMPARE(created.event->type, BookingEvent::Type::NoShowCreated);
    QCOMPARE(created.event->noShowUri, u"https://api.calendly.com/invitee_no_shows/NOS0000000000001"_s);
    QCOMPARE(created.event->invitee.status, Appointment::Status::NoShow);

    const Result deleted = parser.parseWebhookBody(variant(u"no_show_deleted.json"_s));
    QCOMPARE(deleted.status, Status::Ok);
    QCOMPARE(deleted.event->type, BookingEvent::Type::NoShowDeleted);
    QVERIFY(deleted.event->noShowUri.isEmpty());
    QCOMPARE(deleted.event->invitee.status, Appointment::Status::Active);
}

void TestCalendlyParser::buildsDedupeKeys_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("key");

    QTest::newRow("created") << variant(u"created_current_bangkok.json"_s)
                             << u"invitee.created|"_s + INVITEE_URI;
    QTest::newRow("canceled") << variant(u"reschedule_canceled_old.json"_s)
                              << u"invitee.canceled|"_s + INVITEE_URI;
    QTest::newRow("no-show created") << variant(u"no_show_created.json"_s)
                                     << u"invitee_no_show.created|"_s + INVITEE_URI +
                                            u"|https://api.calendly.com/invitee_no_shows/NOS0000000000001"_s;
    QTest::newRow("no-show deleted without no_show")
        << variant(u"no_show_deleted.json"_s)
        << u"invitee_no_show.deleted|"_s + INVITEE_URI + u"|@2026-12-01T09:25:00.000Z"_s;
}

void TestCalendlyParser::buildsDedupeKeys()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, key);

    const Result r = CalendlyPayloadParser().parseWebhookBody(body);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.event->dedupeKey(), key);
    // Calendly retries a delivery with the same body: same key.
    QCOMPARE(CalendlyPayloadParser().parseWebhookBody(body).event->dedupeKey(), key);
}

void TestCalendlyParser::namesEventTypes()
{
    using T = BookingEvent::Type;
    const std::pair<T, QString> names[] = {
        {T::InviteeCreated, u"invitee.created"_s},
        {T::InviteeCanceled, u"invitee.canceled"_s},
        {T::NoShowCreated, u"invitee_no_show.created"_s},
        {T::NoShowDeleted, u"invitee_no_show.deleted"_s},
    };
    for (const auto &[type, name] : names) {
        QCOMPARE(keyOf(type), name);
        bool ok = false;
        QCOMPARE(bookingEventTypeFromString(name, &ok), type);
        QVERIFY(ok);
    }
    bool ok = true;
    bookingEventTypeFromString(u"routing_form_submission.created", &ok);
    QVERIFY(!ok);
}

void TestCalendlyParser::capsLongStrings()
{
    QJsonObject invitee = jsonObject(variant(u"created_current_bangkok.json"_s)).value(u"payload").toObject();
    invitee.insert(u"name"_s, QString(10000, u'N'));
    invitee.insert(u"cancel_url"_s, QString(u"https://calendly.com/cancellations/"_s + QString(5000, u'x')));
    // An emoji across the cut must not leave half a surrogate pair behind.
    invitee.insert(u"email"_s, QString(QString(499, u'e') + u"😀😀"_s));

    const Result r = CalendlyPayloadParser().parseInvitee(BookingEvent::Type::InviteeCreated, invitee);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.event->invitee.inviteeName, QString(500, u'N'));
    QVERIFY(r.event->invitee.cancelUrl.isEmpty());
    QCOMPARE(r.event->invitee.email, QString(499, u'e'));
}

void TestCalendlyParser::requiresHttpsInviteeUri_data()
{
    QTest::addColumn<QJsonValue>("uri");
    QTest::addColumn<QString>("reason");

    QTest::newRow("missing") << QJsonValue() << u"missing 'payload.uri'"_s;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << u"missing 'payload.uri'"_s;
    QTest::newRow("number") << QJsonValue(42) << u"missing 'payload.uri'"_s;
    QTest::newRow("blank") << QJsonValue(u"  "_s) << u"missing 'payload.uri'"_s;
    QTest::newRow("http") << QJsonValue(u"http://api.calendly.com/scheduled_events/A/invitees/B"_s)
                          << u"'payload.uri' is not an https URL"_s;
    QTest::newRow("not a URL") << QJsonValue(u"AAAAAAAAAAAAAAAA"_s) << u"'payload.uri' is not an https URL"_s;
    QTest::newRow("too long") << QJsonValue(u"https://api.calendly.com/"_s + QString(5000, u'a'))
                              << u"'payload.uri' is too long"_s;
}

void TestCalendlyParser::requiresHttpsInviteeUri()
{
    QFETCH(QJsonValue, uri);
    QFETCH(QString, reason);

    QJsonObject invitee = jsonObject(variant(u"created_current_bangkok.json"_s)).value(u"payload").toObject();
    if (uri.isUndefined()) {
        invitee.remove(u"uri"_s);
    } else {
        invitee.insert(u"uri"_s, uri);
    }
    for (const auto type : {BookingEvent::Type::InviteeCreated, BookingEvent::Type::InviteeCanceled,
                            BookingEvent::Type::NoShowCreated, BookingEvent::Type::NoShowDeleted}) {
        const Result r = CalendlyPayloadParser().parseWebhookBody(envelope(keyOf(type), invitee));
        QCOMPARE(r.status, Status::Rejected);
        QCOMPARE(r.reason, reason);
        QCOMPARE(r.eventName, keyOf(type));
    }
}

void TestCalendlyParser::scheduledEventArgumentWinsOverEmbedded()
{
    const QJsonObject invitee =
        jsonObject(test::readData(u"calendly/invitee_payload_current_docs_example.json"_s));
    const QJsonObject polledEvent{{u"uri"_s, u"https://api.calendly.com/scheduled_events/POLLED"_s},
                                  {u"name"_s, u"Polled Meeting"_s},
                                  {u"start_time"_s, u"2026-12-01T09:00:00.000000Z"_s}};
    const CalendlyPayloadParser parser;

    const Result withArgument = parser.parseInvitee(BookingEvent::Type::InviteeCreated, invitee, polledEvent);
    QCOMPARE(withArgument.status, Status::Ok);
    QCOMPARE(withArgument.event->invitee.eventName, u"Polled Meeting"_s);
    QCOMPARE(withArgument.event->invitee.startUtc, utc(2026, 12, 1, 9, 0));
    QVERIFY(withArgument.event->invitee.hostName.isEmpty());

    const Result embedded = parser.parseInvitee(BookingEvent::Type::InviteeCreated, invitee, {});
    QCOMPARE(embedded.event->invitee.eventName, u"15 Minute Meeting"_s);

    // Items of GET /scheduled_events/{uuid}/invitees carry no scheduled_event: the argument supplies it.
    const QJsonObject listed = jsonObject(test::readData(u"calendly/invitees_list.json"_s))
                                   .value(u"collection")
                                   .toArray()
                                   .first()
                                   .toObject();
    const Result polled = parser.parseInvitee(BookingEvent::Type::InviteeCreated, listed, polledEvent);
    QCOMPARE(polled.status, Status::Ok);
    QCOMPARE(polled.event->invitee.inviteeName, u"John Doe"_s);
    QCOMPARE(polled.event->invitee.startUtc, utc(2026, 12, 1, 9, 0));
    QCOMPARE(parser.parseInvitee(BookingEvent::Type::InviteeCreated, listed).reason, OLDER_SHAPE_REASON);
}

void TestCalendlyParser::survivesRandomMutations()
{
    const QByteArray valid = variant(u"created_current_bangkok.json"_s);
    const QJsonObject validObject = jsonObject(valid);
    const CalendlyPayloadParser parser(u"TH"_s);
    QRandomGenerator random(1234);
    int counts[3] = {0, 0, 0};

    for (int i = 0; i < 2000; ++i) {
        QByteArray body;
        switch (i % 4) {
        case 0: { // byte flips
            body = valid;
            const int flips = int(random.bounded(1, 8));
            for (int f = 0; f < flips; ++f) {
                body[random.bounded(int(body.size()))] = char(random.bounded(256));
            }
            break;
        }
        case 1: // truncation
            body = valid.left(random.bounded(int(valid.size())));
            break;
        case 2: { // a field somewhere replaced by another type, or removed
            QJsonValue value = validObject;
            const int edits = int(random.bounded(1, 4));
            for (int e = 0; e < edits; ++e) {
                value = mutated(value, random);
            }
            body = value.isObject()
                       ? QJsonDocument(value.toObject()).toJson()
                       : (value.isArray() ? QJsonDocument(value.toArray()).toJson() : QByteArray("0"));
            break;
        }
        default: { // both
            body = QJsonDocument(mutated(validObject, random).toObject()).toJson(QJsonDocument::Compact);
            body[random.bounded(int(body.size()))] = char(random.bounded(256));
            break;
        }
        }

        const Result r = parser.parseWebhookBody(body);
        ++counts[int(r.status)];
        switch (r.status) {
        case Status::Ok:
            QVERIFY(r.event);
            QVERIFY(!r.event->invitee.inviteeUri.isEmpty());
            QVERIFY(!r.event->dedupeKey().isEmpty());
            QVERIFY(r.event->invitee.inviteeName.size() <= 500);
            break;
        case Status::Ignored:
            QVERIFY(!r.event);
            QVERIFY(!r.eventName.isEmpty());
            break;
        case Status::Rejected:
            QVERIFY(!r.event);
            QVERIFY2(!r.reason.isEmpty(), body.left(200).constData());
            break;
        }
    }
    // The mutations must reach every outcome, or they test less than they seem to.
    qInfo("ok %d, ignored %d, rejected %d", counts[0], counts[1], counts[2]);
    QVERIFY(counts[int(Status::Ok)] > 100);
    QVERIFY(counts[int(Status::Rejected)] > 100);
}

QTEST_GUILESS_MAIN(TestCalendlyParser)
#include "tst_calendlyparser.moc"
