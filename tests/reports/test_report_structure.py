"""What the report can express beyond one country per call-out: regions and groups of countries, attributed
quotes, links, prose under sub-headings, blocks in their own order, items the editors write, figures in
editorial texts, sections the organiser adds, the cover's partners and "About" pages; and the pages that
edit them, with their permissions."""

import pytest
from django.urls import reverse

from events.models import EventPartner, Organisation
from reports.markup import render_text
from reports.models import CollatedFinding, FindingKind, ReportSection, ReportTheme
from reports.selectors.outcome import build_report_document
from reports.services.outcome import get_or_create_report, render_report_html
from tests.reports.factories import CollatedFindingFactory, ReportThemeFactory
from tests.sessions_app.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

DENIED = ["participant", "member", "facilitator", "other_organiser"]


def _theme(event, kind=ReportTheme.Kind.DETAIL, title="Complex national government relations"):
    return ReportThemeFactory(event=event, kind=kind, title=title, title_en=title, introduction="")


def _chapter(event, kind):
    document = build_report_document(report=get_or_create_report(event=event), lang="en")
    return next(chapter for chapter in document.chapters if chapter.kind == kind)


def test_call_outs_name_a_region_or_several_countries(event):
    theme = _theme(event)
    CollatedFindingFactory(event=event, theme=theme, kind=FindingKind.COUNTRY_OBSERVATION, country="AR,VE")
    CollatedFindingFactory(
        event=event, theme=theme, kind=FindingKind.COUNTRY_OBSERVATION, region="The Caribbean"
    )
    CollatedFindingFactory(event=event, theme=theme, kind=FindingKind.COUNTRY_OBSERVATION, country="EC")
    (block,) = _chapter(event, ReportSection.Kind.IN_DETAIL).themes
    assert [c.country for c in block.callouts] == ["ARGENTINA AND VENEZUELA", "THE CARIBBEAN", "ECUADOR"]


def test_quote_attribution_is_organisation_dash_country_only_with_consent(event):
    theme = _theme(event)
    quote = {"event": event, "theme": theme, "kind": FindingKind.QUOTE, "country": "BZ"}
    CollatedFindingFactory(**quote, speaker_organisation="Example Foundation", attribution_consent=True)
    CollatedFindingFactory(**quote, speaker_organisation="Secret Org", attribution_consent=False)
    (block,) = _chapter(event, ReportSection.Kind.IN_DETAIL).themes
    assert [q.attribution for q in block.quotes] == ["Example Foundation – Belize", ""]


def test_blocks_keep_their_order_and_thematic_paragraphs_carry_their_kind(event):
    theme = _theme(event, ReportTheme.Kind.THEMATIC, "Child protection in travel and tourism")
    for kind in (FindingKind.CHALLENGE, FindingKind.QUOTE, FindingKind.TREND, FindingKind.RECOMMENDATION):
        CollatedFindingFactory(event=event, theme=theme, kind=kind, text=f"A {kind}.")
    (block,) = _chapter(event, ReportSection.Kind.THEMATIC).themes
    assert [(b.kind, b.label) for b in block.blocks] == [
        ("paragraphs", "Challenges"),
        ("quote", ""),
        ("paragraphs", "Key trends"),
        ("recommendations", "Recommendations from participants"),
    ]


def test_a_trend_at_a_glance_is_not_printed_again_in_its_theme(event):
    theme = _theme(event)
    CollatedFindingFactory(event=event, theme=theme, text="Printed once.", at_a_glance=True, glance_order=1)
    (block,) = _chapter(event, ReportSection.Kind.IN_DETAIL).themes
    assert block.blocks == []
    html, _document = render_report_html(event=event, lang="en")
    assert html.count("Printed once.") == 1


def test_prose_under_sub_headings_and_one_heading_for_a_chapter_of_one_theme(event):
    theme = _theme(event, ReportTheme.Kind.SAFEGUARDING, "Safeguarding")
    for sub in ("For effectiveness", "For inclusivity"):
        CollatedFindingFactory(
            event=event, theme=theme, kind=FindingKind.RECOMMENDATION, subheading=sub, text=f"{sub} text."
        )
    chapter = _chapter(event, ReportSection.Kind.SAFEGUARDING)
    assert chapter.toc_children[0][0] == "For effectiveness" and chapter.toc_children[0][2] == 2
    html, _document = render_report_html(event=event, lang="en")
    assert html.count(">Safeguarding</h") == 1
    assert "<p>For inclusivity text.</p>" in html  # prose, not a numbered list


def test_links_are_escaped_and_only_web_addresses_become_links():
    html = render_text("Read [the toolkit](https://ecpat.org/) or [this](javascript:alert(1)) <b>.")
    assert '<a href="https://ecpat.org/">the toolkit</a>' in html
    assert "javascript" in html and 'href="javascript' not in html and "&lt;b&gt;" in html


def test_editorial_figures_come_from_approved_registrations(event):
    for country in ("CR", "CR", "MX"):
        RegistrationFactory(event=event, country=country, status="approved")
    RegistrationFactory(event=event, country="BR", status="pending")
    report = get_or_create_report(event=event)
    report.introduction_en = "Convening {participants} participants from {countries} countries; {unknown}."
    report.save()
    chapter = _chapter(event, ReportSection.Kind.INTRODUCTION)
    assert "Convening 3 participants from 2 countries; {unknown}." in chapter.html


def _partner(event, name, order, description=""):
    organisation = Organisation.objects.create(name=name, description=description, description_en=description)
    EventPartner.objects.create(event=event, organisation=organisation, order=order)
    return organisation


