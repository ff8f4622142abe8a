"""Organisers write to a chosen group of registrants: one message, a version per language, each person
getting the version in their preferred language (else the event's default language), sent in batches by a
background job and never twice to one person (each message has its own token; keys are
"message:<token>:<registration>")."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from events import jobs
from events.mailing import MailingReport, send_once
from events.models import AuditAction, Event, Job, SentEmail
from events.services import record_audit

from ..errors import SessionsError
from ..models import Registration
from ..selectors import filter_registrations

logger = logging.getLogger(__name__)
JOB_KIND = "sessions_app.organiser_message"


def message_recipients(*, event: Event, filters: dict):
    """The registrations a message with these filters goes to (cancelled ones only when asked for)."""
    registrations = Registration.objects.filter(event=event)
    if not filters.get("status"):
        registrations = registrations.exclude(status=Registration.Status.CANCELLED)
    return filter_registrations(registrations, **filters).order_by("created_at", "pk")


@dataclass
class MessagePreview:
    count: int
    by_language: list[tuple[str, int, bool]]  # language code, people, whether a version is written


def preview_message(*, event: Event, filters: dict, versions: dict) -> MessagePreview:
    """How many people the message reaches, per language, and which get the default version."""
    counts = Counter(
        message_recipients(event=event, filters=filters).values_list("preferred_language", flat=True)
    )
    rows = [(code, counts[code], code in versions) for code in sorted(counts)]
    return MessagePreview(count=sum(counts.values()), by_language=rows)


def send_organiser_message(*, event: Event, filters: dict, versions: dict, token: str, actor=None) -> Job:
    """Start the job that sends the message to everyone the filters choose now; the audit log records it.
    The same message (token) is sent once: pressing "Send" again is refused."""
    if event.default_language not in versions:
        raise SessionsError(_("Write the message in the event's default language."))
    if Job.objects.filter(kind=JOB_KIND, inputs__token=str(token)).exists():
        raise SessionsError(_("This message was already sent."))
    ids = list(message_recipients(event=event, filters=filters).values_list("pk", flat=True))
    if not ids:
        raise SessionsError(_("No registrant matches these filters."))
    record_audit(
        action=AuditAction.MESSAGE_SENT,
        event=event,
        actor=actor,
        detail=versions[event.default_language]["subject"][:300],
    )
    return jobs.start_job(
        kind=JOB_KIND,
        inputs={"event": event.pk, "token": str(token), "versions": versions, "registrations": ids},
        event=event,
        requested_by=actor,
    )


def organiser_email(*, registration: Registration, versions: dict) -> EmailMessage:
    event = registration.event
    language = registration.preferred_language if registration.preferred_language in versions else None
    language = language or event.default_language
    version = versions[language]
    with translation.override(language):
        body = render_to_string(
            "sessions_app/email/organiser_message.txt",
            {"registration": registration, "event": event, "body": version["body"]},
        )
    return EmailMessage(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{version['subject']}",
        body=body,
        to=[registration.user.email],
    )


def deliver_organiser_message(
    *, event: int, token: str, versions: dict, registrations: list[int]
) -> MailingReport:
    """Send the message to each of `registrations` not yet written to, in batches."""
    chosen = (
        Registration.objects.filter(event_id=event, pk__in=registrations)
        .select_related("user", "event")
        .order_by("pk")
    )
    messages = (
        (f"message:{token}:{r.pk}", partial(organiser_email, registration=r, versions=versions))
        for r in chosen.iterator(chunk_size=500)
    )
    report = send_once(messages=messages, event=Event.objects.get(pk=event), kind=SentEmail.Kind.MESSAGE)
    if report.failed:
        logger.error("%s messages of the organisers could not be sent", len(report.failed))
    return report
