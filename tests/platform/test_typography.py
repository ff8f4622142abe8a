"""Typography of the catalogues, checked rather than applied by hand once (docs/glossary.md, writing policy).

French: a no-break space U+00A0 (the one kind used, not the narrow U+202F) before ``: ; ? !`` and inside
``« »``; the typographic apostrophe ``’``; quotation marks ``« »`` only. Spanish: ``« »`` without spaces
(``“ ”`` only inside them), as the RAE and ASALE recommend; Brazilian Portuguese: ``“ ”`` (``‘ ’`` inside).
Both: balanced, no straight quotes or apostrophes, no space before ``: ; ? !``; Spanish opens its
questions and exclamations with ``¿ ¡``. Placeholders (``%(name)s``), HTML tags and URLs are left
alone, and so are date formats (``l j F Y``).

``fix_french`` applies the French rules; to apply them to a catalogue after editing it::

    python -m tests.platform.test_typography locale/fr/LC_MESSAGES/django.po
"""

from __future__ import annotations

import re
import sys

import polib
import pytest

from .catalogues import (
    CATALOGUE_LANGUAGE,
    HTML_TAG,
    PLACEHOLDER,
    URL,
    active,
    catalogues,
    masked,
    po_file,
    translations,
)

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
MARKS = ":;?!"
# A date format for Django's date filter: single letters and separators ("l, j F Y", "j \d\e F").
_FORMAT_CHARACTER = r"(?:(?:\\[A-Za-z])+|[A-Za-z])"
DATE_FORMAT = re.compile(rf"{_FORMAT_CHARACTER}(?:[ ,.:/\-]+{_FORMAT_CHARACTER})*")


def _code_mask(text: str) -> list[bool]:
    """True for each character inside a placeholder, an HTML tag or a URL."""
    mask = [False] * len(text)
    for pattern in (URL, HTML_TAG, PLACEHOLDER):
        for match in pattern.finditer(text):
            for index in range(match.start(), match.end()):
                mask[index] = True
    return mask


def _is_time(text: str, index: int) -> bool:
    """A colon between digits (14:30, 1:2) is not punctuation."""
    return (
        text[index] == ":"
        and 0 < index < len(text) - 1
        and text[index - 1].isdigit()
        and text[index + 1].isdigit()
    )


def french_problems(text: str) -> list[str]:
    mask = _code_mask(text)
    problems = []
    for index, char in enumerate(text):
        if mask[index]:
            continue
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        context = text[max(0, index - 12) : index + 3]
        if char in MARKS and index and not _is_time(text, index):
            if before in MARKS and char in "?!":
                continue  # "?!": the space goes before the first mark only
            if before != NBSP:
                problems.append(f"no-break space (U+00A0) needed before {char!r} in {context!r}")
        elif char == "«" and after != NBSP:
            problems.append(f"no-break space needed after « in {context!r}")
        elif char == "»" and before != NBSP:
            problems.append(f"no-break space needed before » in {context!r}")
        elif char == "'":
            problems.append(f"straight apostrophe in {context!r}: use ’")
        elif char in '“”"':
            problems.append(f"quotation mark {char!r} in {context!r}: use « »")
        elif char == NARROW_NBSP:
            problems.append(f"narrow no-break space in {context!r}: the catalogues use U+00A0")
    return problems


def fix_french(text: str) -> str:
    """``text`` with the French rules applied (placeholders, tags and URLs untouched)."""
    mask = _code_mask(text)
    spaces = (" ", NARROW_NBSP, NBSP)
    out: list[str] = []
    quote_open = True
    index = 0
    while index < len(text):
        char = text[index]
        if mask[index]:
            out.append(char)
        elif char in MARKS and index and not _is_time(text, index):
            if not (out and out[-1] in MARKS):
                while out and out[-1] in spaces:
                    out.pop()
                out.append(NBSP)
            out.append(char)
        elif char in "«“" or (char == '"' and quote_open):
            quote_open = False
            out += ["«", NBSP]
            while index + 1 < len(text) and text[index + 1] in spaces:
                index += 1
        elif char in "»”" or char == '"':
            quote_open = True
            while out and out[-1] in spaces:
                out.pop()
            out += [NBSP, "»"]
        elif char == "'":
            out.append("’")
        elif char == NARROW_NBSP:
            out.append(NBSP)
        else:
            out.append(char)
        index += 1
    return "".join(out)


# Quotation marks of each language: (opening, closing) at the first level, then inside them.
QUOTES = {"es": (("«", "»"), ("“", "”")), "pt-BR": (("“", "”"), ("‘", "’"))}


