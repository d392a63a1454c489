#include "storage/Database.h"

#include "storage/SqlDialect.h"
#include "storage/StorageError.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <utility>

namespace deskbell {

Q_LOGGING_CATEGORY(lcStorage, "deskbell.storage")

using namespace Qt::StringLiterals;

namespace {

// The SQLite schema, one entry per version. Never edit a step that has shipped: databases in the
// field already ran it, so a change goes into a new step appended at the end. The value lists in
// the CHECK constraints are literal on purpose (not generated from Message.cpp): a step's text must
// not change when the code does. tst_store proves every MessageKind/MessageState fits.
QList<Database::MigrationStep> sqliteSteps()
{
    return {
        // 1: the first schema. Times are UTC epoch milliseconds. TEXT PRIMARY KEY columns say NOT NULL
        // because SQLite, unlike the SQL standard, would otherwise accept NULL keys.
        {
            u"CREATE TABLE appointments ("
            "    invitee_uri TEXT NOT NULL PRIMARY KEY,"
            "    event_uri TEXT,"
            "    event_type_uri TEXT,"
            "    event_name TEXT,"
            "    invitee_name TEXT,"
            "    email TEXT,"
            "    phone_raw TEXT,"
            "    phone_e164 TEXT,"
            "    phone_source TEXT,"
            "    timezone TEXT,"
            "    start_utc_ms INTEGER,"
            "    end_utc_ms INTEGER,"
            "    location TEXT,"
            "    cancel_url TEXT,"
            "    reschedule_url TEXT,"
            "    host_name TEXT,"
            "    host_email TEXT,"
            "    status TEXT NOT NULL,"
            "    old_invitee_uri TEXT,"
            "    new_invitee_uri TEXT,"
            "    cancel_reason TEXT,"
            "    calendly_updated_utc_ms INTEGER,"
            "    created_utc_ms INTEGER NOT NULL,"
            "    updated_utc_ms INTEGER NOT NULL"
            ")"_s,
            u"CREATE INDEX appointments_start ON appointments (start_utc_ms)"_s,

            // Every received event is kept, duplicates too, for the record; the partial unique index
            // lets only one of them per dedupe key be "applied", whatever the code above us does.
            u"CREATE TABLE booking_events ("
            "    id INTEGER PRIMARY KEY AUTOINCREMENT,"
            "    received_utc_ms INTEGER NOT NULL,"
            "    source TEXT NOT NULL,"
            "    event_name TEXT,"
            "    dedupe_key TEXT,"
            "    body BLOB,"
            "    outcome TEXT NOT NULL,"
            "    detail TEXT,"
            "    duplicate_of INTEGER REFERENCES booking_events (id)"
            ")"_s,
            u"CREATE UNIQUE INDEX booking_events_applied_key ON booking_events (dedupe_key)"
            " WHERE outcome = 'applied'"_s,
            u"CREATE INDEX booking_events_received ON booking_events (received_utc_ms)"_s,
            // Every start looks for "pending" events in a table that only grows.
            u"CREATE INDEX booking_events_outcome ON booking_events (outcome)"_s,

            // The unique key makes planning a message twice impossible. Provider ids are 19-digit
            // numbers: TEXT, so no layer can round them through a double.
            u"CREATE TABLE outbox ("
            "    id INTEGER PRIMARY KEY AUTOINCREMENT,"
            "    invitee_uri TEXT NOT NULL REFERENCES appointments (invitee_uri),"
            "    kind TEXT NOT NULL CHECK (kind IN ('confirm', 'cancel', 'reschedule', 'reminder',"
            "        'followup', 'host_notify', 'no_show')),"
            "    offset_min INTEGER NOT NULL DEFAULT 0,"
            "    recipient TEXT NOT NULL,"
            "    due_utc_ms INTEGER NOT NULL,"
            "    template_id TEXT,"
            "    params TEXT,"
            "    state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'accepted', 'retry_wait',"
            "        'failed', 'canceled', 'skipped', 'unknown')),"
            "    attempts INTEGER NOT NULL DEFAULT 0,"
            "    next_attempt_utc_ms INTEGER,"
            "    provider_message_id TEXT,"
            "    provider_plan_id TEXT,"
            "    last_error TEXT,"
            "    skip_reason TEXT,"
            "    created_utc_ms INTEGER NOT NULL,"
            "    updated_utc_ms INTEGER NOT NULL,"
            "    UNIQUE (invitee_uri, kind, offset_min, recipient)"
            ")"_s,
            u"CREATE INDEX outbox_state_due ON outbox (state, due_utc_ms)"_s,

            u"CREATE TABLE opt_outs ("
            "    phone_e164 TEXT NOT NULL PRIMARY KEY,"
            "    source TEXT,"
            "    reason TEXT,"
            "    created_utc_ms INTEGER NOT NULL"
            ")"_s,

            u"CREATE TABLE audit_log ("
            "    id INTEGER PRIMARY KEY AUTOINCREMENT,"
            "    at_utc_ms INTEGER NOT NULL,"
            "    actor TEXT NOT NULL,"
            "    action TEXT NOT NULL,"
            "    target TEXT,"
            "    reason TEXT,"
            "    details TEXT"
            ")"_s,

            u"CREATE TABLE engine_state ("
            "    key TEXT NOT NULL PRIMARY KEY,"
            "    value TEXT"
            ")"_s,
        },
        // 2: sending. What the provider reported after accepting (delivery receipts), when it
        // accepted, and a lookup by the provider's id for those receipts.
        {
            u"ALTER TABLE outbox ADD COLUMN accepted_utc_ms INTEGER"_s,
            u"ALTER TABLE outbox ADD COLUMN delivery_status TEXT"_s,
            u"ALTER TABLE outbox ADD COLUMN delivery_code TEXT"_s,
            u"ALTER TABLE outbox ADD COLUMN delivery_utc_ms INTEGER"_s,
            u"CREATE INDEX outbox_provider_message ON outbox (provider_message_id)"_s,
            u"CREATE INDEX outbox_state_next_attempt ON outbox (state, next_attempt_utc_ms)"_s,
        },
        // 3: the operator console. An operator may send a message again (a resend, linked to the
        // original by resend_of) or write one by hand (kind adhoc): `generation` tells them apart in
        // the unique key, 0 being what the planner made. SQLite cannot change a UNIQUE or CHECK
        // constraint in place, so the table is rebuilt; nothing references outbox, so this is safe
        // with foreign keys on. message_log keeps every state change for the live log.
        {
            u"CREATE TABLE outbox_v3 ("
            "    id INTEGER PRIMARY KEY AUTOINCREMENT,"
            "    invitee_uri TEXT NOT NULL REFERENCES appointments (invitee_uri),"
            "    kind TEXT NOT NULL CHECK (kind IN ('confirm', 'cancel', 'reschedule', 'reminder',"
            "        'followup', 'host_notify', 'no_show', 'adhoc')),"
            "    offset_min INTEGER NOT NULL DEFAULT 0,"
            "    recipient TEXT NOT NULL,"
            "    generation INTEGER NOT NULL DEFAULT 0,"
            "    resend_of INTEGER,"
            "    due_utc_ms INTEGER NOT NULL,"
            "    template_id TEXT,"
            "    params TEXT,"
            "    state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'accepted', 'retry_wait',"
            "        'failed', 'canceled', 'skipped', 'unknown')),"
            "    attempts INTEGER NOT NULL DEFAULT 0,"
            "    next_attempt_utc_ms INTEGER,"
            "    provider_message_id TEXT,"
            "    provider_plan_id TEXT,"
            "    last_error TEXT,"
            "    skip_reason TEXT,"
            "    created_utc_ms INTEGER NOT NULL,"
            "    updated_utc_ms INTEGER NOT NULL,"
            "    accepted_utc_ms INTEGER,"
            "    delivery_status TEXT,"
            "    delivery_code TEXT,"
            "    delivery_utc_ms INTEGER,"
            "    UNIQUE (invitee_uri, kind, offset_min, recipient, generation)"
            ")"_s,
            u"INSERT INTO outbox_v3 (id, invitee_uri, kind, offset_min, recipient, due_utc_ms,"
            " template_id, params, state, attempts, next_attempt_utc_ms, provider_message_id,"
            " provider_plan_id, last_error, skip_reason, created_utc_ms, updated_utc_ms,"
            " accepted_utc_ms, delivery_status, delivery_code, delivery_utc_ms)"
            " SELECT id, invitee_uri, kind, offset_min, recipient, due_utc_ms,"
            " template_id, params, state, attempts, next_attempt_utc_ms, provider_message_id,"
            " provider_plan_id, last_error, skip_reason, created_utc_ms, updated_utc_ms,"
            " accepted_utc_ms, delivery_status, delivery_code, delivery_utc_ms FROM outbox"_s,
            u"DROP TABLE outbox"_s,
            u"ALTER TABLE outbox_v3 RENAME TO outbox"_s,
            u"CREATE INDEX outbox_state_due ON outbox (state, due_utc_ms)"_s,
            u"CREATE INDEX outbox_provider_message ON outbox (provider_message_id)"_s,
            u"CREATE INDEX outbox_state_next_attempt ON outbox (state, next_attempt_utc_ms)"_s,
            u"CREATE INDEX outbox_due ON outbox (due_utc_ms)"_s,
            u"CREATE INDEX outbox_resend_of ON outbox (resend_of)"_s,

            u"CREATE TABLE message_log ("
            "    id INTEGER PRIMARY KEY AUTOINCREMENT,"
            "    at_utc_ms INTEGER NOT NULL,"
            "    message_id INTEGER NOT NULL,"
            "    invitee_uri TEXT NOT NULL,"
            "    kind TEXT NOT NULL,"
            "    state TEXT NOT NULL,"
            "    detail TEXT"
            ")"_s,
            u"CREATE INDEX message_log_at ON message_log (at_utc_ms)"_s,
            u"CREATE INDEX message_log_state ON message_log (state, at_utc_ms)"_s,
            u"CREATE INDEX message_log_message ON message_log (message_id)"_s,
            u"CREATE INDEX audit_log_at ON audit_log (at_utc_ms)"_s,
        },
        // 4: the console's reads (ConsoleQueries), each an index range instead of a table scan. The
        // dashboard counts messages by due day and state: (due, state) answers it from the index alone
        // and makes outbox_due redundant. The status line and the delivery rate count by the
        // provider's acceptance time, which pending, skipped and failed rows have not (hence partial).
        // The log lists booking events of one outcome newest first; (outcome, received) also serves
        // the start-up's look for "pending" events, so booking_events_outcome goes.
        {
            u"CREATE INDEX outbox_due_state ON outbox (due_utc_ms, state)"_s,
            u"DROP INDEX outbox_due"_s,
            u"CREATE INDEX outbox_accepted ON outbox (accepted_utc_ms, delivery_status)"
            " WHERE accepted_utc_ms IS NOT NULL"_s,
            u"CREATE INDEX booking_events_outcome_received ON booking_events (outcome, received_utc_ms)"_s,
            u"DROP INDEX booking_events_outcome"_s,
        },
        // 5: several instances on one store (desks and headless servers on one PostgreSQL database).
        // A dispatcher claims a message by setting it to "sending" with claimed_by = its instance id,
        // in the transaction that picked it (Store::claimDueMessages()). Each running dispatcher has a
        // row in `instances` and renews heartbeat_utc_ms well within its lease; a "sending" row whose
        // instance is gone or whose heartbeat is older than the lease belongs to a dead instance and
        // becomes "unknown" (maybe sent), never "queued" again (Store::markAbandonedSendsUnknown()).
        // host and pid are for people reading the table. The PostgreSQL step also adds change
        // notifications for the console; SQLite has no equivalent: its console shares the engine's
        // process (one process per file, guarded by the lock file) and SQLite has no LISTEN/NOTIFY.
        {
            u"ALTER TABLE outbox ADD COLUMN claimed_by TEXT"_s,
            u"CREATE TABLE instances ("
            "    instance_id TEXT NOT NULL PRIMARY KEY,"
            "    host TEXT,"
            "    pid INTEGER,"
            "    started_utc_ms INTEGER NOT NULL,"
            "    heartbeat_utc_ms INTEGER NOT NULL"
            ")"_s,
        },
    };
}

// The PostgreSQL schema: the same steps as sqliteSteps(), each making the same change, so a version
// number means the same tables on both backends. Never edit a shipped step here either. The
// differences are the dialect's: BIGINT for times and ids, identity columns for AUTOINCREMENT, BYTEA
// for BLOB, and ALTER TABLE where SQLite must rebuild a table. Every text column is COLLATE "C": text
// then compares and sorts byte by byte as in SQLite, whatever the server's locale, and columns of
// different tables can be compared without a collation conflict. Constraints are named, so a later
// step can drop them. Identity columns are BY DEFAULT, so a copy of an SQLite database can keep its
// ids (and must then move the sequence past them with setval()).
QList<Database::MigrationStep> postgresSteps()
{
    return {
        // 1: the first schema. Times are UTC epoch milliseconds.
        {
            u"CREATE TABLE appointments ("
            "    invitee_uri TEXT COLLATE \"C\" NOT NULL PRIMARY KEY,"
            "    event_uri TEXT COLLATE \"C\","
            "    event_type_uri TEXT COLLATE \"C\","
            "    event_name TEXT COLLATE \"C\","
            "    invitee_name TEXT COLLATE \"C\","
            "    email TEXT COLLATE \"C\","
            "    phone_raw TEXT COLLATE \"C\","
            "    phone_e164 TEXT COLLATE \"C\","
            "    phone_source TEXT COLLATE \"C\","
            "    timezone TEXT COLLATE \"C\","
            "    start_utc_ms BIGINT,"
            "    end_utc_ms BIGINT,"
            "    location TEXT COLLATE \"C\","
            "    cancel_url TEXT COLLATE \"C\","
            "    reschedule_url TEXT COLLATE \"C\","
            "    host_name TEXT COLLATE \"C\","
            "    host_email TEXT COLLATE \"C\","
            "    status TEXT COLLATE \"C\" NOT NULL,"
            "    old_invitee_uri TEXT COLLATE \"C\","
            "    new_invitee_uri TEXT COLLATE \"C\","
            "    cancel_reason TEXT COLLATE \"C\","
            "    calendly_updated_utc_ms BIGINT,"
            "    created_utc_ms BIGINT NOT NULL,"
            "    updated_utc_ms BIGINT NOT NULL"
            ")"_s,
            u"CREATE INDEX appointments_start ON appointments (start_utc_ms)"_s,

            u"CREATE TABLE booking_events ("
            "    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
            "    received_utc_ms BIGINT NOT NULL,"
            "    source TEXT COLLATE \"C\" NOT NULL,"
            "    event_name TEXT COLLATE \"C\","
            "    dedupe_key TEXT COLLATE \"C\","
            "    body BYTEA,"
            "    outcome TEXT COLLATE \"C\" NOT NULL,"
            "    detail TEXT COLLATE \"C\","
            "    duplicate_of BIGINT REFERENCES booking_events (id)"
            ")"_s,
            u"CREATE UNIQUE INDEX booking_events_applied_key ON booking_events (dedupe_key)"
            " WHERE outcome = 'applied'"_s,
            u"CREATE INDEX booking_events_received ON booking_events (received_utc_ms)"_s,
            u"CREATE INDEX booking_events_outcome ON booking_events (outcome)"_s,

            u"CREATE TABLE outbox ("
            "    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
            "    invitee_uri TEXT COLLATE \"C\" NOT NULL REFERENCES appointments (invitee_uri),"
            "    kind TEXT COLLATE \"C\" NOT NULL CONSTRAINT outbox_kind_check CHECK (kind IN ('confirm',"
            "        'cancel', 'reschedule', 'reminder', 'followup', 'host_notify', 'no_show')),"
            "    offset_min INTEGER NOT NULL DEFAULT 0,"
            "    recipient TEXT COLLATE \"C\" NOT NULL,"
            "    due_utc_ms BIGINT NOT NULL,"
            "    template_id TEXT COLLATE \"C\","
            "    params TEXT COLLATE \"C\","
            "    state TEXT COLLATE \"C\" NOT NULL CONSTRAINT outbox_state_check CHECK (state IN ('queued',"
            "        'sending', 'accepted', 'retry_wait', 'failed', 'canceled', 'skipped', 'unknown')),"
            "    attempts INTEGER NOT NULL DEFAULT 0,"
            "    next_attempt_utc_ms BIGINT,"
            "    provider_message_id TEXT COLLATE \"C\","
            "    provider_plan_id TEXT COLLATE \"C\","
            "    last_error TEXT COLLATE \"C\","
            "    skip_reason TEXT COLLATE \"C\","
            "    created_utc_ms BIGINT NOT NULL,"
            "    updated_utc_ms BIGINT NOT NULL,"
            "    CONSTRAINT outbox_key UNIQUE (invitee_uri, kind, offset_min, recipient)"
            ")"_s,
            u"CREATE INDEX outbox_state_due ON outbox (state, due_utc_ms)"_s,

            u"CREATE TABLE opt_outs ("
            "    phone_e164 TEXT COLLATE \"C\" NOT NULL PRIMARY KEY,"
            "    source TEXT COLLATE \"C\","
            "    reason TEXT COLLATE \"C\","
            "    created_utc_ms BIGINT NOT NULL"
            ")"_s,

            u"CREATE TABLE audit_log ("
            "    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
            "    at_utc_ms BIGINT NOT NULL,"
            "    actor TEXT COLLATE \"C\" NOT NULL,"
            "    action TEXT COLLATE \"C\" NOT NULL,"
            "    target TEXT COLLATE \"C\","
            "    reason TEXT COLLATE \"C\","
            "    details TEXT COLLATE \"C\""
            ")"_s,

            u"CREATE TABLE engine_state ("
            "    key TEXT COLLATE \"C\" NOT NULL PRIMARY KEY,"
            "    value TEXT COLLATE \"C\""
            ")"_s,
        },
        // 2: sending.
        {
            u"ALTER TABLE outbox ADD COLUMN accepted_utc_ms BIGINT"_s,
            u"ALTER TABLE outbox ADD COLUMN delivery_status TEXT COLLATE \"C\""_s,
            u"ALTER TABLE outbox ADD COLUMN delivery_code TEXT COLLATE \"C\""_s,
            u"ALTER TABLE outbox ADD COLUMN delivery_utc_ms BIGINT"_s,
            u"CREATE INDEX outbox_provider_message ON outbox (provider_message_id)"_s,
            u"CREATE INDEX outbox_state_next_attempt ON outbox (state, next_attempt_utc_ms)"_s,
        },
        // 3: the operator console: resends and ad-hoc messages (generation in the unique key, kind
        // adhoc) and message_log. PostgreSQL changes the constraints in place; the new columns come
        // last instead of after recipient, which nothing depends on.
        {
            u"ALTER TABLE outbox ADD COLUMN generation INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE outbox ADD COLUMN resend_of BIGINT"_s,
            u"ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check"_s,
            u"ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('confirm', 'cancel',"
            " 'reschedule', 'reminder', 'followup', 'host_notify', 'no_show', 'adhoc'))"_s,
            u"ALTER TABLE outbox DROP CONSTRAINT outbox_key"_s,
            u"ALTER TABLE outbox ADD CONSTRAINT outbox_key"
            " UNIQUE (invitee_uri, kind, offset_min, recipient, generation)"_s,
            u"CREATE INDEX outbox_due ON outbox (due_utc_ms)"_s,
            u"CREATE INDEX outbox_resend_of ON outbox (resend_of)"_s,

            u"CREATE TABLE message_log ("
            "    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
            "    at_utc_ms BIGINT NOT NULL,"
            "    message_id BIGINT NOT NULL,"
            "    invitee_uri TEXT COLLATE \"C\" NOT NULL,"
            "    kind TEXT COLLATE \"C\" NOT NULL,"
            "    state TEXT COLLATE \"C\" NOT NULL,"
            "    detail TEXT COLLATE \"C\""
            ")"_s,
            u"CREATE INDEX message_log_at ON message_log (at_utc_ms)"_s,
            u"CREATE INDEX message_log_state ON message_log (state, at_utc_ms)"_s,
            u"CREATE INDEX message_log_message ON message_log (message_id)"_s,
            u"CREATE INDEX audit_log_at ON audit_log (at_utc_ms)"_s,
        },
        // 4: the console's reads, as on SQLite.
        {
            u"CREATE INDEX outbox_due_state ON outbox (due_utc_ms, state)"_s,
            u"DROP INDEX outbox_due"_s,
            u"CREATE INDEX outbox_accepted ON outbox (accepted_utc_ms, delivery_status)"
            " WHERE accepted_utc_ms IS NOT NULL"_s,
            u"CREATE INDEX booking_events_outcome_received ON booking_events (outcome, received_utc_ms)"_s,
            u"DROP INDEX booking_events_outcome"_s,
        },
        // 5: several instances on one store, as on SQLite (claimed_by, instances), and change
        // notifications for the console: after every statement that changes a table the console shows,
        // pg_notify('deskbell_changed', <table name>). PostgreSQL delivers them at commit, once per
        // distinct payload per transaction, to every session LISTENing on the channel, so a console
        // refreshes when any instance changes something. The channel is per database: two Deskbell
        // schemas in one database wake each other's consoles, which then re-read and find nothing
        // new. EXECUTE PROCEDURE, not FUNCTION: the latter needs PostgreSQL 11, we support 10.
        {
            u"ALTER TABLE outbox ADD COLUMN claimed_by TEXT COLLATE \"C\""_s,
            u"CREATE TABLE instances ("
            "    instance_id TEXT COLLATE \"C\" NOT NULL PRIMARY KEY,"
            "    host TEXT COLLATE \"C\","
            "    pid BIGINT,"
            "    started_utc_ms BIGINT NOT NULL,"
            "    heartbeat_utc_ms BIGINT NOT NULL"
            ")"_s,
            u"CREATE FUNCTION deskbell_notify() RETURNS trigger LANGUAGE plpgsql AS $$"
            " BEGIN PERFORM pg_notify('deskbell_changed', TG_TABLE_NAME); RETURN NULL; END $$"_s,
            u"CREATE TRIGGER appointments_notify AFTER INSERT OR UPDATE OR DELETE ON appointments"
            " FOR EACH STATEMENT EXECUTE PROCEDURE deskbell_notify()"_s,
            u"CREATE TRIGGER outbox_notify AFTER INSERT OR UPDATE OR DELETE ON outbox"
            " FOR EACH STATEMENT EXECUTE PROCEDURE deskbell_notify()"_s,
            u"CREATE TRIGGER message_log_notify AFTER INSERT OR UPDATE OR DELETE ON message_log"
            " FOR EACH STATEMENT EXECUTE PROCEDURE deskbell_notify()"_s,
            u"CREATE TRIGGER audit_log_notify AFTER INSERT OR UPDATE OR DELETE ON audit_log"
            " FOR EACH STATEMENT EXECUTE PROCEDURE deskbell_notify()"_s,
            u"CREATE TRIGGER booking_events_notify AFTER INSERT OR UPDATE OR DELETE ON booking_events"
            " FOR EACH STATEMENT EXECUTE PROCEDURE deskbell_notify()"_s,
            u"CREATE TRIGGER engine_state_notify AFTER INSERT OR UPDATE OR DELETE ON engine_state"
            " FOR EACH STATEMENT EXECUTE PROCEDURE deskbell_notify()"_s,
            u"CREATE TRIGGER opt_outs_notify AFTER INSERT OR UPDATE OR DELETE ON opt_outs"
            " FOR EACH STATEMENT EXECUTE PROCEDURE deskbell_notify()"_s,
        },
    };
}

const QString SQLITE_DRIVER = u"QSQLITE"_s;
const QString POSTGRES_DRIVER = u"QPSQL"_s;
const QString META_TABLE = u"schema_meta"_s;
const QString PASSWORD_VARIABLE = u"DESKBELL_DB_PASSWORD"_s;
// ON CONFLICT and identity columns.
constexpr int MIN_POSTGRES_VERSION = 100000;

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// "postgresql://user:secret@host/db?password=x" -> "postgresql://user@host/db?password=***", so a
// url can go into a message or a log. When unsure where the userinfo ends it hides too much rather
// than too little.
QString withoutPassword(const QString &url)
{
    QString text = url;
    const qsizetype authority = text.indexOf(u"://"_s);
    if (authority >= 0) {
        const qsizetype at = text.lastIndexOf(u'@');
        const qsizetype colon = text.indexOf(u':', authority + 3);
        if (at > authority && colon >= 0 && colon < at) {
            text.remove(colon, at - colon);
        }
    }
    for (qsizetype i = text.indexOf(u"password="_s, 0, Qt::CaseInsensitive); i >= 0;
         i = text.indexOf(u"password="_s, i + 1, Qt::CaseInsensitive)) {
        const qsizetype start = i + 9;
        qsizetype end = start;
        while (end < text.size() && text[end] != u'&' && text[end] != u'#') {
            ++end;
        }
        text.replace(start, end - start, u"***"_s);
    }
    return text;
}

QString percentDecoded(const QString &text)
{
    return QUrl::fromPercentEncoding(text.toUtf8());
}

// The PostgreSQL part of Database::parseUrl(); text is trimmed and starts with a postgres scheme.
bool parsePostgresUrl(const QString &text, Database::Location *out, QString *why)
{
    using Location = Database::Location;
    const QString shown = withoutPassword(text);
    const QString usage = u"use postgresql://user@host:port/database"_s;
    const auto fail = [why](const QString &message) {
        *why = message;
        return false;
    };
    const qsizetype colon = text.indexOf(u':');
    if (text.mid(colon + 1, 2) != u"//"_s) {
        return fail(u"storage url \"%1\" is not a PostgreSQL url; %2"_s.arg(shown, usage));
    }
    Location location;
    location.driver = Location::Driver::Postgres;
    location.url = shown;

    QString rest = text.mid(colon + 3);
    QString query;
    if (const qsizetype mark = rest.indexOf(u'?'); mark >= 0) {
        query = rest.mid(mark + 1);
        rest.truncate(mark);
    }
    QString authority = rest;
    QString path;
    if (const qsizetype slash = rest.indexOf(u'/'); slash >= 0) {
        authority = rest.left(slash);
        path = rest.mid(slash + 1);
    }
    QString hostPort = authority;
    if (const qsizetype at = authority.lastIndexOf(u'@'); at >= 0) {
        const QString userInfo = authority.left(at);
        hostPort = authority.mid(at + 1);
        const qsizetype split = userInfo.indexOf(u':');
        location.user = percentDecoded(userInfo.left(split));
        if (split >= 0) {
            location.password = percentDecoded(userInfo.mid(split + 1));
        }
    }
    QString portText;
    if (hostPort.startsWith(u'[')) {
        const qsizetype close = hostPort.indexOf(u']');
        if (close < 0 || (close + 1 < hostPort.size() && hostPort[close + 1] != u':')) {
            return fail(
                u"storage url \"%1\" has an unreadable IPv6 address; write it as [::1]:5432"_s.arg(shown));
        }
        location.host = hostPort.mid(1, close - 1);
        portText = hostPort.mid(close + 2);
    } else {
        const qsizetype split = hostPort.lastIndexOf(u':');
        location.host = percentDecoded(split >= 0 ? hostPort.left(split) : hostPort);
        portText = split >= 0 ? hostPort.mid(split + 1) : QString();
    }
    if (path.contains(u'/')) {
        return fail(u"storage url \"%1\" has a \"/\" in its database name; %2"_s.arg(shown, usage));
    }
    location.database = percentDecoded(path);

    QString sslMode;
    QString timeoutText;
    QString schema;
    for (const QString &pair : query.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(u'=');
        const QString key = percentDecoded(pair.left(equals)).toLower();
        const QString value = equals >= 0 ? percentDecoded(pair.mid(equals + 1)) : QString();
        if (key == u"host"_s) {
            location.host = value;
        } else if (key == u"port"_s) {
            portText = value;
        } else if (key == u"user"_s) {
            location.user = value;
        } else if (key == u"password"_s) {
            location.password = value;
        } else if (key == u"dbname"_s) {
            location.database = value;
        } else if (key == u"sslmode"_s) {
            sslMode = value;
        } else if (key == u"connect_timeout"_s) {
            timeoutText = value;
        } else if (key == u"schema"_s) {
            schema = value;
        } else {
            return fail(u"storage url \"%1\" has an unknown parameter \"%2\"; known are host, port, user, "
                        "password, dbname, sslmode, connect_timeout and schema"_s.arg(shown, key));
        }
    }
    if (location.host.contains(u',')) {
        return fail(u"storage url \"%1\" names several servers; Deskbell connects to one"_s.arg(shown));
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!ok || port < 1 || port > 65535) {
            return fail(u"storage url \"%1\" has an invalid port \"%2\"; %3"_s.arg(shown, portText, usage));
        }
        location.port = port;
    }
    static const QStringList SSL_MODES{u"disable"_s, u"allow"_s,     u"prefer"_s,
                                       u"require"_s, u"verify-ca"_s, u"verify-full"_s};
    if (!sslMode.isEmpty() && !SSL_MODES.contains(sslMode)) {
        return fail(u"storage url \"%1\" has an unknown sslmode \"%2\"; use one of %3"_s.arg(
            shown, sslMode, SSL_MODES.join(u", "_s)));
    }
    location.sslMode = sslMode;
    if (!timeoutText.isEmpty()) {
        // No 0 ("wait forever", as libpq reads it): a server that never answers must not hang Deskbell.
        bool ok = false;
        const int secs = timeoutText.toInt(&ok);
        if (!ok || secs < 1 || secs > 3600) {
            return fail(
                u"storage url \"%1\" has an invalid connect_timeout \"%2\"; give seconds from 1 to 3600"_s
                    .arg(shown, timeoutText));
        }
        location.connectTimeoutSecs = secs;
    }
    // A plain name, so it can go into SQL quoted and never needs escaping.
    static const QRegularExpression PLAIN_NAME(u"^[A-Za-z_][A-Za-z0-9_]{0,62}$"_s);
    if (!schema.isEmpty() && !PLAIN_NAME.match(schema).hasMatch()) {
        return fail(u"storage url \"%1\" has an unusable schema \"%2\"; use letters, digits and \"_\""_s.arg(
            shown, schema));
    }
    location.schema = schema;
    if (location.database.isEmpty()) {
        return fail(u"storage url \"%1\" names no database; %2"_s.arg(shown, usage));
    }
    *out = location;
    return true;
}

// The first words of a statement, enough to find it in the step list.
QString statementHead(const QString &sql)
{
    const QString simple = sql.simplified();
    return simple.size() > 60 ? simple.left(57) + u"..."_s : simple;
}

void exec(QSqlDatabase &db, const QString &sql, const QString &context)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        throw StorageError(u"%1: %2"_s.arg(context, q.lastError().text()));
    }
}

