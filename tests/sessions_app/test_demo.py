"""The demo's tables area (events/demo_data/, loaded by load_demo): Tuesday's ten tables in three rotations,
sub-regional groups, 116 approved registrations from 20 countries, the published allocation."""

import io

import pytest
from django.core.management import call_command

from sessions_app.models import Assignment, BreakoutGroup, GroupPlacement, Registration, TableSession


@pytest.mark.django_db
def test_demo_load_builds_tables_groups_and_published_allocation_idempotently(demo_event):
    event = demo_event
    call_command("load_demo", stdout=io.StringIO())
    session = TableSession.objects.get(event=event)
    assert session.tables.count() == 10
    assert [r.agenda_item.start.hour for r in session.rotations.all()] == [14, 15, 16]
    assert session.tables.get(number=7).title_es == (
        "Las plataformas en línea y su papel en la protección de la niñez en los viajes y el turismo"
    )
    registrations = Registration.objects.filter(event=event, status="approved")
    assert registrations.count() == 116
    assert len(set(registrations.values_list("country", flat=True))) == 20
    assert (
        registrations.filter(user__email__in=["participant@example.org", "member@example.org"]).count() == 2
    )
    assert session.published_at is not None
    assert Assignment.objects.filter(rotation__session=session).count() == 116 * 3
    facilitated = session.tables.filter(facilitators__email="facilitator@example.org")
    assert sorted(facilitated.values_list("number", flat=True)) == [1, 2, 3]
    groups = BreakoutGroup.objects.filter(agenda_item__day__event=event).order_by("order")
    assert [(g.name, g.parts) for g in groups] == [
        ("North America and Anglo-speaking Caribbean", 1),
        ("Central America, Mexico and Dominican Republic", 2),
        ("South America", 2),
    ]
    assert GroupPlacement.objects.filter(group__in=groups).count() == 116
    # every approved participant ranked at least three tables
    assert all(r.preferences.count() >= 3 for r in registrations.prefetch_related("preferences"))
