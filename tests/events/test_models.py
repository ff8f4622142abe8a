import datetime

import pytest
from django.core.exceptions import ValidationError

from events.models import AgendaItem, Day
from tests.events.factories import AgendaItemFactory, DayFactory, EventFactory

pytestmark = pytest.mark.django_db


def t(hour, minute=0):
    return datetime.time(hour, minute)


def errors_of(obj) -> dict:
    with pytest.raises(ValidationError) as info:
        obj.full_clean()
    return info.value.message_dict


def test_event_last_day_before_first_day_is_refused():
    event = EventFactory.build(start_date=datetime.date(2024, 6, 7), end_date=datetime.date(2024, 6, 3))
    assert errors_of(event)["end_date"] == ["The last day cannot be before the first day."]


def test_event_default_language_must_be_offered():
    event = EventFactory.build(languages=["es"], default_language="en")
    assert errors_of(event)["default_language"] == [
        "The default language must be one of the languages offered."
    ]


def test_event_unknown_timezone_is_refused():
    event = EventFactory.build(timezone="Mars/Olympus")
    assert errors_of(event)["timezone"] == ["“Mars/Olympus” is not a known time zone."]


def test_event_cannot_shrink_past_its_days():
    event = EventFactory()
    DayFactory(event=event, date=datetime.date(2024, 6, 7))
    event.end_date = datetime.date(2024, 6, 5)
    assert errors_of(event)["start_date"] == [
        "These days of the agenda would fall outside the event: 7 June 2024. Move or delete them first."
    ]


def test_day_outside_event_is_refused():
    event = EventFactory()
    day = Day(event=event, date=datetime.date(2024, 6, 8))
    assert errors_of(day)["date"] == ["The day must fall between the event's first and last day."]


def test_day_inside_event_is_valid():
    event = EventFactory()
    Day(event=event, date=datetime.date(2024, 6, 7)).full_clean()


def test_item_ending_before_it_starts_is_refused():
    day = DayFactory()
    item = AgendaItem(day=day, start=t(10), end=t(9), title="Panel", kind="panel")
    assert errors_of(item)["end"] == ["The item must end after it starts."]


def test_item_ending_when_it_starts_is_refused():
    day = DayFactory()
    item = AgendaItem(day=day, start=t(10), end=t(10), title="Panel", kind="panel")
    assert errors_of(item)["end"] == ["The item must end after it starts."]


def test_new_item_overlapping_in_one_room_is_refused():
    day = DayFactory()
    AgendaItemFactory(day=day, start=t(9), end=t(10), room="Sala Guanacaste", title="Welcome remarks")
    item = AgendaItem(day=day, start=t(9, 30), end=t(11), title="Panel", kind="panel", room="sala guanacaste")
    assert errors_of(item)["room"] == [
        "sala guanacaste is already used from 09:00 to 10:00 by “Welcome remarks”."
    ]


def test_edited_item_overlapping_in_one_room_is_refused():
    day = DayFactory()
    AgendaItemFactory(day=day, start=t(9), end=t(10), room="Hall", title="Welcome remarks")
    item = AgendaItemFactory(day=day, start=t(10), end=t(11), room="Hall", title="Panel")
    item.start = t(9, 45)
    assert errors_of(item)["room"] == ["Hall is already used from 09:00 to 10:00 by “Welcome remarks”."]


def test_back_to_back_items_in_one_room_are_valid():
    day = DayFactory()
    AgendaItemFactory(day=day, start=t(9), end=t(10), room="Hall")
    AgendaItem(day=day, start=t(10), end=t(11), title="Panel", kind="panel", room="Hall").full_clean()


def test_parallel_items_in_different_rooms_are_valid():
    day = DayFactory()
    AgendaItemFactory(day=day, start=t(9), end=t(10), room="Room A")
    AgendaItem(day=day, start=t(9), end=t(10), title="Group 2", kind="group_work", room="Room B").full_clean()


def test_same_room_on_another_day_is_valid():
    event = EventFactory()
    AgendaItemFactory(day=DayFactory(event=event), start=t(9), end=t(10), room="Hall")
    other_day = DayFactory(event=event, date=datetime.date(2024, 6, 4))
    AgendaItem(day=other_day, start=t(9), end=t(10), title="Panel", kind="panel", room="Hall").full_clean()


def test_rotation_inside_its_block_shares_the_room():
    day = DayFactory()
    block = AgendaItemFactory(day=day, start=t(14), end=t(17), room="Hall", kind="thematic_tables")
    AgendaItemFactory(day=day, parent=block, start=t(14), end=t(15), room="Hall", kind="rotation")
    AgendaItem(
        day=day, parent=block, start=t(15), end=t(16), title="Second rotation", kind="rotation", room="Hall"
    ).full_clean()


def test_rotation_outside_its_block_is_refused():
    day = DayFactory()
    block = AgendaItemFactory(day=day, start=t(14), end=t(17), kind="thematic_tables")
    rotation = AgendaItem(
        day=day, parent=block, start=t(16, 30), end=t(17, 30), title="Third rotation", kind="rotation"
    )
    assert errors_of(rotation)["start"] == ["A part must fit inside the block it belongs to (14:00–17:00)."]


def test_rotation_on_another_day_than_its_block_is_refused():
    event = EventFactory()
    block = AgendaItemFactory(day=DayFactory(event=event), start=t(14), end=t(17))
    other_day = DayFactory(event=event, date=datetime.date(2024, 6, 4))
    rotation = AgendaItem(day=other_day, parent=block, start=t(14), end=t(15), title="R", kind="rotation")
    assert errors_of(rotation)["parent"] == ["A part must be on the same day as the block it belongs to."]


def test_part_of_a_part_is_refused():
    day = DayFactory()
    block = AgendaItemFactory(day=day, start=t(14), end=t(17))
    rotation = AgendaItemFactory(day=day, parent=block, start=t(14), end=t(15))
    nested = AgendaItem(day=day, parent=rotation, start=t(14), end=t(14, 30), title="N", kind="rotation")
    assert errors_of(nested)["parent"] == ["A part cannot contain further parts: choose a block of the day."]


def test_shrinking_a_block_past_its_parts_is_refused():
    day = DayFactory()
    block = AgendaItemFactory(day=day, start=t(14), end=t(17))
    AgendaItemFactory(day=day, parent=block, start=t(16), end=t(17), title="Third rotation")
    block.end = t(16)
    assert errors_of(block)["end"] == [
        "The part “Third rotation” (16:00–17:00) would no longer fit inside this block."
    ]
