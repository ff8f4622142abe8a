import pytest
from django.urls import reverse

from events.models import Person
from tests.events.factories import PersonFactory

pytestmark = pytest.mark.django_db


def manage(name, event, **kwargs):
    return reverse(f"events:{name}", kwargs={"slug": event.slug, **kwargs})


def test_person_slug_is_made_from_the_name_and_unique_per_event(client_as, event):
    PersonFactory(event=event, name="Guillaume Landry", slug="guillaume-landry")
    PersonFactory(name="Guillaume Landry", slug="guillaume-landry-2")  # another event: no clash
    response = client_as("organiser").post(
        manage("manage_person_add", event),
        {
            "honorific": "Mr.",
            "name": "Guillaume Landry",
            "organisation": "ECPAT International",
            "job_title_en": "Executive Director",
            "job_title_es": "Director Ejecutivo",
            "bio_fr": "Biographie",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(event=event, slug="guillaume-landry-2")
    assert (person.display_name, person.job_title_en, person.job_title_es, person.bio_fr) == (
        "Mr. Guillaume Landry",
        "Executive Director",
        "Director Ejecutivo",
        "Biographie",
    )


def test_person_slug_taken_in_event_is_refused(client_as, event):
    PersonFactory(event=event, slug="ana")
    response = client_as("organiser").post(manage("manage_person_add", event), {"name": "Ana", "slug": "ana"})
    assert response.status_code == 200
    assert "Another person of this event already uses this short name." in response.content.decode()
    assert Person.objects.filter(event=event).count() == 1


def test_organiser_edits_and_deletes_person(client_as, event):
    person = PersonFactory(event=event, name="Fabio", slug="fabio")
    client = client_as("organiser")
    response = client.post(
        manage("manage_person_edit", event, person_pk=person.pk),
        {"name": "Fabio González Flórez", "slug": "fabio", "honorific": "Mr."},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.display_name == "Mr. Fabio González Flórez"
    assert client.post(manage("manage_person_delete", event, person_pk=person.pk)).status_code == 302
    assert Person.objects.count() == 0


def test_people_list_shows_everyone_of_the_event_only(client_as, event):
    PersonFactory(event=event, honorific="Dr.", name="Najat Maala M'jid")
    PersonFactory(name="Someone Else")
    response = client_as("organiser").get(manage("manage_people", event))
    content = response.content.decode()
    assert "Dr. Najat Maala M&#x27;jid" in content
    assert "Someone Else" not in content


def test_an_institution_is_printed_with_its_name_in_the_readers_language(client_as, client, event):
    from tests.events.factories import AgendaItemFactory, DayFactory, ItemPersonFactory

    response = client_as("organiser").post(
        manage("manage_person_add", event),
        {
            "is_institution": "on",
            "name": "Government of Costa Rica",
            "institution_name_es": "Gobierno de Costa Rica",
            "job_title_en": "senior representatives",
            "job_title_es": "altos representantes",
        },
    )
    assert response.status_code == 302
    government = Person.objects.get(event=event, slug="government-of-costa-rica")
    item = AgendaItemFactory(day=DayFactory(event=event), title="Opening ceremony")
    ItemPersonFactory(item=item, person=government)
    day = reverse("events:day_detail", args=[event.slug, item.day.date.isoformat()])

    spanish = client.get(day, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    french = client.get(day, HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert "Gobierno de Costa Rica</a> (altos representantes)" in spanish
    assert "Government of Costa Rica</a>" in french  # no French name: as written, never the Spanish one


def test_only_an_institution_has_a_name_in_each_language(client_as, event):
    response = client_as("organiser").post(
        manage("manage_person_add", event), {"name": "Ana Pérez", "institution_name_es": "Ana"}
    )

    assert response.status_code == 200
    assert "Only an institution has a name in each language." in response.content.decode()
    assert not Person.objects.filter(event=event).exists()
