"""Asking for background work, and recording what it gave.

A job is a row (`events.models.Job`) that a runner picks up (`events.jobs.runners`): a Celery worker, a
local child process of the web process, or, in tests, the request itself. Whatever ran it, the outcome is
recorded here, so a job's states mean the same everywhere: pending, running, done (with its file) or
failed (with a reason the person who asked can read).
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import DomainError, OutOfTime
from ..models import Job
from .registry import JobKind, get_kind

logger = logging.getLogger(__name__)

#: After its soft limit a Celery task has this long before the worker kills it; a running job counts as
#: lost this long after its limit.
KILL_GRACE_SECONDS = 5


@dataclass
class Outcome:
    """What running a job's function gave: sent from a child process to its parent, so plain data."""

    done: bool
    content: bytes | None = None
    failure: str = ""
    message: str = ""
    detail: str = ""


def _hash(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _queue_seconds() -> float:
    return float(settings.JOBS_QUEUE_SECONDS)


def _find_unfinished(inputs_hash: str) -> Job | None:
    return Job.objects.filter(inputs_hash=inputs_hash, status__in=Job.UNFINISHED).first()


def _submit(
    *, kind: str, inputs: dict, version, event, requested_by, filename: str, reuse_finished: bool
) -> Job:
    job_kind = get_kind(kind)
    inputs_hash, slot = _hash(kind, inputs, version), _hash(kind, inputs)
    if reuse_finished:
        latest = Job.objects.filter(inputs_hash=inputs_hash).order_by("-created_at", "-pk").first()
    else:
        latest = _find_unfinished(inputs_hash)
    if latest is not None:
        if latest.status in Job.UNFINISHED:
            latest = refresh(latest)
        if latest.status in Job.UNFINISHED:
            return latest
        if reuse_finished and latest.status == Job.Status.DONE:
            if not latest.file or latest.file.storage.exists(latest.file.name):
                return latest
        retry_after = timezone.now() - timedelta(seconds=settings.JOBS_RETRY_AFTER_SECONDS)
        if reuse_finished and latest.status == Job.Status.FAILED and latest.finished_at > retry_after:
            return latest  # a render that just ran out of time is not started again at every request
    now = timezone.now()
    try:
        with transaction.atomic():
            job = Job.objects.create(
                kind=kind,
                inputs=inputs,
                inputs_hash=inputs_hash,
                slot=slot,
                event=event,
                requested_by=requested_by if getattr(requested_by, "is_authenticated", False) else None,
                filename=filename,
                content_type=job_kind.content_type,
                created_at=now,
                deadline=now + timedelta(seconds=_queue_seconds() + job_kind.limit() + KILL_GRACE_SECONDS),
            )
    except IntegrityError:
        # Someone asked for the same inputs at the same moment: theirs is the one job.
        return _find_unfinished(inputs_hash) or Job.objects.filter(inputs_hash=inputs_hash).first()
    from .runners import dispatch

    dispatch(job, job_kind)
    return job


def request_file(
    *, kind: str, inputs: dict, version=None, event=None, requested_by=None, filename: str = ""
) -> Job:
    """The job that makes the file of `kind` from `inputs` at `version`: the stored file when it is ready,
    the job under way, a failure of the last few minutes, or a new job started now.

    `inputs` are the function's keyword arguments; `version` is what makes them stale (the event's
    `content_version`): a new version makes a new file, and the older versions of the same inputs are
    deleted once it is ready. Never blocks: the caller shows `job_response` (events.views.jobs).
    """
    return _submit(
        kind=kind,
        inputs=inputs,
        version=version,
        event=event,
        requested_by=requested_by,
        filename=filename,
        reuse_finished=True,
    )


def start_job(*, kind: str, inputs: dict, event=None, requested_by=None, filename: str = "") -> Job:
    """Start work that is done again every time it is asked for (an import, an allocation, e-mails),
    unless the same work is already waiting or running: then that job is returned."""
    return _submit(
        kind=kind,
        inputs=inputs,
        version=None,
        event=event,
        requested_by=requested_by,
        filename=filename,
        reuse_finished=False,
    )


def refresh(job: Job) -> Job:
    """The job as stored now; a pending or running job past its deadline is recorded as failed (its worker
    was killed at the hard limit, died, or never picked it up)."""
    job.refresh_from_db()
    if job.is_overdue:
        failure = Job.Failure.TIMEOUT if job.status == Job.Status.RUNNING else Job.Failure.LOST
        Job.objects.filter(pk=job.pk, status=job.status).update(
            status=Job.Status.FAILED,
            failure=failure,
            detail="No outcome before the deadline.",
            finished_at=timezone.now(),
        )
        job.refresh_from_db()
    return job


def claim(job_pk: int) -> tuple[Job, JobKind] | None:
    """Mark a pending job running (once: a job delivered twice runs once) and set its deadline."""
    job = Job.objects.filter(pk=job_pk).first()
    if job is None:
        return None
    job_kind = get_kind(job.kind)
    now = timezone.now()
    deadline = now + timedelta(seconds=job_kind.limit() + KILL_GRACE_SECONDS)
    claimed = Job.objects.filter(pk=job_pk, status=Job.Status.PENDING, deadline__gt=now).update(
        status=Job.Status.RUNNING, started_at=now, deadline=deadline
    )
    if not claimed:
        return None
    job.refresh_from_db()
    return job, job_kind


def perform(function, inputs: dict, *, event_language: str | None = None) -> Outcome:
    """Run a job's function and say what happened, whatever it raised. A job of an event runs with the
    event's language first in the fallback of translated fields, as its pages do (events.middleware)."""
    from dialogue_portal.i18n import event_language_fallback

    try:
        with event_language_fallback(event_language):
            content = function(**inputs)
    except OutOfTime as error:
        return Outcome(False, failure=Job.Failure.TIMEOUT, detail=f"{type(error).__name__}: {error}"[:2000])
    except DomainError as error:
        return Outcome(False, failure=Job.Failure.REFUSED, message=str(error)[:500])
    except Exception as error:
        # SoftTimeLimitExceeded (Celery) lands here too: it is not ours to import at module level.
        if type(error).__name__ == "SoftTimeLimitExceeded":
            return Outcome(False, failure=Job.Failure.TIMEOUT, detail="Soft time limit exceeded")
        logger.exception("Background job %s failed", getattr(function, "__qualname__", function))
        return Outcome(False, failure=Job.Failure.ERROR, detail=f"{type(error).__name__}: {error}"[:2000])
    return Outcome(True, content=content)


def record(job: Job, outcome: Outcome) -> Job:
    """Store the outcome of a running job: its file and state done, or the failure. Then the older
    versions of the same inputs go, with their files."""
    now = timezone.now()
    running = Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING)
    if outcome.done:
        name = ""
        if outcome.content is not None:
            name = job.file.storage.save(
                job.file.field.generate_filename(job, job.filename or "output"), ContentFile(outcome.content)
            )
        if running.update(status=Job.Status.DONE, file=name, finished_at=now):
            _prune_superseded(job)
        elif name:
            job.file.storage.delete(name)  # the job was given up meanwhile: its file goes
    else:
        running.update(
            status=Job.Status.FAILED,
            failure=outcome.failure,
            message=outcome.message,
            detail=outcome.detail,
            finished_at=now,
        )
    job.refresh_from_db()
    return job