QVariant pragma(QSqlDatabase &db, const QString &statement, const QString &path)
{
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA "_s + statement)) {
        throw StorageError(u"cannot use the database %1 (PRAGMA %2): %3"_s.arg(nativePath(path), statement,
                                                                               q.lastError().text()));
    }
    return q.next() ? q.value(0) : QVariant();
}

void configureSqlite(QSqlDatabase &db, const QString &path)
{
    // First, so the pragmas below already wait for a lock held by another process.
    pragma(db, u"busy_timeout = 5000"_s, path);
    // WAL lets the GUI read while the engine writes. The mode is persistent in the file; SQLite
    // answers with the mode it really uses (e.g. "delete" on file systems without shared memory).
    const QString mode = pragma(db, u"journal_mode = WAL"_s, path).toString();
    if (mode.compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
        throw StorageError(u"cannot use the database %1: SQLite refused WAL journal mode (it uses \"%2\"); "
                           "is it on a network or read-only file system?"_s.arg(nativePath(path), mode));
    }
    // Foreign keys are off by default in SQLite, per connection, and silently ignored inside a
    // transaction: set them here, before migrate() opens one.
    pragma(db, u"foreign_keys = ON"_s, path);
    if (pragma(db, u"foreign_keys"_s, path).toInt() != 1) {
        throw StorageError(
            u"cannot use the database %1: this SQLite does not enforce foreign keys"_s.arg(nativePath(path)));
    }
    // In WAL mode NORMAL cannot corrupt the file; a power cut may only lose the last commits, which the
    // Calendly poll brings back. FULL would fsync on every commit.
    pragma(db, u"synchronous = NORMAL"_s, path);
}

