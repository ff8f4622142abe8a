"""The observatory's generated section of an event's outcome report: "Progress since the previous
edition", registered with `reports.generated` from `ObservatoryConfig.ready()` (reports may not import
the observatory). The same selector feeds the event's observatory page and the back office's preview."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.translation import gettext

from reports.generated import GeneratedSection

from .selectors.pages import progress_since_previous_edition

KEY = "observatory.progress"


def build_progress_section(*, event, lang: str) -> GeneratedSection | None:
    """The section for `event`'s report in `lang` (called inside the report's language), or None when
    the event has no earlier edition in its series or no commitment was made there."""
    if event.series_id is None:  # no query for an event outside a series
        return None
    progress = progress_since_previous_edition(event)
    if progress.previous is None or not progress.commitments:
        return None
    for commitment in progress.commitments:
        updates = commitment.recent_updates
        commitment.latest_update = updates[-1] if updates else None
    html = render_to_string("observatory/report/progress.html", {"progress": progress, "lang": lang})
    return GeneratedSection(title=gettext("Progress since the previous edition"), html=html)
