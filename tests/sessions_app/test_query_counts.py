"""List pages run the same number of queries whatever the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.sessions_app.factories import RegistrationFactory, make_session, seat


def _fill(event, session, n):
    rotations = list(session.rotations.order_by("number"))
    tables = list(session.tables.order_by("number"))
    for i in range(n):
        person = RegistrationFactory(event=event, consent_directory=True)
        for r, rotation in enumerate(rotations):
            seat(person, rotation, tables[(i + r) % len(tables)])


def _count(client, url) -> int:
    client.get(url)  # warm caches (session, site, translations)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _assert_count(client, url, expected, django_assert_num_queries):
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name,keys",
    [
        ("registrations", []),
        ("allocation", ["table_session_pk"]),
        ("table_roster", ["table_pk"]),
        ("directory", []),
        ("session_detail", ["table_session_pk"]),
    ],
)
def test_list_pages_constant_queries(client_as, event, name, keys, django_assert_num_queries):
    session = make_session(event, tables=3, rotations=3, seats=20)
    client = client_as("organiser")
    ids = {"table_session_pk": session.pk, "table_pk": session.tables.first().pk}
    url = reverse(f"sessions_app:{name}", kwargs={"slug": event.slug, **{k: ids[k] for k in keys}})
    _fill(event, session, 2)
    small = _count(client, url)
    _fill(event, session, 9)
    _assert_count(client, url, small, django_assert_num_queries)
