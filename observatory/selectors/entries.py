"""The public entries and their search: filters, ranking and counts per filter value (facets).

Only entries that are public of published events are ever read here: `public_entries()` is the one
starting point of every page, download and API endpoint, so an unpublished event leaves no trace.
Every function makes a constant number of queries, whatever the number of entries.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, Sum
from django.db.models.expressions import RawSQL
from django_countries import countries as names

from events.models import Event

from ..models import Commitment, CountryTally, Entry, EntryCountry, Region, Status, Term
from ..search import VECTOR_FIELDS, contains_any, localized, match, portal_languages, token, uses_postgres

FACETS = ("theme", "form", "addressee", "country", "region", "event", "year", "kind", "status")
#: The count groups read from the entries' facet columns on PostgreSQL (migration 0005): group -> column.
FACET_ARRAYS = {
    "term": "terms",
    "top": "tops",
    "country": "countries",
    "region": "regions",
    "status": "statuses",
}


def public_entries() -> QuerySet[Entry]:
    """Entries anyone may read: public, of a published event."""
    return Entry.objects.filter(is_public=True, event__is_published=True)


def public_events() -> QuerySet[Event]:
    return Event.objects.filter(is_published=True)


@dataclass
class Filters:
    """What a search asks for; every value is optional. Unknown values are dropped, not errors."""

    q: str = ""
    theme: str = ""
    form: str = ""
    addressee: str = ""
    country: str = ""
    region: str = ""
    event: str = ""
    year: int | None = None
    kind: str = ""
    status: str = ""
    page: int = 1
    extra: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_query(cls, data) -> Filters:
        def text(name, limit=80):
            return (data.get(name) or "").strip()[:limit]

        year = text("year", 4)
        page = text("page", 6)
        country = text("country", 2).upper()
        return cls(
            q=text("q", 200),
            theme=text("theme"),
            form=text("form"),
            addressee=text("addressee"),
            country=country if len(country) == 2 and country.isalpha() else "",
            region=text("region"),
            event=text("event"),
            year=int(year) if year.isdigit() else None,
            kind=text("kind") if text("kind") in Entry.Kind.values else "",
            status=text("status") if text("status") in Status.values else "",
            page=int(page) if page.isdigit() and int(page) > 0 else 1,
        )

    def as_query(self, **changes) -> dict:
        """The GET parameters of these filters with `changes` (None or "" removes a parameter)."""
        values = {key: value for key, value in asdict(self).items() if key not in ("extra", "page")}
        values.update(changes)
        return {key: value for key, value in values.items() if value not in (None, "")}

    @property
    def active(self) -> bool:
        return any(getattr(self, name) for name in ("q", *FACETS))


class Vocabulary:
    """The terms, regions and published events, loaded once per request (three queries) and looked up
    by slug."""

    def __init__(self):
        self.terms = list(Term.objects.select_related("parent").order_by("facet", "order", "pk"))
        self.regions = list(Region.objects.order_by("order", "pk"))
        titles = [localized("title", code) for code in portal_languages()]
        self.events = list(
            public_events()
            .only("pk", "slug", "start_date", "city", "country", "default_language", "title", *titles)
            .order_by("-start_date", "pk")
        )
        self.event_by_slug = {event.slug: event for event in self.events}
        self.event_by_pk = {event.pk: event for event in self.events}
        self.term_by_slug = {(t.facet, t.slug): t for t in self.terms}
        self.region_by_slug = {r.slug: r for r in self.regions}

    def term(self, facet: str, slug: str) -> Term | None:
        return self.term_by_slug.get((facet, slug)) if slug else None

    def with_children(self, term: Term) -> list[int]:
        return [term.pk] + [t.pk for t in self.terms if t.parent_id == term.pk]

    def regions_containing(self, code: str) -> list[int]:
        return [region.pk for region in self.regions if code in region.countries]

    def regions_around(self, region: Region) -> list[int]:
        """The region, the broader regions containing it and the smaller ones inside it."""
        own = set(region.countries)
        return [
            r.pk
            for r in self.regions
            if r.pk == region.pk
            or (own and r.countries and (own <= set(r.countries) or set(r.countries) <= own))
        ]


def _has_terms(ids: list[int]) -> Q:
    return Q(Exists(Entry.terms.through.objects.filter(entry_id=OuterRef("pk"), term_id__in=ids)))


def _has_regions(ids: list[int]) -> Q:
    return Q(Exists(Entry.regions.through.objects.filter(entry_id=OuterRef("pk"), region_id__in=ids)))


def _ids(sql: str, params: list) -> Q:
    """Entries whose id the SQL selects: `id IN (SELECT ...)`, which PostgreSQL answers from the indexes
    of the link tables (a UNION of two index scans) rather than by testing every entry."""
    return Q(pk__in=RawSQL(sql, params))


def _touching(codes: list[str], region_ids: list[int]) -> Q:
    quote = connection.ops.quote_name
    placeholders = ", ".join(["%s"] * len(codes))
    sql = f"SELECT entry_id FROM {quote(EntryCountry._meta.db_table)} WHERE country IN ({placeholders})"
    params: list = list(codes)
    if region_ids:
        sql += (
            f" UNION SELECT entry_id FROM {quote(Entry.regions.through._meta.db_table)} "
            f"WHERE region_id IN ({', '.join(['%s'] * len(region_ids))})"
        )
        params += region_ids
    return _ids(sql, params)


def touching_country(code: str, vocabulary: Vocabulary) -> Q:
    """Entries that name the country, or a region it belongs to."""
    return _touching([code], vocabulary.regions_containing(code))


def touching_region(region: Region, vocabulary: Vocabulary) -> Q:
    """Entries about the region, a broader or a smaller region, or one of its countries."""
    return _touching(list(region.countries) or [""], vocabulary.regions_around(region))


def text_condition(query: str) -> Q:
    """The SQLite fallback of the entries' search: texts, term names, region names (any language)."""
    related = Entry.objects.filter(contains_any(query, ["terms__name", "regions__name"])).values("pk")
    return contains_any(query, ["title", "text", "section"]) | Q(pk__in=related)


