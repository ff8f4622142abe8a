"""Reading the agenda as one audience sees it: the queries behind the public pages and exports.

Every function takes the set of audiences the reader may see (`rules.visible_audiences`) and
returns days, items and people with everything a page needs prefetched, so that a page costs the same
number of queries whatever the size of the agenda. And the event's audit log for its back office.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import (
    AgendaItem,
    Audience,
    AuditEntry,
    Day,
    Document,
    Event,
    EventPartner,
    ItemPerson,
    Person,
    Role,
)


def _item_filter(audiences: Iterable[str], prefix: str = "") -> Q:
    """Items whose own audience is unset (the day's) or one the reader may see."""
    return Q(**{f"{prefix}audience": ""}) | Q(**{f"{prefix}audience__in": list(audiences)})


def _appearances() -> Prefetch:
    return Prefetch("appearances", queryset=ItemPerson.objects.select_related("person"))


def agenda_days(*, event: Event, audiences: Iterable[str], day_qs: QuerySet | None = None) -> list[Day]:
    """The days (and their items, rotations and people) of `event` visible to `audiences`, in order.

    Each day gets `top_items` (items that are not part of a block) and each item `visible_children`.
    """
    audiences = list(audiences)
    children = AgendaItem.objects.filter(_item_filter(audiences)).prefetch_related(_appearances())
    items = (
        AgendaItem.objects.filter(parent__isnull=True)
        .filter(_item_filter(audiences))
        .prefetch_related(_appearances(), Prefetch("children", queryset=children, to_attr="visible_children"))
    )
    days = (day_qs if day_qs is not None else event.days.all()).filter(audience__in=audiences)
    return list(days.prefetch_related(Prefetch("items", queryset=items, to_attr="top_items")))


def hidden_participant_days(*, event: Event, audiences: Iterable[str]) -> list[Day]:
    """Participants' days the reader may not see: shown as a notice that logging in may open them."""
    if Audience.PARTICIPANTS in audiences:
        return []
    return list(event.days.filter(audience=Audience.PARTICIPANTS))


def person_appearances(*, person: Person, audiences: Iterable[str]) -> list[ItemPerson]:
    """A person's appearances on items the reader may see, in agenda order."""
    audiences = list(audiences)
    return list(
        person.appearances.filter(item__day__audience__in=audiences)
        .filter(_item_filter(audiences, "item__"))
        .filter(Q(item__parent__isnull=True) | _item_filter(audiences, "item__parent__"))
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
