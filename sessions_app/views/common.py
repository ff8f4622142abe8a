"""What every view of the tables area shares: the event and one permission check (`events.views.mixins`),
the participant's registration, the table session of the URL."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property

from events.rules import has_perm
from events.views.mixins import EventPermissionMixin, ManageMixin

from .. import selectors
from ..models import Registration, Table, TableSession

# the formats of the registration and roster exports
EXPORT_FORMATS = {"csv", "xlsx"}


class SignedInMixin:
    """Anonymous visitors of an event they may see are sent to log in, even where the permission is open
    to anyone (signing up needs an account)."""

    def dispatch(self, request, *args, **kwargs):
        event = getattr(request, "event", None)
        if (
            not request.user.is_authenticated
            and event is not None
            and has_perm(request.user, event, "event.view")
        ):
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)


class OrganiserMixin(ManageMixin):
    """The organisers' pages of table sessions, allocation and breakout groups."""

    permission_required = "allocation.manage"


class ParticipantMixin(EventPermissionMixin):
    """Approved participants only; `self.registration` is theirs."""

    permission_required = "tables.take_part"

    @cached_property
    def registration(self) -> Registration:
        registration = selectors.approved_registration(event=self.event, user=self.request.user)
        if registration is None:
            raise PermissionDenied
        return registration


class TableSessionMixin:
    """Loads `self.session` (the table session) through the event, so ids of another event are 404."""

    session_url_kwarg = "table_session_pk"

    @cached_property
    def session(self) -> TableSession:
        return get_object_or_404(
            selectors.table_sessions(event=self.event), pk=self.kwargs[self.session_url_kwarg]
        )

    def get_table(self, pk) -> Table:
        return get_object_or_404(Table, pk=pk, session=self.session)
