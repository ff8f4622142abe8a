"""Reading the agenda as one audience sees it: the queries behind the public pages and exports.

Every function takes the set of audiences the reader may see (`rules.visible_audiences`) and
returns days, items and people with everything a page needs prefetched, so that a page costs the same
number of queries whatever the size of the agenda. And the event's audit log for its back office.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import (
    AgendaItem,
    Audience,
    AuditEntry,
    Day,
    Document,
    Event,
    EventPartner,
    EventRole,
    ItemPerson,
    Person,
    Role,
)


def _item_filter(audiences: Iterable[str], prefix: str = "", *, outlines: bool = True) -> Q:
    """Items the reader may see: a track (an item with an audience of its own) when its audience is one of
    the reader's; any other item when the reader may read its day's programme, or (`outlines`) when the
    day's outline is published."""
    audiences = list(audiences)
    own_day = Q(**{f"{prefix}audience": "", f"{prefix}day__audience__in": audiences})
    condition = Q(**{f"{prefix}audience__in": audiences}) | own_day
    if outlines:
        condition |= Q(**{f"{prefix}audience": "", f"{prefix}day__outline_public": True})
    return condition


def _appearances() -> Prefetch:
    return Prefetch("appearances", queryset=ItemPerson.objects.select_related("person"))


def readable_days(*, event: Event, audiences: Iterable[str], day_qs: QuerySet | None = None) -> QuerySet[Day]:
    """The days of `event` a reader of `audiences` sees at all: those whose programme is theirs, closed days
    whose outline is published, and days with a track of theirs (Friday's for non-members)."""
    audiences = list(audiences)
    tracks = AgendaItem.objects.filter(day=OuterRef("pk"), audience__in=audiences)
    days = day_qs if day_qs is not None else event.days.all()
    return days.filter(Q(audience__in=audiences) | Q(outline_public=True) | Exists(tracks))


def agenda_days(*, event: Event, audiences: Iterable[str], day_qs: QuerySet | None = None) -> list[Day]:
    """The days (and their items, rotations and people) of `event` visible to `audiences`, in order.

    Each day gets `top_items` (items that are not part of a block) and `reading`: "full" when the reader
    may read its programme, "outline" when they see a published outline, "tracks" when they see only the
    tracks meant for them. Each item gets `visible_children` and `is_outline` (shown with its time and
    title only, never its people or description).
    """
    audiences = list(audiences)
    # A part without an audience of its own belongs to its block's track.
    children = AgendaItem.objects.filter(
        _item_filter(audiences) | Q(audience="", parent__audience__in=audiences)
    ).prefetch_related(_appearances())
    items = (
        AgendaItem.objects.filter(parent__isnull=True)
        .filter(_item_filter(audiences))
        .prefetch_related(_appearances(), Prefetch("children", queryset=children, to_attr="visible_children"))
    )
    days = list(
        readable_days(event=event, audiences=audiences, day_qs=day_qs)
        .select_related("co_host")
        .prefetch_related(Prefetch("items", queryset=items, to_attr="top_items"))
    )
    for day in days:
        if day.audience in audiences:
            day.reading = "full"
        else:
            day.reading = "outline" if day.outline_public else "tracks"
        for item in day.top_items:
            item.is_outline = day.reading != "full" and not item.audience
            for child in item.visible_children:
                child.is_outline = item.is_outline
    return days


#: Tracks meant for one group of participants, which a personal programme shows on any day.
GROUP_TRACKS = frozenset({Audience.MEMBERS, Audience.NON_MEMBERS})


def personal_programme(
    *, event: Event, audiences: Iterable[str], dates: Iterable, days: list[Day] | None = None
) -> list[Day]:
    """A participant's own programme: the days they registered for (what they may see of them) and, on
    other days, the tracks meant for their group (Friday's non-members' track, say), in the same shape as
    `agenda_days` (whose result `days` may be given, and is then trimmed in place)."""
    audiences, dates = list(audiences), set(dates)
    programme = []
    if days is None:
        days = agenda_days(event=event, audiences=audiences)
    for day in days:
        if day.date not in dates:
            day.top_items = [item for item in day.top_items if item.audience in GROUP_TRACKS]
        if day.top_items:
            programme.append(day)
    return programme


