"""The observatory's demo, from the seeds: the 2008 Buenos Aires meeting and the San José Dialogue 2024 in
one observatory (the issue's "Done when"), idempotent, with commitments only where the seeds state them."""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from events.models import Event
from observatory.models import Commitment, CommitmentUpdate, Entry, FocalPoint, LibraryDocument, StatusChange
from reports.services.outcome import export_report_pdf

pytestmark = pytest.mark.django_db

PAST = "lac-regional-preparatory-meeting-2008"


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    return Event.objects.get(slug="san-jose-dialogue-2024")


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (Entry, Commitment, CommitmentUpdate, StatusChange, FocalPoint, LibraryDocument, Event)
    }


def test_the_2008_meeting_the_san_jose_report_and_the_commitments_the_seeds_state(demo):
    past = Event.objects.get(slug=PAST)
    assert (past.city, past.country.code, str(past.start_date), str(past.end_date)) == (
        "Buenos Aires",
        "AR",
        "2008-08-20",
        "2008-08-21",
    )
    assert past.is_published and past.objectives_list() == [
        "Inter-sector cooperation and integrated policies",
        "Regional and sub-regional cooperation",
        "Legal reform and law enforcement",
        "Private sector initiatives and corporate social responsibility",
    ]
    partners = set(past.partners.values_list("organisation__name", flat=True))
    assert {"UNICEF", "ILO/IPEC", "ECPAT International", "CASACIDN"} <= partners
    entries = Entry.objects.filter(event=past)
    assert entries.count() == 41
    assert entries.filter(text_en="To create safe reporting mechanisms.").exists()
    assert entries.filter(section_en__startswith="Key recommendations from the Adolescent").count() == 5

    san_jose = Entry.objects.filter(event=demo)
    # the real report's 12 trends at a glance, 35 call-outs and 28 recommendations (Friday's closed
    # safeguarding workshop stays out)
    assert san_jose.count() == 75
    assert set(san_jose.values_list("provenance", flat=True)) == {"report"}
    # every page is where the entry lands in the portal's own PDF of the report (the 2008 booklet, a seed
    # without page numbers, gives none)
    assert not san_jose.filter(page__isnull=True).exists()
    assert not entries.filter(page__isnull=False).exists()
    pdf = PdfReader(io.BytesIO(export_report_pdf(event=demo, lang=demo.default_language).content))
    # (words hyphenated at the end of a line are joined again: "sus‐ tainable")
    pages = [re.sub(r"\s+", " ", page.extract_text() or "").replace("\u2010 ", "") for page in pdf.pages]
    for entry in san_jose.filter(kind="recommendation").order_by("number")[:8]:
        words = " ".join(entry.text_en.split()[:6])
        assert entry.page == next(n for n, text in enumerate(pages, start=1) if words in text), words

    assert set(Commitment.objects.values_list("organisation__name", flat=True)) == {
        "Youth for Action (Jóvenes para la Acción)",
        "Inter-American Children’s Institute (IIN)",
        "Example Foundation",
    }
    fictional = Commitment.objects.get(organisation__name="Example Foundation")
    assert fictional.description_en.startswith("Fictional example")
    assert fictional.updates.get().focal_point.user.email == "focal-point@example.org"
    assert [c.new_status for c in fictional.status_changes.all()] == ["planned", "in_progress"]
    observatory = Commitment.objects.get(organisation__name__startswith="Inter-American")
    assert list(observatory.updates.values_list("date__year", flat=True)) == [2008, 2009, 2010, 2011]


def test_searching_exploitation_in_spanish_or_english_finds_entries_of_2008_and_2024(client, demo):
    for words, language in [("explotación", "es"), ("exploitation", "en")]:
        response = client.get(reverse("observatory:search"), {"q": words}, HTTP_ACCEPT_LANGUAGE=language)

        assert {value.value for value in response.context["facets"]["year"]} == {"2008", "2024"}, words


def test_the_argentina_page_lists_the_2008_recommendations_and_the_map_shades_countries(client, demo):
    response = client.get(reverse("observatory:country", args=["AR"]))

    touching = response.context["country"].entries
    assert touching.filter(event__slug=PAST).count() == 41  # 40 for the region, 1 names the Triple Frontier
    assert touching.filter(text_en="To create safe reporting mechanisms.").exists()
    assert "Latin America and the Caribbean Regional Preparatory Meeting" in response.content.decode()

    shapes = {c["code"]: c for c in client.get(reverse("observatory:countries")).context["map"]["countries"]}
    named = set(
        Entry.objects.filter(is_public=True, event__is_published=True).values_list(
            "countries__country", flat=True
        )
    ) - {None}
    assert named >= {"AR", "BR", "UY", "MX"}
    assert {code for code, shape in shapes.items() if shape["shade"]} == named & set(shapes)
    assert shapes["JM"]["shade"] == 0


def test_the_demo_loads_twice_without_duplicating(demo):
    before = _counts()

    call_command("load_demo", stdout=io.StringIO())

    assert _counts() == before
