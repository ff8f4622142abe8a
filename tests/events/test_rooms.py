"""Rooms the organiser manages: the back-office pages, who may use them, the rooms suggested on item and
table forms, a rename carried to items and tables, and the warning when a table seats more than its room."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Room
from sessions_app.models import BreakoutGroup
from tests.events.factories import AgendaItemFactory, DayFactory, EventFactory, EventRoleFactory
from tests.events.organiser_helpers import png_bytes
from tests.sessions_app.factories import make_session


def _manage(name, event, *args):
    return reverse(f"events:manage_{name}", args=[event.slug, *args])


def test_an_organiser_adds_a_room_with_a_floor_plan(client_as, event, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = client_as("organiser")
    response = client.post(
        _manage("room_add", event),
        {
            "name": " Sabana A ",
            "capacity": "40",
            "accessibility_notes": "Step-free access from the lobby.",
            "floor_plan": SimpleUploadedFile("plan.png", png_bytes(), content_type="image/png"),
        },
    )
    assert response.status_code == 302 and response["Location"] == _manage("rooms", event)
    room = Room.objects.get(event=event)
    assert (room.name, room.capacity, room.accessibility_notes) == (
        "Sabana A",
        40,
        "Step-free access from the lobby.",
    )
    assert room.floor_plan.name.startswith(f"rooms/{event.pk}/")
    html = client.get(_manage("rooms", event)).content.decode()
    assert "Sabana A" in html and "Step-free access from the lobby." in html and "Floor plan" in html


def test_a_room_name_is_unique_in_the_event_whatever_the_case(client_as, event):
    Room.objects.create(event=event, name="Sabana A")
    Room.objects.create(event=EventFactory(), name="Sabana B")  # another event's room does not clash
    client = client_as("organiser")
    response = client.post(_manage("room_add", event), {"name": "sabana a"})
    assert response.status_code == 200
    assert "The event already has a room called “sabana a”." in response.content.decode()
    assert client.post(_manage("room_add", event), {"name": "Sabana B"}).status_code == 302
    assert sorted(event.rooms.values_list("name", flat=True)) == ["Sabana A", "Sabana B"]


def test_a_bad_floor_plan_is_refused_and_nothing_saved(client_as, event):
    client = client_as("organiser")
    response = client.post(
        _manage("room_add", event),
        {
            "name": "Sabana C",
            "floor_plan": SimpleUploadedFile("plan.png", b"not an image", content_type="image/png"),
        },
    )
    assert response.status_code == 200
    assert not Room.objects.exists()


@pytest.mark.parametrize("role", ["anonymous", "participant", "facilitator", "rapporteur", "other_organiser"])
def test_only_the_events_organisers_manage_rooms(client_as, event, role):
    room = Room.objects.create(event=event, name="Sabana A")
    client = client_as(role)
    for url in [
        _manage("rooms", event),
        _manage("room_edit", event, room.pk),
        _manage("room_delete", event, room.pk),
    ]:
        assert client.get(url).status_code in {302, 403, 404}
    client.post(_manage("room_delete", event, room.pk))
    assert Room.objects.filter(pk=room.pk).exists()


def test_another_events_room_is_404(client_as, event):
    other = Room.objects.create(event=EventFactory(), name="Elsewhere")
    client = client_as("organiser")
    assert client.get(_manage("room_edit", event, other.pk)).status_code == 404
    assert client.post(_manage("room_delete", event, other.pk)).status_code == 404


def test_renaming_a_room_renames_it_on_items_tables_and_groups(client_as, event):
    room = Room.objects.create(event=event, name="Sabana A", capacity=30)
    day = DayFactory(event=event)
    item = AgendaItemFactory(day=day, room="sabana a")
    elsewhere = AgendaItemFactory(room="Sabana A")  # another event's item keeps its room
    session = make_session(event, tables=1, rotations=1)
    table = session.tables.get()
    table.room = "Sabana A"
    table.save()
    group = BreakoutGroup.objects.create(
        agenda_item=item, name="Group 1", countries=["CR"], parts=1, room="Sabana A"
    )
    client = client_as("organiser")
    response = client.post(_manage("room_edit", event, room.pk), {"name": "Sabana Norte", "capacity": "30"})
    assert response.status_code == 302
    item.refresh_from_db(), table.refresh_from_db(), group.refresh_from_db(), elsewhere.refresh_from_db()
    assert (item.room, table.room, group.room, elsewhere.room) == (
        "Sabana Norte",
        "Sabana Norte",
        "Sabana Norte",
        "Sabana A",
    )


def test_deleting_a_room_says_what_keeps_its_name(client_as, event):
    room = Room.objects.create(event=event, name="Sabana A")
    AgendaItemFactory(day=DayFactory(event=event), room="Sabana A")
    client = client_as("organiser")
    html = client.get(_manage("room_delete", event, room.pk)).content.decode()
    assert "1 agenda item keeps the name of the room, without its capacity and floor plan." in html
    assert client.post(_manage("room_delete", event, room.pk)).status_code == 302
    assert not Room.objects.exists()


def test_item_and_table_forms_suggest_the_events_rooms(client_as, event):
    Room.objects.create(event=event, name="Sabana A")
    Room.objects.create(event=EventFactory(), name="Not ours")
    day = DayFactory(event=event)
    client = client_as("organiser")
    html = client.get(_manage("item_add", event, day.pk)).content.decode()
    assert '<option value="Sabana A"></option>' in html and "Not ours" not in html
    assert 'list="id_room-rooms"' in html
    session = make_session(event, tables=1, rotations=1)
    html = client.get(reverse("sessions_app:table_create", args=[event.slug, session.pk])).content.decode()
    assert '<option value="Sabana A"></option>' in html


def test_a_table_with_more_seats_than_its_room_is_flagged(client_as, event):
    Room.objects.create(event=event, name="La Sabana 1", capacity=8)
    session = make_session(event, tables=2, rotations=2, seats=10)
    first, second = session.tables.order_by("number")
    first.room, second.room = "la sabana 1", "Unknown room"
    first.save(), second.save()
    client = client_as("organiser")
    html = client.get(reverse("sessions_app:session_detail", args=[event.slug, session.pk])).content.decode()
    warning = f"{first} seats 10 people, but La Sabana 1 holds 8."
    assert html.count(warning) == 1
    assert f"{second} seats" not in html  # a room the list does not hold: no capacity to compare
    html = client.get(
        reverse("sessions_app:table_edit", args=[event.slug, session.pk, first.pk])
    ).content.decode()
    assert warning in html
    first.slots.update(seats=8)
    html = client.get(reverse("sessions_app:session_detail", args=[event.slug, session.pk])).content.decode()
    assert "holds 8" not in html


def _event_with(organiser, *, tables: int):
    event = EventFactory()
    EventRoleFactory(event=event, user=organiser, role="organiser")
    session = make_session(event, tables=tables, rotations=2, seats=10)
    for n, table in enumerate(session.tables.all()):
        Room.objects.create(event=event, name=f"Room {n}", capacity=5, accessibility_notes="Lift.")
        table.room = f"Room {n}"
        table.save()
    return event, session


@pytest.mark.parametrize("url_name", ["rooms", "session_detail"])
def test_room_pages_cost_the_same_queries_at_two_sizes(client_as, url_name, django_assert_num_queries):
    client = client_as("organiser")
    small, large = _event_with(client.user, tables=1), _event_with(client.user, tables=6)

    def url(event, session):
        if url_name == "rooms":
            return _manage("rooms", event)
        return reverse("sessions_app:session_detail", args=[event.slug, session.pk])

    client.get(url(*small))
    with CaptureQueriesContext(connection) as one:
        assert client.get(url(*small)).status_code == 200
    expected = len(one.captured_queries)
    assert expected >= 5
    client.get(url(*large))
    with django_assert_num_queries(expected):
        response = client.get(url(*large))
    if url_name == "session_detail":
        assert response.content.decode().count("holds 5.") == 6
