"""An approved registration and the event role `participant` stay in step: approving or promoting from
the waiting list grants the role, declining, cancelling or any other move out of approved takes it away."""

import pytest
from django.contrib import admin

from events.models import EventRole, Role
from events.rules import roles_for
from sessions_app.models import Registration
from sessions_app.services.registration import (
    approve_registration,
    cancel_registration,
    decline_registration,
    update_signup_settings,
)
from tests.events.factories import UserFactory
from tests.sessions_app.factories import RegistrationFactory

Status = Registration.Status
pytestmark = pytest.mark.django_db


def _participants(event) -> set[int]:
    return set(EventRole.objects.filter(event=event, role=Role.PARTICIPANT).values_list("user_id", flat=True))


def _approved(event) -> set[int]:
    return set(
        Registration.objects.filter(event=event, status=Status.APPROVED).values_list("user_id", flat=True)
    )


def assert_in_step(event):
    """The data check: exactly the people with an approved registration hold the participant role."""
    assert _participants(event) == _approved(event)


def test_approve_grants_the_role(event):
    registration = RegistrationFactory(event=event, status=Status.PENDING)
    assert _participants(event) == set()
    approve_registration(registration=registration)
    assert _participants(event) == {registration.user_id}
    assert_in_step(event)


def test_approve_when_full_waitlists_without_the_role(event):
    event.capacity = 1
    event.save()
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=Status.PENDING)
    assert approve_registration(registration=waiting).status == Status.WAITLISTED
    assert waiting.user_id not in _participants(event)
    assert_in_step(event)


def test_decline_takes_the_role_away(event):
    registration = RegistrationFactory(event=event)
    assert _participants(event) == {registration.user_id}
    decline_registration(registration=registration)
    assert _participants(event) == set()
    assert_in_step(event)


def test_cancel_takes_the_role_away(event):
    registration = RegistrationFactory(event=event)
    cancel_registration(registration=registration)
    assert _participants(event) == set()
    assert_in_step(event)


@pytest.mark.parametrize("how", ["cancel", "decline", "raise_capacity"])
def test_promotion_from_the_waiting_list_grants_the_role(event, how):
    event.capacity = 1
    event.save()
    leaving = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=Status.WAITLISTED)
    if how == "cancel":
        promoted = cancel_registration(registration=leaving)
    elif how == "decline":
        promoted = decline_registration(registration=leaving)
    else:
        promoted = update_signup_settings(event=event, capacity=2, signup_opens=None, signup_closes=None)
    assert promoted == [waiting]
    assert waiting.user_id in _participants(event)
    assert_in_step(event)


def test_a_sequence_of_decisions_keeps_role_and_registration_in_step(event):
    event.capacity = 2
    event.save()
    people = [RegistrationFactory(event=event, status=Status.PENDING) for _ in range(4)]
    steps = [
        lambda: approve_registration(registration=people[0]),
        lambda: approve_registration(registration=people[1]),
        lambda: approve_registration(registration=people[2]),  # full: waiting list
        lambda: approve_registration(registration=people[3]),  # full: waiting list
        lambda: decline_registration(registration=people[0]),  # people[2] moves up
        lambda: cancel_registration(registration=people[1]),  # people[3] moves up
        lambda: decline_registration(registration=people[3]),
        lambda: approve_registration(registration=people[0]),  # declined, then approved again
        lambda: update_signup_settings(event=event, capacity=1, signup_opens=None, signup_closes=None),
    ]
    for step in steps:
        step()
        assert_in_step(event)
    assert _participants(event) == {people[0].user_id, people[2].user_id}


def test_status_changed_in_the_admin_keeps_the_role_in_step(event):
    registration = RegistrationFactory(event=event)
    registration.status = Status.WAITLISTED
    admin.site._registry[Registration].save_model(request=None, obj=registration, form=None, change=True)
    assert_in_step(event)
    registration.status = Status.APPROVED
    admin.site._registry[Registration].save_model(request=None, obj=registration, form=None, change=True)
    assert _participants(event) == {registration.user_id}


def test_events_reads_participants_from_the_role_alone(event):
    # a registration written past the services grants nothing: events knows roles only
    user = UserFactory()
    Registration.objects.create(
        event=event,
        user=user,
        full_name="Ana Rojas",
        organisation="Fundación Paniamor",
        country="CR",
        sector="civil_society",
        preferred_language="es",
        status=Status.APPROVED,
    )
    assert roles_for(user, event) == frozenset()
