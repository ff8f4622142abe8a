"""A page of entries as the lists show it, and a search with its counts and one page of results.

`with_related` gives a page of entries what `entries.for_display` prefetches (terms, countries, regions,
commitments) from small value queries and the request's `Vocabulary`, instead of building the terms and
regions again as model instances per entry: the same number of queries, a third of the Python time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet

from ..models import Commitment, Entry, EntryCountry, Region, Term
from .entries import (
    VECTOR_FIELDS,
    Filters,
    Vocabulary,
    _grouped_counts,
    facet_counts,
    filter_entries,
    localized,
    portal_languages,
)


def plain(entries: QuerySet[Entry]) -> QuerySet[Entry]:
    """The entries with their event (title, dates), without the search columns (`with_related` adds
    the rest)."""
    titles = [f"event__{localized('title', code)}" for code in portal_languages()]
    fields = [f.name for f in Entry._meta.concrete_fields if f.name not in VECTOR_FIELDS.values()]
    event = ["event__slug", "event__start_date", "event__default_language", "event__title", *titles]
    return entries.select_related("event").only(*fields, *event)


#: The model of each relation `with_related` fills.
RELATED = {"terms": Term, "regions": Region, "countries": EntryCountry, "commitments": Commitment}


def _cache(entry: Entry, name: str, rows: list) -> None:
    """Store `rows` as the prefetched result of `entry.<name>.all()`, as prefetch_related does (a plain
    queryset of the related model holding them: building the related manager each time costs more)."""
    queryset = QuerySet(model=RELATED[name])
    queryset._result_cache = rows
    queryset._prefetch_done = True
    if not hasattr(entry, "_prefetched_objects_cache"):
        entry._prefetched_objects_cache = {}
    entry._prefetched_objects_cache[name] = queryset


def with_related(entries: list[Entry], vocabulary: Vocabulary) -> list[Entry]:
    """`entries` with their terms, countries, regions and commitments ready for `entry.terms.all()` and
    the like, in four queries (pairs of ids, and the commitments) whatever their number."""
    ids = [entry.pk for entry in entries]
    if not ids:
        return entries
    terms_by_pk = {term.pk: term for term in vocabulary.terms}  # in the taxonomy's order
    position = {term.pk: n for n, term in enumerate(vocabulary.terms)}
    regions_by_pk = {region.pk: region for region in vocabulary.regions}
    terms, regions, places, pledges = (
        defaultdict(list),
        defaultdict(list),
        defaultdict(list),
        defaultdict(list),
    )
    for entry_id, term_id in Entry.terms.through.objects.filter(entry_id__in=ids).values_list(
        "entry_id", "term_id"
    ):
        terms[entry_id].append(term_id)
    for entry_id, region_id in Entry.regions.through.objects.filter(entry_id__in=ids).values_list(
        "entry_id", "region_id"
    ):
        regions[entry_id].append(region_id)
    for row in EntryCountry.objects.filter(entry_id__in=ids).order_by("country", "pk"):
        places[row.entry_id].append(row)
    for commitment in (
        Commitment.objects.filter(entry_id__in=ids).select_related("organisation").order_by("pk")
    ):
        pledges[commitment.entry_id].append(commitment)
    order = {region.pk: n for n, region in enumerate(vocabulary.regions)}
    for entry in entries:
        _cache(entry, "terms", [terms_by_pk[pk] for pk in sorted(terms[entry.pk], key=position.get)])
        _cache(entry, "regions", [regions_by_pk[pk] for pk in sorted(regions[entry.pk], key=order.get)])
        _cache(entry, "countries", places[entry.pk])
        _cache(entry, "commitments", pledges[entry.pk])
    return entries


@dataclass
class SearchResults:
    """A search's counts per filter value, its number of results and one page of them."""

    facets: dict
    total: int
    entries: list  # the page's entries, in the order of the list, ready for display
    offset: int


def search(filters: Filters, vocabulary: Vocabulary, *, per_page: int) -> SearchResults:
    """The counts and one page of a search in two queries plus the page's related rows: one statement
    finds, ranks and counts the matches and picks the page's ids (`_grouped_counts`), the other reads
    those entries by primary key. A page past the last gives the last one."""
    found = filter_entries(filters, vocabulary)
    ranked = bool(filters.q)
    offset = (filters.page - 1) * per_page
    grouped = _grouped_counts(found, ranked=ranked, window=(offset, per_page))
    total = grouped.get("total", {}).get("", 0)
    if offset and offset >= total:  # past the end (a stale link): the last page, as Django's paginator does
        offset = max(0, (total - 1) // per_page * per_page)
        grouped["page"] = _grouped_counts(found, ranked=ranked, window=(offset, per_page)).get("page", {})
    positions = {int(key): position for key, position in grouped.get("page", {}).items()}
    entries = sorted(
        with_related(list(plain(Entry.objects.filter(pk__in=list(positions)))), vocabulary),
        key=lambda entry: positions[entry.pk],
    )
    facets = facet_counts(found, filters, vocabulary, grouped=grouped)
    return SearchResults(facets=facets, total=total, entries=entries, offset=offset)
