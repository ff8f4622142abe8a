"""The outcome report as a document, read for one language, and what is left untranslated.

Everything event-specific comes from the data: the editorial texts of `Report`, the order of its
`ReportSection` rows, the collated findings grouped by `ReportTheme`, the partners and the evaluation.
`build_report_document` turns them into the plain dataclasses of `reports.document`, with every text
resolved for one language, so that templates only lay out what they receive and the number of queries
does not depend on the amount of content.

Translated fields are read as attributes inside `report_language(event, lang)`: the portal's one
fallback (django-modeltranslation with the event's default language first, `dialogue_portal.i18n`). Only
the audit of untranslated parts, and the `lang` mark on a text printed in another language, look at the
per-language columns (`title_es`...) to say what is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db.models import Count
from django.utils import formats, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname, resolution_order

from dialogue_portal.i18n import event_language_fallback
from events.models import Event

from .. import generated
from ..document import (
    AboutPage,
    Anchors,
    Chapter,
    Entry,
    RatingSummary,
    ReportDocument,
    country_name,
    format_dates,
)
from ..markup import in_language, render_inline, render_text
from ..models import (
    CollatedFinding,
    EvaluationAnswer,
    EvaluationQuestion,
    EvaluationResponse,
    Report,
    ReportSection,
    ReportTheme,
)
from ..models.outcome import REPORT_TEXT_FIELDS
from .report_blocks import event_figures, fill_figures, logo_of, partners, theme_block

# Editorial section kind -> the Report field holding its text.
EDITORIAL_FIELDS = {
    ReportSection.Kind.INTRODUCTION: "introduction",
    ReportSection.Kind.KEY_TRENDS: "key_trends",
    ReportSection.Kind.FUTURE_DIRECTIONS: "future_directions",
    ReportSection.Kind.ABOUT: "about",
}

THEME_KIND_FOR_SECTION = {
    ReportSection.Kind.IN_DETAIL: ReportTheme.Kind.DETAIL,
    ReportSection.Kind.THEMATIC: ReportTheme.Kind.THEMATIC,
    ReportSection.Kind.SAFEGUARDING: ReportTheme.Kind.SAFEGUARDING,
}


# --- texts in one language ---------------------------------------------------------------------------


def default_language(event: Event) -> str:
    return event.default_language or settings.MODELTRANSLATION_DEFAULT_LANGUAGE


@contextmanager
def report_language(event: Event, lang: str) -> Iterator[None]:
    """Within the block, translated fields read in `lang`, falling back to the event's language first."""
    with translation.override(lang), event_language_fallback(default_language(event)):
        yield


def _own(obj, field_name: str, lang: str) -> str:
    """The raw text of a translated field in `lang` (no fallback)."""
    return getattr(obj, build_localized_fieldname(field_name, lang), None) or ""


def _is_untranslated(obj, field_name: str, lang: str) -> bool:
    """Whether the field has text in another language but none in `lang` (so it prints in another one).
    Call inside `report_language(event, lang)`."""
    return not _own(obj, field_name, lang).strip() and bool((getattr(obj, field_name) or "").strip())


def _language_shown(obj, field_name: str, lang: str) -> str:
    """The language the fallback took the field's text from, or "" when it is `lang` itself (or empty).
    Call inside `report_language(event, lang)`: it follows the same resolution order."""
    value = getattr(obj, field_name) or ""
    if not value or _own(obj, field_name, lang):
        return ""
    for code in resolution_order(lang):
        if _own(obj, field_name, code) == value:
            return code
    return ""


def _html(obj, field_name: str, lang: str, *, inline: bool = False, figures=None) -> SafeString:
    """A translated text as HTML; a text printed in another language is marked with that language.
    With `figures`, the placeholders {participants}, {countries}... become the event's figures."""
    text = getattr(obj, field_name) or ""
    if figures is not None:
        text = fill_figures(text, figures)
    html = render_inline(text) if inline else render_text(text)
    return in_language(html, _language_shown(obj, field_name, lang), inline=inline)


# --- building the document ---------------------------------------------------------------------------


def _rating_summaries(event: Event) -> tuple[list[RatingSummary], int]:
    questions = list(
        EvaluationQuestion.objects.filter(
            evaluation__event=event, kind=EvaluationQuestion.Kind.RATING
        ).order_by("order", "pk")
    )
    counts: dict[int, dict[int, int]] = {}
    for row in (
        EvaluationAnswer.objects.filter(question__evaluation__event=event, rating__isnull=False)
        .values("question_id", "rating")
        .annotate(n=Count("id"))
    ):
        counts.setdefault(row["question_id"], {})[row["rating"]] = row["n"]
    responses = EvaluationResponse.objects.filter(evaluation__event=event).count() if questions else 0
    summaries = []
    for question in questions:
        per_rating = counts.get(question.pk, {})
        total = sum(per_rating.values())
        average = sum(r * n for r, n in per_rating.items()) / total if total else 0
        bars = []
        for rating in range(question.scale_max, 0, -1):
            n = per_rating.get(rating, 0)
            percent = int(round(100 * n / total / 5) * 5) if total else 0
            bars.append((rating, n, percent))
        summaries.append(
            RatingSummary(
                question=question.text,
                count=total,
                average=formats.number_format(average, 1),
                bars=bars,
            )
        )
    return summaries, responses


