"""One permission vocabulary for the whole portal.

A permission is a name; `roles_for(user, event)` says which roles a user holds in an event, and
PERMISSIONS says which roles grant which permission. Views ask `has_perm(user, event, "perm")` or use
`EventPermissionMixin`. Object-level rules that depend on more than the role (a facilitator's own
tables) live next to the object's service and build on `roles_for`.
"""

from __future__ import annotations

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Audience, Event, Role

# permission -> roles that grant it. Superusers hold every permission.
PERMISSIONS: dict[str, set[str]] = {
    "event.view": {"*"},  # anyone may read a published event's open parts
    "event.view_unpublished": {Role.ORGANISER, Role.FACILITATOR, Role.RAPPORTEUR},
    "event.view_participants_days": {
        Role.ORGANISER,
        Role.FACILITATOR,
        Role.RAPPORTEUR,
        Role.PARTICIPANT,
        Role.MEMBER,
    },
    "event.view_closed": {Role.ORGANISER, Role.MEMBER},
    "event.change": {Role.ORGANISER},
    "registrations.manage": {Role.ORGANISER},
    "allocation.manage": {Role.ORGANISER},
    "tables.take_part": {Role.PARTICIPANT},
    "tables.facilitate": {Role.FACILITATOR, Role.ORGANISER},
    "directory.view": {Role.ORGANISER, Role.FACILITATOR, Role.RAPPORTEUR, Role.PARTICIPANT, Role.MEMBER},
    "findings.view": {Role.ORGANISER, Role.FACILITATOR, Role.RAPPORTEUR, Role.PARTICIPANT, Role.MEMBER},
    "findings.write": {Role.FACILITATOR},
    "findings.review": {Role.RAPPORTEUR, Role.ORGANISER},
    "takeaways.write": {Role.PARTICIPANT, Role.MEMBER, Role.FACILITATOR, Role.RAPPORTEUR, Role.ORGANISER},
    "evaluation.answer": {Role.PARTICIPANT, Role.MEMBER},
    "evaluation.manage": {Role.ORGANISER},
    "report.manage": {Role.RAPPORTEUR, Role.ORGANISER},
}

_CACHE_ATTR = "_dialogue_roles_cache"


def roles_for(user, event: Event) -> frozenset[str]:
    """The roles `user` holds in `event`, from `EventRole` alone (approving a registration grants the
    role participant; sessions_app keeps the two in step).

    Cached on the user object for the request so that a page asks the database once per event.
    """
    if user is None or not user.is_authenticated:
        return frozenset()
    cache = getattr(user, _CACHE_ATTR, None)
    if cache is None:
        cache = {}
        setattr(user, _CACHE_ATTR, cache)
    if event.pk not in cache:
        cache[event.pk] = frozenset(event.roles.filter(user=user).values_list("role", flat=True))
    return cache[event.pk]


def forget_roles(user) -> None:
    """Drop the per-request role cache after roles changed within the same request."""
    if user is not None and hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def has_perm(user, event: Event, perm: str) -> bool:
    if perm not in PERMISSIONS:
        raise ValueError(f"Unknown permission {perm!r}")
    if user is not None and user.is_authenticated and user.is_superuser:
        return True
    granted = PERMISSIONS[perm]
    if "*" in granted:
        return event.is_published or has_perm(user, event, "event.view_unpublished")
    return bool(roles_for(user, event) & granted)


def can_see_audience(user, event: Event, audience: str) -> bool:
    """Whether `user` may see a day or item with this audience at all."""
    if audience == Audience.MEMBERS:
        return has_perm(user, event, "event.view_closed")
    if audience == Audience.PARTICIPANTS:
        return has_perm(user, event, "event.view_participants_days")
    return has_perm(user, event, "event.view")


def visible_audiences(user, event: Event) -> frozenset[str]:
    """The audiences whose days and items `user` may see in `event`.

    Public parts for anyone who may view the event; participants' days for registered participants,
    members and staff; closed days for members and organisers.
    """
    audiences = set()
    if has_perm(user, event, "event.view"):
        audiences.add(Audience.PUBLIC)
    if has_perm(user, event, "event.view_participants_days"):
        audiences.add(Audience.PARTICIPANTS)
    if has_perm(user, event, "event.view_closed"):
        audiences.add(Audience.MEMBERS)
    return frozenset(audiences)


def visible_days(user, event: Event):
    """The days `user` may see, as a queryset: participants' days only for participants, members and
    staff; closed days only for members and organisers."""
    return event.days.filter(audience__in=visible_audiences(user, event))


class EventPermissionMixin(AccessMixin):
    """Loads `self.event` from the URL's `slug` and checks `permission_required` on it.

    Anonymous users are sent to log in; signed-in users without the permission get 403. Events that
    are not published are 404 for everyone who may not see them, so their existence does not leak.
    """

    permission_required: str = "event.view"
    event_url_kwarg = "slug"

    def get_event(self) -> Event:
        return get_object_or_404(
            Event.objects.select_related("series", "host"), slug=self.kwargs[self.event_url_kwarg]
        )

    def dispatch(self, request, *args, **kwargs):
        self.event = self.get_event()
        if not has_perm(request.user, self.event, "event.view"):
            raise Http404
        if not has_perm(request.user, self.event, self.permission_required):
            if not request.user.is_authenticated:
                return self.handle_no_permission()
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["event"] = self.event
        context["event_roles"] = roles_for(self.request.user, self.event)
        context["can_change_event"] = has_perm(self.request.user, self.event, "event.change")
        return context
