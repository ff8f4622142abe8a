"""Observatory entries: writing them (by editors, or from a published outcome report), and keeping their
search columns current. Every function that changes an entry's texts, terms, countries or regions calls
`index_entries` itself: there is no trigger and no signal."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from events.models import Audience, Event
from reports.models import CollatedFinding, ConsolidationRecord, Finding, FindingKind, Report, ReportTheme
from reports.models import ReportSection as Section

from ..errors import NoReportToPublish
from ..models import Entry, EntryCountry, Region, SourceEvent
from ..search import localized, portal_languages
from .indexing import index_entries, refresh_tallies  # noqa: F401  (also imported from here)

#: Which collated findings become entries, and as what.
REPORT_KINDS = {
    FindingKind.RECOMMENDATION: Entry.Kind.RECOMMENDATION,
    FindingKind.COUNTRY_OBSERVATION: Entry.Kind.COUNTRY_OBSERVATION,
    FindingKind.TREND: Entry.Kind.TREND,
}
#: The report section that prints the findings of each kind of report theme.
THEME_SECTIONS = {
    ReportTheme.Kind.DETAIL: Section.Kind.IN_DETAIL,
    ReportTheme.Kind.THEMATIC: Section.Kind.THEMATIC,
    ReportTheme.Kind.SAFEGUARDING: Section.Kind.SAFEGUARDING,
}


def get_source_event(*, event: Event) -> SourceEvent:
    source, _ = SourceEvent.objects.get_or_create(event=event)
    return source


# --- editors' entries -------------------------------------------------------------------------------


def set_places(*, entry: Entry, countries: Iterable[str], regions: Iterable[Region]) -> None:
    codes = sorted({str(code) for code in countries if code})
    entry.countries.exclude(country__in=codes).delete()
    existing = set(entry.countries.values_list("country", flat=True))
    EntryCountry.objects.bulk_create(
        [EntryCountry(entry=entry, country=code) for code in codes if code not in existing]
    )
    entry.regions.set(regions)


@transaction.atomic
def save_entry(*, entry: Entry, terms=(), countries=(), regions=()) -> Entry:
    """Save an entry an editor wrote (its fields already set, e.g. by a form), with its terms, countries
    and regions, and index it. The year is the event's."""
    entry.year = entry.event.start_date.year
    entry.save()
    entry.terms.set(terms)
    set_places(entry=entry, countries=countries, regions=regions)
    index_entries(entries=[entry])
    return entry


def delete_entry(*, entry: Entry) -> None:
    """Delete an entry with its commitments and their updates, and recount its event's tallies."""
    event_id = entry.event_id
    entry.delete()
    refresh_tallies(event_ids=[event_id])


# --- entries from a published outcome report ----------------------------------------------------------


def _closed(item) -> bool:
    # A closed day stays closed for every item on it, a track for other participants included.
    return item is not None and Audience.MEMBERS in (item.audience, item.day.audience)


def _from_closed_day(finding: Finding) -> bool:
    """Whether a finding was found on a closed day (or a members-only item): it must leave no trace."""
    record = finding.record
    items = []
    if record.table_id:
        items = [
            record.table.session.agenda_item,
            record.rotation.agenda_item if record.rotation_id else None,
        ]
    elif record.group_id:
        items = [record.group.agenda_item]
    elif record.agenda_item_id:
        items = [record.agenda_item]
    return any(_closed(item) for item in items)


def report_findings(*, event: Event) -> list[CollatedFinding]:
    """The collated findings of the event's report that may become public entries: recommendations,
    country observations and trends the report prints (in the report, in a theme whose section is
    included, or a trend at a glance), every source of which is an accepted record's finding from a day
    that is not closed."""
    report = Report.objects.filter(event=event).first()
    if report is None:
        raise NoReportToPublish()
    included = set(report.sections.filter(included=True).values_list("kind", flat=True))
    sources = Finding.objects.select_related(
        "record__table__session__agenda_item__day",
        "record__rotation__agenda_item__day",
        "record__group__agenda_item__day",
        "record__agenda_item__day",
    )
    items = (
        CollatedFinding.objects.filter(event=event, in_report=True, kind__in=list(REPORT_KINDS))
        .select_related("theme")
        .prefetch_related(Prefetch("sources", queryset=sources))
        .order_by("theme__order", "kind", "order", "pk")
    )
    eligible = []
    for item in items:
        printed = item.theme is not None and THEME_SECTIONS.get(item.theme.kind) in included
        if item.kind == FindingKind.TREND and item.at_a_glance and Section.Kind.AT_A_GLANCE in included:
            printed = True
        if not printed:
            continue
        findings = list(item.sources.all())
        if any(f.record.status != ConsolidationRecord.Status.ACCEPTED for f in findings):
            continue
        if any(_from_closed_day(f) for f in findings):
            continue
        eligible.append(item)
    return eligible