def filter_entries(filters: Filters, vocabulary: Vocabulary, queryset=None) -> QuerySet[Entry]:
    """Public entries matching `filters`, annotated with `rank`, in no particular order.

    On PostgreSQL the filters are tokens matched inside the GIN indexes together with the words
    (`observatory.search.match`); on SQLite they are plain SQL conditions. Both mean the same: a theme
    with its sub-themes, a country with the regions it belongs to, a region with its countries and the
    broader and smaller regions."""
    entries = public_entries() if queryset is None else queryset
    groups: list[list[str]] = []
    conditions: list[Q] = []
    for facet in ("theme", "form", "addressee"):
        term = vocabulary.term(facet, getattr(filters, facet))
        if term is not None:
            ids = vocabulary.with_children(term)
            groups.append([token("term", pk) for pk in ids])
            conditions.append(_has_terms(ids))
    if filters.country:
        groups.append([token("touch_country", filters.country)])
        conditions.append(touching_country(filters.country, vocabulary))
    if region := vocabulary.region_by_slug.get(filters.region):
        groups.append([token("touch_region", region.pk)])
        conditions.append(touching_region(region, vocabulary))
    if filters.event:
        event = vocabulary.event_by_slug.get(filters.event)
        groups.append([token("event", event.pk if event else "none")])
        conditions.append(Q(event__slug=filters.event))
    if filters.year:
        groups.append([token("year", filters.year)])
        conditions.append(Q(year=filters.year))
    if filters.kind:
        groups.append([token("kind", filters.kind)])
        conditions.append(Q(kind=filters.kind))
    if filters.status:
        groups.append([token("status", filters.status)])
        conditions.append(
            Q(Exists(Commitment.objects.filter(entry_id=OuterRef("pk"), status=filters.status)))
        )
    if not uses_postgres():
        for condition in conditions:
            entries = entries.filter(condition)
    return match(entries, filters.q, fallback=text_condition, tokens=groups)


def ordered(entries: QuerySet[Entry], filters: Filters) -> QuerySet[Entry]:
    if filters.q:
        return entries.order_by("-rank", "-year", "event_id", "number", "pk")
    return entries.order_by("-year", "event_id", "number", "pk")


def for_display(entries: QuerySet[Entry]) -> QuerySet[Entry]:
    """What a list of entries shows: its event (title, dates), terms, countries, regions, commitments;
    neither the search columns nor the event's long texts are read."""
    titles = [f"event__{localized('title', code)}" for code in portal_languages()]
    fields = [f.name for f in Entry._meta.concrete_fields if f.name not in VECTOR_FIELDS.values()]
    event = ["event__slug", "event__start_date", "event__default_language", "event__title", *titles]
    return (
        entries.select_related("event")
        .only(*fields, *event)
        .prefetch_related(
            "terms",
            "countries",
            "regions",
            Prefetch(
                "commitments", queryset=Commitment.objects.select_related("organisation").order_by("pk")
            ),
        )
    )


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
