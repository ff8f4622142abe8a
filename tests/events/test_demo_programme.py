"""The archive's public programme as the real printed programme showed it: Monday to Thursday for
everybody (agenda, printed programme, iCal); Friday's closed meeting invisible to the public and to
non-members on every channel, but for the non-members' 14:45 track, which participants who are not
network members see on Friday's page, in their iCal and in their personal programme."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from icalendar import Calendar
from pypdf import PdfReader

from events.models import Person

pytestmark = pytest.mark.django_db

SLUG = "san-jose-dialogue-2024"
FRIDAY = "2024-06-07"
FOCUS = [
    "HARVESTING ANALYSIS FROM CIVIL SOCIETY MOVEMENTS",
    "FACILITATED A CROSS-SECTOR DIALOGUE",
    "TAKING STOCK OF THE ROLE OF TECHNOLOGY",
    "FACILITATED DISCUSSION AROUND SEXUAL EXPLOITATION OF CHILDREN IN CONTEXT OF MOBILITY",
]
DAYS = ["MONDAY 3 JUNE 2024", "TUESDAY 4 JUNE 2024", "WEDNESDAY 5 JUNE 2024", "THURSDAY 6 JUNE 2024"]


def _summaries(response) -> list[str]:
    assert response.status_code == 200
    return [str(event["summary"]) for event in Calendar.from_ical(response.content).walk("VEVENT")]


def _login(client, email):
    client.force_login(get_user_model().objects.get(email=email))


def test_public_sees_monday_to_thursday_on_every_channel(demo_event, client):
    agenda = client.get(reverse("events:agenda", args=[SLUG])).content.decode()
    for date in ("2024-06-03", "2024-06-04", "2024-06-05", "2024-06-06"):
        assert f'id="day-{date}"' in agenda
        assert client.get(reverse("events:day_detail", args=[SLUG, date])).status_code == 200
    assert f'id="day-{FRIDAY}"' not in agenda
    assert "Reflections for future work" not in agenda and "The way forward to cooperate" not in agenda
    summaries = _summaries(client.get(reverse("events:agenda_ical", args=[SLUG])))
    assert len(summaries) >= 40
    assert "Workshop evaluation" not in summaries and "The way forward to cooperate" not in summaries
    assert "Child safeguarding (workshop)" not in summaries
    # Friday does not exist for the public, on any channel.
    assert client.get(reverse("events:day_detail", args=[SLUG, FRIDAY])).status_code == 404
    assert client.get(reverse("events:day_ical", args=[SLUG, FRIDAY])).status_code == 404
    # Tuesday is co-hosted; its opening ceremony names three institutions without naming a person.
    tuesday = client.get(reverse("events:day_detail", args=[SLUG, "2024-06-04"])).content.decode()
    assert (
        "Co-hosted by Instituto Costarricense de Turismo, in its capacity of host of the 2024 GARA" in tuesday
    )
    assert "Government of Costa Rica</a> (senior representatives)" in tuesday
    martes = client.get(
        reverse("events:day_detail", args=[SLUG, "2024-06-04"]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert "Gobierno de Costa Rica</a> (altos representantes)" in martes
    # Sendrine Constant's job title as each day's programme printed it.
    wednesday = client.get(reverse("events:day_detail", args=[SLUG, "2024-06-05"])).content.decode()
    thursday = client.get(reverse("events:day_detail", args=[SLUG, "2024-06-06"])).content.decode()
    assert "Sendrine Constant</a>, Director of Research, Learning and Communications" in wednesday
    assert "Sendrine Constant</a>, Director Research, Communications and Learning" in thursday
    # No invented biographies: the seed gives none.
    assert not Person.objects.filter(event=demo_event).exclude(bio_en=None).exclude(bio_en="").exists()
    # Guillaume Landry closes Friday too, but his page shows the public days only.
    landry = client.get(reverse("events:person_detail", args=[SLUG, "guillaume-landry"])).content.decode()
    assert "Closing remarks" not in landry and "Objectives and introduction" in landry


def test_printed_programme_has_the_four_open_days_with_their_focus(demo_event, client):
    response = client.get(reverse("events:programme_pdf", args=[SLUG]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pages = [
        " ".join(page.extract_text().split()).upper()
        for page in PdfReader(io.BytesIO(response.getvalue())).pages
    ]
    starts = [next(i for i, page in enumerate(pages) if i > 0 and day in page) for day in DAYS]
    assert starts == sorted(starts) and starts[0] == 1  # one section per day, in order, after the cover
    for start, focus in zip(starts, FOCUS, strict=True):
        assert focus in pages[start]
    text = " ".join(pages)
    assert "FRIDAY" not in text and "CLOSED MEETING FOR ECPAT" not in text
    assert "THE WAY FORWARD TO COOPERATE" not in text


def test_non_member_participant_sees_their_friday_track_only(demo_event, client):
    _login(client, "participant@example.org")  # registered, not a network member
    friday = client.get(reverse("events:day_detail", args=[SLUG, FRIDAY]))
    assert friday.status_code == 200
    html = friday.content.decode()
    assert "The way forward to cooperate" in html
    for hidden in (
        "Reflections for future work",
        "Child safeguarding",
        "Workshop evaluation",
        "CLOSED MEETING",
    ):
        assert hidden not in html
    assert _summaries(client.get(reverse("events:day_ical", args=[SLUG, FRIDAY]))) == [
        "The way forward to cooperate"
    ]
    summaries = _summaries(client.get(reverse("events:agenda_ical", args=[SLUG])))
    assert "The way forward to cooperate" in summaries and "Reflections for future work" not in summaries
    mine = client.get(reverse("sessions_app:my_tables", args=[SLUG])).content.decode()
    assert "My programme" in mine and "The way forward to cooperate" in mine
    assert "Reflections for future work" not in mine


def test_member_sees_the_closed_friday_and_the_members_track(demo_event, client):
    _login(client, "member@example.org")
    html = client.get(reverse("events:day_detail", args=[SLUG, FRIDAY])).content.decode()
    assert "Reflections for future work" in html and "Child safeguarding (workshop)" in html
    assert "The way forward to cooperate" not in html
