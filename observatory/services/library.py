"""The library of documents: saving a document with its countries, terms and regions, and its search
columns (the title and summary in the document's language, the names in every language)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from ..models import DocumentCountry, LibraryDocument
from ..search import (
    VECTOR_FIELDS,
    configuration,
    country_names,
    localized,
    portal_languages,
    uses_postgres,
    vector_values,
)


def index_documents(*, documents: Iterable[LibraryDocument] | None = None) -> int:
    """Rebuild the search columns of `documents` (all when None). Nothing to do on SQLite."""
    if not uses_postgres():
        return 0
    queryset = LibraryDocument.objects.all()
    if documents is not None:
        queryset = queryset.filter(pk__in=[document.pk for document in documents])
    codes = portal_languages()
    batch = []
    for document in queryset.prefetch_related("terms", "regions", "countries"):
        own = [code for code in codes if configuration(code) == configuration(document.language)][:1]
        countries = [row.country.code for row in document.countries.all()]
        values = vector_values(
            titles={code: document.title for code in own},
            texts={code: document.summary for code in own},
            names={
                code: " ".join(getattr(t, localized("name", code)) or "" for t in document.terms.all())
                for code in codes
            },
            places={
                code: " ".join(
                    country_names(countries, code)
                    + [getattr(r, localized("name", code)) or "" for r in document.regions.all()]
                )
                for code in codes
            },
        )
        for field, value in values.items():
            setattr(document, field, value)
        batch.append(document)
    LibraryDocument.objects.bulk_update(batch, list(VECTOR_FIELDS.values()), batch_size=200)
    return len(batch)


@transaction.atomic
def save_document(*, document: LibraryDocument, countries=(), terms=(), regions=()) -> LibraryDocument:
    """Save a library document with what it is about, and index it."""
    document.full_clean()
    document.save()
    codes = sorted({str(code) for code in countries if code})
    document.countries.exclude(country__in=codes).delete()
    existing = set(document.countries.values_list("country", flat=True))
    DocumentCountry.objects.bulk_create(
        [DocumentCountry(document=document, country=code) for code in codes if code not in existing]
    )
    document.terms.set(terms)
    document.regions.set(regions)
    index_documents(documents=[document])
    return document
