"""An event's report becomes entries: texts per language, mapped terms, countries or regions, section and
page; publishing again updates in place; the back office is the organisers' and editors'."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from events.errors import DomainError
from events.models import Role
from observatory.models import Entry, ReportThemeMapping
from observatory.services.entries import get_source_event, publish_report_entries
from observatory.services.report_pages import publish_report
from observatory.services.taxonomy import map_report_theme
from reports.models import CollatedFinding, ReportSection
from reports.services.outcome import export_report_pdf, get_or_create_report
from tests.events.factories import EventFactory, UserFactory
from tests.reports.factories import ReportThemeFactory

from .factories import make_entry, regions, terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(event):
    """An event with a report: a thematic chapter with a recommendation (in English and Spanish), a
    country call-out, a region call-out and a quote."""
    get_or_create_report(event=event)
    theme = ReportThemeFactory(
        event=event, kind="thematic", title_en="Travel and tourism", title_es="Turismo"
    )
    items = {
        "recommendation": CollatedFinding.objects.create(
            event=event,
            theme=theme,
            kind="recommendation",
            title_en="Promote reporting",
            text_en="Encourage communities to report exploitation.",
            text_es="Alentar a las comunidades a denunciar la explotación.",
            order=1,
        ),
        "country": CollatedFinding.objects.create(
            event=event, theme=theme, kind="country_observation", country="HN", text_en="A surge in tourism."
        ),
        "region": CollatedFinding.objects.create(
            event=event,
            theme=theme,
            kind="country_observation",
            title_en="The Caribbean",
            text_en="Gender norms.",
        ),
        "quote": CollatedFinding.objects.create(event=event, theme=theme, kind="quote", text_en="A quote."),
    }
    return theme, items


def test_publishing_makes_entries_of_recommendations_observations_and_trends(event, reported):
    theme, items = reported
    map_report_theme(report_theme=theme, terms=terms("tourism-industry", "travel-tourism"))
    get_source_event(event=event).regions.set(regions("americas"))

    counts = publish_report_entries(event=event, pages={items["recommendation"].pk: 13})

    assert counts == {"created": 3, "updated": 0, "withdrawn": 0}
    recommendation = Entry.objects.get(collated_finding=items["recommendation"])
    assert (recommendation.kind, recommendation.provenance, recommendation.page) == (
        "recommendation",
        "report",
        13,
    )
    assert (recommendation.text_en, recommendation.text_es) == (
        "Encourage communities to report exploitation.",
        "Alentar a las comunidades a denunciar la explotación.",
    )
    assert (recommendation.section_en, recommendation.section_es) == ("Travel and tourism", "Turismo")
    assert sorted(t.slug for t in recommendation.terms.all()) == ["tourism-industry", "travel-tourism"]
    assert [r.slug for r in recommendation.regions.all()] == ["americas"]
    country = Entry.objects.get(collated_finding=items["country"])
    assert [c.country.code for c in country.countries.all()] == ["HN"] and not country.regions.exists()
    region = Entry.objects.get(collated_finding=items["region"])
    assert [r.slug for r in region.regions.all()] == ["caribbean"]
    assert not Entry.objects.filter(collated_finding=items["quote"]).exists()


def test_publishing_again_updates_in_place_and_withdraws_what_left_the_report(event, reported):
    theme, items = reported
    publish_report_entries(event=event)
    first = Entry.objects.get(collated_finding=items["recommendation"]).pk
    items["country"].in_report = False
    items["country"].save()
    items["recommendation"].text_en = "Encourage communities and schools to report."
    items["recommendation"].save()

    counts = publish_report_entries(event=event)

    assert counts == {"created": 0, "updated": 2, "withdrawn": 1}
    entry = Entry.objects.get(collated_finding=items["recommendation"])
    assert (entry.pk, entry.text_en) == (first, "Encourage communities and schools to report.")
    assert not Entry.objects.filter(collated_finding=items["country"]).exists()


def test_a_section_left_out_of_the_report_is_not_published(event, reported):
    report = get_or_create_report(event=event)
    report.sections.filter(kind=ReportSection.Kind.THEMATIC).update(included=False)

    assert publish_report_entries(event=event)["created"] == 0


def test_publishing_without_a_report_is_refused(event):
    with pytest.raises(DomainError):
        publish_report_entries(event=event)


def test_mapping_a_theme_later_gives_its_published_entries_the_terms(event, reported):
    theme, items = reported
    publish_report_entries(event=event)

    map_report_theme(report_theme=theme, terms=terms("justice"))
    map_report_theme(report_theme=theme, terms=terms("migration"))

    entry = Entry.objects.get(collated_finding=items["recommendation"])
    assert [t.slug for t in entry.terms.all()] == ["migration"]
    assert list(ReportThemeMapping.objects.get(report_theme=theme).terms.values_list("slug", flat=True)) == [
        "migration"
    ]


MANAGE_PAGES = ["overview", "mapping", "progress", "entry_add"]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("participant", 403),
        ("member", 403),
        ("facilitator", 403),
        ("rapporteur", 403),
        ("other_organiser", 403),
        ("organiser", 200),
    ],
)
@pytest.mark.parametrize("page", MANAGE_PAGES)
def test_the_back_office_is_the_organisers(client_as, event, role, status, page):
    client = client_as(role)

    response = client.get(reverse(f"observatory_manage:{page}", args=[event.slug]))

    assert response.status_code == status


def test_an_observatory_editor_manages_every_event(client, event):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(reverse("observatory_manage:overview", args=[event.slug])).status_code == 200


def test_organiser_publishes_from_the_back_office(client_as, event, reported):
    client = client_as("organiser")

    response = client.post(reverse("observatory_manage:publish", args=[event.slug]), follow=True)

    assert response.status_code == 200
    assert Entry.objects.filter(event=event).count() == 3
    assert "3 new entries" in response.content.decode()
    # the pages were read from the report PDF the portal made
    assert set(Entry.objects.filter(event=event).values_list("page", flat=True)) != {None}


def test_publishing_runs_as_a_background_job_and_the_request_waits_on_a_page(
    client_as, event, reported, settings
):
    from events import jobs
    from events.models import Job

    settings.JOBS_RUNNER = "celery"  # queued: the request itself renders nothing
    client = client_as("organiser")

    response = client.post(reverse("observatory_manage:publish", args=[event.slug]))

    job = Job.objects.get(kind="observatory.publish_report")
    waiting_url = reverse("observatory_manage:publish_job", args=[event.slug, job.token])
    assert (response.status_code, response.url) == (302, waiting_url)
    assert not Entry.objects.filter(event=event).exists()
    waiting = client.get(waiting_url)
    assert waiting.status_code == 202
    assert "The report is being published in the observatory" in waiting.content.decode()

    jobs.execute_here(job.pk)

    done = client.get(waiting_url, follow=True)
    assert "3 new entries" in done.content.decode()
    assert Entry.objects.filter(event=event).count() == 3


def test_publishing_an_event_without_a_report_says_so(client_as, event):
    client = client_as("organiser")

    response = client.post(reverse("observatory_manage:publish", args=[event.slug]), follow=True)

    assert "This event has no outcome report yet: there is nothing to publish." in response.content.decode()
    assert not Entry.objects.filter(event=event).exists()


def _pdf_pages(event) -> list[str]:
    reader = PdfReader(io.BytesIO(export_report_pdf(event=event, lang="en").content))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def test_an_entrys_page_is_where_its_finding_lands_in_the_portals_report_pdf(event, reported):
    theme, items = reported
    # enough text before the call-outs to push them onto a later page than the recommendation
    for n in range(40):
        CollatedFinding.objects.create(
            event=event, theme=theme, kind="trend", text_en=f"Trend {n}: " + "A long observation. " * 20
        )

    counts = publish_report(event=event)

    assert counts["pages_read"] is True
    pages = _pdf_pages(event)
    entries = list(Entry.objects.filter(event=event))
    assert len(entries) == 43
    for entry in entries:
        # the page its text is printed on (the first words; a long text may run onto the next page)
        start = entry.text_en[:30]
        assert entry.page == next(n for n, text in enumerate(pages, start=1) if start in text), start
    assert len({entry.page for entry in entries}) >= 3


def test_the_pages_follow_the_pdf_when_the_report_changes(event, reported):
    theme, items = reported
    # The report prints a theme's items in their collated order: the call-out comes after the new trends.
    CollatedFinding.objects.filter(pk=items["country"].pk).update(order=2)
    publish_report(event=event)
    before = Entry.objects.get(collated_finding=items["country"]).page
    for n in range(40):
        CollatedFinding.objects.create(
            event=event, theme=theme, kind="trend", order=0, text_en=f"Trend {n}: " + "Words. " * 60
        )

    publish_report(event=event)

    assert Entry.objects.get(collated_finding=items["country"]).page > before


def test_when_the_pdf_cannot_be_made_the_entries_are_published_with_their_old_pages(
    client_as, event, reported, monkeypatch
):
    from events.pdf import PdfRenderTimeout
    from observatory.services import report_pages

    publish_report_entries(event=event, pages={items_pk: 5 for items_pk in [reported[1]["country"].pk]})

    def too_slow(**kwargs):
        raise PdfRenderTimeout("too slow")

    monkeypatch.setattr(report_pages, "export_report_pdf", too_slow)
    client = client_as("organiser")

    response = client.post(reverse("observatory_manage:publish", args=[event.slug]), follow=True)

    assert "could not be made in time" in response.content.decode()
    assert Entry.objects.get(collated_finding=reported[1]["country"]).page == 5
    assert Entry.objects.filter(event=event).count() == 3


def test_organiser_maps_report_themes_from_the_back_office(client_as, event, reported):
    theme, _items = reported
    client = client_as("organiser")
    [justice] = terms("justice")

    response = client.post(
        reverse("observatory_manage:mapping", args=[event.slug]), {f"theme_{theme.pk}": [justice.pk]}
    )

    assert response.status_code == 302
    assert list(theme.observatory_mapping.terms.all()) == [justice]


def test_an_editor_enters_a_past_meetings_recommendation(client_as, event):
    client = client_as("organiser")
    [gender] = terms("gender")

    response = client.post(
        reverse("observatory_manage:entry_add", args=[event.slug]),
        {
            "kind": "recommendation",
            "original_language": "en",
            "number": "3",
            "text_en": "Issues related to gender must be addressed.",
            "section_en": "Recommendations for action",
            "terms": [gender.pk],
            "countries": ["AR"],
            "regions": [],
            "is_public": "on",
        },
    )

    assert response.status_code == 302
    entry = Entry.objects.get(event=event)
    assert (entry.text_en, entry.number, entry.year) == (
        "Issues related to gender must be addressed.",
        3,
        2024,
    )
    assert [t.slug for t in entry.terms.all()] == ["gender"]
    assert [c.country.code for c in entry.countries.all()] == ["AR"]


def test_an_entry_needs_its_text_in_its_original_language(client_as, event):
    client = client_as("organiser")

    response = client.post(
        reverse("observatory_manage:entry_add", args=[event.slug]),
        {"kind": "recommendation", "original_language": "es", "number": "1", "text_en": "Only English."},
    )

    assert response.status_code == 200
    assert Entry.objects.count() == 0


def test_an_entry_of_another_event_is_404_in_the_back_office(client_as, event):
    other = make_entry(EventFactory(), "Elsewhere.")
    client = client_as("organiser")

    assert (
        client.get(reverse("observatory_manage:entry_edit", args=[event.slug, other.pk])).status_code == 404
    )


def test_the_observatory_is_in_the_report_group_of_the_back_office(rf, event, make_user):
    from events.navigation import manage_menu

    request = rf.get("/")
    request.user = make_user(event, Role.ORGANISER)
    report = [group for group in manage_menu(request, event) if group.key == "report"][0]

    assert reverse("observatory_manage:overview", args=[event.slug]) in [link.url for link in report.links]
