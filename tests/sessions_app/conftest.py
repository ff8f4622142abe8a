import pytest

from tests.sessions_app.factories import make_session


@pytest.fixture
def table_session(event):
    return make_session(event)
