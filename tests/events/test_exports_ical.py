"""The iCal exports: valid for `icalendar`, in the event's time zone, stable UIDs, no hidden days."""

import datetime
import zoneinfo

import icalendar
from django.urls import reverse

from events import exports
from events import selectors as agenda_selectors
from events.models import Audience


def _calendar(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def _events(calendar):
    return [component for component in calendar.walk("VEVENT")]


def test_exports_ical_whole_agenda_anonymous_has_public_items_only(agenda, client):
    calendar = _calendar(client.get(reverse("events:agenda_ical", args=[agenda.event.slug])))
    summaries = sorted(str(vevent["summary"]) for vevent in _events(calendar))
    assert summaries == sorted(
        [
            "Opening panel",
            "Distilling challenges by areas",
            "Distilling challenges by areas: First rotation",
            "Distilling challenges by areas: Second rotation",
            "Distilling challenges by areas: Third rotation",
        ]
    )


def test_exports_ical_member_gets_every_day(agenda, client_as):
    calendar = _calendar(client_as("member").get(reverse("events:agenda_ical", args=[agenda.event.slug])))
    summaries = {str(vevent["summary"]) for vevent in _events(calendar)}
    assert len(_events(calendar)) == 7
    assert {"Welcome remarks", "Child safeguarding workshop"} <= summaries


def test_exports_ical_times_in_event_time_zone(agenda, client):
    calendar = _calendar(client.get(reverse("events:agenda_ical", args=[agenda.event.slug])))
    (panel,) = [vevent for vevent in _events(calendar) if str(vevent["summary"]) == "Opening panel"]
    costa_rica = zoneinfo.ZoneInfo("America/Costa_Rica")
    assert panel["dtstart"].dt == datetime.datetime(2024, 6, 4, 9, 30, tzinfo=costa_rica)
    assert panel["dtend"].dt == datetime.datetime(2024, 6, 4, 10, 30, tzinfo=costa_rica)
    assert panel["dtstart"].params["TZID"] == "America/Costa_Rica"
    assert panel["dtstart"].dt.astimezone(datetime.UTC) == datetime.datetime(
        2024, 6, 4, 15, 30, tzinfo=datetime.UTC
    )
    timezones = [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")]
    assert timezones == ["America/Costa_Rica"]


def test_exports_ical_location_description_and_stable_uid(agenda, client):
    url = reverse("events:agenda_ical", args=[agenda.event.slug])
    (panel,) = [v for v in _events(_calendar(client.get(url))) if str(v["summary"]) == "Opening panel"]
    assert str(panel["location"]) == "Plenary hall, Hotel Crowne Plaza, San José"
    assert str(panel["uid"]) == f"item-{agenda.panel.pk}@{agenda.event.slug}.dialogue-portal"
    description = str(panel["description"])
    assert (
        "Ms. Mama Fátima Singateh, Special Rapporteur, United Nations (remote, to be confirmed)"
        in description
    )
    assert "Mr. Guillaume Landry, Executive Director, ECPAT International (Moderator)" in description
    (again,) = [v for v in _events(_calendar(client.get(url))) if str(v["summary"]) == "Opening panel"]
    assert str(again["uid"]) == str(panel["uid"])


def test_exports_ical_day(agenda, client_as):
    response = client_as("participant").get(
        reverse("events:day_ical", args=[agenda.event.slug, "2024-06-03"])
    )
    calendar = _calendar(response)
    assert [str(v["summary"]) for v in _events(calendar)] == ["Welcome remarks"]
    assert response["Content-Disposition"] == f'attachment; filename="{agenda.event.slug}-2024-06-03.ics"'


def test_exports_ical_function_never_adds_days_it_was_not_given(agenda):
    days = agenda_selectors.agenda_days(event=agenda.event, audiences={Audience.PUBLIC})
    data = exports.agenda_ical(event=agenda.event, days=days)
    assert b"Child safeguarding" not in data
    assert b"Welcome remarks" not in data
    assert data.startswith(b"BEGIN:VCALENDAR")


def test_exports_ical_and_pdf_of_an_event_without_visible_days(event, client):
    ical = client.get(reverse("events:agenda_ical", args=[event.slug]))
    assert _events(_calendar(ical)) == []
    pdf = client.get(reverse("events:programme_pdf", args=[event.slug]))
    assert pdf.status_code == 200 and pdf.getvalue().startswith(b"%PDF")  # streamed from storage
