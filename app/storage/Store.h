#pragma once

#include "domain/Appointment.h"
#include "domain/Message.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace deskbell {

class Clock;
class Database;

// The typed door to the tables. Every method throws StorageError on failure; none opens its own
// transaction, so a caller can group several calls with a Transaction.
class Store
{
public:
    // clock stamps created/updated times.
    Store(Database &db, const Clock &clock);

    // ---- booking_events: every received Calendly event, raw, with its outcome
    struct BookingEventRecord
    {
        qint64 id = 0;
        QDateTime receivedUtc;
        QString source;    // webhook | poll | manual
        QString eventName; // invitee.created, ... (may be empty for garbage)
        QString dedupeKey; // empty when the body could not be parsed
        QByteArray body;
        QString outcome; // pending | applied | duplicate | ignored | rejected | error
        QString detail;
        qint64 duplicateOf = 0;
    };
    // Stores a received event with outcome "pending". Returns its id.
    qint64 insertBookingEvent(const BookingEventRecord &record);
    // The id of an earlier event with this dedupe key whose outcome is "applied", or 0.
    qint64 findAppliedBookingEvent(const QString &dedupeKey);
    void setBookingEventOutcome(qint64 id, const QString &outcome, const QString &detail,
                                qint64 duplicateOf = 0);
    std::optional<BookingEventRecord> bookingEvent(qint64 id);
    QList<BookingEventRecord>
    bookingEvents(const QString &outcome = {}); // all, or with that outcome; oldest first

    // ---- appointments: one row per invitee URI
    std::optional<Appointment> appointment(const QString &inviteeUri);
    void upsertAppointment(const Appointment &appointment); // insert or replace all fields by inviteeUri
    void setAppointmentStatus(const QString &inviteeUri, Appointment::Status status, const QString &reason);
    // Appointments whose start is in [fromUtc, toUtc), by start time.
    QList<Appointment> appointmentsStartingBetween(const QDateTime &fromUtc, const QDateTime &toUtc);

    // ---- outbox
    // Inserts a message; returns its id, or 0 when (inviteeUri, kind, offsetMin, recipient) already exists
    // (the database's unique key decides; nothing is changed then).
    qint64 insertMessage(const OutboxMessage &message);
    std::optional<OutboxMessage> message(qint64 id);
    QList<OutboxMessage> messagesForInvitee(const QString &inviteeUri); // by due time
    QList<OutboxMessage> messagesInState(MessageState state);
    // Moves a message to a terminal state (canceled / skipped) with a reason. Returns false (and
    // changes nothing) when the message is no longer pending (queued or retry_wait).
    bool cancelPendingMessage(qint64 id, MessageState newState, const QString &reason);

    // ---- sending (the dispatcher's side of the outbox)
    // Pending messages whose time has come: queued ones by due time, retry_wait ones by their next
    // attempt; earliest first.
    QList<OutboxMessage> dueMessages(const QDateTime &nowUtc, int limit);
    // The earliest time a pending message becomes due, or an invalid QDateTime when none is pending.
    QDateTime nextDueUtc();
    // queued | retry_wait -> sending, attempts + 1, claimed_by = instanceId (NULL when empty). False
    // when the message is no longer pending.
    bool markSending(qint64 id, const QString &instanceId = {});

    // ---- claiming: several dispatchers on one store (the design: Store.cpp, at lockDueMessages())
    // Inside a Transaction: the due messages, as dueMessages(), that no other transaction holds, locked
    // until this one ends (PostgreSQL: FOR UPDATE SKIP LOCKED, so two instances never get the same row
    // and never wait on each other; SQLite: the write transaction already excludes every other
    // writer). The caller checks each one and claims it (markSending(id, instanceId)) or withdraws it,
    // then commits: the claim is on disk before any request leaves.
    QList<OutboxMessage> lockDueMessages(const QDateTime &nowUtc, int limit);
    // lockDueMessages() and markSending() of each, with no send-time checks: the messages now claimed
    // for instanceId, as they are after the claim (state sending, attempts counted).
    QList<OutboxMessage> claimDueMessages(const QDateTime &nowUtc, int limit, const QString &instanceId);

