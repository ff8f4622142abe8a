"""Staff pages of the outcome report: permissions, editing texts per language, order and inclusion."""

import pytest
from django.urls import reverse

from events.models import Role
from reports.models import Report, ReportSection
from reports.selectors.outcome import build_report_document
from reports.services.outcome import get_or_create_report, render_report_html
from tests.events.factories import EventFactory
from tests.reports import demo_report
from tests.reports.factories import build_sample_report

pytestmark = pytest.mark.django_db

DENIED = ["participant", "member", "facilitator", "other_organiser"]
ALLOWED = ["rapporteur", "organiser"]


def _urls(event):
    report = get_or_create_report(event=event)
    section = report.sections.get(kind=ReportSection.Kind.KEY_TRENDS)
    slug = event.slug
    return {
        "manage": ("get", reverse("reports:report_manage", args=[slug]), {}),
        "texts": ("get", reverse("reports:report_texts", args=[slug, "es"]), {}),
        "preview": ("get", reverse("reports:report_preview", args=[slug]) + "?lang=fr", {}),
        "pdf": ("get", reverse("reports:report_pdf", args=[slug]) + "?lang=es", {}),
        "move": (
            "post",
            reverse("reports:report_section_move", args=[slug, section.pk]),
            {"direction": "up"},
        ),
        "toggle": (
            "post",
            reverse("reports:report_section_toggle", args=[slug, section.pk]),
            {"included": "0"},
        ),
    }


@pytest.mark.parametrize("name", ["manage", "texts", "preview", "pdf", "move", "toggle"])
@pytest.mark.parametrize("role", DENIED)
def test_report_pages_forbidden_to_other_roles(client_as, event, role, name):
    method, url, data = _urls(event)[name]
    client = client_as(role)
    response = getattr(client, method)(url, data)
    assert response.status_code == 403
    assert ReportSection.objects.get(report__event=event, kind=ReportSection.Kind.KEY_TRENDS).included is True


@pytest.mark.parametrize("name", ["manage", "texts", "preview", "pdf", "move", "toggle"])
def test_report_pages_send_anonymous_to_login(client_as, event, name):
    method, url, data = _urls(event)[name]
    response = getattr(client_as("anonymous"), method)(url, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ALLOWED)
def test_report_pages_open_to_rapporteur_and_organiser(client_as, event, role):
    client = client_as(role)
    urls = _urls(event)
    assert client.get(urls["manage"][1]).status_code == 200
    assert client.get(urls["texts"][1]).status_code == 200
    preview = client.get(urls["preview"][1])
    assert preview.status_code == 200
    assert '<html lang="fr">' in preview.content.decode()
    pdf = client.get(urls["pdf"][1])
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == f'attachment; filename="{event.slug}-report-es.pdf"'
    assert pdf.getvalue().startswith(b"%PDF-1.7")
    assert client.post(urls["move"][1], urls["move"][2]).status_code == 302
    assert client.post(urls["toggle"][1], urls["toggle"][2]).status_code == 302
    assert (
        ReportSection.objects.get(report__event=event, kind=ReportSection.Kind.KEY_TRENDS).included is False
    )


def test_report_pages_of_unpublished_event_are_404_to_outsiders(client_as):
    hidden = EventFactory(is_published=False)
    client = client_as("participant")
    assert client.get(reverse("reports:report_manage", args=[hidden.slug])).status_code == 404
    assert client.get(reverse("reports:report_pdf", args=[hidden.slug])).status_code == 404


def test_report_section_of_another_event_is_404(client_as, event):
    other = get_or_create_report(event=EventFactory())
    foreign = other.sections.first()
    client = client_as("organiser")
    response = client.post(
        reverse("reports:report_section_move", args=[event.slug, foreign.pk]), {"direction": "up"}
    )
    assert response.status_code == 404
    response = client.post(
        reverse("reports:report_section_toggle", args=[event.slug, foreign.pk]), {"included": "0"}
    )
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.included is True


def test_report_unknown_language_is_404(client_as, event):
    client = client_as("organiser")
    assert client.get(reverse("reports:report_texts", args=[event.slug, "de"])).status_code == 404
    assert client.get(reverse("reports:report_pdf", args=[event.slug]) + "?lang=de").status_code == 404


def test_report_texts_saved_for_one_language(client_as, event):
    client = client_as("rapporteur")
    report = get_or_create_report(event=event)
    intro = report.sections.get(kind=ReportSection.Kind.INTRODUCTION)
    data = {
        "title": "Informe del diálogo",
        "introduction": "Primer párrafo.\n\nSegundo **importante**.",
        f"section_{intro.pk}": "Introducción",
    }
    response = client.post(reverse("reports:report_texts", args=[event.slug, "es"]), data)
    assert response.status_code == 302
    report.refresh_from_db()
    intro.refresh_from_db()
    assert (report.title_es, report.introduction_es, intro.title_es) == (
        "Informe del diálogo",
        "Primer párrafo.\n\nSegundo **importante**.",
        "Introducción",
    )
    assert report.title_en == event.title
    document = build_report_document(report=get_or_create_report(event=event), lang="es")
    chapter = next(c for c in document.chapters if c.kind == "introduction")
    assert chapter.title == "Introducción"
    assert chapter.html == "<p>Primer párrafo.</p>\n<p>Segundo <strong>importante</strong>.</p>"


