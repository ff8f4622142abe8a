"""The back office's audit log: the event's sensitive actions, newest first, for its organisers."""

from django.views.generic import ListView

from ..selectors import audit_entries
from .mixins import ManageMixin


class AuditLogView(ManageMixin, ListView):
    """Roles granted and removed, registrations decided, allocations published, reports exported and
    accounts erased in this event. Organisers only (`event.change`); a page of 50, in a constant number of
    queries."""

    template_name = "events/manage/audit_log.html"
    context_object_name = "entries"
    paginate_by = 50

    def get_queryset(self):
        return audit_entries(event=self.event)
