"""Public pages: the list of events, an event's home, its agenda, a day, a person's page, document
downloads, the iCal and PDF exports, and the organisers' preview of what the public sees.

Who sees what is decided once, by `permissions.visible_audiences`: closed (members) days are 404 for
everyone but network members and organisers; participants' days send anonymous visitors to log in and
are 403 for signed-in users without a role that opens them.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from .. import agenda, exports
from ..downloads import bytes_response, stored_file_response
from ..models import Audience, Day, Event
from ..pdf import PdfRenderError
from ..permissions import EventPermissionMixin, has_perm, visible_audiences

# Files served inline from the library; anything else downloads, so an uploaded page never runs here.
INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain"}


class HomeView(ListView):
    template_name = "events/home.html"
    context_object_name = "events"

    def get_queryset(self):
        return Event.objects.filter(is_published=True).select_related("series")


class DashboardView(LoginRequiredMixin, TemplateView):
    """The events in which the signed-in user holds a role or has registered, with what they are there."""

    template_name = "events/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = agenda.my_events(user=self.request.user)
        context["can_create_event"] = self.request.user.is_staff or self.request.user.is_superuser
        return context


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


class EventHomeView(PublicEventMixin, TemplateView):
    template_name = "events/event_home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        audiences = self.get_audiences()
        context["days"] = self.event.days.filter(audience__in=audiences)
        context["hidden_days"] = agenda.hidden_participant_days(event=self.event, audiences=audiences)
        context["partner_groups"] = agenda.partners_by_kind(event=self.event)
        context["editions"] = (
            list(self.event.series.editions.select_related("event")) if self.event.series_id else []
        )
        context["documents"] = agenda.visible_documents(
            event=self.event, include_restricted=Audience.PARTICIPANTS in audiences
        )
        return context


class AgendaView(PublicEventMixin, TemplateView):
    """All the days the reader may see, each with its focus, timeline and methodology."""

    template_name = "events/agenda.html"

    def agenda_audiences(self) -> frozenset[str]:
        return self.get_audiences()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        audiences = self.agenda_audiences()
        context["days"] = agenda.agenda_days(event=self.event, audiences=audiences)
        context["hidden_days"] = agenda.hidden_participant_days(event=self.event, audiences=audiences)
        return context


class PreviewView(AgendaView):
    """The agenda exactly as an anonymous visitor sees it (once published), for organisers."""

    permission_required = "event.change"
    template_name = "events/preview.html"

    def agenda_audiences(self) -> frozenset[str]:
        return frozenset({Audience.PUBLIC})


class DayDetailView(PublicEventMixin, TemplateView):
    template_name = "events/day_detail.html"

    def get(self, request, *args, **kwargs):
        self.day = self.get_day()
        if self.day.audience not in self.get_audiences():
            return self.refuse_audience(self.day.audience)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        audiences = self.get_audiences()
        (context["day"],) = agenda.agenda_days(
            event=self.event, audiences=audiences, day_qs=self.event.days.filter(pk=self.day.pk)
        )
        visible = list(self.event.days.filter(audience__in=audiences).values_list("date", flat=True))
        position = visible.index(self.day.date)
        context["previous_date"] = visible[position - 1] if position > 0 else None
        context["next_date"] = visible[position + 1] if position + 1 < len(visible) else None
        return context


class PersonDetailView(PublicEventMixin, TemplateView):
    """A speaker's page with their appearances on the days the reader may see.

    A person who appears only on days the reader may not see is 404: their page would reveal the day.
    """

    template_name = "events/person_detail.html"

    def get(self, request, *args, **kwargs):
        self.person = get_object_or_404(self.event.people, slug=kwargs["person_slug"])
        self.appearances = agenda.person_appearances(person=self.person, audiences=self.get_audiences())
        if not self.appearances and not has_perm(request.user, self.event, "event.change"):
            raise Http404
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["person"] = self.person
        context["appearances"] = self.appearances
        return context


class DocumentDownloadView(PublicEventMixin, View):
    """A file from the event's library, or a redirect to its link. Restricted documents need a role."""

    def get(self, request, *args, **kwargs):
        document = get_object_or_404(self.event.documents, pk=kwargs["pk"])
        if not document.is_public and Audience.PARTICIPANTS not in self.get_audiences():
            return self.refuse_audience(Audience.PARTICIPANTS)
        return stored_file_response(file=document.file, url=document.url, inline_types=INLINE_TYPES)


class AgendaICalView(PublicEventMixin, View):
    def get(self, request, *args, **kwargs):
        days = agenda.agenda_days(event=self.event, audiences=self.get_audiences())
        return bytes_response(
            exports.agenda_ical(event=self.event, days=days),
            content_type=exports.ICAL_CONTENT_TYPE,
            filename=f"{self.event.slug}.ics",
        )


class DayICalView(PublicEventMixin, View):
    def get(self, request, *args, **kwargs):
        day = self.get_day()
        audiences = self.get_audiences()
        if day.audience not in audiences:
            return self.refuse_audience(day.audience)
        days = agenda.agenda_days(
            event=self.event, audiences=audiences, day_qs=self.event.days.filter(pk=day.pk)
        )
        return bytes_response(
            exports.agenda_ical(event=self.event, days=days),
            content_type=exports.ICAL_CONTENT_TYPE,
            filename=f"{self.event.slug}-{day.date.isoformat()}.ics",
        )


class ProgrammePDFView(PublicEventMixin, View):
    """The printed programme of the days the reader may see, in the active language."""

    def get(self, request, *args, **kwargs):
        days = agenda.agenda_days(event=self.event, audiences=self.get_audiences())
        try:
            pdf = exports.programme_pdf(event=self.event, days=days)
        except PdfRenderError:
            messages.error(request, _("The programme could not be made in time. Please try again later."))
            return HttpResponseRedirect(reverse("events:agenda", args=[self.event.slug]))
        return bytes_response(
            pdf,
            content_type=exports.PDF_CONTENT_TYPE,
            filename=f"{self.event.slug}-programme-{get_language()}.pdf",
            inline=True,
        )
