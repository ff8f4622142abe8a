"""Table sessions, their rotations, tables with seats per rotation, and sub-regional breakout groups."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta

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
            slots = split_block(agenda_item=agenda_item, count=rotations or 1)
            for number, (start, end) in enumerate(slots, start=1):
                Rotation.objects.create(session=session, number=number, start=start, end=end)
    return session


def split_block(*, agenda_item: AgendaItem, count: int) -> list[tuple[time, time]]:
    """`count` consecutive slots of equal length (whole minutes) filling the block."""
    day = date(2000, 1, 1)
    begin = datetime.combine(day, agenda_item.start)
    minutes = int((datetime.combine(day, agenda_item.end) - begin).total_seconds() // 60)
    if count > minutes:
        raise SessionsError(_("The agenda block is too short for this many rotations."))
    bounds = [begin + timedelta(minutes=minutes * k // count) for k in range(count + 1)]
    return [(bounds[k].time(), bounds[k + 1].time()) for k in range(count)]


def rotation_time_problems(*, session: TableSession, rotations=None) -> list[str]:
    """What is wrong with the rotations' times: each needs a start and an end inside the session's
    agenda block, and no two may overlap. Empty when all is well."""
    block = session.agenda_item
    rotations = list(rotations if rotations is not None else session.rotations.select_related("agenda_item"))
    problems = []
    timed = []
    for rotation in rotations:
        start, end = rotation.start_time, rotation.end_time
        label = {"number": rotation.number}
        if start is None or end is None:
            problems.append(_("Rotation %(number)s has no start or end time.") % label)
        elif end <= start:
            problems.append(_("Rotation %(number)s ends before it starts.") % label)
        elif start < block.start or end > block.end:
            problems.append(
                _("Rotation %(number)s lies outside its agenda block (%(start)s–%(end)s).")
                % {**label, "start": block.start.strftime("%H:%M"), "end": block.end.strftime("%H:%M")}
            )
        else:
            timed.append((start, end, rotation.number))
    timed.sort()
    for (_start, end, number), (next_start, _end, next_number) in zip(timed, timed[1:], strict=False):
        if next_start < end:
            problems.append(
                _("Rotations %(first)s and %(second)s overlap.") % {"first": number, "second": next_number}
            )
    return problems


def set_rotation_times(*, session: TableSession, times: dict[int, tuple[time, time]]) -> None:
    """Give unlinked rotations their times ({rotation pk: (start, end)}); all or nothing."""
    with transaction.atomic():
        rotations = list(session.rotations.select_related("agenda_item").select_for_update(of=("self",)))
        for rotation in rotations:
            if rotation.pk in times and not rotation.agenda_item_id:
                rotation.start, rotation.end = times[rotation.pk]
        problems = rotation_time_problems(session=session, rotations=rotations)
        if problems:
            raise SessionsError(" ".join(problems))
        for rotation in rotations:
            if rotation.pk in times and not rotation.agenda_item_id:
                rotation.save(update_fields=["start", "end"])


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
        rotations = list(session.rotations.order_by("number"))
        if not any(rotation.agenda_item_id for rotation in rotations):
            # Unlinked rotations share the block evenly again; the organiser may then adjust them.
            slots = split_block(agenda_item=session.agenda_item, count=count)
            for rotation, (start, end) in zip(rotations, slots, strict=True):
                rotation.start, rotation.end = start, end
                rotation.save(update_fields=["start", "end"])


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
