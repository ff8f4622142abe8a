"""Benchmark of the badges: one person's badge (made within the request) and everybody's (a job).

    python benchmarks/badges.py [--people 120] [--runs 3]

Builds an event with --people approved registrations in a throwaway test database and prints JSON: the
seconds to render one badge (best of --runs; the organisers' and the participant's download wait for it),
the seconds to render all badges eight to an A4 page (the `sessions_app.badges_pdf` job's work), its pages,
and the seconds to check one code in at the desk (the service, best of --runs).
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dialogue_portal.settings")
os.environ.setdefault("DIALOGUE_TESTING", "1")  # a development secret key; no e-mail leaves the process

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402


def best(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return round(min(times), 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=120)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from django.test.utils import setup_test_environment
    from django.utils import timezone
    from pypdf import PdfReader

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from sessions_app.models import CheckIn
        from sessions_app.services.checkin import check_in, check_in_code, render_badges
        from sessions_app.tasks import badges_pdf
        from tests.events.factories import DayFactory, EventFactory
        from tests.sessions_app.factories import RegistrationFactory

        event = EventFactory()
        DayFactory(event=event, date=timezone.localtime(timezone.now(), event.tz).date())
        people = [RegistrationFactory(event=event) for _ in range(args.people)]
        one = best(lambda: render_badges(event=event, registrations=people[:1]), args.runs)
        started = time.perf_counter()
        pdf = badges_pdf(event=event.pk, language="en")
        everybody = round(time.perf_counter() - started, 3)
        codes = iter([check_in_code(person) for person in people])

        def desk():
            check_in(event=event, code=next(codes), by=None)

        desk_seconds = best(desk, min(args.runs, len(people)))
        print(
            json.dumps(
                {
                    "people": args.people,
                    "one_badge_seconds": one,
                    "all_badges_seconds": everybody,
                    "all_badges_pages": len(PdfReader(io.BytesIO(pdf)).pages),
                    "check_in_seconds": desk_seconds,
                    "check_ins_recorded": CheckIn.objects.count(),
                    "measured_on": datetime.date.today().isoformat(),
                },
                indent=2,
            )
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
