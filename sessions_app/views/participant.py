"""Pages for participants: registration, ranking, personal agenda with iCal, switching, directory."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from events.downloads import bytes_response, stored_file_response
from events.exports import ICAL_CONTENT_TYPE
from events.permissions import forget_roles

from .. import services
from ..forms import RankingForm, RegistrationForm, SeatForm
from ..models import Assignment, GroupPlacement, Material, Registration, TableSession
from .common import ParticipantMixin, SessionMixin, SignedInEventMixin


class RegisterView(SignedInEventMixin, FormView):
    """Register for the event, or change one's registration later."""

    template_name = "sessions_app/register.html"
    form_class = RegistrationForm

    @property
    def registration(self):
        if not hasattr(self, "_registration"):
            self._registration = Registration.objects.filter(event=self.event, user=self.request.user).first()
        return self._registration

    @property
    def is_edit(self) -> bool:
        return self.registration is not None and self.registration.status != Registration.Status.CANCELLED

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["event"] = self.event
        if self.is_edit:
            kwargs["instance"] = self.registration
        else:
            kwargs["initial"] = {
                "full_name": self.request.user.get_full_name(),
                "preferred_language": self.request.LANGUAGE_CODE[:2],
            }
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registration"] = self.registration if self.is_edit else None
        context["signup_state"] = services.signup_state(event=self.event)
        return context

    def form_valid(self, form):
        data = {name: form.cleaned_data[name] for name in form.cleaned_data if name != "days"}
        try:
            if self.is_edit:
                services.update_registration(
                    registration=self.registration, data=data, days=form.cleaned_data["days"]
                )
                messages.success(self.request, _("Your registration was updated."))
            else:
                registration = services.register_participant(
                    event=self.event, user=self.request.user, data=data, days=form.cleaned_data["days"]
                )
                if registration.status == Registration.Status.WAITLISTED:
                    messages.warning(self.request, _("The event is full: you are on the waiting list."))
                else:
                    messages.success(
                        self.request, _("Thank you: your registration awaits the organisers' approval.")
                    )
        except services.SessionsError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        return redirect("sessions_app:register", slug=self.event.slug)


class CancelRegistrationView(SignedInEventMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        registration = Registration.objects.filter(event=self.event, user=request.user).first()
        if registration is not None:
            services.cancel_registration(registration=registration)
            forget_roles(request.user)
            messages.success(request, _("Your registration was cancelled."))
        return redirect("sessions_app:register", slug=self.event.slug)


class MyTablesView(ParticipantMixin, TemplateView):
    """The participant's personal agenda: their tables, rankings to give, their breakout group."""

    template_name = "sessions_app/my_tables.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registration = self.registration
        sessions = list(TableSession.objects.filter(event=self.event).select_related("agenda_item__day"))
        context["registration"] = registration
        context["seats"] = services.seats_for(registration=registration)
        context["feed_url"] = self.request.build_absolute_uri(
            reverse(
                "sessions_app:my_tables_feed",
                kwargs={"slug": self.event.slug, "token": services.feed_token(registration=registration)},
            )
        )
        context["sessions"] = [
            {
                "session": s,
                "ranking_open": services.ranking_open(session=s),
                "ranked": bool(services.ranking_of(registration=registration, session=s)),
            }
            for s in sessions
        ]
        context["placements"] = GroupPlacement.objects.filter(registration=registration).select_related(
            "group__agenda_item__day"
        )
        return context


class MyTablesICalView(ParticipantMixin, View):
    def get(self, request, *args, **kwargs):
        data = services.ical_for(registration=self.registration, base_url=request.build_absolute_uri("/"))
        return bytes_response(
            data, content_type=ICAL_CONTENT_TYPE, filename=f"{self.event.slug}-my-tables.ics"
        )


class MyTablesFeedView(View):
    """The same iCal feed at a signed address, for calendar apps that cannot log in."""

    def get(self, request, *args, **kwargs):
        from django.http import Http404
        from django.shortcuts import get_object_or_404

        from events.models import Event

        event = get_object_or_404(Event, slug=kwargs["slug"])
        registration = services.registration_for_feed(event=event, token=kwargs["token"])
        if registration is None:
            raise Http404
        data = services.ical_for(registration=registration, base_url=request.build_absolute_uri("/"))
        return bytes_response(data, content_type=ICAL_CONTENT_TYPE, filename=f"{event.slug}-my-tables.ics")


class RankingView(ParticipantMixin, SessionMixin, FormView):
    """Rank the tables of a session: one select per table; read-only once the ranking closes."""

    template_name = "sessions_app/ranking.html"
    form_class = RankingForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["tables"] = self.session.tables.all()
        kwargs["ranking"] = services.ranking_of(registration=self.registration, session=self.session)
        kwargs["disabled"] = not services.ranking_open(session=self.session)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["session"] = self.session
        context["ranking_open"] = services.ranking_open(session=self.session)
        context["rotations"] = self.session.rotations.count()
        return context

    def form_valid(self, form):
        try:
            services.save_ranking(registration=self.registration, session=self.session, ranks=form.ranks())
        except services.RankingError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request, _("Your ranking was saved. You may change it until the ranking closes.")
        )
        return redirect("sessions_app:ranking", slug=self.event.slug, session_id=self.session.pk)


class SwitchView(ParticipantMixin, SessionMixin, FormView):
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
        context["mine"] = {
            a.rotation_id: a.table
            for a in Assignment.objects.filter(
                registration=self.registration, rotation__session=self.session
            ).select_related("table")
        }
        context["free"] = _free_seat_grid(self.session)
        return context

    def form_valid(self, form):
        try:
            services.switch_table(
                registration=self.registration,
                rotation=form.cleaned_data["rotation"],
                table=form.cleaned_data["table"],
            )
        except services.SessionsError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("You switched table."))
        return redirect(reverse("sessions_app:my_tables", kwargs={"slug": self.event.slug}))


def _free_seat_grid(session):
    """[(rotation, [(table, free seats)])] in two queries' worth of data."""
    from django.db.models import Count

    from ..models import TableSlot

    taken = {
        (row["table_id"], row["rotation_id"]): row["n"]
        for row in Assignment.objects.filter(rotation__session=session)
        .values("table_id", "rotation_id")
        .annotate(n=Count("pk"))
    }
    grid = {}
    for slot in TableSlot.objects.filter(table__session=session).select_related("table", "rotation"):
        grid.setdefault(slot.rotation, []).append(
            (slot.table, slot.seats - taken.get((slot.table_id, slot.rotation_id), 0))
        )
    return sorted(grid.items(), key=lambda item: item[0].number)


class DirectoryView(SignedInEventMixin, TemplateView):
    """Participants who agreed to be listed; nobody else."""

    template_name = "sessions_app/directory.html"
    permission_required = "directory.view"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["people"] = Registration.objects.filter(
            event=self.event, status=Registration.Status.APPROVED, consent_directory=True
        ).order_by("full_name", "pk")
        return context


class MaterialDownloadView(SignedInEventMixin, View):
    """A table's material: served by the portal (not from /media/) so only people taking part get it."""

    permission_required = "directory.view"

    def get(self, request, *args, **kwargs):
        material = get_object_or_404(Material, pk=kwargs["material_id"], session__event=self.event)
        return stored_file_response(file=material.file, url=material.url)
