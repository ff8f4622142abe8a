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