def _chapter(section, *, report, lang, glance, themes, findings_by_theme, anchors, figures, about) -> Chapter:
    """One section of the report as a chapter; the themes of the detailed trends are numbered 1, 2..."""
    title = section.heading
    chapter = Chapter(kind=section.kind, title=title, anchor=anchors(title, "chapter"))
    if section.kind == ReportSection.Kind.ACKNOWLEDGEMENTS:
        chapter.front_matter = True
        chapter.html = _html(report, "acknowledgements", lang, figures=figures)
        chapter.disclaimer = _html(report, "disclaimer", lang, figures=figures)
        chapter.disclaimer_title = gettext("Disclaimer")
        chapter.publisher = _html(report, "publisher", lang, figures=figures)
        chapter.designer = report.designer
    elif section.kind == ReportSection.Kind.CUSTOM:
        chapter.html = _html(section, "body", lang, figures=figures)
    elif section.kind in EDITORIAL_FIELDS:
        chapter.html = _html(report, EDITORIAL_FIELDS[section.kind], lang, figures=figures)
        if section.kind == ReportSection.Kind.ABOUT:
            for organisation in about:
                name = organisation.name
                heading = gettext("About %(organisation)s") % {"organisation": name}
                chapter.about.append(
                    AboutPage(
                        title=heading,
                        anchor=anchors(heading, "about"),
                        html=_html(organisation, "description", lang),
                        logo=logo_of(organisation),
                    )
                )
    elif section.kind == ReportSection.Kind.AT_A_GLANCE:
        chapter.entries = [
            Entry(
                number=str(i),
                title=f.title,
                html=_html(f, "text", lang, inline=True),
                anchor=f"glance-{f.pk}",
            )
            for i, f in enumerate(glance, start=1)
        ]
    elif section.kind in THEME_KIND_FOR_SECTION:
        theme_kind = THEME_KIND_FOR_SECTION[section.kind]
        if section.kind == ReportSection.Kind.THEMATIC:
            chapter.html = _html(report, "thematic_introduction", lang, figures=figures)
        own = [t for t in themes if t.kind == theme_kind]
        for number, theme in enumerate(own, start=1):
            block = theme_block(
                theme,
                findings_by_theme.get(theme.pk, []),
                number=str(number) if theme_kind == ReportTheme.Kind.DETAIL else "",
                anchors=anchors,
                html_of=lambda finding: _html(finding, "text", lang, inline=True),
            )
            block.intro = _html(theme, "introduction", lang)
            # a chapter of one theme of the same name prints its heading once (and once in the contents)
            if len(own) == 1 and theme.title.strip().casefold() == title.strip().casefold():
                block.show_title = False
            chapter.themes.append(block)
    elif section.kind == ReportSection.Kind.EVALUATION:
        chapter.ratings, chapter.responses = _rating_summaries(report.event)
    return chapter


def build_report_document(*, report: Report, lang: str) -> ReportDocument:
    """Everything the report template shows, in `lang` (one of settings.LANGUAGES), in a fixed number
    of queries. Reads only: the caller gets the report (services.outcome.get_or_create_report)."""
    event = report.event
    anchors = Anchors()
    with report_language(event, lang):
        every_section = list(report.sections.order_by("order", "pk"))
        sections = [s for s in every_section if s.included]
        kinds = {s.kind for s in sections}
        themes = []
        findings_by_theme: dict[int, list[CollatedFinding]] = {}
        glance = []
        if kinds & {*THEME_KIND_FOR_SECTION, ReportSection.Kind.AT_A_GLANCE}:
            themes = list(ReportTheme.objects.filter(event=event).order_by("order", "pk"))
            for finding in CollatedFinding.objects.filter(event=event, in_report=True).order_by(
                "order", "pk"
            ):
                if finding.at_a_glance:
                    glance.append(finding)
                if finding.theme_id is not None:
                    findings_by_theme.setdefault(finding.theme_id, []).append(finding)
        glance.sort(key=lambda f: (f.glance_order, f.order, f.pk))
        logos, about = partners(report)
        figures = event_figures(event)
        front, chapters = [], []
        for section in sections:
            if section.kind == ReportSection.Kind.GENERATED:  # made by another app (reports.generated)
                chapter = generated.generated_chapter(section, event=event, lang=lang, anchors=anchors)
                if chapter is not None:
                    chapters.append(chapter)
                continue
            chapter = _chapter(
                section,
                report=report,
                lang=lang,
                glance=glance,
                themes=themes,
                findings_by_theme=findings_by_theme,
                anchors=anchors,
                figures=figures,
                about=about,
            )
            (front if chapter.front_matter else chapters).append(chapter)
        # sections other apps generate (reports.generated), e.g. the observatory's progress
        chapters = generated.add_generated_chapters(
            chapters,
            event=event,
            lang=lang,
            anchors=anchors,
            sources={s.source for s in every_section if s.kind == ReportSection.Kind.GENERATED},
        )

        return ReportDocument(
            lang=lang,
            title=report.title or event.title,
            subtitle=report.subtitle,
            kicker=event.series.name if event.series_id else "",
            dates=format_dates(event),
            place=", ".join(p for p in [event.venue, event.city, country_name(event.country)] if p),
            logos=logos,
            front=front,
            chapters=chapters,
            region=report.region_label,
            cover_image=report.cover_image.url if report.cover_image else "",
            back_cover=_html(report, "back_cover", lang, figures=figures),
            untranslated=untranslated_parts(
                report=report,
                lang=lang,
                sections=sections,
                themes=themes,
                findings=[f for fs in findings_by_theme.values() for f in fs]
                + [f for f in glance if f.theme_id is None],
            ),
        )


