"""The outcome report's PDF: table of contents, bookmarks, page labels, PDF/UA, privacy of quotes,
escaping, and the language of an export."""

import io
import re

import pytest
from pypdf import PdfReader

from reports.models import CollatedFinding, FindingKind
from reports.services.outcome import export_report_pdf, render_report_html
from tests.reports import demo_report
from tests.reports.factories import CollatedFindingFactory, build_sample_report

pytestmark = pytest.mark.django_db

_CACHE: dict[str, object] = {}


def _text(page) -> str:
    return re.sub(r"\s+", " ", page.extract_text() or "").strip()


@pytest.fixture
def sample_event(event):
    demo_report.load(event)
    build_sample_report(event, recommendations=6)
    return event


@pytest.fixture
def english_pdf(sample_event):
    """The sample report in English, rendered once for the module (the content is deterministic)."""
    if "en" not in _CACHE:
        export = export_report_pdf(event=sample_event, lang="en")
        _CACHE["en"] = (export.content, export.untranslated)
    content, _untranslated = _CACHE["en"]
    return PdfReader(io.BytesIO(content))


def _outline(reader):
    """(level, title, page index) of every bookmark, depth first."""
    items = []

    def walk(nodes, level):
        for node in nodes:
            if isinstance(node, list):
                walk(node, level + 1)
            else:
                items.append((level, node.title, reader.get_destination_page_number(node)))

    walk(reader.outline, 1)
    return items


def test_report_pdf_is_long_enough_and_a4(english_pdf):
    assert len(english_pdf.pages) >= 15
    box = english_pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_report_pdf_bookmarks_cover_chapters_and_sections(english_pdf):
    outline = _outline(english_pdf)
    level_one = [title for level, title, _page in outline if level == 1]
    assert level_one == [
        "San José Dialogue – Collective Action to End Child Sexual Exploitation in the Americas",
        "Acknowledgements",
        "Table of contents",
        "Introduction",
        "Key trends in the sexual exploitation of children: the Americas",
        "At a glance – top 12 emerging trends of child sexual abuse and exploitation in the Americas",
        "In detail",
        "Thematic discussions",
        "The role of safeguarding policies and practices",
        "Future directions",
        "About",
    ]
    level_two = [title for level, title, _page in outline if level == 2]
    assert level_two[:2] == [
        "1. The impact of migration, displacement, and organised crime",
        "2. Informality, poverty and the economy of exploitation",
    ]
    assert "Child protection in travel and tourism" in level_two
    level_three = [title for level, title, _page in outline if level == 3]
    assert level_three[0] == "For effectiveness"
    assert len(level_three) == 7


def test_report_toc_page_numbers_equal_the_pages_of_the_headings(english_pdf):
    toc_page = next(
        i for i, page in enumerate(english_pdf.pages) if _text(page).startswith("TABLE OF CONTENTS")
    )
    toc = _text(english_pdf.pages[toc_page])
    checked = 0
    for _level, title, page_index in _outline(english_pdf):
        if page_index <= toc_page or re.match(r"\d+\. ", title):
            continue  # front matter and the numbered "in detail" sections are not in the table
        # the heading stands on the page the bookmark points at ...
        assert title.upper() in _text(english_pdf.pages[page_index]).upper()
        # ... and the table of contents prints that page's number after the title
        assert f"{title.upper()} {page_index + 1}" in toc.upper(), title
        checked += 1
    assert checked == 21  # 8 chapters, 5 thematic chapters, 1 safeguarding theme, 7 sub-headings


def test_report_cover_has_no_page_number_then_one_numbering_page_x_of_y(english_pdf):
    pages = [_text(page) for page in english_pdf.pages]
    total = len(pages)
    assert pages[0] == (
        "San José Dialogue – Collective Action to End Child Sexual Exploitation in the Americas "
        "The Americas Regional workshop 3–7 June 2024 · Hotel Crowne Plaza, San José, Costa Rica"
    ).replace(
        "San José Dialogue – Collective Action to End Child Sexual Exploitation in the Americas",
        "SAN JOSÉ DIALOGUE – COLLECTIVE ACTION TO END CHILD SEXUAL EXPLOITATION IN THE AMERICAS",
        1,
    )
    # the front matter and the chapters share one numbering; the back cover carries none
    assert pages[1].endswith(f"Page 2 of {total}")
    assert pages[2].endswith(f"Page 3 of {total}")
    assert pages[3].endswith(f"Page 4 of {total}")
    assert pages[-2].endswith(f"Page {total - 1} of {total}")
    assert "Page" not in pages[-1]


def test_report_pdf_declares_pdf_ua_language_and_title(english_pdf):
    root = english_pdf.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfuaid:part(>|=\")1", xmp)
    assert root["/Lang"] == "en"
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a PDF boolean object
    assert "/StructTreeRoot" in root
    assert english_pdf.metadata.title == (
        "San José Dialogue – Collective Action to End Child Sexual Exploitation in the Americas"
    )


