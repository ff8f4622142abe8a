"""The printed programme is made by a background job: a page that waits for it, then the file, kept in
storage until the event's content changes; a render past its limit ends with a message."""

import time

import pytest
from django.urls import reverse

from events import jobs
from events.models import Job
from events.services import bump_content_version


def _url(event) -> str:
    return reverse("events:programme_pdf", args=[event.slug])


def test_programme_pdf_waiting_page_updates_itself_until_the_file_is_ready(agenda, client, settings):
    settings.JOBS_RUNNER = "celery"  # queued, and no worker takes it up during the test

    waiting = client.get(_url(agenda.event))

    job = Job.objects.get()
    status_url = reverse("job_status", kwargs={"token": job.token})
    html = waiting.content.decode()
    assert waiting.status_code == 202
    assert '<meta http-equiv="refresh" content="3">' in html
    assert '<h1 id="job-heading">The programme is being prepared</h1>' in html
    assert f'data-job-status-url="{status_url}"' in html
    assert '<script src="/static/js/job-progress.js" defer></script>' in html
    assert "<script>" not in html  # no inline script: the Content-Security-Policy forbids them
    assert client.get(status_url).json() == {"status": "pending", "finished": False}

    jobs.execute_here(job.pk)

    assert client.get(status_url).json() == {"status": "done", "finished": True}
    ready = client.get(_url(agenda.event))
    assert (ready.status_code, ready["Content-Type"]) == (200, "application/pdf")
    assert ready["Content-Disposition"] == f'inline; filename="{agenda.event.slug}-programme-en.pdf"'
    assert ready.getvalue().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("es", "Se está preparando el programa"),
        ("fr", "Le programme est en préparation"),
        ("pt-br", "O programa está sendo preparado"),
    ],
)
def test_programme_pdf_waiting_page_is_translated(agenda, client, settings, language, heading):
    settings.JOBS_RUNNER = "celery"
    client.cookies["django_language"] = language

    html = client.get(_url(agenda.event)).content.decode()

    assert f'<h1 id="job-heading">{heading}</h1>' in html


def test_programme_pdf_is_made_once_then_served_from_storage(agenda, client):
    first = client.get(_url(agenda.event)).getvalue()
    job = Job.objects.get()

    second = client.get(_url(agenda.event)).getvalue()

    assert second == first
    assert list(Job.objects.values_list("pk", "status")) == [(job.pk, "done")]
    assert job.file.name.startswith("generated/events/programme_pdf/")


def test_programme_pdf_is_made_again_when_the_content_changes(agenda, client):
    client.get(_url(agenda.event))
    old = Job.objects.get()
    agenda.panel.title = "Renamed panel"
    agenda.panel.save()
    bump_content_version(agenda.event)

    client.get(_url(agenda.event))

    new = Job.objects.get()
    assert new.pk != old.pk
    assert not old.file.storage.exists(old.file.name)


def test_programme_pdf_is_made_again_when_its_stylesheet_changes(agenda, client, settings, tmp_path):
    client.get(_url(agenda.event))
    old = Job.objects.get()
    static = tmp_path / "static"
    (static / "css").mkdir(parents=True)
    (static / "css" / "programme.css").write_text("@page { size: A4; }")
    settings.STATIC_ROOT = str(static)  # a stylesheet of a new release

    response = client.get(_url(agenda.event))

    new = Job.objects.get()
    assert new.pk != old.pk and response.getvalue().startswith(b"%PDF-")
    assert not old.file.storage.exists(old.file.name)


def test_programme_pdf_one_file_per_language_and_audience(agenda, client, client_as):
    client.get(_url(agenda.event))
    client.cookies["django_language"] = "es"
    client.get(_url(agenda.event))
    client.cookies["django_language"] = "en"
    client_as("member").get(_url(agenda.event))

    assert sorted((job.inputs["language"], tuple(job.inputs["audiences"])) for job in Job.objects.all()) == [
        ("en", ("members", "participants", "public")),
        ("en", ("public",)),
        ("es", ("public",)),
    ]


def test_programme_pdf_past_its_limit_says_so_in_the_readers_language(agenda, client, settings):
    settings.PDF_RENDER_TIMEOUT_SECONDS = 0
    client.cookies["django_language"] = "es"

    response = client.get(_url(agenda.event), follow=True)

    assert response.redirect_chain == [(reverse("events:agenda", args=[agenda.event.slug]), 302)]
    assert (
        "No se pudo generar el programa a tiempo. Inténtelo de nuevo más tarde." in response.content.decode()
    )
    assert Job.objects.get().failure == Job.Failure.TIMEOUT


def _children(pid: int) -> list[int]:
    """Processes (not zombies) whose parent is `pid`."""
    from pathlib import Path

    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


@pytest.mark.django_db(transaction=True)
def test_programme_pdf_render_past_its_limit_is_killed_in_the_local_worker(postgres_only, client, settings):
    """The README's set-up without a broker: the render runs in a child process of the web process, is
    killed at its limit, and the reader who asked gets the message. (PostgreSQL: the child reads the
    agenda from the database, which an in-memory SQLite test database cannot share.)"""
    import multiprocessing.forkserver

    from tests.events.factories import AgendaItemFactory, DayFactory, EventFactory

    settings.JOBS_RUNNER = "local"
    settings.PDF_RENDER_TIMEOUT_SECONDS = 1
    event = EventFactory()
    day = DayFactory(event=event)
    AgendaItemFactory(day=day, description="A description any organiser can type. " * 28_000)  # ~1 MB

    waiting = client.get(_url(event))
    assert waiting.status_code == 202
    job = Job.objects.get()
    for _ in range(100):
        if client.get(reverse("job_status", kwargs={"token": job.token})).json()["finished"]:
            break
        time.sleep(0.1)
    response = client.get(_url(event), follow=True)

    assert response.redirect_chain == [(reverse("events:agenda", args=[event.slug]), 302)]
    assert "The programme could not be made in time. Please try again later." in response.content.decode()
    assert Job.objects.get().failure == Job.Failure.TIMEOUT
    server = multiprocessing.forkserver._forkserver._forkserver_pid
    assert _children(server) == []  # the render's process is gone
