"""Dates, times and colons as each language writes them, on pages and in the catalogues' patterns
(events/dates.py, events/wording.py): Spanish "martes 4 de junio de 2024", French "Axe :" with a no-break
space, Brazilian "terça-feira, 4 de junho"; date-times in the event's time zone."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events import dates
from events.wording import with_colon

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "es", "fr", "pt-br"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Tuesday 4 June 2024", "Tuesday 4 June", "Tue 4 June", "4 June 2024", "4 June 2024, 14:30"]),
        (
            "es",
            [
                "martes 4 de junio de 2024",
                "martes 4 de junio",
                "mar 4 de junio",
                "4 de junio de 2024",
                "4 de junio de 2024 a las 14:30",
            ],
        ),
        ("fr", ["mardi 4 juin 2024", "mardi 4 juin", "mar 4 juin", "4 juin 2024", "4 juin 2024 14:30"]),
        (
            "pt-br",
            [
                "terça-feira, 4 de junho de 2024",
                "terça-feira, 4 de junho",
                "ter, 4 de junho",
                "4 de junho de 2024",
                "4 de junho de 2024 às 14:30",
            ],
        ),
    ],
)
def test_every_date_format_follows_the_language(language, expected):
    day = datetime.date(2024, 6, 4)
    moment = datetime.datetime(2024, 6, 4, 20, 30, tzinfo=datetime.UTC)  # 14:30 in Costa Rica

    with translation.override(language), timezone.override(zoneinfo.ZoneInfo("America/Costa_Rica")):
        found = [
            dates.weekday_date(day),
            dates.weekday_day(day),
            dates.short_weekday_day(day),
            dates.long_date(day),
            dates.date_time(moment),
        ]

    assert found == expected


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "Focus:"), ("es", "Focus:"), ("fr", "Focus\u00a0:")]
)
def test_a_colon_after_a_label_is_the_languages(language, expected):
    with translation.override(language):
        assert with_colon("Focus") == expected


@pytest.mark.parametrize(
    ("language", "heading", "focus"),
    [
        ("en", "Tuesday 4 June 2024", "<strong>Focus:</strong>"),
        ("es", "martes 4 de junio de 2024", "<strong>Enfoque:</strong>"),
        ("fr", "mardi 4 juin 2024", "<strong>Axe\u00a0:</strong>"),
        ("pt-br", "terça-feira, 4 de junho de 2024", "<strong>Foco:</strong>"),
    ],
)
def test_the_agenda_writes_days_and_the_focus_label_in_the_readers_language(
    agenda, client, language, heading, focus
):
    client.cookies["django_language"] = language

    html = client.get(reverse("events:agenda", args=[agenda.event.slug])).content.decode()

    assert f">{heading}</" in html
    assert focus in html
    assert "2024-06-04</" not in html


@pytest.mark.parametrize(
    ("language", "day"),
    [
        ("en", "Tuesday 4 June"),
        ("es", "martes 4 de junio"),
        ("fr", "mardi 4 juin"),
        ("pt-br", "terça-feira, 4 de junho"),
    ],
)
def test_the_event_home_lists_days_in_words(agenda, client, language, day):
    client.cookies["django_language"] = language

    html = client.get(agenda.event.get_absolute_url()).content.decode()

    assert f">{day}</a>" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_findings_list_shows_times_in_the_events_time_zone_day_first(client_as, event, language):
    from reports.models import ConsolidationRecord
    from tests.reports.factories import RecordFactory
    from tests.sessions_app.factories import TableFactory, TableSessionFactory

    session = TableSessionFactory(event=event)
    record = RecordFactory(table=TableFactory(session=session))
    ConsolidationRecord.objects.filter(pk=record.pk).update(
        updated_at=datetime.datetime(2026, 11, 30, 23, 34, tzinfo=datetime.UTC)
    )
    client = client_as("organiser")
    client.cookies["django_language"] = language

    html = client.get(reverse("reports:findings_list", args=[event.slug])).content.decode()

    assert "<td>30/11/2026 17:34</td>" in html  # Costa Rica is six hours behind UTC
    assert "11/30/2026" not in html and "p.m." not in html
