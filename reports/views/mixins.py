"""What the reports app's views share: the record a page is about (and who may see it), links within the
app, and showing a refusal of the domain to the person who asked."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property

from events.views.mixins import EventPermissionMixin, handle_domain_error

from ..errors import ReportsDomainError
from ..selectors import findings as selectors


def show_domain_error(request, error: ReportsDomainError, form=None) -> None:
    """Each message of a refusal on the form (or as a message): a service may refuse several things at
    once, e.g. two sections over their limit."""
    for message in error.messages:
        handle_domain_error(request, ReportsDomainError(message), form=form)


class ReportsMixin(EventPermissionMixin):
    """A page of the reports app: `permission_required` names a rule of `reports.rules`."""

    def url(self, name: str, **kwargs) -> str:
        return reverse(f"reports:{name}", kwargs={"slug": self.event.slug, **kwargs})


class RecordMixin(ReportsMixin):
    """A page about one consolidation record (`record_pk`), fetched through the event: a record of
    another event is 404. Whoever holds a role in the event but may not see the record gets 404 too,
    so that a record's existence does not leak; what the page does with the record (edit, restore) is a
    second rule, `self.require(...)`, refused with 403."""

    permission_required = "findings.view_record"

    @cached_property
    def record(self):
        return get_object_or_404(selectors.event_records(self.event), pk=self.kwargs["record_pk"])

    def get_permission_object(self):
        return self.record

    def refuse(self):
        if self.request.user.is_authenticated and self.has("findings.view"):
            raise Http404
        return super().refuse()