def _region_named(title: str, regions: list[Region]) -> Region | None:
    """A call-out that names a region instead of a country ("THE CARIBBEAN: ...")."""
    wanted = title.strip().casefold()
    if not wanted:
        return None
    for region in regions:
        for code in portal_languages():
            name = (getattr(region, localized("name", code)) or "").casefold()
            if name and (wanted == name or wanted.rstrip("s") == name or wanted.removeprefix("the ") == name):
                return region
    return None


def _attribution(item: CollatedFinding) -> str:
    if not (item.attribution_consent and item.speaker_organisation):
        return ""
    places = ", ".join(str(country.name) for country in item.country) or (item.region or "").strip()
    return f"{item.speaker_organisation} – {places}" if places else item.speaker_organisation


@transaction.atomic
def publish_report_entries(*, event: Event, pages: dict[int, int] | None = None) -> dict[str, int]:
    """Make the event's report findings entries (or bring them up to date), as the report prints them:
    text per language, the report theme's mapped terms, the country or region it names, the section and
    page. Entries whose collated finding left the report (or lost its eligibility) stop being public;
    those without commitments are deleted. `pages` maps collated finding ids to their page in the portal's
    report PDF (`services.report_pages.read_report_pages`); without it the pages stay as they were.

    Returns counts: {"created", "updated", "withdrawn"}.
    """
    source = get_source_event(event=event)
    items = report_findings(event=event)
    regions = list(Region.objects.all())
    existing = {
        entry.collated_finding_id: entry
        for entry in Entry.objects.filter(event=event, collated_finding__isnull=False)
    }
    codes = portal_languages()
    counts = {"created": 0, "updated": 0, "withdrawn": 0}
    touched = []
    for number, item in enumerate(items, start=1):
        entry = existing.pop(item.pk, None)
        counts["updated" if entry else "created"] += 1
        entry = entry or Entry(event=event, collated_finding=item)
        entry.kind = REPORT_KINDS[item.kind]
        entry.provenance = Entry.Provenance.REPORT
        entry.report_theme = item.theme
        entry.number = number
        entry.year = event.start_date.year
        entry.is_public = True
        entry.attribution = _attribution(item)
        entry.page = (pages or {}).get(item.pk, entry.page)
        written = [code for code in codes if getattr(item, localized("text", code))]
        entry.original_language = event.default_language if event.default_language in written else written[0]
        for code in codes:
            setattr(entry, localized("title", code), getattr(item, localized("title", code)) or "")
            setattr(entry, localized("text", code), getattr(item, localized("text", code)) or "")
            heading = getattr(item.theme, localized("title", code), "") if item.theme else ""
            setattr(entry, localized("section", code), heading or "")
        entry.save()
        mapping = getattr(item.theme, "observatory_mapping", None)
        if mapping is not None:
            entry.terms.add(*mapping.terms.all())
        region = _region_named(item.region or item.title or "", regions) if not item.country else None
        covered = list(source.regions.all())
        set_places(
            entry=entry,
            countries=[country.code for country in item.country],
            regions=[region] if region else ([] if item.country else covered),
        )
        touched.append(entry)
    for entry in existing.values():
        counts["withdrawn"] += 1
        if entry.commitments.exists():
            entry.is_public = False
            entry.save(update_fields=["is_public", "updated_at"])
        else:
            entry.delete()
    index_entries(entries=touched)
    refresh_tallies(event_ids=[event.pk])  # also when every entry was withdrawn
    source.published_at = timezone.now()
    source.save(update_fields=["published_at"])
    return counts
