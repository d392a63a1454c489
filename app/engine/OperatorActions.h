#pragma once

#include "domain/Message.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace deskbell {

struct Appointment;
class Clock;
class Database;
class Dispatcher;
struct RuleSet;
class Store;

// What an operator does by hand from the console. Each action checks its input, changes the
// database in one transaction together with its audit_log entry (the operator's OS user name, the
// optional reason, and a JSON of what changed), then wakes the dispatcher. An action that cannot
// apply (the message was sent meanwhile, the number is not valid) changes nothing and says why in
// words the receptionist can act on. Runs on the engine's thread.
class OperatorActions
{
    Q_DECLARE_TR_FUNCTIONS(OperatorActions)

public:
    struct Actor
    {
        QString user;   // OS user name (qEnvironmentVariable USER / USERNAME); empty: osUserName()
        QString reason; // optional, free text
    };

    struct Result
    {
        bool ok = false;
        QString error;        // plain words when !ok
        qint64 messageId = 0; // the message created (resend, ad-hoc) or acted on
        int affected = 0;     // how many messages changed (phone correction, opt-out)
    };

    // dispatcher may be null (no provider yet): actions still apply, nothing is woken.
    OperatorActions(Database &db, Store &store, const Clock &clock, Dispatcher *dispatcher);

    // The dispatcher is created after the database opens and replaced when the SMS account changes;
    // null: none (pause and resume are then only recorded, for the next dispatcher to read).
    void setDispatcher(Dispatcher *dispatcher) { m_dispatcher = dispatcher; }
    // The planning rules, for the message language of a reminder's re-worded "advance"; null: English.
    void setRules(const RuleSet *rules) { m_rules = rules; }

    // A new message with the same template and parameters, queued now, generation one above the
    // highest of its (invitee, kind, offset), resend_of = the original. Allowed for accepted, failed,
    // unknown, canceled and skipped messages (not for pending or sending ones: use sendNow). A
    // message to the invitee goes to the booking's current number (it may have been corrected since);
    // a host notice to the number it had. A reminder's "advance" says the time really left. Refused
    // when the number is not valid or opted out, or when the booking's state no longer fits the kind
    // (a reminder of a canceled booking), as the dispatcher would withdraw it anyway.
    Result resend(qint64 messageId, const Actor &actor);
    // queued | retry_wait -> canceled, reason "canceled by <user>" (+ ": " their reason).
    Result cancel(qint64 messageId, const Actor &actor);
    // A pending message becomes due now (due = now, no retry time), ignoring its schedule.
    Result sendNow(qint64 messageId, const Actor &actor);
    // Validates `typed` with libphonenumber (defaultRegion for numbers without +); on success stores
    // it on the appointment (phone_source "operator") and moves its pending invitee messages (not the
    // host's) to the new number. Messages skipped for "invalid phone"/"no phone number" whose time has
    // not passed (notices: within the dispatcher's late window) are queued again for the new number.
    // A pending message whose key is taken by one to the new number is canceled instead.
    Result correctPhone(const QString &inviteeUri, const QString &typed, const QString &defaultRegion,
                        const Actor &actor);
    // Opting out skips the number's pending messages ("opted out"); opting back in changes no
    // message (what was skipped stays skipped; the operator can resend). e164 must be a valid
    // international number.
    Result setOptOut(const QString &e164, bool optedOut, const Actor &actor);
    // The global switch, persisted like the dispatcher persists it (a dispatcher started later reads
    // it), and audited.
    Result pauseSending(const Actor &actor);
    Result resumeSending(const Actor &actor);
    // A message written by the desk: kind adhoc, to the appointment's invitee phone, with this
    // template and these parameters, queued now.
    Result sendAdHoc(const QString &inviteeUri, const QString &templateId, const QJsonObject &params,
                     const Actor &actor);

    // The OS user name of this process, for Actor::user; "operator" when none can be found.
    static QString osUserName();

private:
    QString who(const Actor &actor) const;
    void audit(const Actor &actor, const QString &action, const QString &target, const QJsonObject &details);
    // Inserts m as queued, due now, one generation above the highest of its (invitee, kind, offset)
    // and at least firstGeneration; returns its id. Throws StorageError (naming it `what`) when the
    // generation is taken, which the action's transaction makes impossible short of a bug.
    qint64 queueNow(OutboxMessage &m, int firstGeneration, const QDateTime &now, const QString &what);
    // A reminder's "advance" value for the time left at `now` before the meeting (0 once it started),
    // in the message language of the booking's rules.
    QString advanceNow(const Appointment &appointment, const QDateTime &now) const;
    void wake();

    Database &m_db;
    Store &m_store;
    const Clock &m_clock;
    Dispatcher *m_dispatcher;
    const RuleSet *m_rules = nullptr;
};

} // namespace deskbell
