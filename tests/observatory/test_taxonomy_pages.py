"""The taxonomy and the focal points managed in the portal by observatory editors (staff), under
/observatory/manage/: themes on two levels, forms of exploitation, addressees and regions with their names
in every language, focal points per organisation and country. Everyone else: 403, or the log-in page."""

import pytest
from django.urls import reverse

from observatory.models import Entry, FocalPoint, Region, Term
from tests.events.factories import EventFactory, OrganisationFactory, UserFactory

from .factories import make_commitment, make_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(is_staff=True)
    client.force_login(user)
    return client


def _pages():
    theme = Term.objects.get(facet="theme", slug="justice")
    region = Region.objects.get(slug="caribbean")
    point = FocalPoint.objects.create(user=UserFactory(), organisation=OrganisationFactory())
    return [
        reverse("observatory:manage_taxonomy"),
        reverse("observatory:manage_term_add", args=["theme"]),
        reverse("observatory:manage_term_edit", args=[theme.pk]),
        reverse("observatory:manage_term_delete", args=[theme.pk]),
        reverse("observatory:manage_region_add"),
        reverse("observatory:manage_region_edit", args=[region.pk]),
        reverse("observatory:manage_region_delete", args=[region.pk]),
        reverse("observatory:manage_focal_point_add"),
        reverse("observatory:manage_focal_point_edit", args=[point.pk]),
        reverse("observatory:manage_focal_point_delete", args=[point.pk]),
    ]


def test_an_editor_opens_every_page(editor):
    for url in _pages():
        assert editor.get(url).status_code == 200, url


@pytest.mark.parametrize("role", ["participant", "organiser"])
def test_anyone_else_is_refused_and_changes_nothing(client_as, role):
    client = client_as(role)  # an organiser of an event is not an observatory editor
    names = list(Term.objects.values_list("name_en", flat=True))
    for url in _pages():
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"name_en": "Changed", "slug": "changed", "order": 1}).status_code == 403, url
    assert list(Term.objects.values_list("name_en", flat=True)) == names
    assert Region.objects.filter(slug="caribbean").exists() and FocalPoint.objects.count() == 1


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("observatory:manage_taxonomy"))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_unknown_objects_and_kinds_are_404(editor):
    for url in (
        reverse("observatory:manage_term_edit", args=[999999]),
        reverse("observatory:manage_term_add", args=["colour"]),
        reverse("observatory:manage_region_delete", args=[999999]),
        reverse("observatory:manage_focal_point_edit", args=[999999]),
    ):
        assert editor.get(url).status_code == 404, url


def test_the_overview_lists_themes_with_their_sub_themes_and_the_focal_points(editor):
    FocalPoint.objects.create(
        user=UserFactory(email="liaison@example.org"),
        organisation=OrganisationFactory(name="Example Foundation"),
        country="CR",
    )

    text = editor.get(reverse("observatory:manage_taxonomy")).content.decode()

    assert "Legislation and access to justice" in text and "Legal reform" in text
    assert text.index("Legislation and access to justice") < text.index("Legal reform")
    assert "Example Foundation (Costa Rica)" in text


def test_an_editor_adds_a_sub_theme_with_names_in_every_language_and_the_search_finds_it(editor):
    justice = Term.objects.get(facet="theme", slug="justice")
    entry = make_entry(EventFactory(), "Judges should hear children.", term_slugs=["justice"])

    response = editor.post(
        reverse("observatory:manage_term_add", args=["theme"]),
        {
            "parent": justice.pk,
            "slug": "child-friendly-courts",
            "order": 99,
            "name_en": "Child-friendly courts",
            "name_es": "Tribunales amigables con la niñez",
            "name_fr": "Tribunaux adaptés aux enfants",
            "name_pt_br": "Tribunais amigáveis à criança",
        },
    )

    assert response.status_code == 302
    term = Term.objects.get(slug="child-friendly-courts")
    assert (term.facet, term.parent, term.name_es) == ("theme", justice, "Tribunales amigables con la niñez")
    # an entry tagged with it is found through its name
    entry.terms.add(term)
    response = editor.post(
        reverse("observatory:manage_term_edit", args=[term.pk]),
        {"parent": justice.pk, "slug": term.slug, "order": 99, "name_en": "Courts for children"},
    )
    assert response.status_code == 302
    found = editor.get(reverse("observatory:search"), {"q": "Courts for children"})
    assert [e.pk for e in found.context["page"].object_list] == [entry.pk]


