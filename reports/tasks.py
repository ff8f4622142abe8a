"""The reports app's background jobs (registered with `events.jobs`)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from events import jobs
from events.exports import PDF_CONTENT_TYPE
from events.models import Event


@jobs.register(
    "reports.report_pdf",
    time_limit=lambda: settings.PDF_RENDER_TIMEOUT_SECONDS,
    timeout_message=_("The report could not be made in time. Please try again later."),
    content_type=PDF_CONTENT_TYPE,
)
def report_pdf(*, event: int, lang: str) -> bytes:
    """The outcome report of `event` as a PDF in `lang`."""
    from .services.outcome import export_report_pdf

    event = Event.objects.select_related("series", "host").get(pk=event)
    return export_report_pdf(event=event, lang=lang).content
