"""The outcome report: composition (which sections, in which order, in which language) and the
document the PDF and its HTML preview are made from.

Everything event-specific comes from the data: the editorial texts of `Report`, the order of its
`ReportSection` rows, the collated findings grouped by `ReportTheme`, the partners and the evaluation.
`build_report_document` turns them into plain dataclasses with every text resolved for one language
(falling back to the event's default language), so that templates only lay out what they receive and
the number of queries does not depend on the amount of content.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import formats, translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from events.models import Event, EventPartner

from ..models import (
    CollatedFinding,
    EvaluationAnswer,
    EvaluationQuestion,
    EvaluationResponse,
    FindingKind,
    Report,
    ReportSection,
    ReportTheme,
)

LANGUAGES = [code for code, _name in settings.LANGUAGES]

#: Editorial texts of a report, in the order of the edit form.
REPORT_TEXT_FIELDS = [
    "title",
    "subtitle",
    "acknowledgements",
    "disclaimer",
    "publisher",
    "introduction",
    "key_trends",
    "thematic_introduction",
    "future_directions",
    "about",
]

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

#: Heading of a section whose staff title is empty (translated when the document is built).
DEFAULT_SECTION_TITLES = {
    ReportSection.Kind.ACKNOWLEDGEMENTS: _("Acknowledgements"),
    ReportSection.Kind.INTRODUCTION: _("Introduction"),
    ReportSection.Kind.KEY_TRENDS: _("Key trends"),
    ReportSection.Kind.AT_A_GLANCE: _("At a glance"),
    ReportSection.Kind.IN_DETAIL: _("In detail"),
    ReportSection.Kind.THEMATIC: _("Thematic discussions"),
    ReportSection.Kind.SAFEGUARDING: _("Safeguarding"),
    ReportSection.Kind.EVALUATION: _("Evaluation by participants"),
    ReportSection.Kind.FUTURE_DIRECTIONS: _("Future directions"),
    ReportSection.Kind.ABOUT: _("About"),
}

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


class ReportError(Exception):
    """A request about the report that cannot be carried out (shown to the user as is)."""


# --- texts in one language ---------------------------------------------------------------------------


def default_language(event: Event) -> str:
    return event.default_language or settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def text_in(obj, field_name: str, lang: str, fallback: str) -> str:
    """The value of a translated field in `lang`, else in `fallback`, else in any language."""
    for code in [lang, fallback, *LANGUAGES]:
        value = getattr(obj, f"{field_name}_{code}", None) or ""
        if value.strip():
            return value
    return ""


def is_untranslated(obj, field_name: str, lang: str, fallback: str) -> bool:
    """Whether the field has text somewhere but none in `lang` (so the export shows another language)."""
    own = (getattr(obj, f"{field_name}_{lang}", None) or "").strip()
    return not own and bool(text_in(obj, field_name, lang, fallback).strip())


_BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)


def render_text(text: str) -> SafeString:
    """Plain text typed by staff or participants as HTML paragraphs.

    Everything is escaped first, so tags or URLs typed into a text stay text; then blank lines make
    paragraphs, single line breaks <br>, and **words** bold (the only mark-up the report knows).
    """
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n")) if p.strip()]
    html = []
    for paragraph in paragraphs:
        body = _BOLD.sub(r"<strong>\1</strong>", escape(paragraph)).replace("\n", "<br>")
        html.append(f"<p>{body}</p>")
    return mark_safe("\n".join(html))  # noqa: S308 - built from escaped text only


def source_language(obj, field_name: str, lang: str, fallback: str) -> str:
    """The language `text_in` takes the text from, or "" when it is `lang` itself."""
    for code in [lang, fallback, *LANGUAGES]:
        if (getattr(obj, f"{field_name}_{code}", None) or "").strip():
            return "" if code == lang else code
    return ""


def localized_text(obj, field_name: str, lang: str, fallback: str, *, inline: bool = False) -> SafeString:
    """A translated text as HTML; a text printed in another language is marked with its `lang`, so that
    screen readers switch voice and hyphenation follows that language."""
    text = text_in(obj, field_name, lang, fallback)
    html = render_inline(text) if inline else render_text(text)
    other = source_language(obj, field_name, lang, fallback)
    if not other or not html:
        return html
    tag = "span" if inline else "div"
    return mark_safe(f'<{tag} lang="{other}">{html}</{tag}>')  # noqa: S308 - html is escaped, other a code


def render_inline(text: str) -> SafeString:
    """One escaped paragraph's content (no <p>), with **bold** and line breaks."""
    body = _BOLD.sub(r"<strong>\1</strong>", escape((text or "").strip()))
    return mark_safe(body.replace("\r\n", "\n").replace("\n", "<br>"))  # noqa: S308 - escaped above


