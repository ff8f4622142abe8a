"""A newcomer following the README tries every journey on the rehearsal, through the pages only: signs up,
registers and ranks; the organiser approves, runs and publishes the allocation; a facilitator enters the
findings of a table; the rapporteur accepts and collates them; the staff log-in exports the report."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from dialogue_portal.rehearsal import REHEARSAL_SLUG
from events.models import Event
from reports.models import CollatedFinding, ConsolidationRecord
from sessions_app.models import Assignment, Preference, Registration, TableSession

pytestmark = pytest.mark.django_db

SLUG = REHEARSAL_SLUG
PASSWORD = "dialogue-demo"


@pytest.fixture
def rehearsal(db, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    return Event.objects.get(slug=SLUG)


def _log_in(client, email, password=PASSWORD):
    client.logout()
    response = client.post(reverse("account_login"), {"login": email, "password": password})
    assert response.status_code == 302, response.content.decode()[:500]
    assert "_auth_user_id" in client.session  # logged in, not sent to verify an address


def test_rehearsal_is_the_same_programme_in_the_coming_weeks(rehearsal):
    archive = Event.objects.get(slug="san-jose-dialogue-2024")
    today = timezone.localdate()
    assert today + datetime.timedelta(days=21) <= rehearsal.start_date <= today + datetime.timedelta(days=27)
    assert rehearsal.start_date.weekday() == archive.start_date.weekday()
    assert (rehearsal.end_date - rehearsal.start_date) == (archive.end_date - archive.start_date)
    assert rehearsal.title_en == archive.title_en + " (rehearsal)" and rehearsal.series_id is None
    # Sign-up and ranking are open; the participants registered and ranked; nothing allocated or found.
    assert rehearsal.signup_closes > timezone.now() and rehearsal.signup_opens is None
    session = TableSession.objects.get(event=rehearsal)
    assert session.preferences_close > timezone.now()
    assert (session.allocated_at, session.published_at) == (None, None)
    assert rehearsal.registrations.filter(status="approved").count() == 116
    assert Preference.objects.filter(table__session=session).values("registration").distinct().count() > 100
    assert not Assignment.objects.filter(registration__event=rehearsal).exists()
    assert not ConsolidationRecord.objects.filter(event=rehearsal).exists()
    assert not CollatedFinding.objects.filter(event=rehearsal).exists()
    programme = [
        (day.date - rehearsal.start_date, day.audience, [item.title_en for item in day.items.all()])
        for day in rehearsal.days.prefetch_related("items")
    ]
    assert programme == [
        (day.date - archive.start_date, day.audience, [item.title_en for item in day.items.all()])
        for day in archive.days.prefetch_related("items")
    ]
    # Running load_demo again changes nothing.
    before = (rehearsal.start_date, Registration.objects.count(), Event.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    rehearsal.refresh_from_db()
    assert (rehearsal.start_date, Registration.objects.count(), Event.objects.count()) == before


def test_newcomer_walks_every_journey_on_the_rehearsal(rehearsal, client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    # 1. A newcomer signs up and confirms their address.
    response = client.post(
        reverse("account_signup"),
        {
            "email": "newcomer@example.org",
            "password1": "a-long-dialogue-pass",
            "password2": "a-long-dialogue-pass",
        },
    )
    assert response.status_code == 302
    confirm = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1)
    client.post(confirm)
    _log_in(client, "newcomer@example.org", "a-long-dialogue-pass")
    # 2. They register for the rehearsal (Monday to Thursday: not a network member).
    days = list(rehearsal.days.order_by("date"))
    response = client.post(
        reverse("sessions_app:register", args=[SLUG]),
        {
            "full_name": "New Comer",
            "organisation": "Example Foundation",
            "country": "CR",
            "sector": "civil_society",
            "preferred_language": "en",
            "days": [day.pk for day in days[:4]],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    registration = Registration.objects.get(event=rehearsal, user__email="newcomer@example.org")
    # 3. The organiser approves the registration.
    _log_in(client, "organiser@example.org")
    decide = reverse("sessions_app:registration_decide", args=[SLUG, registration.pk, "approve"])
    assert client.post(decide).status_code == 302
    registration.refresh_from_db()
    assert registration.status == "approved"
    # 4. The newcomer ranks the tables of Tuesday's session.
    session = TableSession.objects.get(event=rehearsal)
    tables = list(session.tables.order_by("number"))
    _log_in(client, "newcomer@example.org", "a-long-dialogue-pass")
    ranking = client.get(reverse("sessions_app:ranking", args=[SLUG, session.pk]))
    assert ranking.status_code == 200
    response = client.post(
        reverse("sessions_app:ranking", args=[SLUG, session.pk]),
        {f"table_{table.pk}": str(rank) for rank, table in enumerate(tables[:4], start=1)},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Preference.objects.filter(registration=registration, table__session=session).count() == 4
    # 5. The organiser runs the allocation and publishes it; the newcomer finds their tables.
    _log_in(client, "organiser@example.org")
    assert client.post(reverse("sessions_app:allocate", args=[SLUG, session.pk])).status_code == 302
    publish = reverse("sessions_app:publish", args=[SLUG, session.pk])
    assert "The ranking is still open until" in client.get(publish).content.decode()
    assert client.post(publish, {"confirm": "1", "ranking_open_confirmed": "1"}).status_code == 302
    session.refresh_from_db()
    assert session.published_at is not None
    seats = Assignment.objects.filter(registration=registration)
    assert seats.count() == session.rotations.count()
    _log_in(client, "newcomer@example.org", "a-long-dialogue-pass")
    mine = client.get(reverse("sessions_app:my_tables", args=[SLUG])).content.decode()
    assert str(seats.first().table) in mine
    # 6. The facilitator enters the findings of a table they facilitate, and submits them.
    _log_in(client, "facilitator@example.org")
    table = session.tables.filter(facilitators__email="facilitator@example.org").order_by("number").first()
    assert table is not None
    response = client.post(reverse("reports:findings_start_table", args=[SLUG, table.pk, 1]))
    assert response.status_code == 302
    record = ConsolidationRecord.objects.get(event=rehearsal)
    data = {"version": str(record.version), "language": "en", "notes": ""}
    for section in ("trend", "challenge", "good_practice", "recommendation", "country_observation", "quote"):
        data[f"{section}-TOTAL_FORMS"] = "0"
        data[f"{section}-INITIAL_FORMS"] = "0"
    data.update({"trend-TOTAL_FORMS": "1", "trend-0-text": "A rehearsal trend from this table"})
    edit = reverse("reports:findings_edit", args=[SLUG, record.pk])
    assert client.post(edit, data).status_code == 302
    submit = reverse("reports:findings_transition", args=[SLUG, record.pk, "submit"])
    assert client.post(submit).status_code == 302
    # 7. The rapporteur accepts the record and collates its finding into a theme.
    _log_in(client, "rapporteur@example.org")
    accept = reverse("reports:findings_transition", args=[SLUG, record.pk, "accept"])
    assert client.post(accept).status_code == 302
    record.refresh_from_db()
    assert record.status == "accepted"
    theme = rehearsal.report_themes.order_by("order", "pk").first()
    finding = record.findings.get()
    response = client.post(
        reverse("reports:collation_collect", args=[SLUG]), {"theme": theme.pk, "findings": [finding.pk]}
    )
    assert response.status_code == 302
    collated = CollatedFinding.objects.get(event=rehearsal)
    assert collated.text == "A rehearsal trend from this table"
    # 8. The staff log-in exports the outcome report.
    _log_in(client, "staff@example.org")
    response = client.get(reverse("reports:report_pdf", args=[SLUG]), {"lang": "en"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.getvalue())).pages)
    assert "A rehearsal trend from this table" in " ".join(text.split())
