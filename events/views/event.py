"""An event's home page and its back-office overview and settings."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from .. import forms, selectors
from ..models import (
    AgendaItem,
    Audience,
    Day,
    Event,
)
from ..page_cache import CachedPublicPageMixin
from ..rules import visible_audiences
from .mixins import EventPermissionMixin, ManageFormView, ManageMixin


class PublicEventMixin(EventPermissionMixin):
    """An event page: knows the audiences the reader may see and refuses days they may not."""

    def get_audiences(self) -> frozenset[str]:
        if not hasattr(self, "_audiences"):
            self._audiences = visible_audiences(self.request.user, self.event)
        return self._audiences

    def refuse_audience(self, audience: str):
        """Closed days do not exist for outsiders (404); participants' days ask anonymous visitors to
        log in and are 403 for signed-in users without a role that opens them."""
        if audience == Audience.MEMBERS:
            raise Http404
        return self.handle_no_permission()

    def get_day(self) -> Day:
        try:
            date = datetime.date.fromisoformat(self.kwargs["date"])
        except ValueError as exc:
            raise Http404 from exc
        return get_object_or_404(self.event.days, date=date)

    def get_readable_day(self):
        """The day named in the URL with what the reader may see of it (`selectors.agenda_days`), or the
        refusal: 404 for a closed day they see nothing of, log in or 403 for a participants' day."""
        day = self.get_day()
        days = selectors.agenda_days(
            event=self.event, audiences=self.get_audiences(), day_qs=self.event.days.filter(pk=day.pk)
        )
        if not days:
            return self.refuse_audience(day.audience)
        return days[0]


class EventHomeView(CachedPublicPageMixin, PublicEventMixin, TemplateView):
    template_name = "events/event_home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        audiences = self.get_audiences()
        context["days"] = selectors.readable_days(event=self.event, audiences=audiences)
        context["audiences"] = audiences
        context["hidden_days"] = selectors.hidden_participant_days(event=self.event, audiences=audiences)
        context["partner_groups"] = selectors.partners_by_kind(event=self.event)
        context["editions"] = (
            list(self.event.series.editions.select_related("event")) if self.event.series_id else []
        )
        context["documents"] = selectors.visible_documents(
            event=self.event, include_restricted=Audience.PARTICIPANTS in audiences
        )
        return context


class EventDashboardView(ManageMixin, TemplateView):
    """The back office's front page: the event's figures for organisers; for facilitators and
    rapporteurs, the pages their role opens."""

    template_name = "events/manage/dashboard.html"
    permission_required = "event.manage"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not context["can_change_event"]:
            return context
        event = self.event
        context["counts"] = {
            "days": event.days.count(),
            "items": AgendaItem.objects.filter(day__event=event).count(),
            "people": event.people.count(),
            "partners": event.partners.count(),
            "documents": event.documents.count(),
            "roles": event.roles.count(),
        }
        context["event_languages"] = [
            label for code, label in forms.LANGUAGE_CHOICES if code in event.languages
        ]
        return context


class EventEditView(ManageFormView):
    form_class = forms.EventForm
    heading = gettext_lazy("Edit the event")
    success_message = gettext_lazy("Saved the event.")

    def get_form_kwargs(self):
        kwargs = FormView.get_form_kwargs(self)
        # A copy: an invalid form must not change the event the page header shows (title, slug in links).
        kwargs["instance"] = Event.objects.get(pk=self.event.pk)
        return kwargs

    def get_success_url(self) -> str:
        return reverse("events:manage_event", kwargs={"slug": self.event.slug})

    def form_valid(self, form):
        self.event = form.save()  # the slug may have changed; saving the event moves its content version
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.get_success_url())
