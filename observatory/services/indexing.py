"""The search columns, facet columns and country tallies of the entries: rebuilt by `index_entries`,
which every service that writes an entry's texts, terms, countries, regions or commitments calls
itself (there is no trigger and no signal)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django_countries import countries

from ..models import Commitment, CountryTally, Entry, EntryCountry, Region, Term
from ..search import (
    TOKEN_PREFIXES,
    VECTOR_FIELDS,
    country_names,
    languages_of,
    localized,
    portal_languages,
    uses_postgres,
)


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
