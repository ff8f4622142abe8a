"""Organiser pages of the allocation: run it, look at it, move people by hand, publish, export rosters."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from events import jobs
from events.downloads import bytes_response
from events.errors import DomainError
from events.models import Job
from events.views.jobs import job_response
from events.views.mixins import handle_domain_error

from .. import selectors
from ..forms import MoveForm
from ..models import Assignment
from ..services.allocation import allocate_session, quality_rows, unplaced_ids
from ..services.exports import export_rosters
from ..services.publication import (
    allocation_email_counts,
    publication_plan,
    publish_allocation,
    start_allocation_emails,
)
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
        if session.published_at:
            # Only for a publication e-mailed from this portal (not one loaded with an imported event).
            sent, seated = allocation_email_counts(session=session)
            jobs_run = Job.objects.filter(kind=EMAILS_JOB, event=self.event, inputs__session=session.pk)
            if sent or jobs_run.exists():
                context["mailing"] = {"sent": sent, "seated": seated}
        return context


ALLOCATE_JOB = "sessions_app.allocate"
EMAILS_JOB = "sessions_app.allocation_emails"


def _allocation_url(view) -> str:
    return reverse("sessions_app:allocation", args=[view.event.slug, view.session.pk])


def _job_page(view, job: Job):
    return redirect("sessions_app:allocation_job", view.event.slug, view.session.pk, job.token)


class AllocateView(OrganiserMixin, TableSessionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        """Small sessions are allocated within the request; larger ones (more approved participants than
        ALLOCATION_INLINE_MAX_PARTICIPANTS) by a background job, behind a page that waits for it."""
        if selectors.approved_count(event=self.event) > settings.ALLOCATION_INLINE_MAX_PARTICIPANTS:
            job = jobs.start_job(
                kind=ALLOCATE_JOB,
                inputs={"session": self.session.pk, "language": get_language()},
                event=self.event,
                requested_by=request.user,
            )
            return _job_page(self, job)
        try:
            allocate_session(session=self.session)
        except DomainError as error:
            handle_domain_error(request, error)
        else:
            allocated_message(request, self.session)
        return redirect(_allocation_url(self))


def allocated_message(request, session) -> None:
    count = Assignment.objects.filter(rotation__session=session).count()
    messages.success(
        request,
        ngettext(
            "Allocation computed: %(count)s seat assigned.",
            "Allocation computed: %(count)s seats assigned.",
            count,
        )
        % {"count": count},
    )
    unplaced = len(unplaced_ids(session.allocation_report or {}))
    if unplaced:
        messages.warning(
            request,
            ngettext(
                "%(count)s person could not be placed.", "%(count)s people could not be placed.", unplaced
            )
            % {"count": unplaced},
        )


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
    ranking is still open (then a second confirmation is needed). A job then e-mails the participants,
    behind a page that waits for it."""

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
            job = publish_allocation(
                session=self.session,
                base_url=request.build_absolute_uri("/"),
                requested_by=request.user,
                ranking_open_confirmed=bool(request.POST.get("ranking_open_confirmed")),
            )
        except DomainError as error:
            handle_domain_error(request, error)
            return self.render_to_response(self.get_context_data(), status=400)
        return _job_page(self, job)


class ResendView(OrganiserMixin, TableSessionMixin, View):
    """E-mail the latest publication to the participants not yet written to (after a failure)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            job = start_allocation_emails(
                session=self.session, base_url=request.build_absolute_uri("/"), requested_by=request.user
            )
        except DomainError as error:
            handle_domain_error(request, error)
            return redirect(_allocation_url(self))
        return _job_page(self, job)


class AllocationJobView(OrganiserMixin, TableSessionMixin, View):
    """The page that waits for this session's allocation or e-mails, then says how it went."""

    def get(self, request, *args, **kwargs):
        job = get_object_or_404(
            Job, token=kwargs["token"], event=self.event, kind__in=[ALLOCATE_JOB, EMAILS_JOB]
        )
        if job.inputs.get("session") != self.session.pk:
            raise Http404
        if job.kind == ALLOCATE_JOB:
            heading = _("The allocation is being computed")
            text = _(
                "This takes a moment. The page updates itself and shows the allocation when it is ready."
            )

            def done():
                self.session.refresh_from_db()
                allocated_message(request, self.session)
                return redirect(_allocation_url(self))
        else:
            heading = _("The e-mails are being sent")
            text = _(
                "This takes a moment. The page updates itself when every participant has been written to."
            )

            def done():
                sent, _seated = allocation_email_counts(session=self.session)
                messages.success(
                    request,
                    ngettext(
                        "Allocation published; %(count)s e-mail sent.",
                        "Allocation published; %(count)s e-mails sent.",
                        sent,
                    )
                    % {"count": sent},
                )
                return redirect(_allocation_url(self))

        return job_response(
            request, job, back_url=_allocation_url(self), heading=heading, text=text, on_done=done
        )


class RosterExportView(OrganiserMixin, TableSessionMixin, View):
    def get(self, request, *args, **kwargs):
        if kwargs["fmt"] not in EXPORT_FORMATS:
            raise Http404
        data, content_type, filename = export_rosters(session=self.session, fmt=kwargs["fmt"])
        return bytes_response(data, content_type=content_type, filename=filename)