def test_cover_form_picks_logos_and_about_pages_among_the_partners(client_as, event):
    first = _partner(event, "Example Foundation", 0, "Example Foundation works for children.")
    second = _partner(event, "Example Alliance", 1)
    stranger = Organisation.objects.create(name="Not a partner")
    client = client_as("organiser")
    url = reverse("reports:report_cover", args=[event.slug])
    refused = client.post(url, {"cover_organisations": [stranger.pk]})
    assert refused.status_code == 200 and not get_or_create_report(event=event).cover_organisations.exists()
    response = client.post(
        url,
        {"cover_organisations": [second.pk], "about_organisations": [first.pk], "designer": "A. Designer"},
    )
    assert response.status_code == 302
    chapter = _chapter(event, ReportSection.Kind.ABOUT)
    assert [(page.title, str(page.html)) for page in chapter.about] == [
        ("About Example Foundation", "<p>Example Foundation works for children.</p>")
    ]
    html, _document = render_report_html(event=event, lang="en")
    assert "Designed by: A. Designer" in html


def test_organiser_adds_writes_and_deletes_a_section(client_as, event):
    client = client_as("organiser")
    response = client.post(
        reverse("reports:report_section_add", args=[event.slug]), {"title": "Youth declaration"}
    )
    section = ReportSection.objects.get(report__event=event, kind=ReportSection.Kind.CUSTOM)
    assert response.status_code == 302 and section.title_en == "Youth declaration"
    report = get_or_create_report(event=event)
    texts_url = reverse("reports:report_texts", args=[event.slug, "en"])
    form = client.get(texts_url).context["form"]
    data = {name: value or "" for name, value in form.initial.items()}
    data[f"body_{section.pk}"] = "We, the young people, ask for a seat at the table."
    assert client.post(texts_url, data).status_code == 302
    html, _document = render_report_html(event=event, lang="en")
    assert "We, the young people, ask for a seat at the table." in html
    key_trends = report.sections.get(kind=ReportSection.Kind.KEY_TRENDS)
    delete = reverse("reports:report_section_delete", args=[event.slug, key_trends.pk])
    client.post(delete)
    assert report.sections.filter(pk=key_trends.pk).exists()  # a generated section is only left out
    client.post(reverse("reports:report_section_delete", args=[event.slug, section.pk]))
    assert not report.sections.filter(pk=section.pk).exists()


def test_editors_write_an_item_marked_editorial(client_as, event):
    theme = _theme(event, ReportTheme.Kind.THEMATIC, "Concluding remarks")
    client = client_as("rapporteur")
    url = reverse("reports:collation_write", args=[event.slug, theme.pk])
    assert (
        client.post(url, {"theme": theme.pk, "kind": "trend", "order": 1, "glance_order": 0}).status_code
        == 400
    )
    response = client.post(
        url,
        {
            "theme": theme.pk,
            "kind": "trend",
            "order": 1,
            "text_en": "Written for the report.",
            "in_report": "on",
            "glance_order": 0,
        },
    )
    assert response.status_code == 302
    item = CollatedFinding.objects.get(theme=theme)
    assert (item.editorial, item.text_en, item.sources.count()) == (True, "Written for the report.", 0)
    page = client.get(reverse("reports:collation_theme", args=[event.slug, theme.pk])).content.decode()
    assert "written by the editors" in page and "Write a finding" in page


@pytest.mark.parametrize("role", DENIED)
def test_new_report_pages_are_closed_to_other_roles(client_as, event, role):
    theme = _theme(event)
    client = client_as(role)
    assert client.get(reverse("reports:report_cover", args=[event.slug])).status_code == 403
    assert (
        client.post(reverse("reports:report_section_add", args=[event.slug]), {"title": "X"}).status_code
        == 403
    )
    assert client.get(reverse("reports:collation_write", args=[event.slug, theme.pk])).status_code == 403
    assert not ReportSection.objects.filter(kind=ReportSection.Kind.CUSTOM).exists()


def test_editors_move_a_quote_between_call_outs_and_the_report_follows(client_as, event):
    theme = _theme(event)
    place = {"event": event, "theme": theme, "kind": FindingKind.COUNTRY_OBSERVATION}
    first = CollatedFindingFactory(**place, country="EC", order=1)
    second = CollatedFindingFactory(**place, country="PE", order=2)
    quote = CollatedFindingFactory(event=event, theme=theme, kind=FindingKind.QUOTE, text="Said.", order=3)
    url = reverse("reports:collation_theme", args=[event.slug, theme.pk])
    client = client_as("rapporteur")
    client.post(url, {"move": "up", "item": quote.pk})
    assert list(theme.collated_findings.order_by("order").values_list("pk", flat=True)) == [
        first.pk,
        quote.pk,
        second.pk,
    ]
    (block,) = _chapter(event, ReportSection.Kind.IN_DETAIL).themes
    assert [b.kind for b in block.blocks] == ["callouts", "quote", "callouts"]
    page = client.get(url).content.decode()
    assert page.index("ECUADOR") < page.index("Said.") < page.index("PERU")


def test_cover_prints_the_region_and_the_optional_cover_image(event):
    from django.core.files.base import ContentFile

    from tests.reports.factories import logo_png

    report = get_or_create_report(event=event)
    report.region_label_en = "The Americas"
    report.save()
    html, _document = render_report_html(event=event, lang="en")
    assert '<p class="cover-region">The Americas</p>' in html and "cover-image" not in html
    report.cover_image.save("cover.png", ContentFile(logo_png("Cover", (20, 48, 90))))
    html, _document = render_report_html(event=event, lang="en")
    assert f'<img class="cover-image" src="{report.cover_image.url}" alt="">' in html
