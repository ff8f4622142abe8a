"""A participant's ranking of the tables of a session."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..errors import RankingError
from ..models import Preference, Registration, TableSession


def ranking_open(*, session: TableSession, now: datetime | None = None) -> bool:
    """Rankings may change until the session's ranking deadline (or the event's sign-up close) and
    never once the allocation is published."""
    if session.published_at:
        return False
    deadline = session.preferences_close or session.event.signup_closes
    return deadline is None or (now or timezone.now()) < deadline


def save_ranking(
    *, registration: Registration, session: TableSession, ranks: dict[int, int], now: datetime | None = None
) -> list[Preference]:
    """Store a ranking given as {table pk: rank}. Needs at least as many ranked tables as rotations,
    no rank twice; gaps are closed (ranks 1, 3, 4 become 1, 2, 3). Replaces the earlier ranking."""
    if registration.event_id != session.event_id or registration.status != Registration.Status.APPROVED:
        raise RankingError(_("Only approved participants of this event can rank its tables."))
    if not ranking_open(session=session, now=now):
        raise RankingError(_("The ranking is closed."))
    tables = {table.pk: table for table in session.tables.all()}
    unknown = set(ranks) - set(tables)
    if unknown:
        raise RankingError(_("Some of these tables are not part of this session."))
    values = [rank for rank in ranks.values() if rank]
    if len(values) != len(set(values)):
        raise RankingError(_("Each rank can be given to one table only."))
    needed = min(session.rotations.count(), len(tables))
    if len(values) < needed:
        raise RankingError(
            ngettext(
                "Rank at least %(count)d table.",
                "Rank at least %(count)d tables: one for each rotation.",
                needed,
            )
            % {"count": needed}
        )
    ordered = sorted(((rank, pk) for pk, rank in ranks.items() if rank))
    with transaction.atomic():
        Preference.objects.filter(registration=registration, table__session=session).delete()
        return Preference.objects.bulk_create(
            [
                Preference(registration=registration, table=tables[pk], rank=n)
                for n, (_rank, pk) in enumerate(ordered, 1)
            ]
        )
