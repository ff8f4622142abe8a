"""The public observatory: search, an entry, a country, a theme, the library and an event's entries.

Anyone may read these pages; they show only public entries of published events (`selectors.entries`).
Server-rendered, no script: filters are links and forms with GET.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.generic import TemplateView
from django_countries import countries

from ..maps import country_codes, shaded_map
from ..models import Term
from ..rules import is_editor
from ..selectors import display, pages
from ..selectors import entries as selectors
from ..selectors import library as library_selectors

PER_PAGE = 20


def paginate(queryset, number, *, count: int, per_page: int = PER_PAGE):
    """A page of `queryset` whose length is already known (counted with the filters' counts): the
    paginator does not count again."""
    paginator = Paginator(queryset, per_page)
    paginator.count = count  # a cached property: set, it is not queried
    return paginator.get_page(number)


class _OnePage:
    """A search's results as the paginator sees them: their number, and the one page already read
    (`selectors.entries.search`)."""

    def __init__(self, results: display.SearchResults):
        self.results = results

    def __len__(self) -> int:
        return self.results.total

    def __getitem__(self, index):
        return self.results.entries


def reportable(user, commitments) -> set[int]:
    """The commitments `user` may report progress on (one query for their focal points)."""
    if not user.is_authenticated:
        return set()
    if is_editor(user):
        return {commitment.pk for commitment in commitments}
    points = list(user.focal_points.filter(is_active=True))
    return {
        commitment.pk
        for commitment in commitments
        for point in points
        if point.organisation_id == commitment.organisation_id
        and (not commitment.country or point.country in ("", commitment.country))
    }


class ObservatoryMixin:
    """The vocabulary (terms and regions, two queries) and the section of the observatory."""

    section = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["section"] = self.section
        context["language"] = get_language() or "en"
        return context

    @property
    def vocabulary(self) -> selectors.Vocabulary:
        if not hasattr(self, "_vocabulary"):
            self._vocabulary = selectors.Vocabulary()
        return self._vocabulary


class SearchView(ObservatoryMixin, TemplateView):
    template_name = "observatory/search.html"
    section = "search"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = selectors.Filters.from_query(self.request.GET)
        results = display.search(filters, self.vocabulary, per_page=PER_PAGE)
        context.update(
            filters=filters,
            page=paginate(_OnePage(results), filters.page, count=results.total),
            facets=selectors.link_facets(results.facets, filters),
            query=filters.as_query(),
        )
        return context


class EntryView(ObservatoryMixin, TemplateView):
    template_name = "observatory/entry.html"
    section = "search"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry = pages.entry_detail(self.kwargs["pk"])
        title, text, shown = entry.in_language(context["language"])
        source = getattr(entry.event, "observatory", None)
        context.update(
            entry=entry,
            entry_title=title,
            entry_text=text,
            entry_language=shown,
            report_document=source.report_document if source and source.report_document_id else None,
            related=pages.related_entries(entry),
            can_report=reportable(self.request.user, entry.commitments.all()),
        )
        return context


class CountryIndexView(ObservatoryMixin, TemplateView):
    template_name = "observatory/countries.html"
    section = "countries"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = selectors.country_counts()
        context["map"] = shaded_map(counts)
        on_map = set(country_codes())
        context["listed"] = sorted(
            ({"code": code, "name": countries.name(code), "count": n} for code, n in counts.items()),
            key=lambda row: row["name"],
        )
        context["off_map"] = [row for row in context["listed"] if row["code"] not in on_map]
        return context


class CountryView(ObservatoryMixin, TemplateView):
    template_name = "observatory/country.html"
    section = "countries"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        code = self.kwargs["code"].upper()
        if code not in countries:
            raise Http404
        country = pages.country_page(code, self.vocabulary)
        page = paginate(
            display.plain(country.entries), self.request.GET.get("page", "1"), count=country.total
        )
        page.object_list = display.with_related(list(page.object_list), self.vocabulary)
        context.update(
            code=code,
            country_name=countries.name(code),
            country=country,
            page=page,
            query={},
            map=shaded_map(selectors.country_counts(), current=code),
        )
        return context


class ThemeIndexView(ObservatoryMixin, TemplateView):
    template_name = "observatory/themes.html"
    section = "themes"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = selectors.Filters()
        found = selectors.filter_entries(filters, self.vocabulary)
        context["facets"] = selectors.link_facets(
            selectors.facet_counts(found, filters, self.vocabulary), filters
        )
        return context


class ThemeView(ObservatoryMixin, TemplateView):
    template_name = "observatory/theme.html"
    section = "themes"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        term = self.vocabulary.term(Term.Facet.THEME, self.kwargs["slug"])
        if term is None:
            raise Http404
        kind = self.request.GET.get("kind", "recommendation")
        kind = kind if kind in selectors.Entry.Kind.values else ""
        context.update(term=term, kind=kind, timeline=pages.theme_timeline(term, self.vocabulary, kind))
        context["kinds"] = selectors.Entry.Kind.choices
        return context


class LibraryView(ObservatoryMixin, TemplateView):
    template_name = "observatory/library.html"
    section = "library"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = library_selectors.LibraryFilters.from_query(self.request.GET)
        documents = library_selectors.search_documents(filters, self.vocabulary)
        context.update(
            filters=filters,
            page=Paginator(documents, PER_PAGE).get_page(filters.page),
            facets=selectors.link_facets(
                library_selectors.library_facets(documents, filters, self.vocabulary), filters
            ),
            query=filters.as_query(),
        )
        return context


class EventView(ObservatoryMixin, TemplateView):
    """An event's entries, in the order of its report, and its progress since the previous edition."""

    template_name = "observatory/event.html"
    section = "search"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = get_object_or_404(
            selectors.public_events().select_related("series"), slug=self.kwargs["slug"]
        )
        entries = selectors.for_display(
            selectors.public_entries().filter(event=event).order_by("number", "pk")
        ).select_related("source_document")
        context.update(
            event=event,
            page=Paginator(entries, 50).get_page(self.request.GET.get("page", "1")),
            progress=pages.progress_since_previous_edition(event),
            documents=library_selectors.public_documents().filter(event=event).order_by("title"),
        )
        return context
