"""Tables and breakout groups in the event's rooms: a warning when a table seats more people than its room
holds, and a room's new name carried to the tables and groups that named it."""

from __future__ import annotations

from django.dispatch import receiver
from django.utils.translation import gettext as _

from events.models import Room
from events.rooms import room_named, room_renamed, rooms_by_name

from .models import BreakoutGroup, Table


def capacity_warning(*, table: Table, rooms: dict[str, Room]) -> str:
    """A sentence when the table's largest rotation seats more people than its room holds, else ""
    (reads the table's prefetched `slots`)."""
    room = room_named(rooms, table.room)
    if room is None or not room.capacity:
        return ""
    seats = max((slot.seats for slot in table.slots.all()), default=0)
    if seats <= room.capacity:
        return ""
    return _("%(table)s seats %(seats)s people, but %(room)s holds %(capacity)s.") % {
        "table": table,
        "seats": seats,
        "room": room.name,
        "capacity": room.capacity,
    }


def with_capacity_warnings(*, event, tables) -> list[Table]:
    """`tables` (slots prefetched), each with `capacity_warning` set (one query for the rooms)."""
    rooms = rooms_by_name(event=event)
    tables = list(tables)
    for table in tables:
        table.capacity_warning = capacity_warning(table=table, rooms=rooms)
    return tables


@receiver(room_renamed)
def rename_in_tables(sender, *, event, old: str, new: str, **kwargs) -> None:
    Table.objects.filter(session__event=event, room__iexact=old).update(room=new)
    BreakoutGroup.objects.filter(agenda_item__day__event=event, room__iexact=old).update(room=new)