bool beginWrite(QSqlDatabase &db, const SqlDialect &dialect, QString *error)
{
    for (const QString &sql : dialect.beginWrite()) {
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

// The stored version, 0 for a database without schema_meta (new, or rolled back before its first
// step committed). *hasOtherTables tells a foreign database apart from an empty one.
int readVersion(QSqlDatabase &db, const SqlDialect &dialect, const QString &where,
                bool *hasOtherTables = nullptr)
{
    const QStringList tables = dialect.tables(db);
    if (hasOtherTables) {
        *hasOtherTables = !tables.isEmpty();
    }
    if (!tables.contains(META_TABLE)) {
        return 0;
    }
    QSqlQuery q(db);
    if (!q.exec(u"SELECT value FROM schema_meta WHERE key = 'version'"_s)) {
        throw StorageError(u"cannot read the schema version of %1: %2"_s.arg(where, q.lastError().text()));
    }
    if (!q.next()) {
        throw StorageError(u"%1 is damaged: schema_meta holds no version"_s.arg(where));
    }
    bool ok = false;
    const int version = q.value(0).toString().toInt(&ok);
    if (!ok || version < 0) {
        throw StorageError(
            u"%1 is damaged: schema version \"%2\" is not a number"_s.arg(where, q.value(0).toString()));
    }
    return version;
}

QString newerSchemaMessage(const QString &where, int version, int known)
{
    return u"%1 was written by a newer Deskbell (schema %2, this build knows %3); use that version "
           "or another database"_s.arg(where, QString::number(version), QString::number(known));
}

} // namespace

bool Database::parseUrl(const QString &url, const QString &defaultSqlitePath, Location *out, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error) {
            *error = why;
        }
        return false;
    };
    const QString text = url.trimmed();
    Location location;
    if (text.isEmpty()) {
        if (defaultSqlitePath.isEmpty()) {
            return fail(u"no storage url is set and there is no default database path"_s);
        }
        location.path = QDir::cleanPath(QDir::current().absoluteFilePath(defaultSqlitePath));
        location.url = u"sqlite:"_s + location.path;
        *out = location;
        return true;
    }

    const qsizetype colon = text.indexOf(u':');
    const QString scheme = colon > 0 ? text.left(colon).toLower() : QString();
    if (scheme == u"sqlite"_s) {
        QString path = text.mid(colon + 1);
        const QString usage = u"use sqlite:/absolute/path.db or sqlite:relative/path.db"_s;
        if (path.startsWith(u"//"_s)) {
            // "sqlite:///abs.db" is the usual URL spelling of an absolute path (empty host); a host
            // would mean a server, which SQLite has not.
            if (!path.startsWith(u"///"_s)) {
                return fail(u"storage url \"%1\" names a host; %2"_s.arg(withoutPassword(text), usage));
            }
            path = path.mid(2);
        }
        if (path.trimmed().isEmpty()) {
            return fail(u"storage url \"%1\" has no file path; %2"_s.arg(text, usage));
        }
        location.path = QDir::cleanPath(QDir::current().absoluteFilePath(path));
        location.url = text;
        *out = location;
        return true;
    }
    if (scheme == u"postgresql"_s || scheme == u"postgres"_s) {
        QString why;
        return parsePostgresUrl(text, out, &why) || fail(why);
    }
    return fail(u"unsupported storage url \"%1\": use sqlite:/path/to/file.db or "
                "postgresql://user@host:port/database, or leave it empty for the default database"_s.arg(
                    withoutPassword(text)));
}

