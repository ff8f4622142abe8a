"""Taking a seat at a table in a rotation: organisers' manual moves and participants' switches.

Seats are never oversold: inside one transaction we lock the TableSlot row (select_for_update), count
the people seated under that lock, and let the unique constraints on Assignment catch anything else.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..errors import SeatingError, TableFull
from ..models import Assignment, Registration, Rotation, Table, TableSlot


def free_seats(*, table: Table, rotation: Rotation) -> int:
    slot = TableSlot.objects.filter(table=table, rotation=rotation).first()
    if slot is None:
        return 0
    return slot.seats - Assignment.objects.filter(table=table, rotation=rotation).count()


def take_seat(*, registration: Registration, rotation: Rotation, table: Table, source: str) -> Assignment:
    """Seat `registration` at `table` in `rotation`, replacing their seat in that rotation.

    Raises TableFull when no seat is free, SeatingError when the person already sits at this table
    in another rotation or the objects do not belong together.
    """
    if table.session_id != rotation.session_id or registration.event_id != table.session.event_id:
        raise SeatingError(_("This table is not part of this session."))
    if registration.status != Registration.Status.APPROVED:
        raise SeatingError(_("Only approved participants can take a seat."))
    try:
        with transaction.atomic():
            # lock the slot before counting: two requests may race for the last seat
            slot = TableSlot.objects.select_for_update().filter(table=table, rotation=rotation).first()
            if slot is None:
                raise TableFull(_("This table is full."))
            current = Assignment.objects.filter(registration=registration, rotation=rotation).first()
            if current is not None and current.table_id == table.pk:
                return current
            if (
                Assignment.objects.filter(registration=registration, table=table)
                .exclude(rotation=rotation)
                .exists()
            ):
                raise SeatingError(_("You already sit at this table in another rotation: each table once."))
            taken = Assignment.objects.filter(table=table, rotation=rotation).count()
            if taken >= slot.seats:
                raise TableFull(_("This table is full."))
            if current is None:
                return Assignment.objects.create(
                    registration=registration, rotation=rotation, table=table, source=source
                )
            current.table = table
            current.source = source
            current.save(update_fields=["table", "source", "created_at"])
            return current
    except IntegrityError as exc:
        # the unique constraints are the last guard: a concurrent request seated this person already
        raise SeatingError(_("Your seats changed meanwhile; please reload the page and try again.")) from exc


def move_participant(*, registration: Registration, rotation: Rotation, table: Table) -> Assignment:
    """An organiser moves a person by hand; seats are still enforced."""
    from .publication import ensure_publication_baseline

    ensure_publication_baseline(session=rotation.session)
    return take_seat(
        registration=registration, rotation=rotation, table=table, source=Assignment.Source.MANUAL
    )


def switch_table(*, registration: Registration, rotation: Rotation, table: Table) -> Assignment:
    """After publication, a participant switches to a table with a free seat."""
    if not rotation.session.published_at:
        raise SeatingError(_("The allocation has not been published yet."))
    return take_seat(
        registration=registration, rotation=rotation, table=table, source=Assignment.Source.SWITCH
    )


def unseat(*, registration: Registration, rotation: Rotation) -> None:
    Assignment.objects.filter(registration=registration, rotation=rotation).delete()
