#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace deskbell {

class Database;

// Fills an open, migrated database with a desk's worth of history, fast (one transaction, prepared
// statements, plain SQL rather than Store): `appointments` appointments starting between 60 days
// before and 60 days after nowUtc (desk hours in `zone`), with varied names, phones (some missing or
// invalid), emails and event types; `messagesPerAppointment` messages each (confirmation, reminders,
// follow-up, ...) in a realistic mix of states: mostly accepted in the past (most with a delivery
// receipt), queued or waiting to retry in the future, some failed, unknown, skipped or canceled with
// their reasons; message_log rows for every state change; one booking event per appointment (two for
// canceled ones, a few duplicates and rejected bodies); and a few hundred operator actions. The same
// arguments always give the same rows. Throws StorageError when the database refuses.
void fillConsoleLoad(Database &db, int appointments, int messagesPerAppointment, const QDateTime &nowUtc,
                     QTimeZone zone);

} // namespace deskbell