QString Database::describe(const Location &location)
{
    if (location.driver == Location::Driver::Sqlite) {
        return nativePath(location.path);
    }
    if (!location.url.isEmpty()) {
        return withoutPassword(location.url);
    }
    // A url as parseUrl() reads it; a socket folder as a parameter, which reads better than "%2F".
    const QString user = location.user.isEmpty()
                             ? QString()
                             : QString::fromUtf8(QUrl::toPercentEncoding(location.user)) + u'@';
    const QString database = QString::fromUtf8(QUrl::toPercentEncoding(location.database));
    QStringList parameters;
    QString host = location.host.contains(u':') ? u'[' + location.host + u']' : location.host;
    QString port = u':' + QString::number(location.port);
    if (location.host.startsWith(u'/')) {
        parameters.append(u"host="_s + location.host);
        parameters.append(u"port="_s + QString::number(location.port));
        host.clear();
        port.clear();
    }
    if (!location.schema.isEmpty()) {
        parameters.append(u"schema="_s + location.schema);
    }
    return u"postgresql://%1%2%3/%4"_s.arg(user, host, port, database) +
           (parameters.isEmpty() ? QString() : u'?' + parameters.join(u'&'));
}

QString Database::passwordVariable()
{
    return PASSWORD_VARIABLE;
}

