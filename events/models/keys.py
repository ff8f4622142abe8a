"""Helpers for natural keys that count: "the n-th block of the day", "the m-th group of an item".

Some objects have nothing unique of their own by which another installation could find them (an agenda
item, a breakout group): their natural key is their parent's key and their place among their siblings in
a fixed order that ends with the primary key. An import creates an event's objects in the order of their
old primary keys, so the places come out the same in the new database (docs/event-format.md).
"""

from django.db import models


def nth(queryset, number: int):
    """The `number`-th object (from 1) of `queryset` in its order, or DoesNotExist."""
    found = list(queryset[number - 1 : number]) if isinstance(number, int) and number >= 1 else []
    if not found:
        raise queryset.model.DoesNotExist(f"No {queryset.model._meta.verbose_name} number {number!r}.")
    return found[0]


def rank(obj, siblings, order: tuple[str, ...]) -> int:
    """The place (from 1) of the saved `obj` among `siblings` sorted by `order`, a tuple of fields ending
    with "pk": the counterpart of `nth`."""
    before = models.Q()
    for n, name in enumerate(order):
        equal = {other: getattr(obj, other) for other in order[:n]}
        before |= models.Q(**equal, **{f"{name}__lt": getattr(obj, name)})
    return siblings.filter(before).count() + 1
