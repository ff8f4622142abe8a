"""Every catalogue says each domain term with the one word docs/glossary.md chose for it.

The glossary's format is described at its top. For each catalogue message whose English contains a term
(whole words, case-insensitive, plurals listed in the glossary), the translation must not use a word the
glossary rejects for that term and, where the term's check is "both", must use one of its accepted forms.
Regional forms (Spain's Spanish, European Portuguese...) are refused in every message, and so are
abbreviated inclusive forms (participant·es, inscrita/o, Prezado(a)): see the glossary's writing policy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import polib
import pytest

from .catalogues import (
    CATALOGUE_LANGUAGE,
    REQUIRED_CATALOGUES,
    ROOT,
    active,
    catalogues,
    english,
    po_file,
    translations,
    without_code,
)

GLOSSARY = ROOT / "docs" / "glossary.md"
LANGUAGE_COLUMNS = ["es", "fr", "pt-BR"]
TERM_COLUMNS = [
    "English",
    "other senses",
    "es",
    "fr",
    "pt-BR",
    "not es",
    "not fr",
    "not pt-BR",
    "check",
    "why",
]
FORBIDDEN_COLUMNS = ["language", "form", "use instead", "why"]
# The terms issue 13 asks the glossary to settle, by their first English form.
REQUIRED_TERMS = [
    "agenda",
    "focus",
    "table",
    "rotation",
    "world café",
    "facilitator",
    "rapporteur",
    "finding",
    "consolidation record",
    "collation",
    "collated finding",
    "theme",
    "call-out",
    "recommendation",
    "takeaway",
    "outcome report",
    "safeguarding",
    "network member",
    "waiting list",
    "allocation",
    "consent",
    "material",
    "speaker",
    "role",
    "dashboard",
]
# Abbreviated inclusive forms, refused by the writing policy.
ABBREVIATED = {
    "es": re.compile(r"\w/[oa]s?\b|\w\([oa]s?\)|\w@|\b\w+xs\b"),
    "fr": re.compile(r"\w·\w|\w\.(?:e|es|ne|nes|rices?)\b|\w\((?:e|es|ne|nes|rices?)\)|\w/(?:e|es)\b"),
    "pt-BR": re.compile(r"\w/[oa]s?\b|\w\([oa]s?\)|\w@"),
}


def normalise(text: str) -> str:
    """Lower case, one kind of apostrophe and of space: what the word matching compares."""
    text = re.sub(r"[’‘ʼ′]", "'", text)
    text = re.sub(r"[\u00a0\u202f\u2009]", " ", text)
    return text.lower()


def form_pattern(form: str) -> re.Pattern[str]:
    """A glossary form as a pattern: whole words, a final ``*`` for any ending, any run of spaces."""
    words = [re.escape(word).replace(r"\*", r"\w*") for word in normalise(form).split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [cell.strip().replace("`", "") for cell in line.split("|")]


def _forms(cell: str) -> list[str]:
    if cell in ("", "—", "-"):
        return []
    return [form.strip() for form in cell.split(",") if form.strip()]


def _table(text: str, heading: str, columns: list[str]) -> list[dict[str, str]]:
    """The rows of the Markdown table under ``## heading``, as dictionaries keyed by column."""
    match = re.search(rf"^## {re.escape(heading)}\s*$", text, re.MULTILINE)
    assert match, f"docs/glossary.md has no section '## {heading}'"
    lines = [line for line in text[match.end() :].splitlines() if line.strip()]
    table = []
    for line in lines:
        if not line.lstrip().startswith("|"):
            break
        table.append(line)
    assert len(table) >= 3, f"the table under '## {heading}' is missing or empty"
    assert _cells(table[0]) == columns, f"'## {heading}': the columns must be {columns}"
    rows = []
    for line in table[2:]:
        cells = _cells(line)
        assert len(cells) == len(columns), f"'## {heading}': wrong number of cells in {line!r}"
        rows.append(dict(zip(columns, cells, strict=True)))
    return rows


@dataclass
class Term:
    english: list[str]
    other_senses: list[str]
    accepted: dict[str, list[str]]
    rejected: dict[str, list[str]]
    check: str

    @property
    def name(self) -> str:
        return self.english[0]

    def found_in(self, english_text: str) -> bool:
        text = normalise(without_code(english_text))
        for phrase in self.other_senses:
            text = form_pattern(phrase).sub(" ", text)
        return any(form_pattern(form).search(text) for form in self.english)


@dataclass
class Forbidden:
    language: str
    form: str
    instead: str


@cache
def glossary() -> tuple[list[Term], list[Forbidden]]:
    text = GLOSSARY.read_text(encoding="utf-8")
    terms = []
    for row in _table(text, "Terms", TERM_COLUMNS):
        terms.append(
            Term(
                english=_forms(row["English"]),
                other_senses=_forms(row["other senses"]),
                accepted={language: _forms(row[language]) for language in LANGUAGE_COLUMNS},
                rejected={language: _forms(row[f"not {language}"]) for language in LANGUAGE_COLUMNS},
                check=row["check"],
            )
        )
    forbidden = [
        Forbidden(row["language"], form, row["use instead"])
        for row in _table(text, "Forms no message may use", FORBIDDEN_COLUMNS)
        for form in _forms(row["form"])
    ]
    return terms, forbidden


