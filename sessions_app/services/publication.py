"""Publishing an allocation: each participant's tables by e-mail, on their personal agenda, in iCal."""

from __future__ import annotations

import logging
from functools import partial

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from events import jobs
from events.mailing import MailingReport, send_once, sent_count
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


def publish_allocation(*, session: TableSession, base_url: str = "", notify: bool = True, requested_by=None):
    """Publish the session's allocation and start the job that e-mails every seated participant their
    tables (`send_allocation_emails`, in batches, never twice to one person). Returns that job, or None
    with `notify=False`."""
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
        return None
    return start_allocation_emails(session=session, base_url=base_url, requested_by=requested_by)


def start_allocation_emails(*, session: TableSession, base_url: str = "", requested_by=None):
    """Start (again) the job that e-mails the published allocation to the seated participants not yet
    written to."""
    if session.published_at is None:
        raise SessionsError(_("Publish the allocation before sending it."))
    return jobs.start_job(
        kind="sessions_app.allocation_emails",
        inputs={"session": session.pk, "base_url": base_url},
        event=session.event,
        requested_by=requested_by,
    )


def email_key_prefix(*, session: TableSession) -> str:
    return f"allocation:{session.pk}:"


def seated_registrations(*, session: TableSession):
    return (
        Registration.objects.filter(
            assignments__rotation__session=session, status=Registration.Status.APPROVED
        )
        .select_related("user", "event")
        .distinct()
        .order_by("created_at", "pk")
    )


def send_allocation_emails(*, session: TableSession, base_url: str = "") -> MailingReport:
    """E-mail each seated participant of the published `session` their tables, in batches; people an
    earlier run already wrote to are skipped (`events.mailing.send_once`)."""
    prefix = email_key_prefix(session=session)
    messages = (
        (
            f"{prefix}{registration.pk}",
            partial(allocation_email, registration=registration, session=session, base_url=base_url),
        )
        for registration in seated_registrations(session=session).iterator(chunk_size=500)
    )
    report = send_once(messages=messages)
    if report.failed:
        logger.error("%s allocation e-mails of session %s could not be sent", len(report.failed), session.pk)
    return report


def allocation_email_counts(*, session: TableSession) -> tuple[int, int]:
    """(e-mails sent, seated participants) of the session's published allocation."""
    return sent_count(prefix=email_key_prefix(session=session)), seated_registrations(session=session).count()


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
