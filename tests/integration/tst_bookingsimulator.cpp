// "Simulate a booking" end to end: the simulator's Calendly-shaped body, signed like Calendly signs,
// through a real WebhookListener (loopback, real SQLite file) into the booking processor, which must
// find the simulated invitee and phone as it would a real one.

#include "calendly/CalendlyPayloadParser.h"
#include "engine/BookingProcessor.h"
#include "server/BookingSimulator.h"
#include "server/WebhookListener.h"
#include "storage/Database.h"
#include "storage/Store.h"
#include "support/FakeClock.h"
#include "support/OutboxSummary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace deskbell;
using namespace Qt::StringLiterals;

namespace {

constexpr int WAIT_MS = 10000;
const QByteArray KEY = "simulator-signing-key";

QJsonObject payloadOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(u"payload"_s).toObject();
}

} // namespace

class TestBookingSimulator : public QObject
{
    Q_OBJECT

private:
    QString dbPath() const { return m_dir->filePath(u"deskbell.sqlite"_s); }

    test::FakeClock m_clock{QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WebhookListener> m_listener;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QList<qint64> m_recorded;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        WebhookListener::Config config;
        config.address = QHostAddress::LocalHost;
        config.port = 0;
        config.idleTimeoutMs = 300;
        config.calendlySigningKey = KEY;
        config.databasePath = dbPath();
        m_recorded.clear();
        m_listener = std::make_unique<WebhookListener>(config, m_clock);
        connect(m_listener.get(), &WebhookListener::eventRecorded, this,
                [this](qint64 id) { m_recorded.append(id); });
        QString error;
        QVERIFY2(m_listener->start(&error), qPrintable(error));
        m_listener->setReady(true);
        m_network = std::make_unique<QNetworkAccessManager>();
    }

    void cleanup()
    {
        m_network.reset();
        m_listener.reset();
        m_dir.reset();
    }

    void bodyHasCalendlysCurrentShape()
    {
        BookingSimulator::Booking booking;
        const QByteArray body = BookingSimulator::bookingBody(booking, m_clock.nowUtc());
        const QJsonObject envelope = QJsonDocument::fromJson(body).object();
        QCOMPARE(envelope.value(u"event"_s).toString(), u"invitee.created"_s);
        QVERIFY(envelope.value(u"created_by"_s).toString().startsWith(u"https://api.calendly.com/users/"_s));

        // v2: the payload is the invitee, the meeting is embedded in it.
        const QJsonObject invitee = envelope.value(u"payload"_s).toObject();
        static const QRegularExpression inviteeUri(
            u"^https://api\\.calendly\\.com/scheduled_events/([0-9a-f-]{36})/invitees/[0-9a-f-]{36}$"_s);
        const QRegularExpressionMatch match = inviteeUri.match(invitee.value(u"uri"_s).toString());
        QVERIFY2(match.hasMatch(), qPrintable(invitee.value(u"uri"_s).toString()));
        const QJsonObject event = invitee.value(u"scheduled_event"_s).toObject();
        QCOMPARE(event.value(u"uri"_s).toString(), invitee.value(u"event"_s).toString());
        QVERIFY(event.value(u"uri"_s).toString().endsWith(match.captured(1)));
        QCOMPARE(invitee.value(u"name"_s).toString(), booking.inviteeName);
        QCOMPARE(invitee.value(u"text_reminder_number"_s).toString(), booking.phone);
        QCOMPARE(invitee.value(u"timezone"_s).toString(), booking.timezone);
        QCOMPARE(invitee.value(u"status"_s).toString(), u"active"_s);
        QVERIFY(invitee.value(u"questions_and_answers"_s).isArray());
        QVERIFY(invitee.value(u"old_invitee"_s).isNull());
        QCOMPARE(event.value(u"name"_s).toString(), booking.eventName);
        QCOMPARE(event.value(u"start_time"_s).toString(), u"2026-11-02T12:00:00.000000Z"_s);
        QCOMPARE(event.value(u"end_time"_s).toString(), u"2026-11-02T12:30:00.000000Z"_s);
        QCOMPARE(event.value(u"event_memberships"_s).toArray().size(), 1);

        // Fresh URIs every time, or the second simulation would be a duplicate of the first.
        const QByteArray again = BookingSimulator::bookingBody(booking, m_clock.nowUtc());
        QVERIFY(payloadOf(again).value(u"uri"_s) != invitee.value(u"uri"_s));
        QVERIFY(payloadOf(again).value(u"event"_s) != invitee.value(u"event"_s));

        // And Deskbell's own parser takes it as a real booking.
        const auto parsed = CalendlyPayloadParser().parseWebhookBody(body);
        QCOMPARE(parsed.status, CalendlyPayloadParser::Result::Status::Ok);
        QCOMPARE(parsed.event->invitee.phoneE164, u"+66812345678"_s);
        QCOMPARE(parsed.event->invitee.phoneSource, u"text_reminder_number"_s);
    }

