"""The back office's one navigation and the links on an event's pages, filled by every app.

Each app lists its entries on its AppConfig (``manage_menu`` and ``event_links``); this base app collects
them, so it never imports the apps built on it. An entry is shown to whoever holds its permission
(`events.rules`); a back-office group appears when at least one of its entries does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Imported by the AppConfigs while the apps load: no model (nor `events.rules`) may be imported here at
# module level.

# The organiser's work, in the order it happens.
GROUPS: list[tuple[str, Promise]] = [
    ("programme", _("Programme")),
    ("people", _("People and partners")),
    ("registration", _("Registration and tables")),
    ("findings", _("Findings")),
    ("report", _("Report")),
    ("settings", _("Settings")),
]


@dataclass(frozen=True)
class MenuEntry:
    """A back-office page. `current` lists the URL names (in the same namespace) of the pages that belong
    to this entry, so that it stays marked while the organiser works inside it."""

    group: str
    label: Promise
    url_name: str
    permission: str
    current: tuple[str, ...] = ()
    order: int = 0

    def is_current(self, namespace: str, name: str) -> bool:
        own_namespace, _sep, own_name = self.url_name.rpartition(":")
        return namespace == own_namespace and (name == own_name or name in self.current)


@dataclass(frozen=True)
class EventLink:
    """A link in an event's navigation. Hidden from whoever holds `unless` (e.g. "Register" once
    registered)."""

    label: Promise
    url_name: str
    permission: str = "event.view"
    unless: str = ""
    current: tuple[str, ...] = ()
    order: int = 0

    def is_current(self, namespace: str, name: str) -> bool:
        own_namespace, _sep, own_name = self.url_name.rpartition(":")
        return namespace == own_namespace and (name == own_name or name in self.current)


@dataclass
class Link:
    label: str
    url: str
    current: bool = False


@dataclass
class Group:
    key: str
    label: str
    links: list[Link] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.links[0].url

    @property
    def current(self) -> bool:
        return any(link.current for link in self.links)


def _entries(attribute: str) -> list:
    found = []
    for config in apps.get_app_configs():
        found.extend(getattr(config, attribute, ()))
    return sorted(found, key=lambda entry: entry.order)


def _where(request) -> tuple[str, str]:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "", ""
    return match.namespace, match.url_name or ""


def manage_menu(request, event) -> list[Group]:
    """The back-office groups and pages `request.user` may open in `event`, in the organiser's order."""
    from .rules import has_perm

    namespace, name = _where(request)
    groups = {key: Group(key, str(label)) for key, label in GROUPS}
    for entry in _entries("manage_menu"):
        if has_perm(request.user, event, entry.permission):
            groups[entry.group].links.append(
                Link(
                    str(entry.label),
                    reverse(entry.url_name, kwargs={"slug": event.slug}),
                    entry.is_current(namespace, name),
                )
            )
    return [group for group in groups.values() if group.links]


def event_links(request, event) -> list[Link]:
    """The links of an event's navigation that `request.user` may follow."""
    from .rules import has_perm

    namespace, name = _where(request)
    links = []
    for entry in _entries("event_links"):
        if not has_perm(request.user, event, entry.permission):
            continue
        if entry.unless and has_perm(request.user, event, entry.unless):
            continue
        links.append(
            Link(
                str(entry.label),
                reverse(entry.url_name, kwargs={"slug": event.slug}),
                entry.is_current(namespace, name),
            )
        )
    return links
