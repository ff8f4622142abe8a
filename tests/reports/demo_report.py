"""The demo's outcome report on any event: its editorial texts and section titles, read from the demo event
(events/demo_data/san-jose-dialogue-2024.json), where `reports.demo_report` kept them before the demo became
data. For tests (and benchmarks/report.py) that need a report with real texts without loading the demo."""

import json

from django.db import transaction

from events.demo_data import EVENT_FILES
from reports.models import Report
from reports.services.outcome import ensure_default_sections, get_or_create_report


def _demo_report() -> tuple[dict, list[dict]]:
    document = json.loads(EVENT_FILES[0].read_text(encoding="utf-8"))
    lists = document["parts"]["reports"]
    return lists["report"][0]["fields"], [section["fields"] for section in lists["report_sections"]]


def load(event) -> Report:
    """Fill the event's report with the demo's texts (the languages it has them in) and section titles."""
    texts, sections = _demo_report()
    by_kind = {section["kind"]: section for section in sections}
    with transaction.atomic():
        report = get_or_create_report(event=event)
        for name, value in texts.items():
            # the partners on the cover and in "About" are the demo event's own organisations: not here
            skipped = {"event", "updated_at", "cover_organisations", "about_organisations"}
            if name not in skipped and value not in (None, ""):
                setattr(report, name, value)
        report.save()
        ensure_default_sections(report=report)
        for section in report.sections.all():
            demo = by_kind[section.kind]
            section.title_en, section.title_es = demo["title_en"], demo["title_es"]
            section.included = demo["included"]
            section.save()
    return report
