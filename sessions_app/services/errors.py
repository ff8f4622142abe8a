"""Domain errors the views turn into friendly messages."""


class SessionsError(Exception):
    """A rule of registration, ranking or seating was broken; str(error) is shown to the user."""


class SignupClosed(SessionsError):
    pass


class TableFull(SessionsError):
    pass


class SeatingError(SessionsError):
    pass


class RankingError(SessionsError):
    pass
