"""The check-in desk at the venue: the page staff use on a phone (scan the badge's QR code or type its
code), the live count per day, and the badges (one person's PDF, or everybody's through a job)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from events import jobs
from events.downloads import bytes_response
from events.exports import PDF_CONTENT_TYPE
from events.views.jobs import job_response
from events.views.mixins import ManageMixin

from .. import selectors
from ..errors import CheckInRefused
from ..models import Registration
from ..services import checkin as services
from .common import ParticipantMixin


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Check-in code"),
        max_length=64,
        help_text=gettext_lazy("Scan the QR code on the badge, or type the code printed under it."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )


class CheckInMixin(ManageMixin):
    permission_required = "checkin.manage"


class CheckInView(CheckInMixin, TemplateView):
    """GET: the form. POST: check the person in; the page then shows whom to greet (name, organisation,
    status) and whether it worked, with the form ready for the next person."""

    template_name = "sessions_app/manage/checkin.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", CheckInForm())
        kwargs.setdefault("day", services.today_of(self.event))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = CheckInForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            check_in = services.check_in(event=self.event, code=form.cleaned_data["code"], by=request.user)
        except CheckInRefused as error:
            context = self.get_context_data(
                form=CheckInForm(), refused=str(error), person=error.registration, earlier=error.check_in
            )
            return self.render_to_response(context, status=409 if error.registration else 400)
        context = self.get_context_data(form=CheckInForm(), person=check_in.registration, checked_in=check_in)
        return self.render_to_response(context)


class AttendanceView(CheckInMixin, TemplateView):
    """The count per day and everybody's badges. With JavaScript the counts update in place every
    `CHECKIN_LIVE_SECONDS` (from `AttendanceCountsView`), with a button to pause them (WCAG 2.2.2).
    Without it, ?live=1 reloads the page every 30 seconds (a meta refresh); it is asked for, and
    stopped, with a link, so that nobody's page moves under them unasked (WCAG 2.2.1)."""

    template_name = "sessions_app/manage/attendance.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.attendance(event=self.event))
        context["today"] = services.today_of(self.event)
        context["live"] = self.request.GET.get("live") == "1"
        context["live_seconds"] = settings.CHECKIN_LIVE_SECONDS
        return context


class AttendanceCountsView(CheckInMixin, View):
    """The attendance page's numbers as JSON, which its script asks for now and then to update them in
    place (never stored by a cache: they change with every check-in)."""

    def get(self, request, *args, **kwargs):
        response = JsonResponse(selectors.attendance_counts(event=self.event))
        response["Cache-Control"] = "no-store"
        return response


class BadgeView(CheckInMixin, View):
    """One participant's badge (a small PDF, rendered within the request under the renderer's limit)."""

    def get(self, request, *args, **kwargs):
        registration = get_object_or_404(
            Registration,
            event=self.event,
            pk=self.kwargs["registration_pk"],
            status=Registration.Status.APPROVED,
        )
        return bytes_response(
            services.render_badges(event=self.event, registrations=[registration]),
            content_type=PDF_CONTENT_TYPE,
            filename=f"{self.event.slug}-badge-{registration.pk}.pdf",
        )


class BadgesView(CheckInMixin, View):
    """Every approved participant's badge, several to an A4 page, made by a background job and kept until
    the names change."""

    def get(self, request, *args, **kwargs):
        language = get_language()
        job = jobs.request_file(
            kind="sessions_app.badges_pdf",
            inputs={"event": self.event.pk, "language": language},
            version=services.badges_version(event=self.event),
            event=self.event,
            requested_by=request.user,
            filename=f"{self.event.slug}-badges.pdf",
        )
        return job_response(
            request,
            job,
            back_url=reverse("sessions_app:attendance", args=[self.event.slug]),
            heading=_("The badges are being prepared"),
        )


class MyBadgeView(ParticipantMixin, View):
    """A participant's own badge, to print or show on the phone at the venue."""

    def get(self, request, *args, **kwargs):
        return bytes_response(
            services.render_badges(event=self.event, registrations=[self.registration]),
            content_type=PDF_CONTENT_TYPE,
            filename=f"{self.event.slug}-badge.pdf",
        )
