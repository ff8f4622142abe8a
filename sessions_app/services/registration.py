"""Registration: the sign-up window, capacity, the status flow and the waiting list.

Capacity is the event's, so every change that may take or free a place locks the event row first
(`select_for_update`) and counts approved registrations under that lock.

An approved registration is what makes a person a participant: every change of status goes through
`_set_status`, which grants the event role `participant` on approval (or promotion from the waiting
list) and takes it away on any move out of approved, in the same transaction. `events` then answers
"is this person a participant?" from `EventRole` alone.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import AuditAction, Event, EventRole, Role
from events.rules import forget_roles
from events.services import record_audit

from ..errors import SessionsError, SignupClosed
from ..models import Assignment, GroupPlacement, Registration
from ..selectors import approved_count

Status = Registration.Status
REGISTRATION_FIELDS = [
    "full_name",
    "organisation",
    "country",
    "sector",
    "is_network_member",
    "preferred_language",
    "accessibility_needs",
    "consent_directory",
    "consent_quote_attribution",
]


def signup_state(*, event: Event, now: datetime | None = None) -> str:
    """'not_yet', 'open' or 'closed' for the event's sign-up window (empty bounds are open)."""
    now = now or timezone.now()
    if event.signup_opens and now < event.signup_opens:
        return "not_yet"
    if event.signup_closes and now >= event.signup_closes:
        return "closed"
    return "open"


def _locked_event(event: Event) -> Event:
    # lock the event row: capacity is counted under this lock, so two approvals cannot take the last place
    return Event.objects.select_for_update().get(pk=event.pk)


def _has_room(event: Event) -> bool:
    return event.capacity is None or approved_count(event=event) < event.capacity


def sync_participant_role(*, registration: Registration) -> None:
    """Grant the event role `participant` when the registration is approved, take it away otherwise."""
    if registration.status == Status.APPROVED:
        EventRole.objects.get_or_create(
            event_id=registration.event_id, user_id=registration.user_id, role=Role.PARTICIPANT
        )
    else:
        EventRole.objects.filter(
            event_id=registration.event_id, user_id=registration.user_id, role=Role.PARTICIPANT
        ).delete()


def _set_status(registration: Registration, status: str) -> None:
    """Record a decision and keep the participant role in step; call inside the caller's transaction."""
    registration.status = status
    registration.decided_at = timezone.now()
    registration.save(update_fields=["status", "decided_at"])
    sync_participant_role(registration=registration)


def register_participant(
    *, event: Event, user, data: dict, days=(), now: datetime | None = None
) -> Registration:
    """Create (or renew a cancelled) registration. It waits for an organiser's approval, or goes to the
    waiting list at once when the event is already full."""
    state = signup_state(event=event, now=now)
    if state == "not_yet":
        raise SignupClosed(_("Sign-up has not opened yet."))
    if state == "closed":
        raise SignupClosed(_("Sign-up is closed."))
    with transaction.atomic():
        event = _locked_event(event)
        registration = Registration.objects.filter(event=event, user=user).first()
        if registration is not None and registration.status != Status.CANCELLED:
            raise SessionsError(_("You are already registered for this event."))
        if registration is None:
            registration = Registration(event=event, user=user)
        else:
            # a renewed registration joins the end of the queue
            registration.created_at = timezone.now()
        for name in REGISTRATION_FIELDS:
            if name in data:
                setattr(registration, name, data[name])
        registration.status = Status.PENDING if _has_room(event) else Status.WAITLISTED
        registration.decided_at = None
        registration.full_clean(exclude=["days"])
        registration.save()
        registration.days.set(days)
    forget_roles(user)
    return registration


def update_registration(*, registration: Registration, data: dict, days=None) -> Registration:
    """Change a participant's details and consents (the status is not touched)."""
    with transaction.atomic():
        for name in REGISTRATION_FIELDS:
            if name in data:
                setattr(registration, name, data[name])
        registration.full_clean(exclude=["days"])
        registration.save()
        if days is not None:
            registration.days.set(days)
    return registration


def _release_seats(registration: Registration) -> None:
    Assignment.objects.filter(registration=registration).delete()
    GroupPlacement.objects.filter(registration=registration).delete()


def promote_waiting_list(*, event: Event) -> list[Registration]:
    """Approve people from the waiting list, oldest first, while there is room; each becomes a
    participant. Call inside a transaction that holds the event lock (the public services below do)."""
    promoted = []
    if event.capacity is None:
        free = None
    else:
        free = event.capacity - approved_count(event=event)
        if free <= 0:
            return promoted
    waiting = Registration.objects.filter(event=event, status=Status.WAITLISTED).order_by("created_at", "pk")
    if free is not None:
        waiting = waiting[:free]
    for registration in waiting:
        _set_status(registration, Status.APPROVED)
        promoted.append(registration)
    return promoted


def cancel_registration(*, registration: Registration) -> list[Registration]:
    """The participant cancels: their role and seats are released and the waiting list moves up.
    Returns the registrations promoted from the waiting list."""
    with transaction.atomic():
        event = _locked_event(registration.event)
        registration.refresh_from_db()
        if registration.status == Status.CANCELLED:
            return []
        _set_status(registration, Status.CANCELLED)
        _release_seats(registration)
        promoted = promote_waiting_list(event=event)
    forget_roles(registration.user)
    return promoted


def approve_registration(*, registration: Registration, actor=None) -> Registration:
    """Approve (the person becomes a participant), or put on the waiting list when the event is full."""
    with transaction.atomic():
        event = _locked_event(registration.event)
        registration.refresh_from_db()
        if registration.status == Status.APPROVED:
            return registration
        if registration.status == Status.CANCELLED:
            raise SessionsError(_("This registration was cancelled by the participant."))
        _set_status(registration, Status.APPROVED if _has_room(event) else Status.WAITLISTED)
        if registration.status == Status.APPROVED:
            record_audit(
                action=AuditAction.REGISTRATION_APPROVED, event=event, actor=actor, subject=registration.user
            )
    forget_roles(registration.user)
    return registration


def decline_registration(*, registration: Registration, actor=None) -> list[Registration]:
    """Decline (the person is no participant any more); if they held a place, the waiting list moves up."""
    with transaction.atomic():
        event = _locked_event(registration.event)
        registration.refresh_from_db()
        if registration.status == Status.CANCELLED:
            raise SessionsError(_("This registration was cancelled by the participant."))
        _set_status(registration, Status.DECLINED)
        _release_seats(registration)
        record_audit(
            action=AuditAction.REGISTRATION_DECLINED, event=event, actor=actor, subject=registration.user
        )
        promoted = promote_waiting_list(event=event)
    forget_roles(registration.user)
    return promoted


def update_signup_settings(
    *, event: Event, capacity: int | None, signup_opens, signup_closes
) -> list[Registration]:
    """Change capacity and window; a larger capacity moves the waiting list up at once."""
    with transaction.atomic():
        locked = _locked_event(event)
        locked.capacity = capacity
        locked.signup_opens = signup_opens
        locked.signup_closes = signup_closes
        locked.save(update_fields=["capacity", "signup_opens", "signup_closes"])
        promoted = promote_waiting_list(event=locked)
    event.capacity, event.signup_opens, event.signup_closes = capacity, signup_opens, signup_closes
    return promoted
