"""Observatory entries: writing them (by editors, or from a published outcome report), and keeping their
search columns current. Every function that changes an entry's texts, terms, countries or regions calls
`index_entries` itself: there is no trigger and no signal."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Prefetch
from django.utils import timezone
from django_countries import countries

from events.models import Audience, Event
from reports.models import CollatedFinding, ConsolidationRecord, Finding, FindingKind, Report, ReportTheme
from reports.models import ReportSection as Section

from ..errors import NoReportToPublish
from ..models import Commitment, CountryTally, Entry, EntryCountry, Region, SourceEvent, Term
from ..search import (
    TOKEN_PREFIXES,
    VECTOR_FIELDS,
    country_names,
    languages_of,
    localized,
    portal_languages,
    uses_postgres,
)

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


# --- search columns ---------------------------------------------------------------------------------


def _columns() -> list[tuple[str, int, str]]:
    """(configuration, position, language) of every language of every search configuration: the name of
    the column `<configuration>_<position>` holds names in that language."""
    return [(config, i, code) for config in VECTOR_FIELDS for i, code in enumerate(languages_of(config))]


#: The facet columns (PostgreSQL only, migration 0005): what the counts per filter value group by, read
#: from the matching rows themselves rather than joined per match (`selectors.entries._grouped_counts`).
FACET_ASSIGNMENTS = (
    "facet_terms = t.ids, facet_tops = t.tops, facet_countries = c.codes, facet_regions = r.ids, "
    "facet_statuses = s.statuses"
)


def _index_sql(quote, ids_given: bool) -> str:
    """One UPDATE of the four search columns, with the names of terms, regions and countries aggregated
    once per entry (CTEs) rather than looked up row by row. Weights as in `observatory.search`."""
    columns = _columns()
    aliases = ", ".join(quote(f"{config}_{i}") for config, i, _code in columns)
    targets = f"SELECT id FROM {quote(Entry._meta.db_table)}" + (" WHERE id = ANY(%s)" if ids_given else "")

    def aggregated(link: str, key: str, table: str, prefix: str, extra: str = "") -> str:
        names = ", ".join(
            f"string_agg(x.{quote(localized('name', code))}, ' ') AS {quote(f'{config}_{i}')}"
            for config, i, code in columns
        )
        return (
            f"SELECT l.entry_id, {names}, array_agg('{prefix}' || l.{key}) AS tokens, "
            f"array_agg(l.{key}) AS ids{extra} FROM {quote(link)} l "
            f"JOIN {quote(table)} x ON x.id = l.{key} JOIN targets ON targets.id = l.entry_id "
            "GROUP BY l.entry_id"
        )

    country_names = ", ".join(
        f"string_agg(n.{quote(f'{config}_{i}')}, ' ') AS {quote(f'{config}_{i}')}"
        for config, i, _code in columns
    )
    # The filter tokens (observatory.search.token): the same lexemes in every column, never stemmed.
    p = TOKEN_PREFIXES
    tokens = (
        f"array_to_tsvector(ARRAY['{p['event']}' || e.event_id, '{p['year']}' || e.year, "
        f"'{p['kind']}' || replace(e.kind, '_', '')] || coalesce(t.tokens, '{{}}') "
        "|| coalesce(u.tokens, '{}') || coalesce(s.tokens, '{}'))"
    )
    assignments = []
    for config, field in VECTOR_FIELDS.items():
        codes = languages_of(config)

        def joined(expressions: list[str]) -> str:
            return " || ' ' || ".join(f"coalesce({expression}, '')" for expression in expressions) or "''"

        own = {
            "A": [f"e.{quote(localized('title', code))}" for code in codes],
            "B": [f"e.{quote(localized(name, code))}" for code in codes for name in ("text", "section")],
            "C": [f"t.{quote(f'{config}_{i}')}" for i in range(len(codes))],
            "D": [f"{alias}.{quote(f'{config}_{i}')}" for i in range(len(codes)) for alias in ("r", "c")],
        }
        vector = " || ".join(
            f"setweight(to_tsvector('{config}'::regconfig, {joined(expressions)}), '{weight}')"
            for weight, expressions in own.items()
        )
        assignments.append(f"{quote(field)} = {vector} || {tokens}")
    terms = aggregated(
        Entry.terms.through._meta.db_table,
        "term_id",
        Term._meta.db_table,
        p["term"],
        ", array_agg(DISTINCT COALESCE(x.parent_id, x.id)) AS tops",
    )
    regions = aggregated(
        Entry.regions.through._meta.db_table, "region_id", Region._meta.db_table, p["region"]
    )
    statuses = f"array_agg(DISTINCT '{p['status']}' || replace(m.status, '_', ''))"
    # Where an entry is: every country it touches (its own, and those of its regions) and every region it
    # touches (those of its countries; its own, the broader ones and the smaller ones), so that a country
    # or region filter is one token. `rc`: (region, country) pairs; `rr`: (region, region it touches).
    links, region_links = quote(EntryCountry._meta.db_table), quote(Entry.regions.through._meta.db_table)
    touched = (
        f"SELECT l.entry_id, '{p['touch_country']}' || lower(l.country) AS token FROM {links} l "
        f"UNION ALL SELECT l.entry_id, '{p['touch_country']}' || lower(rc.country) FROM {region_links} l "
        "JOIN rc ON rc.region_id = l.region_id "
        f"UNION ALL SELECT l.entry_id, '{p['touch_region']}' || rc.region_id FROM {links} l "
        "JOIN rc ON rc.country = l.country "
        f"UNION ALL SELECT l.entry_id, '{p['touch_region']}' || rr.inner_id FROM {region_links} l "
        "JOIN rr ON rr.region_id = l.region_id"
    )
    return (
        f"WITH country_names (code, {aliases}) AS (VALUES %s), "
        "rc (region_id, country) AS (VALUES %s), rr (region_id, inner_id) AS (VALUES %s), "
        f"targets AS ({targets}), "
        f"t AS ({terms}), "
        f"r AS ({regions}), "
        f"c AS (SELECT l.entry_id, {country_names}, array_agg('{p['country']}' || lower(l.country)) "
        f"AS tokens, array_agg(l.country) AS codes FROM {quote(EntryCountry._meta.db_table)} l "
        f"JOIN country_names n ON n.code = l.country JOIN targets ON targets.id = l.entry_id "
        f"GROUP BY l.entry_id), "
        f"s AS (SELECT m.entry_id, {statuses} AS tokens, array_agg(DISTINCT m.status) AS statuses "
        f"FROM {quote(Commitment._meta.db_table)} m "
        "JOIN targets ON targets.id = m.entry_id GROUP BY m.entry_id), "
        f"u AS (SELECT x.entry_id, array_agg(DISTINCT x.token) AS tokens FROM ({touched}) x "
        "JOIN targets ON targets.id = x.entry_id GROUP BY x.entry_id) "
        f"UPDATE {quote(Entry._meta.db_table)} e SET {', '.join(assignments)}, {FACET_ASSIGNMENTS} "
        f"FROM targets x LEFT JOIN t ON t.entry_id = x.id LEFT JOIN r ON r.entry_id = x.id "
        f"LEFT JOIN c ON c.entry_id = x.id LEFT JOIN s ON s.entry_id = x.id LEFT JOIN u ON u.entry_id = x.id "
        "WHERE e.id = x.id"
    )


def refresh_tallies(*, event_ids: Iterable[int] | None = None) -> None:
    """Recount the `CountryTally` rows of these events (all when None): per event and country, the public
    entries that name the country, and those that name it or a region it belongs to. Works on SQLite and
    PostgreSQL alike (plain SQL, the regions' countries as a table of values)."""
    quote = connection.ops.quote_name
    entry, tally = quote(Entry._meta.db_table), quote(CountryTally._meta.db_table)
    ids = None if event_ids is None else sorted(set(event_ids))
    if ids == []:
        return
    where = "" if ids is None else f" AND e.event_id IN ({', '.join(['%s'] * len(ids))})"
    pairs = [(region.pk, code) for region in Region.objects.all() for code in region.countries]
    membership = (
        "SELECT 0 AS region_id, '' AS country WHERE 1 = 0"
        if not pairs
        else " UNION ALL ".join(["SELECT %s AS region_id, %s AS country"] * len(pairs))
    )
    statement = (
        f"INSERT INTO {tally} (event_id, country, named, touching) "
        f"SELECT p.event_id, p.country, COUNT(DISTINCT CASE WHEN p.named = 1 THEN p.entry_id END), "
        f"COUNT(DISTINCT p.entry_id) FROM ("
        f"SELECT e.event_id, c.entry_id, c.country, 1 AS named FROM {quote(EntryCountry._meta.db_table)} c "
        f"JOIN {entry} e ON e.id = c.entry_id WHERE e.is_public{where} "
        f"UNION ALL SELECT e.event_id, r.entry_id, m.country, 0 AS named "
        f"FROM {quote(Entry.regions.through._meta.db_table)} r "
        f"JOIN ({membership}) m ON m.region_id = r.region_id "
        f"JOIN {entry} e ON e.id = r.entry_id WHERE e.is_public{where}"
        f") p GROUP BY p.event_id, p.country"
    )
    params = list(ids or []) + [value for pair in pairs for value in pair] + list(ids or [])
    with transaction.atomic(), connection.cursor() as cursor:
        if ids is None:
            cursor.execute(f"DELETE FROM {tally}")
        else:
            cursor.execute(f"DELETE FROM {tally} WHERE event_id IN ({', '.join(['%s'] * len(ids))})", ids)
        cursor.execute(statement, params)


def index_entries(*, entries: Iterable[Entry] | None = None) -> int:
    """After entries were written: rebuild their search columns (PostgreSQL: one UPDATE computed by the
    database; the country names, which live in django-countries, travel with it as a table of values)
    and recount their events' tallies (every database). `entries=None` means all. Returns the number of
    entries indexed (0 on SQLite, which has no search columns)."""
    entries = None if entries is None else list(entries)
    refresh_tallies(event_ids=None if entries is None else {entry.event_id for entry in entries})
    if not uses_postgres():
        return 0
    ids = None if entries is None else [entry.pk for entry in entries]
    if ids == []:
        return 0
    quote = connection.ops.quote_name
    codes = [code for code, _name in countries]
    names = {language: country_names(codes, language) for language in portal_languages()}
    columns = _columns()
    values, params = [], []
    for position, code in enumerate(codes):
        values.append("(" + ", ".join(["%s"] * (1 + len(columns))) + ")")
        params += [code] + [names[language][position] for _config, _i, language in columns]
    regions = list(Region.objects.all())
    pairs = [(region.pk, code) for region in regions for code in region.countries] or [(0, "")]
    # an entry about a region touches that region and every region that contains it or lies inside it
    inside = [
        (tag.pk, other.pk)
        for tag in regions
        for other in regions
        if other.pk == tag.pk
        or (
            tag.countries
            and other.countries
            and (set(other.countries) <= set(tag.countries) or set(tag.countries) <= set(other.countries))
        )
    ] or [(0, 0)]
    statement = _index_sql(quote, ids is not None)
    for rows in (values, ["(%s, %s)"] * len(pairs), ["(%s, %s)"] * len(inside)):
        statement = statement.replace("VALUES %s", "VALUES " + ", ".join(rows), 1)
    params += [value for pair in pairs for value in pair] + [value for pair in inside for value in pair]
    if ids is not None:
        params.append(ids)
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.rowcount


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
    return item is not None and (item.audience or item.day.audience) == Audience.MEMBERS


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
    if item.country:
        return f"{item.speaker_organisation} – {item.country.name}"
    return item.speaker_organisation


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
        region = _region_named(item.title or "", regions) if not item.country else None
        covered = list(source.regions.all())
        set_places(
            entry=entry,
            countries=[item.country.code] if item.country else [],
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
