"""Who may open which public URL: every URL × every role, the closed day and participants' days."""

import pytest
from django.urls import reverse

from tests.events.factories import EventFactory, UserFactory

ROLES = ["anonymous", "participant", "member", "facilitator", "rapporteur", "other_organiser", "organiser"]

EVERYONE = {role: 200 for role in ROLES}
# Participants' days: anonymous visitors are asked to log in; signed-in users without a role get 403.
PARTICIPANTS = {**EVERYONE, "anonymous": 302, "other_organiser": 403}
# Closed days do not exist for outsiders.
MEMBERS = {**{role: 404 for role in ROLES}, "member": 200, "organiser": 200}
ORGANISERS = {**{role: 403 for role in ROLES}, "anonymous": 302, "organiser": 200}


def _url(agenda, name):
    slug = agenda.event.slug
    day = {"monday": agenda.monday, "tuesday": agenda.tuesday, "friday": agenda.friday}
    return {
        "event_home": reverse("events:event_home", args=[slug]),
        "agenda": reverse("events:agenda", args=[slug]),
        "agenda_ical": reverse("events:agenda_ical", args=[slug]),
        "programme_pdf": reverse("events:programme_pdf", args=[slug]),
        "day_public": reverse("events:day_detail", args=[slug, day["tuesday"].date.isoformat()]),
        "day_participants": reverse("events:day_detail", args=[slug, day["monday"].date.isoformat()]),
        "day_closed": reverse("events:day_detail", args=[slug, day["friday"].date.isoformat()]),
        "day_ical_public": reverse("events:day_ical", args=[slug, day["tuesday"].date.isoformat()]),
        "day_ical_participants": reverse("events:day_ical", args=[slug, day["monday"].date.isoformat()]),
        "day_ical_closed": reverse("events:day_ical", args=[slug, day["friday"].date.isoformat()]),
        "person_public": reverse("events:person_detail", args=[slug, agenda.singateh.slug]),
        "person_closed_only": reverse("events:person_detail", args=[slug, agenda.closed_only.slug]),
        "document_public": reverse("events:document_download", args=[slug, agenda.public_doc.pk]),
        "document_restricted": reverse("events:document_download", args=[slug, agenda.restricted_doc.pk]),
        "preview": reverse("events:preview", args=[slug]),
    }[name]


MATRIX = {
    "event_home": EVERYONE,
    "agenda": EVERYONE,
    "agenda_ical": EVERYONE,
    "programme_pdf": EVERYONE,
    "day_public": EVERYONE,
    "day_ical_public": EVERYONE,
    "person_public": EVERYONE,
    "document_public": EVERYONE,
    "day_participants": PARTICIPANTS,
    "day_ical_participants": PARTICIPANTS,
    "document_restricted": PARTICIPANTS,
    "day_closed": MEMBERS,
    "day_ical_closed": MEMBERS,
    "person_closed_only": MEMBERS,
    "preview": ORGANISERS,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_public_url_status_for_role(agenda, client_as, name, role):
    client = client_as(role)
    response = client.get(_url(agenda, name))
    assert response.status_code == MATRIX[name][role]
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("account_login") + "?next=")


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_public_url_superuser_sees_everything(agenda, client, name):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(_url(agenda, name)).status_code == 200


@pytest.mark.parametrize(
    "name",
    [
        "event_home",
        "agenda",
        "day_public",
        "agenda_ical",
        "programme_pdf",
        "person_public",
        "document_public",
    ],
)
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("participant", 404),
        ("member", 404),
        ("other_organiser", 404),
        ("facilitator", 200),
        ("organiser", 200),
    ],
)
def test_public_url_unpublished_event_hidden_from_outsiders(agenda, client_as, name, role, status):
    agenda.event.is_published = False
    agenda.event.save()
    assert client_as(role).get(_url(agenda, name)).status_code == status


def test_public_objects_of_another_event_are_404(agenda, client_as):
    other = EventFactory()
    client = client_as("organiser")
    assert (
        client.get(reverse("events:person_detail", args=[other.slug, agenda.landry.slug])).status_code == 404
    )
    assert (
        client.get(reverse("events:document_download", args=[other.slug, agenda.public_doc.pk])).status_code
        == 404
    )
    assert client.get(reverse("events:day_detail", args=[other.slug, "2024-06-04"])).status_code == 404


@pytest.mark.parametrize("date", ["2024-06-05", "2024-13-45", "tuesday"])
def test_public_day_detail_unknown_or_invalid_date_is_404(agenda, client, date):
    assert client.get(reverse("events:day_detail", args=[agenda.event.slug, date])).status_code == 404
    assert client.get(reverse("events:day_ical", args=[agenda.event.slug, date])).status_code == 404