def hidden_participant_days(*, event: Event, audiences: Iterable[str]) -> list[Day]:
    """Participants' days the reader sees nothing of: shown as a notice that logging in may open them."""
    if Audience.PARTICIPANTS in audiences:
        return []
    days = readable_days(event=event, audiences=audiences)
    return list(event.days.filter(audience=Audience.PARTICIPANTS).exclude(pk__in=days.values("pk")))


def person_appearances(*, person: Person, audiences: Iterable[str]) -> list[ItemPerson]:
    """A person's appearances on items the reader may see in full (never through an outline), in agenda
    order."""
    audiences = list(audiences)
    return list(
        person.appearances.filter(_item_filter(audiences, "item__", outlines=False))
        .filter(Q(item__parent__isnull=True) | _item_filter(audiences, "item__parent__", outlines=False))
        .select_related("item__day", "item__parent")
        .order_by("item__day__date", "item__start", "item__order")
    )


PARTNER_GROUP_LABELS = {
    EventPartner.Kind.HOST: (_("Host"), _("Hosts")),
    EventPartner.Kind.CO_ORGANISER: (_("Co-organiser"), _("Co-organisers")),
    EventPartner.Kind.FUNDER: (_("Funder"), _("Funders")),
    EventPartner.Kind.PARTNER: (_("Partner"), _("Partners")),
}


def partners_by_kind(*, event: Event) -> list[tuple[str, str, list[EventPartner]]]:
    """The event's partners grouped by kind (host, co-organisers, funders, partners), in that order,
    each group with its heading (singular or plural)."""
    partners = list(event.partners.select_related("organisation"))
    groups = []
    for kind, _label in EventPartner.Kind.choices:
        members = [partner for partner in partners if partner.kind == kind]
        if members:
            singular, plural = PARTNER_GROUP_LABELS[kind]
            groups.append((kind, plural if len(members) > 1 else singular, members))
    return groups


def visible_documents(*, event: Event, include_restricted: bool) -> QuerySet[Document]:
    documents = event.documents.all()
    if not include_restricted:
        documents = documents.filter(is_public=True)
    return documents


def my_events(*, user, also: Iterable[int] = ()) -> list[dict]:
    """The user's events with their roles, newest first, in two queries whatever the count. `also` adds
    events the user holds no role in (a registration still pending, for the site's "My events")."""
    roles: dict[int, list[str]] = {}
    for event_id, role in user.event_roles.values_list("event_id", "role"):
        roles.setdefault(event_id, []).append(role)
    events = Event.objects.filter(pk__in=set(roles) | set(also)).order_by("-start_date")
    role_labels = dict(Role.choices)
    return [
        {
            "event": event,
            "roles": [role_labels[role] for role in sorted(roles.get(event.pk, []))],
            "is_organiser": Role.ORGANISER in roles.get(event.pk, []),
        }
        for event in events
    ]


def audit_entries(*, event: Event):
    """The event's audit log, newest first, with the people it names (one query per page)."""
    return (
        AuditEntry.objects.filter(event=event)
        .select_related("actor", "subject")
        .order_by("-created_at", "-pk")
    )


def role_counts(*, event: Event) -> dict[str, int]:
    """How many people hold each role in `event` (one grouped query)."""
    rows = event.roles.values_list("role").annotate(n=Count("id")).order_by()
    return {role: n for role, n in rows}


def event_roles(*, event: Event, role: str = "", query: str = "") -> QuerySet[EventRole]:
    """The roles held in `event`, by role then e-mail address; only `role` if given, only addresses
    containing `query` if given."""
    roles = event.roles.select_related("user").order_by("role", "user__email", "pk")
    if role:
        roles = roles.filter(role=role)
    if query:
        roles = roles.filter(user__email__icontains=query)
    return roles
