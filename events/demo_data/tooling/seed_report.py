"""The real outcome report of the San José Dialogue 2024 (sources/san-jose-dialogue-2024-outcome-report.txt,
the text of the published PDF) read into its parts: introduction, key trends, the twelve trends at a
glance, the eight sections "in detail" with their call-outs and quotes, the thematic chapters with their
recommendations, the safeguarding chapter, future directions and the "About" pages.

The text is an extraction of a laid-out PDF: paragraphs cut by a page break are joined again, and a
call-out cut by a side box (Bolivia, around Canada's) is put back together. Used by `build_demo_report`
to write the demo's findings, collation and report; nothing at run time reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "sources" / "san-jose-dialogue-2024-outcome-report.txt"

#: Call-out labels of the seed -> (country codes, region). Labels are upper case in the seed.
CALLOUT_PLACES = {
    "TRINIDAD Y TOBAGO": (["TT"], ""),
    "URUGUAY": (["UY"], ""),
    "EL SALVADOR": (["SV"], ""),
    "THE CARIBBEANS": ([], "The Caribbean"),
    "ARGENTINA AND VENEZUELA": (["AR", "VE"], ""),
    "ECUADOR": (["EC"], ""),
    "MEXICO": (["MX"], ""),
    "BOLIVIA": (["BO"], ""),
    "CANADA": (["CA"], ""),
    "COLOMBIA": (["CO"], ""),
    "HONDURAS AND THE DOMINICAN REPUBLIC": (["HN", "DO"], ""),
    "PERU": (["PE"], ""),
    "COSTA RICA": (["CR"], ""),
    "CHILE": (["CL"], ""),
    "BELIZE": (["BZ"], ""),
    "GUYANA": (["GY"], ""),
    "PANAMA": (["PA"], ""),
    "VENEZUELA": (["VE"], ""),
    "BRAZIL AND MEXICO": (["BR", "MX"], ""),
    "HONDURAS": (["HN"], ""),
    "GUATEMALA": (["GT"], ""),
    "ARGENTINA": (["AR"], ""),
    "ECUADOR AND VENEZUELA": (["EC", "VE"], ""),
}

#: The countries named after a quote's organisation.
QUOTE_COUNTRIES = {"Belize": "BZ", "Guyana": "GY", "Chile": "CL", "Uruguay": "UY", "Bolivia": "BO"}

_CALLOUT = re.compile(r"^([A-Z][A-Z ]+[A-Z]): (.+)$")
_NUMBERED = re.compile(r"^- (\d+)\. (.+?):\*\* (.+)$")
_ATTRIBUTION = re.compile(r"^\((.+) - ([^)]+)\)$")
_LINK = re.compile(r"\[([^\]]+)\]\(#\)")


@dataclass
class Item:
    """A call-out, quote, recommendation, trend or prose paragraph of the seed."""

    kind: str  # "callout", "quote", "recommendation", "trend", "prose"
    text: str
    title: str = ""
    label: str = ""  # a call-out's place as printed in the seed; a prose paragraph's sub-heading
    countries: list[str] = field(default_factory=list)
    region: str = ""
    organisation: str = ""


@dataclass
class Chapter:
    title: str
    introduction: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)


@dataclass
class SeedReport:
    introduction: list[str]
    key_trends: list[str]
    glance: list[Item]
    details: list[Chapter]
    thematic_introduction: list[str]
    thematic: list[Chapter]
    safeguarding: Chapter
    future_directions: list[str]
    about: dict[str, str]


def _blocks(text: str) -> list[str]:
    """Paragraphs (blank-line separated, one line each), with a paragraph cut by a page break joined to
    the next one when it stops mid-sentence and the next starts in lower case."""
    text = re.sub(r"\n(- \d+\. )", r"\n\n\1", text)  # each numbered line is its own paragraph
    raw = [
        " ".join(line.strip() for line in block.splitlines()).strip() for block in re.split(r"\n\s*\n", text)
    ]
    raw = [block for block in raw if block]
    joined: list[str] = []
    for block in raw:
        if joined and block[0].islower() and not joined[-1].endswith((".", ":", "”", '"')):
            joined[-1] = f"{joined[-1]} {block}"
        else:
            joined.append(block)
    return joined


def _between(text: str, start: str, end: str | None) -> str:
    begin = text.index(start) + len(start)
    return text[begin : text.index(end, begin)] if end else text[begin:]


def _links(text: str) -> str:
    """The seed's links have no address left: they point at ECPAT's website."""
    return _LINK.sub(r"[\1](https://ecpat.org/)", text)


def _chapter(title: str, body: str) -> Chapter:
    chapter = Chapter(title=title)
    blocks = _blocks(body)
    pending_title = ""
    in_recommendations = False
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if block == "Recommendations from participants":
            in_recommendations = True
            continue
        if block.startswith("“"):  # a quote, then its attribution
            attribution = _ATTRIBUTION.match(blocks[index])
            index += 1
            text = block.strip("“” ").strip()
            organisation, country = attribution.group(1), attribution.group(2)
            chapter.items.append(
                Item("quote", text, organisation=organisation, countries=[QUOTE_COUNTRIES[country]])
            )
            continue
        if numbered := _NUMBERED.match(block):
            chapter.items.append(Item("recommendation", _links(numbered.group(3)), title=numbered.group(2)))
            continue
        if in_recommendations:  # the tourism chapter: "Title:" alone, or "Title: text"
            if block.endswith(":"):
                pending_title = block[:-1]
                continue
            if pending_title:
                chapter.items.append(Item("recommendation", _links(block), title=pending_title))
                pending_title = ""
                continue
            title, _sep, text = block.partition(": ")
            chapter.items.append(Item("recommendation", _links(text), title=title))
            continue
        if (callout := _CALLOUT.match(block)) and callout.group(1) in CALLOUT_PLACES:
            countries, region = CALLOUT_PLACES[callout.group(1)]
            item = Item(
                "callout", callout.group(2), label=callout.group(1), countries=countries, region=region
            )
            chapter.items.append(item)
            continue
        if block[0].islower():  # the end of a call-out cut by a side box (Bolivia, around Canada's)
            cut = next(i for i in reversed(chapter.items) if i.kind == "callout" and not i.text.endswith("."))
            cut.text = f"{cut.text} {block}"
            continue
        if chapter.items:
            raise ValueError(f"Prose after the call-outs of {title!r}: {block[:60]!r}")
        chapter.introduction.append(_links(block))
    return chapter


def read_seed(path: Path = SEED) -> SeedReport:
    text = path.read_text(encoding="utf-8")
    body = text[text.index("\nINTRODUCTION\n\nFrom June") :]
    glance = []
    for block in _blocks(_between(body, "IN THE AMERICAS:\n", "IN DETAIL:")):
        numbered = _NUMBERED.match(block)
        glance.append(Item("trend", numbered.group(3), title=numbered.group(2)))

    detail_text = _between(body, "IN DETAIL:\n", "\nTHEMATIC DISCUSSIONS\n")
    parts = re.split(r"^(\d)\. ([A-Z ,]+)$", detail_text, flags=re.M)
    details = [_chapter(parts[i + 1].strip(), parts[i + 2]) for i in range(1, len(parts), 3)]

    thematic_titles = [
        "CHILD PROTECTION IN TRAVEL AND TOURISM",
        "RISKS OF CHILD SEXUAL EXPLOITATION FACILITATED BY TECHNOLOGY",
        "THE CHALLENGES OF ACCESS TO JUSTICE",
        "THE IMPACT OF THE HUMANITARIAN CRISIS IN THE REGION",
        "THE ROLE OF SAFEGUARDING POLICIES AND PRACTICES",
    ]
    thematic_text = _between(body, "\nTHEMATIC DISCUSSIONS\n", "\nFUTURE DIRECTIONS\n")
    thematic_introduction = _blocks(_between(thematic_text, "", f"\n{thematic_titles[0]}\n"))
    thematic = []
    for title, following in zip(thematic_titles[:-1], thematic_titles[1:], strict=True):
        thematic.append(_chapter(title, _between(thematic_text, f"\n{title}\n", f"\n{following}\n")))

    safeguarding_text = _between(thematic_text, f"\n{thematic_titles[-1]}\n", None)
    pieces = re.split(r"^(FOR [A-Z ]+)$", safeguarding_text, flags=re.M)
    safeguarding = Chapter(title=thematic_titles[-1], introduction=_blocks(pieces[0]))
    for i in range(1, len(pieces), 2):
        for paragraph in _blocks(pieces[i + 1]):
            safeguarding.items.append(Item("prose", paragraph, label=pieces[i].strip()))

    about_text = _between(body, "\nABOUT ECPAT INTERNATIONAL\n", "\nFUNDACIÓN •")
    about_parts = re.split(r"^ABOUT (.+)$", "ECPAT INTERNATIONAL\n" + about_text, flags=re.M)
    about = {"ECPAT INTERNATIONAL": _blocks(about_parts[0].split("\n", 1)[1])[0]}
    for i in range(1, len(about_parts), 2):
        about[about_parts[i].strip()] = _blocks(about_parts[i + 1])[0]

    return SeedReport(
        introduction=_blocks(_between(body, "INTRODUCTION\n", "\nKEY TRENDS IN THE SEXUAL")),
        key_trends=_blocks(_between(body, "EXPLOITATION OF CHILDREN: THE AMERICAS\n", "\nAT A GLANCE")),
        glance=glance,
        details=details,
        thematic_introduction=thematic_introduction,
        thematic=thematic,
        safeguarding=safeguarding,
        future_directions=_blocks(_between(body, "\nFUTURE DIRECTIONS\n", "\nABOUT ECPAT INTERNATIONAL\n")),
        about=about,
    )
