"""Publishing the allocation asks first and says what will happen; publishing again after a new run or
moves by hand e-mails only the people whose seats changed, once."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from sessions_app.errors import SessionsError
from sessions_app.models import Assignment, TableSession
from sessions_app.services.allocation import allocate_session
from sessions_app.services.preferences import save_ranking
from sessions_app.services.publication import publish_allocation
from sessions_app.services.seats import move_participant, switch_table
from tests.sessions_app.factories import RegistrationFactory, make_session


@pytest.fixture
def session(event):
    return make_session(event, tables=4, rotations=3, seats=3)


def _ranked(event, session, n):
    people = RegistrationFactory.create_batch(n, event=event)
    tables = list(session.tables.order_by("number"))
    for person in people:
        save_ranking(registration=person, session=session, ranks={t.pk: k for k, t in enumerate(tables, 1)})
    return people


def _url(event, session, name="publish"):
    return reverse(f"sessions_app:{name}", kwargs={"slug": event.slug, "table_session_pk": session.pk})


def _close_ranking(session):
    session.preferences_close = timezone.now() - datetime.timedelta(hours=1)
    session.save()


@pytest.mark.django_db
def test_the_confirmation_page_says_how_many_emails_who_has_not_ranked_and_that_ranking_is_open(
    client_as, event, session
):
    _ranked(event, session, 3)
    RegistrationFactory.create_batch(2, event=event)  # approved, never ranked
    session.preferences_close = timezone.now() + datetime.timedelta(days=2)
    session.save()
    allocate_session(session=session)

    page = client_as("organiser").get(_url(event, session)).content.decode()

    assert "5 participants will receive an e-mail with their tables." in page
    assert "2 approved participants have not ranked the tables." in page
    assert "The ranking is still open until" in page
    assert 'name="ranking_open_confirmed"' in page
    assert len(mail.outbox) == 0


@pytest.mark.django_db
def test_publishing_while_the_ranking_is_open_needs_the_second_confirmation(client_as, event, session):
    _ranked(event, session, 3)
    allocate_session(session=session)
    client = client_as("organiser")

    refused = client.post(_url(event, session), {"confirm": "1"})

    assert refused.status_code == 400
    assert "The ranking is still open. Confirm that you want to publish before it closes." in (
        refused.content.decode()
    )
    session.refresh_from_db()
    assert session.published_at is None
    assert len(mail.outbox) == 0

    accepted = client.post(_url(event, session), {"confirm": "1", "ranking_open_confirmed": "1"})

    assert accepted.status_code == 302
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_a_plain_post_without_confirmation_publishes_nothing(client_as, event, session):
    _ranked(event, session, 2)
    _close_ranking(session)
    allocate_session(session=session)

    response = client_as("organiser").post(_url(event, session))

    assert response.status_code == 400
    session.refresh_from_db()
    assert session.published_at is None
    assert len(mail.outbox) == 0


@pytest.mark.django_db
def test_once_the_ranking_is_closed_one_confirmation_publishes(client_as, event, session):
    _ranked(event, session, 2)
    _close_ranking(session)
    allocate_session(session=session)
    client = client_as("organiser")

    assert 'name="ranking_open_confirmed"' not in client.get(_url(event, session)).content.decode()
    response = client.post(_url(event, session), {"confirm": "1"})

    assert response.status_code == 302
    assert sorted(m.subject for m in mail.outbox) == [f"[Dialogue Portal] Your tables at {event.title}"] * 2


@pytest.mark.django_db
def test_publishing_again_emails_only_the_people_whose_seats_the_organiser_changed(event, session):
    first, second, third = _ranked(event, session, 3)
    _close_ranking(session)
    allocate_session(session=session)
    publish_allocation(session=session)
    mail.outbox.clear()
    rotation = session.rotations.get(number=1)
    mine = Assignment.objects.get(registration=first, rotation=rotation).table
    free = next(
        t
        for t in session.tables.order_by("number")
        if not Assignment.objects.filter(registration=first, table=t).exists() and t != mine
    )
    move_participant(registration=first, rotation=rotation, table=free)

    job = publish_allocation(session=session, base_url="https://portal.example.org")

    assert job.status == "done"
    (message,) = mail.outbox
    assert message.to == [first.user.email]
    assert message.subject == f"[Dialogue Portal] Your tables at {event.title} have changed"
    assert "The organisers changed your tables" in message.body


@pytest.mark.django_db
def test_a_participants_own_switch_earns_them_no_email_on_republication(event, session):
    first, second = _ranked(event, session, 2)
    _close_ranking(session)
    allocate_session(session=session)
    publish_allocation(session=session)
    mail.outbox.clear()
    rotation = session.rotations.get(number=2)
    taken = set(Assignment.objects.filter(registration=first).values_list("table_id", flat=True))
    free = next(t for t in session.tables.order_by("number") if t.pk not in taken)
    switch_table(registration=first, rotation=rotation, table=free)
    move_target = session.rotations.get(number=3)
    taken_second = set(Assignment.objects.filter(registration=second).values_list("table_id", flat=True))
    other = next(t for t in session.tables.order_by("-number") if t.pk not in taken_second)
    move_participant(registration=second, rotation=move_target, table=other)

    publish_allocation(session=session)

    assert [m.to for m in mail.outbox] == [[second.user.email]]


@pytest.mark.django_db
def test_publishing_again_with_nothing_changed_is_refused_and_sends_nothing(event, session):
    _ranked(event, session, 2)
    _close_ranking(session)
    allocate_session(session=session)
    publish_allocation(session=session)
    mail.outbox.clear()

    with pytest.raises(SessionsError) as refused:
        publish_allocation(session=session)

    assert str(refused.value) == "Nothing changed since the allocation was last published."
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_allocation_page_offers_publish_changes_after_publication(client_as, event, session):
    _ranked(event, session, 2)
    _close_ranking(session)
    allocate_session(session=session)
    publish_allocation(session=session, notify=False)

    page = client_as("organiser").get(_url(event, session, "allocation")).content.decode()

    assert "Compute the allocation again" in page
    assert "Publish changes…" in page
    assert "only to the people whose seats changed" in page


@pytest.mark.django_db
def test_sending_the_missing_emails_of_a_publication_of_changes_writes_to_nobody_twice(
    client_as, event, session
):
    first, _second, _third = _ranked(event, session, 3)
    _close_ranking(session)
    allocate_session(session=session)
    publish_allocation(session=session)
    rotation = session.rotations.get(number=1)
    taken = set(Assignment.objects.filter(registration=first).values_list("table_id", flat=True))
    free = next(t for t in session.tables.order_by("number") if t.pk not in taken)
    move_participant(registration=first, rotation=rotation, table=free)
    publish_allocation(session=session)
    mail.outbox.clear()

    client_as("organiser").post(_url(event, session, "allocation_resend"))
    page = client_as("organiser").get(_url(event, session, "allocation")).content.decode()

    assert mail.outbox == []
    assert "E-mails sent: 1 of 1 participant." in page


@pytest.mark.django_db
def test_a_session_published_without_a_record_of_its_seats_takes_them_as_published(client_as, event, session):
    """An imported event's published allocation: nothing has changed yet, and a move by hand then
    concerns only the person moved."""
    first, _second = _ranked(event, session, 2)
    _close_ranking(session)
    allocate_session(session=session)
    TableSession.objects.filter(pk=session.pk).update(published_at=timezone.now())  # as an import leaves it
    session.refresh_from_db()
    client = client_as("organiser")

    page = client.get(_url(event, session)).content.decode()

    assert "Nothing changed since the allocation was last published." in page
    rotation = session.rotations.get(number=1)
    taken = set(Assignment.objects.filter(registration=first).values_list("table_id", flat=True))
    free = next(t for t in session.tables.order_by("number") if t.pk not in taken)
    move_participant(registration=first, rotation=rotation, table=free)
    session.refresh_from_db()
    publish_allocation(session=session)
    assert [m.to for m in mail.outbox] == [[first.user.email]]
