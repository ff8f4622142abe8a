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


def _claim(key: str) -> bool:
    """Mark `key` as being sent, unless an earlier run already served (or is serving) it."""
    try:
        with transaction.atomic():
            SentEmail.objects.create(key=key)
    except IntegrityError:
        return False
    return True


class _Refused(Exception):
    """The mail server refused the message of `key` (the batch stops there)."""

    def __init__(self, key: str, error: Exception):
        super().__init__(key)
        self.key, self.error = key, error


def _send_batch(batch: list[tuple[str, Callable[[], EmailMessage]]], report: MailingReport) -> None:
    """Send the batch's messages over one connection. Stops at the first message the server refuses,
    after releasing its marker (`_Refused`): the rest of the batch is then tried again, skipping what went."""
    try:
        with get_connection() as connection:
            for key, build in batch:
                if not _claim(key):
                    report.skipped += 1
                    continue
                try:
                    message = build()
                    message.connection = connection
                    if not connection.send_messages([message]):  # fail_silently: nothing went
                        raise smtplib.SMTPException("The mail server accepted nothing.")
                except BaseException as error:
                    SentEmail.objects.filter(key=key, status=SentEmail.Status.SENDING).delete()
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
) -> MailingReport:
    """Send each `(key, build)` message whose key has no marker yet, `batch_size` messages per connection.
    When the mail server interrupts a batch, the rest of it is tried again after `retry_delay` seconds
    (doubling); a message refused `retries` + 1 times is given up and reported in `failed` (sending the
    same mailing later tries it again). `build` makes the message only when it is to be sent."""
    batch_size = batch_size or settings.MAILING_BATCH_SIZE
    retries = settings.MAILING_RETRIES if retries is None else retries
    delay = settings.MAILING_RETRY_DELAY_SECONDS if retry_delay is None else retry_delay
    report = MailingReport()
    for batch in _batches(messages, batch_size):
        keys = [key for key, _build in batch]
        served = set(SentEmail.objects.filter(key__in=keys).values_list("key", flat=True))
        report.skipped += len(served)
        pending = [(key, build) for key, build in batch if key not in served]
        refusals: dict[str, int] = {}  # times each key was refused ("": the connection failed)
        given_up: set[str] = set()
        while pending:
            try:
                _send_batch(pending, report)
                break
            except _Refused as refused:
                count = refusals[refused.key] = refusals.get(refused.key, 0) + 1
                name = type(refused.error).__name__
                logger.warning("A mailing batch was interrupted (try %s): %s", count, name)
                if count > retries:
                    given_up.add(refused.key)
                elif delay:
                    time.sleep(delay * 2 ** (count - 1))
            served = set(SentEmail.objects.filter(key__in=keys).values_list("key", flat=True))
            pending = [(key, build) for key, build in pending if key not in served and key not in given_up]
            if "" in given_up:  # the mail server cannot be reached: the rest of the batch stays unsent
                given_up.update(key for key, _build in pending)
                pending = []
        report.failed.extend(sorted(given_up - {""}))
    return report


def sent_count(*, prefix: str) -> int:
    """How many messages of the mailing whose keys start with `prefix` went."""
    return SentEmail.objects.filter(key__startswith=prefix, status=SentEmail.Status.SENT).count()
