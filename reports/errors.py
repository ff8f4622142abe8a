"""What the reports app's services refuse: `events.errors.DomainError` subclasses with a translated message
for the person who asked. Views show them with `events.views.mixins.handle_domain_error` (through
`reports.views.mixins.show_domain_error`, which shows each message of a refusal that lists several)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from events.errors import DomainError


class ReportsDomainError(DomainError):
    """A rule of the findings, collation, evaluation or report domain refused the request.

    A service may refuse several things at once (sections over their limit, unanswered questions): it
    passes `messages`, which `messages` lists one by one and `str()` joins.
    """

    def __init__(self, message=None, *, messages=None, **params):
        self._messages = [str(m) for m in messages] if messages else None
        if self._messages:
            message = " ".join(self._messages)
        super().__init__(message, **params)

    @property
    def messages(self) -> list[str]:
        return list(self._messages) if self._messages else [str(self)]


class FindingsError(ReportsDomainError):
    """A consolidation record, a takeaway or a template section that cannot be changed this way."""


class VersionConflict(FindingsError):
    """Somebody saved the record since the form was loaded: the caller shows both versions."""

    default_message = _("Somebody else saved this record meanwhile. Press Save to compare and merge.")

    def __init__(self, record):
        super().__init__()
        self.record = record


class CollationError(ReportsDomainError):
    """Findings that cannot be collected or merged this way."""


class EvaluationError(ReportsDomainError):
    """An evaluation that is closed, answered already or answered incompletely."""


class ReportError(ReportsDomainError):
    """A request about the outcome report that cannot be carried out."""


class FeedbackError(ReportsDomainError):
    """Feedback on an agenda item that cannot be given (yet)."""
