"""Importing a whole event (the exchange format of `export_event`) from the staff's pages: the file is
stored, a background job runs the import service (`events.exchange.import_event`, the same as the
`import_event` command), and a page waits for it, then opens the new event or says what was wrong."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from .. import jobs
from ..models import Job
from ..rules import can_create_event
from .jobs import job_response

IMPORT_JOB = "events.import_event"


class EventImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Event file"),
        help_text=gettext_lazy("A JSON file written by another portal's event export (export_event)."),
    )


class StaffOnlyMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_create_event(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class EventImportView(StaffOnlyMixin, FormView):
    """Upload an event file; the import runs as a background job."""

    template_name = "events/manage/event_import.html"
    form_class = EventImportForm

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        # Kept out of the public media folders; the job deletes it once it has read it.
        path = default_storage.save(f"imports/{uuid.uuid4().hex}.json", upload)
        job = jobs.start_job(
            kind=IMPORT_JOB, inputs={"path": path, "language": get_language()}, requested_by=self.request.user
        )
        return redirect("event_import_job", token=job.token)


class EventImportJobView(StaffOnlyMixin, View):
    """Waits for the import, then opens the new event's back office; a refused file goes back to the form
    with the import's message."""

    def get(self, request, token):
        job = get_object_or_404(Job, token=token, kind=IMPORT_JOB, requested_by=request.user)

        def done():
            with job.file.open("rb") as handle:
                slug = handle.read().decode()
            messages.success(request, _("The event was imported."))
            return redirect("events:manage_event", slug=slug)

        return job_response(
            request,
            job,
            back_url=reverse("event_import"),
            heading=_("The event is being imported"),
            text=_("This takes a moment. The page updates itself and opens the event once it is imported."),
            on_done=done,
        )
