"""Domain errors: what a service refuses, with a message for the person who asked."""


class DomainError(Exception):
    """A rule of the domain refused the request. `message` is translated (lazily) for the user."""

    default_message = ""

    def __init__(self, message=None, **params):
        self.message = message if message is not None else self.default_message
        self.params = params
        super().__init__(str(self.message))

    def __str__(self) -> str:
        text = str(self.message)
        return text % self.params if self.params else text


class OutOfTime(Exception):
    """Work stopped at its time limit (a PDF render, a background job). `events.jobs` reports it to the
    person who asked as "took too long"."""
