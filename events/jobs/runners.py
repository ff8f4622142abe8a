"""Who runs a job: a Celery worker (`JOBS_RUNNER = "celery"`, when a broker is configured), a child
process of the web process (`"local"`, the default without a broker), or the request itself (`"inline"`,
tests only).

Either way the job's function runs under the kind's hard time limit and is killed at it with everything
it started, and the web request that asked never waits for it and never forks: the local executor starts
its child processes from a thread of its own, through a fork server (or spawn), never by forking the web
process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import close_old_connections, connections, transaction
from django.utils import timezone

from ..models import Job
from .registry import JobKind
from .service import KILL_GRACE_SECONDS, Outcome, claim, event_language_of, execute_here, record

logger = logging.getLogger(__name__)


def dispatch(job: Job, job_kind: JobKind) -> None:
    """Hand a new job to the configured runner once the row is committed (a worker must see it)."""
    runner = settings.JOBS_RUNNER
    if runner == "inline":
        execute_here(job.pk)
        job.refresh_from_db()
    elif runner == "celery":
        transaction.on_commit(lambda: _send_to_celery(job, job_kind))
    else:
        transaction.on_commit(lambda: local_executor().submit(job.pk))


def _send_to_celery(job: Job, job_kind: JobKind) -> None:
    from celery import current_app

    limit = job_kind.limit()
    try:
        current_app.send_task(
            "events.run_job",
            args=[job.pk],
            soft_time_limit=limit,
            time_limit=limit + KILL_GRACE_SECONDS,  # the worker kills the process here
            expires=float(settings.JOBS_QUEUE_SECONDS),
            retry=True,
            retry_policy={"max_retries": 1, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5},
        )
    except Exception as error:  # the broker is down: say so now rather than at the deadline
        logger.error("Could not queue job %s: %s", job.pk, type(error).__name__)
        Job.objects.filter(pk=job.pk, status=Job.Status.PENDING).update(
            status=Job.Status.FAILED,
            failure=Job.Failure.LOST,
            detail=f"Broker unavailable: {type(error).__name__}",
            finished_at=timezone.now(),
        )


# --- The local executor -----------------------------------------------------------------------------


def _context():
    """A fork server where the platform has one (each job forks from a process that already loaded
    Django, in milliseconds), else spawn. Never plain fork: the web process has threads."""
    if settings.TESTING:
        # The fork server and its children load the settings again: tell them it is a test run.
        os.environ.setdefault("DIALOGUE_TESTING", "1")
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["dialogue_portal.job_preload"])
        return context
    return multiprocessing.get_context("spawn")


def _settings_for_child() -> dict:
    """The settings a child must share with this process even when they were changed at run time (tests
    point the database and the media folder elsewhere)."""
    return {"DATABASES": settings.DATABASES, "MEDIA_ROOT": str(settings.MEDIA_ROOT)}


def _kill_group(process) -> None:
    """Kill the child and every process it started (the child leads its own process group)."""
    if process.pid is None:
        return
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):
        if process.is_alive():
            process.kill()


def run_in_child(function, inputs: dict, *, limit: float, event_language: str | None = None) -> Outcome:
    """Run `function(**inputs)` in a child process; kill it (and whatever it started) after `limit`
    seconds. Blocks the calling thread (the executor's, never a request's) until then."""
    from dialogue_portal import job_process

    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=job_process.main,
        args=(
            function.__module__,
            function.__qualname__,
            inputs,
            _settings_for_child(),
            sender,
            event_language,
        ),
        daemon=True,
    )
    started = time.monotonic()
    process.start()
    sender.close()
    try:
        if receiver.poll(max(0.0, limit - (time.monotonic() - started))):
            try:
                outcome = receiver.recv()
            except (EOFError, OSError):
                outcome = Outcome(False, failure=Job.Failure.ERROR, detail="The job's process stopped.")
        else:
            outcome = Outcome(False, failure=Job.Failure.TIMEOUT, detail=f"Killed after {limit:g} s.")
    finally:
        receiver.close()
        _kill_group(process)  # at the limit, or leftovers after a normal end
        process.join(5)
    return outcome


class LocalExecutor:
    """Runs jobs in child processes of this (web) process: one thread watches each child, at most
    `JOBS_LOCAL_WORKERS` at once; more wait in the queue."""

    def __init__(self, workers: int) -> None:
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dialogue-job")

    def submit(self, job_pk: int):
        return self.pool.submit(self.run, job_pk)

    def run(self, job_pk: int) -> None:
        close_old_connections()
        try:
            claimed = claim(job_pk)
            if claimed is None:
                return
            job, job_kind = claimed
            outcome = run_in_child(
                job_kind.function, job.inputs, limit=job_kind.limit(), event_language=event_language_of(job)
            )
            record(job, outcome)
        except Exception:
            logger.exception("The local executor could not run job %s", job_pk)
        finally:
            connections.close_all()  # this thread's connections


_executor: LocalExecutor | None = None
_executor_lock = threading.Lock()


def local_executor() -> LocalExecutor:
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = LocalExecutor(int(settings.JOBS_LOCAL_WORKERS))
        return _executor
