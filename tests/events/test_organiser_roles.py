import pytest
from django.urls import reverse

from events.models import EventRole, Role
from tests.events.factories import EventRoleFactory, UserFactory

pytestmark = pytest.mark.django_db


def manage(name, event, **kwargs):
    return reverse(f"events:{name}", kwargs={"slug": event.slug, **kwargs})


def test_organiser_grants_role_by_email(client_as, event):
    rapporteur = UserFactory(email="Ana.Rapporteur@example.org")
    client = client_as("organiser")
    response = client.post(
        manage("manage_roles", event),
        {"email": "ana.rapporteur@EXAMPLE.org", "role": "rapporteur"},
        follow=True,
    )
    assert "Ana.Rapporteur@example.org is now Rapporteur." in response.content.decode()
    assert list(EventRole.objects.filter(user=rapporteur).values_list("event", "role")) == [
        (event.pk, Role.RAPPORTEUR)
    ]


def test_granting_a_role_to_an_unknown_address_explains_and_saves_nothing(client_as, event):
    client = client_as("organiser")
    before = EventRole.objects.count()
    response = client.post(manage("manage_roles", event), {"email": "nobody@example.org", "role": "member"})
    assert response.status_code == 200
    message = (
        "No account uses the address nobody@example.org. "
        "Ask the person to sign up first, then grant the role."
    )
    assert message in response.content.decode()
    assert EventRole.objects.count() == before


def test_organiser_revokes_a_role(client_as, event):
    member_role = EventRoleFactory(event=event, role=Role.MEMBER)
    response = client_as("organiser").post(manage("manage_role_revoke", event, role_pk=member_role.pk))
    assert response.status_code == 302
    assert not EventRole.objects.filter(pk=member_role.pk).exists()


def test_last_organiser_cannot_be_removed(client_as, event):
    client = client_as("organiser")
    own_role = EventRole.objects.get(event=event, user=client.user, role=Role.ORGANISER)
    page = client.get(manage("manage_roles", event))
    assert "Last organiser" in page.content.decode()
    response = client.post(manage("manage_role_revoke", event, role_pk=own_role.pk), follow=True)
    assert (
        "An event needs at least one organiser: grant the role to someone else first."
        in response.content.decode()
    )
    assert EventRole.objects.filter(pk=own_role.pk).exists()


def test_organiser_may_step_down_when_another_organiser_remains(client_as, event):
    client = client_as("organiser")
    EventRoleFactory(event=event, role=Role.ORGANISER)
    own_role = EventRole.objects.get(event=event, user=client.user, role=Role.ORGANISER)
    response = client.post(manage("manage_role_revoke", event, role_pk=own_role.pk))
    assert response.status_code == 302
    assert response.url == event.get_absolute_url()
    assert client.get(manage("manage_event", event)).status_code == 403


def test_roles_page_lists_roles_of_this_event_only(client_as, event):
    EventRoleFactory(event=event, role=Role.FACILITATOR, user=UserFactory(email="fac@example.org"))
    EventRoleFactory(role=Role.FACILITATOR, user=UserFactory(email="elsewhere@example.org"))
    content = client_as("organiser").get(manage("manage_roles", event)).content.decode()
    assert "fac@example.org" in content
    assert "elsewhere@example.org" not in content


def test_organiser_gives_a_volunteer_the_check_in_desk_and_the_page_says_what_it_allows(client_as, event):
    volunteer = UserFactory(email="door@example.org")
    client = client_as("organiser")

    response = client.post(
        manage("manage_roles", event), {"email": "door@example.org", "role": "checkin"}, follow=True
    )

    page = response.content.decode()
    assert "door@example.org is now Check-in desk." in page
    assert (
        "<dt>Check-in desk</dt><dd>Checks people in at the venue, reprints badges and sees the attendance "
        "count; nothing else.</dd>"
    ) in page
    assert EventRole.objects.get(user=volunteer).role == Role.CHECKIN


def test_no_role_is_chosen_in_advance(client_as, event):
    UserFactory(email="someone@example.org")
    client = client_as("organiser")
    before = EventRole.objects.count()

    page = client.get(manage("manage_roles", event)).content.decode()
    response = client.post(manage("manage_roles", event), {"email": "someone@example.org", "role": ""})

    assert '<option value="" selected>Choose a role</option>' in page
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    assert EventRole.objects.count() == before


def test_the_roles_page_shows_one_role_or_the_addresses_searched_fifty_at_a_time(client_as, event):
    for n in range(55):
        EventRoleFactory(
            event=event, user=UserFactory(email=f"person{n:02d}@example.org"), role=Role.PARTICIPANT
        )
    EventRoleFactory(event=event, user=UserFactory(email="ana.relatora@example.org"), role=Role.RAPPORTEUR)
    client = client_as("organiser")  # a 57th role
    url = manage("manage_roles", event)

    every = client.get(url).content.decode()
    rapporteurs = client.get(url, {"role": "rapporteur"}).content.decode()
    searched = client.get(url, {"q": "PERSON1"}).content.decode()
    second_page = client.get(url, {"role": "participant", "page": "2"}).content.decode()

    assert "57 roles match." in every and "Page 1 of 2" in every
    assert '<a href="?role=rapporteur">Rapporteur <span class="count">1</span></a>' in every
    assert "1 role matches." in rapporteurs and "ana.relatora@example.org" in rapporteurs
    assert "person00@example.org" not in rapporteurs
    assert "10 roles match." in searched and "person19@example.org" in searched
    assert "person20@example.org" not in searched
    assert "Page 2 of 2" in second_page and "person54@example.org" in second_page
    assert "person00@example.org" not in second_page
