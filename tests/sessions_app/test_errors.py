"""The tables area's refusals are DomainErrors: one base class, the message for the person who asked."""

import pytest

from events.errors import DomainError
from sessions_app.errors import RankingError, SeatingError, SessionsError, SignupClosed, TableFull
from sessions_app.models import Registration
from sessions_app.services.registration import approve_registration
from tests.sessions_app.factories import RegistrationFactory


def test_every_sessions_error_is_a_domain_error():
    assert all(
        issubclass(error, DomainError) for error in (SignupClosed, TableFull, SeatingError, RankingError)
    )
    assert issubclass(SessionsError, DomainError)


@pytest.mark.django_db
def test_a_refusal_carries_its_message(event):
    registration = RegistrationFactory(event=event, status=Registration.Status.CANCELLED)
    with pytest.raises(DomainError) as excinfo:
        approve_registration(registration=registration)
    assert type(excinfo.value) is SessionsError
    assert (
        str(excinfo.value) == excinfo.value.message == "This registration was cancelled by the participant."
    )
