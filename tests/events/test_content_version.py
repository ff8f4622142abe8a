"""Every change of an event's content bumps its content version (cached pages and the programme PDF are
keyed by it); other changes do not."""

import datetime

import pytest
from django.urls import reverse

from events.models import Event, EventPartner
from events.services import bump_content_version, bump_content_version_of_organisation
from tests.events.factories import (
    AgendaItemFactory,
    DayFactory,
    DocumentFactory,
    EventFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def manage(name, event, **kwargs):
    return reverse(f"events:{name}", kwargs={"slug": event.slug, **kwargs})


def version(event) -> int:
    return Event.objects.get(pk=event.pk).content_version


def test_bump_moves_the_version_and_its_time(event):
    before = Event.objects.get(pk=event.pk)

    bump_content_version(event)

    after = Event.objects.get(pk=event.pk)
    assert (event.content_version, after.content_version) == (before.content_version + 1,) * 2
    assert after.content_changed_at > before.content_changed_at


def test_saving_the_event_moves_its_version(event):
    event.city = "Heredia"
    event.save()

    assert (event.content_version, version(event)) == (2, 2)


def test_saving_an_old_copy_of_the_event_never_brings_an_old_version_back(event):
    stale = Event.objects.get(pk=event.pk)
    bump_content_version(event)

    stale.city = "Heredia"
    stale.save(update_fields=["city"])

    assert (stale.content_version, version(event)) == (3, 3)
    assert Event.objects.get(pk=event.pk).city == "Heredia"


def test_organisation_change_bumps_every_event_that_shows_it(event):
    organisation = OrganisationFactory()
    other = EventFactory(host=organisation)
    EventPartner.objects.create(event=event, organisation=organisation, kind=EventPartner.Kind.FUNDER)
    unrelated = EventFactory()

    bump_content_version_of_organisation(organisation)

    assert (version(event), version(other), version(unrelated)) == (2, 2, 1)


def _day_data(**overrides):
    return {"date": "2024-06-04", "audience": "public", "focus_en": "Dialogue", **overrides}


@pytest.mark.parametrize(
    "action",
    [
        "add_day",
        "edit_day",
        "delete_day",
        "duplicate_day",
        "add_item",
        "delete_item",
        "move_item",
        "add_person",
        "delete_person",
        "add_partner",
        "delete_partner",
        "add_document",
        "delete_document",
    ],
)
def test_organiser_changes_bump_the_version(client_as, event, action):
    client = client_as("organiser")
    day = DayFactory(event=event, date=datetime.date(2024, 6, 3))
    item = AgendaItemFactory(day=day, start=datetime.time(9), end=datetime.time(10), room="A")
    AgendaItemFactory(day=day, start=datetime.time(9), end=datetime.time(10), room="B")
    person = PersonFactory(event=event)
    partner = EventPartner.objects.create(event=event, organisation=OrganisationFactory(), kind="funder")
    document = DocumentFactory(event=event)
    before = version(event)
    requests = {
        "add_day": (manage("manage_day_add", event), _day_data()),
        "edit_day": (manage("manage_day_edit", event, day_pk=day.pk), _day_data(date="2024-06-03")),
        "delete_day": (manage("manage_day_delete", event, day_pk=day.pk), {}),
        "duplicate_day": (manage("manage_day_duplicate", event, day_pk=day.pk), {"date": "2024-06-05"}),
        "add_item": (
            manage("manage_item_add", event, day_pk=day.pk),
            {
                "kind": "panel",
                "start": "11:00",
                "end": "12:00",
                "title_en": "Panel",
                "people-TOTAL_FORMS": "0",
                "people-INITIAL_FORMS": "0",
            },
        ),
        "delete_item": (manage("manage_item_delete", event, item_pk=item.pk), {}),
        "move_item": (manage("manage_item_move", event, item_pk=item.pk), {"direction": "down"}),
        "add_person": (manage("manage_person_add", event), {"name": "Ana Pérez"}),
        "delete_person": (manage("manage_person_delete", event, person_pk=person.pk), {}),
        "add_partner": (
            manage("manage_partner_add", event),
            {"kind": "partner", "order": "1", "name": "Paniamor"},
        ),
        "delete_partner": (manage("manage_partner_delete", event, partner_pk=partner.pk), {}),
        "add_document": (
            manage("manage_document_add", event),
            {
                "title_en": "Note",
                "kind": "other",
                "language": "en",
                "url": "https://example.org/n.pdf",
                "order": "0",
            },
        ),
        "delete_document": (manage("manage_document_delete", event, document_pk=document.pk), {}),
    }
    url, data = requests[action]

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert version(event) == before + 1


def test_event_edit_bumps_the_version(client_as, event):
    from .test_organiser_event import event_data

    response = client_as("organiser").post(manage("manage_event_edit", event), event_data(slug=event.slug))

    assert response.status_code == 302
    assert version(event) == 2


def test_refused_form_and_role_changes_keep_the_version(client_as, event):
    client = client_as("organiser")

    client.post(manage("manage_day_add", event), _day_data(date="2030-01-01"))
    client.post(manage("manage_roles", event), {"email": client.user.email, "role": "member"})

    assert version(event) == 1