QList<Database::MigrationStep> Database::migrationSteps(Location::Driver driver)
{
    switch (driver) {
    case Location::Driver::Sqlite:
        return sqliteSteps();
    case Location::Driver::Postgres:
        return postgresSteps();
    }
    Q_UNREACHABLE();
}

int Database::schemaVersion()
{
    return int(sqliteSteps().size());
}

const SqlDialect &Database::dialect(Location::Driver driver)
{
    return driver == Location::Driver::Postgres ? SqlDialect::postgres() : SqlDialect::sqlite();
}

const SqlDialect &Database::dialect() const
{
    return dialect(m_location.driver);
}

Database::Database(QString connectionName)
    : m_connectionName(std::move(connectionName))
{}

Database::Database(QString connectionName, QList<MigrationStep> steps)
    : m_connectionName(std::move(connectionName))
    , m_steps(std::move(steps))
{}

Database::~Database()
{
    close();
}

QList<Database::MigrationStep> Database::steps() const
{
    return m_steps ? *m_steps : migrationSteps(m_location.driver);
}

void Database::open(const Location &location)
{
    close();
    if (location.driver == Location::Driver::Sqlite && location.path.isEmpty()) {
        throw StorageError(u"no database file given"_s);
    }
    if (location.driver == Location::Driver::Postgres && location.database.isEmpty()) {
        throw StorageError(u"no PostgreSQL database given"_s);
    }
    // Adding an existing name would silently drop that other connection from under its owner.
    if (QSqlDatabase::contains(m_connectionName)) {
        throw StorageError(u"the database connection name \"%1\" is already in use"_s.arg(m_connectionName));
    }
    m_location = location;
    // The password stays with the connection; this copy is only for messages and the dialect.
    m_location.password.clear();
    try {
        if (location.driver == Location::Driver::Sqlite) {
            openSqlite(location);
        } else {
            openPostgres(location);
        }
        migrate();
    } catch (const StorageError &) {
        close();
        throw;
    }
}

