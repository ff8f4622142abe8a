import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_home_lists_published_events_only(client):
    from tests.events.factories import EventFactory

    EventFactory(title="San José Dialogue", is_published=True)
    EventFactory(title="Secret draft", is_published=False)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "San José Dialogue" in content
    assert "Secret draft" not in content


@pytest.mark.django_db
def test_unpublished_event_is_404_for_anonymous(client):
    from tests.events.factories import EventFactory

    event = EventFactory(is_published=False)
    assert client.get(event.get_absolute_url()).status_code == 404
