"""The registration desk: search, filters kept in the URL, pagination, bulk decisions, country names, and
the e-mail each person gets when the organisers decide (or the waiting list moves up)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from events.models import SentEmail
from sessions_app.models import Registration
from tests.sessions_app.factories import RegistrationFactory

from .test_query_counts import _assert_count, _count

pytestmark = pytest.mark.django_db


def _url(event, **query):
    from urllib.parse import urlencode

    base = reverse("sessions_app:registrations", kwargs={"slug": event.slug})
    return f"{base}?{urlencode(query)}" if query else base


def _names(response):
    return [r.full_name for r in response.context["registrations"]]


def test_desk_search_finds_name_email_and_organisation(client_as, event):
    RegistrationFactory(event=event, full_name="Ana Mora", organisation="Example Foundation")
    RegistrationFactory(event=event, full_name="Bruno Lima", user__email="bruno@example.org")
    RegistrationFactory(event=event, full_name="Chloé Petit", organisation="Ministry of Examples")
    client = client_as("organiser")

    assert _names(client.get(_url(event, q="foundation"))) == ["Ana Mora"]
    assert _names(client.get(_url(event, q="bruno@example"))) == ["Bruno Lima"]
    assert _names(client.get(_url(event, q="example petit"))) == ["Chloé Petit"]


def test_desk_filters_combine_and_show_country_names(client_as, event):
    RegistrationFactory(event=event, full_name="Ana", country="CR", sector="government", status="pending")
    RegistrationFactory(event=event, full_name="Bea", country="BR", preferred_language="es")
    RegistrationFactory(event=event, full_name="Cid", country="CR", sector="government")
    client = client_as("organiser")

    response = client.get(_url(event, country="CR", sector="government", status="approved"))
    assert _names(response) == ["Cid"]
    assert _names(client.get(_url(event, language="es"))) == ["Bea"]
    content = response.content.decode()
    assert "<td>Costa Rica</td>" in content
    assert '<option value="CR" selected>Costa Rica</option>' in content
    assert "1 registration matches." in content


def test_desk_paginates_and_keeps_the_filters_on_the_page_links(client_as, event):
    for i in range(53):
        RegistrationFactory(event=event, full_name=f"Person {i:02d}", country="CR")
    RegistrationFactory(event=event, full_name="Elsewhere", country="BR")
    client = client_as("organiser")

    first = client.get(_url(event, country="CR"))
    second = client.get(_url(event, country="CR", page=2))

    assert len(first.context["registrations"]) == 50
    assert _names(second) == ["Person 50", "Person 51", "Person 52"]
    assert 'href="?country=CR&amp;page=2"' in first.content.decode()
    assert "53 registrations match." in second.content.decode()


def test_desk_list_has_constant_queries_at_two_sizes(client_as, event, django_assert_num_queries):
    client = client_as("organiser")
    url = _url(event, country="CR", q="Person")
    for i in range(3):
        RegistrationFactory(event=event, full_name=f"Person {i}", status="pending")
    small = _count(client, url)
    for i in range(40):
        RegistrationFactory(event=event, full_name=f"Person x{i}", country=["CR", "BR", "MX"][i % 3])
    _assert_count(client, url, small, django_assert_num_queries)


def _bulk(client, event, **data):
    return client.post(reverse("sessions_app:registrations_bulk", kwargs={"slug": event.slug}), data)


def test_bulk_approve_asks_first_then_approves_mails_and_keeps_filters(client_as, event):
    ana = RegistrationFactory(event=event, full_name="Ana", status="pending", preferred_language="es")
    bea = RegistrationFactory(event=event, full_name="Bea", status="pending")
    cid = RegistrationFactory(event=event, full_name="Cid", status="pending")
    client = client_as("organiser")
    ids = [ana.pk, bea.pk]

    confirm = _bulk(client, event, action="approve", ids=ids, filters="status=pending")
    assert confirm.status_code == 200
    assert "Approve 2 registrations? Each person is told by e-mail." in confirm.content.decode()
    assert Registration.objects.filter(status="approved").count() == 0
    assert mail.outbox == []

    done = _bulk(client, event, action="approve", ids=ids, filters="status=pending&evil=1", confirm="1")

    assert done.status_code == 302
    assert done.url == _url(event, status="pending")
    assert sorted(
        Registration.objects.filter(pk__in=[ana.pk, bea.pk, cid.pk]).values_list("full_name", "status")
    ) == [
        ("Ana", "approved"),
        ("Bea", "approved"),
        ("Cid", "pending"),
    ]
    page = client.get(done.url)
    assert [str(m) for m in page.context["messages"]] == ["2 registrations approved."]
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == sorted(
        [
            (ana.user.email, f"[Dialogue Portal] Su inscripción en {event.title} fue aprobada"),
            (bea.user.email, f"[Dialogue Portal] Your registration for {event.title} is approved"),
        ]
    )
    assert set(SentEmail.objects.values_list("event_id", "kind", "status")) == {
        (event.pk, "approved", "sent")
    }


def test_bulk_decline_of_one_says_so_in_the_singular_and_promotes_the_waiting_list(client_as, event):
    event.capacity = 1
    event.save()
    held = RegistrationFactory(event=event, full_name="Held")
    waiting = RegistrationFactory(event=event, full_name="Waiting", status="waitlisted")
    client = client_as("organiser")

    response = _bulk(client, event, action="decline", ids=[held.pk], confirm="1")

    page = client.get(response.url)
    assert [str(m) for m in page.context["messages"]] == [
        "1 registration declined.",
        "1 person moved up from the waiting list.",
    ]
    waiting.refresh_from_db()
    assert waiting.status == "approved"
    assert sorted(SentEmail.objects.values_list("kind", "recipient")) == [
        ("declined", held.user.email),
        ("promoted", waiting.user.email),
    ]


def test_bulk_without_a_selection_says_what_to_do(client_as, event):
    client = client_as("organiser")
    response = _bulk(client, event, action="approve", filters="status=pending")
    assert response.url == _url(event, status="pending")
    assert [str(m) for m in client.get(response.url).context["messages"]] == [
        "Select registrations and an action first."
    ]


def test_bulk_cannot_touch_another_events_registrations(client_as, event):
    stranger = RegistrationFactory(status="pending")
    client = client_as("organiser")
    _bulk(client, event, action="approve", ids=[stranger.pk], confirm="1")
    stranger.refresh_from_db()
    assert stranger.status == "pending"


def test_a_failing_mail_server_does_not_undo_the_approval(client_as, event, settings):
    settings.EMAIL_BACKEND = "tests.sessions_app.flaky_mail.UnreachableBackend"
    settings.MAILING_RETRY_DELAY_SECONDS = 0
    person = RegistrationFactory(event=event, full_name="Ana", status="pending")
    client = client_as("organiser")

    response = client.post(
        reverse(
            "sessions_app:registration_decide",
            kwargs={"slug": event.slug, "registration_pk": person.pk, "action": "approve"},
        )
    )

    person.refresh_from_db()
    assert (response.status_code, person.status) == (302, "approved")
    marker = SentEmail.objects.get()
    assert (marker.kind, marker.status, marker.recipient, marker.error) == (
        "approved",
        "failed",
        person.user.email,
        "The mail server could not be reached.",
    )


def test_a_decision_is_announced_once_and_a_changed_decision_is_not(event):
    from sessions_app.services.notifications import send_decision_emails
    from sessions_app.services.registration import approve_registration, decline_registration

    person = RegistrationFactory(event=event, status="pending")
    approve_registration(registration=person)
    person.refresh_from_db()
    stamps = {str(person.pk): person.decided_at.strftime("%Y%m%dT%H%M%S%f")}

    again = send_decision_emails(event=event.pk, kind="approved", stamps=stamps)
    decline_registration(registration=person)
    stale = send_decision_emails(event=event.pk, kind="approved", stamps=stamps)

    assert (again.sent, again.skipped, stale.sent, stale.skipped) == (0, 1, 0, 0)
    assert [m.subject.split("] ")[1] for m in mail.outbox] == [
        f"Your registration for {event.title} is approved",
        f"Your registration for {event.title}",
    ]
    assert re.search(r"could not offer you a place", mail.outbox[1].body)
