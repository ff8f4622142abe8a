"""The outcome report's PDF is made by a background job per language: a page that waits for it, then the
file, kept in storage under a hash of what it is made from; a render past its limit ends with a message
and leaves no process behind."""

import time

import pytest
from django.urls import reverse

from events import jobs
from events.models import Job
from reports.services.outcome import get_or_create_report
from tests.reports import demo_report

pytestmark = pytest.mark.django_db


def _url(event, lang: str) -> str:
    return reverse("reports:report_pdf", args=[event.slug]) + f"?lang={lang}"


@pytest.fixture
def organiser(client_as, event):
    demo_report.load(event)
    return client_as("organiser")


def test_report_pdf_waiting_page_updates_itself_until_the_file_is_ready(organiser, event, settings):
    settings.JOBS_RUNNER = "celery"  # queued, and no worker takes it up during the test

    waiting = organiser.get(_url(event, "en"))

    job = Job.objects.get()
    status_url = reverse("job_status", kwargs={"token": job.token})
    html = waiting.content.decode()
    assert waiting.status_code == 202
    assert '<meta http-equiv="refresh" content="3">' in html
    assert '<h1 id="job-heading">The report is being prepared</h1>' in html
    assert f'data-job-status-url="{status_url}"' in html
    assert f'<a href="{reverse("reports:report_manage", args=[event.slug])}">Back</a>' in html
    assert (job.kind, job.inputs) == ("reports.report_pdf", {"event": event.pk, "lang": "en"})

    jobs.execute_here(job.pk)

    ready = organiser.get(_url(event, "en"))
    assert (ready.status_code, ready["Content-Type"]) == (200, "application/pdf")
    assert ready["Content-Disposition"] == f'attachment; filename="{event.slug}-report-en.pdf"'
    assert ready.getvalue().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("es", "Se está preparando el informe"),
        ("fr", "Le rapport est en préparation"),
        ("pt-br", "O relatório está sendo preparado"),
    ],
)
def test_report_pdf_waiting_page_is_translated(organiser, event, settings, language, heading):
    settings.JOBS_RUNNER = "celery"
    organiser.cookies["django_language"] = language

    html = organiser.get(_url(event, language)).content.decode()

    assert f'<h1 id="job-heading">{heading}</h1>' in html


def test_report_pdf_is_made_once_then_served_from_storage(organiser, event):
    first = organiser.get(_url(event, "en")).getvalue()
    job = Job.objects.get()

    second = organiser.get(_url(event, "en")).getvalue()

    assert second == first
    assert list(Job.objects.values_list("pk", "status")) == [(job.pk, "done")]
    assert job.file.name.startswith("generated/reports/report_pdf/")


def test_report_pdf_one_file_per_language(organiser, event):
    organiser.get(_url(event, "en"))
    organiser.get(_url(event, "es"))

    assert sorted(Job.objects.values_list("inputs__lang", "status")) == [("en", "done"), ("es", "done")]


def test_report_pdf_is_made_again_when_the_report_changes(organiser, event):
    organiser.get(_url(event, "en"))
    old = Job.objects.get()
    report = get_or_create_report(event=event)
    report.introduction_en = "A new introduction."
    report.save()

    organiser.get(_url(event, "en"))

    new = Job.objects.get()
    assert new.pk != old.pk
    assert not old.file.storage.exists(old.file.name)


def test_report_pdf_is_made_again_when_its_stylesheet_changes(organiser, event, settings, tmp_path):
    from django.contrib.staticfiles import finders

    organiser.get(_url(event, "en"))
    old = Job.objects.get()
    static = tmp_path / "static"
    (static / "css").mkdir(parents=True)
    shipped = finders.find("css/report-print.css")
    (static / "css" / "report-print.css").write_text(open(shipped).read() + "\nh1 { color: #0d7080; }\n")
    settings.STATIC_ROOT = str(static)  # the stylesheet of a new release

    organiser.get(_url(event, "en"))

    new = Job.objects.get()
    assert new.pk != old.pk
    assert not old.file.storage.exists(old.file.name)


def test_report_pdf_a_change_in_another_language_keeps_the_file(organiser, event):
    organiser.get(_url(event, "en"))
    old = Job.objects.get()
    report = get_or_create_report(event=event)
    report.introduction_fr = "Une nouvelle introduction."
    report.save()

    organiser.get(_url(event, "en"))

    assert list(Job.objects.values_list("pk", flat=True)) == [old.pk]


def test_report_pdf_past_its_limit_says_so_in_the_readers_language(organiser, event, settings):
    settings.PDF_RENDER_TIMEOUT_SECONDS = 0.001
    organiser.cookies["django_language"] = "es"

    response = organiser.get(_url(event, "es"), follow=True)

    assert response.redirect_chain == [(reverse("reports:report_manage", args=[event.slug]), 302)]
    expected = "No se pudo generar el informe a tiempo. Inténtelo de nuevo más tarde."
    assert expected in response.content.decode()
    assert Job.objects.get().failure == Job.Failure.TIMEOUT


def _children(pid: int) -> list[int]:
    from tests.events.test_programme_pdf_job import _children as children

    return children(pid)


@pytest.mark.django_db(transaction=True)
def test_report_pdf_render_past_its_limit_is_killed_in_the_local_worker(
    postgres_only, client_as, event, settings
):
    """The README's set-up without a broker: the render runs in a child process of the web process, is
    killed at its limit, and the organiser gets the message. (PostgreSQL: the child reads the report from
    the database, which an in-memory SQLite test database cannot share.)"""
    import multiprocessing.forkserver

    settings.JOBS_RUNNER = "local"
    settings.PDF_RENDER_TIMEOUT_SECONDS = 1
    demo_report.load(event)
    report = get_or_create_report(event=event)
    report.introduction_en = "An introduction any rapporteur can type. " * 25_000  # ~1 MB
    report.save()
    client = client_as("organiser")

    waiting = client.get(_url(event, "en"))
    assert waiting.status_code == 202
    job = Job.objects.get()
    for _ in range(100):
        if client.get(reverse("job_status", kwargs={"token": job.token})).json()["finished"]:
            break
        time.sleep(0.1)
    response = client.get(_url(event, "en"), follow=True)

    assert response.redirect_chain == [(reverse("reports:report_manage", args=[event.slug]), 302)]
    assert "The report could not be made in time. Please try again later." in response.content.decode()
    assert Job.objects.get().failure == Job.Failure.TIMEOUT
    server = multiprocessing.forkserver._forkserver._forkserver_pid
    assert _children(server) == []  # the render's process is gone
