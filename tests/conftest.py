import os
import shutil

import pytest

from events.models import Role
from tests.events.factories import EventFactory, EventRoleFactory, UserFactory
from tests.sessions_app.factories import RegistrationFactory

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright, one per test module.

    Playwright's sync API runs an event loop in this thread, and Django refuses ORM calls beside a running
    loop unless DJANGO_ALLOW_ASYNC_UNSAFE is set: it is set here, only while the browser lives. Beside
    that loop the ORM also uses connections of its own, which are closed with the browser.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            instance = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            try:
                yield instance
            finally:
                instance.close()
                # While the loop runs, Django keeps this thread's connections apart from its usual ones
                # (asgiref treats the thread as async): close them now, or the next browser module would
                # reuse one that a clean-up in between may have ended.
                connections.close_all()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_page(browser):
    """Open a page in a fresh browser context: ``new_page(width=360, height=740, locale="en-GB")``."""
    contexts = []

    def make(width: int = 360, height: int = 740, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def _on_postgres() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


def pytest_collection_modifyitems(config, items):
    skip_browser = pytest.mark.skip(reason="needs /usr/bin/chromium (apt-get install chromium)")
    if os.environ.get("DIALOGUE_BROWSER_TESTS_REQUIRED"):
        return  # CI (.ci/run) installs Chromium: a missing browser fails the browser tests there
    for item in items:
        if "browser" in item.keywords and not shutil.which(CHROMIUM):
            item.add_marker(skip_browser)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads go to a temporary folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def postgres_only():
    if not _on_postgres():
        pytest.skip("needs PostgreSQL: set DATABASE_URL")


@pytest.fixture
def event(db):
    return EventFactory()


@pytest.fixture
def make_user(db):
    """Make a user holding `role` in `event` (participant: an approved registration, which grants the
    role as approving does)."""

    def make(event=None, role=None, **kwargs):
        user = UserFactory(**kwargs)
        if event is not None and role is not None:
            if role == Role.PARTICIPANT:
                RegistrationFactory(event=event, user=user)
            else:
                EventRoleFactory(event=event, user=user, role=role)
        return user

    return make


ROLES = [
    "anonymous",
    "participant",
    "member",
    "facilitator",
    "rapporteur",
    "checkin",
    "other_organiser",
    "organiser",
]


@pytest.fixture
def client_as(client, make_user, event):
    """Return a client logged in with the given role in `event` ("other_organiser" organises another)."""

    def login(role, target_event=None):
        target = target_event or event
        if role == "anonymous":
            return client
        if role == "other_organiser":
            user = make_user(EventFactory(), Role.ORGANISER)
        else:
            user = make_user(target, role)
        client.force_login(user)
        client.user = user
        return client

    return login


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language. A request leaves its language active in the thread
    (Django's LocaleMiddleware does not undo it), and factories write a translated field (`title=`) in the
    active language: a test that asked for a page in Portuguese must not make the next one's English titles
    Portuguese."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """allauth's rate limits (failed log-ins, sign-ups, resets) count in the cache: start each test at 0."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_event(db, settings):
    """The demo, loaded as `python manage.py load_demo` loads it (events/demo_data/)."""
    import io

    from django.core.management import call_command

    from events.models import Event

    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    return Event.objects.get(slug="san-jose-dialogue-2024")
