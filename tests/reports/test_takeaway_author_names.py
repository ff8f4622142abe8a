"""Takeaway authors are named to a participant only when they are listed in the participant directory (with
their consent); organisers see every name; an erased author is a "Former participant"."""

import pytest
from django.urls import reverse

from events.models import Role
from reports.models import Takeaway, TakeawayAuthor
from tests.events.factories import DayFactory, EventRoleFactory, UserFactory
from tests.sessions_app.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def day_with_three_authors(event):
    """A day summed up by a listed participant, an unlisted one and the reader, Ana."""
    day = DayFactory(event=event)
    people = {}
    for key, name, listed in (("listed", "Luis Listed", True), ("unlisted", "Uma Unlisted", False)):
        registration = RegistrationFactory(
            event=event, full_name=name, organisation="Example Foundation", consent_directory=listed
        )
        people[key] = registration.user
    ana = RegistrationFactory(
        event=event, full_name="Ana Reader", organisation="", consent_directory=False
    ).user
    for user in (people["listed"], people["unlisted"], ana):
        TakeawayAuthor.objects.create(day=day, user=user)
    return day, people, ana


def authors_seen(client, event):
    rows = client.get(reverse("reports:takeaways", kwargs={"slug": event.slug})).context["rows"]
    return [row["authors"] for row in rows]


def test_a_participant_sees_names_only_of_people_in_the_directory(client, event, day_with_three_authors):
    day, people, ana = day_with_three_authors
    client.force_login(ana)
    assert authors_seen(client, event) == [
        ["Luis Listed (Example Foundation)", "A participant", "Ana Reader"]
    ]
    page = client.get(reverse("reports:takeaways", kwargs={"slug": event.slug})).content.decode()
    assert "Uma Unlisted" not in page and people["unlisted"].email not in page


def test_a_declined_participant_is_not_named_even_with_consent(client, event, day_with_three_authors):
    day, people, ana = day_with_three_authors
    people["listed"].registrations.update(status="declined")
    client.force_login(ana)
    assert authors_seen(client, event) == [["A participant", "A participant", "Ana Reader"]]


def test_organisers_see_every_author_by_name(client, event, day_with_three_authors):
    organiser = UserFactory()
    EventRoleFactory(event=event, user=organiser, role=Role.ORGANISER)
    client.force_login(organiser)
    page = reverse("reports:findings_takeaways", kwargs={"slug": event.slug})
    rows = client.get(page).context["rows"]
    assert [row["authors"] for row in rows] == [
        ["Luis Listed (Example Foundation)", "Uma Unlisted (Example Foundation)", "Ana Reader"]
    ]


def test_a_rapporteur_reads_takeaways_with_names_only_by_consent(client, event, day_with_three_authors):
    day, people, ana = day_with_three_authors
    Takeaway.objects.create(day=day, author=people["unlisted"], text="Protect children online.")
    Takeaway.objects.create(day=day, author=people["listed"], text="Fund youth networks.")
    rapporteur = UserFactory()
    EventRoleFactory(event=event, user=rapporteur, role=Role.RAPPORTEUR)
    client.force_login(rapporteur)
    rows = client.get(reverse("reports:findings_takeaways", kwargs={"slug": event.slug})).context["rows"]
    assert [(name, t.text) for name, t in rows[0]["takeaways"]] == [
        ("A participant", "Protect children online."),
        ("Luis Listed (Example Foundation)", "Fund youth networks."),
    ]


def test_a_takeaway_whose_author_erased_their_account_reads_former_participant(client, event):
    day = DayFactory(event=event)
    Takeaway.objects.create(day=day, author=None, text="Keep the dialogue going.")
    organiser = UserFactory()
    EventRoleFactory(event=event, user=organiser, role=Role.ORGANISER)
    client.force_login(organiser)
    page = client.get(reverse("reports:findings_takeaways", kwargs={"slug": event.slug})).content.decode()
    assert "<h3>Former participant <small>(English)</small></h3>" in page
    assert "Keep the dialogue going." in page
