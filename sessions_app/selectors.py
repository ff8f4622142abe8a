"""Read queries of the tables area that views and services share.

Each returns what its page needs, prefetched, so that a page costs the same number of queries however
many rows it shows. Nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q, QuerySet

from events.models import AgendaItem, Event, Role

from .models import (
    Assignment,
    BreakoutGroup,
    GroupPlacement,
    Material,
    Preference,
    Registration,
    Table,
    TableSession,
    TableSlot,
)

Status = Registration.Status


# --- registrations ------------------------------------------------------------------------------------


def registration_of(*, event: Event, user) -> Registration | None:
    """The user's registration for the event, whatever its status."""
    return Registration.objects.filter(event=event, user=user).first()


def approved_registration(*, event: Event, user) -> Registration | None:
    return Registration.objects.filter(event=event, user=user, status=Status.APPROVED).first()


def approved_registrations(*, event: Event) -> QuerySet[Registration]:
    """The event's participants, in registration order (the order of the first-come baseline too)."""
    return Registration.objects.filter(event=event, status=Status.APPROVED).order_by("created_at", "pk")


def approved_count(*, event: Event) -> int:
    return Registration.objects.filter(event=event, status=Status.APPROVED).count()


def registrations_by_event(*, user) -> dict[int, Registration]:
    """{event pk: registration} of every event the user registered for (any status), in one query."""
    return {
        registration.event_id: registration
        for registration in Registration.objects.filter(user=user).only("event_id", "status")
    }


def registration_desk(*, event: Event, status: str | None = None, **filters) -> QuerySet[Registration]:
    """The organisers' list: every registration matching the desk's filters (`filter_registrations`),
    oldest first."""
    registrations = (
        Registration.objects.filter(event=event).select_related("user").order_by("created_at", "pk")
    )
    if status:
        filters["status"] = status
    return filter_registrations(registrations, **filters)


def filter_registrations(
    registrations: QuerySet[Registration],
    *,
    q: str = "",
    status: str = "",
    country: str = "",
    sector: str = "",
    language: str = "",
    session: int | None = None,
) -> QuerySet[Registration]:
    """Narrow `registrations` by a search in names, e-mail addresses and organisations, and by status,
    country, sector, preferred language and the table session a person has a seat in."""
    for word in q.split():
        registrations = registrations.filter(
            Q(full_name__icontains=word) | Q(user__email__icontains=word) | Q(organisation__icontains=word)
        )
    if status:
        registrations = registrations.filter(status=status)
    if country:
        registrations = registrations.filter(country=country)
    if sector:
        registrations = registrations.filter(sector=sector)
    if language:
        registrations = registrations.filter(preferred_language=language)
    if session:
        seated = Assignment.objects.filter(rotation__session_id=session).values("registration_id")
        registrations = registrations.filter(pk__in=seated)
    return registrations


def status_counts(*, event: Event) -> dict[str, int]:
    return dict(Registration.objects.filter(event=event).values_list("status").annotate(n=Count("pk")))


def directory(*, event: Event) -> QuerySet[Registration]:
    """Participants who agreed to be listed; nobody else."""
    return Registration.objects.filter(event=event, status=Status.APPROVED, consent_directory=True).order_by(
        "full_name", "pk"
    )


# --- table sessions and tables ------------------------------------------------------------------------


def table_sessions(*, event: Event) -> QuerySet[TableSession]:
    return TableSession.objects.filter(event=event).select_related("agenda_item__day", "event")


def table_sessions_with_counts(*, event: Event) -> QuerySet[TableSession]:
    return (
        TableSession.objects.filter(event=event)
        .select_related("agenda_item__day")
        .annotate(n_tables=Count("tables", distinct=True), n_rotations=Count("rotations", distinct=True))
    )


def facilitator_choices(*, event: Event):
    """Users who hold the facilitator role in the event."""
    return (
        get_user_model()
        .objects.filter(event_roles__event=event, event_roles__role=Role.FACILITATOR)
        .distinct()
    )


def facilitated_tables(*, event: Event, user, every_table: bool) -> QuerySet[Table]:
    """The tables `user` facilitates, or every table of the event when `every_table` (organisers)."""
    tables = Table.objects.filter(session__event=event).select_related("session")
    if not every_table:
        tables = tables.filter(facilitators=user)
    return tables.order_by("session__pk", "number")


