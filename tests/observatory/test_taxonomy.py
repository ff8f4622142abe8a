"""The shared taxonomy: loaded idempotently, themes on two levels, names in every portal language."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from observatory.models import Region, Term
from observatory.services.taxonomy import ensure_taxonomy

pytestmark = pytest.mark.django_db


def test_the_taxonomy_loads_twice_without_duplicating():
    before = (Term.objects.count(), Region.objects.count())

    call_command("load_taxonomy", stdout=None)
    ensure_taxonomy()

    assert (Term.objects.count(), Region.objects.count()) == before
    assert set(Term.objects.values_list("facet", flat=True)) == {"theme", "form", "addressee"}


def test_every_term_and_region_is_named_in_every_language():
    for row in [*Term.objects.all(), *Region.objects.all()]:
        assert row.name_en and row.name_es and row.name_fr and row.name_pt_br, row.slug


def test_central_america_is_within_latin_america_and_the_americas():
    regions = {region.slug: set(region.countries) for region in Region.objects.all()}

    assert regions["central-america"] <= regions["latin-america-caribbean"] <= regions["americas"]
    assert "MX" in regions["central-america"] and "US" not in regions["latin-america-caribbean"]


def test_themes_have_two_levels_and_only_themes_have_sub_themes():
    child = Term.objects.get(slug="legal-reform")
    grandchild = Term(facet="theme", slug="deeper", name="Deeper", parent=child)
    form_child = Term(facet="form", slug="sub-form", name="Sub-form", parent=Term.objects.get(slug="justice"))

    with pytest.raises(ValidationError):
        grandchild.full_clean()
    with pytest.raises(ValidationError):
        form_child.full_clean()
    assert child.parent.slug == "justice"
