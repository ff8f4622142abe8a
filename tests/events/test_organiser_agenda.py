import datetime

import pytest
from django.urls import reverse

from events.models import AgendaItem, Day, ItemPerson
from tests.events.factories import AgendaItemFactory, DayFactory, PersonFactory

from .organiser_helpers import build_agenda

pytestmark = pytest.mark.django_db


def t(hour, minute=0):
    return datetime.time(hour, minute)


def manage(name, event, **kwargs):
    return reverse(f"events:{name}", kwargs={"slug": event.slug, **kwargs})


def formset_data(rows=(), prefix="people", initial=0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{i}-{key}"] = value
    return data


def item_data(**overrides):
    data = {
        "kind": "panel",
        "start": "09:30",
        "end": "10:30",
        "room": "Sala Guanacaste",
        "audience": "",
        "title_en": "Opening panel",
        "title_es": "Panel de apertura",
        **formset_data(),
    }
    data.update(overrides)
    return data


# --- Days ---


def test_organiser_adds_day_with_translations(client_as, event):
    response = client_as("organiser").post(
        manage("manage_day_add", event),
        {
            "date": "2024-06-04",
            "audience": "participants",
            "focus_en": "Cross-sector dialogue",
            "focus_es": "Diálogo intersectorial",
            "methodology_en": "Thematic tables",
        },
    )
    assert response.status_code == 302
    day = Day.objects.get(event=event)
    assert (day.date, day.audience, day.focus_en, day.focus_es) == (
        datetime.date(2024, 6, 4),
        "participants",
        "Cross-sector dialogue",
        "Diálogo intersectorial",
    )


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2024-06-09", "The day must fall between the event&#x27;s first and last day."),
        ("2024-06-03", "The event already has a day on Monday 3 June 2024."),
    ],
)
def test_day_outside_event_or_taken_date_saves_nothing(client_as, event, date, message):
    DayFactory(event=event, date=datetime.date(2024, 6, 3))
    response = client_as("organiser").post(
        manage("manage_day_add", event), {"date": date, "audience": "public"}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Day.objects.filter(event=event).count() == 1


def test_organiser_deletes_day_with_its_items(client_as, event):
    day = build_agenda(event, items_per_day=2)[0]
    client = client_as("organiser")
    confirm = client.get(manage("manage_day_delete", event, day_pk=day.pk))
    assert "Its 2 agenda items are deleted with it." in confirm.content.decode()
    response = client.post(manage("manage_day_delete", event, day_pk=day.pk))
    assert response.status_code == 302
    assert (Day.objects.filter(event=event).count(), AgendaItem.objects.count()) == (0, 0)


# --- Duplicate ---


def test_duplicate_day_copies_items_rotations_and_people(client_as, event):
    day = DayFactory(
        event=event,
        date=datetime.date(2024, 6, 4),
        focus_en="Tables",
        focus_es="Mesas",
        audience="participants",
    )
    speaker, moderator = PersonFactory(event=event), PersonFactory(event=event)
    panel = AgendaItemFactory(
        day=day, start=t(9), end=t(10), room="Hall", title_en="Panel", title_es="Panel ES"
    )
    ItemPerson.objects.create(
        item=panel, person=speaker, role="speaker", remote=True, to_be_confirmed=True, order=1
    )
    ItemPerson.objects.create(item=panel, person=moderator, role="moderator", order=0)
    block = AgendaItemFactory(
        day=day, start=t(14), end=t(17), room="Hall", kind="thematic_tables", title="Tables"
    )
    AgendaItemFactory(day=day, parent=block, start=t(14), end=t(15), room="Hall", kind="rotation", title="R1")
    AgendaItemFactory(day=day, parent=block, start=t(15), end=t(16), room="Hall", kind="rotation", title="R2")

    response = client_as("organiser").post(
        manage("manage_day_duplicate", event, day_pk=day.pk), {"date": "2024-06-06"}
    )
    assert response.status_code == 302
    copy = Day.objects.get(event=event, date=datetime.date(2024, 6, 6))
    assert (copy.focus_en, copy.focus_es, copy.audience) == ("Tables", "Mesas", "participants")
    items = list(copy.items.order_by("start", "pk"))
    assert [(i.title, i.start, i.end, i.room) for i in items] == [
        ("Panel", t(9), t(10), "Hall"),
        ("Tables", t(14), t(17), "Hall"),
        ("R1", t(14), t(15), "Hall"),
        ("R2", t(15), t(16), "Hall"),
    ]
    new_panel, new_block, r1, r2 = items
    assert new_panel.title_es == "Panel ES"
    assert (r1.parent_id, r2.parent_id) == (new_block.pk, new_block.pk)
    assert list(
        new_panel.appearances.values_list("person", "role", "remote", "to_be_confirmed", "order")
    ) == [(moderator.pk, "moderator", False, False, 0), (speaker.pk, "speaker", True, True, 1)]
    # The original is untouched.
    assert day.items.count() == 4
    assert ItemPerson.objects.filter(item__day=day).count() == 2


def test_duplicate_day_to_a_taken_date_saves_nothing(client_as, event):
    day = build_agenda(event, days=2)[0]
    response = client_as("organiser").post(
        manage("manage_day_duplicate", event, day_pk=day.pk), {"date": "2024-06-04"}
    )
    assert response.status_code == 200
    assert "The event already has a day on Tuesday 4 June 2024." in response.content.decode()
    assert (Day.objects.count(), AgendaItem.objects.count()) == (2, 2)


# --- Items ---


def test_organiser_adds_item_with_people(client_as, event):
    day = DayFactory(event=event)
    person = PersonFactory(event=event)
    data = item_data(
        **formset_data([{"person": person.pk, "role": "moderator", "remote": "on", "order": "0"}])
    )
    response = client_as("organiser").post(manage("manage_item_add", event, day_pk=day.pk), data)
    assert response.status_code == 302
    item = AgendaItem.objects.get(day=day)
    assert (item.title_en, item.title_es, item.start, item.end, item.room) == (
        "Opening panel",
        "Panel de apertura",
        t(9, 30),
        t(10, 30),
        "Sala Guanacaste",
    )
    assert list(item.appearances.values_list("person", "role", "remote", "to_be_confirmed")) == [
        (person.pk, "moderator", True, False)
    ]


def test_organiser_edits_item_and_removes_an_appearance(client_as, event):
    day = DayFactory(event=event)
    person = PersonFactory(event=event)
    item = AgendaItemFactory(day=day, start=t(9), end=t(10), title_en="Old")
    appearance = ItemPerson.objects.create(item=item, person=person, role="speaker")
    data = item_data(
        title_en="New",
        start="09:00",
        end="10:00",
        **formset_data(
            [{"id": appearance.pk, "person": person.pk, "role": "speaker", "order": "0", "DELETE": "on"}],
            initial=1,
        ),
    )
    response = client_as("organiser").post(manage("manage_item_edit", event, item_pk=item.pk), data)
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title_en, item.appearances.count()) == ("New", 0)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"start": "10:00", "end": "09:00"}, "The item must end after it starts."),
        (
            {"start": "09:30", "end": "10:30", "room": "sala guanacaste"},
            "sala guanacaste is already used from 09:00 to 10:00 by “Welcome remarks”.",
        ),
        ({"title_en": ""}, "Required in the event&#x27;s default language (English)."),
    ],
)
def test_bad_item_saves_nothing_and_shows_error(client_as, event, overrides, message):
    day = DayFactory(event=event)
    AgendaItemFactory(day=day, start=t(9), end=t(10), room="Sala Guanacaste", title="Welcome remarks")
    person = PersonFactory(event=event)
    data = item_data(**overrides, **formset_data([{"person": person.pk, "role": "speaker", "order": "0"}]))
    response = client_as("organiser").post(manage("manage_item_add", event, day_pk=day.pk), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert AgendaItem.objects.count() == 1
    assert ItemPerson.objects.count() == 0


def test_parallel_item_in_another_room_is_saved(client_as, event):
    day = DayFactory(event=event)
    AgendaItemFactory(day=day, start=t(9), end=t(10), room="Sala Guanacaste")
    response = client_as("organiser").post(
        manage("manage_item_add", event, day_pk=day.pk),
        item_data(start="09:00", end="10:00", room="Sala Heredia"),
    )
    assert response.status_code == 302
    assert AgendaItem.objects.filter(day=day).count() == 2


def test_rotation_outside_its_block_is_refused_on_the_form(client_as, event):
    day = DayFactory(event=event)
    block = AgendaItemFactory(day=day, start=t(14), end=t(17), kind="thematic_tables")
    data = item_data(kind="rotation", start="16:30", end="17:30", room="", parent=block.pk)
    response = client_as("organiser").post(manage("manage_item_add", event, day_pk=day.pk), data)
    assert response.status_code == 200
    assert "A part must fit inside the block it belongs to (14:00–17:00)." in response.content.decode()
    assert AgendaItem.objects.count() == 1


def test_item_form_offers_only_this_days_blocks_and_this_events_people(client_as, event):
    day = DayFactory(event=event)
    other_day = DayFactory(event=event, date=datetime.date(2024, 6, 4))
    block = AgendaItemFactory(day=day, title="Block here")
    AgendaItemFactory(day=other_day, title="Block elsewhere")
    PersonFactory(event=event, name="Ana Here")
    PersonFactory(name="Bob Elsewhere")  # another event
    response = client_as("organiser").get(manage("manage_item_add", event, day_pk=day.pk))
    assert [b.pk for b in response.context["form"].fields["parent"].queryset] == [block.pk]
    people = response.context["formset"].forms[0].fields["person"].queryset
    assert [p.name for p in people] == ["Ana Here"]


def test_organiser_deletes_item(client_as, event):
    item = AgendaItemFactory(day=DayFactory(event=event))
    response = client_as("organiser").post(manage("manage_item_delete", event, item_pk=item.pk))
    assert response.status_code == 302
    assert AgendaItem.objects.count() == 0


# --- Reorder ---


def test_move_swaps_items_that_start_at_the_same_time(client_as, event):
    day = DayFactory(event=event)
    a = AgendaItemFactory(day=day, start=t(11), end=t(12), room="A", title="Group A", order=0)
    b = AgendaItemFactory(day=day, start=t(11), end=t(12), room="B", title="Group B", order=0)
    c = AgendaItemFactory(day=day, start=t(11), end=t(12), room="C", title="Group C", order=0)
    client = client_as("organiser")
    response = client.post(manage("manage_item_move", event, item_pk=c.pk), {"direction": "up"})
    assert response.status_code == 302
    assert list(day.items.values_list("title", flat=True)) == ["Group A", "Group C", "Group B"]
    client.post(manage("manage_item_move", event, item_pk=a.pk), {"direction": "down"})
    assert list(day.items.values_list("title", flat=True)) == ["Group C", "Group A", "Group B"]
    assert b.pk  # untouched but renumbered
    response = client.post(manage("manage_item_move", event, item_pk=c.pk), {"direction": "up"}, follow=True)
    assert "“Group C” cannot move further." in response.content.decode()
    assert list(day.items.values_list("title", flat=True)) == ["Group C", "Group A", "Group B"]


def test_item_list_shows_move_buttons_only_within_a_time_group(client_as, event):
    day = DayFactory(event=event)
    AgendaItemFactory(day=day, start=t(9), end=t(10), room="A", title="Alone")
    AgendaItemFactory(day=day, start=t(11), end=t(12), room="A", title="First")
    AgendaItemFactory(day=day, start=t(11), end=t(12), room="B", title="Second")
    response = client_as("organiser").get(manage("manage_items", event))
    content = response.content.decode()
    assert content.count('name="direction" value="up"') == 1
    assert content.count('name="direction" value="down"') == 1


# --- Query counts ---


def test_item_list_query_count_does_not_grow(client_as, event, django_assert_num_queries):
    client = client_as("organiser")
    build_agenda(event, days=1, items_per_day=1, people_per_item=1)
    url = manage("manage_items", event)
    client.get(url)  # warm the session
    # roles come from EventRole alone (no registration query since approving grants the role)
    with django_assert_num_queries(7) as small:
        response = client.get(url)
    assert response.content.decode().count('class="item-title"') == 1
    AgendaItem.objects.all().delete()
    Day.objects.all().delete()
    build_agenda(event, days=3, items_per_day=4, people_per_item=3)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count('class="item-title"') == 12


def test_new_item_goes_last_among_items_starting_with_it(client_as, event):
    day = DayFactory(event=event)
    AgendaItemFactory(day=day, start=t(11), end=t(12), room="A", title="Group A", order=0)
    AgendaItemFactory(day=day, start=t(11), end=t(12), room="B", title="Group B", order=1)
    response = client_as("organiser").post(
        manage("manage_item_add", event, day_pk=day.pk),
        item_data(start="11:00", end="12:00", room="C", title_en="Group C"),
    )
    assert response.status_code == 302
    assert list(day.items.values_list("title", "order")) == [("Group A", 0), ("Group B", 1), ("Group C", 2)]
