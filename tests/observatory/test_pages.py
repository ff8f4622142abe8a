"""The public pages: a country across the years with its map, a theme from one meeting to the next, an
entry with its provenance, an event's entries, the library; each in a constant number of queries."""

import datetime

import pytest
from django.urls import reverse

from observatory.maps import country_codes, shade, shaded_map
from observatory.models import Entry
from tests.events.factories import EventFactory

from .factories import make_commitment, make_document, make_entry

pytestmark = pytest.mark.django_db


def _old_event(**fields):
    return EventFactory(start_date=datetime.date(2008, 8, 20), end_date=datetime.date(2008, 8, 21), **fields)


def test_the_map_has_the_countries_of_the_americas():
    codes = country_codes()
    assert {"AR", "BR", "CA", "CR", "GT", "MX", "US", "TT", "BB", "GF"} <= set(codes)
    assert "FR" not in codes and "ES" not in codes and len(codes) == len(set(codes))


def test_the_map_shades_countries_by_their_number_of_entries():
    shapes = {country["code"]: country for country in shaded_map({"AR": 8, "BR": 1, "CL": 4})["countries"]}

    assert (shapes["AR"]["shade"], shapes["CL"]["shade"], shapes["BR"]["shade"], shapes["PE"]["shade"]) == (
        4,
        2,
        1,
        0,
    )
    assert [shade(n, 8) for n in (0, 1, 2, 3, 4, 5, 8)] == [0, 1, 1, 2, 2, 3, 4]


def test_the_countries_page_links_every_country_and_shades_those_with_entries(client):
    event = EventFactory()
    make_entry(event, "Guatemala.", countries=["GT"])

    response = client.get(reverse("observatory:countries"))

    page = response.content.decode()
    assert f'href="{reverse("observatory:country", args=["AR"])}"' in page
    assert 'id="map-GT" class="obs-shade-4"' in page
    assert 'id="map-AR" class="obs-shade-0"' in page


def test_a_country_page_lists_what_names_it_and_what_was_said_about_its_regions(client):
    old = _old_event(country="AR", city="Buenos Aires", slug="buenos-aires-2008")
    regional = make_entry(
        old, "To create safe reporting mechanisms.", region_slugs=["latin-america-caribbean"]
    )
    named = make_entry(EventFactory(), "Community organisations engage businesses.", countries=["AR"])
    make_entry(EventFactory(), "Canada only.", countries=["CA"])

    response = client.get(reverse("observatory:country", args=["ar"]))

    assert response.status_code == 200
    assert [e.pk for e in response.context["page"].object_list] == [named.pk, regional.pk]
    assert (response.context["country"].total, response.context["country"].named) == (2, 1)
    assert [e.slug for e in response.context["country"].events_held] == ["buenos-aires-2008"]
    assert response.context["country"].years == [(2024, 1), (2008, 1)]
    assert 'class="obs-shade-4 obs-current"' in response.content.decode()


def test_an_unknown_country_is_404(client):
    assert client.get(reverse("observatory:country", args=["XX"])).status_code == 404


def test_a_theme_page_shows_each_meeting_oldest_first_with_its_sub_themes(client):
    old, new = _old_event(), EventFactory()
    make_entry(old, "Old legal reform.", term_slugs=["legal-reform"])
    make_entry(old, "Old enforcement.", term_slugs=["law-enforcement"])
    make_entry(new, "New justice.", term_slugs=["child-friendly-justice"])
    make_entry(new, "A trend.", term_slugs=["justice"], kind=Entry.Kind.TREND)

    response = client.get(reverse("observatory:theme", args=["justice"]))

    timeline = response.context["timeline"]
    assert [(edition.event, edition.total) for edition in timeline] == [(old, 2), (new, 1)]
    assert [(term.slug, n) for term, n in timeline[0].subthemes] == [
        ("legal-reform", 1),
        ("law-enforcement", 1),
        ("child-friendly-justice", 0),
    ]
    every_kind = client.get(reverse("observatory:theme", args=["justice"]), {"kind": "all"}).context[
        "timeline"
    ]
    assert [edition.total for edition in every_kind] == [2, 2]


