"""The back office's lists and the participant's tables run as many queries for one row as for three."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import ItemKind, Role
from sessions_app.models import BreakoutGroup, Registration
from sessions_app.services.tables import create_table_session
from tests.events.factories import AgendaItemFactory, DayFactory
from tests.sessions_app.factories import make_session, seat


def _count(client, url) -> int:
    client.get(url)  # warm caches (session, site, translations)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _add_sessions(event, day, start, n):
    """`n` more table sessions of one rotation each, on `day` from hour `start`, each with a table."""
    sessions = []
    for hour in range(start, start + n):
        block = AgendaItemFactory(
            day=day, start=datetime.time(hour), end=datetime.time(hour + 1), kind=ItemKind.THEMATIC_TABLES
        )
        AgendaItemFactory(
            day=day,
            parent=block,
            start=datetime.time(hour),
            end=datetime.time(hour + 1),
            kind=ItemKind.ROTATION,
        )
        session = create_table_session(event=event, agenda_item=block, title=f"Session {hour}")
        session.tables.create(number=1, title_en=f"Topic {hour}")
        sessions.append(session)
    return sessions


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["sessions", "my_tables"])
def test_sessions_pages_constant_queries(client_as, event, name, django_assert_num_queries):
    client = client_as("participant" if name == "my_tables" else "organiser")
    registration = Registration.objects.filter(event=event, user=client.user).first()
    day = DayFactory(event=event, date=event.start_date)

    def grow(start, n):
        for session in _add_sessions(event, day, start, n):
            if registration is not None:
                seat(registration, session.rotations.get(), session.tables.get())

    url = reverse(f"sessions_app:{name}", kwargs={"slug": event.slug})
    grow(8, 1)
    one = _count(client, url)
    grow(9, 2)
    with django_assert_num_queries(one):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_groups_list_constant_queries(client_as, event, django_assert_num_queries):
    client = client_as("organiser")
    item = AgendaItemFactory(day=DayFactory(event=event), kind=ItemKind.GROUP_WORK)
    url = reverse("sessions_app:groups", kwargs={"slug": event.slug})
    BreakoutGroup.objects.create(agenda_item=item, name="Group 1", countries=["BR"], parts=1)
    one = _count(client, url)
    for n in (2, 3):
        BreakoutGroup.objects.create(agenda_item=item, name=f"Group {n}", countries=["AR"], parts=1)
    with django_assert_num_queries(one):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.FACILITATOR, Role.ORGANISER])
def test_facilitating_constant_queries(client_as, event, role, django_assert_num_queries):
    client = client_as(role)
    url = reverse("sessions_app:facilitating", kwargs={"slug": event.slug})
    session = make_session(event, tables=3, rotations=1)
    tables = list(session.tables.order_by("number"))
    tables[0].facilitators.add(client.user)
    one = _count(client, url)
    for table in tables[1:]:
        table.facilitators.add(client.user)
    with django_assert_num_queries(one):
        assert client.get(url).status_code == 200
