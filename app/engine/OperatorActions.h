#pragma once

#include "domain/Message.h"

#include <QJsonObject>
#include <QString>

namespace deskbell {

class Clock;
class Database;
class Dispatcher;
class Store;

// What an operator does by hand from the console. Each action checks its input, changes the
// database in one transaction together with its audit_log entry (the operator's OS user name, the
// optional reason, and a JSON of what changed), then wakes the dispatcher. An action that cannot
// apply (the message was sent meanwhile, the number is not valid) changes nothing and says why in
// words the receptionist can act on. Runs on the engine's thread.
class OperatorActions
{
public:
    struct Actor
    {
        QString user;   // OS user name (qEnvironmentVariable USER / USERNAME), "operator" if unknown
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

    // A new message with the same recipient, template and parameters, queued now, generation one
    // above the highest of its key, resend_of = the original. Allowed for accepted, failed, unknown,
    // canceled and skipped messages (not for pending or sending ones: use sendNow).
    Result resend(qint64 messageId, const Actor &actor);
    // queued | retry_wait -> canceled, reason "canceled by <user>" (+ their reason).
    Result cancel(qint64 messageId, const Actor &actor);
    // A pending message becomes due now (due and next attempt = now), ignoring its schedule.
    Result sendNow(qint64 messageId, const Actor &actor);
    // Validates `typed` with libphonenumber (defaultRegion for numbers without +); on success stores
    // it on the appointment (phone_source "operator") and moves its pending invitee messages (not the
    // host's) to the new number. Messages skipped for "invalid phone"/"no phone number" whose time has
    // not passed are queued again for the new number.
    Result correctPhone(const QString &inviteeUri, const QString &typed, const QString &defaultRegion,
                        const Actor &actor);
    // Opting out skips the number's pending messages ("opted out"); opting back in changes no
    // message (what was skipped stays skipped; the operator can resend). e164 must be valid E.164.
    Result setOptOut(const QString &e164, bool optedOut, const Actor &actor);
    // The global switch; persisted by the dispatcher. Audited here.
    Result pauseSending(const Actor &actor);
    Result resumeSending(const Actor &actor);
    // A message written by the desk: kind adhoc, to the appointment's invitee phone, with this
    // template and these parameters, queued now.
    Result sendAdHoc(const QString &inviteeUri, const QString &templateId, const QJsonObject &params,
                     const Actor &actor);

    // The OS user name of this process, for Actor::user.
    static QString osUserName();

private:
    Database &m_db;
    Store &m_store;
    const Clock &m_clock;
    Dispatcher *m_dispatcher;
};

} // namespace deskbell
