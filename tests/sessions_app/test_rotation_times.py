"""Rotation times: every rotation has a start and an end inside its session's block, without overlaps;
the allocation refuses to run otherwise, and the personal agenda shows each rotation at its own hour."""

import datetime

import pytest
from django.urls import reverse

from events.models import ItemKind
from sessions_app.errors import SessionsError
from sessions_app.models import Rotation, TableSession
from sessions_app.selectors import seats_for
from sessions_app.services.allocation import allocate_session
from sessions_app.services.tables import create_table_session, set_rotation_count, set_rotation_times
from tests.events.factories import AgendaItemFactory, DayFactory
from tests.sessions_app.factories import RegistrationFactory, seat

T = datetime.time


def _block(event):
    day = DayFactory(event=event, date=datetime.date(2024, 6, 4))
    return AgendaItemFactory(day=day, start=T(14), end=T(17), kind=ItemKind.THEMATIC_TABLES)


def _times(session):
    return [(r.number, r.start, r.end) for r in session.rotations.order_by("number")]


@pytest.mark.django_db
def test_a_session_without_rotation_items_shares_its_block_between_its_rotations(event):
    session = create_table_session(event=event, agenda_item=_block(event), title="Tables", rotations=2)

    assert _times(session) == [(1, T(14), T(15, 30)), (2, T(15, 30), T(17))]


@pytest.mark.django_db
def test_changing_the_number_of_rotations_shares_the_block_again(event):
    session = create_table_session(event=event, agenda_item=_block(event), title="Tables", rotations=2)

    set_rotation_count(session=session, count=3)

    assert _times(session) == [(1, T(14), T(15)), (2, T(15), T(16)), (3, T(16), T(17))]


@pytest.mark.django_db
def test_the_personal_agenda_shows_each_rotation_at_its_own_hour(event):
    session = create_table_session(event=event, agenda_item=_block(event), title="Tables", rotations=2)
    from sessions_app.models import Table

    tables = [Table.objects.create(session=session, number=n, title=f"Topic {n}") for n in (1, 2)]
    registration = RegistrationFactory(event=event)
    for rotation, table in zip(session.rotations.order_by("number"), tables, strict=True):
        seat(registration, rotation, table)
    session.published_at = datetime.datetime(2024, 6, 1, tzinfo=datetime.UTC)
    session.save()

    hours = [(s.local_start.time(), s.local_end.time()) for s in seats_for(registration=registration)]

    assert hours == [(T(14), T(15, 30)), (T(15, 30), T(17))]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "times, message",
    [
        ({1: (T(13), T(15)), 2: (T(15), T(17))}, "Rotation 1 lies outside its agenda block (14:00–17:00)."),
        ({1: (T(14), T(16)), 2: (T(15), T(17))}, "Rotations 1 and 2 overlap."),
        ({1: (T(15), T(14)), 2: (T(15), T(17))}, "Rotation 1 ends before it starts."),
    ],
)
def test_bad_rotation_times_are_refused_and_nothing_is_saved(event, times, message):
    session = create_table_session(event=event, agenda_item=_block(event), title="Tables", rotations=2)
    by_number = {r.number: r.pk for r in session.rotations.all()}

    with pytest.raises(SessionsError) as refused:
        set_rotation_times(session=session, times={by_number[n]: t for n, t in times.items()})

    assert str(refused.value) == message
    assert _times(session) == [(1, T(14), T(15, 30)), (2, T(15, 30), T(17))]


@pytest.mark.django_db
def test_allocation_refuses_to_run_while_a_rotation_has_no_time(event):
    session = create_table_session(event=event, agenda_item=_block(event), title="Tables", rotations=2)
    from sessions_app.models import Table

    Table.objects.create(session=session, number=1, title="Topic")
    Rotation.objects.filter(session=session, number=2).update(start=None, end=None)

    with pytest.raises(SessionsError) as refused:
        allocate_session(session=session)

    assert str(refused.value) == (
        "Fix the rotation times before allocating: Rotation 2 has no start or end time."
    )
    assert session.rotations.get(number=1).assignments.count() == 0


@pytest.mark.django_db
def test_organiser_sets_rotation_times_on_their_page(client_as, event):
    session = create_table_session(event=event, agenda_item=_block(event), title="Tables", rotations=2)
    first, second = session.rotations.order_by("number")
    url = reverse("sessions_app:rotation_times", kwargs={"slug": event.slug, "table_session_pk": session.pk})
    client = client_as("organiser")

    response = client.post(
        url,
        {
            f"start_{first.pk}": "14:00",
            f"end_{first.pk}": "15:20",
            f"start_{second.pk}": "15:40",
            f"end_{second.pk}": "17:00",
        },
    )

    assert response.status_code == 302
    assert _times(TableSession.objects.get(pk=session.pk)) == [(1, T(14), T(15, 20)), (2, T(15, 40), T(17))]
    detail = client.get(response.url).content.decode()
    assert "Rotation 1 · 14:00–15:20" in detail
    assert "Rotation 2 · 15:40–17:00" in detail


@pytest.mark.django_db
def test_overlapping_times_on_the_page_give_a_message_and_keep_the_old_times(client_as, event):
    session = create_table_session(event=event, agenda_item=_block(event), title="Tables", rotations=2)
    first, second = session.rotations.order_by("number")
    url = reverse("sessions_app:rotation_times", kwargs={"slug": event.slug, "table_session_pk": session.pk})

    response = client_as("organiser").post(
        url,
        {
            f"start_{first.pk}": "14:00",
            f"end_{first.pk}": "16:00",
            f"start_{second.pk}": "15:00",
            f"end_{second.pk}": "17:00",
        },
    )

    assert response.status_code == 200
    assert "Rotations 1 and 2 overlap." in response.content.decode()
    assert _times(session) == [(1, T(14), T(15, 30)), (2, T(15, 30), T(17))]


@pytest.mark.django_db
def test_a_missing_time_on_the_page_is_a_field_error(client_as, event):
    session = create_table_session(event=event, agenda_item=_block(event), title="Tables", rotations=1)
    (only,) = session.rotations.all()
    url = reverse("sessions_app:rotation_times", kwargs={"slug": event.slug, "table_session_pk": session.pk})

    response = client_as("organiser").post(url, {f"start_{only.pk}": "14:00", f"end_{only.pk}": ""})

    assert response.status_code == 200
    assert response.context["form"].errors == {f"end_{only.pk}": ["This field is required."]}


@pytest.mark.django_db
@pytest.mark.parametrize("role, status", [("participant", 403), ("facilitator", 403)])
def test_only_organisers_set_rotation_times(client_as, event, role, status):
    session = create_table_session(event=event, agenda_item=_block(event), title="Tables", rotations=1)
    url = reverse("sessions_app:rotation_times", kwargs={"slug": event.slug, "table_session_pk": session.pk})

    assert client_as(role).get(url).status_code == status
