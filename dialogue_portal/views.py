"""Site-wide pages that span the apps: the project sits above every app and may read them all."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from events.rules import can_create_event
from events.selectors import my_events
from sessions_app.selectors import registrations_by_event


class DashboardView(LoginRequiredMixin, TemplateView):
    """ "My events": the events in which the signed-in user holds a role or has registered, with their
    roles and their registration's status, in three queries whatever the count."""

    template_name = "dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        registrations = registrations_by_event(user=user)
        entries = my_events(user=user, also=registrations)
        for entry in entries:
            entry["registration"] = registrations.get(entry["event"].pk)
        context["entries"] = entries
        context["can_create_event"] = can_create_event(user)
        return context
