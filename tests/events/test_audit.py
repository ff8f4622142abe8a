"""The audit log: the services record sensitive actions, the back office shows the event's entries to its
organisers only, in a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import AuditAction, AuditEntry, EventRole, Role
from events.services import record_audit
from sessions_app.models import Registration
from sessions_app.services.allocation import allocate_session
from tests.events.factories import EventFactory, EventRoleFactory, UserFactory
from tests.sessions_app.factories import RegistrationFactory, make_session

pytestmark = pytest.mark.django_db


def entries(event):
    return list(
        AuditEntry.objects.filter(event=event)
        .order_by("pk")
        .values_list("action", "actor__email", "subject__email", "detail")
    )


def audit_url(event, **params):
    url = reverse("events:manage_audit", kwargs={"slug": event.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def test_granting_and_revoking_a_role_through_the_pages_is_logged(client_as, event):
    UserFactory(email="ana@example.org")
    client = client_as("organiser")
    client.post(
        reverse("events:manage_roles", kwargs={"slug": event.slug}),
        {"email": "ana@example.org", "role": "rapporteur"},
    )
    # granting the same role again changes nothing and is not logged again
    client.post(
        reverse("events:manage_roles", kwargs={"slug": event.slug}),
        {"email": "ana@example.org", "role": "rapporteur"},
    )
    role = EventRole.objects.get(user__email="ana@example.org")
    client.post(reverse("events:manage_role_revoke", kwargs={"slug": event.slug, "role_pk": role.pk}))
    me = client.user.email
    assert entries(event) == [
        ("role_granted", me, "ana@example.org", "rapporteur"),
        ("role_revoked", me, "ana@example.org", "rapporteur"),
    ]


def test_registration_decisions_are_logged(client_as, event):
    client = client_as("organiser")
    approved = RegistrationFactory(
        event=event, status=Registration.Status.PENDING, user__email="a@example.org"
    )
    declined = RegistrationFactory(
        event=event, status=Registration.Status.PENDING, user__email="d@example.org"
    )
    for registration, action in ((approved, "approve"), (declined, "decline")):
        client.post(
            reverse(
                "sessions_app:registration_decide",
                kwargs={"slug": event.slug, "registration_pk": registration.pk, "action": action},
            )
        )
    me = client.user.email
    assert entries(event) == [
        ("registration_approved", me, "a@example.org", ""),
        ("registration_declined", me, "d@example.org", ""),
    ]


def test_publishing_an_allocation_is_logged(client_as, event):
    session = make_session(event, tables=2, rotations=1, title="Thematic tables")
    RegistrationFactory(event=event)
    allocate_session(session=session)
    client = client_as("organiser")
    response = client.post(
        reverse("sessions_app:publish", kwargs={"slug": event.slug, "table_session_pk": session.pk})
    )
    assert response.status_code == 302
    assert entries(event) == [("allocation_published", client.user.email, None, "Thematic tables")]


def test_exporting_the_report_is_logged_when_the_file_goes_out(client_as, event, settings):
    from events import jobs
    from events.models import Job
    from tests.reports import demo_report

    demo_report.load(event)
    settings.JOBS_RUNNER = "celery"  # queued: the first answer is the page that waits for the file
    client = client_as("organiser")
    url = reverse("reports:report_pdf", kwargs={"slug": event.slug}) + "?lang=es"

    waiting = client.get(url)
    assert waiting.status_code == 202
    assert entries(event) == []
    jobs.execute_here(Job.objects.get().pk)
    response = client.get(url)

    assert response.status_code == 200
    assert entries(event) == [("report_exported", client.user.email, None, "es")]
    page = client.get(audit_url(event)).content.decode()
    assert '<td><span class="stack-label">Detail: </span>Spanish</td>' in page


def test_the_log_page_shows_entries_newest_first_with_roles_translated(client_as, event):
    client = client_as("organiser")
    ana = UserFactory(email="ana@example.org")
    record_audit(
        action=AuditAction.ROLE_GRANTED, event=event, actor=client.user, subject=ana, detail="member"
    )
    record_audit(action=AuditAction.ALLOCATION_PUBLISHED, event=event, detail="Thematic tables")
    record_audit(action=AuditAction.ROLE_GRANTED, event=EventFactory(), actor=client.user, subject=ana)
    page = client.get(audit_url(event)).content.decode()
    assert page.count("<tr>") == 3  # the header and this event's two entries
    published, granted = page.index("Allocation published"), page.index("Role granted")
    assert published < granted
    assert "Network member" in page and "ana@example.org" in page
    client.cookies.load({"django_language": "es"})
    spanish = client.get(audit_url(event)).content.decode()
    assert "Registro de auditoría" in spanish and "Miembro de la red" in spanish


def test_an_erased_person_is_no_longer_named(client_as, event):
    client = client_as("organiser")
    ana = UserFactory(email="ana@example.org")
    record_audit(action=AuditAction.ROLE_GRANTED, event=event, actor=ana, subject=ana, detail="member")
    ana.delete()
    page = client.get(audit_url(event)).content.decode()
    assert "ana@example.org" not in page
    assert page.count("Former participant") == 2


@pytest.mark.parametrize("role", ["facilitator", "rapporteur", "participant", "member", "other_organiser"])
def test_only_the_events_organisers_see_the_log(client_as, event, role):
    assert client_as(role).get(audit_url(event)).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, event):
    assert client.get(audit_url(event)).status_code == 302


def test_the_log_is_in_the_back_office_settings_menu(client_as, event):
    page = client_as("organiser").get(reverse("events:manage_event_edit", kwargs={"slug": event.slug}))
    assert f'href="{audit_url(event)}"' in page.content.decode()


def test_the_log_pages_by_fifty_in_a_constant_number_of_queries(client_as, event, django_assert_num_queries):
    client = client_as("organiser")

    def add(count):
        for _ in range(count):
            user = UserFactory()
            EventRoleFactory(event=event, user=user, role=Role.MEMBER)
            record_audit(action=AuditAction.ROLE_GRANTED, event=event, actor=client.user, subject=user)

    add(2)
    client.get(audit_url(event))
    with CaptureQueriesContext(connection) as small:
        first = client.get(audit_url(event))
    add(60)
    with django_assert_num_queries(len(small.captured_queries)):
        second = client.get(audit_url(event))
    assert first.content.decode().count("<tr>") == 3
    assert second.content.decode().count("<tr>") == 51
    assert "Page 1 of 2" in second.content.decode()
    last = client.get(audit_url(event, page=2)).content.decode()
    assert last.count("<tr>") == 13
