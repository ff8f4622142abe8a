"""The demo served once per test module to a real browser, signed in as each role.

The browser tests here visit many pages as many people. Loading the demo for every test would take most of
the run, so `demo_site` loads it once per module into the test database (outside any test transaction),
serves it from its own live server and empties the database again when the module is done. The tests of
these modules are marked `django_db` (not transactional): each runs inside a transaction that is rolled
back, on top of what the module loaded and committed.
"""

import io
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
DEMO_SLUG = "san-jose-dialogue-2024"
ROLES = ["anonymous", "participant", "member", "facilitator", "rapporteur", "checkin", "organiser", "staff"]


def pytest_collection_modifyitems(config, items):
    """Without axe-core (`npm ci --prefix tests/browser`) the axe tests are skipped, except in CI, where
    .ci/run installs it and sets DIALOGUE_BROWSER_TESTS_REQUIRED, so that they fail instead."""
    if AXE.exists() or os.environ.get("DIALOGUE_BROWSER_TESTS_REQUIRED"):
        return
    skip = pytest.mark.skip(reason="needs axe-core: npm ci --prefix tests/browser")
    for item in items:
        if "axe" in item.keywords:
            item.add_marker(skip)


@dataclass
class DemoSite:
    url: str
    slug: str
    sessions: dict[str, str] = field(default_factory=dict)  # role -> session key
    objects: dict[str, object] = field(default_factory=dict)


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    from django.contrib.auth import get_user_model
    from django.test.utils import modify_settings
    from pytest_django.live_server_helper import LiveServer

    from events.models import Event

    with django_db_blocker.unblock():
        call_command("load_demo", "--force", stdout=io.StringIO())
        event = Event.objects.get(slug=DEMO_SLUG)
        # load_demo makes one account per role, staff@example.org (portal staff) included.
        users = {
            role: get_user_model().objects.get(email=f"{role}@example.org")
            for role in ROLES
            if role != "anonymous"
        }
        sessions = {}
        for role, user in users.items():
            client = Client()
            client.force_login(user)
            sessions[role] = client.cookies["sessionid"].value
        objects = _demo_objects(event, users)

    server = LiveServer("localhost")
    allowed = modify_settings(ALLOWED_HOSTS={"append": "localhost"})
    allowed.enable()
    try:
        yield DemoSite(url=server.url, slug=DEMO_SLUG, sessions=sessions, objects=objects)
    finally:
        allowed.disable()
        server.stop()
        with django_db_blocker.unblock():
            _close_server_connections()
            call_command("flush", interactive=False, verbosity=0)


def _close_server_connections() -> None:
    """End the database sessions the live server's request threads may still hold (a thread serving a
    kept-alive browser connection closes its own only when the socket closes), so that the test database
    can be flushed now and dropped at the end of the run."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


def _demo_objects(event, users) -> dict[str, object]:
    """The primary keys and slugs that the pages of the demo need."""
    from observatory.models import Entry
    from reports.models import ConsolidationRecord, ReportTheme
    from sessions_app.models import TableSession

    table_session = TableSession.objects.filter(event=event).order_by("pk").first()
    # The demo's records are all accepted and its facilitator account writes none: give it the first
    # table's record, back in draft, so that the findings editor opens.
    record = ConsolidationRecord.objects.filter(event=event, table__isnull=False).order_by("pk").first()
    record.table.facilitators.add(users["facilitator"])
    ConsolidationRecord.objects.filter(pk=record.pk).update(status="draft")
    return {
        "day": event.days.order_by("date").first().date.isoformat(),
        "day_pk": event.days.order_by("date").first().pk,
        "person": _public_person(event).slug,
        "table_session": table_session.pk,
        "record": record.pk,
        "theme": ReportTheme.objects.filter(event=event).order_by("pk").first().pk,
        "entry": Entry.objects.order_by("pk").first().pk,
        "country": "CR",
    }


def _public_person(event):
    """The first person with an appearance that anonymous visitors see (others' pages are 404 to them)."""
    from django.contrib.auth.models import AnonymousUser

    from events import selectors
    from events.rules import visible_audiences

    audiences = visible_audiences(AnonymousUser(), event)
    return next(
        person
        for person in event.people.order_by("pk")
        if selectors.person_appearances(person=person, audiences=audiences)
    )


def sign_in(context, site: DemoSite, role: str) -> None:
    if role != "anonymous":
        context.add_cookies([{"name": "sessionid", "value": site.sessions[role], "url": site.url}])
