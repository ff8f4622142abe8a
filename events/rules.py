"""One permission vocabulary for the whole portal, checked in one place.

A permission is a name ("event.change", "tables.facilitate", "findings.review"...). Each app registers
the predicates behind its names in its own `rules.py` (imported by its AppConfig), and every view asks
through `has_perm(user, event, name, obj=None)`, usually by naming `permission_required` on
`events.views.mixins.EventPermissionMixin`. A predicate gets `(user, event, obj)`: `obj` is the object
the rule is about (a table, a record) or None for a rule about the whole event.

Views are the one place permissions are checked. Services do not check them again: they are called by
views that did, by management commands that operators run, and by tests; they check the domain
(a submitted record is read-only, a table is full) and raise `events.errors.DomainError`.

Roles come from `EventRole` alone: approving a registration grants the role "participant"
(`sessions_app.services.registration`), so this base app never reads registrations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .models import Audience, Event, Role

Predicate = Callable[..., bool]

_ROLES_CACHE = "_dialogue_roles_cache"


def roles_for(user, event: Event) -> frozenset[str]:
    """The roles `user` holds in `event`, cached on the user object for the request (one query)."""
    if user is None or not user.is_authenticated:
        return frozenset()
    cache = getattr(user, _ROLES_CACHE, None)
    if cache is None:
        cache = {}
        setattr(user, _ROLES_CACHE, cache)
    if event.pk not in cache:
        cache[event.pk] = frozenset(event.roles.filter(user=user).values_list("role", flat=True))
    return cache[event.pk]


def forget_roles(user) -> None:
    """Drop the per-request role cache after roles changed within the same request."""
    if user is not None and hasattr(user, _ROLES_CACHE):
        delattr(user, _ROLES_CACHE)


_registry: dict[str, Predicate] = {}


def register(name: str, predicate: Predicate) -> None:
    """Register `predicate(user, event, obj)` under the permission `name` (once per name)."""
    if name in _registry and _registry[name] is not predicate:
        raise ValueError(f"Permission {name!r} is registered twice")
    _registry[name] = predicate


def permission_names() -> list[str]:
    return sorted(_registry)


def has_perm(user, event: Event, name: str, obj=None) -> bool:
    """Whether `user` holds the permission `name` in `event` (about `obj`). Superusers hold them all."""
    try:
        predicate = _registry[name]
    except KeyError:
        raise ValueError(f"Unknown permission {name!r}") from None
    if user is not None and user.is_authenticated and user.is_superuser:
        return True
    return bool(predicate(user, event, obj))


# --- Building blocks for predicates ----------------------------------------------------------------


def has_role(*roles: str) -> Predicate:
    """A predicate: the user holds one of `roles` in the event."""
    wanted = frozenset(roles)

    def predicate(user, event, obj=None) -> bool:
        return bool(roles_for(user, event) & wanted)

    predicate.__name__ = "has_role_" + "_or_".join(sorted(wanted))
    return predicate


def any_of(*predicates: Predicate) -> Predicate:
    def predicate(user, event, obj=None) -> bool:
        return any(p(user, event, obj) for p in predicates)

    return predicate


def _can_view_event(user, event, obj=None) -> bool:
    return event.is_published or has_perm(user, event, "event.view_unpublished")


def _is_staff(user, event=None, obj=None) -> bool:
    return bool(user is not None and user.is_authenticated and (user.is_staff or user.is_superuser))


STAFF_ROLES = (Role.ORGANISER, Role.FACILITATOR, Role.RAPPORTEUR)
EVERY_ROLE = (*STAFF_ROLES, Role.PARTICIPANT, Role.MEMBER)

register("event.view", _can_view_event)  # anyone may read a published event's open parts
register("event.view_unpublished", has_role(*STAFF_ROLES))
register("event.view_participants_days", has_role(*EVERY_ROLE))
register("event.view_closed", has_role(Role.ORGANISER, Role.MEMBER))
register("event.change", has_role(Role.ORGANISER))


def _is_participant_not_member(user, event, obj=None) -> bool:
    roles = roles_for(user, event)
    return Role.ORGANISER in roles or (Role.PARTICIPANT in roles and Role.MEMBER not in roles)


# A parallel track for participants who are not network members (organisers see every track).
register("event.view_non_members_track", _is_participant_not_member)
# enters the back office (sees the pages their role opens); the check-in desk, who work at the door, get
# only the check-in pages there (sessions_app "checkin.manage") and none of the rights of EVERY_ROLE
register("event.manage", has_role(*STAFF_ROLES, Role.CHECKIN))
register("event.roles", has_role(*EVERY_ROLE))  # holds any role at all: sees the event's work pages
# Stars items for a personal agenda, which the participant's "My tables" page shows.
register("event.keep_agenda", has_role(Role.PARTICIPANT))


def can_create_event(user) -> bool:
    """Staff members and superusers may create events; whoever creates one becomes its organiser."""
    return _is_staff(user)


# --- Audiences: who may read which days and items ---------------------------------------------------


def visible_audiences(user, event: Event) -> frozenset[str]:
    """The audiences whose days and items `user` may read in `event`.

    Public parts for anyone who may view the event; participants' days for registered participants,
    members and staff; closed days for members and organisers; the tracks for participants who are not
    network members for those participants (and organisers), so that each sees their own track.
    """
    audiences = set()
    if has_perm(user, event, "event.view"):
        audiences.add(Audience.PUBLIC)
    if has_perm(user, event, "event.view_participants_days"):
        audiences.add(Audience.PARTICIPANTS)
    if has_perm(user, event, "event.view_closed"):
        audiences.add(Audience.MEMBERS)
    if has_perm(user, event, "event.view_non_members_track"):
        audiences.add(Audience.NON_MEMBERS)
    return frozenset(audiences)


def can_see_audience(user, event: Event, audience: str) -> bool:
    """Whether `user` may see a day or item with this audience at all."""
    return audience in visible_audiences(user, event)


def visible_days(user, event: Event):
    """The days whose whole programme `user` may read, as a queryset (a day where only a track of theirs
    is open to them, or only an outline, is not one: see `selectors.readable_days`)."""
    return event.days.filter(audience__in=visible_audiences(user, event))


__all__: Iterable[str] = [
    "Predicate",
    "any_of",
    "can_create_event",
    "can_see_audience",
    "forget_roles",
    "has_perm",
    "has_role",
    "permission_names",
    "register",
    "roles_for",
    "visible_audiences",
    "visible_days",
]
