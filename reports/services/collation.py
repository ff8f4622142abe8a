"""Collation for the report: searching every finding of an event, collecting findings into report themes,
merging duplicates while keeping their provenance, ordering and choosing the trends "at a glance"."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from ..models import CollatedFinding, ConsolidationRecord, Finding, ReportTheme

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
        findings = findings.filter(Q(text__icontains=words) | Q(title__icontains=words))
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


def _next_order(theme: ReportTheme, kind: str) -> int:
    return (CollatedFinding.objects.filter(theme=theme, kind=kind).aggregate(m=Max("order"))["m"] or 0) + 1


@transaction.atomic
def collect_into_theme(*, event, theme: ReportTheme, findings) -> list[CollatedFinding]:
    """Make a collated finding in `theme` from each finding (wording in the record's language), with the
    finding as its source. Findings already collected into this theme are skipped."""
    if theme.event_id != event.pk:
        raise ValidationError(_("This theme belongs to another event."))
    created = []
    already = set(
        Finding.objects.filter(collated_into__theme=theme, pk__in=[f.pk for f in findings]).values_list(
            "pk", flat=True
        )
    )
    for finding in findings:
        if finding.record.event_id != event.pk:
            raise ValidationError(_("A finding belongs to another event."))
        if finding.pk in already:
            continue
        language = finding.record.language
        item = CollatedFinding(
            event=event,
            theme=theme,
            kind=finding.section,
            country=finding.country,
            speaker_organisation=finding.speaker_organisation,
            attribution_consent=finding.attribution_consent,
            order=_next_order(theme, finding.section),
        )
        setattr(item, f"text_{language}", finding.text)
        setattr(item, f"title_{language}", finding.title)
        item.save()
        item.sources.add(finding)
        created.append(item)
    return created


@transaction.atomic
def merge_collated(*, keep: CollatedFinding, others) -> CollatedFinding:
    """Fold duplicates into `keep`: their sources join its sources (provenance), then they go.
    A flag set on any of them (at a glance, in the report) stays set on the merged item."""
    others = [o for o in others if o.pk != keep.pk]
    if any(o.event_id != keep.event_id for o in others):
        raise ValidationError(_("Only findings of the same event can be merged."))
    for other in others:
        keep.sources.add(*other.sources.all())
        keep.at_a_glance = keep.at_a_glance or other.at_a_glance
        keep.in_report = keep.in_report or other.in_report
        # A quote keeps its attribution only if every merged speaker consented.
        if keep.kind == "quote":
            keep.attribution_consent = keep.attribution_consent and other.attribution_consent
        other.delete()
    keep.save()
    return keep


@transaction.atomic
def renumber(*, theme: ReportTheme) -> None:
    """Number the theme's items 1, 2, 3... per kind in their present order."""
    counters: dict[str, int] = {}
    for item in CollatedFinding.objects.filter(theme=theme).order_by("kind", "order", "pk"):
        counters[item.kind] = counters.get(item.kind, 0) + 1
        if item.order != counters[item.kind]:
            item.order = counters[item.kind]
            item.save(update_fields=["order"])


@transaction.atomic
def move(*, item: CollatedFinding, direction: int) -> None:
    """Swap an item with its neighbour (same theme and kind) up (-1) or down (+1)."""
    siblings = list(CollatedFinding.objects.filter(theme=item.theme, kind=item.kind).order_by("order", "pk"))
    index = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    other = index + direction
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    for number, sibling in enumerate(siblings, start=1):
        if sibling.order != number:
            sibling.order = number
            sibling.save(update_fields=["order"])


@transaction.atomic
def set_glance_order(*, event, orders: dict[int, int | None]) -> None:
    """{collated id: position or None}: None removes an item from the trends "at a glance"."""
    for item in CollatedFinding.objects.filter(event=event, pk__in=orders):
        position = orders[item.pk]
        item.at_a_glance = position is not None
        item.glance_order = position or 0
        item.save(update_fields=["at_a_glance", "glance_order"])


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
        .order_by("kind", "order", "pk")
    )
