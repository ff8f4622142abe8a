"""Facilitators' pages: the tables they facilitate and each table's roster (organisers see every table)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from events.permissions import has_perm

from .. import selectors
from ..models import Table
from .common import SignedInEventMixin


def _sees_every_table(user, event) -> bool:
    return has_perm(user, event, "allocation.manage")


class FacilitatingView(SignedInEventMixin, TemplateView):
    """The tables a facilitator facilitates (organisers see every table)."""

    template_name = "sessions_app/facilitating.html"
    permission_required = "tables.facilitate"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tables"] = selectors.facilitated_tables(
            event=self.event,
            user=self.request.user,
            every_table=_sees_every_table(self.request.user, self.event),
        )
        return context


class TableRosterView(SignedInEventMixin, TemplateView):
    """A table's roster per rotation: its facilitators and organisers only."""

    template_name = "sessions_app/roster.html"
    permission_required = "tables.facilitate"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        table = get_object_or_404(
            Table.objects.select_related("session"), pk=self.kwargs["table_id"], session__event=self.event
        )
        if (
            not _sees_every_table(self.request.user, self.event)
            and not table.facilitators.filter(pk=self.request.user.pk).exists()
        ):
            raise PermissionDenied
        context["table"] = table
        context["rosters"] = selectors.table_rosters(table=table)
        return context
