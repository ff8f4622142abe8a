"""Collation for the report: collecting findings into report themes, merging duplicates while keeping
their provenance, ordering and choosing the trends "at a glance". The search is in selectors/collation.py."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from ..errors import CollationError
from ..models import CollatedFinding, Finding, ReportTheme


def _next_order(theme: ReportTheme) -> int:
    """After the theme's last item: a theme's items print in one order, whatever their kinds."""
    return (CollatedFinding.objects.filter(theme=theme).aggregate(m=Max("order"))["m"] or 0) + 1


@transaction.atomic
def collect_into_theme(*, event, theme: ReportTheme, findings) -> list[CollatedFinding]:
    """Make a collated finding in `theme` from each finding (wording in the record's language), with the
    finding as its source. Findings already collected into this theme are skipped."""
    if theme.event_id != event.pk:
        raise CollationError(_("This theme belongs to another event."))
    created = []
    already = set(
        Finding.objects.filter(collated_into__theme=theme, pk__in=[f.pk for f in findings]).values_list(
            "pk", flat=True
        )
    )
    for finding in findings:
        if finding.record.event_id != event.pk:
            raise CollationError(_("A finding belongs to another event."))
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
            order=_next_order(theme),
        )
        setattr(item, build_localized_fieldname("text", language), finding.text)
        setattr(item, build_localized_fieldname("title", language), finding.title)
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
        raise CollationError(_("Only findings of the same event can be merged."))
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


def delete_collated(*, item: CollatedFinding) -> None:
    """Take a collated finding out of the report; its source findings stay in their records."""
    item.delete()


@transaction.atomic
def renumber(*, theme: ReportTheme) -> None:
    """Number the theme's items 1, 2, 3... in their present order (the order the report prints them in)."""
    for number, item in enumerate(CollatedFinding.objects.filter(theme=theme).order_by("order", "pk"), 1):
        if item.order != number:
            item.order = number
            item.save(update_fields=["order"])


@transaction.atomic
def move(*, item: CollatedFinding, direction: int) -> None:
    """Swap an item with its neighbour in the theme up (-1) or down (+1), whatever its kind: a quote may
    come between two call-outs, recommendations before a trend."""
    siblings = list(CollatedFinding.objects.filter(theme=item.theme).order_by("order", "pk"))
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
