"""The page of the portal's own report PDF where each published finding lands, for an entry's
provenance ("page 14 of the report").

The outcome report gives each collated finding an anchor (`finding-<pk>` where a theme prints it,
`glance-<pk>` at a glance: `reports.document`); WeasyPrint's laid-out pages list the anchors they hold, so
rendering the report once, in the event's own language (the edition the report is published in), tells
the page of every finding. Pages typed by an editor from a printed booklet (entries written from a
document, `Entry.Provenance.DOCUMENT`) are never touched here.
"""

from __future__ import annotations

import re

from django.conf import settings

from events.models import Event
from reports.services.outcome import export_report_pdf

_ANCHOR = re.compile(r"^(finding|glance)-(\d+)$")


def report_language(event: Event) -> str:
    """The language the report's pages are read in: the event's own, if the portal has it."""
    codes = [code for code, _name in settings.LANGUAGES]
    return event.default_language if event.default_language in codes else settings.LANGUAGE_CODE


def read_report_pages(*, event: Event) -> dict[int, int]:
    """{collated finding id: page number} of the event's report PDF, rendered now (a few seconds; bounded
    by the renderer's time limit, `events.pdf.render_pdf`, which raises PdfRenderError). A finding printed
    in a theme counts there; one printed only at a glance, at a glance."""
    anchors: dict[str, int] = {}
    export_report_pdf(event=event, lang=report_language(event), anchor_pages=anchors)
    in_theme: dict[int, int] = {}
    at_a_glance: dict[int, int] = {}
    for name, page in anchors.items():
        if match := _ANCHOR.match(name):
            kind, pk = match.group(1), int(match.group(2))
            (in_theme if kind == "finding" else at_a_glance)[pk] = page
    return {**at_a_glance, **in_theme}


def publish_report(*, event: Event) -> dict:
    """Publish the event's report findings as entries (`entries.publish_report_entries`) with the page
    each lands on in the portal's report PDF. When the PDF cannot be made in time, the entries are
    published all the same with their pages as they were, and `counts["pages_read"]` is False."""
    from events.pdf import PdfRenderError
    from reports.models import Report

    from ..errors import NoReportToPublish
    from .entries import publish_report_entries

    if not Report.objects.filter(event=event).exists():  # before the render would create one
        raise NoReportToPublish()
    try:
        pages = read_report_pages(event=event)
    except PdfRenderError:
        pages = None
    counts = publish_report_entries(event=event, pages=pages)
    return {**counts, "pages_read": pages is not None}
