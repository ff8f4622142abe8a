"""Organiser pages that set up table sessions, tables, materials and breakout groups."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from events.models import ItemKind, Role
from sessions_app.models import (
    BreakoutGroup,
    GroupPlacement,
    Material,
    Rotation,
    Table,
    TableSession,
    TableSlot,
)
from sessions_app.services.preferences import save_ranking
from sessions_app.services.tables import place_in_groups
from tests.events.factories import AgendaItemFactory, DayFactory, EventRoleFactory
from tests.sessions_app.factories import RegistrationFactory, make_session


def _block(event, rotations=3):
    day = DayFactory(event=event, date=datetime.date(2024, 6, 4))
    block = AgendaItemFactory(
        day=day, start=datetime.time(14), end=datetime.time(17), kind=ItemKind.THEMATIC_TABLES
    )
    items = [
        AgendaItemFactory(
            day=day,
            parent=block,
            start=datetime.time(14 + n),
            end=datetime.time(15 + n),
            kind=ItemKind.ROTATION,
        )
        for n in range(rotations)
    ]
    return block, items


@pytest.mark.django_db
def test_create_session_links_rotations_to_rotation_items(client_as, event):
    block, items = _block(event)
    client = client_as("organiser")
    response = client.post(
        reverse("sessions_app:session_create", kwargs={"slug": event.slug}),
        {
            "agenda_item": block.pk,
            "kind": "thematic_tables",
            "title_en": "Thematic tables",
            "title_es": "Mesas",
            "rotations": "1",
            "diversity_country_share": "0.35",
        },
    )
    session = TableSession.objects.get(event=event)
    assert response.status_code == 302
    assert [(r.number, r.agenda_item_id) for r in session.rotations.all()] == [
        (1, items[0].pk),
        (2, items[1].pk),
        (3, items[2].pk),
    ]
    assert str(session.diversity_country_share) == "0.35"


@pytest.mark.django_db
def test_create_world_cafe_without_rotation_items_makes_given_number(client_as, event):
    day = DayFactory(event=event)
    item = AgendaItemFactory(day=day, kind=ItemKind.WORLD_CAFE, start=datetime.time(9), end=datetime.time(11))
    client_as("organiser").post(
        reverse("sessions_app:session_create", kwargs={"slug": event.slug}),
        {"agenda_item": item.pk, "kind": "world_cafe", "title_en": "World Café", "rotations": "4"},
    )
    session = TableSession.objects.get(event=event)
    assert (session.kind, session.rotations.count()) == ("world_cafe", 4)


@pytest.mark.django_db
def test_create_session_bad_share_is_a_form_error(client_as, event):
    block, _items = _block(event)
    response = client_as("organiser").post(
        reverse("sessions_app:session_create", kwargs={"slug": event.slug}),
        {
            "agenda_item": block.pk,
            "kind": "thematic_tables",
            "title_en": "T",
            "rotations": "3",
            "diversity_country_share": "1.50",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["diversity_country_share"] == [
        "Give a share between 0 and 1, e.g. 0.35."
    ]
    assert TableSession.objects.count() == 0


@pytest.mark.django_db
def test_agenda_item_of_another_event_cannot_be_chosen(client_as, event):
    from tests.events.factories import EventFactory

    other_block, _ = _block(EventFactory())
    response = client_as("organiser").post(
        reverse("sessions_app:session_create", kwargs={"slug": event.slug}),
        {"agenda_item": other_block.pk, "kind": "thematic_tables", "title_en": "T", "rotations": "3"},
    )
    assert response.status_code == 200
    assert "agenda_item" in response.context["form"].errors
    assert TableSession.objects.count() == 0


@pytest.mark.django_db
def test_table_form_sets_seats_per_rotation_and_facilitators_with_role(client_as, event, make_user):
    session = make_session(event, tables=0, rotations=3)
    client = client_as("organiser")
    facilitator = make_user(event, Role.FACILITATOR)
    participant = make_user(event, Role.PARTICIPANT)
    r1, r2, r3 = session.rotations.order_by("number")
    url = reverse("sessions_app:table_create", kwargs={"slug": event.slug, "table_session_pk": session.pk})
    data = {
        "number": "1",
        "title_en": "Finance sector",
        "guiding_questions_en": "Who pays?\nWho reports?",
        "working_language": "es",
        "room": "Sabana 1",
        f"seats_{r1.pk}": "10",
        f"seats_{r2.pk}": "12",
        f"seats_{r3.pk}": "8",
        "facilitators": [facilitator.pk],
    }
    response = client.post(url, {**data, "facilitators": [participant.pk]})
    assert response.status_code == 200
    assert "facilitators" in response.context["form"].errors
    assert client.post(url, data).status_code == 302
    table = Table.objects.get(session=session)
    assert list(TableSlot.objects.filter(table=table).values_list("rotation__number", "seats")) == [
        (1, 10),
        (2, 12),
        (3, 8),
    ]
    assert list(table.facilitators.all()) == [facilitator]
    assert table.questions_list() == ["Who pays?", "Who reports?"]
    response = client.post(url, data)
    assert response.context["form"].errors["number"] == ["Another table of this session has number 1."]


@pytest.mark.django_db
def test_rotation_count_adds_slots_to_every_table(client_as, event):
    session = make_session(event, tables=2, rotations=3, seats=7)
    client_as("organiser").post(
        reverse("sessions_app:rotation_count", kwargs={"slug": event.slug, "table_session_pk": session.pk}),
        {"count": "4"},
    )
    assert Rotation.objects.filter(session=session).count() == 4
    assert list(TableSlot.objects.filter(rotation__number=4).values_list("seats", flat=True)) == [7, 7]


@pytest.mark.django_db
def test_material_needs_file_or_link(client_as, event):
    session = make_session(event, tables=1, rotations=1)
    table = session.tables.get()
    url = reverse(
        "sessions_app:materials",
        kwargs={"slug": event.slug, "table_session_pk": session.pk, "table_pk": table.pk},
    )
    client = client_as("organiser")
    response = client.post(url, {"title": "Brief", "language": "en"})
    assert response.context["form"].non_field_errors() == ["Give either a file or a link."]
    client.post(url, {"title": "Brief", "language": "en", "url": "https://example.org/brief.pdf"})
    assert list(Material.objects.values_list("table_id", "url")) == [
        (table.pk, "https://example.org/brief.pdf")
    ]


@pytest.mark.django_db
def test_groups_place_participants_by_country_in_balanced_parts(event):
    item = AgendaItemFactory(day=DayFactory(event=event), kind=ItemKind.GROUP_WORK)
    south = BreakoutGroup.objects.create(
        agenda_item=item, name="South America", countries=["BR", "AR", "CL"], parts=2
    )
    north = BreakoutGroup.objects.create(
        agenda_item=item, name="North America", countries=["US", "CA"], parts=1
    )
    for code, count in [("BR", 5), ("AR", 2), ("CL", 1), ("US", 2), ("FR", 1)]:
        for _ in range(count):
            RegistrationFactory(event=event, country=code)
    RegistrationFactory(event=event, country="BR", status="pending")
    assert place_in_groups(agenda_item=item) == {south.pk: 8, north.pk: 2}
    parts = {}
    for placement in GroupPlacement.objects.filter(group=south):
        parts.setdefault(placement.part, []).append(placement.registration.country.code)
    assert sorted(len(p) for p in parts.values()) == [4, 4]
    assert sorted([parts[1].count("BR"), parts[2].count("BR")]) == [2, 3]
    assert place_in_groups(agenda_item=item) == {south.pk: 8, north.pk: 2}
    assert GroupPlacement.objects.count() == 10


@pytest.mark.django_db
def test_group_form_refuses_country_in_two_groups(client_as, event):
    item = AgendaItemFactory(day=DayFactory(event=event), kind=ItemKind.GROUP_WORK)
    BreakoutGroup.objects.create(agenda_item=item, name="South America", countries=["BR"], parts=2)
    response = client_as("organiser").post(
        reverse("sessions_app:group_create", kwargs={"slug": event.slug, "item_pk": item.pk}),
        {"name_en": "Brazil and friends", "countries": ["BR", "AR"], "parts": "1", "order": "0"},
    )
    assert response.context["form"].errors["countries"] == ["Already in another group: Brazil."]
    assert BreakoutGroup.objects.count() == 1


@pytest.mark.django_db
def test_participant_sees_own_group_on_personal_agenda(client, event):
    item = AgendaItemFactory(day=DayFactory(event=event), kind=ItemKind.GROUP_WORK)
    BreakoutGroup.objects.create(agenda_item=item, name="Central America", countries=["CR"], parts=2)
    registration = RegistrationFactory(event=event, country="CR")
    place_in_groups(agenda_item=item)
    client.force_login(registration.user)
    page = client.get(reverse("sessions_app:my_tables", kwargs={"slug": event.slug})).content.decode()
    assert "<strong>Central America</strong> – group 1" in page


@pytest.mark.django_db
def test_allocate_and_publish_buttons_email_everyone(client_as, event):
    session = make_session(event, tables=3, rotations=3)
    people = [RegistrationFactory(event=event) for _ in range(4)]
    tables = list(session.tables.all())
    for person in people:
        save_ranking(registration=person, session=session, ranks={t.pk: n for n, t in enumerate(tables, 1)})
    client = client_as("organiser")
    kwargs = {"slug": event.slug, "table_session_pk": session.pk}
    client.post(reverse("sessions_app:allocate", kwargs=kwargs))
    page = client.get(reverse("sessions_app:allocation", kwargs=kwargs)).content.decode()
    assert "Share with their first choice" in page and "100.0\u00a0%" in page
    client.post(
        reverse("sessions_app:publish", kwargs=kwargs), {"confirm": "1", "ranking_open_confirmed": "1"}
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.user.email for p in people)
    session.refresh_from_db()
    assert session.published_at is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role,links,pages",
    [
        ("participant", ["My registration", "My tables", "Participants"], []),
        ("facilitator", ["Register", "Participants"], ["Tables I facilitate"]),
        (
            "organiser",
            ["Register", "Participants"],
            ["Registrations", "Table sessions", "Breakout groups", "Tables I facilitate"],
        ),
        ("other_organiser", ["Register"], []),
    ],
)
def test_nav_links_by_role(rf, client_as, event, role, links, pages):
    """The tables area's links in the event navigation and its pages in the back-office menu."""
    from events.navigation import event_links, manage_menu

    client = client_as(role)
    request = rf.get("/")
    request.user = client.user

    tables_area = {"register", "my-tables", "directory"}
    own = [
        link.label
        for link in event_links(request, event)
        if link.url.rstrip("/").split("/")[-1] in tables_area
    ]
    group = [group for group in manage_menu(request, event) if group.key == "registration"]
    shown_pages = [link.label for link in group[0].links] if group else []

    assert own == links
    assert shown_pages == pages


@pytest.mark.django_db
def test_facilitator_role_given_by_event_role(event):
    user = EventRoleFactory(event=event, role=Role.FACILITATOR).user
    from sessions_app.selectors import facilitator_choices

    assert list(facilitator_choices(event=event)) == [user]


@pytest.mark.django_db
def test_deadlines_are_typed_in_the_event_time_zone(client_as, event):
    session = make_session(event, tables=1, rotations=1)
    client = client_as("organiser")
    url = reverse("sessions_app:session_detail", kwargs={"slug": event.slug, "table_session_pk": session.pk})
    response = client.post(
        url, {"kind": "thematic_tables", "title_en": "Tables", "preferences_close": "2024-05-28T23:59"}
    )
    assert response.status_code == 302
    session.refresh_from_db()
    # Costa Rica is UTC-6
    assert session.preferences_close == datetime.datetime(2024, 5, 29, 5, 59, tzinfo=datetime.UTC)
    assert 'value="2024-05-28T23:59"' in client.get(url).content.decode()
