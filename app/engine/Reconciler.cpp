#include "engine/Reconciler.h"

#include "domain/Clock.h"
#include "engine/BookingProcessor.h"
#include "storage/StorageError.h"
#include "storage/Store.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>

namespace deskbell {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcReconciler, "deskbell.engine")

constexpr qint64 LOOKBACK_SECS = 3600; // a meeting that just started may still be canceled or moved

const QString CREATED = u"invitee.created"_s;
const QString CANCELED = u"invitee.canceled"_s;

} // namespace

Reconciler::Reconciler(CalendlyClient &client, BookingProcessor &processor, Store &store, const Clock &clock,
                       QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_processor(processor)
    , m_store(store)
    , m_clock(clock)
{}

namespace {
// engine_state key: the Calendly user whose existing bookings were taken in without confirmations.
const QString BASELINE_KEY = QStringLiteral("calendly_baseline_user");
} // namespace

void Reconciler::setAccount(const Account &account)
{
    m_account = account;
    // The baseline is once per account, not once per start: bookings made while the PC was off are
    // new bookings and get their confirmation.
    try {
        m_baselineDone = !account.user.isEmpty() && m_store.engineState(BASELINE_KEY) == account.user;
    } catch (const StorageError &e) {
        m_baselineDone = false;
        qCWarning(lcReconciler).noquote() << u"poll: cannot read the baseline mark: %1"_s.arg(e.message());
    }
    m_eventStamps.clear();
    m_fed.clear();
    m_queue.clear();
    m_running = false;
    ++m_generation;
}

bool Reconciler::runPass()
{
    if (m_running || m_account.user.isEmpty()) {
        return false;
    }
    m_running = true;
    m_pass = {};
    m_pass.baseline = !m_baselineDone;
    const QDateTime now = m_clock.nowUtc();
    const QPointer<Reconciler> self(this);
    const quint64 generation = m_generation;
    m_client.listScheduledEvents(
        m_account.user, m_account.organization, now.addSecs(-LOOKBACK_SECS), now.addDays(m_pollDays), {},
        [self, generation](const QList<QJsonObject> &events, const CalendlyError &error) {
            if (!self || self->m_generation != generation) {
                return;
            }
            if (!error.ok()) {
                self->finish(error);
                return;
            }
            self->m_pass.events = int(events.size());
            for (const QJsonObject &event : events) {
                const QString uri = event.value(u"uri"_s).toString();
                const auto seen = self->m_eventStamps.constFind(uri);
                if (seen == self->m_eventStamps.cend() || *seen != event.value(u"updated_at"_s).toString()) {
                    self->m_queue.append(event);
                }
            }
            self->nextEvent();
        });
    return true;
}

void Reconciler::nextEvent()
{
    if (m_queue.isEmpty()) {
        finish({});
        return;
    }
    const QJsonObject event = m_queue.takeFirst();
    const QPointer<Reconciler> self(this);
    const quint64 generation = m_generation;
    m_client.listInvitees(
        event.value(u"uri"_s).toString(),
        [self, generation, event](const QList<QJsonObject> &invitees, const CalendlyError &error) {
            if (!self || self->m_generation != generation) {
                return;
            }
            if (!error.ok()) {
                self->finish(error);
                return;
            }
            ++self->m_pass.eventsListed;
            const int failedBefore = self->m_pass.failed;
            for (const QJsonObject &invitee : invitees) {
                self->feed(event, invitee);
            }
            // An event with a failure is listed again next pass.
            if (self->m_pass.failed == failedBefore) {
                self->m_eventStamps.insert(event.value(u"uri"_s).toString(),
                                           event.value(u"updated_at"_s).toString());
            }
            self->nextEvent();
        });
}

void Reconciler::feed(const QJsonObject &event, const QJsonObject &invitee)
{
    const QString inviteeUri = invitee.value(u"uri"_s).toString();
    // A host canceling the whole event cancels every invitee in it.
    const bool canceled = invitee.value(u"status"_s).toString() == u"canceled"_s ||
                          event.value(u"status"_s).toString() == u"canceled"_s;
    const QString name = canceled ? CANCELED : CREATED;
    if (inviteeUri.isEmpty() || m_fed.value(inviteeUri) == name) {
        return;
    }

    try {
        // On the first pass, a booking canceled before Deskbell ever knew it is history, not news:
        // texting "canceled" to someone who canceled last week would only confuse.
        if (canceled && m_pass.baseline && !m_store.appointment(inviteeUri)) {
            m_fed.insert(inviteeUri, name);
            return;
        }

        QJsonObject payload = invitee;
        payload.insert(u"scheduled_event"_s, event);
        if (canceled) {
            payload.insert(u"status"_s, u"canceled"_s);
            if (!payload.value(u"cancellation"_s).isObject() && event.value(u"cancellation"_s).isObject()) {
                payload.insert(u"cancellation"_s, event.value(u"cancellation"_s));
            }
        }
        const QString createdAt =
            canceled ? invitee.value(u"updated_at"_s).toString() : invitee.value(u"created_at"_s).toString();
        const QJsonObject body{{u"event"_s, name}, {u"created_at"_s, createdAt}, {u"payload"_s, payload}};

        const qint64 id = m_processor.record(QJsonDocument(body).toJson(QJsonDocument::Compact), u"poll"_s);
        ++m_pass.recorded;
        const BookingProcessor::Result result = m_processor.process(id, m_pass.baseline);
        if (result.outcome == u"error"_s || result.outcome == u"pending"_s) {
            ++m_pass.failed;
            qCWarning(lcReconciler).noquote()
                << u"poll event #%1 not planned: %2"_s.arg(id).arg(result.detail);
            return;
        }
        if (result.outcome == u"applied"_s) {
            ++m_pass.applied;
        }
        m_fed.insert(inviteeUri, name);
    } catch (const StorageError &e) {
        ++m_pass.failed;
        qCWarning(lcReconciler).noquote() << u"poll: booking not stored: %1"_s.arg(e.message());
    }
}

void Reconciler::finish(const CalendlyError &error)
{
    m_queue.clear();
    m_running = false;
    m_pass.error = error;
    m_pass.ok = error.ok() && m_pass.failed == 0;
    if (m_pass.ok) {
        if (!m_baselineDone) {
            try {
                m_store.setEngineState(BASELINE_KEY, m_account.user);
            } catch (const StorageError &e) {
                qCWarning(lcReconciler).noquote()
                    << u"poll: cannot save the baseline mark: %1"_s.arg(e.message());
            }
        }
        m_baselineDone = true;
    }
    qCInfo(lcReconciler).noquote()
        << u"poll pass%1: %2 events, %3 listed, %4 recorded, %5 applied, %6 failed%7"_s
               .arg(m_pass.baseline ? u" (baseline)"_s : QString())
               .arg(m_pass.events)
               .arg(m_pass.eventsListed)
               .arg(m_pass.recorded)
               .arg(m_pass.applied)
               .arg(m_pass.failed)
               .arg(error.ok() ? QString() : u": "_s + keyOf(error.kind));
    // Last statement: a receiver may delete this reconciler.
    emit passFinished(m_pass);
}

} // namespace deskbell
