"""The outcome report: its composition (which sections, in which order, the editorial texts in each
language) and its export as a PDF. The document itself is read by `reports.selectors.outcome`."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname

from events.models import Event

from .. import generated
from ..document import ReportDocument
from ..errors import ReportError
from ..models import Report, ReportSection
from ..models.outcome import REPORT_TEXT_FIELDS
from ..selectors.outcome import build_report_document, report_language

LANGUAGES = [code for code, _name in settings.LANGUAGES]

#: The sections a new report starts with, in their default order.
DEFAULT_SECTION_ORDER = [
    ReportSection.Kind.ACKNOWLEDGEMENTS,
    ReportSection.Kind.INTRODUCTION,
    ReportSection.Kind.KEY_TRENDS,
    ReportSection.Kind.AT_A_GLANCE,
    ReportSection.Kind.IN_DETAIL,
    ReportSection.Kind.THEMATIC,
    ReportSection.Kind.SAFEGUARDING,
    ReportSection.Kind.EVALUATION,
    ReportSection.Kind.FUTURE_DIRECTIONS,
    ReportSection.Kind.ABOUT,
]


def _check_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ReportError(gettext("Unknown language."))


# --- composition: the report and its sections ----------------------------------------------------------


def get_or_create_report(*, event: Event) -> Report:
    """The event's report, created with the event's title and the default sections on first use."""
    report = Report.objects.filter(event=event).first()
    if report is not None:
        report.event = event  # spare a query later
        return report
    with transaction.atomic():
        fields = {
            build_localized_fieldname("title", code): getattr(
                event, build_localized_fieldname("title", code), ""
            )
            or ""
            for code in LANGUAGES
        }
        fields["title"] = event.title
        report, created = Report.objects.get_or_create(event=event, defaults=fields)
        if created:
            ensure_default_sections(report=report)
    return report


def ensure_default_sections(*, report: Report) -> None:
    """Add the sections a report lacks, after the existing ones (evaluation off by default), and one
    section per generated section (reports.generated) before the section its app names."""
    existing = set(report.sections.values_list("kind", "source"))
    kinds = {kind for kind, _source in existing}
    order = report.sections.order_by("-order").values_list("order", flat=True).first() or 0
    for kind in DEFAULT_SECTION_ORDER:
        if kind in kinds:
            continue
        order += 10
        ReportSection.objects.create(
            report=report,
            kind=kind,
            order=order,
            included=kind != ReportSection.Kind.EVALUATION or report.include_evaluation,
        )
    for key in generated.registered_keys():
        if (ReportSection.Kind.GENERATED, key) not in existing:
            _add_generated_section(report, key)


def _add_generated_section(report: Report, key: str) -> None:
    """The section `key` just before the first section of the kind its app names (else last); the
    sections are numbered 10, 20... again. Two requests adding it at once add it once."""
    with transaction.atomic():
        Report.objects.select_for_update().filter(pk=report.pk).first()
        if report.sections.filter(source=key).exists():
            return
        sections = list(report.sections.order_by("order", "pk"))
        place = generated.default_place(key)
        index = next((i for i, s in enumerate(sections) if s.kind == place), len(sections))
        sections.insert(index, ReportSection(report=report, kind=ReportSection.Kind.GENERATED, source=key))
        _renumber(sections)


def _renumber(sections: list[ReportSection]) -> None:
    """Number `sections` 10, 20, ... in their list order, writing only what changed (a new one whole)."""
    for position, section in enumerate(sections, start=1):
        if section.pk is None:
            section.order = position * 10
            section.save()
        elif section.order != position * 10:
            section.order = position * 10
            section.save(update_fields=["order"])


def move_section(*, report: Report, section_id: int, direction: str) -> None:
    """Move a section one place up or down; orders are renumbered 10, 20, ... in one transaction."""
    if direction not in {"up", "down"}:
        raise ReportError(gettext("Unknown direction."))
    with transaction.atomic():
        # lock the report row: two editors reordering at once must not interleave their renumbering
        Report.objects.select_for_update().filter(pk=report.pk).first()
        sections = list(report.sections.order_by("order", "pk"))
        index = next((i for i, s in enumerate(sections) if s.pk == section_id), None)
        if index is None:
            raise ReportError(gettext("This section does not belong to this report."))
        target = index - 1 if direction == "up" else index + 1
        if 0 <= target < len(sections):
            sections[index], sections[target] = sections[target], sections[index]
        _renumber(sections)


def set_section_included(*, report: Report, section_id: int, included: bool) -> ReportSection:
    """Put a section in or out of the report (the evaluation section also sets include_evaluation)."""
    with transaction.atomic():
        section = report.sections.filter(pk=section_id).first()
        if section is None:
            raise ReportError(gettext("This section does not belong to this report."))
        section.included = included
        section.save(update_fields=["included"])
        if section.kind == ReportSection.Kind.EVALUATION and report.include_evaluation != included:
            report.include_evaluation = included
            report.save(update_fields=["include_evaluation", "updated_at"])
    return section


def update_report_texts(
    *,
    report: Report,
    lang: str,
    texts: dict[str, str],
    section_titles: dict[int, str],
    section_bodies: dict[int, str] | None = None,
) -> None:
    """Store the editorial texts and section titles typed for one language."""
    _check_language(lang)
    with transaction.atomic():
        for name in REPORT_TEXT_FIELDS:
            if name in texts:
                setattr(report, build_localized_fieldname(name, lang), texts[name])
        report.full_clean()
        report.save()
        for section in report.sections.all():
            if section.pk in section_titles or section.pk in (section_bodies or {}):
                if section.pk in section_titles:
                    setattr(section, build_localized_fieldname("title", lang), section_titles[section.pk])
                if section.kind == ReportSection.Kind.CUSTOM and section.pk in (section_bodies or {}):
                    setattr(section, build_localized_fieldname("body", lang), section_bodies[section.pk])
                section.full_clean()
                section.save()


def add_section(*, report: Report, title: str, lang: str) -> ReportSection:
    """A section the organiser writes ("Recommendations for action", "Youth declaration"...), added at
    the end; its text is written with the other texts, and it moves like any section."""
    _check_language(lang)
    title = (title or "").strip()
    if not title:
        raise ReportError(gettext("Give the new section a title."))
    with transaction.atomic():
        Report.objects.select_for_update().filter(pk=report.pk).first()
        last = report.sections.order_by("-order").values_list("order", flat=True).first() or 0
        section = ReportSection(report=report, kind=ReportSection.Kind.CUSTOM, order=last + 10)
        setattr(section, build_localized_fieldname("title", lang), title)
        section.full_clean()
        section.save()
    return section


def delete_section(*, report: Report, section_id: int) -> None:
    """Delete a section the organiser added (the generated sections can only be left out)."""
    section = report.sections.filter(pk=section_id).first()
    if section is None:
        raise ReportError(gettext("This section does not belong to this report."))
    if section.kind != ReportSection.Kind.CUSTOM:
        raise ReportError(gettext("Only a section you added can be deleted; leave the others out instead."))
    section.delete()


# --- exporting ---------------------------------------------------------------------------------------


@dataclass
class ReportExport:
    content: bytes
    content_type: str
    filename: str
    untranslated: list[str]


def render_report_html(
    *, event: Event, lang: str, preview: bool = False, extra: dict | None = None
) -> tuple[str, ReportDocument]:
    """The report as one HTML document in `lang`: the same for the PDF and the staff preview."""
    _check_language(lang)
    document = build_report_document(report=get_or_create_report(event=event), lang=lang)
    with report_language(event, lang):
        return render_to_string(
            "reports/outcome/document.html",
            {"doc": document, "event": event, "preview": preview, **(extra or {})},
        ), document


def report_pdf_version(*, event: Event, lang: str) -> str:
    """A hash of everything the report's PDF in `lang` is made from (the HTML document, the page labels
    and the stylesheet): the stored PDF is served while it is unchanged, and made again as soon as it
    changes."""
    from events.pdf import page_label_css, stylesheets_version

    html, _document = render_report_html(event=event, lang=lang)
    with report_language(event, lang):
        extra_css = page_label_css(gettext("Page %(page)s of %(pages)s"))
    styles = stylesheets_version("css/report-print.css")
    return hashlib.sha256(f"{html}\n{extra_css}\n{styles}".encode()).hexdigest()


def report_pdf_filename(*, event: Event, lang: str) -> str:
    return f"{event.slug}-report-{lang}.pdf"


def export_report_pdf(
    *, event: Event, lang: str, stats: dict | None = None, anchor_pages: dict | None = None
) -> ReportExport:
    """The outcome report as a PDF in `lang` (tagged PDF/UA-1), with the parts left untranslated.

    `stats`, if given, receives the seconds spent making the HTML and in WeasyPrint (for the benchmark).
    `anchor_pages`, if given, receives the page each anchor lands on (a finding's is `finding-<pk>`).
    """
    from events.pdf import page_label_css, render_pdf

    stats = {} if stats is None else stats
    started = time.perf_counter()
    html, document = render_report_html(event=event, lang=lang)
    with report_language(event, lang):
        main_label = page_label_css(gettext("Page %(page)s of %(pages)s"))
        # the front matter is numbered as the rest (one sequence of pages after the cover)
        extra_css = main_label + "\n" + main_label.replace("@page main", "@page front", 1)
    stats["html_seconds"] = time.perf_counter() - started
    content = render_pdf(html, extra_css=extra_css, stats=stats, anchor_pages=anchor_pages)
    return ReportExport(
        content=content,
        content_type="application/pdf",
        filename=report_pdf_filename(event=event, lang=lang),
        untranslated=document.untranslated,
    )