def _prune_superseded(job: Job) -> None:
    for old in Job.objects.filter(slot=job.slot).exclude(pk=job.pk).exclude(status__in=Job.UNFINISHED):
        if old.file:
            old.file.storage.delete(old.file.name)
        old.delete()


def event_language_of(job: Job) -> str | None:
    """The default language of the job's event (None for a job of no event)."""
    return job.event.default_language if job.event_id else None


def execute_here(job_pk: int) -> None:
    """Run a job in this process: what a Celery worker does (and the request itself in tests)."""
    claimed = claim(job_pk)
    if claimed is None:
        return
    job, job_kind = claimed
    record(job, perform(job_kind.function, job.inputs, event_language=event_language_of(job)))


def failure_message(job: Job) -> str:
    """Why the job failed, for the person who asked, in the active language."""
    if job.failure == Job.Failure.REFUSED and job.message:
        return job.message
    try:
        job_kind = get_kind(job.kind)
    except ValueError:
        job_kind = None
    if job.failure == Job.Failure.TIMEOUT:
        if job_kind and job_kind.timeout_message:
            return str(job_kind.timeout_message)
        return _("Making the file took too long, so it was stopped. Please try again later.")
    if job.failure == Job.Failure.LOST:
        if job_kind and not job_kind.makes_file:
            return _("The work could not be done: no background worker took it up. Please try again later.")
        return _("The file could not be made: no background worker took it up. Please try again later.")
    if job_kind and job_kind.error_message:
        return str(job_kind.error_message)
    return _("The file could not be made because of an error. Please try again later.")
