"""Entries, commitments and documents of the observatory, written through its services (so that their
search columns are built as in production)."""

from __future__ import annotations

import datetime

from modeltranslation.utils import build_localized_fieldname

from observatory.models import Commitment, Entry, LibraryDocument, Region, Term
from observatory.services import commitments as commitment_services
from observatory.services import entries as entry_services
from observatory.services import library as library_services
from tests.events.factories import OrganisationFactory


def terms(*slugs: str) -> list[Term]:
    found = {term.slug: term for term in Term.objects.filter(slug__in=slugs)}
    return [found[slug] for slug in slugs]


def regions(*slugs: str) -> list[Region]:
    return list(Region.objects.filter(slug__in=slugs))


def make_entry(
    event,
    text: str = "Strengthen the protection of children online.",
    *,
    language: str = "en",
    title: str = "",
    kind: str = Entry.Kind.RECOMMENDATION,
    countries=(),
    region_slugs=(),
    term_slugs=(),
    number: int = 0,
    is_public: bool = True,
    **texts,
) -> Entry:
    """An entry written in `language` (`texts` adds translations: text_es="...")."""
    entry = Entry(event=event, kind=kind, number=number, original_language=language, is_public=is_public)
    setattr(entry, build_localized_fieldname("text", language), text)
    setattr(entry, build_localized_fieldname("title", language), title)
    for name, value in texts.items():
        setattr(entry, name, value)
    return entry_services.save_entry(
        entry=entry, terms=terms(*term_slugs), countries=countries, regions=regions(*region_slugs)
    )


def make_commitment(
    entry, *, organisation=None, country="", status="planned", description="Train 40 judges.", date=None
) -> Commitment:
    commitment = Commitment(
        entry=entry,
        organisation=organisation or OrganisationFactory(),
        country=country,
        status=status,
        description_en=description,
    )
    return commitment_services.save_commitment(commitment=commitment, date=date or datetime.date(2024, 6, 7))


def make_document(
    *,
    title="National plan of action 2024",
    language="en",
    kind="public_policy",
    event=None,
    countries=(),
    term_slugs=(),
    summary="",
    **fields,
) -> LibraryDocument:
    document = LibraryDocument(
        title=title, language=language, kind=kind, event=event, summary=summary, **fields
    )
    return library_services.save_document(document=document, countries=countries, terms=terms(*term_slugs))
