"""import_event checks a document before it writes: one message naming the place in the file for each
malformed case, nothing written, no traceback (events/exchange/checks.py)."""

import copy
import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from events import models as em
from events.exchange import export_event, import_event
from events.exchange.checks import read_document
from tests.events.factories import AgendaItemFactory, DayFactory, EventFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(make_user):
    event = EventFactory(slug="san-jose", title_en="San José Dialogue")
    first = DayFactory(event=event, date=datetime.date(2024, 6, 3))
    DayFactory(event=event, date=datetime.date(2024, 6, 4))
    DayFactory(event=event, date=datetime.date(2024, 6, 5))
    item = AgendaItemFactory(day=first, start=datetime.time(9), end=datetime.time(10), title="Opening")
    em.ItemPerson.objects.create(item=item, person=PersonFactory(event=event, name="Ana Rojas"))
    make_user(event=event, role="organiser", email="ana@example.org")
    exported = export_event(event=event)
    event.delete()
    get_user_model().objects.all().delete()
    return exported


def _nothing_written():
    return (em.Event.objects.count(), em.Day.objects.count(), get_user_model().objects.count()) == (0, 0, 0)


def _refused(document) -> str:
    with pytest.raises(ValidationError) as error:
        import_event(document=document)
    assert _nothing_written()
    (message,) = error.value.messages
    return message


def _changed(document, app, name, n, **fields):
    document = copy.deepcopy(document)
    document["parts"][app][name][n]["fields"].update(fields)
    return document


def test_the_fixture_document_imports(document):
    event = import_event(document=document)
    assert (event.slug, event.days.count(), em.AgendaItem.objects.count()) == ("san-jose", 3, 1)


def test_an_unknown_time_zone(document):
    message = _refused(_changed(document, "events", "event", 0, timezone="Mars/Olympus_Mons"))
    assert message == (
        "Cannot import “events/event[0].timezone” from this file: "
        "“Mars/Olympus_Mons” is not a known time zone."
    )


def test_an_unknown_language(document):
    message = _refused(_changed(document, "events", "event", 0, default_language="tlh"))
    assert message == (
        "Cannot import “events/event[0].default_language” from this file: Value 'tlh' is not a valid choice."
    )
    message = _refused(_changed(document, "events", "event", 0, languages=["en", "tlh"]))
    assert message == (
        "Cannot import “events/event[0].languages” from this file: "
        "Choose one or more of the portal's languages."
    )


def test_an_unknown_reference(document):
    message = _refused(_changed(document, "events", "days", 1, event=["somewhere-else"]))
    assert message == (
        "Cannot import “events/days[1]” from this file: "
        'event ["somewhere-else"], which neither the file nor the portal holds'
    )


def test_a_reference_outside_its_list(document):
    message = _refused(_changed(document, "events", "appearances", 0, item=[[["san-jose"], "2024-06-09"], 1]))
    assert message.startswith("Cannot import “events/appearances[0]” from this file: agenda item ")
    message = _refused(_changed(document, "events", "roles", 0, user="nobody@example.org"))
    assert message == (
        "Cannot import “events/roles[0].user” from this file: "
        'the user "nobody@example.org" is not in the file\'s list of users'
    )


def test_a_top_level_array():
    with pytest.raises(ValidationError) as error:
        import_event(document=[{"format": "dialogue-portal-event"}])
    assert error.value.messages == [
        "This file holds a list; an event export is one object with “format”, “version”, “event_slug” "
        "and “parts”."
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["parts"]["events"].update(days={"date": "2024-06-03"}),
            "Cannot import “events/days” from this file: a list was expected",
        ),
        (
            lambda d: d.update(users={"ana@example.org": {}}),
            "Cannot import “users” from this file: a list was expected",
        ),
        (
            lambda d: d["parts"].update(events=[]),
            "Cannot import “events” from this file: an object of lists was expected",
        ),
        (
            lambda d: d["parts"]["events"]["days"].__setitem__(0, ["2024-06-03"]),
            "Cannot import “events/days[0]” from this file: "
            "an object with “model” events.day and its “fields” was expected",
        ),
        (
            lambda d: d["parts"]["events"]["days"][0]["fields"].update(focus_en=["a", "list"]),
            "Cannot import “events/days[0].focus_en” from this file: a single value was expected",
        ),
    ],
    ids=["list-of-days", "users", "part", "object", "value"],
)
def test_a_non_list_where_a_list_belongs_and_other_wrong_types(document, change, message):
    document = copy.deepcopy(document)
    change(document)
    assert _refused(document) == message


def test_a_duplicate_day(document):
    message = _refused(_changed(document, "events", "days", 2, date="2024-06-03"))
    assert message == ("Cannot import “events/days[2].date” from this file: the same date as events/days[0]")


