"""Organiser list pages ask the database a fixed number of times, however much data the event has."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events import models as em
from tests.events.factories import (
    AgendaItemFactory,
    DayFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def add_rows(event, start: int, count: int) -> None:
    """Add `count` rows of every kind the list pages show (days with an item, people, partners, ...)."""
    for n in range(start, start + count):
        day = DayFactory(event=event, date=event.start_date + datetime.timedelta(days=n))
        item = AgendaItemFactory(day=day)
        person = PersonFactory(event=event)
        em.ItemPerson.objects.create(item=item, person=person)
        em.EventPartner.objects.create(event=event, organisation=OrganisationFactory(), kind="partner")
        em.Document.objects.create(event=event, title=f"Document {n}", url=f"https://example.org/{n}.pdf")
        em.EventRole.objects.create(event=event, user=UserFactory(), role=em.Role.MEMBER)


@pytest.mark.parametrize(
    ("name", "row_marker"),
    [
        ("manage_event", None),
        ("manage_days", "/duplicate/"),
        ("manage_items", 'class="item-title"'),
        ("manage_people", "/delete/"),
        ("manage_partners", "/delete/"),
        ("manage_documents", "/delete/"),
        ("manage_roles", "/revoke/"),
    ],
)
def test_list_page_query_count_is_constant(client_as, event, django_assert_num_queries, name, row_marker):
    client = client_as("organiser")
    url = reverse(f"events:{name}", kwargs={"slug": event.slug})
    add_rows(event, 0, 1)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        first = client.get(url)
    add_rows(event, 1, 3)
    with django_assert_num_queries(len(small.captured_queries)):
        second = client.get(url)
    assert (first.status_code, second.status_code) == (200, 200)
    if row_marker:
        small_rows = first.content.decode().count(row_marker)
        assert second.content.decode().count(row_marker) == small_rows + 3
