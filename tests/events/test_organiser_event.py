import pytest
from django.urls import reverse

from events.models import Event, EventRole, Role

pytestmark = pytest.mark.django_db


def event_data(**overrides):
    data = {
        "title_en": "The San José Dialogue",
        "title_es": "El Diálogo de San José",
        "subtitle_en": "The Americas",
        "description_en": "Collective action against the sexual exploitation of children.",
        "objectives_en": "Share analysis\nAgree on actions",
        "slug": "san-jose-2024",
        "venue": "Hotel Crowne Plaza",
        "city": "San José",
        "country": "CR",
        "timezone": "America/Costa_Rica",
        "start_date": "2024-06-03",
        "end_date": "2024-06-07",
        "languages": ["en", "es"],
        "default_language": "en",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_staff_creates_event_and_becomes_its_organiser(client, make_user):
    staff = make_user(is_staff=True)
    client.force_login(staff)
    response = client.post(reverse("event_create"), event_data())
    assert response.status_code == 302
    event = Event.objects.get(slug="san-jose-2024")
    assert response.url == reverse("events:manage_event", kwargs={"slug": "san-jose-2024"})
    assert list(EventRole.objects.filter(event=event).values_list("user", "role")) == [
        (staff.pk, Role.ORGANISER)
    ]
    assert (event.title_en, event.title_es, event.languages, event.is_published) == (
        "The San José Dialogue",
        "El Diálogo de San José",
        ["en", "es"],
        False,
    )
    assert event.objectives_list() == ["Share analysis", "Agree on actions"]


def test_user_without_staff_status_cannot_create_event(client, make_user):
    client.force_login(make_user())
    response = client.post(reverse("event_create"), event_data())
    assert response.status_code == 403
    assert Event.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title_en": ""}, "title_en", "Required in the event's default language (English)."),
        (
            {"default_language": "es", "title_es": ""},
            "title_es",
            "Required in the event's default language (Spanish).",
        ),
        (
            {"languages": ["es"], "default_language": "en"},
            "default_language",
            "The default language must be one of the languages offered.",
        ),
        (
            {"timezone": "Mars/Olympus"},
            "timezone",
            "Select a valid choice. Mars/Olympus is not one of the available choices.",
        ),
        ({"end_date": "2024-06-01"}, "end_date", "The last day cannot be before the first day."),
    ],
)
def test_create_event_bad_input_saves_nothing(client, make_user, overrides, field, message):
    client.force_login(make_user(is_staff=True))
    response = client.post(reverse("event_create"), event_data(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode().replace("&#x27;", "'")
    assert Event.objects.count() == 0
    assert EventRole.objects.count() == 0


def test_organiser_edits_event_and_slug(client_as, event):
    client = client_as("organiser")
    url = reverse("events:manage_event_edit", kwargs={"slug": event.slug})
    response = client.post(
        url, event_data(slug="renamed", title_fr="Le Dialogue de San José", is_published="on")
    )
    assert response.status_code == 302
    assert response.url == "/e/renamed/manage/"
    event.refresh_from_db()
    assert (event.slug, event.title_fr, event.is_published) == ("renamed", "Le Dialogue de San José", True)


def test_edit_form_has_one_fieldset_per_language(client_as, event):
    response = client_as("organiser").get(reverse("events:manage_event_edit", kwargs={"slug": event.slug}))
    content = response.content.decode()
    for name in ("English (default language)", "Spanish", "French", "Brazilian Portuguese"):
        assert f"<summary>{name}</summary>" in content
    for name in ("title_en", "title_es", "title_fr", "title_pt_br", "practical_information_pt_br"):
        assert f'name="{name}"' in content


def test_dashboard_links_every_organiser_page(client_as, event):
    response = client_as("organiser").get(reverse("events:manage_event", kwargs={"slug": event.slug}))
    content = response.content.decode()
    for name in (
        "manage_event_edit",
        "manage_days",
        "manage_items",
        "manage_people",
        "manage_partners",
        "manage_documents",
        "manage_roles",
    ):
        assert f'href="{reverse(f"events:{name}", kwargs={"slug": event.slug})}"' in content


def test_invalid_edit_keeps_the_header_on_the_saved_event(client_as, event):
    from tests.events.factories import EventFactory

    EventFactory(slug="taken")
    client = client_as("organiser")
    url = reverse("events:manage_event_edit", kwargs={"slug": event.slug})
    response = client.post(url, event_data(slug="taken", title_en="Changed title"))
    assert response.status_code == 200
    assert response.context["form"].errors["slug"] == ["Event with this Short name already exists."]
    content = response.content.decode()
    assert f'href="/e/{event.slug}/manage/days/"' in content
    assert 'href="/e/taken/manage/' not in content
    event.refresh_from_db()
    assert event.slug != "taken"


def test_event_edit_page_no_longer_offers_signup_settings(client_as, event):
    # capacity and the sign-up window live on the registrations page, which moves the waiting list up
    response = client_as("organiser").get(reverse("events:manage_event_edit", kwargs={"slug": event.slug}))
    content = response.content.decode()
    for name in ("capacity", "signup_opens", "signup_closes"):
        assert name not in response.context["form"].fields
        assert f'name="{name}"' not in content
