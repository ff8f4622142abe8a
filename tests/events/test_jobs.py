"""Background jobs: one job per inputs, files kept under their inputs, failures said to the person who
asked, and the local executor's hard limit, which kills a job with everything it started."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone, translation

from events import jobs
from events.jobs.runners import LocalExecutor
from events.models import Job
from tests.events.factories import UserFactory

from . import job_kinds  # noqa: F401  (registers the test kinds)

TOOK_TOO_LONG = "Making the file took too long, so it was stopped. Please try again later."


@pytest.fixture(autouse=True)
def _english():
    """Messages are read in English here, whatever language an earlier test's request left active."""
    with translation.override("en"):
        yield


def _alive(pid: int) -> bool:
    """Whether a process runs (a zombie waiting to be reaped does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_jobs_same_inputs_make_one_file(db):
    first = jobs.request_file(kind="tests.greet", inputs={"name": "Ana"}, version=1, filename="hello.txt")
    again = jobs.request_file(kind="tests.greet", inputs={"name": "Ana"}, version=1, filename="hello.txt")

    assert again.pk == first.pk
    assert first.status == Job.Status.DONE
    assert first.file.read() == b"Hello, Ana"
    assert Job.objects.count() == 1


def test_jobs_a_new_version_makes_a_new_file_and_the_old_one_goes(db):
    old = jobs.request_file(kind="tests.greet", inputs={"name": "Ana"}, version=1, filename="hello.txt")
    old_name = old.file.name

    new = jobs.request_file(kind="tests.greet", inputs={"name": "Ana"}, version=2, filename="hello.txt")

    assert new.pk != old.pk
    assert new.status == Job.Status.DONE
    assert list(Job.objects.values_list("pk", flat=True)) == [new.pk]
    assert not new.file.storage.exists(old_name)


def test_jobs_other_inputs_are_another_file(db):
    ana = jobs.request_file(kind="tests.greet", inputs={"name": "Ana"}, version=1, filename="a.txt")
    bea = jobs.request_file(kind="tests.greet", inputs={"name": "Bea"}, version=1, filename="b.txt")

    assert (ana.file.read(), bea.file.read()) == (b"Hello, Ana", b"Hello, Bea")
    assert Job.objects.count() == 2


def test_jobs_waiting_job_is_shared_by_everyone_who_asks(db, settings):
    settings.JOBS_RUNNER = "celery"  # no worker picks it up inside this test's transaction

    asked = [jobs.request_file(kind="tests.greet", inputs={"name": "Ana"}, version=1) for _ in range(6)]

    assert {job.pk for job in asked} == {asked[0].pk}
    assert asked[0].status == Job.Status.PENDING


def test_jobs_an_error_is_a_failure_with_a_message_and_is_not_retried_at_once(db):
    job = jobs.request_file(kind="tests.crash", inputs={}, version=1)

    assert (job.status, job.failure) == (Job.Status.FAILED, Job.Failure.ERROR)
    assert job.detail == "RuntimeError: the disk is full"
    assert (
        jobs.failure_message(job) == "The file could not be made because of an error. Please try again later."
    )
    assert jobs.request_file(kind="tests.crash", inputs={}, version=1).pk == job.pk


def test_jobs_a_failure_is_retried_after_a_while(db, settings):
    settings.JOBS_RETRY_AFTER_SECONDS = 0
    job = jobs.request_file(kind="tests.crash", inputs={}, version=1)

    retried = jobs.request_file(kind="tests.crash", inputs={}, version=1)

    assert retried.pk != job.pk


def test_jobs_a_running_job_past_its_deadline_ran_out_of_time(db, settings):
    settings.JOBS_RUNNER = "celery"
    job = jobs.request_file(kind="tests.greet", inputs={"name": "Ana"}, version=1)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, deadline=timezone.now() - timedelta(1))

    job = jobs.refresh(job)

    assert (job.status, job.failure) == (Job.Status.FAILED, Job.Failure.TIMEOUT)
    assert (
        jobs.failure_message(job)
        == "Making the file took too long, so it was stopped. Please try again later."
    )


def test_jobs_a_job_no_worker_took_up_is_lost(db, settings):
    settings.JOBS_RUNNER = "celery"
    job = jobs.request_file(kind="tests.greet", inputs={"name": "Ana"}, version=1)
    Job.objects.filter(pk=job.pk).update(deadline=timezone.now() - timedelta(seconds=1))

    job = jobs.refresh(job)

    assert (job.status, job.failure) == (Job.Status.FAILED, Job.Failure.LOST)
    assert jobs.failure_message(job) == (
        "The file could not be made: no background worker took it up. Please try again later."
    )


def test_jobs_a_job_delivered_twice_runs_once(db, settings):
    settings.JOBS_RUNNER = "celery"
    job = jobs.request_file(kind="tests.greet", inputs={"name": "Ana"}, version=1, filename="a.txt")

    jobs.execute_here(job.pk)
    jobs.execute_here(job.pk)

    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert len(os.listdir(Path(job.file.path).parent)) == 1


def test_jobs_remember_who_asked(db, settings):
    user = UserFactory()
    job = jobs.request_file(kind="tests.greet", inputs={"name": "Ana"}, version=1, requested_by=user)

    assert job.requested_by == user


def test_jobs_an_unknown_kind_is_refused(db):
    with pytest.raises(ValueError, match="Unknown job kind 'tests.nothing'"):
        jobs.request_file(kind="tests.nothing", inputs={})


# --- The local executor: real child processes --------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_local_executor_returns_the_file_made_in_a_child_process():
    settings_runner = LocalExecutor(1)
    job = _pending("tests.greet", {"name": "Ana"})

    settings_runner.run(job.pk)

    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.file.read() == b"Hello, Ana"


@pytest.mark.django_db(transaction=True)
def test_local_executor_reports_an_error_in_the_child():
    job = _pending("tests.crash", {})

    LocalExecutor(1).run(job.pk)

    job.refresh_from_db()
    assert (job.status, job.failure, job.detail) == (
        Job.Status.FAILED,
        Job.Failure.ERROR,
        "RuntimeError: the disk is full",
    )


@pytest.mark.django_db(transaction=True)
def test_local_executor_kills_a_job_at_its_limit_with_everything_it_started(tmp_path):
    pid_file = tmp_path / "helper.pid"
    job = _pending("tests.hang", {"pid_file": str(pid_file)})
    started = timezone.now()

    LocalExecutor(1).run(job.pk)

    job.refresh_from_db()
    assert (job.status, job.failure) == (Job.Status.FAILED, Job.Failure.TIMEOUT)
    assert 1 <= (job.finished_at - started).total_seconds() < 10
    assert (
        jobs.failure_message(job)
        == "Making the file took too long, so it was stopped. Please try again later."
    )
    helper = int(pid_file.read_text())
    assert _alive(helper) is False


def _pending(kind: str, inputs: dict) -> Job:
    """A job waiting for a worker, as request_file leaves it with a broker configured."""
    from django.test import override_settings

    with override_settings(JOBS_RUNNER="celery"):
        return jobs.request_file(kind=kind, inputs=inputs, version=1, filename="out.txt")


# --- The Celery task ----------------------------------------------------------------------------------


def test_celery_task_runs_the_job_it_is_given(db, settings):
    from events.tasks import run_job

    settings.JOBS_RUNNER = "celery"  # queued in memory; the task is then run here, as a worker would
    job = jobs.request_file(kind="tests.greet", inputs={"name": "Ana"}, version=1, filename="a.txt")

    run_job.apply(args=[job.pk])

    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.file.read() == b"Hello, Ana"


@pytest.mark.django_db(transaction=True)
def test_a_job_of_an_event_runs_with_the_events_language_first_in_the_fallback():
    from django.test import override_settings

    from tests.events.factories import EventFactory

    event = EventFactory(default_language="es")
    with override_settings(JOBS_RUNNER="celery"):
        of_event = jobs.request_file(
            kind="tests.event_language", inputs={"label": "a"}, version=1, filename="a.txt", event=event
        )
        of_nothing = jobs.request_file(
            kind="tests.event_language", inputs={"label": "b"}, version=1, filename="b.txt"
        )
    in_child = _pending("tests.event_language", {"label": "c"})
    Job.objects.filter(pk=in_child.pk).update(event=event)

    jobs.execute_here(of_event.pk)  # what a Celery worker does
    jobs.execute_here(of_nothing.pk)
    LocalExecutor(1).run(in_child.pk)  # the embedded default's child process

    contents = [Job.objects.get(pk=job.pk).file.read() for job in (of_event, of_nothing, in_child)]
    assert contents == [b"es", b"none", b"es"]