void Database::openSqlite(const Location &location)
{
    const QString path = location.path;
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        throw StorageError(
            u"cannot create the folder %1 for the database %2"_s.arg(nativePath(folder), nativePath(path)));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(SQLITE_DRIVER, m_connectionName);
    m_open = true;
    if (!db.isValid()) {
        throw StorageError(u"cannot open the database %1: the Qt SQLite driver (QSQLITE) is not "
                           "installed"_s.arg(nativePath(path)));
    }
    db.setDatabaseName(path);
    if (!db.open()) {
        throw StorageError(u"cannot open the database %1: %2"_s.arg(nativePath(path), db.lastError().text()));
    }
    configureSqlite(db, path);
}

QString Database::preparePostgres(QSqlDatabase &db, const Location &location, const QString &applicationName)
{
    // The url's password, else the one a caller put in location (the engine: the keychain), else the
    // environment's; none means peer or trust authentication, or a ~/.pgpass entry.
    const QString password =
        location.password.isEmpty() ? qEnvironmentVariable(qPrintable(PASSWORD_VARIABLE)) : location.password;
    db.setHostName(location.host);
    db.setPort(location.port);
    db.setUserName(location.user);
    db.setPassword(password);
    db.setDatabaseName(location.database);
    QStringList options{u"connect_timeout=%1"_s.arg(location.connectTimeoutSecs),
                        u"application_name="_s + applicationName};
    if (!location.sslMode.isEmpty()) {
        options.append(u"sslmode="_s + location.sslMode);
    }
    db.setConnectOptions(options.join(u';'));
    return password;
}

