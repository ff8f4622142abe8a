"""The tables area's part of the whole-event exchange (events.exchange): registrations, table sessions
with their rotations, tables, seats and materials, rankings, the allocation, breakout groups."""

from events.exchange import Entry, register_part

from .models import (
    Assignment,
    BreakoutGroup,
    GroupPlacement,
    Material,
    Preference,
    Registration,
    Rotation,
    Table,
    TableSession,
    TableSlot,
)

ENTRIES = [
    Entry("registrations", Registration, lambda event: event.registrations.order_by("pk")),
    Entry("table_sessions", TableSession, lambda event: event.table_sessions.order_by("pk")),
    Entry("rotations", Rotation, lambda event: Rotation.objects.filter(session__event=event).order_by("pk")),
    Entry("tables", Table, lambda event: Table.objects.filter(session__event=event).order_by("pk")),
    Entry(
        "table_slots",
        TableSlot,
        lambda event: TableSlot.objects.filter(table__session__event=event).order_by("pk"),
    ),
    Entry("materials", Material, lambda event: Material.objects.filter(session__event=event).order_by("pk")),
    Entry(
        "preferences",
        Preference,
        lambda event: Preference.objects.filter(registration__event=event).order_by("pk"),
    ),
    Entry(
        "assignments",
        Assignment,
        lambda event: Assignment.objects.filter(registration__event=event).order_by("pk"),
    ),
    Entry(
        "breakout_groups",
        BreakoutGroup,
        lambda event: BreakoutGroup.objects.filter(agenda_item__day__event=event).order_by("pk"),
    ),
    Entry(
        "group_placements",
        GroupPlacement,
        lambda event: GroupPlacement.objects.filter(group__agenda_item__day__event=event).order_by("pk"),
    ),
]


def register() -> None:
    register_part("sessions_app", ENTRIES)
