"""What organisers do to an event: create it, duplicate a day, reorder items, manage partners and roles;
and the audit log of sensitive actions (`record_audit`), which the other apps' services write to.

Views validate a form and call one of these functions. Every function is keyword-only; those that write
more than one row run in a transaction so that a failure saves nothing.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .dates import weekday_date
from .errors import DomainError
from .models import (
    AgendaItem,
    AuditAction,
    AuditEntry,
    Day,
    Event,
    EventPartner,
    EventRole,
    ItemPerson,
    Organisation,
    Role,
)
from .page_cache import forget_cached_event
from .rules import forget_roles


class EventError(DomainError):
    """A rule of the event's domain was broken; the message is meant for the user."""


# --- Audit log ------------------------------------------------------------------------------------------


def record_audit(
    *, action: str, event: Event | None = None, actor=None, subject=None, detail: str = ""
) -> AuditEntry:
    """Write one entry of the audit log (in the caller's transaction, so it goes with the action it records).

    `actor` is who did it, `subject` whom it concerns (both users or None); `detail` is what organisers may
    already see (a role's code, a session's title, a language), never a name or an address.
    """
    actor_id = actor.pk if actor is not None and actor.is_authenticated else None
    return AuditEntry.objects.create(
        event=event,
        actor_id=actor_id,
        had_actor=actor_id is not None,
        subject=subject,
        had_subject=subject is not None,
        action=action,
        detail=str(detail)[:300],
    )


# --- Content version --------------------------------------------------------------------------------


def bump_content_version(event: Event) -> None:
    """Record that something shown on `event`'s public pages or in its printed programme changed.

    Cached pages and generated files (the programme PDF) are keyed by `event.content_version`, so they are
    made again on the next request. Call it from every service or view that changes the event's content,
    inside the same transaction as the change: a rolled-back change keeps the old version.
    """
    Event.objects.filter(pk=event.pk).update(
        content_version=F("content_version") + 1, content_changed_at=timezone.now()
    )
    event.refresh_from_db(fields=["content_version", "content_changed_at"])
    forget_cached_event(event.slug)


def bump_content_version_of_organisation(organisation: Organisation) -> None:
    """An organisation (name, logo...) changed: every event that shows it as host or partner changed."""
    events = Event.objects.filter(Q(host=organisation) | Q(partners__organisation=organisation)).distinct()
    for event in events:
        bump_content_version(event)


@transaction.atomic
def create_event(*, event: Event, creator) -> Event:
    """Save a new (validated) event and make `creator` its organiser (the view checks who may create)."""
    event.full_clean()
    event.save()
    EventRole.objects.create(event=event, user=creator, role=Role.ORGANISER)
    forget_roles(creator)
    return event


# --- Days -------------------------------------------------------------------------------------------


def _clone(obj, **changes):
    """Insert a copy of `obj` (all fields, translations included) with `changes` applied."""
    obj.pk = None
    obj.id = None
    obj._state.adding = True
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.save()
    return obj


@transaction.atomic
def duplicate_day(*, day: Day, date: datetime.date) -> Day:
    """Copy `day` to `date` in the same event: its texts, items, rotations and people appearances.

    Table sessions and breakout groups that point at the original items are not copied: they belong to
    the allocation of the original day.
    """
    event = day.event
    if not (event.start_date <= date <= event.end_date):
        raise EventError(_("The day must fall between the event's first and last day."))
    taken = _("The event already has a day on %(date)s.") % {"date": weekday_date(date)}
    if event.days.filter(date=date).exists():
        raise EventError(taken)
    items = list(day.items.order_by("parent_id", "start", "order", "pk"))
    appearances = list(ItemPerson.objects.filter(item__day=day).order_by("pk"))
    try:
        with transaction.atomic():
            new_day = _clone(Day.objects.get(pk=day.pk), date=date)
    except IntegrityError:  # another request took the date since the check above
        raise EventError(taken) from None
    new_pks: dict[int, int] = {}
    # Blocks first, so that their parts can point at the copies.
    for item in sorted(items, key=lambda i: i.parent_id is not None):
        old_pk = item.pk
        parent_id = new_pks[item.parent_id] if item.parent_id else None
        copy = _clone(item, day=new_day, parent_id=parent_id)
        new_pks[old_pk] = copy.pk
    ItemPerson.objects.bulk_create(
        ItemPerson(
            item_id=new_pks[a.item_id],
            person_id=a.person_id,
            role=a.role,
            remote=a.remote,
            to_be_confirmed=a.to_be_confirmed,
            order=a.order,
        )
        for a in appearances
    )
    bump_content_version(event)
    return new_day


# --- Items ------------------------------------------------------------------------------------------


@transaction.atomic
def save_item(*, item_form, appearance_formset) -> AgendaItem:
    """Save an item and its people appearances together, or nothing.

    A new item (or one moved to another start time) goes last among the items that start with it.
    """
    item = item_form.save(commit=False)
    if item.pk is None or {"start", "parent"} & set(item_form.changed_data):
        siblings = AgendaItem.objects.filter(day_id=item.day_id, start=item.start, parent_id=item.parent_id)
        last = siblings.exclude(pk=item.pk).aggregate(last=Max("order"))["last"]
        item.order = 0 if last is None else last + 1
    item.save()
    appearance_formset.instance = item
    appearance_formset.save()
    bump_content_version(item.day.event)
    return item


