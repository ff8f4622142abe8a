"""Allocating a large session and e-mailing a published allocation run as background jobs: a page that
waits for them, then what happened; e-mails go in batches, are retried, and never twice to one person."""

import pytest
from django.core import mail
from django.urls import reverse

from events.models import Job, SentEmail
from sessions_app.models import Assignment
from sessions_app.services.allocation import allocate_session
from sessions_app.services.preferences import save_ranking
from tests.sessions_app.factories import RegistrationFactory, make_session
from tests.sessions_app.flaky_mail import SERVER_GONE, FlakyBackend

pytestmark = pytest.mark.django_db
# The confirmation page's answers: publish, although the ranking is still open.
CONFIRM = {"confirm": "1", "ranking_open_confirmed": "1"}


@pytest.fixture
def seated(event):
    """A session of 3 tables × 3 rotations with five ranked, allocated participants."""
    session = make_session(event, tables=3, rotations=3, seats=2)
    people = [RegistrationFactory(event=event, full_name=f"Person {n}") for n in range(5)]
    tables = list(session.tables.order_by("number"))
    for person in people:
        save_ranking(registration=person, session=session, ranks={t.pk: n for n, t in enumerate(tables, 1)})
    allocate_session(session=session)
    return session, people


@pytest.fixture
def flaky(settings):
    settings.EMAIL_BACKEND = "tests.sessions_app.flaky_mail.FlakyBackend"
    FlakyBackend.reset()
    yield FlakyBackend
    FlakyBackend.reset()


def _url(name, session, **kwargs):
    return reverse(
        f"sessions_app:{name}", kwargs={"slug": session.event.slug, "table_session_pk": session.pk, **kwargs}
    )


def _recipients() -> list[str]:
    return sorted(message.to[0] for message in mail.outbox)


def _emails(people) -> list[str]:
    return sorted(person.user.email for person in people)


def test_publishing_sends_the_emails_from_a_job_and_says_how_many(client_as, seated):
    session, people = seated
    client = client_as("organiser")

    response = client.post(_url("publish", session), CONFIRM, follow=True)

    job = Job.objects.get()
    assert (job.kind, job.status, job.inputs["session"]) == (
        "sessions_app.allocation_emails",
        "done",
        session.pk,
    )
    assert response.redirect_chain == [
        (_url("allocation_job", session, token=job.token), 302),
        (_url("allocation", session), 302),
    ]
    html = response.content.decode()
    assert "Allocation published; 5 e-mails sent." in html
    assert "E-mails sent: 5 of 5 participants." in html
    assert "Send the missing e-mails" not in html
    assert _recipients() == _emails(people)


def test_publishing_waits_on_a_page_while_the_emails_go(client_as, seated, settings):
    settings.JOBS_RUNNER = "celery"  # queued, and no worker takes it up during the test
    session, _people = seated
    client = client_as("organiser")

    response = client.post(_url("publish", session), CONFIRM, follow=True)

    html = response.content.decode()
    assert response.status_code == 202
    assert '<h1 id="job-heading">The e-mails are being sent</h1>' in html
    assert "The page updates itself when every participant has been written to." in html
    assert '<meta http-equiv="refresh" content="3">' in html
    assert mail.outbox == []


def test_mailing_a_batch_the_server_interrupts_is_retried_and_each_person_gets_one(
    client_as, seated, flaky, settings
):
    settings.MAILING_BATCH_SIZE = 2
    session, people = seated
    flaky.reset(fail={people[2].user.email: SERVER_GONE})  # the second batch's first message, once

    client_as("organiser").post(_url("publish", session), CONFIRM)

    assert Job.objects.get().status == Job.Status.DONE
    assert _recipients() == _emails(people)
    assert flaky.attempts.count(people[2].user.email) == 2
    assert set(SentEmail.objects.values_list("status", flat=True)) == {"sent"}


def test_mailing_after_a_crash_mid_batch_sends_the_rest_and_nobody_twice(client_as, seated, flaky, settings):
    settings.MAILING_BATCH_SIZE = 3
    session, people = seated
    flaky.reset(fail={people[1].user.email: RuntimeError("worker crashed")})  # in the middle of batch one
    client = client_as("organiser")

    crashed = client.post(_url("publish", session), CONFIRM, follow=True)

    job = Job.objects.get()
    assert (job.status, job.failure) == (Job.Status.FAILED, Job.Failure.ERROR)
    assert "Some e-mails could not be sent. Send the missing e-mails again later." in crashed.content.decode()
    assert "E-mails sent: 1 of 5 participants." in crashed.content.decode()
    assert _recipients() == [people[0].user.email]

    again = client.post(_url("allocation_resend", session), follow=True)

    assert "Allocation published; 5 e-mails sent." in again.content.decode()
    assert _recipients() == _emails(people)  # each person exactly once
    assert SentEmail.objects.filter(status="sent").count() == 5


