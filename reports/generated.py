"""Sections of the outcome report that a higher app generates from its own data.

`reports` may not import the apps above it (docs/architecture.md), yet an event's report can print what
they know: the observatory's "Progress since the previous edition" for an event of a series. Such an app
registers a builder from its `AppConfig.ready()`:

    from reports.generated import register_section

    register_section("observatory.progress", build=build_progress_section)

`build(event=..., lang=...)` is called while the report is assembled, inside the report's language (the
event's fallback active), and returns a `GeneratedSection` (title and HTML) or None when it has nothing
to say for this event. The chapter goes before the first chapter of kind `before` (default: "Future
directions"), or at the end when the report has none. The HTML is the builder's responsibility: escape
what users typed (render it with a template).
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


_builders: dict[str, _Builder] = {}


def register_section(
    key: str,
    *,
    build: Callable[..., GeneratedSection | None],
    before: str = ReportSection.Kind.FUTURE_DIRECTIONS,
) -> None:
    """Register (or replace, by `key`) a generated section of the outcome report."""
    _builders[key] = _Builder(key=key, build=build, before=str(before))


def registered_keys() -> list[str]:
    return list(_builders)


def add_generated_chapters(chapters: list, *, event, lang: str, anchors) -> list:
    """`chapters` (reports.document.Chapter) with the registered sections inserted; called by
    `reports.selectors.outcome.build_report_document` inside the report's language."""
    from .document import Chapter

    result = list(chapters)
    for builder in _builders.values():
        section = builder.build(event=event, lang=lang)
        if section is None:
            continue
        chapter = Chapter(
            kind=f"generated-{builder.key.replace('.', '-')}",
            title=section.title,
            anchor=anchors(section.title, "chapter"),
            html=section.html,
        )
        position = next((i for i, c in enumerate(result) if c.kind == builder.before), len(result))
        result.insert(position, chapter)
    return result