# --- composition: the report and its sections ----------------------------------------------------------


def get_or_create_report(*, event: Event) -> Report:
    """The event's report, created with the event's title and the default sections on first use."""
    report = Report.objects.filter(event=event).first()
    if report is not None:
        report.event = event  # spare a query later
        return report
    with transaction.atomic():
        fields = {f"title_{code}": getattr(event, f"title_{code}", "") or "" for code in LANGUAGES}
        fields["title"] = event.title
        report, created = Report.objects.get_or_create(event=event, defaults=fields)
        if created:
            ensure_default_sections(report=report)
    return report


def ensure_default_sections(*, report: Report) -> None:
    """Add the sections a report lacks, after the existing ones (evaluation off by default)."""
    existing = set(report.sections.values_list("kind", flat=True))
    order = report.sections.order_by("-order").values_list("order", flat=True).first() or 0
    for kind in DEFAULT_SECTION_ORDER:
        if kind in existing:
            continue
        order += 10
        ReportSection.objects.create(
            report=report,
            kind=kind,
            order=order,
            included=kind != ReportSection.Kind.EVALUATION or report.include_evaluation,
        )


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
        for position, section in enumerate(sections, start=1):
            if section.order != position * 10:
                section.order = position * 10
                section.save(update_fields=["order"])


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
    *, report: Report, lang: str, texts: dict[str, str], section_titles: dict[int, str]
) -> None:
    """Store the editorial texts and section titles typed for one language."""
    if lang not in LANGUAGES:
        raise ReportError(gettext("Unknown language."))
    with transaction.atomic():
        for name in REPORT_TEXT_FIELDS:
            if name in texts:
                setattr(report, f"{name}_{lang}", texts[name])
        report.full_clean()
        report.save()
        for section in report.sections.all():
            if section.pk in section_titles:
                setattr(section, f"title_{lang}", section_titles[section.pk])
                section.full_clean()
                section.save()


# --- the document ------------------------------------------------------------------------------------


@dataclass
class Entry:
    """A numbered or titled item: an at-a-glance trend, a recommendation, a paragraph."""

    number: str
    title: str
    html: SafeString


@dataclass
class CallOut:
    country: str
    html: SafeString


@dataclass
class Quote:
    html: SafeString
    attribution: str  # empty unless the speaker consented


@dataclass
class SubSection:
    title: str
    anchor: str
    entries: list[Entry] = field(default_factory=list)


@dataclass
class ThemeBlock:
    number: str
    title: str
    anchor: str
    intro: SafeString
    paragraphs: list[Entry] = field(default_factory=list)
    callouts: list[CallOut] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    recommendations: list[Entry] = field(default_factory=list)
    subsections: list[SubSection] = field(default_factory=list)


@dataclass
class RatingSummary:
    question: str
    count: int
    average: str
    bars: list[tuple[int, int, int]]  # (rating, answers, percent rounded to 5)


