"""The observatory's background jobs (events.jobs): publishing an event's report as entries, which
renders the report PDF to read each finding's page, so never inside a web request."""

import json

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from events import jobs

#: The render of the report PDF, plus a minute to write the entries.
PUBLISH_MARGIN_SECONDS = 60


@jobs.register(
    "observatory.publish_report",
    time_limit=lambda: settings.PDF_RENDER_TIMEOUT_SECONDS + PUBLISH_MARGIN_SECONDS,
    timeout_message=_("Publishing took too long and was stopped. Please try again later."),
    content_type="application/json",
)
def publish_report(*, event: int) -> bytes:
    """Publish the report of `event` in the observatory (`services.report_pages.publish_report`); the
    counts, as JSON, for the page that waited."""
    from events.models import Event

    from .services.report_pages import publish_report as publish

    return json.dumps(publish(event=Event.objects.get(pk=event))).encode()