    // ---- instances: the dispatchers working on this store, each with a lease on its claims
    struct InstanceRecord
    {
        QString instanceId;
        QString host; // for people reading the table
        qint64 pid = 0;
        QDateTime startedUtc;
        QDateTime heartbeatUtc;
    };
    // Registers an instance or renews its heartbeat (host, pid and heartbeat replaced; the start time
    // kept). Also brings back an instance another one had given up on.
    void upsertInstance(const InstanceRecord &instance);
    void removeInstance(const QString &instanceId);
    QList<InstanceRecord> instances(); // by id
    struct AbandonedSends
    {
        QString selfId;           // the caller, never dead to itself while it runs
        QDateTime staleBeforeUtc; // a heartbeat older than this: the instance is dead
        // The caller is starting (it has no send in flight): what its id claimed is from an earlier
        // run, and so are claims with no instance (claimed_by NULL: before schema 5, or markSending()
        // without an id).
        bool starting = false;
        // When set, the only other instances that may be alive (one process per SQLite file): every
        // other registration is dead, however fresh its heartbeat.
        std::optional<QStringList> onlyAlive;
    };
    // Sending messages of dead instances -> unknown ("maybe sent") with reason, and the dead
    // instances' registrations removed. Never back to queued: they may have reached the provider.
    // Returns the ids of the messages changed.
    QList<qint64> markAbandonedSendsUnknown(const QString &reason, const AbandonedSends &which);
    struct SendOutcome
    {
        MessageState state = MessageState::Accepted; // accepted | retry_wait | failed | unknown | queued
        QDateTime nextAttemptUtc;                    // retry_wait
        QString providerMessageId;
        QString providerPlanId;
        QString error;  // last_error
        QString reason; // skip_reason: why unknown, or why failed in plain words
        // The instance that sent it. Its answer also settles the message when another instance, taking
        // this one for dead (a heartbeat late past the lease), had already made it "unknown".
        QString instanceId;
    };
    // sending -> outcome.state. "queued" means the request never left (e.g. credentials refused):
    // the attempt is not counted. Throws when the message is not in "sending" (nor, with an
    // instanceId, "unknown" after a claim of that instance).
    void finishSending(qint64 id, const SendOutcome &outcome);
    // After a crash of the only instance: every message left in "sending" may or may not have reached
    // the provider. They become "unknown" and are never sent again without an operator. Returns how
    // many. With several instances on one store use markAbandonedSendsUnknown(), which spares the
    // live instances' sends.
    int markInterruptedSendsUnknown(const QString &reason);
    void setMessageParams(qint64 id, const QJsonObject &params);
    // Moves a pending message's due time (held for quiet hours), with the reason shown beside it.
    // False when it is no longer pending.
    bool holdMessage(qint64 id, const QDateTime &dueUtc, const QString &reason);
    // Records a delivery receipt on the message with that provider id (or, when empty, that outbox
    // id). Returns the outbox id, or 0 when no message matches.
    qint64 recordDelivery(qint64 messageId, const QString &providerMessageId, const QString &status,
                          const QString &code, const QDateTime &atUtc);

    // ---- engine_state: small persisted flags (the global pause)
    QString engineState(const QString &key);
    void setEngineState(const QString &key, const QString &value);

    // ---- message_log: every state change of every message, oldest first (tests; the console reads
    // it through ConsoleQueries)
    struct MessageLogEntry
    {
        qint64 id = 0;
        QDateTime atUtc;
        qint64 messageId = 0;
        QString inviteeUri;
        QString kind;
        QString state;
        QString detail;
    };
    QList<MessageLogEntry> messageLog(qint64 messageId = 0); // 0: all

    // ---- opt-outs, by E.164 number
    bool isOptedOut(const QString &e164);
    void addOptOut(const QString &e164, const QString &source, const QString &reason);
    void removeOptOut(const QString &e164);

    // ---- audit log of operator actions
    struct AuditEntry
    {
        qint64 id = 0;
        QDateTime atUtc;
        QString actor; // OS user name, or "deskbell" for the engine
        QString action;
        QString target;
        QString reason;
        QString details; // JSON text
    };
    qint64 appendAudit(const AuditEntry &entry);
    QList<AuditEntry> auditEntries();

    // ---- operator actions (and rules changes): the edits an operator makes to planned messages
    // The highest generation among the messages of (inviteeUri, kind, offsetMin), whatever their
    // recipient, or -1 when there is none: a resend or ad-hoc message takes the next one, so it can
    // never collide with the unique key, not even after the number was corrected.
    int maxGeneration(const QString &inviteeUri, MessageKind kind, int offsetMin);
    // The message with this unique key, if there is one.
    std::optional<OutboxMessage> findMessage(const QString &inviteeUri, MessageKind kind, int offsetMin,
                                             const QString &recipient, int generation);
    // Pending messages (queued, retry_wait) to this number, by due time.
    QList<OutboxMessage> pendingMessagesTo(const QString &recipient);
    // A pending message becomes queued for dueUtc, with no retry time and no hold note ("send now").
    // False (nothing changed) when it is no longer pending.
    bool setMessageDueNow(qint64 id, const QDateTime &dueUtc, const QString &detail);
    // What a pending message will send; unset fields stay. The caller keeps the unique key free (see
    // findMessage) before changing the recipient.
    struct PendingChange
    {
        std::optional<QDateTime> dueUtc;
        std::optional<QString> templateId;
        std::optional<QString> recipient;
        std::optional<QJsonObject> params;
    };
    // False (nothing changed) when the message is no longer pending. The change is logged with detail.
    bool updatePendingMessage(qint64 id, const PendingChange &change, const QString &detail);
    // skipped -> queued, to recipient (a corrected number), attempts 0. False when it is not skipped.
    bool requeueSkippedMessage(qint64 id, const QString &recipient, const QString &detail);
    // Stores an operator's correction of the invitee's phone. Throws when there is no such appointment.
    void setAppointmentPhone(const QString &inviteeUri, const QString &raw, const QString &e164,
                             const QString &source);

private:
    // Appends the message's current state to message_log (the live log): every method that changes
    // a message's state calls it in the same transaction as the change.
    void logMessageState(qint64 id, const QString &detail);

    Database &m_db;
    const Clock &m_clock;
};

} // namespace deskbell
