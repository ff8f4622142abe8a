import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Role
from events.rules import roles_for
from sessions_app.errors import SignupClosed
from sessions_app.models import Assignment, Registration
from sessions_app.services.registration import (
    approve_registration,
    cancel_registration,
    decline_registration,
    register_participant,
    update_signup_settings,
)
from tests.events.factories import UserFactory
from tests.sessions_app.factories import RegistrationFactory, make_session, seat

Status = Registration.Status
DATA = {
    "full_name": "Ana Rojas",
    "organisation": "Fundación Paniamor",
    "country": "CR",
    "sector": "civil_society",
    "preferred_language": "es",
}


def _form(**extra):
    return {**DATA, **extra}


@pytest.mark.django_db
def test_register_before_window_opens_is_refused(event):
    event.signup_opens = timezone.now() + datetime.timedelta(days=1)
    event.save()
    with pytest.raises(SignupClosed) as error:
        register_participant(event=event, user=UserFactory(), data=DATA)
    assert str(error.value) == "Sign-up has not opened yet."
    assert Registration.objects.count() == 0


@pytest.mark.django_db
def test_register_after_window_closes_is_refused(event):
    event.signup_closes = timezone.now() - datetime.timedelta(minutes=1)
    event.save()
    with pytest.raises(SignupClosed) as error:
        register_participant(event=event, user=UserFactory(), data=DATA)
    assert str(error.value) == "Sign-up is closed."


@pytest.mark.django_db
def test_register_inside_window_is_pending_with_consents_off(event):
    event.signup_opens = timezone.now() - datetime.timedelta(days=1)
    event.signup_closes = timezone.now() + datetime.timedelta(days=1)
    event.save()
    registration = register_participant(event=event, user=UserFactory(), data=DATA)
    assert registration.status == Status.PENDING
    assert (registration.consent_directory, registration.consent_quote_attribution) == (False, False)


@pytest.mark.django_db
def test_register_page_closed_window_shows_message_and_saves_nothing(client, event):
    event.signup_closes = timezone.now() - datetime.timedelta(minutes=1)
    event.save()
    user = UserFactory()
    client.force_login(user)
    url = reverse("sessions_app:register", kwargs={"slug": event.slug})
    assert "Sign-up is closed." in client.get(url).content.decode()
    response = client.post(url, _form())
    assert response.status_code == 200
    assert "Sign-up is closed." in response.content.decode()
    assert Registration.objects.count() == 0


@pytest.mark.django_db
def test_register_page_creates_then_edits_registration(client, event):
    user = UserFactory()
    client.force_login(user)
    url = reverse("sessions_app:register", kwargs={"slug": event.slug})
    response = client.post(url, _form(consent_directory="on"))
    assert response.status_code == 302
    registration = Registration.objects.get(user=user)
    assert (registration.full_name, registration.country.code, registration.status) == (
        "Ana Rojas",
        "CR",
        "pending",
    )
    assert registration.consent_directory is True
    response = client.post(url, _form(full_name="Ana María Rojas"))
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.full_name, registration.consent_directory, registration.status) == (
        "Ana María Rojas",
        False,
        "pending",
    )


@pytest.mark.django_db
def test_register_page_missing_country_is_a_form_error(client, event):
    client.force_login(UserFactory())
    response = client.post(reverse("sessions_app:register", kwargs={"slug": event.slug}), _form(country=""))
    assert response.status_code == 200
    assert response.context["form"].errors["country"] == ["This field is required."]
    assert Registration.objects.count() == 0


@pytest.mark.django_db
def test_cancel_then_register_again_joins_the_end_of_the_queue(client, event):
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("sessions_app:register", kwargs={"slug": event.slug}), _form())
    client.post(reverse("sessions_app:register_cancel", kwargs={"slug": event.slug}))
    assert Registration.objects.get(user=user).status == Status.CANCELLED
    client.post(reverse("sessions_app:register", kwargs={"slug": event.slug}), _form())
    assert Registration.objects.get(user=user).status == Status.PENDING


@pytest.mark.django_db
def test_approve_beyond_capacity_goes_to_waiting_list(event):
    event.capacity = 2
    event.save()
    pending = [RegistrationFactory(event=event, status=Status.PENDING) for _ in range(3)]
    assert [approve_registration(registration=r).status for r in pending] == [
        "approved",
        "approved",
        "waitlisted",
    ]


@pytest.mark.django_db
def test_register_when_full_goes_straight_to_waiting_list(event):
    event.capacity = 1
    event.save()
    RegistrationFactory(event=event, status=Status.APPROVED)
    registration = register_participant(event=event, user=UserFactory(), data=DATA)
    assert registration.status == Status.WAITLISTED


