"""Every organiser URL for every role: only the event's organisers get in."""

import pytest
from django.urls import reverse

from events.models import EventRole, Role
from tests.events.factories import AgendaItemFactory, DayFactory, EventFactory, EventRoleFactory

from .organiser_helpers import event_objects

pytestmark = pytest.mark.django_db

# (url name, kwargs from the objects, method)
URLS = [
    ("manage_event", {}, "get"),
    ("manage_event_edit", {}, "get"),
    ("manage_days", {}, "get"),
    ("manage_day_add", {}, "get"),
    ("manage_day_edit", {"day_pk": "day"}, "get"),
    ("manage_day_delete", {"day_pk": "day"}, "get"),
    ("manage_day_duplicate", {"day_pk": "day"}, "get"),
    ("manage_items", {}, "get"),
    ("manage_item_add", {"day_pk": "day"}, "get"),
    ("manage_item_edit", {"item_pk": "item"}, "get"),
    ("manage_item_delete", {"item_pk": "item"}, "get"),
    ("manage_item_move", {"item_pk": "item"}, "post"),
    ("manage_people", {}, "get"),
    ("manage_person_add", {}, "get"),
    ("manage_person_edit", {"person_pk": "person"}, "get"),
    ("manage_person_delete", {"person_pk": "person"}, "get"),
    ("manage_partners", {}, "get"),
    ("manage_partner_add", {}, "get"),
    ("manage_partner_edit", {"partner_pk": "partner"}, "get"),
    ("manage_partner_delete", {"partner_pk": "partner"}, "get"),
    ("manage_documents", {}, "get"),
    ("manage_document_add", {}, "get"),
    ("manage_document_edit", {"document_pk": "document"}, "get"),
    ("manage_document_delete", {"document_pk": "document"}, "get"),
    ("manage_roles", {}, "get"),
    ("manage_role_revoke", {"role_pk": "event_role"}, "post"),
]


def url_for(name, kwargs, event, objects):
    return reverse(
        f"events:{name}", kwargs={"slug": event.slug, **{key: objects[obj].pk for key, obj in kwargs.items()}}
    )


def request(client, method, url):
    return client.post(url, {"direction": "up"}) if method == "post" else client.get(url)


@pytest.mark.parametrize(("name", "kwargs", "method"), URLS, ids=[u[0] for u in URLS])
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("participant", 403),
        ("member", 403),
        ("facilitator", 403),
        ("rapporteur", 403),
        ("checkin", 403),
        ("other_organiser", 403),
        ("organiser", "ok"),
    ],
)
def test_organiser_url_by_role(client_as, event, name, kwargs, method, role, expected):
    if name == "manage_event" and role in ("facilitator", "rapporteur", "checkin"):
        expected = "ok"  # the back office's front page lists the pages their role opens
    objects = event_objects(event)
    client = client_as(role)
    url = url_for(name, kwargs, event, objects)
    response = request(client, method, url)
    if expected == "ok":
        assert response.status_code == (302 if method == "post" else 200)
        if method == "post":
            assert response.url.startswith(f"/e/{event.slug}/manage/")
    else:
        assert response.status_code == expected
    if role == "anonymous":
        assert response.url.startswith(reverse("account_login"))
    if role != "organiser":
        # Nothing changed for those turned away.
        assert EventRole.objects.filter(pk=objects["event_role"].pk).exists()


@pytest.mark.parametrize(
    ("name", "kwargs", "method"), [u for u in URLS if u[1]], ids=[u[0] for u in URLS if u[1]]
)
def test_organiser_url_with_object_of_another_event_is_404(client_as, event, name, kwargs, method):
    other_event = EventFactory()
    EventRoleFactory(event=other_event, role=Role.ORGANISER)  # so the other event keeps an organiser
    other_objects = event_objects(other_event)
    client = client_as("organiser")
    response = request(client, method, url_for(name, kwargs, event, other_objects))
    assert response.status_code == 404
    assert EventRole.objects.filter(pk=other_objects["event_role"].pk).exists()


def test_organiser_of_one_event_cannot_change_another_unpublished_event(client_as):
    hidden = EventFactory(is_published=False)
    client = client_as("organiser")
    response = client.get(reverse("events:manage_event", kwargs={"slug": hidden.slug}))
    assert response.status_code == 404


def test_superuser_may_manage_any_event(client, event, make_user):
    admin = make_user(is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get(reverse("events:manage_event", kwargs={"slug": event.slug})).status_code == 200


def test_item_move_is_post_only(client_as, event):
    item = AgendaItemFactory(day=DayFactory(event=event))
    client = client_as("organiser")
    url = reverse("events:manage_item_move", kwargs={"slug": event.slug, "item_pk": item.pk})
    assert client.get(url).status_code == 405


@pytest.mark.parametrize(
    ("who", "expected"), [("anonymous", 302), ("user", 403), ("staff", 200), ("superuser", 200)]
)
def test_create_event_page_by_kind_of_user(client, make_user, who, expected):
    if who == "user":
        client.force_login(make_user())
    elif who == "staff":
        client.force_login(make_user(is_staff=True))
    elif who == "superuser":
        client.force_login(make_user(is_superuser=True))
    response = client.get(reverse("event_create"))
    assert response.status_code == expected
    if who == "anonymous":
        assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "role, shown",
    [
        ("anonymous", False),
        ("participant", False),
        ("member", False),
        ("facilitator", True),
        ("organiser", True),
    ],
)
def test_back_office_link_in_event_nav_only_for_those_who_work_on_the_event(client_as, event, role, shown):
    html = client_as(role).get(event.get_absolute_url()).content.decode()

    assert (f'href="/e/{event.slug}/manage/"' in html) is shown
