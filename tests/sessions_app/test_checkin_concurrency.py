"""Two desks scanning the same badge at the same moment check the person in once (PostgreSQL only)."""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from sessions_app.errors import CheckInRefused
from sessions_app.models import CheckIn
from sessions_app.services.checkin import check_in, check_in_code
from tests.events.factories import DayFactory
from tests.sessions_app.factories import RegistrationFactory

DESKS = 8


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_same_badge_at_eight_desks_at_once(postgres_only, event):
    DayFactory(event=event, date=timezone.localtime(timezone.now(), event.tz).date())
    registration = RegistrationFactory(event=event)
    code = check_in_code(registration)
    barrier = threading.Barrier(DESKS)
    results: list[str] = []

    def attempt():
        try:
            barrier.wait(timeout=30)
            check_in(event=event, code=code, by=None)
            results.append("ok")
        except CheckInRefused as error:
            results.append(str(error).split(" at ")[0])
        except Exception as error:  # noqa: BLE001 - any other outcome fails the test below
            results.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(DESKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(results) == ["Already checked in today"] * (DESKS - 1) + ["ok"]
    assert CheckIn.objects.filter(registration=registration).count() == 1
