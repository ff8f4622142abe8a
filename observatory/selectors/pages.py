"""What the observatory's pages read besides the search: an entry with its provenance and follow-up, a
country across the years, a theme from one meeting to the next, and an edition's progress since the
previous one. Each reads public entries only, in a constant number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Sum, Window
from django.db.models.functions import RowNumber
from django.http import Http404

from events.models import Event

from ..models import (
    Commitment,
    CommitmentUpdate,
    CountryTally,
    Entry,
    EntryCountry,
    Status,
    StatusChange,
    Term,
)
from .entries import Vocabulary, _has_terms, for_display, public_entries, public_events

ENTRIES_PER_EVENT = 8


def entry_detail(pk: int) -> Entry:
    """A public entry with everything its page shows (404 otherwise)."""
    updates = CommitmentUpdate.objects.select_related("focal_point").order_by("date", "pk")
    commitments = (
        Commitment.objects.select_related("organisation")
        .prefetch_related(
            Prefetch("updates", queryset=updates),
            Prefetch("status_changes", queryset=StatusChange.objects.order_by("date", "pk")),
        )
        .order_by("pk")
    )
    entry = (
        public_entries()
        .select_related("event", "report_theme", "source_document", "event__observatory__report_document")
        .prefetch_related(
            "terms__parent", "countries", "regions", Prefetch("commitments", queryset=commitments)
        )
        .filter(pk=pk)
        .first()
    )
    if entry is None:
        raise Http404
    return entry


def related_entries(entry: Entry, limit: int = 5) -> list[Entry]:
    """Entries of other events on the same themes: how other meetings spoke of it."""
    themes = [t.pk for t in entry.terms.all() if t.facet == Term.Facet.THEME]
    if not themes:
        return []
    return list(
        for_display(public_entries().filter(_has_terms(themes)).exclude(event_id=entry.event_id)).order_by(
            "-year", "number", "pk"
        )[:limit]
    )


@dataclass
class CountryPage:
    code: str
    entries: QuerySet  # everything that touches the country, newest first (the view paginates)
    total: int = 0
    named: int = 0  # of which name the country itself; the others are about its regions
    regions: list = field(default_factory=list)
    years: list = field(default_factory=list)
    events_held: list = field(default_factory=list)


def country_page(code: str, vocabulary: Vocabulary) -> CountryPage:
    """Everything that touches a country: the entries naming it or one of its regions, newest first (a
    walk of the entries' ordering index that stops after a page); the count per year and how many name
    it, from the tallies (`CountryTally`); the meetings held there."""
    region_ids = vocabulary.regions_containing(code)
    names_it = Q(Exists(EntryCountry.objects.filter(entry_id=OuterRef("pk"), country=code)))
    about_region = Q(
        Exists(Entry.regions.through.objects.filter(entry_id=OuterRef("pk"), region_id__in=region_ids))
    )
    touching = public_entries().filter(names_it | about_region if region_ids else names_it)
    rows = list(
        CountryTally.objects.filter(country=code, event__is_published=True)
        .values_list("event__start_date__year")
        .annotate(touching=Sum("touching"), named=Sum("named"))
        .order_by("-event__start_date__year")
    )
    years = [(year, number) for year, number, _named in rows if number]
    return CountryPage(
        code=code,
        entries=touching.order_by("-year", "event_id", "number", "pk"),
        total=sum(number for _year, number in years),
        named=sum(named for _year, _number, named in rows),
        regions=[r for r in vocabulary.regions if r.pk in region_ids],
        years=years,
        events_held=[event for event in vocabulary.events if event.country == code],
    )


@dataclass
class EditionOnTheme:
    event: Event
    total: int
    entries: list
    subthemes: list  # (term, count) in the taxonomy's order


def theme_timeline(term: Term, vocabulary: Vocabulary, kind: str = "") -> list[EditionOnTheme]:
    """How the meetings spoke of a theme, oldest first: per event, its entries on the theme (the first few)
    and how many touched each sub-theme. Three queries whatever the number of events."""
    ids = vocabulary.with_children(term)
    entries = public_entries().filter(_has_terms(ids))
    if kind:
        entries = entries.filter(kind=kind)
    totals = dict(entries.order_by().values_list("event_id").annotate(n=Count("pk")))
    first = (
        for_display(entries)
        .annotate(position=Window(RowNumber(), partition_by=[F("event_id")], order_by=[F("number"), F("pk")]))
        .filter(position__lte=ENTRIES_PER_EVENT)
        .order_by("event_id", "position")
    )
    by_event: dict[int, list] = {}
    for entry in first:
        by_event.setdefault(entry.event_id, []).append(entry)
    children = [t for t in vocabulary.terms if t.parent_id == term.pk]
    pairs = (
        Entry.terms.through.objects.filter(entry__in=entries.order_by().values("pk"), term__in=children)
        .values_list("entry__event_id", "term_id")
        .annotate(n=Count("entry_id"))
        .order_by()
    )
    per_event: dict[int, dict[int, int]] = {}
    for event_id, term_id, n in pairs:
        per_event.setdefault(event_id, {})[term_id] = n
    timeline = []
    for event in public_events().filter(pk__in=list(totals)).order_by("start_date"):
        counts = per_event.get(event.pk, {})
        timeline.append(
            EditionOnTheme(
                event=event,
                total=totals[event.pk],
                entries=by_event.get(event.pk, []),
                subthemes=[(child, counts.get(child.pk, 0)) for child in children],
            )
        )
    return timeline


@dataclass
class Progress:
    event: Event
    previous: Event | None
    commitments: list = field(default_factory=list)


def progress_since_previous_edition(event: Event) -> Progress:
    """The commitments made at earlier editions of the event's series, with their status then and the
    updates since the previous edition, for the section "Progress since the previous edition"."""
    if event.series_id is None:
        return Progress(event=event, previous=None)
    earlier = public_events().filter(series_id=event.series_id, start_date__lt=event.start_date)
    previous = earlier.order_by("-start_date").first()
    if previous is None:
        return Progress(event=event, previous=None)
    since = previous.end_date
    updates = CommitmentUpdate.objects.filter(date__gt=since, date__lte=event.end_date).select_related(
        "focal_point"
    )
    commitments = list(
        Commitment.objects.filter(entry__in=public_entries().filter(event__in=earlier))
        .select_related("organisation", "entry__event")
        .prefetch_related(
            Prefetch("updates", queryset=updates.order_by("date", "pk"), to_attr="recent_updates"),
            Prefetch("status_changes", queryset=StatusChange.objects.order_by("date", "pk")),
        )
        .order_by("entry__event__start_date", "entry__number", "pk")
    )
    labels = dict(Status.choices)
    for commitment in commitments:
        history = list(commitment.status_changes.all())
        before = [change for change in history if change.date <= since]
        commitment.status_then = before[-1].new_status if before else ""
        upto = [change for change in history if change.date <= event.end_date]
        commitment.status_now = upto[-1].new_status if upto else commitment.status
        commitment.status_then_label = labels.get(commitment.status_then, "")
        commitment.status_now_label = labels.get(commitment.status_now, "")
    return Progress(event=event, previous=previous, commitments=commitments)