def test_mailing_gives_up_after_its_retries_and_the_organiser_can_send_the_rest(
    client_as, seated, flaky, settings
):
    settings.MAILING_RETRIES = 2
    session, people = seated
    refused = people[3].user.email
    flaky.reset(fail={refused: SERVER_GONE}, always=[refused])
    client = client_as("organiser")

    response = client.post(_url("publish", session), CONFIRM, follow=True)

    html = response.content.decode()
    assert "Some e-mails could not be sent. Send the missing e-mails again later." in html
    assert "E-mails sent: 4 of 5 participants." in html
    assert "Send the missing e-mails" in html
    assert flaky.attempts.count(refused) == 3  # the first try and two retries
    assert _recipients() == sorted(set(_emails(people)) - {refused})

    flaky.reset()
    client.post(_url("allocation_resend", session))

    assert _recipients() == _emails(people)


def test_mailing_never_writes_again_to_someone_whose_hand_over_was_cut(seated, client_as):
    """A process killed while handing one message to the mail server leaves its marker `sending`: that
    person may have it, so sending again skips them (never twice)."""
    session, people = seated
    client = client_as("organiser")
    client.post(_url("publish", session), CONFIRM)
    mail.outbox.clear()
    SentEmail.objects.filter(key=f"allocation:{session.pk}:{people[0].pk}").update(status="sending")
    SentEmail.objects.filter(key=f"allocation:{session.pk}:{people[1].pk}").delete()

    client.post(_url("allocation_resend", session))

    assert _recipients() == [people[1].user.email]


def test_allocating_a_large_session_runs_as_a_job_and_shows_the_result(client_as, seated, settings):
    settings.ALLOCATION_INLINE_MAX_PARTICIPANTS = 4
    session, _people = seated
    Assignment.objects.all().delete()

    response = client_as("organiser").post(_url("allocate", session), follow=True)

    job = Job.objects.get()
    assert (job.kind, job.status, job.inputs) == (
        "sessions_app.allocate",
        "done",
        {"session": session.pk, "language": "en"},
    )
    assert response.redirect_chain[-1] == (_url("allocation", session), 302)
    assert "Allocation computed: 15 seats assigned." in response.content.decode()
    assert Assignment.objects.filter(rotation__session=session).count() == 15


def test_allocating_a_large_session_waits_on_a_translated_page(client_as, seated, settings):
    settings.ALLOCATION_INLINE_MAX_PARTICIPANTS = 4
    settings.JOBS_RUNNER = "celery"
    session, _people = seated
    client = client_as("organiser")
    client.cookies["django_language"] = "es"

    response = client.post(_url("allocate", session), follow=True)

    assert response.status_code == 202
    assert '<h1 id="job-heading">Se está calculando la asignación</h1>' in response.content.decode()


def test_allocating_a_large_published_session_again_runs_in_the_job(client_as, seated, settings):
    settings.ALLOCATION_INLINE_MAX_PARTICIPANTS = 4
    session, _people = seated
    session.published_at = session.allocated_at
    session.save()

    response = client_as("organiser").post(_url("allocate", session), follow=True)

    assert Job.objects.get().status == "done"
    assert "Allocation computed: 15 seats assigned." in response.content.decode()


def test_allocating_a_small_session_stays_within_the_request(client_as, seated):
    session, _people = seated

    response = client_as("organiser").post(_url("allocate", session), follow=True)

    assert response.redirect_chain == [(_url("allocation", session), 302)]
    assert "Allocation computed: 15 seats assigned." in response.content.decode()
    assert not Job.objects.exists()


def test_allocation_job_page_of_another_session_is_404(client_as, seated, event):
    session, _people = seated
    job = Job.objects.create(
        kind="sessions_app.allocate",
        inputs={"session": session.pk + 1},
        event=event,
        deadline=session.allocated_at,
    )

    response = client_as("organiser").get(_url("allocation_job", session, token=job.token))

    assert response.status_code == 404


def test_allocation_page_says_nothing_of_emails_for_a_publication_not_mailed_from_here(client_as, seated):
    """An allocation published without e-mails (an imported event, `notify=False`) offers no mailing."""
    session, _people = seated
    from sessions_app.services.publication import publish_allocation

    publish_allocation(session=session, notify=False, ranking_open_confirmed=True)

    html = client_as("organiser").get(_url("allocation", session)).content.decode()

    assert "E-mails sent" not in html
    assert "Send the missing e-mails" not in html


def test_allocation_job_that_no_worker_took_up_says_so_after_its_deadline(client_as, seated, event):
    session, _people = seated
    job = Job.objects.create(
        kind="sessions_app.allocate",
        inputs={"session": session.pk, "language": "en"},
        event=event,
        deadline=session.allocated_at,  # long past
    )

    response = client_as("organiser").get(_url("allocation_job", session, token=job.token), follow=True)

    assert response.redirect_chain == [(_url("allocation", session), 302)]
    expected = "The work could not be done: no background worker took it up. Please try again later."
    assert expected in response.content.decode()
    assert Job.objects.get().failure == Job.Failure.LOST
