"""The outcome report as plain dataclasses: what `reports/outcome/document.html` lays out, for the PDF
and the staff preview alike. `reports.selectors.outcome.build_report_document` fills them, every text
already in the document's language; nothing here reads the database."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import formats
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import pgettext
from django_countries import countries

from events.models import Event

from .models import ReportSection


@dataclass
class Entry:
    """A numbered or titled item: an at-a-glance trend, a recommendation, a paragraph."""

    number: str
    title: str
    html: SafeString
    anchor: str = ""  # "finding-<pk>" for a collated finding: pages that cite the PDF look it up


@dataclass
class CallOut:
    country: str
    html: SafeString
    anchor: str = ""


@dataclass
class Quote:
    html: SafeString
    attribution: str  # empty unless the speaker consented


@dataclass
class SubSection:
    title: str
    anchor: str


@dataclass
class Block:
    """Consecutive findings of one kind inside a theme, in the order the editors gave them.

    kind: "paragraphs" (label: "Key trends", "Challenges"... or ""), "callouts", "quote",
    "recommendations" (label: the heading before the first list) or "subsection" (label: its heading).
    """

    kind: str
    label: str = ""
    anchor: str = ""
    entries: list = field(default_factory=list)


@dataclass
class ThemeBlock:
    number: str
    title: str
    anchor: str
    intro: SafeString = mark_safe("")
    blocks: list[Block] = field(default_factory=list)
    subsections: list[SubSection] = field(default_factory=list)
    show_title: bool = True

    def of_kind(self, kind: str) -> list:
        return [entry for block in self.blocks if block.kind == kind for entry in block.entries]

    @property
    def recommendations(self) -> list[Entry]:
        return self.of_kind("recommendations")

    @property
    def callouts(self) -> list[CallOut]:
        return self.of_kind("callouts")

    @property
    def quotes(self) -> list[Quote]:
        return self.of_kind("quote")


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
    designer: str = ""
    about: list[AboutPage] = field(default_factory=list)

    @property
    def toc_children(self) -> list[tuple[str, str, int]]:
        """(title, anchor, level) of the entries under this chapter in the table of contents: themes and
        their sub-headings (a theme printed without its own heading lends its sub-headings its level)."""
        children = []
        for theme in self.themes:
            if self.kind == ReportSection.Kind.IN_DETAIL:
                continue
            if theme.show_title:
                children.append((theme.title, theme.anchor, 2))
            for sub in theme.subsections:
                children.append((sub.title, sub.anchor, 3 if theme.show_title else 2))
        for page in self.about:
            children.append((page.title, page.anchor, 2))
        return children


@dataclass
class AboutPage:
    """ "About <organisation>", from the organisation's own description."""

    title: str
    anchor: str
    html: SafeString
    logo: Logo | None = None


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
    region: str = ""
    cover_image: str = ""
    back_cover: SafeString = mark_safe("")


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


def country_name(code) -> str:
    code = str(code or "")
    return str(countries.name(code)) if code else ""


def finding_anchor(finding) -> str:
    """The id of a collated finding where the report prints it (at a glance: `glance-<pk>`)."""
    return f"finding-{finding.pk}"


class Anchors:
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
