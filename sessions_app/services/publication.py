"""Publishing an allocation: each participant's tables by e-mail, on their personal agenda, in iCal."""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from events.models import AuditAction
from events.services import record_audit

from ..errors import SessionsError
from ..models import Registration, TableSession
from ..selectors import seats_for

logger = logging.getLogger(__name__)
FEED_SALT = "sessions_app.ical-feed"


def _absolute(url: str, base_url: str) -> str:
    return url if url.startswith("http") else base_url.rstrip("/") + url


def allocation_email(*, registration: Registration, session: TableSession, base_url: str) -> EmailMessage:
    """The message telling a participant their tables, in their preferred language."""
    with translation.override(registration.preferred_language or session.event.default_language):
        seats = [
            seat
            for seat in seats_for(registration=registration, published_only=False)
            if seat.session.pk == session.pk
        ]
        context = {
            "registration": registration,
            "session": session,
            "event": session.event,
            "seats": seats,
            "base_url": base_url.rstrip("/"),
        }
        subject = _("Your tables at %(event)s") % {"event": session.event.title}
        body = render_to_string("sessions_app/email/allocation_published.txt", context)
    return EmailMessage(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body=body, to=[registration.user.email]
    )


def publish_allocation(
    *, session: TableSession, base_url: str = "", notify: bool = True, requested_by=None
) -> int:
    """Publish the session's allocation and e-mail every seated participant their tables.
    Returns the number of e-mails sent."""
    if session.allocated_at is None:
        raise SessionsError(_("Allocate the tables before publishing."))
    with transaction.atomic():
        locked = TableSession.objects.select_for_update().get(pk=session.pk)
        if locked.published_at is not None:
            raise SessionsError(_("The allocation is already published."))
        session.published_at = locked.published_at = timezone.now()
        locked.save(update_fields=["published_at"])
        record_audit(
            action=AuditAction.ALLOCATION_PUBLISHED,
            event=session.event,
            actor=requested_by,
            detail=session.title,
        )
    if not notify:
        return 0
    registrations = (
        Registration.objects.filter(
            assignments__rotation__session=session, status=Registration.Status.APPROVED
        )
        .select_related("user", "event")
        .distinct()
        .order_by("created_at", "pk")
    )
    sent = 0
    with get_connection() as connection:
        for registration in registrations:
            message = allocation_email(registration=registration, session=session, base_url=base_url)
            try:
                sent += connection.send_messages([message]) or 0
            except (OSError, smtplib.SMTPException):
                # the allocation stays published: people still find their tables on their agenda page
                logger.exception("Could not e-mail %s their tables", registration.user.email)
    return sent


def feed_token(*, registration: Registration) -> str:
    """A signed, unguessable token for the person's iCal feed, so calendar apps can subscribe."""
    return signing.dumps(registration.pk, salt=FEED_SALT)


def registration_for_feed(*, event, token: str) -> Registration | None:
    try:
        pk = signing.loads(token, salt=FEED_SALT)
    except signing.BadSignature:
        return None
    return (
        Registration.objects.filter(pk=pk, event=event, status=Registration.Status.APPROVED)
        .select_related("event")
        .first()
    )


def ical_for(*, registration: Registration, base_url: str = "") -> bytes:
    """The person's published tables as an iCalendar file."""
    from icalendar import Calendar
    from icalendar import Event as ICalEvent

    calendar = Calendar()
    calendar.add("prodid", "-//Dialogue Portal//tables//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", registration.event.title)
    for seat in seats_for(registration=registration):
        entry = ICalEvent()
        entry.add("uid", f"assignment-{seat.assignment.pk}@dialogue-portal")
        entry.add("dtstamp", timezone.now())
        entry.add("dtstart", seat.starts_at)
        entry.add("dtend", seat.ends_at)
        entry.add("summary", str(seat.table))
        if seat.room:
            entry.add("location", seat.room)
        entry.add("description", "\n".join(seat.table.questions_list()))
        calendar.add_component(entry)
    return calendar.to_ical()
