"""The agenda and day pages cost the same number of queries whatever the size of the agenda."""

import datetime

import pytest
from django.urls import reverse

from events.models import Audience, ItemKind
from tests.events.factories import (
    AgendaItemFactory,
    DayFactory,
    EventFactory,
    EventRoleFactory,
    ItemPersonFactory,
    PersonFactory,
)


def _build(event, *, days: int, items: int):
    """`days` public days, each with `items` items with two people and a block of two rotations."""
    for d in range(days):
        day = DayFactory(
            event=event, date=event.start_date + datetime.timedelta(days=d), audience=Audience.PUBLIC
        )
        for i in range(items):
            item = AgendaItemFactory(
                day=day,
                start=datetime.time(7 + i // 4, (i % 4) * 15),
                end=datetime.time(7 + i // 4, (i % 4) * 15 + 10),
            )
            for _ in range(2):
                ItemPersonFactory(item=item, person=PersonFactory(event=event), remote=True)
        block = AgendaItemFactory(
            day=day, kind=ItemKind.THEMATIC_TABLES, start=datetime.time(20, 0), end=datetime.time(22, 0)
        )
        for r in range(2):
            rotation = AgendaItemFactory(
                day=day,
                parent=block,
                kind=ItemKind.ROTATION,
                start=datetime.time(20 + r, 0),
                end=datetime.time(21 + r, 0),
            )
            ItemPersonFactory(item=rotation, person=PersonFactory(event=event))
    return event


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        # event, days, items, rotations, people of items, people of rotations, participants' days hidden.
        ("anonymous", 7),
        # + session, user, roles; members see every day: no hidden-days query.
        ("member", 9),
    ],
)
def test_public_agenda_query_count_constant(db, client, make_user, role, expected, django_assert_num_queries):
    small = _build(EventFactory(), days=2, items=3)
    large = _build(EventFactory(), days=5, items=20)
    if role == "member":
        user = make_user(small, "member")
        EventRoleFactory(event=large, user=user, role="member")
        client.force_login(user)
    with django_assert_num_queries(expected):
        assert client.get(reverse("events:agenda", args=[small.slug])).status_code == 200
    with django_assert_num_queries(expected):
        response = client.get(reverse("events:agenda", args=[large.slug]))
    assert response.status_code == 200
    assert response.content.decode().count('class="item item-') == 5 * (20 + 1 + 2)


def test_public_day_query_count_constant(db, client, django_assert_num_queries):
    small = _build(EventFactory(), days=2, items=3)
    large = _build(EventFactory(), days=5, items=20)
    # event, day, day again with its items, rotations, two kinds of people, visible dates.
    for event in (small, large):
        with django_assert_num_queries(8):
            response = client.get(reverse("events:day_detail", args=[event.slug, "2024-06-04"]))
        assert response.status_code == 200


def _fill_home(event, *, size: int):
    from events.models import EventPartner, Series, SeriesEdition
    from tests.events.factories import OrganisationFactory

    from .factories import DocumentFactory

    series = Series.objects.create(name=f"Series of {event.slug}", slug=f"series-{event.slug}")
    event.series = series
    event.save()
    for n in range(size):
        EventPartner.objects.create(
            event=event, organisation=OrganisationFactory(), kind=EventPartner.Kind.FUNDER
        )
        DocumentFactory(event=event)
        SeriesEdition.objects.create(
            series=series,
            title=f"Edition {n}",
            city=f"City {n}",
            country="KE",
            start_date=datetime.date(2023, 1, 1),
        )
    _build(event, days=min(size, 5), items=1)
    return event


def test_public_event_home_query_count_constant(db, client, django_assert_num_queries):
    small = _fill_home(EventFactory(), size=1)
    large = _fill_home(EventFactory(), size=12)
    # event, days, hidden participants' days, partners, editions, documents.
    for event in (small, large):
        with django_assert_num_queries(6):
            response = client.get(reverse("events:event_home", args=[event.slug]))
        assert response.status_code == 200
    assert response.content.decode().count(f'href="/e/{large.slug}/documents/') == 12
