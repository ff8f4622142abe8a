"""Organiser pages of sub-regional breakout groups: groups per group-work item, placing, rosters."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView, View

from events.errors import DomainError
from events.models import AgendaItem
from events.views.mixins import handle_domain_error

from .. import selectors
from ..forms import BreakoutGroupForm
from ..models import BreakoutGroup
from ..services.tables import place_in_groups
from .common import OrganiserMixin


class GroupListView(OrganiserMixin, TemplateView):
    template_name = "sessions_app/manage/groups.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["items"] = selectors.group_work_items(event=self.event)
        return context


class GroupItemMixin:
    """Loads the agenda item of the URL through the event, so ids of another event are 404."""

    def get_item(self):
        return get_object_or_404(AgendaItem, pk=self.kwargs["item_pk"], day__event=self.event)


class GroupFormView(OrganiserMixin, GroupItemMixin, FormView):
    template_name = "sessions_app/manage/group_form.html"
    form_class = BreakoutGroupForm

    def get_group(self):
        if "group_pk" not in self.kwargs:
            return None
        return get_object_or_404(BreakoutGroup, pk=self.kwargs["group_pk"], agenda_item=self.get_item())

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["agenda_item"] = self.get_item()
        group = self.get_group()
        if group is not None:
            kwargs["instance"] = group
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["item"] = self.get_item()
        context["group"] = self.get_group()
        return context

    def form_valid(self, form):
        try:
            form.save()
        except DomainError as error:
            handle_domain_error(self.request, error, form)
            return self.form_invalid(form)
        messages.success(self.request, _("Group saved."))
        return redirect("sessions_app:groups", slug=self.event.slug)


class GroupDeleteView(OrganiserMixin, GroupItemMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        group = get_object_or_404(BreakoutGroup, pk=kwargs["group_pk"], agenda_item=self.get_item())
        group.delete()
        messages.success(request, _("Group removed."))
        return redirect("sessions_app:groups", slug=self.event.slug)


class PlaceGroupsView(OrganiserMixin, GroupItemMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            placed = place_in_groups(agenda_item=self.get_item())
        except DomainError as error:
            handle_domain_error(request, error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s participant placed in groups.",
                    "%(count)s participants placed in groups.",
                    sum(placed.values()),
                )
                % {"count": sum(placed.values())},
            )
        return redirect("sessions_app:groups", slug=self.event.slug)


class GroupRosterView(OrganiserMixin, GroupItemMixin, TemplateView):
    template_name = "sessions_app/manage/group_roster.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        group = get_object_or_404(BreakoutGroup, pk=self.kwargs["group_pk"], agenda_item=self.get_item())
        context["group"] = group
        context["parts"] = selectors.group_parts(group=group)
        return context
