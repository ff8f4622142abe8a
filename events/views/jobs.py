"""Pages for background jobs: what a view that asked for a file answers, and the job's status as JSON
for the waiting page's few lines of JavaScript."""

from __future__ import annotations

import mimetypes

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from .. import jobs
from ..models import Job

#: Seconds between two reloads of the waiting page without JavaScript.
REFRESH_SECONDS = 3


def job_response(
    request, job: Job, *, back_url: str, heading: str = "", inline: bool = False, on_done=None, text: str = ""
):
    """The file when the job made it; a page that waits for it (and reloads itself) while it is being
    made; the reason it failed, as a message on `back_url`, when it failed.

    For work without a file (an allocation, e-mails), `on_done()` gives the answer once it is done (a
    redirect with a message); `text` then replaces the waiting page's words about a file."""
    if job.status in Job.UNFINISHED:
        job = jobs.refresh(job)
    if job.status == Job.Status.DONE and on_done is not None:
        return on_done()
    if job.status == Job.Status.DONE:
        try:
            handle = job.file.open("rb")
        except (FileNotFoundError, ValueError) as error:
            raise Http404 from error
        content_type = job.content_type or mimetypes.guess_type(job.filename)[0] or "application/octet-stream"
        return FileResponse(
            handle, filename=job.filename, content_type=content_type, as_attachment=not inline
        )
    if job.status == Job.Status.FAILED:
        messages.error(request, jobs.failure_message(job))
        return HttpResponseRedirect(back_url)
    context = {
        "job": job,
        "heading": heading or _("Your file is being prepared"),
        "status_url": reverse("job_status", kwargs={"token": job.token}),
        "back_url": back_url,
        "refresh_seconds": REFRESH_SECONDS,
        "text": text,
    }
    return TemplateResponse(request, "events/job_progress.html", context, status=202)


class JobStatusView(View):
    """{"status": ..., "finished": ...} for a job, by its unguessable token. It says nothing else: the
    file and the failure message come from the page that asked, which checks who may read them."""

    def get(self, request, token):
        job = jobs.refresh(get_object_or_404(Job, token=token))
        response = JsonResponse({"status": job.status, "finished": job.is_finished})
        response["Cache-Control"] = "no-store"
        return response
