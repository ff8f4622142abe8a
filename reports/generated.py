"""Sections of the outcome report that a higher app generates from its own data.

`reports` may not import the apps above it (docs/architecture.md), yet an event's report can print what
they know: the observatory's "Progress since the previous edition" for an event of a series. Such an app
registers a builder from its `AppConfig.ready()`:

    from reports.generated import register_section

    register_section(
        "observatory.progress",
        build=build_progress_section,
        title=_("Progress since the previous edition"),
        description=_("Commitments made at the previous edition of the series, and their progress."),
    )

`build(event=..., lang=...)` is called while the report is assembled, inside the report's language (the
event's fallback active), and returns a `GeneratedSection` (title and HTML) or None when it has nothing
to say for this event. The HTML is the builder's responsibility: escape what users typed (render it with
a template).

Each report has one section of kind "generated" per registered builder (`source` is its key), added by
`services.outcome.ensure_default_sections` before the section of kind `before` (default: "Future
directions"). Staff move it, rename it and leave it out like any other section. A report that has no such
section yet (made before the builder was registered, or imported) prints the chapter at that default
place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.safestring import SafeString

from .models import ReportSection


@dataclass(frozen=True)
class GeneratedSection:
    title: str
    html: SafeString


@dataclass(frozen=True)
class _Builder:
    key: str
    build: Callable[..., GeneratedSection | None]
    before: str
    title: str  # lazy: the section's heading when staff gave none
    description: str  # lazy: what the section holds, for the staff's list of sections


_builders: dict[str, _Builder] = {}


def register_section(
    key: str,
    *,
    build: Callable[..., GeneratedSection | None],
    title: str,
    description: str = "",
    before: str = ReportSection.Kind.FUTURE_DIRECTIONS,
) -> None:
    """Register (or replace, by `key`) a generated section of the outcome report."""
    _builders[key] = _Builder(key=key, build=build, before=str(before), title=title, description=description)


def registered_keys() -> list[str]:
    return list(_builders)


def default_place(key: str) -> str:
    """The kind of section before which a new report places the section `key`."""
    return _builders[key].before


def default_title(key: str) -> str:
    """The heading of the section `key` when staff gave it none (a section of an unknown key, whose app
    is gone, is named generically)."""
    from .models.outcome import DEFAULT_SECTION_TITLES

    builder = _builders.get(key)
    return str(builder.title if builder else DEFAULT_SECTION_TITLES[ReportSection.Kind.GENERATED])


def description(key: str) -> str:
    builder = _builders.get(key)
    return str(builder.description) if builder else ""


def _chapter(key: str, *, event, lang: str, anchors, title: str = ""):
    from .document import Chapter

    builder = _builders.get(key)
    section = builder.build(event=event, lang=lang) if builder else None
    if section is None:
        return None
    heading = title or section.title
    return Chapter(
        kind=f"generated-{key.replace('.', '-')}",
        title=heading,
        anchor=anchors(heading, "chapter"),
        html=section.html,
    )


def generated_chapter(section: ReportSection, *, event, lang: str, anchors):
    """The chapter of a section of kind "generated", or None when its builder has nothing to print."""
    return _chapter(section.source, event=event, lang=lang, anchors=anchors, title=section.title)


def add_generated_chapters(chapters: list, *, event, lang: str, anchors, sources: set[str]) -> list:
    """`chapters` (reports.document.Chapter) with the registered sections that the report has no section
    for (`sources`: the keys it has, included or not) at their default place; called by
    `reports.selectors.outcome.build_report_document` inside the report's language."""
    result = list(chapters)
    for builder in _builders.values():
        if builder.key in sources:
            continue
        chapter = _chapter(builder.key, event=event, lang=lang, anchors=anchors)
        if chapter is None:
            continue
        position = next((i for i, c in enumerate(result) if c.kind == builder.before), len(result))
        result.insert(position, chapter)
    return result