@pytest.mark.django_db
def test_cancel_moves_oldest_waiting_person_up_and_frees_seats(event):
    event.capacity = 2
    event.save()
    session = make_session(event, tables=3, rotations=1)
    first, second = (RegistrationFactory(event=event) for _ in range(2))
    waiting_old = RegistrationFactory(event=event, status=Status.WAITLISTED)
    waiting_new = RegistrationFactory(event=event, status=Status.WAITLISTED)
    seat(first, session.rotations.get(), session.tables.first())
    promoted = cancel_registration(registration=first)
    assert promoted == [waiting_old]
    assert list(Registration.objects.order_by("pk").values_list("status", flat=True)) == [
        "cancelled",
        "approved",
        "approved",
        "waitlisted",
    ]
    assert Assignment.objects.filter(registration=first).count() == 0
    assert waiting_new.pk and second.pk


@pytest.mark.django_db
def test_decline_approved_moves_waiting_list_up(event):
    event.capacity = 1
    event.save()
    approved = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=Status.WAITLISTED)
    assert decline_registration(registration=approved) == [waiting]
    waiting.refresh_from_db()
    assert waiting.status == Status.APPROVED


@pytest.mark.django_db
def test_raising_capacity_moves_waiting_list_up(event):
    event.capacity = 1
    event.save()
    RegistrationFactory(event=event)
    waiting = [RegistrationFactory(event=event, status=Status.WAITLISTED) for _ in range(3)]
    promoted = update_signup_settings(event=event, capacity=3, signup_opens=None, signup_closes=None)
    assert promoted == waiting[:2]


@pytest.mark.django_db
def test_approved_registration_makes_a_participant(event):
    registration = RegistrationFactory(event=event, status=Status.PENDING)
    assert Role.PARTICIPANT not in roles_for(registration.user, event)
    approve_registration(registration=registration)
    registration.user.__dict__.pop("_dialogue_roles_cache", None)
    assert Role.PARTICIPANT in roles_for(registration.user, event)


@pytest.mark.django_db
def test_organiser_approves_and_declines_through_the_page(client_as, event):
    client = client_as("organiser")
    registration = RegistrationFactory(event=event, status=Status.PENDING)
    url = reverse(
        "sessions_app:registration_decide",
        kwargs={"slug": event.slug, "registration_pk": registration.pk, "action": "approve"},
    )
    assert client.post(url).status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.APPROVED
    url = reverse(
        "sessions_app:registration_decide",
        kwargs={"slug": event.slug, "registration_pk": registration.pk, "action": "decline"},
    )
    client.post(url)
    registration.refresh_from_db()
    assert registration.status == Status.DECLINED


@pytest.mark.django_db
def test_registration_of_another_event_is_404_for_organiser(client_as, event):
    from tests.events.factories import EventFactory

    client = client_as("organiser")
    other = RegistrationFactory(event=EventFactory(), status=Status.PENDING)
    url = reverse(
        "sessions_app:registration_decide",
        kwargs={"slug": event.slug, "registration_pk": other.pk, "action": "approve"},
    )
    assert client.post(url).status_code == 404
    other.refresh_from_db()
    assert other.status == Status.PENDING


@pytest.mark.django_db
def test_closed_day_only_for_network_members(client, event):
    from events.models import Audience
    from tests.events.factories import DayFactory

    closed = DayFactory(event=event, date=event.end_date, audience=Audience.MEMBERS)
    client.force_login(UserFactory())
    url = reverse("sessions_app:register", kwargs={"slug": event.slug})
    response = client.post(url, _form(days=[closed.pk]))
    assert response.context["form"].errors["days"] == ["The closed day is for members of the network only."]
    assert Registration.objects.count() == 0
    assert client.post(url, _form(days=[closed.pk], is_network_member="on")).status_code == 302
    assert list(Registration.objects.get().days.all()) == [closed]


@pytest.mark.django_db
@pytest.mark.parametrize(("asked", "chosen"), [("pt-BR", "pt-br"), ("pt", "pt-br"), ("fr", "fr")])
def test_the_sign_up_form_offers_the_readers_language_as_preferred(client, event, asked, chosen):
    event.languages = ["en", "es", "fr", "pt-br"]
    event.save()
    client.force_login(UserFactory())

    page = client.get(
        reverse("sessions_app:register", kwargs={"slug": event.slug}), HTTP_ACCEPT_LANGUAGE=asked
    )

    assert f'<option value="{chosen}" selected>' in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "sees_title"), [(None, False), ("member", True), ("organiser", True)])
def test_the_closed_days_title_is_shown_on_the_form_only_to_those_who_may_read_it(
    client, event, make_user, role, sees_title
):
    import datetime

    from events.models import Audience
    from tests.events.factories import DayFactory

    DayFactory(
        event=event, date=datetime.date(2024, 6, 7), audience=Audience.MEMBERS, title="Network strategy day"
    )
    client.force_login(make_user(event, role) if role else UserFactory())

    page = client.get(reverse("sessions_app:register", kwargs={"slug": event.slug})).content.decode()

    assert ("Network strategy day" in page) is sees_title
    assert ("Friday 7 June 2024 – closed day for network members" in page) is not sees_title