@transaction.atomic
def move_item(*, item: AgendaItem, direction: str) -> bool:
    """Move `item` up or down among the items of its day that start at the same time.

    Returns False when there is nothing to swap with (already first or last). The order of the group
    is renumbered 0..n-1 first, so that equal order values from imports do not block a move.
    """
    if direction not in {"up", "down"}:
        raise ValueError(f"Unknown direction {direction!r}")
    group = list(
        AgendaItem.objects.select_for_update()
        .filter(day_id=item.day_id, start=item.start, parent_id=item.parent_id)
        .order_by("order", "pk")
    )
    index = next(i for i, other in enumerate(group) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(group):
        return False
    group[index], group[target] = group[target], group[index]
    for position, other in enumerate(group):
        if other.order != position:
            other.order = position
            other.save(update_fields=["order"])
    item.order = target
    bump_content_version(item.day.event)
    return True


# --- People -----------------------------------------------------------------------------------------


def unique_person_slug(*, event: Event, name: str, exclude_pk: int | None = None) -> str:
    """A slug from `name` that no other person of `event` uses (“ana-perez”, “ana-perez-2”, ...)."""
    base = slugify(name)[:90] or "person"
    taken = set(
        event.people.exclude(pk=exclude_pk).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    return slug


# --- Partners ---------------------------------------------------------------------------------------


def organisation_is_shared(*, organisation: Organisation, event: Event) -> bool:
    """Whether another event also shows this organisation (as partner or host)."""
    if organisation.pk is None:
        return False
    return (
        EventPartner.objects.filter(organisation=organisation).exclude(event=event).exists()
        or Event.objects.filter(host=organisation).exclude(pk=event.pk).exists()
    )


@transaction.atomic
def save_partner(
    *, event: Event, organisation_form, kind: str, order: int, partner: EventPartner | None = None
) -> EventPartner:
    """Save the organisation from `organisation_form` and link it to `event` as `kind`.

    Organisations may be shared between events; an organiser editing a shared one gets a copy for their
    event, so that they never change what another event shows.
    """
    organisation = organisation_form.instance
    if partner is not None and organisation_is_shared(organisation=organisation, event=event):
        organisation.pk = None
        organisation.id = None
        organisation._state.adding = True
    # Check before saving, so that a refused form leaves no uploaded logo behind.
    if (
        organisation.pk is not None
        and EventPartner.objects.filter(event=event, organisation=organisation, kind=kind)
        .exclude(pk=getattr(partner, "pk", None))
        .exists()
    ):
        raise EventError(_("This organisation is already listed with that role."))
    organisation = organisation_form.save()
    if partner is None:
        partner = EventPartner(event=event)
    old_organisation_id = partner.organisation_id
    partner.organisation = organisation
    partner.kind = kind
    partner.order = order
    partner.full_clean()
    partner.save()
    if kind == EventPartner.Kind.HOST and (event.host_id is None or event.host_id == old_organisation_id):
        event.host = organisation
        event.save(update_fields=["host"])
    bump_content_version(event)
    return partner


@transaction.atomic
def delete_partner(*, partner: EventPartner) -> None:
    """Remove the partnership; the organisation itself goes too unless another event still uses it."""
    event, organisation = partner.event, partner.organisation
    partner.delete()
    if event.host_id == organisation.pk and not event.partners.filter(organisation=organisation).exists():
        event.host = None
        event.save(update_fields=["host"])
    if not organisation.partnerships.exists() and not organisation.hosted_events.exists():
        organisation.delete()
    bump_content_version(event)


# --- Roles ------------------------------------------------------------------------------------------


def find_user_by_email(*, email: str):
    """The account with this e-mail address (primary or any confirmed allauth address), or None."""
    from allauth.account.models import EmailAddress

    User = get_user_model()
    email = email.strip()
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    if user is None:
        address = (
            EmailAddress.objects.filter(email__iexact=email).select_related("user").order_by("pk").first()
        )
        user = address.user if address else None
    return user


def grant_role(*, event: Event, email: str, role: str, actor=None) -> EventRole:
    """Give the account with `email` the `role` in `event`. Granting a role twice is harmless (and is not
    logged twice)."""
    if role not in Role.values:
        raise EventError(_("Unknown role."))
    user = find_user_by_email(email=email)
    if user is None:
        raise EventError(
            _("No account uses the address %(email)s. Ask the person to sign up first, then grant the role.")
            % {"email": email}
        )
    with transaction.atomic():
        event_role, created = EventRole.objects.get_or_create(event=event, user=user, role=role)
        if created:
            record_audit(action=AuditAction.ROLE_GRANTED, event=event, actor=actor, subject=user, detail=role)
    forget_roles(user)
    return event_role


@transaction.atomic
def revoke_role(*, event_role: EventRole, actor=None) -> None:
    """Take a role away. An event always keeps at least one organiser."""
    if event_role.role == Role.ORGANISER:
        # Lock the event's organiser rows: two organisers removing each other at once must not both win.
        organisers = list(
            EventRole.objects.select_for_update().filter(event_id=event_role.event_id, role=Role.ORGANISER)
        )
        if len(organisers) <= 1:
            raise EventError(
                _("An event needs at least one organiser: grant the role to someone else first.")
            )
    event_role.delete()
    record_audit(
        action=AuditAction.ROLE_REVOKED,
        event=event_role.event,
        actor=actor,
        subject=event_role.user,
        detail=event_role.role,
    )
    forget_roles(event_role.user)


def validate_day_date(*, event: Event, date: datetime.date, exclude_pk: int | None = None) -> None:
    """Raise ValidationError when `date` is outside the event or already has a day."""
    if not (event.start_date <= date <= event.end_date):
        raise ValidationError(_("The day must fall between the event's first and last day."))
    if event.days.filter(date=date).exclude(pk=exclude_pk).exists():
        raise ValidationError(_("The event already has a day on %(date)s.") % {"date": weekday_date(date)})