def table_rosters(*, table: Table) -> list[tuple]:
    """[(rotation, [registrations])] of one table, every rotation of its session listed."""
    rosters = {}
    for assignment in (
        Assignment.objects.filter(table=table)
        .select_related("registration", "rotation")
        .order_by("rotation__number", "registration__full_name", "registration__pk")
    ):
        rosters.setdefault(assignment.rotation, []).append(assignment.registration)
    return [(rotation, rosters.get(rotation, [])) for rotation in table.session.rotations.all()]


# --- rankings and allocation --------------------------------------------------------------------------


def ranking_of(*, registration: Registration, session: TableSession) -> dict[int, int]:
    """{table pk: rank} of the person's ranking in the session."""
    return dict(
        Preference.objects.filter(registration=registration, table__session=session).values_list(
            "table_id", "rank"
        )
    )


def ranked_session_ids(*, registration: Registration) -> set[int]:
    """The pks of the table sessions in which the person ranked at least one table (one query)."""
    return set(
        Preference.objects.filter(registration=registration).values_list("table__session_id", flat=True)
    )


def ranked_count(*, session: TableSession) -> int:
    """How many participants ranked at least one table of the session."""
    return (
        Registration.objects.filter(
            event=session.event_id, status=Status.APPROVED, preferences__table__session=session
        )
        .distinct()
        .count()
    )


def unplaced_registrations(*, session: TableSession, ids: list[str]) -> QuerySet[Registration]:
    """The registrations behind the solver's participant ids ("r<pk>")."""
    pks = [pid[1:] for pid in ids if pid[1:].isdigit()]
    return Registration.objects.filter(pk__in=pks, event=session.event_id)


def roster_grid(*, session: TableSession) -> list[tuple]:
    """[(rotation, [(table, seats, [registrations])])] for a session, in a fixed number of queries."""
    rotations = list(session.rotations.order_by("number"))
    tables = list(session.tables.order_by("number").prefetch_related("slots"))
    people = {}
    for assignment in (
        Assignment.objects.filter(rotation__session=session)
        .select_related("registration")
        .order_by("registration__full_name", "registration__pk")
    ):
        people.setdefault((assignment.rotation_id, assignment.table_id), []).append(assignment.registration)
    grid = []
    for rotation in rotations:
        row = []
        for table in tables:
            seats = next((slot.seats for slot in table.slots.all() if slot.rotation_id == rotation.pk), 0)
            row.append((table, seats, people.get((rotation.pk, table.pk), [])))
        grid.append((rotation, row))
    return grid


def free_seat_grid(*, session: TableSession) -> list[tuple]:
    """[(rotation, [(table, free seats)])] in two queries' worth of data."""
    taken = {
        (row["table_id"], row["rotation_id"]): row["n"]
        for row in Assignment.objects.filter(rotation__session=session)
        .values("table_id", "rotation_id")
        .annotate(n=Count("pk"))
    }
    grid = {}
    for slot in TableSlot.objects.filter(table__session=session).select_related("table", "rotation"):
        grid.setdefault(slot.rotation, []).append(
            (slot.table, slot.seats - taken.get((slot.table_id, slot.rotation_id), 0))
        )
    return sorted(grid.items(), key=lambda item: item[0].number)


def tables_by_rotation(*, registration: Registration, session: TableSession) -> dict[int, Table]:
    """{rotation pk: table} where the person sits in the session."""
    return {
        assignment.rotation_id: assignment.table
        for assignment in Assignment.objects.filter(
            registration=registration, rotation__session=session
        ).select_related("table")
    }


# --- the personal agenda ------------------------------------------------------------------------------


@dataclass
class Seat:
    """One line of a participant's personal agenda: a table in a rotation."""

    assignment: Assignment
    session: TableSession
    starts_at: datetime
    ends_at: datetime
    room: str
    materials: list[Material]

    # local wall-clock values in the event's time zone, for pages and e-mails
    @property
    def local_start(self) -> datetime:
        return self.starts_at.replace(tzinfo=None)

    @property
    def local_end(self) -> datetime:
        return self.ends_at.replace(tzinfo=None)

    @property
    def table(self):
        return self.assignment.table

    @property
    def rotation(self):
        return self.assignment.rotation


