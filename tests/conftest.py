import os
import shutil

import pytest

from events.models import Role

from .factories import EventFactory, EventRoleFactory, RegistrationFactory, UserFactory


def _on_postgres() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


def pytest_collection_modifyitems(config, items):
    skip_browser = pytest.mark.skip(reason="needs /usr/bin/chromium (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords and not shutil.which(os.environ.get("CHROMIUM", "/usr/bin/chromium")):
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


ROLES = ["anonymous", "participant", "member", "facilitator", "rapporteur", "other_organiser", "organiser"]


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
def _empty_cache():
    """allauth's rate limits (failed log-ins, sign-ups, resets) count in the cache: start each test at 0."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
