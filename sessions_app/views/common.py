"""What every view of the tables area shares: the event loaded and checked by the one mixin."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from events.permissions import EventPermissionMixin, has_perm

from .. import selectors
from ..models import Registration, Table, TableSession

# the formats of the registration and roster exports
EXPORT_FORMATS = {"csv", "xlsx"}


class SignedInEventMixin(EventPermissionMixin):
    """EventPermissionMixin that also sends anonymous visitors to log in for open permissions.

    Dates and times are read and shown in the event's time zone: an organiser in Geneva who sets the
    ranking deadline of an event in San José types San José time.
    """

    def get_event(self):
        event = super().get_event()
        timezone.activate(event.tz)
        return event

    def dispatch(self, request, *args, **kwargs):
        try:
            if not request.user.is_authenticated:
                self.event = self.get_event()
                if not has_perm(request.user, self.event, "event.view"):
                    raise Http404
                return self.handle_no_permission()
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()  # render while the event's time zone is active
            return response
        finally:
            timezone.deactivate()


class OrganiserMixin(SignedInEventMixin):
    """The organisers' pages of table sessions, allocation and breakout groups."""

    permission_required = "allocation.manage"


class ParticipantMixin(SignedInEventMixin):
    """Approved participants only; `self.registration` is theirs."""

    permission_required = "tables.take_part"

    @property
    def registration(self) -> Registration:
        if not hasattr(self, "_registration"):
            self._registration = selectors.approved_registration(event=self.event, user=self.request.user)
            if self._registration is None:
                raise PermissionDenied
        return self._registration


class TableSessionMixin:
    """Loads `self.session` (the table session) through the event, so ids of another event are 404."""

    session_url_kwarg = "session_id"

    @property
    def session(self) -> TableSession:
        if not hasattr(self, "_session"):
            self._session = get_object_or_404(
                selectors.table_sessions(event=self.event), pk=self.kwargs[self.session_url_kwarg]
            )
        return self._session

    def get_table(self, pk) -> Table:
        return get_object_or_404(Table, pk=pk, session=self.session)