def _times(rotation, session) -> tuple[datetime, datetime]:
    item = rotation.agenda_item or session.agenda_item
    if rotation.agenda_item_id or rotation.start is None or rotation.end is None:
        return item.starts_at(), item.ends_at()
    tz = item.day.event.tz
    return (
        datetime.combine(item.day.date, rotation.start, tzinfo=tz),
        datetime.combine(item.day.date, rotation.end, tzinfo=tz),
    )


def seats_for(*, registration: Registration, published_only: bool = True) -> list[Seat]:
    """The person's tables across the event's table sessions, in time order."""
    assignments = (
        Assignment.objects.filter(registration=registration)
        .select_related(
            "rotation__agenda_item__day__event",
            "table__session__agenda_item__day__event",
        )
        .prefetch_related(Prefetch("table__materials", queryset=Material.objects.order_by("pk")))
    )
    if published_only:
        assignments = assignments.filter(rotation__session__published_at__isnull=False)
    session_materials: dict[int, list[Material]] = {}
    seats = []
    for assignment in assignments:
        session = assignment.table.session
        if session.pk not in session_materials:
            session_materials[session.pk] = list(session.materials.filter(table__isnull=True))
        starts_at, ends_at = _times(assignment.rotation, session)
        room = (
            assignment.table.room
            or (assignment.rotation.agenda_item and assignment.rotation.agenda_item.room)
            or (session.agenda_item.room)
        )
        seats.append(
            Seat(
                assignment=assignment,
                session=session,
                starts_at=starts_at,
                ends_at=ends_at,
                room=room or "",
                materials=list(assignment.table.materials.all()) + session_materials[session.pk],
            )
        )
    seats.sort(key=lambda seat: (seat.starts_at, seat.rotation.number))
    return seats


def group_placements(*, registration: Registration) -> QuerySet[GroupPlacement]:
    return GroupPlacement.objects.filter(registration=registration).select_related("group__agenda_item__day")


# --- breakout groups ----------------------------------------------------------------------------------


def group_work_items(*, event: Event) -> QuerySet[AgendaItem]:
    """Top-level agenda items that are group work or already have groups, each with its groups."""
    groups = BreakoutGroup.objects.annotate(n_placed=Count("placements")).order_by("order", "pk")
    return (
        AgendaItem.objects.filter(day__event=event, parent__isnull=True)
        .filter(Q(kind="group_work") | Q(breakout_groups__isnull=False))
        .distinct()
        .select_related("day")
        .prefetch_related(Prefetch("breakout_groups", queryset=groups))
        .order_by("day__date", "start")
    )


def group_parts(*, group: BreakoutGroup) -> list[tuple[int, list[Registration]]]:
    """[(part, [registrations])] of a breakout group, by country and name within a part."""
    placements = (
        GroupPlacement.objects.filter(group=group)
        .select_related("registration")
        .order_by("part", "registration__country", "registration__full_name")
    )
    parts = {}
    for placement in placements:
        parts.setdefault(placement.part, []).append(placement.registration)
    return sorted(parts.items())


def _days_with_counts(event) -> QuerySet:
    """The days of `event` in order, each with `checked_in` and `expected` (approved registrations that
    chose it)."""
    return event.days.order_by("date").annotate(
        checked_in=Count("check_ins", distinct=True),
        expected=Count(
            "registrations", filter=Q(registrations__status=Registration.Status.APPROVED), distinct=True
        ),
    )


def attendance(*, event) -> dict:
    """The live count of the check-in desk: per day of `event`, how many approved participants said they
    would come and how many checked in; and the approved registrations with the days they checked in.

    Four queries whatever the number of days and people."""
    from .models import CheckIn

    days = list(_days_with_counts(event))
    people = list(
        Registration.objects.filter(event=event, status=Registration.Status.APPROVED)
        .order_by("full_name", "pk")
        .prefetch_related(Prefetch("check_ins", queryset=CheckIn.objects.select_related("day")))
    )
    return {"days": days, "approved": len(people), "people": people}


def attendance_counts(*, event) -> dict:
    """The numbers of `attendance` alone, for the page's live update: approved registrations, and per
    day the check-ins and the expected. Two queries whatever the size."""
    return {
        "approved": Registration.objects.filter(event=event, status=Registration.Status.APPROVED).count(),
        "days": [
            {"id": day["pk"], "checked_in": day["checked_in"], "expected": day["expected"]}
            for day in _days_with_counts(event).values("pk", "checked_in", "expected")
        ],
    }