def test_report_texts_too_long_title_saves_nothing(client_as, event):
    client = client_as("organiser")
    report = get_or_create_report(event=event)
    response = client.post(
        reverse("reports:report_texts", args=[event.slug, "pt-br"]),
        {"title": "x" * 301, "introduction": "Olá"},
    )
    assert response.status_code == 200
    assert "Ensure this value has at most 300 characters (it has 301)." in response.content.decode()
    report.refresh_from_db()
    assert (report.title_pt_br or "", report.introduction_pt_br or "") == ("", "")


def test_report_move_and_toggle_sections(client_as, event):
    client = client_as("organiser")
    report = get_or_create_report(event=event)
    kinds = list(report.sections.values_list("kind", flat=True))
    about = report.sections.get(kind=ReportSection.Kind.ABOUT)
    client.post(reverse("reports:report_section_move", args=[event.slug, about.pk]), {"direction": "up"})
    assert list(report.sections.values_list("kind", flat=True)) == kinds[:-2] + ["about", "future_directions"]
    client.post(
        reverse("reports:report_section_move", args=[event.slug, about.pk]), {"direction": "sideways"}
    )
    assert list(report.sections.values_list("kind", flat=True)) == kinds[:-2] + ["about", "future_directions"]
    evaluation = report.sections.get(kind=ReportSection.Kind.EVALUATION)
    assert evaluation.included is False
    client.post(reverse("reports:report_section_toggle", args=[event.slug, evaluation.pk]), {"included": "1"})
    evaluation.refresh_from_db()
    assert evaluation.included is True
    assert Report.objects.get(pk=report.pk).include_evaluation is True


def test_report_manage_page_lists_untranslated_parts(client_as, event):
    demo_report.load(event)
    client = client_as("organiser")
    page = client.get(reverse("reports:report_manage", args=[event.slug])).content.decode()
    assert "Report: acknowledgements" in page
    assert "Report: introduction" in page  # French has no introduction


@pytest.mark.parametrize("recommendations", [2, 8])
def test_report_document_queries_do_not_grow_with_content(event, django_assert_num_queries, recommendations):
    demo_report.load(event)
    build_sample_report(
        event, recommendations=recommendations, detail_themes=2 if recommendations == 2 else 4
    )
    event.refresh_from_db()
    report = get_or_create_report(event=event)  # one query, made by the caller of the selector
    # sections, themes, findings, partners, the cover's and the About pages' organisations, and the figures
    # (registrations, days); the demo's evaluation section is left out
    with django_assert_num_queries(8):
        document = build_report_document(report=report, lang="es")
    thematic = next(c for c in document.chapters if c.kind == "thematic")
    assert [len(theme.recommendations) for theme in thematic.themes] == [recommendations] * 5


@pytest.mark.parametrize("recommendations", [2, 8])
def test_report_manage_page_queries_do_not_grow_with_content(
    client_as, event, django_assert_num_queries, recommendations
):
    demo_report.load(event)
    build_sample_report(event, recommendations=recommendations)
    client = client_as("organiser")
    url = reverse("reports:report_manage", args=[event.slug])
    client.get(url)
    with django_assert_num_queries(10):  # roles from EventRole alone: no registration query
        assert client.get(url).status_code == 200


def test_report_demo_load_fills_texts_and_sections(event):
    report = demo_report.load(event)
    report.refresh_from_db()
    assert report.introduction_en.startswith("From June 3-7, 2024, ECPAT International hosted")
    assert report.introduction_es.startswith("Del 3 al 7 de junio de 2024")
    assert report.acknowledgements_es in {None, ""}
    assert list(report.sections.values_list("kind", "title_es", "included")) == [
        ("acknowledgements", "Agradecimientos", True),
        ("introduction", "Introducción", True),
        ("key_trends", "Tendencias clave de la explotación sexual infantil: las Américas", True),
        (
            "at_a_glance",
            "De un vistazo: las 12 principales tendencias emergentes del abuso y la explotación "
            "sexual infantil en las Américas",
            True,
        ),
        ("in_detail", "En detalle", True),
        ("thematic", "Debates temáticos", True),
        ("safeguarding", "El papel de las políticas y prácticas de salvaguarda", True),
        ("evaluation", "Lo que opinaron los participantes", False),  # the real report has none
        ("generated", None, True),  # the observatory's progress (printed only for a later edition)
        ("future_directions", "Orientaciones futuras", True),
        ("about", "Acerca de", True),
    ]
    demo_report.load(event)
    assert report.sections.count() == 11