def test_an_end_before_the_start(document):
    message = _refused(
        _changed(document, "events", "event", 0, start_date="2024-06-05", end_date="2024-06-03")
    )
    assert message == (
        "Cannot import “events/event[0].end_date” from this file: "
        "the end (2024-06-03) is before the start (2024-06-05)"
    )
    message = _refused(_changed(document, "events", "agenda_items", 0, start="10:00:00", end="09:00:00"))
    assert message == (
        "Cannot import “events/agenda_items[0].end” from this file: "
        "the end (09:00:00) is before the start (10:00:00)"
    )


def test_a_day_outside_the_event(document):
    message = _refused(_changed(document, "events", "days", 2, date="2024-07-01"))
    assert message == (
        "Cannot import “events/days[2].date” from this file: 2024-07-01 is outside the event "
        "(2024-06-03 to 2024-06-07)"
    )


def test_a_too_long_text(document):
    message = _refused(_changed(document, "events", "agenda_items", 0, description_en="x" * 5001))
    assert message == (
        "Cannot import “events/agenda_items[0].description_en” from this file: "
        "Ensure this value has at most 5000 characters (it has 5001)."
    )
    message = _refused(_changed(document, "events", "event", 0, title_en="x" * 301))
    assert message.startswith("Cannot import “events/event[0].title_en” from this file: Ensure this value")


def test_a_wrong_value(document):
    message = _refused(_changed(document, "events", "days", 0, date="someday"))
    assert message.startswith("Cannot import “events/days[0].date” from this file: ")


def test_a_user_listed_twice(document):
    document = copy.deepcopy(document)
    document["users"].append({"email": "ANA@example.org", "first_name": "", "last_name": ""})
    assert _refused(document) == (
        "Cannot import “users[1].email” from this file: ANA@example.org is listed twice (also users[0])"
    )


def test_the_models_own_rules_apply_while_writing(document):
    """An item that clashes with another in the same room: a rule only the database can answer."""
    document = copy.deepcopy(document)
    items = document["parts"]["events"]["agenda_items"]
    clash = copy.deepcopy(items[0])
    clash["fields"].update(title_en="Clash", room="Sabana 1")
    items[0]["fields"]["room"] = "Sabana 1"
    items.append(clash)
    message = _refused(document)
    assert message.startswith("Cannot import “events/agenda_items[1]” from this file: ")


def test_an_oversized_file_is_refused_before_it_is_read(settings):
    settings.EVENT_IMPORT_MAX_BYTES = 1024 * 1024
    with pytest.raises(ValidationError) as error:
        read_document(b" " * (2 * 1024 * 1024))
    assert error.value.messages == ["The file is 2.0 MB; the largest import allowed is 1 MB."]


def test_the_command_refuses_an_oversized_file_with_its_option(document, tmp_path):
    path = tmp_path / "event.json"
    path.write_text(json.dumps(document) + " " * (3 * 1024 * 1024 // 2))
    with pytest.raises(CommandError) as error:
        call_command("import_event", str(path), "--max-size", "1")
    assert str(error.value) == "The file is 1.5 MB; the largest import allowed is 1 MB."
    assert _nothing_written()
    call_command("import_event", str(path), "--max-size", "2")
    assert em.Event.objects.filter(slug="san-jose").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"format": ', "The file is not valid JSON: line 1, column 12: Expecting value."),
        (b"\xff\xfe", "The file is not UTF-8 text (byte 0)."),
        (b"[" * 100_000 + b"]" * 100_000, "The file is not valid JSON: it is nested too deeply."),
    ],
    ids=["truncated", "not-utf8", "nested"],
)
def test_the_command_names_a_file_that_is_not_json(tmp_path, db, content, message):
    path = tmp_path / "event.json"
    path.write_bytes(content)
    with pytest.raises(CommandError) as error:
        call_command("import_event", str(path))
    assert str(error.value) == message


def test_a_stored_bad_time_zone_breaks_neither_ical_nor_registrations_csv(client_as, event):
    DayFactory(event=event, date=event.start_date)
    em.Event.objects.filter(pk=event.pk).update(timezone="Mars/Olympus_Mons")
    ical = client_as("organiser").get(reverse("events:agenda_ical", args=[event.slug]))
    assert ical.status_code == 200
    assert b"X-WR-TIMEZONE:UTC" in ical.content
    csv = client_as("organiser").get(
        reverse("sessions_app:registrations_export", kwargs={"slug": event.slug, "fmt": "csv"})
    )
    assert csv.status_code == 200
    assert csv.content.decode("utf-8-sig").startswith("Full name,")
