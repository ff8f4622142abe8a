"""Table sessions, their rotations, tables with seats per rotation, and sub-regional breakout groups."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.utils.translation import gettext as _

from events.models import AgendaItem, Event, ItemKind

from ..errors import SessionsError
from ..models import BreakoutGroup, GroupPlacement, Rotation, Table, TableSession, TableSlot
from ..selectors import approved_registrations


def rotation_items(*, agenda_item: AgendaItem) -> list[AgendaItem]:
    """The rotation items inside a block, in time order."""
    return list(
        agenda_item.children.filter(kind__in=[ItemKind.ROTATION, ItemKind.WORLD_CAFE]).order_by("start", "pk")
        or agenda_item.children.order_by("start", "pk")
    )


def create_table_session(
    *,
    event: Event,
    agenda_item: AgendaItem,
    title: str = "",
    kind: str = TableSession.Kind.THEMATIC_TABLES,
    rotations: int | None = None,
    **fields,
) -> TableSession:
    """Make `agenda_item` a table session. Its rotations follow the block's rotation items when it has
    some; otherwise `rotations` unlinked time slots are made."""
    if agenda_item.day.event_id != event.pk:
        raise SessionsError(_("This agenda block belongs to another event."))
    if TableSession.objects.filter(agenda_item=agenda_item).exists():
        raise SessionsError(_("This agenda block already has a table session."))
    with transaction.atomic():
        session = TableSession(event=event, agenda_item=agenda_item, kind=kind, **fields)
        if title:
            session.title = title
        session.full_clean()
        session.save()
        items = rotation_items(agenda_item=agenda_item)
        if items:
            for number, item in enumerate(items, start=1):
                Rotation.objects.create(session=session, number=number, agenda_item=item)
        else:
            for number in range(1, (rotations or 1) + 1):
                Rotation.objects.create(session=session, number=number)
    return session


def set_rotation_count(*, session: TableSession, count: int) -> None:
    """Add or remove unlinked rotations; every table gets a slot in each new rotation."""
    if count < 1:
        raise SessionsError(_("A table session needs at least one rotation."))
    with transaction.atomic():
        current = list(session.rotations.order_by("number"))
        if count < len(current):
            doomed = current[count:]
            if any(rotation.assignments.exists() for rotation in doomed):
                raise SessionsError(_("A rotation with seated participants cannot be removed."))
            Rotation.objects.filter(pk__in=[r.pk for r in doomed]).delete()
        for number in range(len(current) + 1, count + 1):
            rotation = Rotation.objects.create(session=session, number=number)
            for table in session.tables.all():
                seats = table.slots.order_by("-rotation__number").values_list("seats", flat=True).first() or 0
                TableSlot.objects.create(table=table, rotation=rotation, seats=seats)


def save_table(*, table: Table, seats: dict[int, int], facilitators=None) -> Table:
    """Save a table with its seats per rotation ({rotation pk: seats}). Seats may not drop below the
    number of people already seated."""
    with transaction.atomic():
        table.full_clean()
        table.save()
        if facilitators is not None:
            table.facilitators.set(facilitators)
        for rotation in table.session.rotations.all():
            wanted = seats.get(rotation.pk)
            if wanted is None:
                continue
            slot, _created = TableSlot.objects.select_for_update().get_or_create(
                table=table, rotation=rotation, defaults={"seats": wanted}
            )
            taken = table.assignments.filter(rotation=rotation).count()
            if wanted < taken:
                raise SessionsError(
                    _("%(rotation)s already seats %(taken)s people: the seats cannot drop below that.")
                    % {"rotation": rotation, "taken": taken}
                )
            if slot.seats != wanted:
                slot.seats = wanted
                slot.save(update_fields=["seats"])
    return table


# --- sub-regional breakout groups ---------------------------------------------------------------------


def place_in_groups(*, agenda_item: AgendaItem) -> dict[int, int]:
    """Place every approved participant in the group mapped to their country, spreading each country's
    people over the group's parts so that the parts stay balanced. Replaces earlier placements.

    Returns {group pk: people placed}. People whose country no group covers stay unplaced.
    """
    event = agenda_item.day.event
    groups = list(BreakoutGroup.objects.filter(agenda_item=agenda_item))
    by_country = {}
    for group in groups:
        for code in group.countries:
            by_country.setdefault(code, group)
    registrations = approved_registrations(event=event).order_by("country", "created_at", "pk")
    counts = defaultdict(lambda: defaultdict(int))
    placements = []
    for registration in registrations:
        group = by_country.get(registration.country.code)
        if group is None:
            continue
        parts = counts[group.pk]
        # the smallest part gets the next person; same country people come in a row so they spread out
        part = min(range(1, group.parts + 1), key=lambda p: (parts[p], p))
        parts[part] += 1
        placements.append(GroupPlacement(group=group, part=part, registration=registration))
    with transaction.atomic():
        GroupPlacement.objects.filter(group__agenda_item=agenda_item).delete()
        GroupPlacement.objects.bulk_create(placements)
    return {group.pk: sum(counts[group.pk].values()) for group in groups}
