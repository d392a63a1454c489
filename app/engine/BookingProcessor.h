#pragma once

#include "calendly/CalendlyPayloadParser.h"
#include "domain/Rules.h"
#include "engine/Planner.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace deskbell {

class Clock;
class Database;
class Store;

// Turns received Calendly events into outbox rows. Receiving is split in two steps so the webhook
// listener can answer within milliseconds: record() stores the raw body and its dedupe key;
// process() plans and writes the messages, all in one transaction, exactly once per dedupe key.
class BookingProcessor
{
public:
    struct Result
    {
        qint64 eventId = 0;
        QString eventName;
        QString outcome; // applied | duplicate | stale | ignored | rejected | error
        QString detail;
        int queued = 0;
        int skipped = 0;
        int withdrawn = 0;
    };

    BookingProcessor(Database &db, Store &store, const Clock &clock, RuleSet rules);

    void setRules(const RuleSet &rules);
    const RuleSet &rules() const { return m_rules; }

    // Stores the raw event ("pending"). Throws StorageError when it cannot be stored: then the
    // sender must be told to retry, because nothing was kept.
    qint64 record(const QByteArray &body, const QString &source);
    // Plans a recorded event. Safe to call again: an event no longer pending returns its outcome.
    Result process(qint64 eventId, bool baseline = false);
    Result receive(const QByteArray &body, const QString &source);
    // Events left "pending" by a crash between record() and process(), oldest first.
    QList<Result> processPending();

private:
    Database &m_db;
    Store &m_store;
    const Clock &m_clock;
    RuleSet m_rules;
    CalendlyPayloadParser m_parser;
    Planner m_planner;
};

} // namespace deskbell

Q_DECLARE_METATYPE(deskbell::BookingProcessor::Result)
