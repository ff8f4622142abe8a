"""Pages of the whole site that belong to events: the list of events and creating an event ("My events",
which spans the apps, is in dialogue_portal/views.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from .. import forms, services
from ..models import Event
from ..rules import can_create_event


class HomeView(ListView):
    template_name = "events/home.html"
    context_object_name = "events"

    def get_queryset(self):
        return Event.objects.filter(is_published=True).select_related("series")


class EventCreateView(LoginRequiredMixin, FormView):
    """Staff members and superusers create events and become their organiser; others get 403."""

    template_name = "events/manage/event_create.html"
    form_class = forms.EventForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_create_event(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"languages": ["en"], "default_language": "en", "timezone": "UTC"}

    def form_valid(self, form):
        event = services.create_event(event=form.save(commit=False), creator=self.request.user)
        messages.success(self.request, _("The event was created. You are its organiser."))
        return redirect("events:manage_event", slug=event.slug)
