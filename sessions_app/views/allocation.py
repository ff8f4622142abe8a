"""Organiser pages of the allocation: run it, look at it, move people by hand, publish, export rosters."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView, View

from events.downloads import bytes_response
from events.errors import DomainError
from events.views.mixins import handle_domain_error

from .. import selectors
from ..forms import MoveForm
from ..services.allocation import allocate_session, quality_rows, unplaced_ids
from ..services.exports import export_rosters
from ..services.publication import publication_plan, publish_allocation
from ..services.seats import move_participant
from .common import EXPORT_FORMATS, OrganiserMixin, TableSessionMixin


class AllocationView(OrganiserMixin, TableSessionMixin, TemplateView):
    template_name = "sessions_app/manage/allocation.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        session = self.session
        report = session.allocation_report or {}
        context["session"] = session
        context["quality"] = quality_rows(report=report)
        context["grid"] = selectors.roster_grid(session=session)
        context["move_form"] = kwargs.get("move_form") or MoveForm(session=session)
        context["unplaced"] = selectors.unplaced_registrations(session=session, ids=unplaced_ids(report))
        context["participants"] = selectors.approved_count(event=self.event)
        context["ranked"] = selectors.ranked_count(session=session)
        return context


class AllocateView(OrganiserMixin, TableSessionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            outcome = allocate_session(session=self.session)
        except DomainError as error:
            handle_domain_error(request, error)
        else:
            messages.success(
                request, _("Allocation computed: %(count)s seats assigned.") % {"count": outcome.stored}
            )
            if outcome.unplaced:
                messages.warning(
                    request, _("%(count)s people could not be placed.") % {"count": len(outcome.unplaced)}
                )
        return redirect("sessions_app:allocation", slug=self.event.slug, table_session_pk=self.session.pk)


class MoveView(OrganiserMixin, TableSessionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = MoveForm(request.POST, session=self.session)
        if form.is_valid():
            try:
                move_participant(
                    registration=form.cleaned_data["registration"],
                    rotation=form.cleaned_data["rotation"],
                    table=form.cleaned_data["table"],
                )
            except DomainError as error:
                handle_domain_error(request, error, form)
            else:
                messages.success(
                    request, _("%(name)s moved.") % {"name": form.cleaned_data["registration"].full_name}
                )
                return redirect(
                    "sessions_app:allocation", slug=self.event.slug, table_session_pk=self.session.pk
                )
        view = AllocationView()
        view.setup(request, *args, **kwargs)
        view.event = self.event
        return view.render_to_response(view.get_context_data(move_form=form), status=400)


class PublishView(OrganiserMixin, TableSessionMixin, TemplateView):
    """Publishing asks first: how many e-mails go out, how many people have not ranked, whether the
    ranking is still open (then a second confirmation is needed)."""

    template_name = "sessions_app/manage/publish_confirm.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["session"] = self.session
        context["plan"] = publication_plan(session=self.session)
        return context

    def post(self, request, *args, **kwargs):
        if not request.POST.get("confirm"):
            messages.error(request, _("Confirm that you want to publish."))
            return self.render_to_response(self.get_context_data(), status=400)
        try:
            sent = publish_allocation(
                session=self.session,
                base_url=request.build_absolute_uri("/"),
                ranking_open_confirmed=bool(request.POST.get("ranking_open_confirmed")),
            )
        except DomainError as error:
            handle_domain_error(request, error)
            return self.render_to_response(self.get_context_data(), status=400)
        messages.success(
            request,
            ngettext(
                "Allocation published; %(count)s e-mail sent.",
                "Allocation published; %(count)s e-mails sent.",
                sent,
            )
            % {"count": sent},
        )
        return redirect("sessions_app:allocation", slug=self.event.slug, table_session_pk=self.session.pk)


class RosterExportView(OrganiserMixin, TableSessionMixin, View):
    def get(self, request, *args, **kwargs):
        if kwargs["fmt"] not in EXPORT_FORMATS:
            raise Http404
        data, content_type, filename = export_rosters(session=self.session, fmt=kwargs["fmt"])
        return bytes_response(data, content_type=content_type, filename=filename)
