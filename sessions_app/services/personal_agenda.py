"""A participant's own agenda as one calendar: the programme they may attend, their tables and the items
they starred, at a private signed address that calendar apps can subscribe to."""

from __future__ import annotations

from django.core import signing
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as ICalEvent

from events import selectors as event_selectors
from events import stars
from events.exports import ical_item_event
from events.rules import visible_audiences

from ..models import Registration
from ..selectors import seats_for

AGENDA_FEED_SALT = "sessions_app.my-agenda-feed"


def agenda_feed_token(*, registration: Registration) -> str:
    """A signed, unguessable token for the person's whole agenda feed (not the tables-only feed's)."""
    return signing.dumps(registration.pk, salt=AGENDA_FEED_SALT)


def registration_for_agenda_feed(*, event, token: str) -> Registration | None:
    try:
        pk = signing.loads(token, salt=AGENDA_FEED_SALT)
    except signing.BadSignature:
        return None
    return (
        Registration.objects.filter(pk=pk, event=event, status=Registration.Status.APPROVED)
        .select_related("event", "user")
        .first()
    )


def personal_agenda(*, registration: Registration, user=None) -> dict:
    """What the person's agenda shows: `programme` (days, as `selectors.personal_programme`), `starred`
    ((day, item) pairs they may still see) and `starred_ids`. `user` is the reader (the registration's
    own user when a calendar app asks)."""
    event = registration.event
    user = user or registration.user
    audiences = visible_audiences(user, event)
    days = event_selectors.agenda_days(event=event, audiences=audiences)
    ids = stars.starred_ids(user=user, event=event)
    starred = stars.starred_items(days=days, ids=ids)
    programme = event_selectors.personal_programme(
        event=event, audiences=audiences, dates=registration.days.values_list("date", flat=True), days=days
    )
    return {"programme": programme, "starred": starred, "starred_ids": ids}


def personal_agenda_ical(*, registration: Registration) -> bytes:
    """The person's programme, starred items and tables as one iCalendar file (each item once)."""
    event = registration.event
    agenda = personal_agenda(registration=registration)
    calendar = Calendar()
    calendar.add("prodid", "-//Dialogue Portal//My agenda//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", event.title)
    calendar.add("x-wr-timezone", str(event.tz))
    stamp = timezone.now()
    seen = set()
    for day in agenda["programme"]:
        for item in day.top_items:
            seen.add(item.pk)
            calendar.add_component(ical_item_event(event=event, day=day, item=item, parent=None, stamp=stamp))
    for day, item in agenda["starred"]:
        if item.pk in seen or item.parent_id in seen:
            continue
        parent = next((top for top in day.top_items if top.pk == item.parent_id), None)
        calendar.add_component(ical_item_event(event=event, day=day, item=item, parent=parent, stamp=stamp))
    for seat in seats_for(registration=registration):
        entry = ICalEvent()
        entry.add("uid", f"assignment-{seat.assignment.pk}@dialogue-portal")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", seat.starts_at)
        entry.add("dtend", seat.ends_at)
        entry.add("summary", str(seat.table))
        if seat.room:
            entry.add("location", seat.room)
        entry.add("description", "\n".join(seat.table.questions_list()))
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()