def quotation_problems(text: str, language: str) -> list[str]:
    """Spanish « » (“ ” inside), Brazilian Portuguese “ ” (‘ ’ inside); no space before : ; ? !; ¿ ¡."""
    prose = masked(text)
    (first_open, first_close), (second_open, second_close) = QUOTES[language]
    allowed = {first_open, first_close, second_open, second_close, "’"}
    problems = []
    for char in "«»“”‘’\"'":
        if char in prose and char not in allowed:
            problems.append(f"{char!r} in {text!r}: quotation marks are {first_open} {first_close}")
    depth = 0
    for char in prose:
        if char == first_open:
            depth += 1
        elif char == first_close:
            depth -= 1
        elif char == second_open and depth == 0 and second_open != "‘":
            problems.append(f"{char!r} outside {first_open} {first_close} in {text!r}")
        if depth not in (0, 1):
            problems.append(f"unbalanced {first_open} {first_close} in {text!r}")
            break
    if depth:
        problems.append(f"unbalanced {first_open} {first_close} in {text!r}")
    if prose.count(second_open) != prose.count(second_close) and second_open != "‘":
        problems.append(f"unbalanced {second_open} {second_close} in {text!r}")
    spaced = re.search(rf"[ {NBSP}{NARROW_NBSP}][{MARKS}]", prose)
    if spaced:
        problems.append(f"space before {spaced.group(0)[-1]!r} in {text!r} (that is French typography)")
    inner_space = re.search(rf"{first_open}[ {NBSP}]|[ {NBSP}]{first_close}", prose)
    if inner_space:
        problems.append(f"space inside {first_open} {first_close} in {text!r} (that is French typography)")
    if language == "es":
        if prose.count("?") != prose.count("¿") or prose.count("!") != prose.count("¡"):
            problems.append(f"¿…? or ¡…! not paired in {text!r}")
    return problems


def _checked_texts(catalogue: str):
    for entry in active(po_file(catalogue)):
        if DATE_FORMAT.fullmatch(entry.msgid):
            continue
        for text in translations(entry):
            yield entry.msgid, text


@pytest.mark.parametrize("catalogue", [c for c in catalogues() if CATALOGUE_LANGUAGE[c] == "fr"])
def test_french_typography(catalogue):
    problems = [
        f"{msgid!r}: {problem}; should read {fix_french(text)!r}"
        for msgid, text in _checked_texts(catalogue)
        for problem in french_problems(text)
    ]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("catalogue", [c for c in catalogues() if CATALOGUE_LANGUAGE[c] in ("es", "pt-BR")])
def test_spanish_and_portuguese_quotation_marks(catalogue):
    language = CATALOGUE_LANGUAGE[catalogue]
    problems = [
        f"{msgid!r}: {problem}"
        for msgid, text in _checked_texts(catalogue)
        for problem in quotation_problems(text, language)
    ]
    assert problems == [], "\n".join(problems)


# The checks fail where they should, and the fixer satisfies them.

FRENCH_WRONG = [
    "Fuseau horaire :",  # ordinary space
    "Fuseau horaire:",  # no space
    f"Supprimer{NARROW_NBSP}?",  # narrow no-break space
    "Merci !",
    "La série « %(series)s »",
    "L'événement",
    "Le thème “%(theme)s”",
    'Le thème "%(theme)s"',
]


@pytest.mark.parametrize("text", FRENCH_WRONG)
def test_french_check_catches_and_fix_repairs(text):
    assert french_problems(text) != []
    assert french_problems(fix_french(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        f"Fuseau horaire{NBSP}:",
        f"Séance de 9:30 à 10:00{NBSP}?!",
        "<a href='https://example.org/a?b=c'>lien</a>",
        "%(section)s",
        f"La série «{NBSP}%(series)s{NBSP}»",
    ],
)
def test_french_check_accepts_good_typography(text):
    assert french_problems(text) == []
    assert fix_french(text) == text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La serie “%(series)s”", "es"),
        ("La serie « %(series)s »", "es"),
        ('La serie "%(series)s"', "es"),
        ("La serie «%(series)s", "es"),
        ("Zona horaria :", "es"),
        ("Qué debería cambiar?", "es"),
        ("A série «%(series)s»", "pt-BR"),
        ("A série “%(series)s", "pt-BR"),
    ],
)
def test_quotation_check_catches(text, language):
    assert quotation_problems(text, language) != []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La serie «%(series)s»", "es"),
        ("Dijo «la “mesa” de hoy»", "es"),
        ("¿Eliminar «%(object)s»?", "es"),
        ("A série “%(series)s”", "pt-BR"),
        ("Ele disse “a ‘mesa’ de hoje”", "pt-BR"),
    ],
)
def test_quotation_check_accepts(text, language):
    assert quotation_problems(text, language) == []


def test_date_formats_are_left_alone():
    assert DATE_FORMAT.fullmatch(r"l, j \d\e F \d\e Y")
    assert DATE_FORMAT.fullmatch("j F Y")
    assert not DATE_FORMAT.fullmatch("Host")


def _fix_catalogue(path: str) -> int:
    po = polib.pofile(path)
    changed = 0
    for entry in active(po):
        if DATE_FORMAT.fullmatch(entry.msgid):
            continue
        if entry.msgid_plural:
            fixed = {key: fix_french(text) for key, text in entry.msgstr_plural.items()}
            if fixed != entry.msgstr_plural:
                entry.msgstr_plural = fixed
                changed += 1
        elif entry.msgstr and fix_french(entry.msgstr) != entry.msgstr:
            entry.msgstr = fix_french(entry.msgstr)
            changed += 1
    po.save()
    return changed


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        print(f"{argument}: {_fix_catalogue(argument)} messages changed")
