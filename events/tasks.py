"""The events app's background jobs (registered with `events.jobs`) and the Celery task that runs any
registered job in a worker."""

from __future__ import annotations

import json

from celery import shared_task
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import exports, jobs, selectors
from .errors import DomainError
from .models import Event


@shared_task(name="events.run_job", ignore_result=True)
def run_job(job_pk: int) -> None:
    """Run one job in this worker process; the caller set the hard time limit of its kind."""
    jobs.execute_here(job_pk)


@jobs.register(
    "events.programme_pdf",
    time_limit=lambda: settings.PDF_RENDER_TIMEOUT_SECONDS,
    timeout_message=_("The programme could not be made in time. Please try again later."),
    content_type=exports.PDF_CONTENT_TYPE,
)
def programme_pdf(*, event: int, language: str, audiences: list[str]) -> bytes:
    """The printed programme of `event` for readers of `audiences`, in `language`."""
    event = Event.objects.select_related("series", "host").get(pk=event)
    # the event's language is first in the fallback of translated fields: the job runner sees to it
    with translation.override(language), timezone.override(event.tz):
        days = selectors.agenda_days(event=event, audiences=audiences)
        return exports.programme_pdf(event=event, days=days)


class ImportRefused(DomainError):
    """The event file could not be imported; the message says why and where."""


@jobs.register(
    "events.import_event",
    time_limit=lambda: settings.IMPORT_TIMEOUT_SECONDS,
    timeout_message=_("The import took too long and was stopped; nothing was saved."),
    error_message=_("The import stopped because of an error; nothing was saved."),
    content_type="text/plain",
)
def import_event(*, path: str, language: str) -> bytes:
    """Import the event file stored at `path` (then deleted) with the import service; returns the new
    event's slug. What is wrong with the file is said in `language`."""
    from django.core.exceptions import ValidationError
    from django.core.files.storage import default_storage

    from .exchange import import_event as import_service

    try:
        with default_storage.open(path, "rb") as handle:
            data = handle.read()
    finally:
        default_storage.delete(path)
    with translation.override(language):
        try:
            document = json.loads(data.decode("utf-8"))
        except ValueError as error:
            message = gettext("The file is not a JSON document: %(error)s") % {"error": error}
            raise ImportRefused(message) from error
        try:
            event = import_service(document=document)
        except ValidationError as error:
            raise ImportRefused(" ".join(error.messages)) from error
    return event.slug.encode()
