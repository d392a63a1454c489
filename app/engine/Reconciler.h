#pragma once

#include "calendly/CalendlyClient.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace deskbell {

class BookingProcessor;
class Clock;
class Store;

// Finds bookings the webhook missed (Deskbell offline, hook disabled, no public URL) by polling
// Calendly. One pass lists scheduled events starting in [now - 1 h, now + pollDays], lists the
// invitees of each event that is new or changed (updated_at) since the last pass, and feeds each
// invitee through BookingProcessor as a webhook-shaped body with source "poll". The processor's
// dedupe key (event + invitee uri) makes a booking seen by both webhook and poll count once.
class Reconciler : public QObject
{
    Q_OBJECT

public:
    struct Account
    {
        QString user;         // user URI: always sent
        QString organization; // sent too when set (a user's events inside an organization)
    };

    struct PassResult
    {
        bool ok = false;
        bool baseline = false;
        CalendlyError error;  // when !ok
        int events = 0;       // scheduled events in the window
        int eventsListed = 0; // events whose invitees were fetched (new or changed)
        int recorded = 0;     // bodies handed to the processor
        int applied = 0;      // ... that changed the plan
        int failed = 0;       // ... that could not be stored or planned (retried next pass)
    };

    static constexpr int DEFAULT_POLL_DAYS = 14;

    Reconciler(CalendlyClient &client, BookingProcessor &processor, Store &store, const Clock &clock,
               QObject *parent = nullptr);

    // A new account (or reconnecting): forgets what was seen; the next successful pass is a baseline.
    void setAccount(const Account &account);
    void setPollDays(int days) { m_pollDays = days > 0 ? days : DEFAULT_POLL_DAYS; }
    bool isRunning() const { return m_running; }
    bool baselineDone() const { return m_baselineDone; }

    // Starts a pass; false when one is running already or no account is set. Ends with passFinished.
    bool runPass();

signals:
    void passFinished(const deskbell::Reconciler::PassResult &result);

private:
    void nextEvent();
    void feed(const QJsonObject &event, const QJsonObject &invitee);
    void finish(const CalendlyError &error);

    CalendlyClient &m_client;
    BookingProcessor &m_processor;
    Store &m_store;
    const Clock &m_clock;
    Account m_account;
    int m_pollDays = DEFAULT_POLL_DAYS;
    bool m_running = false;
    bool m_baselineDone = false;
    quint64 m_generation = 0; // a pass outliving setAccount() must not touch the new account's memory
    PassResult m_pass;
    QList<QJsonObject> m_queue;            // events of this pass still to list
    QHash<QString, QString> m_eventStamps; // event uri -> updated_at when last fully fed
    QHash<QString, QString> m_fed;         // invitee uri -> event name last fed
};

} // namespace deskbell

Q_DECLARE_METATYPE(deskbell::Reconciler::PassResult)
