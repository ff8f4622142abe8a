"""The observatory's search: each text in its own language (PostgreSQL), the taxonomy as a thesaurus,
the SQLite fallback, filters and counts per filter value, and a constant number of queries."""

import datetime

import pytest
from django.urls import reverse

from observatory.models import Entry
from observatory.selectors.entries import Filters, Vocabulary, facet_counts, filter_entries, ordered
from tests.events.factories import EventFactory

from .factories import make_commitment, make_entry

pytestmark = pytest.mark.django_db


def found(**filters) -> list[int]:
    chosen = Filters(**filters)
    return list(ordered(filter_entries(chosen, Vocabulary()), chosen).values_list("pk", flat=True))


def test_search_finds_words_of_an_english_text():
    event = EventFactory()
    hit = make_entry(event, "Regulate online platforms linked with travel and tourism.")
    make_entry(event, "Strengthen child participation councils.")

    assert found(q="platforms") == [hit.pk]


@pytest.mark.postgres
def test_search_stems_each_text_in_its_own_language(postgres_only):
    event = EventFactory()
    spanish = make_entry(event, "Las explotaciones de niñas en zonas turísticas aumentan.", language="es")
    french = make_entry(event, "Les exploitations sexuelles en ligne progressent.", language="fr")
    english = make_entry(event, "Sexual exploiting of children online is rising.")

    assert found(q="explotación") == [spanish.pk]
    assert set(found(q="exploitation")) == {french.pk, english.pk}


@pytest.mark.postgres
def test_singular_finds_plural_in_spanish_french_and_portuguese(postgres_only):
    event = EventFactory()
    spanish = make_entry(event, "Los niños migrantes necesitan protección.", language="es")
    french = make_entry(event, "Les enfants victimes ont besoin de services.", language="fr")
    portuguese = make_entry(event, "As crianças vítimas precisam de serviços.", language="pt-br")

    assert found(q="niño") == [spanish.pk]
    assert found(q="enfant") == [french.pk]
    assert found(q="criança") == [portuguese.pk]


def test_search_finds_an_entry_through_the_name_of_its_term_in_another_language():
    """An English recommendation tagged "Online child sexual exploitation" is found by the Spanish word."""
    event = EventFactory()
    tagged = make_entry(event, "Regulate cyber cafes and mobile suppliers.", term_slugs=["online"])
    make_entry(event, "Hold sub-regional meetings.")

    assert found(q="explotación") == [tagged.pk]


@pytest.mark.postgres
def test_search_finds_an_entry_through_its_country_name_in_another_language(postgres_only):
    event = EventFactory()
    tagged = make_entry(event, "Community organisations engage local businesses.", countries=["AR"])
    make_entry(event, "Hold sub-regional meetings.", countries=["CL"])

    assert found(q="Argentine") == [tagged.pk]


@pytest.mark.postgres
def test_search_ranks_a_title_match_above_a_text_match(postgres_only):
    event = EventFactory()
    in_text = make_entry(event, "Governments should regulate tourism and its online platforms.")
    in_title = make_entry(event, "Enforce the rules.", title="Regulate tourism platforms")

    assert found(q="tourism platforms") == [in_title.pk, in_text.pk]


def test_country_filter_also_finds_what_was_said_about_its_regions():
    event = EventFactory()
    named = make_entry(event, "Named.", countries=["AR"])
    regional = make_entry(event, "Regional.", region_slugs=["latin-america-caribbean"])
    make_entry(event, "Elsewhere.", countries=["CA"])
    make_entry(event, "Caribbean.", region_slugs=["caribbean"])

    assert set(found(country="AR")) == {named.pk, regional.pk}


def test_region_filter_finds_its_countries_and_broader_and_smaller_regions():
    event = EventFactory()
    in_country = make_entry(event, "Guatemala.", countries=["GT"])
    about_region = make_entry(event, "Central America.", region_slugs=["central-america"])
    broader = make_entry(event, "Latin America.", region_slugs=["latin-america-caribbean"])
    south = make_entry(event, "South America.", region_slugs=["south-america"])
    peru = make_entry(event, "Peru.", countries=["PE"])
    make_entry(event, "Canada.", countries=["CA"])

    assert set(found(region="central-america")) == {in_country.pk, about_region.pk, broader.pk}
    assert set(found(region="latin-america-caribbean")) == {
        in_country.pk,
        about_region.pk,
        broader.pk,
        south.pk,
        peru.pk,
    }


