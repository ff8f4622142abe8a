"""Capacity and the sign-up window are edited in one place, the registrations page, which moves the
waiting list up when there is more room (update_signup_settings: lock, count, promote)."""

import datetime

import pytest
from django.urls import reverse

from sessions_app.models import Registration
from tests.sessions_app.factories import RegistrationFactory

Status = Registration.Status
pytestmark = pytest.mark.django_db

# every page of the back office that could edit an event's capacity
PAGES_THAT_MAY_EDIT_CAPACITY = ["events:manage_event_edit", "sessions_app:registrations"]


def _resubmit(form, **changes) -> dict:
    """The POST data of `form` as the page shows it, with `changes`."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False or value == "":
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, (list, tuple)):
            data[name] = [str(item) for item in value]
        else:
            data[name] = str(value)
    data.update(changes)
    return data


def test_raising_capacity_on_every_page_that_offers_it_promotes_the_waiting_list(client_as, event):
    client = client_as("organiser")
    offering = []
    for name in PAGES_THAT_MAY_EDIT_CAPACITY:
        Registration.objects.all().delete()
        event.capacity = 1
        event.save()
        RegistrationFactory(event=event)
        waiting = RegistrationFactory(event=event, status=Status.WAITLISTED)
        url = reverse(name, kwargs={"slug": event.slug})
        form = client.get(url).context["form"]
        if "capacity" not in form.fields:
            continue
        offering.append(name)
        response = client.post(url, _resubmit(form, capacity="5"))
        assert response.status_code == 302, name
        event.refresh_from_db()
        waiting.refresh_from_db()
        assert (name, event.capacity, waiting.status) == (name, 5, Status.APPROVED)
    assert offering == ["sessions_app:registrations"]


def test_signup_settings_page_reads_the_window_in_the_event_time_zone(client_as, event):
    url = reverse("sessions_app:registrations", kwargs={"slug": event.slug})
    response = client_as("organiser").post(
        url, {"capacity": "120", "signup_opens": "2024-04-01T09:00", "signup_closes": "2024-05-20T17:00"}
    )
    assert response.status_code == 302
    event.refresh_from_db()
    # typed in the event's time zone (America/Costa_Rica, UTC-6)
    assert (event.capacity, event.signup_opens, event.signup_closes) == (
        120,
        datetime.datetime(2024, 4, 1, 15, 0, tzinfo=datetime.UTC),
        datetime.datetime(2024, 5, 20, 23, 0, tzinfo=datetime.UTC),
    )


def test_signup_settings_page_shows_the_window_in_the_event_time_zone(client_as, event):
    event.signup_opens = datetime.datetime(2024, 4, 1, 15, 0, tzinfo=datetime.UTC)
    event.save()
    response = client_as("organiser").get(reverse("sessions_app:registrations", kwargs={"slug": event.slug}))
    assert 'value="2024-04-01T09:00"' in response.content.decode()


def test_signup_settings_page_refuses_a_window_that_closes_before_it_opens(client_as, event):
    url = reverse("sessions_app:registrations", kwargs={"slug": event.slug})
    response = client_as("organiser").post(
        url, {"capacity": "120", "signup_opens": "2024-04-01T09:00", "signup_closes": "2024-03-01T09:00"}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["Sign-up must close after it opens."]
    assert "Sign-up must close after it opens." in response.content.decode().replace("&#x27;", "'")
    event.refresh_from_db()
    assert (event.capacity, event.signup_opens, event.signup_closes) == (None, None, None)
