"""The programme as people use it at the event: a day's grid of rooms by time, "now and next", search in
the agenda and the speakers. Each page shows what `selectors.agenda_days` gives its reader, no more."""

from __future__ import annotations

from django.views.generic import TemplateView

from .. import programme, selectors
from ..models import Day
from ..page_cache import CachedPublicPageMixin
from .event import PublicEventMixin


class DayGridView(CachedPublicPageMixin, PublicEventMixin, TemplateView):
    """One day as a grid of rooms by time (a list per time slot on small screens)."""

    template_name = "events/day_grid.html"

    def get(self, request, *args, **kwargs):
        self.day = self.get_readable_day()
        if not isinstance(self.day, Day):
            return self.day
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["day"] = self.day
        context["grid"] = programme.day_grid(day=self.day)
        return context


class NowAndNextView(PublicEventMixin, TemplateView):
    """What runs now and what comes next, in the event's time zone (never cached: it changes by the
    minute)."""

    template_name = "events/now_next.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = selectors.agenda_days(event=self.event, audiences=self.get_audiences())
        context["current"] = programme.now_and_next(event=self.event, days=days, now=programme.clock())
        return context


class AgendaSearchView(PublicEventMixin, TemplateView):
    """Search the items the reader may see by title, description and people's names."""

    template_name = "events/agenda_search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:200]
        context["query"] = query
        if programme.search_terms(query):
            days = selectors.agenda_days(event=self.event, audiences=self.get_audiences())
            context["hits"] = programme.search_agenda(days=days, query=query)
            context["searched"] = True
        return context


class SpeakerListView(CachedPublicPageMixin, PublicEventMixin, TemplateView):
    """The people on the items the reader may see, with their photos and biographies."""

    template_name = "events/speaker_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = selectors.agenda_days(event=self.event, audiences=self.get_audiences())
        context["speakers"] = programme.speakers(days=days)
        return context
