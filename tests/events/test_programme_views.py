"""The programme at the event: a day's grid of rooms by time, now and next, search and the speakers, each
showing only what the reader may see."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events import programme
from events.models import Audience, ItemKind, Room
from tests.events.factories import (
    AgendaItemFactory,
    DayFactory,
    EventFactory,
    ItemPersonFactory,
    PersonFactory,
)

CR = zoneinfo.ZoneInfo("America/Costa_Rica")


def _url(name, event, *args):
    return reverse(f"events:{name}", args=[event.slug, *args])


# --- Grid -----------------------------------------------------------------------------------------------


def test_the_grid_puts_parallel_items_in_their_rooms_and_plenary_items_across(client, agenda):
    tuesday = agenda.tuesday
    AgendaItemFactory(
        day=tuesday, start=datetime.time(9, 30), end=datetime.time(10, 0), title="Side event", room="Room B"
    )
    AgendaItemFactory(
        day=tuesday,
        start=datetime.time(10, 30),
        end=datetime.time(11, 0),
        kind=ItemKind.BREAK,
        title="Coffee",
    )
    response = client.get(_url("day_grid", agenda.event, "2024-06-04"))
    assert response.status_code == 200
    grid = response.context["grid"]
    assert grid.rooms == ["Plenary hall", "Room B"]
    assert [row.start for row in grid.rows][:3] == [
        datetime.time(9, 30),
        datetime.time(10, 0),
        datetime.time(10, 30),
    ]
    first = grid.rows[0].cells
    assert first[0].item.title == "Opening panel" and first[0].rowspan == 2
    assert first[1].item.title == "Side event" and first[1].rowspan == 1
    assert grid.rows[1].cells == ["covered", "empty"]
    coffee = grid.rows[2].cells[0]
    assert coffee.item.title == "Coffee" and coffee.colspan == 2
    html = response.content.decode()
    assert '<th scope="col">Room B</th>' in html
    assert "First rotation" in html  # a block's parts inside its cell


def test_the_grid_describes_the_rooms_the_organiser_manages(client, agenda):
    Room.objects.create(
        event=agenda.event, name="plenary HALL", capacity=120, accessibility_notes="Step-free access."
    )
    Room.objects.create(event=agenda.event, name="Unused room", capacity=10)
    html = client.get(_url("day_grid", agenda.event, "2024-06-04")).content.decode()
    assert "Seats 120 people." in html and "Step-free access." in html
    assert "Unused room" not in html


def test_the_grid_of_a_closed_day_is_404_and_of_a_participants_day_asks_to_log_in(client, agenda):
    assert client.get(_url("day_grid", agenda.event, "2024-06-07")).status_code == 404
    response = client.get(_url("day_grid", agenda.event, "2024-06-03"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_grid_shows_a_track_only_to_its_audience(client, make_user, agenda):
    AgendaItemFactory(
        day=agenda.friday,
        start=datetime.time(11, 0),
        end=datetime.time(12, 0),
        title="Track for non-members",
        audience=Audience.NON_MEMBERS,
        room="Room C",
    )
    client.force_login(make_user(agenda.event, "participant"))
    html = client.get(_url("day_grid", agenda.event, "2024-06-07")).content.decode()
    assert "Track for non-members" in html
    assert "Child safeguarding workshop" not in html


# --- Now and next ---------------------------------------------------------------------------------------


@pytest.fixture
def at(monkeypatch):
    def set_clock(local: datetime.datetime):
        monkeypatch.setattr(programme, "clock", lambda: local.replace(tzinfo=CR).astimezone(datetime.UTC))

    return set_clock


def test_now_shows_the_running_rotation_and_next_nothing_more(client, agenda, at):
    at(datetime.datetime(2024, 6, 4, 14, 30))
    response = client.get(_url("now_next", agenda.event))
    current = response.context["current"]
    assert [item.title for item in current.now] == ["First rotation"]
    assert current.next == []
    assert "Nothing more today." in response.content.decode()
    assert "It is 14:30 on Tuesday 4 June 2024 (America/Costa_Rica)." in response.content.decode()


def test_next_is_what_starts_first_after_now_in_the_event_time_zone(client, agenda, at):
    # 15:00 UTC is 09:00 in Costa Rica: the panel at 09:30 is next.
    at(datetime.datetime(2024, 6, 4, 9, 0))
    current = client.get(_url("now_next", agenda.event)).context["current"]
    assert current.now == []
    assert [item.title for item in current.next] == ["Opening panel"]


def test_nothing_now_outside_the_event_and_on_a_closed_day(client, agenda, at):
    at(datetime.datetime(2024, 7, 1, 10, 0))
    assert (
        "Nothing now: the event is not taking place today."
        in client.get(_url("now_next", agenda.event)).content.decode()
    )
    at(datetime.datetime(2024, 6, 7, 9, 30))  # the closed Friday: nothing for the public
    html = client.get(_url("now_next", agenda.event)).content.decode()
    assert "Nothing now: no programme today that you may see." in html
    assert "Child safeguarding workshop" not in html


def test_members_see_the_closed_day_now(client, make_user, agenda, at):
    at(datetime.datetime(2024, 6, 7, 9, 30))
    client.force_login(make_user(agenda.event, "member"))
    current = client.get(_url("now_next", agenda.event)).context["current"]
    assert [item.title for item in current.now] == ["Child safeguarding workshop"]


# --- Search ---------------------------------------------------------------------------------------------


def test_search_finds_titles_and_people_without_case_or_accents(client, agenda):
    hits = client.get(_url("agenda_search", agenda.event), {"q": "FATIMA"}).context["hits"]
    assert [hit.item.title for hit in hits] == ["Opening panel"]
    hits = client.get(_url("agenda_search", agenda.event), {"q": "second rot"}).context["hits"]
    assert [(hit.item.title, hit.parent.title) for hit in hits] == [
        ("Second rotation", "Distilling challenges by areas")
    ]


def test_search_matches_words_from_their_start_only(client, agenda):
    hits = client.get(_url("agenda_search", agenda.event), {"q": "pen"}).context["hits"]
    assert hits == []  # "Opening" does not start with "pen"


def test_search_respects_visibility(client, make_user, agenda):
    assert client.get(_url("agenda_search", agenda.event), {"q": "safeguarding"}).context["hits"] == []
    assert client.get(_url("agenda_search", agenda.event), {"q": "welcome"}).context["hits"] == []
    client.force_login(make_user(agenda.event, "member"))
    hits = client.get(_url("agenda_search", agenda.event), {"q": "safeguarding"}).context["hits"]
    assert [hit.item.title for hit in hits] == ["Child safeguarding workshop"]


def test_search_of_an_outline_finds_titles_but_never_people(client, agenda):
    agenda.friday.outline_public = True
    agenda.friday.save()
    assert [
        h.item.title
        for h in client.get(_url("agenda_search", agenda.event), {"q": "workshop"}).context["hits"]
    ] == ["Child safeguarding workshop"]
    assert client.get(_url("agenda_search", agenda.event), {"q": "closed speaker"}).context["hits"] == []


def test_an_empty_search_asks_for_a_word(client, agenda):
    response = client.get(_url("agenda_search", agenda.event), {"q": " ! "})
    assert "Type at least one word." in response.content.decode()


# --- Speakers -------------------------------------------------------------------------------------------


def test_speakers_are_the_people_the_reader_may_see(client, make_user, agenda):
    names = [p.name for p in client.get(_url("speakers", agenda.event)).context["speakers"]]
    assert names == ["Guillaume Landry", "Mama Fátima Singateh"]
    client.force_login(make_user(agenda.event, "member"))
    names = [p.name for p in client.get(_url("speakers", agenda.event)).context["speakers"]]
    assert names == ["Closed Speaker", "Guillaume Landry", "Mama Fátima Singateh"]


def test_an_unpublished_events_programme_pages_are_refused(client, agenda, at):
    agenda.event.is_published = False
    agenda.event.save()
    at(datetime.datetime(2024, 6, 4, 10, 0))
    for name, args in [
        ("speakers", ()),
        ("now_next", ()),
        ("agenda_search", ()),
        ("day_grid", ("2024-06-04",)),
    ]:
        assert client.get(_url(name, agenda.event, *args)).status_code in {302, 404}


# --- Queries --------------------------------------------------------------------------------------------


def _build(*, items: int):
    event = EventFactory()
    day = DayFactory(event=event, date=datetime.date(2024, 6, 4))
    for i in range(items):
        item = AgendaItemFactory(
            day=day,
            start=datetime.time(8 + i // 3, 0),
            end=datetime.time(8 + i // 3, 45),
            room=f"Room {i % 3}",
            title=f"Session {i}",
        )
        ItemPersonFactory(item=item, person=PersonFactory(event=event))
    return event


@pytest.mark.parametrize(
    ("name", "args", "params"),
    [
        ("day_grid", ("2024-06-04",), {}),
        ("now_next", (), {}),
        ("agenda_search", (), {"q": "session"}),
        ("speakers", (), {}),
    ],
)
def test_programme_pages_cost_the_same_queries_at_two_sizes(
    db, client, at, name, args, params, django_assert_num_queries
):
    """Both events are new to the page cache, so both renders run every query."""
    at(datetime.datetime(2024, 6, 4, 9, 10))
    small, large = _build(items=3), _build(items=30)
    with CaptureQueriesContext(connection) as first:
        assert client.get(_url(name, small, *args), params).status_code == 200
    with django_assert_num_queries(len(first.captured_queries)):
        response = client.get(_url(name, large, *args), params)
    assert response.status_code == 200
    assert len(first.captured_queries) <= 8
