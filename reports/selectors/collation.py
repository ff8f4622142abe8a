"""Reading the collation: the search over every finding of an event, the report themes with their
collated findings and where each came from, and the trends "at a glance"."""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import Case, CharField, Count, Prefetch, Q, QuerySet, Value, When

from sessions_app.models import BreakoutGroup, Rotation, Table

from ..models import CollatedFinding, ConsolidationRecord, Finding, FindingKind, ReportTheme

FINDING_RELATED = (
    "record__table__session__agenda_item__day",
    "record__rotation",
    "record__group__agenda_item__day",
    "record__agenda_item__day",
)


def search_findings(*, event, filters: dict) -> QuerySet[Finding]:
    """Every finding of the event's submitted or accepted records (drafts are the facilitators' own),
    filtered by theme, country, table, rotation, day, language, section and words. Constant query count:
    the caller iterates a queryset with its relations joined and the themes prefetched."""
    findings = Finding.objects.filter(
        record__event=event,
        record__status__in=[ConsolidationRecord.Status.SUBMITTED, ConsolidationRecord.Status.ACCEPTED],
    )
    if theme := filters.get("theme"):
        if theme == "none":
            findings = findings.filter(collated_into__isnull=True)
        else:
            findings = findings.filter(collated_into__theme=theme)
    if country := filters.get("country"):
        findings = findings.filter(country=country)
    if table := filters.get("table"):
        findings = findings.filter(record__table=table)
    if rotation := filters.get("rotation"):
        findings = findings.filter(record__rotation__number=rotation)
    if group := filters.get("group"):
        findings = findings.filter(record__group=group)
    if day := filters.get("day"):
        findings = findings.filter(
            Q(record__table__session__agenda_item__day=day)
            | Q(record__group__agenda_item__day=day)
            | Q(record__agenda_item__day=day, record__table__isnull=True, record__group__isnull=True)
        )
    if language := filters.get("language"):
        findings = findings.filter(record__language=language)
    if section := filters.get("section"):
        findings = findings.filter(section=section)
    if words := (filters.get("q") or "").strip():
        findings = _matching_words(findings, words)
    return (
        findings.distinct()
        .select_related(*FINDING_RELATED)
        .prefetch_related(
            Prefetch("collated_into", queryset=CollatedFinding.objects.select_related("theme").order_by("pk"))
        )
        .order_by(
            "record__table__number",
            "record__rotation__number",
            "record__group__order",
            "record_id",
            "section",
            "order",
            "pk",
        )
    )


# PostgreSQL's text search configuration for each record language: stems word forms in that language.
TEXT_SEARCH_CONFIGS = {
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "pt-br": "portuguese",
}


def _matching_words(findings: QuerySet[Finding], words: str) -> QuerySet[Finding]:
    """Findings whose title or text holds every word, as whole words in any of their forms: PostgreSQL's
    full-text search in the record's language ("explotación" finds "explotaciones"); elsewhere a
    whole-word match that also accepts a plural ending. "AI" never matches "against" or "training"."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        config = Case(
            *[When(record__language=code, then=Value(name)) for code, name in TEXT_SEARCH_CONFIGS.items()],
            default=Value("simple"),
            output_field=CharField(),
        )
        return findings.annotate(words_vector=SearchVector("title", "text", config=config)).filter(
            words_vector=SearchQuery(words, config=config)
        )
    for word in re.findall(r"\w+", words):
        pattern = rf"\b{re.escape(word)}(s|es)?\b"
        findings = findings.filter(Q(text__iregex=pattern) | Q(title__iregex=pattern))
    return findings


def search_choices(event) -> dict:
    """What the search form offers to filter by (besides themes): tables, rotation numbers, groups, days."""
    return {
        "tables": Table.objects.filter(session__event=event).order_by("session_id", "number"),
        "rotations": sorted(
            set(Rotation.objects.filter(session__event=event).values_list("number", flat=True))
        ),
        "groups": BreakoutGroup.objects.filter(agenda_item__day__event=event),
        "days": event.days.all(),
    }


def themes_with_counts(event) -> QuerySet[ReportTheme]:
    """The event's themes, each with `total` collated findings and how many are `in_report`."""
    return ReportTheme.objects.filter(event=event).annotate(
        total=Count("collated_findings"),
        in_report=Count("collated_findings", filter=Q(collated_findings__in_report=True)),
    )


def collated_findings(event, ids) -> list[CollatedFinding]:
    """The event's collated findings among `ids` (ids of another event are left out), in theme order."""
    return list(CollatedFinding.objects.filter(event=event, pk__in=ids).order_by("order", "pk"))


def glance_chosen(event) -> QuerySet[CollatedFinding]:
    return (
        CollatedFinding.objects.filter(event=event, at_a_glance=True)
        .select_related("theme")
        .order_by("glance_order", "pk")
    )


def glance_candidates(event) -> QuerySet[CollatedFinding]:
    """Key trends not yet "at a glance", in the order of their themes."""
    return (
        CollatedFinding.objects.filter(event=event, at_a_glance=False, kind=FindingKind.TREND)
        .select_related("theme")
        .order_by("theme__order", "order", "pk")
    )


def provenance(item: CollatedFinding) -> list[str]:
    """Where a collated finding came from: the labels of its sources' records, without repeats."""
    labels = []
    for source in item.sources.all():
        label = source.record.label
        if label not in labels:
            labels.append(label)
    return labels


def theme_items(theme: ReportTheme) -> QuerySet[CollatedFinding]:
    return (
        theme.collated_findings.all()
        .prefetch_related(
            Prefetch(
                "sources",
                queryset=Finding.objects.select_related(
                    "record__table", "record__rotation", "record__group", "record__agenda_item"
                ).order_by("pk"),
            )
        )
        .order_by("order", "pk")
    )


def theme_groups(theme: ReportTheme) -> list[tuple[str, list]]:
    """The theme page: [(kind label, [(collated finding, provenance)])], the items in the order the report
    prints them, consecutive items of one kind under one label (as the report groups them in blocks)."""
    labels = dict(FindingKind.choices)
    groups: list[tuple[str, list]] = []
    last_kind = None
    for item in theme_items(theme):
        if item.kind != last_kind:
            groups.append((labels.get(item.kind, item.kind), []))
            last_kind = item.kind
        groups[-1][1].append((item, provenance(item)))
    return groups