def test_report_nav_link_only_for_report_staff(rf, event, make_user):
    from events.navigation import manage_menu

    for role, shown in [
        (Role.ORGANISER, True),
        (Role.RAPPORTEUR, True),
        (Role.FACILITATOR, False),
        (Role.PARTICIPANT, False),
    ]:
        request = rf.get("/")
        request.user = make_user(event, role)
        urls = [link.url for group in manage_menu(request, event) for link in group.links]
        assert (reverse("reports:report_manage", args=[event.slug]) in urls) is shown


def test_report_evaluation_summary_counts_ratings(event):
    from reports.models import Evaluation, EvaluationAnswer, EvaluationQuestion, EvaluationResponse

    report = get_or_create_report(event=event)
    evaluation = Evaluation.objects.create(event=event, title="Evaluation")
    useful = EvaluationQuestion.objects.create(
        evaluation=evaluation,
        text="How useful was the workshop?",
        text_en="How useful was the workshop?",
        scale_max=5,
        order=1,
    )
    EvaluationQuestion.objects.create(
        evaluation=evaluation, kind=EvaluationQuestion.Kind.TEXT, text="Comments", text_en="Comments", order=2
    )
    for rating in [5, 5, 4, 2]:
        response = EvaluationResponse.objects.create(evaluation=evaluation)
        EvaluationAnswer.objects.create(response=response, question=useful, rating=rating)
    section = report.sections.get(kind=ReportSection.Kind.EVALUATION)
    assert "evaluation" not in [
        c.kind for c in build_report_document(report=get_or_create_report(event=event), lang="en").chapters
    ]
    section.included = True
    section.save()
    chapter = next(
        c
        for c in build_report_document(report=get_or_create_report(event=event), lang="en").chapters
        if c.kind == "evaluation"
    )
    assert chapter.responses == 4
    [summary] = chapter.ratings
    assert (summary.question, summary.count, summary.average) == ("How useful was the workshop?", 4, "4.0")
    assert summary.bars == [(5, 2, 50), (4, 1, 25), (3, 0, 0), (2, 1, 25), (1, 0, 0)]
    html, _doc = render_report_html(event=event, lang="en")
    assert "4 participants answered the evaluation." in html
    assert '<span class="bar bar-50"></span> 50 %' in html


def test_report_texts_form_shows_saved_texts_and_the_default_language(client_as, event):
    report = demo_report.load(event)
    page = (
        client_as("rapporteur").get(reverse("reports:report_texts", args=[event.slug, "es"])).content.decode()
    )
    assert f'value="{report.title_es}"' in page
    assert ">\nDel 3 al 7 de junio de 2024, ECPAT International organizó" in page
    assert (
        "In the default language: “This event was made possible by funding from Sida and Oak Foundation."
        in page
    )


def test_report_text_in_the_default_language_is_marked_with_its_language(event):
    demo_report.load(event)
    html, _doc = render_report_html(event=event, lang="es")
    english = "<p>This event was made possible by funding from Sida and Oak Foundation.</p>"
    assert f'<div lang="en">{english}' in html
    assert '<div class="prose"><p>Del 3 al 7 de junio de 2024' in html


def test_report_preview_has_no_inline_style_or_script(client_as, event):
    demo_report.load(event)
    build_sample_report(event, recommendations=2)
    page = client_as("organiser").get(reverse("reports:report_preview", args=[event.slug]) + "?lang=es")
    html = page.content.decode()
    assert '<html lang="es">' in html
    assert "<style" not in html
    assert "style=" not in html
    assert "<script" not in html
    assert '<link rel="stylesheet" href="/static/css/report-print.css">' in html
    assert '<link rel="stylesheet" href="/static/css/report-screen.css">' in html
    assert f'href="/e/{event.slug}/manage/report/pdf/?lang=es">Descargar PDF</a>' in html


def test_report_download_too_slow_returns_to_the_overview_with_a_message(client_as, event, settings):
    settings.PDF_RENDER_TIMEOUT_SECONDS = 0.001
    demo_report.load(event)
    client = client_as("organiser")
    response = client.get(reverse("reports:report_pdf", args=[event.slug]) + "?lang=en", follow=True)
    assert response.redirect_chain == [(reverse("reports:report_manage", args=[event.slug]), 302)]
    assert "The report could not be made in time. Please try again later." in response.content.decode()


def test_report_falls_back_to_the_events_own_language_first(db):
    """A Spanish-language dialogue printed in French shows the Spanish text where French is missing (the
    portal's one fallback, dialogue_portal.i18n), not the English one, and marks it as Spanish."""
    event = EventFactory(languages=["es", "en"], default_language="es")
    report = get_or_create_report(event=event)
    report.introduction_en = "Hello"
    report.introduction_es = "Hola"
    report.save()
    report.sections.filter(kind=ReportSection.Kind.INTRODUCTION).update(title_en="Introduction")
    document = build_report_document(report=get_or_create_report(event=event), lang="fr")
    chapter = next(c for c in document.chapters if c.kind == "introduction")
    assert chapter.html == '<div lang="es"><p>Hola</p></div>'
    assert chapter.title == "Introduction"
    assert document.untranslated == [
        "Rapport\xa0: titre",
        "Rapport\xa0: introduction",
        "Titre de section\xa0: Introduction",
    ]
