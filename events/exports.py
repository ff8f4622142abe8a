"""Exports of the agenda: iCalendar feeds and the printed programme (PDF). Each returns bytes.

The days given must already be filtered for the reader (`agenda.agenda_days`): exports never decide
visibility themselves, so a closed day cannot slip into a file the public can download.
"""

from __future__ import annotations

from datetime import datetime

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from .models import AgendaItem, AppearanceRole, Day, Event, EventPartner
from .pdf import render_pdf
from .wording import with_colon

ICAL_CONTENT_TYPE = "text/calendar; charset=utf-8"
PDF_CONTENT_TYPE = "application/pdf"


def _people_line(item: AgendaItem) -> list[str]:
    lines = []
    for appearance in item.appearances.all():
        text = appearance.person.display_name + appearance.credit
        notes = []
        if appearance.role != AppearanceRole.SPEAKER:
            notes.append(appearance.get_role_display())
        if appearance.remote:
            notes.append(_("remote"))
        if appearance.to_be_confirmed:
            notes.append(_("to be confirmed"))
        if notes:
            text += f" ({', '.join(notes)})"
        lines.append(text)
    return lines


def ical_item_event(*, event: Event, day: Day, item: AgendaItem, parent: AgendaItem | None, stamp: datetime):
    tz = event.tz
    vevent = VEvent()
    vevent.add("uid", f"item-{item.pk}@{event.slug}.dialogue-portal")
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", datetime.combine(day.date, item.start, tzinfo=tz))
    vevent.add("dtend", datetime.combine(day.date, item.end, tzinfo=tz))
    summary = item.title if parent is None else f"{with_colon(parent.title)} {item.title}"
    vevent.add("summary", summary)
    vevent.add("location", ", ".join(part for part in [item.room, event.venue, event.city] if part))
    description = [item.get_kind_display()]
    # An item of a published outline shows its time and title only.
    outline = getattr(item, "is_outline", False)
    if item.description and not outline:
        description.append(item.description)
    people = [] if outline else _people_line(item)
    if people:
        description.append(_("With: %(people)s") % {"people": "; ".join(people)})
    vevent.add("description", "\n\n".join(description))
    vevent.add("categories", [item.get_kind_display()])
    return vevent


def agenda_ical(*, event: Event, days: list[Day]) -> bytes:
    """An iCalendar file with one VEVENT per item (rotations included) in the event's time zone."""
    calendar = Calendar()
    calendar.add("prodid", "-//Dialogue Portal//Agenda//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", event.title)
    calendar.add("x-wr-timezone", str(event.tz))
    stamp = timezone.now()
    for day in days:
        for item in day.top_items:
            calendar.add_component(ical_item_event(event=event, day=day, item=item, parent=None, stamp=stamp))
            for child in item.visible_children:
                calendar.add_component(
                    ical_item_event(event=event, day=day, item=child, parent=item, stamp=stamp)
                )
    calendar.add_missing_timezones()
    return calendar.to_ical()


def programme_pdf(*, event: Event, days: list[Day]) -> bytes:
    """The printed programme: a cover, then one section per day starting on a new page, like the seed.

    Each day has a header band (date and event), the focus statement, the timetable (times | title with
    people in italics) and the methodology note, and the partners' logos at the foot of the page.
    """
    partners = list(
        event.partners.select_related("organisation")
        .exclude(organisation__logo="")
        .filter(kind__in=[EventPartner.Kind.HOST, EventPartner.Kind.CO_ORGANISER])
    )
    html = render_to_string("events/programme_pdf.html", {"event": event, "days": days, "partners": partners})
    # The shared renderer: only the portal's own files are read, and the render is bounded in time.
    return render_pdf(html)
