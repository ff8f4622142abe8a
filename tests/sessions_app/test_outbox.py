"""The event's outbox and the organisers' messages to a filtered group of registrants."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events.models import AuditEntry, Job, SentEmail
from tests.events.factories import EventFactory
from tests.sessions_app.factories import RegistrationFactory, make_session, seat

from .test_query_counts import _assert_count, _count

pytestmark = pytest.mark.django_db


def _outbox_url(event, query=""):
    return reverse("sessions_app:outbox", kwargs={"slug": event.slug}) + (f"?{query}" if query else "")


def _compose_url(event):
    return reverse("sessions_app:message_compose", kwargs={"slug": event.slug})


def _email(event, n, **fields):
    defaults = {
        "key": f"test:{event.pk}:{n}",
        "event": event,
        "kind": "approved",
        "recipient": f"person{n}@example.org",
        "subject": f"Subject {n}",
        "status": "sent",
        "sent_at": timezone.now(),
    }
    return SentEmail.objects.create(**{**defaults, **fields})


def test_outbox_lists_the_events_emails_only_with_filters(client_as, event):
    _email(event, 1)
    _email(event, 2, kind="message", subject="Venue change", status="failed", error="SMTPException: no")
    _email(EventFactory(), 3, subject="Elsewhere")
    client = client_as("organiser")

    everything = client.get(_outbox_url(event))
    failed = client.get(_outbox_url(event, "status=failed"))
    searched = client.get(_outbox_url(event, "q=person1%40"))

    assert [e.subject for e in everything.context["emails"]] == ["Venue change", "Subject 1"]
    assert [e.subject for e in failed.context["emails"]] == ["Venue change"]
    assert [e.subject for e in searched.context["emails"]] == ["Subject 1"]
    content = failed.content.decode()
    assert "person2@example.org" in content and "Not sent" in content and "SMTPException: no" in content
    assert "Elsewhere" not in everything.content.decode()


def test_outbox_has_constant_queries_at_two_sizes(client_as, event, django_assert_num_queries):
    client = client_as("organiser")
    for n in range(3):
        _email(event, n)
    small = _count(client, _outbox_url(event))
    for n in range(3, 80):
        _email(event, n)
    _assert_count(client, _outbox_url(event), small, django_assert_num_queries)


def _compose(client, event, **data):
    token = "3f1c1c1e-5c1b-4a70-9a41-1c6f1c0b8a11"
    return client.post(_compose_url(event), {"token": token, **data})


def test_organiser_message_previews_then_sends_each_person_their_language_once(client_as, event):
    session = make_session(event, tables=2, rotations=1)
    rotation, table = session.rotations.get(), session.tables.first()
    ana = RegistrationFactory(event=event, full_name="Ana", preferred_language="es", country="CR")
    bea = RegistrationFactory(event=event, full_name="Bea", preferred_language="fr", country="CR")
    RegistrationFactory(event=event, full_name="Cid", country="BR")
    unseated = RegistrationFactory(event=event, full_name="Dan", country="CR")
    for person in (ana, bea):
        seat(person, rotation, table)
    client = client_as("organiser")
    message = {
        "country": "CR",
        "session": session.pk,
        "subject_en": "Venue change",
        "body_en": "We meet in Room B.",
        "subject_es": "Cambio de sala",
        "body_es": "Nos reunimos en la sala B.",
    }

    preview = _compose(client, event, **message)

    assert preview.status_code == 200
    text = preview.content.decode()
    assert "This message goes to 2 people." in text
    assert "French: 1 (they get the version in the default language)" in text
    assert mail.outbox == []

    changed = _compose(client, event, confirm="1", counted="3", **message)
    assert "The recipients changed since you counted them: check the count again." in changed.content.decode()
    assert mail.outbox == []
    sent = _compose(client, event, confirm="1", counted="2", **message)
    again = _compose(client, event, confirm="1", counted="2", **message)

    assert sent.status_code == 302 and sent.url == _outbox_url(event)
    assert sorted((m.to[0], m.subject, m.body.split("\n")[0]) for m in mail.outbox) == sorted(
        [
            (ana.user.email, "[Dialogue Portal] Cambio de sala", "Nos reunimos en la sala B."),
            (bea.user.email, "[Dialogue Portal] Venue change", "We meet in Room B."),
        ]
    )
    assert unseated.user.email not in [m.to[0] for m in mail.outbox]
    assert "This message was already sent." in again.content.decode()
    assert Job.objects.filter(kind="sessions_app.organiser_message").count() == 1
    assert list(
        AuditEntry.objects.filter(action="message_sent").values_list("event_id", "actor_id", "detail")
    ) == [(event.pk, client.user.pk, "Venue change")]
    assert set(SentEmail.objects.values_list("kind", "status")) == {("message", "sent")}


def test_a_message_needs_the_default_language_version(client_as, event):
    RegistrationFactory(event=event)
    client = client_as("organiser")

    response = _compose(client, event, subject_es="Hola", body_es="Texto")

    assert response.status_code == 200
    assert response.context["form"].errors["subject_en"] == ["This field is required."]
    assert mail.outbox == []


def test_a_message_to_nobody_is_refused(client_as, event):
    RegistrationFactory(event=event, country="CR")
    client = client_as("organiser")

    response = _compose(
        client, event, confirm="1", counted="0", status="declined", subject_en="Hello", body_en="Text"
    )

    assert [str(m) for m in response.context["messages"]] == ["No registrant matches these filters."]
    assert not Job.objects.exists()


def test_desk_filters_carry_over_to_the_message_form(client_as, event):
    RegistrationFactory(event=event, country="CR")
    client = client_as("organiser")

    response = client.get(_compose_url(event) + "?country=CR&status=approved")

    assert response.context["filter_form"]["country"].value() == "CR"
    assert response.context["filter_form"]["status"].value() == "approved"


def test_erasing_an_account_takes_its_address_out_of_the_outbox(event):
    from dialogue_portal.privacy.erase import erase_account

    person = RegistrationFactory(event=event)
    _email(event, 1, recipient=person.user.email.upper())
    _email(event, 2)

    erase_account(user=person.user)

    assert sorted(SentEmail.objects.values_list("subject", "recipient")) == [
        ("Subject 1", ""),
        ("Subject 2", "person2@example.org"),
    ]
