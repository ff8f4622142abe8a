"""The demo's English outcome report against the real one (events/demo_data/sources/, the text of the
published PDF): its body sentences, every call-out, quote and recommendation, and no quote of its own.

The seed is read here with its own small reader (not the demo's tooling), so that the test does not
share the code that wrote the demo."""

import html as html_lib
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest

from events.demo_data import DATA_DIR
from reports.services.outcome import export_report_pdf, render_report_html

SEED = Path(DATA_DIR) / "sources" / "san-jose-dialogue-2024-outcome-report.txt"


def normalise(text: str) -> str:
    """Lower case, one kind of apostrophe and dash, no quotation marks, bold or link mark-up, one space."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", html_lib.unescape(text)).replace("**", "")
    text = text.replace("’", "'").replace("–", "-").replace("—", "-").replace("\u00a0", " ")
    text = re.sub(r"[“”\"]", "", text)
    return " ".join(text.split()).casefold()


def seed_blocks() -> list[str]:
    """The body's paragraphs (from the introduction to the last "About"), one line each, with a paragraph
    cut by a page break joined to its end."""
    text = SEED.read_text(encoding="utf-8")
    body = text[text.index("\nINTRODUCTION\n\nFrom June") : text.index("\nFUNDACIÓN •")]
    body = re.sub(r"\n(- \d+\. )", r"\n\n\1", body)
    blocks = [" ".join(line.strip() for line in b.splitlines()).strip() for b in re.split(r"\n\s*\n", body)]
    joined: list[str] = []
    for block in filter(None, blocks):
        if joined and block[0].islower() and not joined[-1].endswith((".", ":", "”")):
            joined[-1] += " " + block
        else:
            joined.append(block)
    return joined


def is_heading(block: str) -> bool:
    return not re.search(r"[a-z]", block) or block == "Recommendations from participants"


CALLOUT = re.compile(r"^([A-Z][A-Z ]+[A-Z]): (.+)$")


def seed_callouts() -> list[tuple[str, str]]:
    # a heading such as "KEY TRENDS ...: THE AMERICAS" is no call-out: a call-out's text is not in capitals
    return [(m.group(1), m.group(2)) for b in seed_blocks() if (m := CALLOUT.match(b)) and not is_heading(b)]


def seed_quotes() -> list[tuple[str, str]]:
    blocks = seed_blocks()
    return [
        (normalise(block), normalise(blocks[i + 1].strip("()")))
        for i, block in enumerate(blocks)
        if block.startswith("“")
    ]


def seed_recommendations() -> list[str]:
    """The titles of the thematic chapters' recommendations (numbered, or "Title:" in the tourism one)."""
    blocks = seed_blocks()
    start = blocks.index("THEMATIC DISCUSSIONS")
    end = blocks.index("THE ROLE OF SAFEGUARDING POLICIES AND PRACTICES")
    titles, listing = [], False
    for block in blocks[start:end]:
        if block == "Recommendations from participants":
            listing = True
        elif is_heading(block):
            listing = False
        elif listing and (numbered := re.match(r"^- \d+\. (.+?):\*\*", block)):
            titles.append(numbered.group(1))
        elif listing and re.match(r"^[A-Z][^.]{3,80}:( |$)", block):
            titles.append(block.split(":")[0])
    return titles


def sentences(block: str) -> list[str]:
    block = re.sub(r"^- \d+\. ", "", block)
    block = CALLOUT.sub(r"\2", block)  # the place prints from the data ("THE CARIBBEAN")
    return [s for s in re.split(r"(?<=[.!?])\s+", block) if len(s.split()) >= 4]


INLINE = {"strong", "a", "em", "span", "b", "i"}


class TextOf(HTMLParser):
    """The text of an HTML document, a space between block elements."""

    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


@pytest.fixture
def english(demo_event):
    html, document = render_report_html(event=demo_event, lang="en")
    parser = TextOf()
    parser.feed(html)
    return normalise("".join(parser.parts)), document


def test_the_seed_reads_as_the_real_report_is_laid_out():
    assert len(seed_callouts()) == 35
    assert len(seed_quotes()) == 5
    assert len(seed_recommendations()) == 28


def test_at_least_95_percent_of_the_seed_sentences_are_in_the_report(english):
    text, _document = english
    wanted = [s for b in seed_blocks() if not is_heading(b) and not b.startswith("(") for s in sentences(b)]
    missing = [s for s in wanted if normalise(s) not in text]
    assert len(wanted) > 200
    assert len(missing) / len(wanted) <= 0.05, missing


def _place(label: str) -> str:
    """The seed's place names as the portal prints them (its typos and Spanish "Y" aside)."""
    label = label.replace(" Y ", " AND ").replace("THE CARIBBEANS", "THE CARIBBEAN")
    return label.replace("THE DOMINICAN", "DOMINICAN")


def test_every_call_out_of_the_seed_is_in_the_report_with_its_place(english):
    _text, document = english
    printed = [
        (callout.country, normalise(str(callout.html)))
        for chapter in document.chapters
        for theme in chapter.themes
        for callout in theme.callouts
    ]
    assert len(printed) == 35
    for label, body in seed_callouts():
        first = normalise(body).split(". ")[0]
        places = [place for place, html in printed if first in html]
        assert places == [_place(label)], (label, places)


def test_the_report_has_exactly_the_seed_quotes_with_their_attribution(english):
    _text, document = english
    printed = sorted(
        (normalise(str(quote.html)), normalise(quote.attribution))
        for chapter in document.chapters
        for theme in chapter.themes
        for quote in theme.quotes
    )
    assert printed == sorted(seed_quotes())
    assert (
        "the main difficulty is sustainability. when the funded project ends, how do we continue?",
        "the child development foundation - belize",
    ) in printed


def test_every_recommendation_of_the_seed_is_in_its_chapter(english):
    _text, document = english
    thematic = next(chapter for chapter in document.chapters if chapter.kind == "thematic")
    printed = [entry.title for theme in thematic.themes for entry in theme.recommendations]
    assert printed == seed_recommendations()
    assert [len(theme.recommendations) for theme in thematic.themes] == [7, 7, 7, 7]


def test_the_safeguarding_chapter_prints_its_heading_once_and_seven_sub_headings(english):
    text, document = english
    chapter = next(chapter for chapter in document.chapters if chapter.kind == "safeguarding")
    assert [title for title, _anchor, _level in chapter.toc_children] == [
        "For effectiveness",
        "For inclusivity",
        "For strategic collaboration",
        "For legal and policies reform",
        "For enhanced public awareness",
        "For improved services for children",
        "For child participation",
    ]
    assert text.count("the role of safeguarding policies and practices") == 2  # contents and chapter


def test_the_introduction_figures_come_from_the_registrations(english):
    text, _document = english
    assert "convening 116 participants from 20 countries of the americas" in text


def test_the_pdf_keeps_the_tourism_toolkit_link_clickable(demo_event):
    pdf = pypdf.PdfReader(io.BytesIO(export_report_pdf(event=demo_event, lang="en").content))
    links = [
        annotation.get_object()["/A"]["/URI"]
        for page in pdf.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object() and "/URI" in annotation.get_object()["/A"]
    ]
    assert links.count("https://ecpat.org/") == 3
    # one numbering from the front matter to the end (the cover and back cover carry none)
    count = len(pdf.pages)
    footers = [f"Page {n} of {count}" in page.extract_text() for n, page in enumerate(pdf.pages, start=1)]
    assert footers == [False] + [True] * (count - 2) + [False]
