"""Seats are never oversold, even when many people click at the same moment (PostgreSQL only)."""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from sessions_app.errors import TableFull
from sessions_app.models import Assignment, Rotation, Table, TableSlot
from sessions_app.services.seats import switch_table
from tests.sessions_app.factories import RegistrationFactory, make_session, seat

CONTENDERS = 24


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_switch_race_for_last_three_seats(postgres_only, event):
    session = make_session(event, tables=2, rotations=1, seats=CONTENDERS + 10)
    session.allocated_at = session.published_at = timezone.now()
    session.save()
    rotation = Rotation.objects.get(session=session)
    target, origin = Table.objects.filter(session=session).order_by("number")
    TableSlot.objects.filter(table=target).update(seats=5)
    for _ in range(2):
        seat(RegistrationFactory(event=event), rotation, target)
    contenders = [RegistrationFactory(event=event) for _ in range(CONTENDERS)]
    for person in contenders:
        seat(person, rotation, origin)

    barrier = threading.Barrier(CONTENDERS)
    results: dict[int, str] = {}

    def attempt(person):
        try:
            barrier.wait(timeout=30)
            switch_table(registration=person, rotation=rotation, table=target)
            results[person.pk] = "ok"
        except TableFull as error:
            results[person.pk] = str(error)
        except Exception as error:  # noqa: BLE001 - any other outcome fails the test below
            results[person.pk] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(person,)) for person in contenders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    outcomes = sorted(results.values())
    assert len(outcomes) == CONTENDERS
    assert outcomes.count("ok") == 3
    assert outcomes.count("This table is full.") == CONTENDERS - 3
    assert Assignment.objects.filter(table=target, rotation=rotation).count() == 5
    assert Assignment.objects.filter(rotation=rotation).count() == CONTENDERS + 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_approvals_never_exceed_capacity(postgres_only, event):
    from sessions_app.models import Registration
    from sessions_app.services.registration import approve_registration

    event.capacity = 3
    event.save()
    pending = [RegistrationFactory(event=event, status=Registration.Status.PENDING) for _ in range(12)]
    barrier = threading.Barrier(len(pending))
    errors = []

    def attempt(registration):
        try:
            barrier.wait(timeout=30)
            approve_registration(registration=registration)
        except Exception as error:  # noqa: BLE001
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(r,)) for r in pending]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    statuses = sorted(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses == ["approved"] * 3 + ["waitlisted"] * 9
