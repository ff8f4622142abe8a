"""The public entries and their search: filters, ranking and counts per filter value (facets).

Only entries that are public of published events are ever read here: `public_entries()` is the one
starting point of every page, download and API endpoint, so an unpublished event leaves no trace.
Every function makes a constant number of queries, whatever the number of entries.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce

from events.models import Event

from ..models import Commitment, Entry, EntryCountry, Region, Status, Term
from ..search import contains_any, match

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
    """The terms and regions, loaded once per request (two queries) and looked up by slug."""

    def __init__(self):
        self.terms = list(Term.objects.select_related("parent").order_by("facet", "order", "pk"))
        self.regions = list(Region.objects.order_by("order", "pk"))
        self.term_by_slug = {(t.facet, t.slug): t for t in self.terms}
        self.region_by_slug = {r.slug: r for r in self.regions}

    def term(self, facet: str, slug: str) -> Term | None:
        return self.term_by_slug.get((facet, slug)) if slug else None

    def with_children(self, term: Term) -> list[int]:
        return [term.pk] + [t.pk for t in self.terms if t.parent_id == term.pk]

    def regions_containing(self, code: str) -> list[int]:
        return [region.pk for region in self.regions if code in region.countries]

    def regions_around(self, region: Region) -> list[int]:
        """The region and the broader regions that contain all its countries."""
        own = set(region.countries)
        return [r.pk for r in self.regions if r.pk == region.pk or (own and own <= set(r.countries))]


def _has_terms(ids: list[int]) -> Q:
    return Q(Exists(Entry.terms.through.objects.filter(entry_id=OuterRef("pk"), term_id__in=ids)))


def _has_regions(ids: list[int]) -> Q:
    return Q(Exists(Entry.regions.through.objects.filter(entry_id=OuterRef("pk"), region_id__in=ids)))


def touching_country(code: str, vocabulary: Vocabulary) -> Q:
    """Entries that name the country, or a region it belongs to."""
    named = Q(Exists(EntryCountry.objects.filter(entry_id=OuterRef("pk"), country=code)))
    return named | _has_regions(vocabulary.regions_containing(code))


def touching_region(region: Region, vocabulary: Vocabulary) -> Q:
    """Entries about the region, a broader region containing it, or one of its countries."""
    in_region = Q(Exists(EntryCountry.objects.filter(entry_id=OuterRef("pk"), country__in=region.countries)))
    return in_region | _has_regions(vocabulary.regions_around(region))


def text_condition(query: str) -> Q:
    """The SQLite fallback of the entries' search: texts, term names, region names (any language)."""
    related = Entry.objects.filter(contains_any(query, ["terms__name", "regions__name"])).values("pk")
    return contains_any(query, ["title", "text", "section"]) | Q(pk__in=related)


def filter_entries(filters: Filters, vocabulary: Vocabulary, queryset=None) -> QuerySet[Entry]:
    """Public entries matching `filters`, annotated with `rank`, in no particular order."""
    entries = public_entries() if queryset is None else queryset
    for facet in ("theme", "form", "addressee"):
        term = vocabulary.term(facet, getattr(filters, facet))
        if term is not None:
            entries = entries.filter(_has_terms(vocabulary.with_children(term)))
    if filters.country:
        entries = entries.filter(touching_country(filters.country, vocabulary))
    if region := vocabulary.region_by_slug.get(filters.region):
        entries = entries.filter(touching_region(region, vocabulary))
    if filters.event:
        entries = entries.filter(event__slug=filters.event)
    if filters.year:
        entries = entries.filter(year=filters.year)
    if filters.kind:
        entries = entries.filter(kind=filters.kind)
    if filters.status:
        entries = entries.filter(
            Exists(Commitment.objects.filter(entry_id=OuterRef("pk"), status=filters.status))
        )
    return match(entries, filters.q, fallback=text_condition(filters.q))


def ordered(entries: QuerySet[Entry], filters: Filters) -> QuerySet[Entry]:
    if filters.q:
        return entries.order_by("-rank", "-year", "event_id", "number", "pk")
    return entries.order_by("-year", "event_id", "number", "pk")


def for_display(entries: QuerySet[Entry]) -> QuerySet[Entry]:
    """What a list of entries shows: event, report theme, terms, countries, regions, commitments."""
    return entries.select_related("event", "report_theme").prefetch_related(
        "terms",
        "countries",
        "regions",
        Prefetch("commitments", queryset=Commitment.objects.select_related("organisation").order_by("pk")),
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
    for name, values in facets.items():
        for value in values:
            for item in [value, *value.children]:
                item.url = "?" + urlencode(filters.as_query(**{name: None if item.selected else item.value}))
    return facets


def facet_counts(
    entries: QuerySet[Entry], filters: Filters, vocabulary: Vocabulary
) -> dict[str, list[Count_]]:
    """How many of `entries` each filter value has (nine grouped queries and one for the events)."""
    ids = entries.order_by().values("pk")
    through = Entry.terms.through
    raw = dict(
        through.objects.filter(entry_id__in=ids)
        .values_list("term_id")
        .annotate(n=Count("entry_id"))
        .order_by()
    )
    tops = dict(
        through.objects.filter(entry_id__in=ids)
        .annotate(top=Coalesce("term__parent_id", "term_id"))
        .values_list("top")
        .annotate(n=Count("entry_id", distinct=True))
        .order_by()
    )
    result: dict[str, list[Count_]] = {}
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
    countries = (
        EntryCountry.objects.filter(entry_id__in=ids)
        .values_list("country")
        .annotate(n=Count("entry_id"))
        .order_by()
    )
    from django_countries import countries as names

    result["country"] = sorted(
        (Count_(code, names.name(code), n, code == filters.country) for code, n in countries),
        key=lambda c: (-c.count, c.label),
    )
    regions = dict(
        Entry.regions.through.objects.filter(entry_id__in=ids)
        .values_list("region_id")
        .annotate(n=Count("entry_id"))
        .order_by()
    )
    result["region"] = [
        Count_(r.slug, r.name, regions.get(r.pk, 0), r.slug == filters.region)
        for r in vocabulary.regions
        if regions.get(r.pk) or r.slug == filters.region
    ]
    by_event = dict(entries.order_by().values_list("event_id").annotate(n=Count("pk")))
    events = public_events().filter(pk__in=list(by_event)).order_by("-start_date")
    result["event"] = [
        Count_(e.slug, f"{e.title} ({e.start_date.year})", by_event[e.pk], e.slug == filters.event)
        for e in events
    ]
    years = entries.order_by().values_list("year").annotate(n=Count("pk")).order_by("-year")
    result["year"] = [Count_(str(y), str(y), n, y == filters.year) for y, n in years]
    kinds = dict(entries.order_by().values_list("kind").annotate(n=Count("pk")))
    result["kind"] = [
        Count_(value, label, kinds[value], value == filters.kind)
        for value, label in Entry.Kind.choices
        if kinds.get(value)
    ]
    statuses = dict(
        Commitment.objects.filter(entry_id__in=ids)
        .values_list("status")
        .annotate(n=Count("entry_id", distinct=True))
        .order_by()
    )
    result["status"] = [
        Count_(value, label, statuses[value], value == filters.status)
        for value, label in Status.choices
        if statuses.get(value)
    ]
    return result


def country_counts() -> dict[str, int]:
    """Public entries naming each country (the shading of the map): one grouped query."""
    rows = (
        EntryCountry.objects.filter(entry__is_public=True, entry__event__is_published=True)
        .values_list("country")
        .annotate(n=Count("entry_id"))
        .order_by()
    )
    return {code: n for code, n in rows}
