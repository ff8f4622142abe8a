"""Shared by the glossary and typography checks: the portal's catalogues and their text, cleaned.

Every catalogue under ``locale/`` is checked; ``CATALOGUE_LANGUAGE`` maps its folder to the glossary's
language column (Brazilian Portuguese, served as ``pt-br``, lives in ``locale/pt_BR``).
"""

from __future__ import annotations

import re
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "locale"

# catalogue folder -> language column of docs/glossary.md
CATALOGUE_LANGUAGE = {"es": "es", "fr": "fr", "pt_BR": "pt-BR"}
# The catalogues that must exist.
REQUIRED_CATALOGUES = ["es", "fr", "pt_BR"]

PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
HTML_TAG = re.compile(r"<[^>]*>")
URL = re.compile(r"(?:https?://|www\.)\S+|/e/<[^>]*>/")


def catalogues() -> list[str]:
    """The catalogue folders present under locale/ (es, fr, pt_BR)."""
    return sorted(
        path.parent.parent.name
        for path in LOCALE.glob("*/LC_MESSAGES/django.po")
        if path.parent.parent.name in CATALOGUE_LANGUAGE
    )


def po_file(catalogue: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / catalogue / "LC_MESSAGES" / "django.po"))


def active(po: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in po if not entry.obsolete and entry.msgid]


def english(entry: polib.POEntry) -> str:
    """The English of an entry, singular and plural together."""
    return entry.msgid + ("\n" + entry.msgid_plural if entry.msgid_plural else "")


def translations(entry: polib.POEntry) -> list[str]:
    """Every translated form of an entry (one, or one per plural form)."""
    if entry.msgid_plural:
        return [text for _, text in sorted(entry.msgstr_plural.items())]
    return [entry.msgstr]


def without_code(text: str) -> str:
    """The text a reader sees as words: placeholders, HTML tags and URLs replaced by a space."""
    text = URL.sub(" ", text)
    text = HTML_TAG.sub(" ", text)
    return PLACEHOLDER.sub(" ", text)


def masked(text: str) -> str:
    """Placeholders, HTML tags and URLs replaced by a neutral letter run of the same length.

    Positions stay as they are, so a check can report what it found in the original text, and a mark
    next to a placeholder still has a "word" beside it.
    """
    for pattern in (URL, HTML_TAG, PLACEHOLDER):
        text = pattern.sub(lambda match: "x" * len(match.group(0)), text)
    return text
