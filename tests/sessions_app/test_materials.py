"""Table materials are served by the portal to the people taking part, never from an open /media/ URL."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from tests.events.factories import EventFactory
from tests.sessions_app.factories import MaterialFactory, make_session


@pytest.fixture
def material(event):
    session = make_session(event, tables=2, rotations=2)
    material = MaterialFactory(session=session, table=session.tables.first(), url="")
    material.file.save("guiding-questions.txt", ContentFile(b"What does prevention mean?"))
    return material


@pytest.mark.django_db
def test_material_file_is_served_to_a_participant(client_as, event, material):
    response = client_as("participant").get(
        reverse("sessions_app:material_download", args=[event.slug, material.pk])
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"What does prevention mean?"
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.django_db
def test_material_of_another_event_is_404(client_as, material):
    other = EventFactory()
    response = client_as("organiser", target_event=other).get(
        reverse("sessions_app:material_download", args=[other.slug, material.pk])
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_material_pages_link_to_the_portal_view_not_to_media(client_as, event, material):
    response = client_as("organiser").get(
        reverse("sessions_app:materials", args=[event.slug, material.session_id, material.table_id])
    )
    html = response.content.decode()
    assert reverse("sessions_app:material_download", args=[event.slug, material.pk]) in html
    assert "/media/" not in html