def test_themes_have_two_levels_only(editor):
    sub = Term.objects.get(facet="theme", slug="legal-reform")

    response = editor.post(
        reverse("observatory:manage_term_add", args=["theme"]),
        {"parent": sub.pk, "slug": "third-level", "order": 1, "name_en": "Third level"},
    )

    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    assert not Term.objects.filter(slug="third-level").exists()


def test_a_form_of_exploitation_has_no_broader_term_and_its_short_name_is_unique(editor):
    form_term = Term.objects.filter(facet="form").first()

    response = editor.post(
        reverse("observatory:manage_term_add", args=["form"]),
        {"slug": form_term.slug, "order": 1, "name_en": "Twin"},
    )

    assert response.status_code == 200
    assert "parent" not in response.context["form"].fields
    assert response.context["form"].errors
    assert Term.objects.filter(facet="form", slug=form_term.slug).count() == 1


def test_deleting_a_theme_removes_it_from_its_entries(editor):
    entry = make_entry(EventFactory(), "Reform the penal code.", term_slugs=["justice", "legal-reform"])
    justice = Term.objects.get(facet="theme", slug="justice")

    page = editor.get(reverse("observatory:manage_term_delete", args=[justice.pk])).content.decode()
    response = editor.post(reverse("observatory:manage_term_delete", args=[justice.pk]))

    assert "1 entry loses this term." in page
    assert response.status_code == 302
    assert not Term.objects.filter(slug__in=["justice", "legal-reform"]).exists()
    assert Entry.objects.get(pk=entry.pk).terms.count() == 0


def test_changing_a_regions_countries_changes_the_country_pages(editor, client):
    event = EventFactory()
    make_entry(event, "Protect children in the islands.", region_slugs=["caribbean"])
    caribbean = Region.objects.get(slug="caribbean")
    before = editor.get(reverse("observatory:country", args=["CR"])).context["country"].total

    response = editor.post(
        reverse("observatory:manage_region_edit", args=[caribbean.pk]),
        {
            "slug": "caribbean",
            "order": caribbean.order,
            "countries": [*caribbean.countries, "CR"],
            "name_en": caribbean.name_en,
            "name_es": caribbean.name_es,
        },
    )

    assert response.status_code == 302
    assert "CR" in Region.objects.get(pk=caribbean.pk).countries
    assert editor.get(reverse("observatory:country", args=["CR"])).context["country"].total == before + 1


def test_an_editor_names_a_focal_point_who_then_posts_updates_for_their_organisation(editor, client):
    person = UserFactory(email="liaison@example.org")
    organisation = OrganisationFactory(name="Example Foundation")
    commitment = make_commitment(make_entry(EventFactory()), organisation=organisation)

    response = editor.post(
        reverse("observatory:manage_focal_point_add"),
        {
            "email": "LIAISON@example.org",
            "organisation": organisation.pk,
            "country": "",
            "display_name": "A. Liaison",
            "show_name": "on",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    point = FocalPoint.objects.get()
    assert (point.user, point.organisation, point.show_name) == (person, organisation, True)
    client.force_login(person)
    assert client.get(reverse("observatory:commitment_update", args=[commitment.pk])).status_code == 200


def test_a_focal_point_needs_an_account_and_is_named_once_per_organisation_and_country(editor):
    organisation = OrganisationFactory()
    person = UserFactory(email="liaison@example.org")
    FocalPoint.objects.create(user=person, organisation=organisation, country="CR")
    data = {"organisation": organisation.pk, "country": "CR", "is_active": "on"}

    unknown = editor.post(
        reverse("observatory:manage_focal_point_add"), {**data, "email": "nobody@example.org"}
    )
    twin = editor.post(
        reverse("observatory:manage_focal_point_add"), {**data, "email": "liaison@example.org"}
    )

    assert "No account uses this address." in unknown.content.decode()
    assert "already a focal point" in twin.content.decode()
    assert FocalPoint.objects.count() == 1
