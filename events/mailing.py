"""Bulk e-mail: one message per person, sent in batches from a background job, retried when the mail
server fails, and never twice to one person (a `SentEmail` marker per message, keyed by the mailing and
the person).

    report = send_once(messages=((f"allocation:{session.pk}:{r.pk}", lambda r=r: build(r)) for r in ...))

Sending the same mailing again (a retried job, a job started again after a crash mid-batch, an organiser
who presses "send the missing e-mails") writes only to the people not yet served.
"""

from __future__ import annotations

import logging
import smtplib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import SentEmail

logger = logging.getLogger(__name__)

#: What a mail server or its connection raises when a message did not go.
SEND_ERRORS = (OSError, smtplib.SMTPException)


@dataclass
class MailingReport:
    sent: int = 0
    skipped: int = 0  # already served by an earlier run
    failed: list[str] = field(default_factory=list)  # keys still unsent after every retry


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


@dataclass(frozen=True)
class Outbox:
    """Where a mailing's messages are listed: the event's outbox, under `kind`."""

    event: object = None
    kind: str = SentEmail.Kind.OTHER


def _claim(key: str, outbox: Outbox) -> bool:
    """Mark `key` as being sent, unless an earlier run already served (or is serving) it; a message that
    failed before is claimed again."""
    try:
        with transaction.atomic():
            SentEmail.objects.create(key=key, event=outbox.event, kind=outbox.kind)
    except IntegrityError:
        reclaimed = SentEmail.objects.filter(key=key, status=SentEmail.Status.FAILED).update(
            status=SentEmail.Status.SENDING, error="", created_at=timezone.now()
        )
        return bool(reclaimed)
    return True


def _fail(key: str, error: BaseException) -> None:
    SentEmail.objects.filter(key=key, status=SentEmail.Status.SENDING).update(
        status=SentEmail.Status.FAILED, error=f"{type(error).__name__}: {error}"[:500]
    )


def _served(keys: list[str]) -> set[str]:
    """The keys whose message went or is going (a failed one is still to send)."""
    return set(
        SentEmail.objects.filter(key__in=keys)
        .exclude(status=SentEmail.Status.FAILED)
        .values_list("key", flat=True)
    )


def _record_unsent(key: str, build: Callable[[], EmailMessage], outbox: Outbox, error: str) -> None:
    """List a message that never reached the mail server in the outbox as not sent."""
    recipient = subject = ""
    try:
        message = build()
        recipient, subject = ", ".join(message.to), message.subject
    except Exception:  # the outbox entry is still worth having without them
        logger.exception("The message %s could not be built for the outbox", key)
    marker, created = SentEmail.objects.get_or_create(
        key=key,
        defaults={
            "event": outbox.event,
            "kind": outbox.kind,
            "status": SentEmail.Status.FAILED,
            "recipient": recipient[:254],
            "subject": subject[:300],
            "error": error,
        },
    )
    if not created and marker.status == SentEmail.Status.FAILED and not marker.error:
        SentEmail.objects.filter(pk=marker.pk).update(error=error)


class _Refused(Exception):
    """The mail server refused the message of `key` (the batch stops there)."""

    def __init__(self, key: str, error: Exception):
        super().__init__(key)
        self.key, self.error = key, error


def _send_batch(
    batch: list[tuple[str, Callable[[], EmailMessage]]], report: MailingReport, outbox: Outbox
) -> None:
    """Send the batch's messages over one connection. Stops at the first message the server refuses,
    after releasing its marker (`_Refused`): the rest of the batch is then tried again, skipping what went."""
    try:
        with get_connection() as connection:
            for key, build in batch:
                if not _claim(key, outbox):
                    report.skipped += 1
                    continue
                try:
                    message = build()
                    SentEmail.objects.filter(key=key).update(
                        recipient=", ".join(message.to)[:254], subject=str(message.subject)[:300]
                    )
                    message.connection = connection
                    if not connection.send_messages([message]):  # fail_silently: nothing went
                        raise smtplib.SMTPException("The mail server accepted nothing.")
                except BaseException as error:
                    _fail(key, error)
                    if isinstance(error, SEND_ERRORS):
                        raise _Refused(key, error) from error
                    raise
                SentEmail.objects.filter(key=key).update(status=SentEmail.Status.SENT, sent_at=timezone.now())
                report.sent += 1
    except SEND_ERRORS as error:  # opening or closing the connection failed
        raise _Refused("", error) from error


def send_once(
    *,
    messages: Iterable[tuple[str, Callable[[], EmailMessage]]],
    batch_size: int | None = None,
    retries: int | None = None,
    retry_delay: float | None = None,
    event=None,
    kind: str = SentEmail.Kind.OTHER,
) -> MailingReport:
    """Send each `(key, build)` message whose key has no marker yet, `batch_size` messages per connection.
    When the mail server interrupts a batch, the rest of it is tried again after `retry_delay` seconds
    (doubling); a message refused `retries` + 1 times is given up and reported in `failed` (sending the
    same mailing later tries it again). `build` makes the message only when it is to be sent. Each message
    is listed in the outbox of `event` under `kind`, with whether it went."""
    outbox = Outbox(event=event, kind=kind)
    batch_size = batch_size or settings.MAILING_BATCH_SIZE
    retries = settings.MAILING_RETRIES if retries is None else retries
    delay = settings.MAILING_RETRY_DELAY_SECONDS if retry_delay is None else retry_delay
    report = MailingReport()
    for batch in _batches(messages, batch_size):
        keys = [key for key, _build in batch]
        served = _served(keys)
        report.skipped += len(served)
        pending = [(key, build) for key, build in batch if key not in served]
        refusals: dict[str, int] = {}  # times each key was refused ("": the connection failed)
        given_up: set[str] = set()
        while pending:
            try:
                _send_batch(pending, report, outbox)
                break
            except _Refused as refused:
                count = refusals[refused.key] = refusals.get(refused.key, 0) + 1
                name = type(refused.error).__name__
                logger.warning("A mailing batch was interrupted (try %s): %s", count, name)
                if count > retries:
                    given_up.add(refused.key)
                elif delay:
                    time.sleep(delay * 2 ** (count - 1))
            served = _served(keys)
            pending = [(key, build) for key, build in pending if key not in served and key not in given_up]
            if "" in given_up:  # the mail server cannot be reached: the rest of the batch stays unsent
                given_up.update(key for key, _build in pending)
                pending = []
        builds = dict(batch)
        unreachable = _("The mail server could not be reached.")
        for key in sorted(given_up - {""}):
            _record_unsent(key, builds[key], outbox, unreachable)
        report.failed.extend(sorted(given_up - {""}))
    return report


def sent_count(*, prefix: str) -> int:
    """How many messages of the mailing whose keys start with `prefix` went."""
    return SentEmail.objects.filter(key__startswith=prefix, status=SentEmail.Status.SENT).count()