def test_report_quote_without_consent_has_no_attribution(sample_event, english_pdf):
    html, _doc = render_report_html(event=sample_event, lang="en")
    assert "(The Child Development Foundation – Belize)" in html
    assert "We cannot protect children we do not see." in html
    assert "Secret Org" not in html
    assert "Guyana" not in html
    text = " ".join(_text(page) for page in english_pdf.pages)
    assert "(The Child Development Foundation – Belize)" in text
    assert "We cannot protect children we do not see." in text
    assert "Secret Org" not in text


def test_report_finding_with_markup_prints_as_text(event):
    demo_report.load(event)
    CollatedFindingFactory(
        event=event,
        kind=FindingKind.TREND,
        at_a_glance=True,
        title="Tags",
        text='<script>alert("x")</script><b>bold</b> <img src="file:///etc/passwd" alt="p">',
    )
    html, _doc = render_report_html(event=event, lang="en")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<script>" not in html
    assert 'src="file:' not in html
    reader = PdfReader(io.BytesIO(export_report_pdf(event=event, lang="en").content))
    text = " ".join(_text(page) for page in reader.pages)
    assert '<script>alert("x")</script><b>bold</b> <img src="file:///etc/passwd" alt="p">' in text
    assert "root:" not in text


def test_report_spanish_export_uses_spanish_headings_and_lists_untranslated_parts(sample_event):
    CollatedFinding.objects.filter(event=sample_event, at_a_glance=True, glance_order=1).update(
        title_es="Vulnerabilidad de la niñez en movimiento",
        text_es="Los niños que migran solos corren más riesgos.",
    )
    export = export_report_pdf(event=sample_event, lang="es")
    reader = PdfReader(io.BytesIO(export.content))
    pages = [_text(page) for page in reader.pages]
    assert reader.trailer["/Root"]["/Lang"] == "es"
    assert any(page.startswith("TABLA DE CONTENIDO") for page in pages)
    assert "Agradecimientos" in [
        title for title in (item.title for item in reader.outline if not isinstance(item, list))
    ]
    text = " ".join(pages)
    assert "RECOMENDACIONES DE LOS PARTICIPANTES" in text
    assert f"Página 4 de {len(pages)}" in pages[3]
    assert "Vulnerabilidad de la niñez en movimiento: Los niños que migran solos corren más riesgos." in text
    # the untranslated parts print in English and are listed
    assert "Legal framework gaps" in text
    assert "Informe: agradecimientos" in export.untranslated
    assert "Informe: introducción" not in export.untranslated
    assert "Hallazgo «Legal framework gaps» (de un vistazo)" in export.untranslated
    assert not any("Vulnerabilidad" in part for part in export.untranslated)


def test_report_cover_logos_have_alternative_text(sample_event, english_pdf):
    html, _doc = render_report_html(event=sample_event, lang="en")
    # on the cover and again on the back cover
    assert re.findall(r'<img src="/media/logos/[^"]+" alt="([^"]*)">', html) == 2 * [
        "ECPAT International logo",
        "Fundación Paniamor logo",
        "Down to Zero: fighting sexual exploitation of children",
    ]
    images = english_pdf.pages[0]["/Resources"]["/XObject"]
    assert len(images) == 3
    alts = []

    def walk(node):
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for kid in node:
                walk(kid)
        elif hasattr(node, "get"):
            if node.get("/S") == "/Figure":
                alts.append(str(node.get("/Alt")))
            if "/K" in node:
                walk(node["/K"])

    walk(english_pdf.trailer["/Root"]["/StructTreeRoot"])
    assert sorted(alts) == sorted(
        2
        * [
            "ECPAT International logo",
            "Fundación Paniamor logo",
            "Down to Zero: fighting sexual exploitation of children",
        ]
    )


def test_report_no_heading_stands_alone_at_the_bottom_of_a_page(english_pdf):
    pages = [_text(page) for page in english_pdf.pages]
    checked, chapter = 0, ""
    for level, title, page_index in _outline(english_pdf):
        if level == 1:
            chapter = title  # chapters open a page; their title is the running header of the next ones
            continue
        # the running header and the footer come last in the extracted text: drop them
        text = re.sub(rf"{re.escape(chapter.upper())} Page \d+ of \d+$", "", pages[page_index]).strip()
        after = text[text.upper().rindex(title.upper()) + len(title) :].strip()
        # something of the section follows its heading on the same page
        assert len(after) > 40, title
        checked += 1
    assert checked == 17  # 4 detail sections, 5 thematic chapters, 1 safeguarding theme, 7 sub-headings


def test_report_pdf_draws_text_only_in_colours_the_contrast_test_checks(english_pdf):
    from tests.platform.helpers import pdf_text_colours
    from tests.platform.test_accessibility import REPORT_CSS, REPORT_TEXT_PAIRS, resolve

    checked = {resolve(foreground, REPORT_CSS) for foreground, _ in REPORT_TEXT_PAIRS}
    used = pdf_text_colours(english_pdf)

    assert resolve("var(--accent)", REPORT_CSS) in used  # theme numbers, contents page numbers
    assert resolve("var(--teal)", REPORT_CSS) in used  # call-out countries, theme titles
    assert used - checked == set()
