"""Facilitators' pages: the tables they facilitate and each table's roster (organisers see every table)."""

from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from events.views.mixins import ManageMixin

from .. import selectors
from ..models import Table


class FacilitatingView(ManageMixin, TemplateView):
    """The tables a facilitator facilitates (organisers see every table)."""

    template_name = "sessions_app/facilitating.html"
    permission_required = "tables.facilitate"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tables"] = selectors.facilitated_tables(
            event=self.event, user=self.request.user, every_table=self.has("allocation.manage")
        )
        return context


class TableRosterView(ManageMixin, TemplateView):
    """A table's roster per rotation: its facilitators and organisers only."""

    template_name = "sessions_app/roster.html"
    permission_required = "tables.view_roster"

    @cached_property
    def table(self) -> Table:
        return get_object_or_404(
            Table.objects.select_related("session"), pk=self.kwargs["table_pk"], session__event=self.event
        )

    def get_permission_object(self):
        return self.table

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["table"] = self.table
        context["rosters"] = selectors.table_rosters(table=self.table)
        return context
