"""Exports of the agenda: iCalendar feeds and the printed programme (PDF). Each returns bytes.

The days given must already be filtered for the reader (`agenda.agenda_days`): exports never decide
visibility themselves, so a closed day cannot slip into a file the public can download.
"""

from __future__ import annotations

import mimetypes
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent
from weasyprint import HTML, URLFetcher
from weasyprint.urls import URLFetcherResponse

from .models import AgendaItem, Day, Event, EventPartner

ICAL_CONTENT_TYPE = "text/calendar; charset=utf-8"
PDF_CONTENT_TYPE = "application/pdf"
# Documents rendered to PDF see the portal at this address; nothing else can be fetched.
PDF_BASE_URL = "https://portal.invalid/"


def _people_line(item: AgendaItem) -> list[str]:
    lines = []
    for appearance in item.appearances.all():
        person = appearance.person
        parts = [person.display_name, person.job_title, person.organisation]
        text = ", ".join(part for part in parts if part)
        notes = []
        if appearance.role != appearance.Role.SPEAKER:
            notes.append(appearance.get_role_display())
        if appearance.remote:
            notes.append(_("remote"))
        if appearance.to_be_confirmed:
            notes.append(_("to be confirmed"))
        if notes:
            text += f" ({', '.join(notes)})"
        lines.append(text)
    return lines


def _ical_event(*, event: Event, day: Day, item: AgendaItem, parent: AgendaItem | None, stamp: datetime):
    tz = event.tz
    vevent = VEvent()
    vevent.add("uid", f"item-{item.pk}@{event.slug}.dialogue-portal")
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", datetime.combine(day.date, item.start, tzinfo=tz))
    vevent.add("dtend", datetime.combine(day.date, item.end, tzinfo=tz))
    summary = item.title if parent is None else f"{parent.title}: {item.title}"
    vevent.add("summary", summary)
    vevent.add("location", ", ".join(part for part in [item.room, event.venue, event.city] if part))
    description = [item.get_kind_display()]
    if item.description:
        description.append(item.description)
    people = _people_line(item)
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
    calendar.add("x-wr-timezone", event.timezone)
    stamp = timezone.now()
    for day in days:
        for item in day.top_items:
            calendar.add_component(_ical_event(event=event, day=day, item=item, parent=None, stamp=stamp))
            for child in item.visible_children:
                calendar.add_component(
                    _ical_event(event=event, day=day, item=child, parent=item, stamp=stamp)
                )
    calendar.add_missing_timezones()
    return calendar.to_ical()


class PortalURLFetcher(URLFetcher):
    """Serves WeasyPrint only the portal's own static and media files; every other URL is refused.

    Nothing is fetched over the network: a programme must render the same offline, and a title typed by
    an organiser must never make the server request an outside address.
    """

    def fetch(self, url, headers=None):
        path = _local_path(url)
        if path is None:
            raise ValueError(f"Not a file of this portal: {url}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": content_type})


def _local_path(url: str) -> Path | None:
    if not url.startswith(PDF_BASE_URL):
        return None
    path = unquote(urlsplit(url).path)
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path[len(settings.STATIC_URL) :])
        return Path(found) if found else None
    if path.startswith(settings.MEDIA_URL):
        root = Path(settings.MEDIA_ROOT).resolve()
        candidate = (root / path[len(settings.MEDIA_URL) :]).resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    return None


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
    document = HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=PortalURLFetcher())
    return document.write_pdf()
