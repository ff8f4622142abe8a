"""The steps of benchmarks/load.py that run inside Django (`manage.py shell`), each printing one JSON line.

    python manage.py shell --no-imports -c "import load_setup; load_setup.main('prepare', 200, 30)"

`prepare` readies the demo event for the run: sign-up open without a cap, the demo's first table session
with rankings open and enough seats, 200 newcomers and 30 approved, ranked participants (the switchers),
an organiser, and a signed-in session for each; `approve` approves the newcomers' registrations (the
registration desk, not timed); `check` counts what the run left in the database.
"""

from __future__ import annotations

import json
import math
import random
import sys

SLUG = "san-jose-dialogue-2024"
DOMAIN = "load.example.org"


def _session_cookie(user) -> str:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def _user(email: str):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username=email, email=email, password=None)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def prepare(newcomers: int, switchers: int) -> dict:
    from events.models import Event, EventRole, Role
    from sessions_app.models import Assignment, Registration, TableSession, TableSlot
    from sessions_app.services.preferences import save_ranking
    from sessions_app.services.registration import approve_registration

    event = Event.objects.get(slug=SLUG)
    event.capacity = None
    event.signup_opens = event.signup_closes = None
    event.save()
    session = TableSession.objects.filter(event=event).order_by("pk").first()
    session.published_at = session.allocated_at = session.preferences_close = None
    session.save()
    Assignment.objects.filter(rotation__session=session).delete()
    tables = list(session.tables.order_by("number"))
    approved = Registration.objects.filter(event=event, status=Registration.Status.APPROVED).count()
    people = approved + newcomers + switchers
    # About 10 % more seats than people in every rotation: the allocation fills most, switches contend.
    TableSlot.objects.filter(table__session=session).update(seats=math.ceil(people * 1.1 / len(tables)))

    rng = random.Random(7)
    cookies = {"newcomers": [], "switchers": []}
    for n in range(newcomers):
        cookies["newcomers"].append(_session_cookie(_user(f"newcomer{n}@{DOMAIN}")))
    for n in range(switchers):
        user = _user(f"switcher{n}@{DOMAIN}")
        registration = Registration.objects.create(
            event=event,
            user=user,
            full_name=f"Switcher {n}",
            organisation="Example Foundation",
            country="CR",
            sector="civil_society",
            preferred_language="en",
        )
        approve_registration(registration=registration)
        order = rng.sample(tables, len(tables))
        save_ranking(
            registration=registration, session=session, ranks={t.pk: r for r, t in enumerate(order, 1)}
        )
        cookies["switchers"].append(_session_cookie(user))
    organiser = _user(f"organiser@{DOMAIN}")
    EventRole.objects.create(event=event, user=organiser, role=Role.ORGANISER)
    return {
        "session": session.pk,
        "tables": [t.pk for t in tables],
        "rotations": list(session.rotations.order_by("number").values_list("pk", flat=True)),
        "seats_per_table": math.ceil(people * 1.1 / len(tables)),
        "people": people,
        "organiser": _session_cookie(organiser),
        **cookies,
    }


def approve() -> dict:
    from events.models import Event
    from sessions_app.models import Registration
    from sessions_app.services.registration import approve_registration

    pending = Registration.objects.filter(event__slug=SLUG, status=Registration.Status.PENDING)
    count = 0
    for registration in pending.select_related("event"):
        approve_registration(registration=registration)
        count += 1
    return {"approved": count, "event": Event.objects.get(slug=SLUG).pk}


def target(session: int, rotation: int) -> dict:
    """The table of `rotation` with the fewest free seats (at least one): every switcher asks for it."""
    from django.db.models import Count

    from sessions_app.models import Assignment, Registration, TableSlot

    taken = dict(
        Assignment.objects.filter(rotation_id=rotation)
        .values("table_id")
        .annotate(n=Count("pk"))
        .values_list("table_id", "n")
    )
    free = {
        slot.table_id: slot.seats - taken.get(slot.table_id, 0)
        for slot in TableSlot.objects.filter(rotation_id=rotation, table__session_id=session)
    }
    table = min((t for t, n in free.items() if n > 0), key=lambda t: (free[t], t))
    # A switcher who sits at that table already (in any rotation) cannot take a seat there: each table once.
    eligible = (
        Registration.objects.filter(event__slug=SLUG, user__email__startswith="switcher")
        .exclude(assignments__table_id=table)
        .count()
    )
    return {"table": table, "free": free[table], "eligible_switchers": eligible}


def check(session: int, table: int, rotation: int) -> dict:
    from django.db.models import Count

    from events.models import SentEmail
    from sessions_app.models import Assignment, Preference, Registration, TableSlot

    registrations = Registration.objects.filter(event__slug=SLUG, user__email__endswith=f"@{DOMAIN}")
    oversold = 0
    taken = {
        (row["table_id"], row["rotation_id"]): row["n"]
        for row in Assignment.objects.filter(rotation__session_id=session)
        .values("table_id", "rotation_id")
        .annotate(n=Count("pk"))
    }
    for slot in TableSlot.objects.filter(table__session_id=session):
        oversold += max(0, taken.get((slot.table_id, slot.rotation_id), 0) - slot.seats)
    double_seated = (
        Assignment.objects.filter(rotation__session_id=session)
        .values("registration_id", "rotation_id")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count()
    )
    return {
        "registrations": registrations.count(),
        "registrations_approved": registrations.filter(status=Registration.Status.APPROVED).count(),
        "rankers": Preference.objects.filter(registration__in=registrations)
        .values("registration")
        .distinct()
        .count(),
        "seats_oversold": oversold,
        "people_seated_twice_in_a_rotation": double_seated,
        "email_markers_sent": SentEmail.objects.filter(
            key__startswith=f"allocation:{session}:", status="sent"
        ).count(),
        "seated": Registration.objects.filter(assignments__rotation__session_id=session).distinct().count(),
        "seats_taken_by_switching": Assignment.objects.filter(
            table_id=table, rotation_id=rotation, source=Assignment.Source.SWITCH
        ).count(),
    }


def main(step: str, *args) -> None:
    result = {"prepare": prepare, "approve": approve, "target": target, "check": check}[step](*args)
    sys.stdout.write(json.dumps(result) + "\n")
