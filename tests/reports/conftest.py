import pytest

from events.models import Role
from tests.reports.factories import RecordFactory
from tests.sessions_app.factories import RotationFactory, TableFactory, TableSessionFactory

ROLES = [
    "anonymous",
    "participant",
    "member",
    "facilitator",
    "other_facilitator",
    "rapporteur",
    "other_organiser",
    "organiser",
]


@pytest.fixture
def tables(event, make_user):
    """A session with two tables and two rotations; `own` is facilitated by `facilitator`."""
    session = TableSessionFactory(event=event)
    r1 = RotationFactory(session=session, number=1)
    r2 = RotationFactory(session=session, number=2)
    own = TableFactory(session=session, number=1, title="Organised crime")
    other = TableFactory(session=session, number=2, title="Online platforms")
    facilitator = make_user(event, Role.FACILITATOR)
    other_facilitator = make_user(event, Role.FACILITATOR)
    own.facilitators.add(facilitator)
    other.facilitators.add(other_facilitator)
    return {
        "session": session,
        "rotations": [r1, r2],
        "own": own,
        "other": other,
        "facilitator": facilitator,
        "other_facilitator": other_facilitator,
    }


@pytest.fixture
def record(tables):
    return RecordFactory(table=tables["own"], rotation=tables["rotations"][0])


@pytest.fixture
def login(client, make_user, event, tables):
    """Log `client` in as one of ROLES (facilitator = of the own table, other_facilitator = of the other)."""
    from tests.events.factories import EventFactory

    def as_role(role):
        client.logout()
        if role == "anonymous":
            return client
        if role == "facilitator":
            user = tables["facilitator"]
        elif role == "other_facilitator":
            user = tables["other_facilitator"]
        elif role == "other_organiser":
            user = make_user(EventFactory(), Role.ORGANISER)
        else:
            user = make_user(event, role)
        client.force_login(user)
        client.user = user
        return client

    return as_role


@pytest.fixture(autouse=True)
def _english():
    """Messages made outside a request use the active language: start every test in English (a request in
    another test may have left another language active in this thread)."""
    from django.utils import translation

    with translation.override("en"):
        yield
