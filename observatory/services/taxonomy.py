"""The shared taxonomy: the standard terms and regions, and the mapping of an event's report themes."""

from __future__ import annotations

from django.db import transaction

from reports.models import ReportTheme

from .. import taxonomy_data as data
from ..models import Entry, Region, ReportThemeMapping, Term
from ..search import localized, portal_languages

#: Position of each language in the tuples of `taxonomy_data` (by primary subtag: "pt-br" reads "pt").
_COLUMN = {"en": 0, "es": 1, "fr": 2, "pt": 3}


def _names(values) -> dict:
    names = {}
    for code in portal_languages():
        column = _COLUMN.get(code.split("-")[0])
        if column is not None:
            names[localized("name", code)] = values[column]
    names["name"] = values[0]
    return names


@transaction.atomic
def ensure_taxonomy() -> None:
    """Create or update the standard terms and regions (`taxonomy_data`), by slug. Idempotent; terms and
    regions editors added are left alone."""
    for order, (slug, *names, children) in enumerate(data.THEMES, start=1):
        parent, _ = Term.objects.update_or_create(
            facet=Term.Facet.THEME, slug=slug, defaults={"order": order * 10, "parent": None, **_names(names)}
        )
        for child_order, (child_slug, *child_names) in enumerate(children, start=1):
            Term.objects.update_or_create(
                facet=Term.Facet.THEME,
                slug=child_slug,
                defaults={"order": order * 10 + child_order, "parent": parent, **_names(child_names)},
            )
    for facet, rows in ((Term.Facet.FORM, data.FORMS), (Term.Facet.ADDRESSEE, data.ADDRESSEES)):
        for order, (slug, *names) in enumerate(rows, start=1):
            Term.objects.update_or_create(facet=facet, slug=slug, defaults={"order": order, **_names(names)})
    for order, (slug, *names, countries) in enumerate(data.REGIONS, start=1):
        Region.objects.update_or_create(
            slug=slug, defaults={"order": order, "countries": list(countries), **_names(names)}
        )


@transaction.atomic
def map_report_theme(*, report_theme: ReportTheme, terms) -> ReportThemeMapping:
    """Map a report theme onto taxonomy terms. The entries already published from the theme's collated
    findings take the new terms (terms an editor added to one entry by hand stay)."""
    from .entries import index_entries

    mapping, _ = ReportThemeMapping.objects.get_or_create(report_theme=report_theme)
    old = set(mapping.terms.values_list("pk", flat=True))
    new = {term.pk for term in terms}
    mapping.terms.set(new)
    entries = list(Entry.objects.filter(report_theme=report_theme, collated_finding__isnull=False))
    through = Entry.terms.through
    for entry in entries:
        through.objects.filter(entry=entry, term_id__in=old - new).delete()
        entry.terms.add(*new)
    index_entries(entries=entries)
    return mapping


def reindex_term(*, term: Term) -> None:
    """After a term's names changed: rebuild the search columns of the entries and documents carrying it."""
    from .entries import index_entries
    from .library import index_documents

    index_entries(entries=term.entries.all())
    index_documents(documents=term.documents.all())


# --- editing the taxonomy in the portal (observatory editors) ----------------------------------------


def _affected_entries(*, term_ids=(), region_ids=(), countries=()) -> list[Entry]:
    """The entries whose search columns and tallies hold these terms, regions or countries."""
    from django.db.models import Q

    condition = Q(pk__in=[])
    if term_ids:
        condition |= Q(terms__in=list(term_ids))
    if region_ids:
        condition |= Q(regions__in=list(region_ids))
    if countries:
        condition |= Q(countries__country__in=list(countries))
    return list(Entry.objects.filter(condition).distinct().only("pk", "event_id"))


def _affected_documents(*, term_ids=(), region_ids=()):
    from django.db.models import Q

    from ..models import LibraryDocument

    condition = Q(pk__in=[])
    if term_ids:
        condition |= Q(terms__in=list(term_ids))
    if region_ids:
        condition |= Q(regions__in=list(region_ids))
    return list(LibraryDocument.objects.filter(condition).distinct())


def _reindex(entries, documents) -> None:
    from .entries import index_entries
    from .library import index_documents

    index_entries(entries=entries)
    index_documents(documents=documents)


@transaction.atomic
def save_term(*, term: Term) -> Term:
    """Save a term an editor added or changed (its fields set, e.g. by a form; validated), and rebuild the
    search columns of what carries it: its names in every language are words the search finds."""
    term.full_clean()
    term.save()
    ids = [term.pk, *term.children.values_list("pk", flat=True)]
    _reindex(_affected_entries(term_ids=ids), _affected_documents(term_ids=ids))
    return term


@transaction.atomic
def delete_term(*, term: Term) -> None:
    """Delete a term (a theme with its sub-themes); the entries and documents that carried it lose it."""
    ids = [term.pk, *term.children.values_list("pk", flat=True)]
    entries, documents = _affected_entries(term_ids=ids), _affected_documents(term_ids=ids)
    term.delete()
    _reindex(entries, documents)


@transaction.atomic
def save_region(*, region: Region, previous_countries=()) -> Region:
    """Save a region an editor added or changed. What is said about the region touches its countries, and
    what names its countries touches the region: the entries concerned are indexed and counted again."""
    region.full_clean()
    region.save()
    codes = set(previous_countries) | set(region.countries)
    _reindex(
        _affected_entries(region_ids=[region.pk], countries=codes),
        _affected_documents(region_ids=[region.pk]),
    )
    return region


@transaction.atomic
def delete_region(*, region: Region) -> None:
    entries = _affected_entries(region_ids=[region.pk], countries=region.countries)
    documents = _affected_documents(region_ids=[region.pk])
    region.delete()
    _reindex(entries, documents)
