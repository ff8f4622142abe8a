"""The parts of the whole-event exchange: each app registers the models it owns, from its AppConfig.ready().

`events` cannot import the apps built on it, so it learns their models the way it learns their menu entries:
each app's `exchange.py` calls `register_part(app_label, entries)` (docs/architecture.md). The document
holds the parts in the order of INSTALLED_APPS, which is the order of the layers: an app's objects refer
only to its own and to those of the apps below it, which come first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.db import models


@dataclass(frozen=True)
class Entry:
    """One list of the document: `name`, the `model` of its objects and `objects(event)`, the event's objects
    in the order the document lists them.

    An object is known by its model's natural key (`natural_key()` and the manager's `get_by_natural_key()`),
    or, when the model has none, by its position in this list. The order must come out the same after an
    import, which creates the objects in this order: order by primary key, or by anything else an import
    keeps (never by something it changes, such as another model's primary key).
    """

    name: str
    model: type[models.Model]
    objects: Callable[[models.Model], Iterable[models.Model]]
    # Shared by events (series, organisations): an import reuses an object with the same natural key as is.
    shared: bool = False
    # A primary key for each imported object (the anonymous evaluation answers get random ones).
    new_pk: Callable[[], object] | None = None

    @property
    def label(self) -> str:
        return self.model._meta.label_lower


@dataclass(frozen=True)
class Part:
    app_label: str
    entries: tuple[Entry, ...]


_parts: dict[str, Part] = {}


def register_part(app_label: str, entries: Iterable[Entry]) -> None:
    """Register `app_label`'s part of the document (called once, from the app's AppConfig.ready())."""
    part = Part(app_label, tuple(entries))
    names = [entry.name for entry in part.entries]
    if len(set(names)) != len(names):
        raise ValueError(f"The exchange part of {app_label!r} names a list twice: {names}")
    _parts[app_label] = part


def parts() -> list[Part]:
    """The registered parts, in the order of INSTALLED_APPS (the layers: events first)."""
    order = [config.label for config in apps.get_app_configs()]
    return sorted(_parts.values(), key=lambda part: order.index(part.app_label))


def entry_for_model(model) -> Entry | None:
    for part in _parts.values():
        for entry in part.entries:
            if entry.model is model:
                return entry
    return None
