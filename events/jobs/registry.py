"""The kinds of background job: a name, the function that does the work and its hard time limit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class JobKind:
    """`function(**inputs)` does the work and returns the file's bytes (or None for work without a file).

    `time_limit` is in seconds, or a function returning it (read when the job starts, so that a setting
    changed in a test or by the environment applies). `timeout_message` is what the person who asked reads
    when the limit stopped the job, `error_message` when an error did. `makes_file` is False for work
    that changes the database instead (an allocation, e-mails).
    """

    name: str
    function: Callable[..., bytes | None]
    time_limit: float | Callable[[], float]
    timeout_message: Promise | str | None = None
    content_type: str = "application/octet-stream"
    error_message: Promise | str | None = None
    makes_file: bool = True

    def limit(self) -> float:
        return float(self.time_limit() if callable(self.time_limit) else self.time_limit)


_kinds: dict[str, JobKind] = {}


def register(
    name: str,
    *,
    time_limit: float | Callable[[], float],
    timeout_message: Promise | str | None = None,
    content_type: str = "application/octet-stream",
    error_message: Promise | str | None = None,
    makes_file: bool = True,
):
    """Decorator: make `function` the job kind `name` ("<app>.<what>", e.g. "events.programme_pdf").

    The function must be importable by its module and name (it runs in another process), take keyword
    arguments that JSON can hold, and neither check permissions (the view did) nor start processes.
    """

    def decorator(function):
        existing = _kinds.get(name)
        if existing is not None and (existing.function.__module__, existing.function.__qualname__) != (
            function.__module__,
            function.__qualname__,
        ):
            raise ValueError(f"Job kind {name!r} is registered twice")
        _kinds[name] = JobKind(
            name, function, time_limit, timeout_message, content_type, error_message, makes_file
        )
        return function

    return decorator


def get_kind(name: str) -> JobKind:
    try:
        return _kinds[name]
    except KeyError:
        raise ValueError(f"Unknown job kind {name!r}") from None


def kind_names() -> list[str]:
    return sorted(_kinds)
