"""What participants read matches their situation: the session's instructions, a closed ranking they
never gave, a late registrant after publication, and the tables they may take."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from sessions_app.services.preferences import save_ranking
from sessions_app.services.publication import publish_allocation
from tests.sessions_app.factories import RegistrationFactory, make_session, seat


@pytest.fixture
def session(event):
    session = make_session(event, tables=4, rotations=3, seats=2)
    session.instructions_en = "Rank at least three tables; you will join a different table in each rotation."
    session.instructions_es = "Ordene al menos tres mesas; participará en una mesa distinta en cada rotación."
    session.save()
    return session


def _page(client, name, event, **kwargs):
    return client.get(reverse(f"sessions_app:{name}", kwargs={"slug": event.slug, **kwargs})).content.decode()


def _signed_in(client, registration):
    client.force_login(registration.user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Rank at least three tables; you will join a different table in each rotation."),
        ("es", "Ordene al menos tres mesas; participará en una mesa distinta en cada rotación."),
    ],
)
def test_the_ranking_page_shows_the_sessions_instructions_in_the_readers_language(
    client, event, session, language, text
):
    registration = RegistrationFactory(event=event)
    client = _signed_in(client, registration)
    client.cookies["django_language"] = language

    page = _page(client, "ranking", event, table_session_pk=session.pk)

    assert f"<p>{text}</p>" in page


@pytest.mark.django_db
def test_the_allocation_email_carries_the_instructions_in_the_participants_language(event, session):
    registration = RegistrationFactory(event=event, preferred_language="es")
    tables = list(session.tables.order_by("number"))
    for rotation, table in zip(session.rotations.order_by("number"), tables, strict=False):
        seat(registration, rotation, table)
    session.allocated_at = timezone.now()
    session.save()

    publish_allocation(session=session, base_url="https://portal.example.org", ranking_open_confirmed=True)

    (message,) = mail.outbox
    assert "Ordene al menos tres mesas; participará en una mesa distinta en cada rotación." in message.body


@pytest.mark.django_db
def test_a_closed_ranking_that_was_never_given_says_so(client, event, session):
    registration = RegistrationFactory(event=event)
    session.preferences_close = timezone.now() - datetime.timedelta(days=1)
    session.save()

    page = _page(_signed_in(client, registration), "ranking", event, table_session_pk=session.pk)

    assert "you did not rank the tables" in page
    assert "this is your ranking as it was given" not in page


@pytest.mark.django_db
def test_a_closed_ranking_that_was_given_is_shown_as_given(client, event, session):
    registration = RegistrationFactory(event=event)
    tables = list(session.tables.order_by("number"))
    save_ranking(registration=registration, session=session, ranks={t.pk: n for n, t in enumerate(tables, 1)})
    session.preferences_close = timezone.now() - datetime.timedelta(days=1)
    session.save()

    page = _page(_signed_in(client, registration), "ranking", event, table_session_pk=session.pk)

    assert "this is your ranking as it was given" in page


@pytest.mark.django_db
def test_a_late_registrant_is_told_the_tables_are_published_and_offered_a_seat(client, event, session):
    session.published_at = timezone.now()
    session.save()
    late = RegistrationFactory(event=event)

    page = _page(_signed_in(client, late), "my_tables", event)

    assert "The organisers have published the tables, and you have no seat yet" in page
    assert "once the organisers publish" not in page
    assert "Take a free seat" in page


@pytest.mark.django_db
def test_the_switch_page_offers_only_tables_the_person_may_take(client, event, session):
    session.published_at = timezone.now()
    session.save()
    first, second, third, fourth = session.tables.order_by("number")
    rotation_1, rotation_2, rotation_3 = session.rotations.order_by("number")
    me = RegistrationFactory(event=event)
    seat(me, rotation_1, first)
    seat(me, rotation_2, second)
    for other in RegistrationFactory.create_batch(2, event=event):
        seat(other, rotation_1, third)  # third is full in rotation 1

    page = _page(_signed_in(client, me), "switch", event, table_session_pk=session.pk)
    rotation_1_part = page.split("<h2>Rotation 1</h2>")[1].split("<h2>")[0]

    rows = [
        (table, free, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", action)).strip())
        for table, free, action in re.findall(
            r"<td>(.*?)</td><td>(-?\d+)</td>\s*<td>(.*?)</td>", rotation_1_part, re.S
        )
    ]
    assert rows == [
        (str(first), "1", "Your table"),
        (str(second), "2", "You sit here in another rotation"),
        (str(third), "0", "Full"),
        (str(fourth), "2", "Switch here"),
    ]
    rotation_3_part = page.split("<h2>Rotation 3</h2>")[1]
    assert rotation_3_part.count("Take this seat") == 2  # third and fourth: no seat yet in rotation 3
