"""Pages for participants: personal agenda with iCal, ranking, switching, directory, materials."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from events import selectors as event_selectors
from events.downloads import bytes_response, stored_file_response
from events.errors import DomainError
from events.exports import ICAL_CONTENT_TYPE
from events.models import Event
from events.rules import visible_audiences
from events.views.mixins import EventPermissionMixin, handle_domain_error

from .. import selectors
from ..forms import RankingForm, SeatForm
from ..models import Material
from ..services.preferences import ranking_open, save_ranking
from ..services.publication import feed_token, ical_for, registration_for_feed
from ..services.seats import switch_table
from .common import ParticipantMixin, TableSessionMixin


class MyTablesView(ParticipantMixin, TemplateView):
    """The participant's personal agenda: their tables, rankings to give, their breakout group."""

    template_name = "sessions_app/my_tables.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registration = self.registration
        sessions = list(selectors.table_sessions(event=self.event))
        ranked = selectors.ranked_session_ids(registration=registration)
        context["registration"] = registration
        context["seats"] = selectors.seats_for(registration=registration)
        seated = {seat.session.pk for seat in context["seats"]}
        context["feed_url"] = self.request.build_absolute_uri(
            reverse(
                "sessions_app:my_tables_feed",
                kwargs={"slug": self.event.slug, "token": feed_token(registration=registration)},
            )
        )
        context["sessions"] = [
            {
                "session": s,
                "ranking_open": ranking_open(session=s),
                "ranked": s.pk in ranked,
                "seated": s.pk in seated,
            }
            for s in sessions
        ]
        context["any_published"] = any(s.published_at for s in sessions)
        context["placements"] = selectors.group_placements(registration=registration)
        context["programme"] = event_selectors.personal_programme(
            event=self.event,
            audiences=visible_audiences(self.request.user, self.event),
            dates=registration.days.values_list("date", flat=True),
        )
        return context


class MyTablesICalView(ParticipantMixin, View):
    def get(self, request, *args, **kwargs):
        data = ical_for(registration=self.registration, base_url=request.build_absolute_uri("/"))
        return bytes_response(
            data, content_type=ICAL_CONTENT_TYPE, filename=f"{self.event.slug}-my-tables.ics"
        )


class MyTablesFeedView(View):
    """The same iCal feed at a signed address, for calendar apps that cannot log in."""

    def get(self, request, *args, **kwargs):
        event = get_object_or_404(Event, slug=kwargs["slug"])
        registration = registration_for_feed(event=event, token=kwargs["token"])
        if registration is None:
            raise Http404
        data = ical_for(registration=registration, base_url=request.build_absolute_uri("/"))
        return bytes_response(data, content_type=ICAL_CONTENT_TYPE, filename=f"{event.slug}-my-tables.ics")


class RankingView(ParticipantMixin, TableSessionMixin, FormView):
    """Rank the tables of a session: one select per table; read-only once the ranking closes."""

    template_name = "sessions_app/ranking.html"
    form_class = RankingForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["tables"] = self.session.tables.all()
        kwargs["ranking"] = self.ranking
        kwargs["disabled"] = not ranking_open(session=self.session)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["session"] = self.session
        context["ranking_open"] = ranking_open(session=self.session)
        context["rotations"] = self.session.rotations.count()
        context["has_ranking"] = bool(self.ranking)
        return context

    @cached_property
    def ranking(self):
        return selectors.ranking_of(registration=self.registration, session=self.session)

    def form_valid(self, form):
        try:
            save_ranking(registration=self.registration, session=self.session, ranks=form.ranks())
        except DomainError as error:
            handle_domain_error(self.request, error, form)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Your ranking was saved. You may change it until the ranking closes.")
        )
        return redirect("sessions_app:ranking", slug=self.event.slug, table_session_pk=self.session.pk)


class SwitchView(ParticipantMixin, TableSessionMixin, FormView):
    """After publication: move to another table that has a free seat."""

    template_name = "sessions_app/switch.html"
    form_class = SeatForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["session"] = self.session
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["session"] = self.session
        context["mine"] = selectors.tables_by_rotation(registration=self.registration, session=self.session)
        context["my_tables"] = set(context["mine"].values())
        context["free"] = selectors.free_seat_grid(session=self.session)
        return context

    def form_valid(self, form):
        try:
            switch_table(
                registration=self.registration,
                rotation=form.cleaned_data["rotation"],
                table=form.cleaned_data["table"],
            )
        except DomainError as error:
            handle_domain_error(self.request, error, form)
            return self.form_invalid(form)
        messages.success(self.request, _("You switched table."))
        return redirect(reverse("sessions_app:my_tables", kwargs={"slug": self.event.slug}))


class DirectoryView(EventPermissionMixin, TemplateView):
    """Participants who agreed to be listed; nobody else."""

    template_name = "sessions_app/directory.html"
    permission_required = "directory.view"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["people"] = selectors.directory(event=self.event)
        return context


class MaterialDownloadView(EventPermissionMixin, View):
    """A table's material: served by the portal (not from /media/) so only people taking part get it."""

    permission_required = "directory.view"

    def get(self, request, *args, **kwargs):
        material = get_object_or_404(Material, pk=kwargs["material_pk"], session__event=self.event)
        return stored_file_response(file=material.file, url=material.url)
