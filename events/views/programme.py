"""The programme as people use it at the event: a day's grid of rooms by time, "now and next", search in
the agenda and the speakers. Each page shows what `selectors.agenda_days` gives its reader, no more."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from .. import programme, selectors, stars
from ..models import Day
from ..page_cache import CachedPublicPageMixin
from ..rooms import rooms_by_name
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
        context["starred_ids"] = self.get_starred_ids()
        known = rooms_by_name(event=self.event)
        context["room_details"] = [
            known[name.casefold()] for name in context["grid"].rooms if name.casefold() in known
        ]
        return context


class NowAndNextView(PublicEventMixin, TemplateView):
    """What runs now and what comes next, in the event's time zone (never cached: it changes by the
    minute)."""

    template_name = "events/now_next.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = selectors.agenda_days(event=self.event, audiences=self.get_audiences())
        context["current"] = programme.now_and_next(event=self.event, days=days, now=programme.clock())
        context["starred_ids"] = self.get_starred_ids()
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
            context["starred_ids"] = self.get_starred_ids()
        return context


class SpeakerListView(CachedPublicPageMixin, PublicEventMixin, TemplateView):
    """The people on the items the reader may see, with their photos and biographies."""

    template_name = "events/speaker_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = selectors.agenda_days(event=self.event, audiences=self.get_audiences())
        context["speakers"] = programme.speakers(days=days)
        return context


class ItemStarView(PublicEventMixin, View):
    """POST star=1 to star an item for one's own agenda, star=0 to take the star off; back to `next`.
    Only participants (who have a personal agenda), only items they may see (404 otherwise)."""

    http_method_names = ["post"]
    permission_required = "event.keep_agenda"

    def post(self, request, *args, **kwargs):
        item = stars.visible_item(event=self.event, audiences=self.get_audiences(), pk=kwargs["item_pk"])
        if item is None:
            raise Http404
        if request.POST.get("star") == "1":
            stars.star_item(user=request.user, item=item)
            messages.success(request, _("Added “%(title)s” to your agenda.") % {"title": item.title})
        else:
            stars.unstar_item(user=request.user, item=item)
            messages.success(request, _("Took “%(title)s” off your agenda.") % {"title": item.title})
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = reverse("events:day_detail", args=[self.event.slug, item.day.date.isoformat()])
        return redirect(f"{target.split('#')[0]}#item-{item.pk}")
