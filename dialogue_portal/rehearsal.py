"""The rehearsal copy of the San José demo: the same programme, dated in the coming weeks.

The archive (San José 2024) is the real event as it happened: sign-up closed, tables allocated, findings
collated, the report written. To try the participant's and the organiser's journeys a newcomer needs the
same event before it happens, so `load_demo` also imports a copy of the same document, changed here:

- its own slug and a title that says it is a rehearsal; not an edition of the series;
- every date and time moved by whole weeks, so that it starts on the Monday at least three weeks after the
  day `load_demo` runs (sign-up and ranking then stay open for about two weeks);
- the registrations and their rankings kept (the demo participants registered and ranked), the table
  allocation not run (no seats, no group placements, the session neither allocated nor published);
- no findings, takeaways, collation, evaluation answers or report: only what an organiser sets up before
  an event (the findings templates, the report's themes, the evaluation's questions).
"""

from __future__ import annotations

import copy
import datetime
import re

#: The rehearsal's address, /e/<slug>/.
REHEARSAL_SLUG = "san-jose-dialogue-rehearsal"
#: How far ahead (at least) the rehearsal starts.
LEAD_TIME = datetime.timedelta(days=21)

#: What an organiser has set up before the event, kept from the archive; every other list of these parts
#: is left out (results of the allocation, findings, collation, answers, report).
KEPT = {
    "sessions_app": {
        "registrations",
        "table_sessions",
        "rotations",
        "tables",
        "table_slots",
        "materials",
        "preferences",
        "breakout_groups",
    },
    "reports": {"findings_templates", "report_themes", "evaluation", "evaluation_questions"},
}

#: Said after the title in each language the demo document has.
TITLE_SUFFIX = {"en": "rehearsal", "es": "ensayo"}

_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(.*)$")


def rehearsal_start(*, first_day: datetime.date, today: datetime.date) -> datetime.date:
    """The first day of the rehearsal: on the archive's weekday, at least LEAD_TIME after `today`."""
    earliest = today + LEAD_TIME
    return earliest + datetime.timedelta(days=(first_day.weekday() - earliest.weekday()) % 7)


def _shift(value, *, delta: datetime.timedelta, first: datetime.date, last: datetime.date):
    """`value` with its date moved by `delta` when it is a date or date-time of the archive's weeks."""
    if not isinstance(value, str) or not (match := _DATE.match(value)):
        return value
    try:
        day = datetime.date.fromisoformat(match.group(1))
    except ValueError:
        return value
    if not (first - datetime.timedelta(days=60) <= day <= last):
        return value  # not a date of the event (a registration's creation time, say)
    return (day + delta).isoformat() + match.group(2)


def _walk(value, *, change):
    if isinstance(value, dict):
        return {key: _walk(item, change=change) for key, item in value.items()}
    if isinstance(value, list):
        return [_walk(item, change=change) for item in value]
    return change(value)


def rehearsal_document(document: dict, *, today: datetime.date) -> dict:
    """The archive's exchange document turned into the rehearsal's (see the module's docstring)."""
    archive_slug = document["event_slug"]
    event_fields = document["parts"]["events"]["event"][0]["fields"]
    first = datetime.date.fromisoformat(event_fields["start_date"])
    last = datetime.date.fromisoformat(event_fields["end_date"])
    delta = rehearsal_start(first_day=first, today=today) - first

    def change(value):
        if value == archive_slug:
            return REHEARSAL_SLUG
        return _shift(value, delta=delta, first=first, last=last)

    parts = {}
    for app_label, lists in document["parts"].items():
        kept = KEPT.get(app_label)
        parts[app_label] = {
            name: copy.deepcopy(rows) for name, rows in lists.items() if kept is None or name in kept
        }
    # The rehearsal is no edition of the series (the series' page lists the real editions).
    parts["events"]["series_editions"] = []
    result = _walk({**document, "parts": parts}, change=change)
    result["event_slug"] = REHEARSAL_SLUG
    fields = result["parts"]["events"]["event"][0]["fields"]
    fields["series"] = None
    for code, suffix in TITLE_SUFFIX.items():
        if fields.get(f"title_{code}"):
            fields[f"title_{code}"] += f" ({suffix})"
    for row in result["parts"].get("sessions_app", {}).get("table_sessions", []):
        row["fields"].update(allocated_at=None, published_at=None, allocation_report={})
    return result