@dataclass
class Chapter:
    kind: str
    title: str
    anchor: str
    html: SafeString = mark_safe("")
    entries: list[Entry] = field(default_factory=list)
    themes: list[ThemeBlock] = field(default_factory=list)
    ratings: list[RatingSummary] = field(default_factory=list)
    responses: int = 0
    front_matter: bool = False
    disclaimer: SafeString = mark_safe("")
    publisher: SafeString = mark_safe("")
    disclaimer_title: str = ""

    @property
    def toc_children(self) -> list[tuple[str, str, int]]:
        """(title, anchor, level) of the entries under this chapter in the table of contents."""
        children = []
        for theme in self.themes:
            if self.kind == ReportSection.Kind.IN_DETAIL:
                continue
            children.append((theme.title, theme.anchor, 2))
            for sub in theme.subsections:
                children.append((sub.title, sub.anchor, 3))
        return children


@dataclass
class Logo:
    name: str
    url: str
    alt: str


@dataclass
class ReportDocument:
    lang: str
    title: str
    subtitle: str
    kicker: str
    dates: str
    place: str
    logos: list[Logo]
    front: list[Chapter]
    chapters: list[Chapter]
    untranslated: list[str]


def format_dates(event: Event) -> str:
    """'3–7 June 2024' in the active language (month and year once when they are shared)."""
    start, end = event.start_date, event.end_date
    # Translators: a date on the report's cover, in Django's date format syntax (day month year).
    full = pgettext("report date", "j F Y")
    if start == end:
        return formats.date_format(end, full)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{formats.date_format(end, full)}"
    return f"{formats.date_format(start, full)} – {formats.date_format(end, full)}"


def _country_name(code) -> str:
    code = str(code or "")
    return str(countries.name(code)) if code else ""


class _Anchors:
    """Unique, readable ids for headings (the TOC and bookmarks point at them)."""

    def __init__(self):
        self.used: set[str] = set()

    def __call__(self, text: str, prefix: str) -> str:
        base = f"{prefix}-{slugify(text)[:40]}".rstrip("-") or prefix
        anchor, n = base, 2
        while anchor in self.used:
            anchor, n = f"{base}-{n}", n + 1
        self.used.add(anchor)
        return anchor


def _theme_block(theme, findings, *, number: str, lang: str, fallback: str, anchors: _Anchors) -> ThemeBlock:
    title = text_in(theme, "title", lang, fallback)
    block = ThemeBlock(
        number=number,
        title=title,
        anchor=anchors(title, "theme"),
        intro=localized_text(theme, "introduction", lang, fallback),
    )
    groups: dict[str, SubSection] = {}
    for finding in findings:
        html = localized_text(finding, "text", lang, fallback, inline=True)
        heading = text_in(finding, "title", lang, fallback)
        if finding.kind == FindingKind.QUOTE:
            attribution = ""
            if finding.attribution_consent:
                parts = [finding.speaker_organisation.strip(), _country_name(finding.country)]
                attribution = " - ".join(part for part in parts if part)
            block.quotes.append(Quote(html=html, attribution=attribution))
        elif finding.kind == FindingKind.COUNTRY_OBSERVATION and finding.country:
            block.callouts.append(CallOut(country=_country_name(finding.country).upper(), html=html))
        elif theme.kind == ReportTheme.Kind.SAFEGUARDING and text_in(finding, "subheading", lang, fallback):
            sub_title = text_in(finding, "subheading", lang, fallback)
            if sub_title not in groups:
                groups[sub_title] = SubSection(title=sub_title, anchor=anchors(sub_title, "sub"))
                block.subsections.append(groups[sub_title])
            entries = groups[sub_title].entries
            entries.append(Entry(number=str(len(entries) + 1), title=heading, html=html))
        elif finding.kind == FindingKind.RECOMMENDATION and theme.kind != ReportTheme.Kind.DETAIL:
            block.recommendations.append(
                Entry(number=str(len(block.recommendations) + 1), title=heading, html=html)
            )
        else:
            block.paragraphs.append(
                Entry(
                    number=f"{number}.{len(block.paragraphs) + 1}" if number else "",
                    title=heading,
                    html=html,
                )
            )
    return block


