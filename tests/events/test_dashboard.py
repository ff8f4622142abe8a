"""“My events”: the signed-in user's events with their roles and registration, in constant queries."""

import pytest
from django.urls import reverse

from events.models import Role
from sessions_app.models import Registration
from tests.events.factories import EventFactory, EventRoleFactory, UserFactory
from tests.sessions_app.factories import RegistrationFactory


def _events_for(user, count):
    events = []
    for n in range(count):
        event = EventFactory(title=f"Regional dialogue {n}")
        EventRoleFactory(event=event, user=user, role=Role.ORGANISER if n == 0 else Role.FACILITATOR)
        RegistrationFactory(event=event, user=user, status=Registration.Status.WAITLISTED)
        events.append(event)
    return events


@pytest.mark.django_db
def test_dashboard_lists_roles_registration_and_manage_link(client):
    user = UserFactory()
    first, second = _events_for(user, 2)
    EventFactory(title="Someone else's dialogue")
    client.force_login(user)
    html = client.get(reverse("dashboard")).content.decode()
    assert "Regional dialogue 0" in html
    assert "Regional dialogue 1" in html
    assert "Someone else&#x27;s dialogue" not in html
    assert html.count('<span class="badge">Organiser</span>') == 1
    assert html.count('<span class="badge">Facilitator</span>') == 1
    assert html.count('<span class="badge">Waiting list</span>') == 2
    assert reverse("events:manage_event", args=[first.slug]) in html
    assert reverse("events:manage_event", args=[second.slug]) not in html
    assert reverse("event_create") not in html


@pytest.mark.django_db
def test_dashboard_offers_event_creation_to_staff_only(client):
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    assert reverse("event_create") in client.get(reverse("dashboard")).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 6])
def test_dashboard_query_count_is_constant(client, count, django_assert_num_queries):
    user = UserFactory()
    _events_for(user, count)
    client.force_login(user)
    client.get(reverse("dashboard"))
    with django_assert_num_queries(5):
        response = client.get(reverse("dashboard"))
    assert len(response.context["entries"]) == count