def test_theme_filter_includes_its_sub_themes():
    event = EventFactory()
    parent = make_entry(event, "Parent.", term_slugs=["justice"])
    child = make_entry(event, "Child.", term_slugs=["legal-reform"])
    make_entry(event, "Other.", term_slugs=["participation"])

    assert set(found(theme="justice")) == {parent.pk, child.pk}
    assert found(theme="legal-reform") == [child.pk]


def test_filters_by_event_year_kind_and_commitment_status():
    old = EventFactory(start_date=datetime.date(2008, 8, 20), end_date=datetime.date(2008, 8, 21))
    new = EventFactory()
    old_entry = make_entry(old, "Old.")
    trend = make_entry(new, "Trend.", kind=Entry.Kind.TREND)
    committed = make_entry(new, "Committed.")
    make_commitment(committed, status="achieved")

    assert found(year=2008) == [old_entry.pk]
    assert found(event=old.slug) == [old_entry.pk]
    assert found(kind="trend") == [trend.pk]
    assert found(status="achieved") == [committed.pk]


def test_counts_per_filter_value_follow_the_results():
    event = EventFactory()
    make_entry(event, "Tourism one.", term_slugs=["tourism-industry", "travel-tourism"], countries=["CR"])
    make_entry(event, "Tourism two.", term_slugs=["private-sector"], countries=["CR", "PA"])
    make_entry(event, "Justice.", term_slugs=["justice"], countries=["GT"], kind=Entry.Kind.TREND)
    chosen = Filters(theme="private-sector")

    facets = facet_counts(filter_entries(chosen, Vocabulary()), chosen, Vocabulary())

    assert [(c.value, c.count, c.selected) for c in facets["theme"]] == [("private-sector", 2, True)]
    assert [(c.value, c.count) for c in facets["theme"][0].children] == [("tourism-industry", 1)]
    assert [(c.value, c.count) for c in facets["country"]] == [("CR", 2), ("PA", 1)]
    assert [(c.value, c.count) for c in facets["form"]] == [("travel-tourism", 1)]
    assert [(c.value, c.count) for c in facets["kind"]] == [("recommendation", 2)]


def test_every_count_is_the_number_of_matching_entries_with_that_value():
    """Counts by top-level theme, sub-theme, country, region and status count entries, once each (on
    PostgreSQL from the entries' facet columns, on SQLite with joins): an entry with two sub-themes of
    one theme, or two commitments of one status, counts once."""
    event = EventFactory()
    both = make_entry(
        event,
        "Reform laws and train judges.",
        term_slugs=["legal-reform", "child-friendly-justice"],
        countries=["AR", "UY"],
        region_slugs=["south-america"],
    )
    make_commitment(both, status="stalled")
    make_commitment(both, status="stalled")
    make_commitment(both, status="achieved")
    one = make_entry(event, "Train judges.", term_slugs=["child-friendly-justice"], countries=["AR"])
    make_commitment(one, status="stalled")
    make_entry(event, "Unrelated.", term_slugs=["gender"], countries=["MX"])
    chosen = Filters(country="AR")

    facets = facet_counts(filter_entries(chosen, Vocabulary()), chosen, Vocabulary())

    assert facets["total"] == 2
    assert [(c.value, c.count) for c in facets["theme"]] == [("justice", 2)]
    assert sorted((c.value, c.count) for c in facets["theme"][0].children) == [
        ("child-friendly-justice", 2),
        ("legal-reform", 1),
    ]
    assert [(c.value, c.count) for c in facets["country"]] == [("AR", 2), ("UY", 1)]
    assert [(c.value, c.count) for c in facets["region"]] == [("south-america", 1)]
    assert [(c.value, c.count) for c in facets["status"]] == [("achieved", 1), ("stalled", 2)]


def test_filters_ignore_unknown_values():
    filters = Filters.from_query({"country": "<script>", "year": "abc", "kind": "quote", "page": "-1"})

    assert (filters.country, filters.year, filters.kind, filters.page) == ("", None, "", 1)


@pytest.mark.parametrize("size", [1, 6])
def test_search_page_makes_a_constant_number_of_queries(client, django_assert_num_queries, size):
    event = EventFactory()
    for n in range(size):
        entry = make_entry(
            event, f"Protect children online {n}.", term_slugs=["online", "justice"], countries=["CR"]
        )
        make_commitment(entry, status="in_progress")

    with django_assert_num_queries(9):
        response = client.get(reverse("observatory:search"), {"q": "children", "country": "CR"})

    assert response.status_code == 200
    assert len(response.context["page"].object_list) == size
