"""The domain errors of registration, ranking and seating; views turn them into friendly messages."""

from events.errors import DomainError


class SessionsError(DomainError):
    """A rule of registration, ranking or seating was broken; str(error) is shown to the user."""


class SignupClosed(SessionsError):
    pass


class TableFull(SessionsError):
    pass


class SeatingError(SessionsError):
    pass


class RankingError(SessionsError):
    pass


class CheckInRefused(SessionsError):
    """A check-in at the venue was refused; `registration` is the person when the code was theirs."""

    def __init__(self, message, *, registration=None, check_in=None):
        super().__init__(message)
        self.registration = registration
        self.check_in = check_in
