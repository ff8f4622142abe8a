"""The public library: documents of published events (and documents of no event), searched like entries,
with counts per kind, language, country and theme."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django_countries import countries as country_names

from events.models import LANGUAGE_CHOICES

from ..models import DocumentCountry, LibraryDocument, Term
from ..search import contains_any, match
from .entries import Count_, Vocabulary


def public_documents() -> QuerySet[LibraryDocument]:
    """Documents anyone may read: public; of a published event if of an event; and, when they are a file
    of the event's documents, that document public too."""
    return LibraryDocument.objects.filter(is_public=True).filter(
        Q(event__isnull=True) | Q(event__is_published=True),
        Q(event_document__isnull=True) | Q(event_document__is_public=True),
    )


@dataclass
class LibraryFilters:
    q: str = ""
    kind: str = ""
    language: str = ""
    country: str = ""
    theme: str = ""
    page: int = 1

    @classmethod
    def from_query(cls, data) -> LibraryFilters:
        kind = (data.get("kind") or "").strip()
        language = (data.get("language") or "").strip()
        country = (data.get("country") or "").strip().upper()[:2]
        page = (data.get("page") or "").strip()
        return cls(
            q=(data.get("q") or "").strip()[:200],
            kind=kind if kind in LibraryDocument.Kind.values else "",
            language=language if language in dict(LANGUAGE_CHOICES) else "",
            country=country if len(country) == 2 and country.isalpha() else "",
            theme=(data.get("theme") or "").strip()[:80],
            page=int(page) if page.isdigit() and int(page) > 0 else 1,
        )

    def as_query(self, **changes) -> dict:
        values = {"q": self.q, "kind": self.kind, "language": self.language, "country": self.country}
        values["theme"] = self.theme
        values.update(changes)
        return {key: value for key, value in values.items() if value}


def _library_condition(query: str) -> Q:
    """The SQLite fallback of the library's search: title, summary, the names of terms and regions."""
    related = LibraryDocument.objects.filter(contains_any(query, ["terms__name", "regions__name"])).values(
        "pk"
    )
    return Q(title__icontains=query) | Q(summary__icontains=query) | Q(pk__in=related)


def search_documents(filters: LibraryFilters, vocabulary: Vocabulary) -> QuerySet[LibraryDocument]:
    documents = public_documents()
    if filters.kind:
        documents = documents.filter(kind=filters.kind)
    if filters.language:
        documents = documents.filter(language=filters.language)
    if filters.country:
        in_country = Exists(
            DocumentCountry.objects.filter(document_id=OuterRef("pk"), country=filters.country)
        )
        around = LibraryDocument.regions.through.objects.filter(
            librarydocument_id=OuterRef("pk"), region_id__in=vocabulary.regions_containing(filters.country)
        )
        documents = documents.filter(Q(in_country) | Q(Exists(around)))
    if term := vocabulary.term(Term.Facet.THEME, filters.theme):
        tagged = LibraryDocument.terms.through.objects.filter(
            librarydocument_id=OuterRef("pk"), term_id__in=vocabulary.with_children(term)
        )
        documents = documents.filter(Exists(tagged))
    documents = match(documents, filters.q, fallback=_library_condition)
    order = ["-rank", "-year", "title", "pk"] if filters.q else ["-year", "title", "pk"]
    return (
        documents.select_related("event", "event_document")
        .prefetch_related("countries", "terms")
        .order_by(*order)
    )


def library_facets(
    documents: QuerySet, filters: LibraryFilters, vocabulary: Vocabulary
) -> dict[str, list[Count_]]:
    ids = documents.order_by().values("pk")
    plain = LibraryDocument.objects.filter(pk__in=ids).order_by()
    kinds = dict(plain.values_list("kind").annotate(n=Count("pk")))
    languages = dict(plain.values_list("language").annotate(n=Count("pk")))
    countries = (
        DocumentCountry.objects.filter(document_id__in=ids).values_list("country").annotate(n=Count("pk"))
    )
    themes = dict(
        LibraryDocument.terms.through.objects.filter(librarydocument_id__in=ids, term__facet=Term.Facet.THEME)
        .annotate(top=Coalesce("term__parent_id", "term_id"))
        .values_list("top")
        .annotate(n=Count("librarydocument_id", distinct=True))
        .order_by()
    )
    return {
        "kind": [
            Count_(value, label, kinds[value], value == filters.kind)
            for value, label in LibraryDocument.Kind.choices
            if kinds.get(value)
        ],
        "language": [
            Count_(code, label, languages[code], code == filters.language)
            for code, label in LANGUAGE_CHOICES
            if languages.get(code)
        ],
        "country": sorted(
            (
                Count_(code, country_names.name(code), n, code == filters.country)
                for code, n in countries.order_by()
            ),
            key=lambda c: (-c.count, c.label),
        ),
        "theme": [
            Count_(t.slug, t.name, themes[t.pk], t.slug == filters.theme)
            for t in vocabulary.terms
            if t.facet == Term.Facet.THEME and not t.parent_id and themes.get(t.pk)
        ],
    }