def test_an_entry_page_shows_its_provenance_and_commitments(client):
    event = _old_event(slug="buenos-aires-2008", city="Buenos Aires")
    booklet = make_document(title="Booklet of the meeting", event=event, kind="meeting_report")
    entry = make_entry(
        event, "To create safe reporting mechanisms.", text_es="Crear mecanismos de denuncia seguros."
    )
    entry.source_document = booklet
    entry.section_en = "Recommendations for action – 4. Inter-sectoral Strategies"
    entry.page = 12
    entry.save()
    make_commitment(entry, description="Create a hotline.")

    page = client.get(reverse("observatory:entry", args=[entry.pk])).content.decode()
    spanish = client.get(
        reverse("observatory:entry", args=[entry.pk]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()

    for text in [
        "Booklet of the meeting",
        "Recommendations for action – 4.",
        "12",
        "Create a hotline.",
        "Buenos Aires",
    ]:
        assert text in page
    assert "Crear mecanismos de denuncia seguros." in spanish


def test_a_brazilian_reader_sees_the_portuguese_text_of_an_entry(client):
    entry = make_entry(
        EventFactory(), "To create safe reporting mechanisms.", text_pt_br="Criar canais de denúncia seguros."
    )

    page = client.get(reverse("observatory:entry", args=[entry.pk]), HTTP_ACCEPT_LANGUAGE="pt-BR")
    listed = client.get(reverse("observatory:search"), HTTP_ACCEPT_LANGUAGE="pt-BR").content.decode()

    assert 'lang="pt-br"' in page.content.decode()
    assert "Criar canais de denúncia seguros." in page.content.decode()
    assert "no translation" not in page.content.decode() and "tradução" not in page.content.decode()
    assert "Criar canais de denúncia seguros." in listed


def test_an_entry_in_one_language_is_shown_as_written_with_its_language(client):
    entry = make_entry(EventFactory(), "Only in English.")

    page = client.get(
        reverse("observatory:entry", args=[entry.pk]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()

    assert '<div lang="en">' in page and "Only in English." in page


def test_the_library_searches_by_kind_language_country_and_theme(client):
    law = make_document(title="Ley contra la trata", language="es", kind="legislation", countries=["GT"])
    make_document(
        title="National plan", kind="public_policy", countries=["CR"], term_slugs=["national-plans"]
    )

    response = client.get(
        reverse("observatory:library"), {"kind": "legislation", "language": "es", "country": "GT"}
    )

    assert [d.pk for d in response.context["page"].object_list] == [law.pk]
    themed = client.get(reverse("observatory:library"), {"theme": "policy"}).context["page"].object_list
    assert [d.title for d in themed] == ["National plan"]
    assert [c.value for c in response.context["facets"]["kind"]] == ["legislation"]


def test_the_event_page_lists_its_entries_by_section(client):
    event = EventFactory()
    make_entry(event, "First.", number=1, section_en="Recommendations")

    response = client.get(reverse("observatory:event", args=[event.slug]))

    assert response.status_code == 200
    assert "Recommendations" in response.content.decode()
    assert response.context["progress"].previous is None


def test_the_event_page_reports_progress_since_the_previous_edition(client):
    from events.models import Series

    series = Series.objects.create(name="Collective Action", slug="collective-action")
    previous = _old_event(series=series)
    current = EventFactory(series=series)
    commitment = make_commitment(make_entry(previous, "Train judges."), date=datetime.date(2008, 8, 21))
    from observatory.services.commitments import post_update

    post_update(
        commitment=commitment,
        text="Half the judges trained.",
        date=datetime.date(2020, 1, 10),
        language="en",
        status="in_progress",
    )

    response = client.get(reverse("observatory:event", args=[current.slug]))

    progress = response.context["progress"]
    assert progress.previous == previous
    assert [(c.status_then_label, c.status_now_label) for c in progress.commitments] == [
        ("Planned", "In progress")
    ]
    assert "Half the judges trained." in response.content.decode()


@pytest.mark.parametrize("size", [1, 5])
def test_country_theme_entry_library_and_event_pages_make_a_constant_number_of_queries(
    client, django_assert_num_queries, size
):
    event = EventFactory()
    entries = []
    for n in range(size):
        entry = make_entry(
            event,
            f"Entry {n}.",
            countries=["AR"],
            term_slugs=["justice", "legal-reform"],
            region_slugs=["south-america"],
        )
        make_commitment(entry)
        make_document(title=f"Document {n}", countries=["AR"], term_slugs=["justice"], event=event)
        entries.append(entry)
    pages = [
        (reverse("observatory:country", args=["AR"]), 10),
        (reverse("observatory:theme", args=["justice"]), 11),
        (reverse("observatory:entry", args=[entries[0].pk]), 9),
        (reverse("observatory:library"), 11),
        (reverse("observatory:event", args=[event.slug]), 8),
        (reverse("observatory:countries"), 1),
        (reverse("observatory:themes"), 4),
    ]
    for url, queries in pages:
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200


def test_lists_show_each_entrys_themes_countries_regions_and_commitments(client):
    from tests.events.factories import OrganisationFactory

    event = EventFactory()
    entry = make_entry(
        event,
        "Reform the penal code.",
        countries=["AR", "UY"],
        term_slugs=["legal-reform", "justice"],
        region_slugs=["south-america"],
    )
    make_commitment(entry, organisation=OrganisationFactory(name="Example Foundation"), status="stalled")
    make_entry(event, "Another entry.", countries=["AR"])

    for url in (reverse("observatory:search") + "?q=penal", reverse("observatory:country", args=["UY"])):
        response = client.get(url)
        [shown] = [e for e in response.context["page"].object_list if e.pk == entry.pk]
        assert [t.slug for t in shown.terms.all()] == ["justice", "legal-reform"], url
        assert [c.country.code for c in shown.countries.all()] == ["AR", "UY"], url
        assert [r.slug for r in shown.regions.all()] == ["south-america"], url
        html = response.content.decode()
        assert "Example Foundation: Stalled" in html and "Legal reform</span>" in html, url


def test_the_report_markup_of_an_entry_is_a_link_on_its_page_and_plain_words_in_lists(client):
    event = EventFactory()
    entry = make_entry(
        event, "Read the **ECPAT** toolkit: [Engaging with children](https://ecpat.org/).", countries=["CR"]
    )

    listed = client.get(reverse("observatory:search")).content.decode()
    shown = client.get(reverse("observatory:entry", args=[entry.pk])).content.decode()

    assert "Read the ECPAT toolkit: Engaging with children." in listed
    assert "](" not in listed and "**" not in listed
    link = '<a href="https://ecpat.org/">Engaging with children</a>'
    assert f"<p>Read the <strong>ECPAT</strong> toolkit: {link}.</p>" in shown
