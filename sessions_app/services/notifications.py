"""E-mails about a person's registration: approved, declined, moved up from the waiting list.

A decision is recorded first and its e-mail goes afterwards, from a background job (`events.jobs`,
`sessions_app.registration_emails`) through `events.mailing.send_once`: a mail server that is down never
stops or undoes a decision; the message is listed in the event's outbox as not sent, and sending the
mailing again writes only to the people it missed. Each message is keyed by the registration and the
moment of the decision, so a decision is never announced twice, and a decision changed since is not
announced at all (the newer one has its own e-mail).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from events import jobs
from events.mailing import MailingReport, send_once
from events.models import SentEmail

from ..models import Registration

logger = logging.getLogger(__name__)
Kind = SentEmail.Kind

#: The status a registration must still have for its e-mail to go.
STATUS_OF_KIND = {
    Kind.APPROVED: Registration.Status.APPROVED,
    Kind.PROMOTED: Registration.Status.APPROVED,
    Kind.DECLINED: Registration.Status.DECLINED,
}


def _stamp(registration: Registration) -> str:
    return registration.decided_at.strftime("%Y%m%dT%H%M%S%f") if registration.decided_at else "-"


def decision_key(*, registration: Registration, kind: str) -> str:
    return f"registration-{kind}:{registration.pk}:{_stamp(registration)}"


def decision_email(*, registration: Registration, kind: str, base_url: str = "") -> EmailMessage:
    """The message telling the person the organisers' decision, in their preferred language."""
    event = registration.event
    with translation.override(registration.preferred_language or event.default_language):
        subjects = {
            Kind.APPROVED: _("Your registration for %(event)s is approved"),
            Kind.PROMOTED: _("A place opened for you at %(event)s"),
            Kind.DECLINED: _("Your registration for %(event)s"),
        }
        subject = subjects[kind] % {"event": event.title}
        body = render_to_string(
            "sessions_app/email/registration_decision.txt",
            {"registration": registration, "event": event, "kind": kind, "base_url": base_url.rstrip("/")},
        )
    return EmailMessage(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body=body, to=[registration.user.email]
    )


def announce_decisions(*, registrations: Iterable[Registration], kind: str, base_url: str = "") -> None:
    """Start the job that e-mails these people the decision just recorded (call after it is committed).
    Never raises: a job that cannot start is logged, the decision stands."""
    stamps = {str(r.pk): _stamp(r) for r in registrations if r.status == STATUS_OF_KIND[kind]}
    if not stamps:
        return
    event_id = next(iter(registrations)).event_id
    try:
        jobs.start_job(
            kind="sessions_app.registration_emails",
            inputs={"event": event_id, "kind": str(kind), "stamps": stamps, "base_url": base_url},
            event=next(iter(registrations)).event,
        )
    except Exception:
        logger.exception("The %s e-mails of %s registrations could not be started", kind, len(stamps))


def send_decision_emails(
    *, event: int, kind: str, stamps: dict[str, str], base_url: str = ""
) -> MailingReport:
    """E-mail each registration in `stamps` whose decision is still the one taken at that moment."""
    registrations = (
        Registration.objects.filter(
            event_id=event, pk__in=[int(pk) for pk in stamps], status=STATUS_OF_KIND[kind]
        )
        .select_related("user", "event")
        .order_by("pk")
    )
    current = [r for r in registrations if _stamp(r) == stamps[str(r.pk)]]
    messages = (
        (
            decision_key(registration=r, kind=kind),
            partial(decision_email, registration=r, kind=kind, base_url=base_url),
        )
        for r in current
    )
    report = send_once(messages=messages, event=current[0].event if current else None, kind=kind)
    if report.failed:
        logger.error("%s registration e-mails could not be sent", len(report.failed))
    return report
