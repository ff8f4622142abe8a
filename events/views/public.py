"""Public pages: the list of events, an event's home, its agenda, a person's page."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import ListView, TemplateView

from ..models import Event
from ..permissions import EventPermissionMixin, visible_days


class HomeView(ListView):
    template_name = "events/home.html"
    context_object_name = "events"

    def get_queryset(self):
        return Event.objects.filter(is_published=True).select_related("series")


class DashboardView(LoginRequiredMixin, TemplateView):
    """The events in which the signed-in user holds a role or has registered."""

    template_name = "events/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["events"] = (
            Event.objects.filter(roles__user=user) | Event.objects.filter(registrations__user=user)
        ).distinct()
        return context


class EventHomeView(EventPermissionMixin, TemplateView):
    template_name = "events/event_home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["days"] = visible_days(self.request.user, self.event)
        return context