def term_problems(msgid: str, texts: list[str], language: str, terms: list[Term]) -> list[str]:
    """What is wrong with the translations ``texts`` (all plural forms) of ``msgid`` in ``language``."""
    matched = [term for term in terms if term.found_in(msgid)]
    translation = normalise(without_code(" | ".join(texts)))
    problems = []
    for term in matched:
        accepted = term.accepted[language]
        if term.check == "both" and accepted:
            if not any(form_pattern(form).search(translation) for form in accepted):
                problems.append(f"{term.name!r}: uses none of {accepted}")
        # A rejected word is allowed where it is an accepted form of another term of the same message.
        rest = translation
        for other in matched:
            if other is not term:
                for form in other.accepted[language]:
                    rest = form_pattern(form).sub(" ", rest)
        for form in term.rejected[language]:
            found = form_pattern(form).search(rest)
            if found:
                problems.append(f"{term.name!r}: says {found.group(0)!r}, rejected (use {accepted[:1]})")
    return problems


def forbidden_problems(texts: list[str], language: str, forbidden: list[Forbidden]) -> list[str]:
    translation = normalise(without_code(" | ".join(texts)))
    problems = []
    for item in forbidden:
        if item.language != language:
            continue
        found = form_pattern(item.form).search(translation)
        if found:
            problems.append(f"says {found.group(0)!r}: use {item.instead!r}")
    abbreviated = ABBREVIATED[language].search(without_code(" | ".join(texts)))
    if abbreviated:
        problems.append(f"abbreviated inclusive form {abbreviated.group(0)!r}: write a neutral phrase")
    return problems


def _report(problems: list[tuple[str, str]]) -> str:
    return "\n".join(f"  {msgid!r}: {problem}" for msgid, problem in problems)


# The glossary itself


def test_glossary_rows_are_complete():
    terms, forbidden = glossary()
    assert terms and forbidden
    for term in terms:
        assert term.english, "a term without English forms"
        assert term.check in ("both", "rejected"), f"{term.name}: check must be 'both' or 'rejected'"
        for language in LANGUAGE_COLUMNS:
            assert term.accepted[language], f"{term.name}: no {language} translation"
    assert {item.language for item in forbidden} <= set(LANGUAGE_COLUMNS)


def test_glossary_settles_the_terms_of_issue_13():
    names = {term.name for term in glossary()[0]}
    assert [name for name in REQUIRED_TERMS if name not in names] == []


def test_no_term_rejects_its_own_translation():
    for term in glossary()[0]:
        for language in LANGUAGE_COLUMNS:
            for form in term.accepted[language]:
                text = normalise(form.replace("*", ""))
                clash = [r for r in term.rejected[language] if form_pattern(r).search(text)]
                assert clash == [], f"{term.name} ({language}): {form!r} is also rejected"


# The catalogues


def test_the_required_catalogues_exist():
    assert [name for name in REQUIRED_CATALOGUES if name not in catalogues()] == []


@pytest.mark.parametrize("catalogue", catalogues())
def test_catalogue_uses_the_glossary_terms(catalogue):
    language = CATALOGUE_LANGUAGE[catalogue]
    terms, _ = glossary()
    problems = [
        (english(entry), problem)
        for entry in active(po_file(catalogue))
        if entry.translated()
        for problem in term_problems(english(entry), translations(entry), language, terms)
    ]
    assert problems == [], f"{catalogue}: messages against docs/glossary.md:\n{_report(problems)}"


@pytest.mark.parametrize("catalogue", catalogues())
def test_catalogue_has_no_regional_or_abbreviated_forms(catalogue):
    language = CATALOGUE_LANGUAGE[catalogue]
    _, forbidden = glossary()
    problems = [
        (english(entry), problem)
        for entry in active(po_file(catalogue))
        for problem in forbidden_problems(translations(entry), language, forbidden)
    ]
    assert problems == [], f"{catalogue}: forms docs/glossary.md refuses:\n{_report(problems)}"


# The check itself fails where it should


def _entry(msgid: str, msgstr: str) -> polib.POEntry:
    return polib.POEntry(msgid=msgid, msgstr=msgstr)


@pytest.mark.parametrize(
    ("language", "msgid", "msgstr"),
    [
        ("pt-BR", "Findings", "Conclusões"),  # rejected word, chosen word missing
        ("pt-BR", "%(count)s findings merged.", "%(count)s constatações e conclusões fundidas."),  # rejected
        ("pt-BR", "Rotation %(number)s", "Rotação %(number)s"),
        ("es", "collated findings", "hallazgos consolidados"),
        ("es", "Dashboard", "Panel"),
        ("fr", "Tables I facilitate", "Tables que j’anime"),
        ("fr", "Materials", "Documents"),
        ("fr", "Whole agenda", "Ordre du jour complet"),
    ],
)
def test_the_check_catches_a_wrong_term(language, msgid, msgstr):
    entry = _entry(msgid, msgstr)
    assert term_problems(entry.msgid, [entry.msgstr], language, glossary()[0]) != []


@pytest.mark.parametrize(
    ("language", "msgid", "msgstr"),
    [
        ("fr", "Title and focus", "Titre et axe"),  # "axe" is rejected for theme, chosen for focus
        ("fr", "Table of contents", "Table des matières"),  # another sense of "table"
        ("es", "Tables", "Mesas"),  # plural
        ("pt-BR", "%(rotation)s already seats %(taken)s people", "%(rotation)s já tem %(taken)s pessoas"),
        ("fr", "Concept note, background papers and materials", "Note, documents de référence et supports"),
    ],
)
def test_the_check_accepts_the_glossary_words(language, msgid, msgstr):
    assert term_problems(msgid, [msgstr], language, glossary()[0]) == []


@pytest.mark.parametrize(
    ("language", "msgstr"),
    [
        ("pt-BR", "Descarregar o ficheiro"),
        ("pt-BR", "Prezado(a) %(name)s,"),
        ("es", "Coste total"),
        ("es", "%(name)s está rechazada/o."),
        ("fr", "Seul·es les participant·es"),
    ],
)
def test_the_check_catches_regional_and_abbreviated_forms(language, msgstr):
    assert forbidden_problems([msgstr], language, glossary()[1]) != []
