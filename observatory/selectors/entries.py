"""The public entries and their search: filters, ranking and counts per filter value (facets).

Only entries that are public of published events are ever read here: `public_entries()` is the one
starting point of every page, download and API endpoint, so an unpublished event leaves no trace.
Every function makes a constant number of queries, whatever the number of entries.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL

from events.models import Event

from ..models import Commitment, Entry, EntryCountry, Region, Status, Term
from ..search import VECTOR_FIELDS, contains_any, localized, match, portal_languages, token, uses_postgres

FACETS = ("theme", "form", "addressee", "country", "region", "event", "year", "kind", "status")


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
        self.terms = list(Term.objects.order_by("facet", "order", "pk"))
        by_pk = {term.pk: term for term in self.terms}
        for term in self.terms:  # the broader theme from the same list, not built a second time
            if term.parent_id in by_pk:
                term.parent = by_pk[term.parent_id]
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


# the counts live in `selectors.facets`; imported from here too
from .facets import (  # noqa: E402, F401
    FACET_ARRAYS,
    Count_,
    _grouped_counts,
    country_counts,
    facet_counts,
    link_facets,
)
