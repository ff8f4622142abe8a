"""Importing an event from the staff's pages: the file is imported by a background job (the import
service of the `import_event` command), a page waits for it, then the new event opens; a refused file
goes back to the form with the import's message, and nothing is saved."""

import json

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events.exchange import export_event_bytes
from events.models import Event, Job
from tests.events.factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    client.force_login(UserFactory(is_staff=True))
    return client


def _document(event, slug: str) -> bytes:
    document = json.loads(export_event_bytes(event=event))
    text = json.dumps(document).replace(f'"{event.slug}"', f'"{slug}"')
    return text.encode()


def _upload(content: bytes, name: str = "event.json"):
    return {"file": SimpleUploadedFile(name, content, content_type="application/json")}


def test_import_page_imports_the_file_in_a_job_and_opens_the_event(staff):
    source = EventFactory(title="Lima Dialogue")

    response = staff.post(reverse("event_import"), _upload(_document(source, "lima-copy")), follow=True)

    job = Job.objects.get()
    imported = Event.objects.get(slug="lima-copy")
    assert (job.kind, job.status) == ("events.import_event", "done")
    assert response.redirect_chain == [
        (reverse("event_import_job", kwargs={"token": job.token}), 302),
        (reverse("events:manage_event", args=["lima-copy"]), 302),
    ]
    assert "The event was imported." in response.content.decode()
    assert imported.title == "Lima Dialogue"
    assert default_storage.listdir("imports")[1] == []  # the uploaded file is gone once read


def test_import_page_waits_while_the_import_runs(staff, settings):
    settings.JOBS_RUNNER = "celery"  # queued, and no worker takes it up during the test
    staff.cookies["django_language"] = "es"

    response = staff.post(reverse("event_import"), _upload(b"{}"), follow=True)

    html = response.content.decode()
    assert response.status_code == 202
    assert '<h1 id="job-heading">Se está importando el evento</h1>' in html
    assert '<meta http-equiv="refresh" content="3">' in html


def test_import_page_refuses_an_existing_slug_with_the_import_message(staff):
    source = EventFactory(slug="quito-dialogue")
    count = Event.objects.count()

    response = staff.post(reverse("event_import"), _upload(_document(source, "quito-dialogue")), follow=True)

    assert response.redirect_chain[-1] == (reverse("event_import"), 302)
    assert "exists already" in response.content.decode()
    assert Job.objects.get().failure == Job.Failure.REFUSED
    assert Event.objects.count() == count


def test_import_page_refuses_a_file_that_is_not_json_in_the_readers_language(staff):
    staff.cookies["django_language"] = "es"

    response = staff.post(reverse("event_import"), _upload(b"\x00 not json"), follow=True)

    assert response.redirect_chain[-1] == (reverse("event_import"), 302)
    assert "El archivo no es un documento JSON" in response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "organiser"])
def test_import_page_is_for_staff_only(client_as, role):
    response = client_as(role).get(reverse("event_import"))

    if role == "anonymous":
        assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    else:
        assert response.status_code == 403


def test_import_job_page_is_only_for_the_person_who_asked(staff, client):
    job = Job.objects.create(
        kind="events.import_event",
        inputs={},
        requested_by=UserFactory(is_staff=True),
        deadline="2030-01-01T00:00Z",
    )

    assert staff.get(reverse("event_import_job", kwargs={"token": job.token})).status_code == 404
