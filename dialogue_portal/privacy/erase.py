"""Erasing an account, as Decidim does: what is the person's goes, what they wrote for everyone stays
without their name.

Gone: the account itself (so nobody can sign in with it), its e-mail addresses, two-factor keys and
sessions; registrations with their answers, rankings, seats and group placements (cancelled first, so that
the seats free up and the waiting list moves up exactly as when the person cancels); roles, directory
entries, the days they were chosen to sum up, facilitation of tables and groups, observatory focal point
roles, the record of which evaluations they answered; the link from a programme's speaker to the account.

Kept, de-identified (their author becomes empty and is shown as "Former participant"): the takeaways they
wrote, the findings records and versions they saved (findings and quotes have no author of their own),
the observatory progress updates and status changes they posted, and the audit log's entries.

All of it in one transaction: a failure leaves the account as it was.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from events.errors import DomainError
from events.models import AuditAction, Event, EventRole, Person, Role
from events.rules import forget_roles
from events.services import bump_content_version, record_audit
from sessions_app.models import Registration
from sessions_app.services.registration import cancel_registration


class ErasureRefused(DomainError):
    """The account cannot be erased yet; the message says what to do first."""


def _events_of(user) -> list[Event]:
    ids = set(EventRole.objects.filter(user=user).values_list("event_id", flat=True))
    ids |= set(Registration.objects.filter(user=user).values_list("event_id", flat=True))
    ids |= set(Person.objects.filter(user=user).values_list("event_id", flat=True))
    return list(Event.objects.filter(pk__in=ids).order_by("pk"))


def _refuse_last_organiser(user) -> None:
    """An event always keeps one organiser (as when a role is revoked): the last one must hand over first."""
    organised = list(
        EventRole.objects.filter(user=user, role=Role.ORGANISER).values_list("event_id", flat=True)
    )
    # Lock every organiser row of those events in one order, as revoke_role does: of two last organisers
    # erasing at once, the second waits, then finds itself alone and is refused.
    rows = list(
        EventRole.objects.select_for_update()
        .filter(event_id__in=organised, role=Role.ORGANISER)
        .order_by("pk")
        .values_list("event_id", "user_id")
    )
    others = {event_id for event_id, user_id in rows if user_id != user.pk}
    alone = Event.objects.filter(pk__in=set(organised) - others).order_by("title")
    titles = [event.title for event in alone]
    if titles:
        raise ErasureRefused(
            _(
                "You are the only organiser of %(events)s. Grant the organiser role to someone else first, "
                "then erase your account."
            ),
            events=", ".join(titles),
        )


def erase_account(*, user) -> None:
    """Erase `user`'s account and personal data (see the module's description)."""
    with transaction.atomic():
        # lock the account: the same erasure asked twice at once runs once
        user = get_user_model().objects.select_for_update().get(pk=user.pk)
        _refuse_last_organiser(user)
        events = _events_of(user)
        speaking = set(Person.objects.filter(user=user).values_list("event_id", flat=True))
        for registration in Registration.objects.filter(user=user).exclude(
            status=Registration.Status.CANCELLED
        ):
            cancel_registration(registration=registration)  # frees seats, moves the waiting list up
        for event in events:
            record_audit(action=AuditAction.ACCOUNT_ERASED, event=event, actor=user, subject=user)
            if event.pk in speaking:
                bump_content_version(event)  # the programme's speaker loses the link to the account
        record_audit(action=AuditAction.ACCOUNT_ERASED, actor=user, subject=user)
        # Everything the person owns goes with the account (foreign keys that cascade); what they wrote
        # for others keeps its place with an empty author (foreign keys set to null).
        user.delete()
    forget_roles(user)