def _rating_summaries(event: Event, lang: str, fallback: str) -> tuple[list[RatingSummary], int]:
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
                question=text_in(question, "text", lang, fallback),
                count=total,
                average=formats.number_format(average, 1),
                bars=bars,
            )
        )
    return summaries, responses


def build_report_document(*, event: Event, lang: str) -> ReportDocument:
    """Everything the report template shows, for one language, in a fixed number of queries."""
    if lang not in LANGUAGES:
        raise ReportError(gettext("Unknown language."))
    report = get_or_create_report(event=event)
    fallback = default_language(event)
    anchors = _Anchors()
    with translation.override(lang):
        sections = list(report.sections.filter(included=True).order_by("order", "pk"))
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
        logos = []
        for partner in (
            EventPartner.objects.filter(event=event).select_related("organisation").order_by("order", "pk")
        ):
            organisation = partner.organisation
            if organisation.logo:
                alt = text_in(organisation, "logo_alt", lang, fallback) or organisation.name
                logos.append(Logo(name=organisation.name, url=organisation.logo.url, alt=alt))

        front, chapters = [], []
        detail_number = 0
        for section in sections:
            title = text_in(section, "title", lang, fallback) or str(DEFAULT_SECTION_TITLES[section.kind])
            chapter = Chapter(kind=section.kind, title=title, anchor=anchors(title, "chapter"))
            if section.kind == ReportSection.Kind.ACKNOWLEDGEMENTS:
                chapter.front_matter = True
                chapter.html = localized_text(report, "acknowledgements", lang, fallback)
                chapter.disclaimer = localized_text(report, "disclaimer", lang, fallback)
                chapter.disclaimer_title = gettext("Disclaimer")
                chapter.publisher = localized_text(report, "publisher", lang, fallback)
                front.append(chapter)
                continue
            if section.kind in EDITORIAL_FIELDS:
                chapter.html = localized_text(report, EDITORIAL_FIELDS[section.kind], lang, fallback)
            elif section.kind == ReportSection.Kind.AT_A_GLANCE:
                chapter.entries = [
                    Entry(
                        number=str(i),
                        title=text_in(f, "title", lang, fallback),
                        html=localized_text(f, "text", lang, fallback, inline=True),
                    )
                    for i, f in enumerate(glance, start=1)
                ]
            elif section.kind in THEME_KIND_FOR_SECTION:
                theme_kind = THEME_KIND_FOR_SECTION[section.kind]
                if section.kind == ReportSection.Kind.THEMATIC:
                    chapter.html = localized_text(report, "thematic_introduction", lang, fallback)
                for theme in themes:
                    if theme.kind != theme_kind:
                        continue
                    number = ""
                    if theme_kind == ReportTheme.Kind.DETAIL:
                        detail_number += 1
                        number = str(detail_number)
                    chapter.themes.append(
                        _theme_block(
                            theme,
                            findings_by_theme.get(theme.pk, []),
                            number=number,
                            lang=lang,
                            fallback=fallback,
                            anchors=anchors,
                        )
                    )
            elif section.kind == ReportSection.Kind.EVALUATION:
                chapter.ratings, chapter.responses = _rating_summaries(event, lang, fallback)
            chapters.append(chapter)

        return ReportDocument(
            lang=lang,
            title=text_in(report, "title", lang, fallback) or text_in(event, "title", lang, fallback),
            subtitle=text_in(report, "subtitle", lang, fallback),
            kicker=(text_in(event.series, "name", lang, fallback) if event.series_id else ""),
            dates=format_dates(event),
            place=", ".join(p for p in [event.venue, event.city, _country_name(event.country)] if p),
            logos=logos,
            front=front,
            chapters=chapters,
            untranslated=untranslated_parts(
                report=report,
                lang=lang,
                sections=sections,
                themes=themes,
                findings=[f for fs in findings_by_theme.values() for f in fs]
                + [f for f in glance if f.theme_id is None],
            ),
        )


