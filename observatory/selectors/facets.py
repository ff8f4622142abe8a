"""The counts per filter value of a search (facets) and of the map: one grouped statement over the
matching entries (`_grouped_counts`), and the tallies per country."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import connection
from django.db.models import F, QuerySet, Sum
from django.db.models.expressions import RawSQL
from django_countries import countries as names

from ..models import Commitment, CountryTally, Entry, EntryCountry, Status, Term
from .entries import Filters, Vocabulary

#: The count groups read from the entries' facet columns on PostgreSQL (migration 0005): group -> column.
FACET_ARRAYS = {
    "term": "terms",
    "top": "tops",
    "country": "countries",
    "region": "regions",
    "status": "statuses",
}


@dataclass
class Count_:
    """One value of a filter with the number of results it has; `url` selects it (or, when selected,
    removes it)."""

    value: str
    label: str
    count: int
    selected: bool = False
    children: list = field(default_factory=list)
    url: str = ""


def link_facets(facets: dict[str, list[Count_]], filters) -> dict[str, list[Count_]]:
    """Give every value its link: the present filters with this value chosen, or without it."""
    base = filters.as_query()
    for name, values in facets.items():
        if name == "total":
            continue
        for value in values:
            for item in [value, *value.children]:
                query = {**base, name: None if item.selected else item.value}
                item.url = "?" + urlencode({key: v for key, v in query.items() if v not in (None, "")})
    return facets


def _grouped_counts(
    entries: QuerySet[Entry], *, ranked: bool = False, window: tuple[int, int] | None = None
) -> dict[str, dict[str, int]]:
    """Every count the filters show, in one query: the matching entries are computed once (a CTE,
    materialised on PostgreSQL) and grouped by kind, year, event, term, top-level theme, country, region
    and commitment status; "total" is their number. {"kind": {"trend": 3, ...}, ..., "total": {"": n}}.

    With `window` (offset, limit), the same statement also picks the ids of that page of results, in
    the order of the list (by rank first when `ranked`), as {"page": {id: position}}: the matches are
    found and ranked once, and the page is then read by primary key."""
    quote = connection.ops.quote_name
    hits = entries.order_by().annotate(
        h_id=F("pk"), h_event=F("event_id"), h_year=F("year"), h_kind=F("kind"), h_number=F("number")
    )
    columns = ["h_id", "h_event", "h_year", "h_kind", "h_number"]
    arrays = connection.vendor == "postgresql"  # the facet columns of migration 0005
    if arrays:
        table = quote(Entry._meta.db_table)
        hits = hits.annotate(
            **{f"h_{name}": RawSQL(f"{table}.facet_{name}", []) for name in FACET_ARRAYS.values()}
        )
        columns += [f"h_{name}" for name in FACET_ARRAYS.values()]
    if ranked:
        hits = hits.annotate(h_rank=F("rank"))
        columns.append("h_rank")
    hits_sql, params = hits.values_list(*columns).query.sql_with_params()
    params = list(params)
    materialized = "MATERIALIZED " if connection.vendor == "postgresql" else ""
    terms, term = quote(Entry.terms.through._meta.db_table), quote(Term._meta.db_table)
    parts = [
        "SELECT 'kind', h.h_kind, COUNT(*) FROM hits h GROUP BY h.h_kind",
        "SELECT 'year', CAST(h.h_year AS TEXT), COUNT(*) FROM hits h GROUP BY h.h_year",
        "SELECT 'event', CAST(h.h_event AS TEXT), COUNT(*) FROM hits h GROUP BY h.h_event",
        f"SELECT 'term', CAST(l.term_id AS TEXT), COUNT(*) FROM hits h JOIN {terms} l ON l.entry_id = h.h_id "
        "GROUP BY l.term_id",
        f"SELECT 'top', CAST(COALESCE(t.parent_id, t.id) AS TEXT), COUNT(DISTINCT h.h_id) FROM hits h "
        f"JOIN {terms} l ON l.entry_id = h.h_id JOIN {term} t ON t.id = l.term_id "
        "GROUP BY COALESCE(t.parent_id, t.id)",
        f"SELECT 'country', l.country, COUNT(*) FROM hits h JOIN {quote(EntryCountry._meta.db_table)} l "
        "ON l.entry_id = h.h_id GROUP BY l.country",
        f"SELECT 'region', CAST(l.region_id AS TEXT), COUNT(*) FROM hits h "
        f"JOIN {quote(Entry.regions.through._meta.db_table)} l ON l.entry_id = h.h_id GROUP BY l.region_id",
        f"SELECT 'status', c.status, COUNT(DISTINCT c.entry_id) FROM hits h "
        f"JOIN {quote(Commitment._meta.db_table)} c ON c.entry_id = h.h_id GROUP BY c.status",
        "SELECT 'total', '', COUNT(*) FROM hits h",
    ]
    if arrays:  # the same counts from the arrays each matching row carries: no join per match
        parts[3:8] = [
            f"SELECT '{group}', CAST(x AS TEXT), COUNT(*) FROM hits h, unnest(h.h_{name}) x GROUP BY x"
            for group, name in FACET_ARRAYS.items()
        ]
    if window is not None:
        order = ("h.h_rank DESC, " if ranked else "") + "h.h_year DESC, h.h_event, h.h_number, h.h_id"
        # positions from 0 upwards: the order of the page (a UNION keeps no order of its own)
        parts.append(
            "SELECT 'page', CAST(p.h_id AS TEXT), p.position FROM (SELECT h.h_id, "
            f"ROW_NUMBER() OVER (ORDER BY {order}) AS position FROM hits h ORDER BY {order} "
            "LIMIT %s OFFSET %s) p"
        )
        params += [window[1], window[0]]
    # Named columns (h_id...): neither the order nor the names of Django's own columns are promised.
    statement = f"WITH hits AS {materialized}({hits_sql}) " + " UNION ALL ".join(parts)
    counts: dict[str, dict[str, int]] = {}
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        for group, value, number in cursor.fetchall():
            counts.setdefault(group, {})[value] = number
    return counts


def facet_counts(
    entries: QuerySet[Entry], filters: Filters, vocabulary: Vocabulary, *, grouped: dict | None = None
) -> dict[str, list[Count_]]:
    """How many of `entries` each filter value has (one grouped query, unless `grouped` gives its
    result); `result["total"]` is the number of entries."""
    grouped = _grouped_counts(entries) if grouped is None else grouped
    raw = {int(key): n for key, n in grouped.get("term", {}).items()}
    tops = {int(key): n for key, n in grouped.get("top", {}).items()}
    result: dict = {"total": grouped.get("total", {}).get("", 0)}
    for facet in ("theme", "form", "addressee"):
        chosen = getattr(filters, facet)
        counts = []
        for term in vocabulary.terms:
            if term.facet != facet or term.parent_id:
                continue
            number = tops.get(term.pk, 0) if facet == Term.Facet.THEME else raw.get(term.pk, 0)
            if not number and term.slug != chosen:
                continue
            item = Count_(term.slug, term.name, number, term.slug == chosen)
            item.children = [
                Count_(child.slug, child.name, raw.get(child.pk, 0), child.slug == chosen)
                for child in vocabulary.terms
                if child.parent_id == term.pk and (raw.get(child.pk) or child.slug == chosen)
            ]
            counts.append(item)
        result[facet] = sorted(counts, key=lambda c: -c.count)
    result["country"] = sorted(
        (
            Count_(code, names.name(code), n, code == filters.country)
            for code, n in grouped.get("country", {}).items()
        ),
        key=lambda c: (-c.count, c.label),
    )
    regions = {int(key): n for key, n in grouped.get("region", {}).items()}
    result["region"] = [
        Count_(r.slug, r.name, regions.get(r.pk, 0), r.slug == filters.region)
        for r in vocabulary.regions
        if regions.get(r.pk) or r.slug == filters.region
    ]
    by_event = {int(key): n for key, n in grouped.get("event", {}).items()}
    events = [event for event in vocabulary.events if event.pk in by_event]
    result["event"] = [
        Count_(e.slug, f"{e.title} ({e.start_date.year})", by_event[e.pk], e.slug == filters.event)
        for e in events
    ]
    years = sorted(((int(key), n) for key, n in grouped.get("year", {}).items()), reverse=True)
    result["year"] = [Count_(str(y), str(y), n, y == filters.year) for y, n in years]
    kinds = grouped.get("kind", {})
    result["kind"] = [
        Count_(value, label, kinds[value], value == filters.kind)
        for value, label in Entry.Kind.choices
        if kinds.get(value)
    ]
    statuses = grouped.get("status", {})
    result["status"] = [
        Count_(value, label, statuses[value], value == filters.status)
        for value, label in Status.choices
        if statuses.get(value)
    ]
    return result


def country_counts() -> dict[str, int]:
    """Public entries of published events naming each country (the shading of the map): one query over
    the tallies the services keep (`CountryTally`), a few rows per event."""
    rows = (
        CountryTally.objects.filter(event__is_published=True, named__gt=0)
        .values_list("country")
        .annotate(n=Sum("named"))
        .order_by()
    )
    return {code: n for code, n in rows}
