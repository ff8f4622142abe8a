"""The events app's background jobs (registered with `events.jobs`) and the Celery task that runs any
registered job in a worker."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from dialogue_portal.i18n import event_language_fallback

from . import exports, jobs, selectors
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
    with (
        translation.override(language),
        timezone.override(event.tz),
        event_language_fallback(event.default_language),
    ):
        days = selectors.agenda_days(event=event, audiences=audiences)
        return exports.programme_pdf(event=event, days=days)
