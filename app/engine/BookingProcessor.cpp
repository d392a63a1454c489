#include "engine/BookingProcessor.h"

#include "domain/Clock.h"
#include "domain/Phone.h"
#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/Store.h"

#include <QLoggingCategory>

namespace deskbell {

Q_LOGGING_CATEGORY(lcProcessor, "deskbell.engine")

using namespace Qt::StringLiterals;

namespace {

// The last path segment of a Calendly URI: enough to find the booking, nothing personal.
QString shortId(const QString &uri)
{
    return uri.mid(uri.lastIndexOf(u'/') + 1);
}

} // namespace

BookingProcessor::BookingProcessor(Database &db, Store &store, const Clock &clock, RuleSet rules)
    : m_db(db)
    , m_store(store)
    , m_clock(clock)
    , m_rules(std::move(rules))
    , m_parser(m_rules.defaults.defaultRegion)
    , m_planner(clock)
{}

void BookingProcessor::setRules(const RuleSet &rules)
{
    m_rules = rules;
    m_parser = CalendlyPayloadParser(m_rules.defaults.defaultRegion);
}

qint64 BookingProcessor::record(const QByteArray &body, const QString &source)
{
    const auto parsed = m_parser.parseWebhookBody(body);
    Store::BookingEventRecord record;
    record.receivedUtc = m_clock.nowUtc();
    record.source = source;
    record.eventName = parsed.eventName;
    record.dedupeKey = parsed.event ? parsed.event->dedupeKey() : QString();
    record.body = body;
    record.outcome = u"pending"_s;
    Transaction tx(m_db);
    const qint64 id = m_store.insertBookingEvent(record);
    tx.commit();
    return id;
}

BookingProcessor::Result BookingProcessor::receive(const QByteArray &body, const QString &source)
{
    return process(record(body, source));
}

BookingProcessor::Result BookingProcessor::process(qint64 eventId, bool baseline)
{
    Result result;
    result.eventId = eventId;
    try {
        const auto stored = m_store.bookingEvent(eventId);
        if (!stored) {
            result.outcome = u"error"_s;
            result.detail = u"no booking event #%1"_s.arg(eventId);
            return result;
        }
        result.eventName = stored->eventName;
        if (stored->outcome != u"pending"_s) {
            result.outcome = stored->outcome;
            result.detail = stored->detail;
            return result;
        }

        const auto parsed = m_parser.parseWebhookBody(stored->body);
        if (parsed.status != CalendlyPayloadParser::Result::Status::Ok) {
            const bool ignored = parsed.status == CalendlyPayloadParser::Result::Status::Ignored;
            result.outcome = ignored ? u"ignored"_s : u"rejected"_s;
            result.detail = parsed.reason;
            Transaction tx(m_db);
            m_store.setBookingEventOutcome(eventId, result.outcome, result.detail);
            tx.commit();
            qCInfo(lcProcessor).noquote() << u"event #%1 %2: %3 (%4)"_s.arg(eventId).arg(
                parsed.eventName.isEmpty() ? u"(unnamed)"_s : parsed.eventName, result.outcome,
                result.detail);
            return result;
        }

        const BookingEvent &event = *parsed.event;
        Transaction tx(m_db);
        if (const qint64 earlier = m_store.findAppliedBookingEvent(event.dedupeKey())) {
            result.outcome = u"duplicate"_s;
            result.detail = u"same as event #%1; nothing changed"_s.arg(earlier);
            m_store.setBookingEventOutcome(eventId, result.outcome, result.detail, earlier);
            tx.commit();
            qCInfo(lcProcessor).noquote() << u"event #%1 %2 %3: duplicate of #%4"_s.arg(eventId)
                                                 .arg(keyOf(event.type), shortId(event.invitee.inviteeUri))
                                                 .arg(earlier);
            return result;
        }

        Planner::Input input;
        input.event = event;
        input.baseline = baseline;
        input.known = m_store.appointment(event.invitee.inviteeUri);
        input.knownMessages = m_store.messagesForInvitee(event.invitee.inviteeUri);
        QString partnerUri;
        if (event.type == BookingEvent::Type::InviteeCreated) {
            partnerUri = event.invitee.oldInviteeUri;
        } else if (event.type == BookingEvent::Type::InviteeCanceled && event.rescheduled) {
            partnerUri = event.invitee.newInviteeUri;
        }
        if (!partnerUri.isEmpty() && partnerUri != event.invitee.inviteeUri) {
            input.partner = m_store.appointment(partnerUri);
            input.partnerMessages = m_store.messagesForInvitee(partnerUri);
        }
        input.isOptedOut = [this](const QString &e164) {
            return m_store.isOptedOut(e164);
        };

        const Planner::Plan plan = m_planner.plan(input, m_rules);
        for (const auto &appointment : plan.appointments) {
            m_store.upsertAppointment(appointment);
        }
        for (const auto &w : plan.withdrawals) {
            if (m_store.cancelPendingMessage(w.messageId, w.state, w.reason)) {
                ++result.withdrawn;
            }
        }
        int repeats = 0;
        for (const auto &message : plan.messages) {
            if (m_store.insertMessage(message) == 0) {
                ++repeats; // already planned by an earlier event: the unique key kept it single
            } else if (message.state == MessageState::Queued) {
                ++result.queued;
            } else {
                ++result.skipped;
            }
        }
        result.outcome = plan.outcome;
        result.detail = plan.detail;
        if (repeats > 0) {
            result.detail += u"; %1 already planned"_s.arg(repeats);
        }
        m_store.setBookingEventOutcome(eventId, result.outcome, result.detail);
        tx.commit();
        qCInfo(lcProcessor).noquote() << u"event #%1 %2 %3 (%4): %5 — %6"_s.arg(eventId).arg(
            keyOf(event.type), shortId(event.invitee.inviteeUri), phone::mask(event.invitee.recipient()),
            result.outcome, result.detail);
        return result;
    } catch (const StorageError &e) {
        result.outcome = u"error"_s;
        result.detail = e.message();
        qCWarning(lcProcessor).noquote()
            << u"event #%1 could not be processed: %2"_s.arg(eventId).arg(e.message());
        // The event stays "pending" so the next start (or a retry) processes it again.
        return result;
    }
}

QList<BookingProcessor::Result> BookingProcessor::processPending()
{
    QList<Result> results;
    for (const auto &record : m_store.bookingEvents(u"pending"_s)) {
        results.append(process(record.id));
    }
    return results;
}

} // namespace deskbell
