"""Stars: the items a person picks for their own agenda. Reads and writes in one place (small enough not
to split into selectors and services)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from .models import AgendaItem, Day, Event, Star
from .selectors import _item_filter


def visible_item(*, event: Event, audiences: Iterable[str], pk: int) -> AgendaItem | None:
    """The item `pk` of `event` if the reader may see it (in full or as an outline), else None."""
    audiences = list(audiences)
    own = _item_filter(audiences)
    parts_of_a_track = Q(audience="", parent__audience__in=audiences)
    return AgendaItem.objects.filter(day__event=event, pk=pk).filter(own | parts_of_a_track).first()


def star_item(*, user, item: AgendaItem) -> None:
    """Star `item` for `user` (starring twice keeps one star)."""
    Star.objects.get_or_create(user=user, item=item)


def unstar_item(*, user, item: AgendaItem) -> None:
    Star.objects.filter(user=user, item=item).delete()


def starred_ids(*, user, event: Event) -> frozenset[int]:
    """The ids of the items of `event` that `user` starred (one query; none for anonymous readers)."""
    if user is None or not user.is_authenticated:
        return frozenset()
    return frozenset(Star.objects.filter(user=user, item__day__event=event).values_list("item_id", flat=True))


def starred_items(*, days: Iterable[Day], ids: Iterable[int]) -> list[tuple[Day, AgendaItem]]:
    """The starred items among what `selectors.agenda_days` gave the reader, in agenda order: a star on an
    item the reader may no longer see is not shown."""
    ids = set(ids)
    found = []
    for day in days:
        for item in day.top_items:
            if item.pk in ids:
                found.append((day, item))
            found.extend((day, child) for child in item.visible_children if child.pk in ids)
    return found