void Database::openPostgres(const Location &location)
{
    const QString where = describe(location);
    QSqlDatabase db = QSqlDatabase::addDatabase(POSTGRES_DRIVER, m_connectionName);
    m_open = true;
    if (!db.isValid()) {
        throw StorageError(u"cannot open the database %1: the Qt PostgreSQL driver (QPSQL) is not installed "
                           "(on Debian and Ubuntu: the package libqt6sql6-psql)"_s.arg(where));
    }
    const QString password = preparePostgres(db, location, u"deskbell"_s);
    const auto hidden = [&password](QString text) {
        // libpq does not repeat passwords in its messages; this makes sure of it.
        return password.isEmpty() ? text : text.replace(password, u"***"_s);
    };
    if (!db.open()) {
        throw StorageError(
            u"cannot connect to the database %1: %2"_s.arg(where, hidden(db.lastError().text())));
    }
    {
        QSqlQuery q(db);
        if (!q.exec(u"SHOW server_version_num"_s) || !q.next()) {
            throw StorageError(u"cannot use the database %1: %2"_s.arg(where, hidden(q.lastError().text())));
        }
        if (q.value(0).toInt() < MIN_POSTGRES_VERSION) {
            throw StorageError(
                u"cannot use the database %1: Deskbell needs PostgreSQL 10 or later"_s.arg(where));
        }
    }
    for (const QString &sql : SqlDialect::postgres().sessionSetup()) {
        exec(db, sql, u"cannot use the database %1"_s.arg(where));
    }
    if (!location.schema.isEmpty()) {
        // parseUrl() allowed a plain name only: quoting keeps its case.
        exec(db, u"SET search_path TO \"%1\""_s.arg(location.schema),
             u"cannot use the database %1"_s.arg(where));
        QSqlQuery q(db);
        if (!q.exec(u"SELECT current_schema()"_s) || !q.next() || q.value(0).toString() != location.schema) {
            throw StorageError(
                u"cannot use the database %1: it has no schema \"%2\"; create it first (CREATE "
                "SCHEMA %2)"_s.arg(where, location.schema));
        }
    }
}