def untranslated_parts(
    *, report: Report, lang: str, sections=None, themes=None, findings=None, label_language: str | None = None
) -> list[str]:
    """Human-readable names of the texts that have no `lang` version and print in another language.

    The names are in `label_language` (default: `lang`, as the export lists them). Called with only
    `report`, it loads what it needs itself; `build_report_document` passes the rows it already has so
    that no query is repeated.
    """
    event = report.event
    fallback = default_language(event)
    if sections is None:
        sections = list(report.sections.filter(included=True).order_by("order", "pk"))
    if themes is None:
        themes = list(ReportTheme.objects.filter(event=event).order_by("order", "pk"))
    if findings is None:
        findings = list(CollatedFinding.objects.filter(event=event, in_report=True).order_by("order", "pk"))
    parts: list[str] = []
    with translation.override(label_language or lang):
        labels = {
            f.name: str(f.verbose_name) for f in Report._meta.get_fields() if hasattr(f, "verbose_name")
        }
        for name in REPORT_TEXT_FIELDS:
            if is_untranslated(report, name, lang, fallback):
                parts.append(gettext("Report: %(field)s") % {"field": labels.get(name, name)})
        for section in sections:
            if is_untranslated(section, "title", lang, fallback):
                parts.append(
                    gettext("Section title: %(title)s") % {"title": text_in(section, "title", lang, fallback)}
                )
        theme_titles = {}
        for theme in themes:
            theme_titles[theme.pk] = text_in(theme, "title", lang, fallback)
            for name in ("title", "introduction"):
                if is_untranslated(theme, name, lang, fallback):
                    parts.append(
                        gettext("Theme “%(theme)s”: %(field)s")
                        % {
                            "theme": theme_titles[theme.pk],
                            "field": str(ReportTheme._meta.get_field(name).verbose_name),
                        }
                    )
        for finding in findings:
            missing = [
                name
                for name in ("subheading", "title", "text")
                if is_untranslated(finding, name, lang, fallback)
            ]
            if missing:
                parts.append(
                    gettext("Finding “%(start)s” (%(theme)s)")
                    % {
                        "start": _shorten(
                            text_in(finding, "title", lang, fallback)
                            or text_in(finding, "text", lang, fallback)
                        ),
                        "theme": theme_titles.get(finding.theme_id, gettext("at a glance")),
                    }
                )
    return parts


def _shorten(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def report_overview(*, event: Event) -> dict:
    """What the staff page shows: the report, its sections and, per language, the untranslated parts."""
    report = get_or_create_report(event=event)
    ensure_default_sections(report=report)
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
    for section in sections:
        section.display_title = text_in(section, "title", current, fallback) or str(
            DEFAULT_SECTION_TITLES[section.kind]
        )
    return {
        "report": report,
        "sections": sections,
        "languages": languages,
        "theme_count": len(themes),
        "finding_count": len(findings),
    }


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
    from django.template.loader import render_to_string

    document = build_report_document(event=event, lang=lang)
    with translation.override(lang):
        return render_to_string(
            "reports/outcome/document.html",
            {"doc": document, "event": event, "preview": preview, **(extra or {})},
        ), document


def export_report_pdf(*, event: Event, lang: str, stats: dict | None = None) -> ReportExport:
    """The outcome report as a PDF in `lang` (tagged PDF/UA-1), with the parts left untranslated.

    `stats`, if given, receives the seconds spent making the HTML and in WeasyPrint (for the benchmark).
    """
    from events.pdf import page_label_css, render_pdf

    stats = {} if stats is None else stats
    started = time.perf_counter()
    html, document = render_report_html(event=event, lang=lang)
    with translation.override(lang):
        extra_css = page_label_css(gettext("Page %(page)s of %(pages)s"))
    stats["html_seconds"] = time.perf_counter() - started
    content = render_pdf(html, extra_css=extra_css, stats=stats)
    return ReportExport(
        content=content,
        content_type="application/pdf",
        filename=f"{event.slug}-report-{lang}.pdf",
        untranslated=document.untranslated,
    )
