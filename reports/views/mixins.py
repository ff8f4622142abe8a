"""What the reports app's views share: showing a refusal of the domain to the person who asked."""

from __future__ import annotations

from events.views.mixins import handle_domain_error

from ..errors import ReportsDomainError


def show_domain_error(request, error: ReportsDomainError, form=None) -> None:
    """Each message of a refusal on the form (or as a message): a service may refuse several things at
    once, e.g. two sections over their limit."""
    for message in error.messages:
        handle_domain_error(request, ReportsDomainError(message), form=form)