void Database::close()
{
    if (!m_open) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    } // the last handle must be gone before removeDatabase, or Qt warns "connection still in use"
    QSqlDatabase::removeDatabase(m_connectionName);
    m_open = false;
    m_inTransaction = false;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::currentVersion() const
{
    if (!m_open) {
        throw StorageError(u"the database is not open"_s);
    }
    QSqlDatabase db = connection();
    return readVersion(db, dialect(), describe(m_location));
}

void Database::migrate()
{
    const QList<MigrationStep> all = steps();
    const int target = int(all.size());
    const QString where = describe(m_location);
    const SqlDialect &sql = dialect();
    QSqlDatabase db = connection();

    bool hasOtherTables = false;
    // A cheap look first, so opening an up-to-date database takes no write lock.
    int from = readVersion(db, sql, where, &hasOtherTables);
    if (from > target) {
        throw StorageError(newerSchemaMessage(where, from, target));
    }
    if (from == target) {
        return;
    }

    QString why;
    if (!beginWrite(db, sql, &why)) {
        throw StorageError(u"cannot migrate %1: %2"_s.arg(where, why));
    }
    try {
        for (const QString &statement : sql.migrationLock()) {
            exec(db, statement, u"cannot migrate %1"_s.arg(where));
        }
        // Again under the write lock: another process may have migrated meanwhile.
        from = readVersion(db, sql, where, &hasOtherTables);
        if (from > target) {
            throw StorageError(newerSchemaMessage(where, from, target));
        }
        if (from == 0 && hasOtherTables) {
            throw StorageError(
                u"%1 is not a Deskbell database (it has tables but no schema version)"_s.arg(where));
        }
        if (from < target) {
            qCInfo(lcStorage).noquote() << u"migrating %1 from schema %2 to %3"_s.arg(
                where, QString::number(from), QString::number(target));
            exec(db, u"CREATE TABLE IF NOT EXISTS schema_meta (key TEXT NOT NULL PRIMARY KEY, value TEXT)"_s,
                 u"cannot migrate %1"_s.arg(where));
            for (int version = from + 1; version <= target; ++version) {
                for (const QString &statement : all.at(version - 1)) {
                    exec(db, statement,
                         u"migrating %1 to schema %2 failed at \"%3\" (nothing was changed)"_s.arg(
                             where, QString::number(version), statementHead(statement)));
                }
            }
            // Bumped last, inside the same transaction: a version never claims a step that did not run.
            QSqlQuery q(db);
            q.prepare(u"INSERT INTO schema_meta (key, value) VALUES ('version', ?)"
                      " ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
            q.addBindValue(QString::number(target));
            if (!q.exec()) {
                throw StorageError(
                    u"cannot store the schema version of %1: %2"_s.arg(where, q.lastError().text()));
            }
        }
        if (!db.commit()) {
            throw StorageError(u"cannot commit the migration of %1: %2"_s.arg(where, db.lastError().text()));
        }
    } catch (const StorageError &) {
        db.rollback();
        throw;
    }
}

Transaction::Transaction(const Database &db)
    : m_owner(db)
    , m_db(db.connection())
{
    if (db.m_inTransaction) {
        throw StorageError(u"cannot start a transaction: one is already running on this connection"_s);
    }
    QString why;
    if (!beginWrite(m_db, db.dialect(), &why)) {
        throw StorageError(u"cannot start a transaction: %1"_s.arg(why));
    }
    db.m_inTransaction = true;
}

Transaction::~Transaction()
{
    if (!m_done) {
        m_db.rollback();
        m_owner.m_inTransaction = false;
    }
}

void Transaction::commit()
{
    if (!m_db.commit()) {
        throw StorageError(u"cannot commit a transaction: %1"_s.arg(m_db.lastError().text()));
    }
    m_done = true;
    m_owner.m_inTransaction = false;
}

} // namespace deskbell