    void defaultStartIsTheNextFullHourThreeHoursAhead_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QDateTime>("start");
        const QDate day(2026, 11, 2);
        QTest::newRow("on the hour") << QDateTime(day, QTime(9, 0), Qt::UTC)
                                     << QDateTime(day, QTime(12, 0), Qt::UTC);
        QTest::newRow("a second past")
            << QDateTime(day, QTime(9, 0, 1), Qt::UTC) << QDateTime(day, QTime(13, 0), Qt::UTC);
        QTest::newRow("late evening")
            << QDateTime(day, QTime(22, 30), Qt::UTC) << QDateTime(day.addDays(1), QTime(2, 0), Qt::UTC);
    }

    void defaultStartIsTheNextFullHourThreeHoursAhead()
    {
        QFETCH(QDateTime, now);
        QFETCH(QDateTime, start);
        QCOMPARE(BookingSimulator::defaultStart(now), start);
        BookingSimulator::Booking booking;
        booking.startUtc = start.addDays(3); // a given start is kept
        const QJsonObject event =
            payloadOf(BookingSimulator::bookingBody(booking, now)).value(u"scheduled_event"_s).toObject();
        QCOMPARE(QDateTime::fromString(event.value(u"start_time"_s).toString(), Qt::ISODateWithMs),
                 start.addDays(3));
    }

    void simulatedBookingIsStoredWithInviteeAndPhone()
    {
        BookingSimulator simulator(*m_network);
        QSignalSpy posted(&simulator, &BookingSimulator::posted);
        BookingSimulator::Booking booking;
        booking.inviteeName = u"Nok Wongsawat"_s;
        booking.phone = u"+66 89 765 4321"_s;
        simulator.post(m_listener->baseUrl(), KEY, booking, m_clock.nowUtc());
        QCOMPARE(posted.size(), 0);
        QVERIFY(posted.wait(WAIT_MS));
        QCOMPARE(posted.first().at(0).toBool(), true);
        QCOMPARE(posted.first().at(2).toString(), QString());
        const QString inviteeUri = posted.first().at(1).toString();
        QVERIFY(inviteeUri.contains(u"/invitees/"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_recorded.size(), 1, WAIT_MS);

        // The engine's step after the listener: plan what was recorded.
        Database db(u"tst_bookingsimulator"_s);
        Database::Location location;
        location.path = dbPath();
        location.url = u"sqlite:"_s + location.path;
        db.open(location);
        Store store(db, m_clock);
        BookingProcessor processor(db, store, m_clock, test::everyKindRules());
        const BookingProcessor::Result result = processor.process(m_recorded.first());
        QCOMPARE(result.outcome, u"applied"_s);
        QVERIFY(result.queued > 0);

        const std::optional<Appointment> appointment = store.appointment(inviteeUri);
        QVERIFY(appointment.has_value());
        QCOMPARE(appointment->inviteeName, u"Nok Wongsawat"_s);
        QCOMPARE(appointment->phoneRaw, u"+66 89 765 4321"_s);
        QCOMPARE(appointment->phoneE164, u"+66897654321"_s);
        QCOMPARE(appointment->timezone, u"Asia/Bangkok"_s);
        QCOMPARE(appointment->startUtc, BookingSimulator::defaultStart(m_clock.nowUtc()));
    }

    void wrongKeyIsRefusedByTheListener()
    {
        BookingSimulator simulator(*m_network);
        QSignalSpy posted(&simulator, &BookingSimulator::posted);
        simulator.post(m_listener->baseUrl(), "not-the-listeners-key", {}, m_clock.nowUtc());
        QVERIFY(posted.wait(WAIT_MS));
        QCOMPARE(posted.first().at(0).toBool(), false);
        QVERIFY(!posted.first().at(1).toString().isEmpty()); // which booking it was
        const QString error = posted.first().at(2).toString();
        QVERIFY2(error.contains(u"refused the simulated booking's signature"_s), qPrintable(error));
        QVERIFY2(!error.contains(u"not-the-listeners-key"_s), qPrintable(error));
        QVERIFY(m_recorded.isEmpty());
    }

    void clockFarFromTheListenersIsRefused()
    {
        // A signature from 10 minutes ago is a replay to the listener.
        BookingSimulator simulator(*m_network);
        QSignalSpy posted(&simulator, &BookingSimulator::posted);
        simulator.post(m_listener->baseUrl(), KEY, {}, m_clock.nowUtc().addSecs(-600));
        QVERIFY(posted.wait(WAIT_MS));
        QCOMPARE(posted.first().at(0).toBool(), false);
        QVERIFY2(posted.first().at(2).toString().contains(u"refused the simulated booking's signature"_s),
                 qPrintable(posted.first().at(2).toString()));
    }

    void listenerDownIsReported()
    {
        const QUrl url = m_listener->baseUrl();
        m_listener->stop();
        BookingSimulator simulator(*m_network);
        QSignalSpy posted(&simulator, &BookingSimulator::posted);
        simulator.post(url, KEY, {}, m_clock.nowUtc());
        QCOMPARE(posted.size(), 0);
        QVERIFY(posted.wait(WAIT_MS));
        QCOMPARE(posted.first().at(0).toBool(), false);
        QVERIFY2(posted.first().at(2).toString().contains(u"could not be reached"_s),
                 qPrintable(posted.first().at(2).toString()));
    }
};

QTEST_GUILESS_MAIN(TestBookingSimulator)
#include "tst_bookingsimulator.moc"
