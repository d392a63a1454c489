#!/usr/bin/env python3
"""Writes Calendly v2 webhook bodies (invitee.created / invitee.canceled, the current shape: the
payload IS the invitee, scheduled_event embedded) for a realistic front-desk day, one JSON file per
event, named so that `sorted()` is the order to ingest them. Used by take.sh for the README's
screenshots; every booking goes through Deskbell's real parser, planner and outbox."""
import datetime as dt
import json
import sys
import uuid

out = sys.argv[1]
now = dt.datetime.now(dt.timezone.utc).replace(second=0, microsecond=0)
base = "https://api.calendly.com/scheduled_events/"

# name, phone, invitee zone, event, start offset from now (minutes), duration
people = [
    ("Somchai Jaidee", "+66 81 234 5678", "Asia/Bangkok", "Dental check-up", 170, 30),
    ("Nguyen Thi Lan", "+84 912 345 678", "Asia/Ho_Chi_Minh", "Dental check-up", 200, 30),
    ("Aisha Rahman", "+971 50 123 4567", "Asia/Dubai", "Video consultation", 240, 45),
    ("Wei Zhang", "+86 138 0013 8000", "Asia/Shanghai", "Cleaning", 290, 30),
    ("Priya Sharma", "+91 98765 43210", "Asia/Kolkata", "Video consultation", 330, 45),
    ("Kittipong Srisuk", "081 999 1234", "Asia/Bangkok", "Orthodontic review", 400, 30),
    ("Maria Santos", "+63 917 123 4567", "Asia/Manila", "Cleaning", 1500, 30),
    ("Budi Santoso", "+62 812 3456 7890", "Asia/Jakarta", "Dental check-up", 1620, 30),
    ("Omar Haddad", None, "Asia/Amman", "Video consultation", 1700, 45),
    ("Hana Kobayashi", "+81 90 1234 5678", "Asia/Tokyo", "Orthodontic review", 2900, 30),
]
stamp = "%Y-%m-%dT%H:%M:%S.000000Z"


def body(event, ident, name, phone, zone, ev_name, start, minutes, reason=None):
    canceled = event == "invitee.canceled"
    ev_uri = base + "EV" + ident
    payload = {
        "uri": ev_uri + "/invitees/" + ident,
        "event": ev_uri,
        "name": name,
        "email": name.lower().replace(" ", ".") + "@example.com",
        "first_name": None,
        "last_name": None,
        "status": "canceled" if canceled else "active",
        "timezone": zone,
        "text_reminder_number": phone,
        "questions_and_answers": [],
        "rescheduled": False,
        "old_invitee": None,
        "new_invitee": None,
        "cancel_url": "https://calendly.com/cancellations/" + ident,
        "reschedule_url": "https://calendly.com/reschedulings/" + ident,
        "tracking": {"utm_source": None},
        "no_show": None,
        "created_at": now.strftime(stamp),
        "updated_at": now.strftime(stamp),
        "scheduled_event": {
            "uri": ev_uri,
            "name": ev_name,
            "status": "canceled" if canceled else "active",
            "start_time": start.strftime(stamp),
            "end_time": (start + dt.timedelta(minutes=minutes)).strftime(stamp),
            "event_type": "https://api.calendly.com/event_types/" + ev_name.upper().replace(" ", "_"),
            "location": {"type": "physical", "location": "Sukhumvit Smile Clinic, room 2"},
            "invitees_counter": {"total": 1, "active": 0 if canceled else 1, "limit": 1},
            "event_memberships": [{"user": "https://api.calendly.com/users/HOST",
                                   "user_name": "Dr. Ploy Chaiyaporn", "user_email": "ploy@example.com"}],
            "event_guests": [],
            "created_at": now.strftime(stamp),
            "updated_at": now.strftime(stamp),
        },
    }
    if canceled:
        payload["cancellation"] = {"canceled_by": name, "reason": reason or "Something came up",
                                   "canceler_type": "invitee"}
    return {"event": event, "created_at": now.strftime(stamp),
            "created_by": "https://api.calendly.com/users/HOST", "payload": payload}


n = 0
for name, phone, zone, ev_name, offset, minutes in people:
    ident = uuid.uuid4().hex[:16].upper()
    start = now + dt.timedelta(minutes=offset)
    # Meetings start on the hour or the half hour, as Calendly offers them.
    start = start.replace(minute=0 if start.minute < 30 else 30)
    n += 1
    with open(f"{out}/{n:02d}-created.json", "w") as f:
        json.dump(body("invitee.created", ident, name, phone, zone, ev_name, start, minutes), f)
    if name == "Budi Santoso":
        n += 1
        with open(f"{out}/{n:02d}-canceled.json", "w") as f:
            json.dump(body("invitee.canceled", ident, name, phone, zone, ev_name, start, minutes,
                           "Feeling better, will book again next month"), f)