# --- what is left untranslated ------------------------------------------------------------------------


def untranslated_parts(
    *, report: Report, lang: str, sections=None, themes=None, findings=None, label_language: str | None = None
) -> list[str]:
    """Human-readable names of the texts that have no `lang` version and print in another language.

    The names are in `label_language` (default: `lang`, as the export lists them). Called with only
    `report`, it loads what it needs itself; `build_report_document` passes the rows it already has so
    that no query is repeated.
    """
    event = report.event
    if sections is None:
        sections = list(report.sections.filter(included=True).order_by("order", "pk"))
    if themes is None:
        themes = list(ReportTheme.objects.filter(event=event).order_by("order", "pk"))
    if findings is None:
        findings = list(CollatedFinding.objects.filter(event=event, in_report=True).order_by("order", "pk"))
    # First what is missing, with the texts as they print in `lang`; then the names, in `label_language`.
    missing_fields, missing_titles, missing_theme_fields, missing_findings = [], [], [], []
    with report_language(event, lang):
        missing_fields = [name for name in REPORT_TEXT_FIELDS if _is_untranslated(report, name, lang)]
        missing_titles = [
            s.title or s.body[:60]
            for s in sections
            if any(_is_untranslated(s, n, lang) for n in ("title", "body"))
        ]
        theme_titles = {theme.pk: theme.title for theme in themes}
        for theme in themes:
            for name in ("title", "introduction"):
                if _is_untranslated(theme, name, lang):
                    missing_theme_fields.append((theme.title, name))
        for finding in findings:
            if any(
                _is_untranslated(finding, name, lang) for name in ("subheading", "title", "text", "region")
            ):
                missing_findings.append((_shorten(finding.title or finding.text), finding.theme_id))
    parts: list[str] = []
    with translation.override(label_language or lang):
        labels = {
            f.name: str(f.verbose_name) for f in Report._meta.get_fields() if hasattr(f, "verbose_name")
        }
        for name in missing_fields:
            parts.append(gettext("Report: %(field)s") % {"field": labels.get(name, name)})
        for title in missing_titles:
            parts.append(gettext("Section title: %(title)s") % {"title": title})
        for theme_title, name in missing_theme_fields:
            parts.append(
                gettext("Theme “%(theme)s”: %(field)s")
                % {"theme": theme_title, "field": str(ReportTheme._meta.get_field(name).verbose_name)}
            )
        for start, theme_id in missing_findings:
            parts.append(
                gettext("Finding “%(start)s” (%(theme)s)")
                % {"start": start, "theme": theme_titles.get(theme_id, gettext("at a glance"))}
            )
    return parts


def _shorten(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def report_overview(*, report: Report) -> dict:
    """What the staff page shows: the report, its sections and, per language, the untranslated parts."""
    event = report.event
    sections = list(report.sections.order_by("order", "pk"))
    themes = list(ReportTheme.objects.filter(event=event).order_by("order", "pk"))
    findings = list(CollatedFinding.objects.filter(event=event, in_report=True).order_by("order", "pk"))
    included = [s for s in sections if s.included]
    fallback = default_language(event)
    current = translation.get_language() or fallback
    languages = []
    for code, name in settings.LANGUAGES:
        languages.append(
            {
                "code": code,
                "name": name,
                "is_default": code == fallback,
                "untranslated": untranslated_parts(
                    report=report,
                    lang=code,
                    sections=included,
                    themes=themes,
                    findings=findings,
                    label_language=current,
                ),
            }
        )
    with report_language(event, current):
        for section in sections:
            section.display_title = section.heading
            section.description = generated.description(section.source) if section.source else ""
    return {
        "report": report,
        "sections": sections,
        "languages": languages,
        "theme_count": len(themes),
        "finding_count": len(findings),
    }
