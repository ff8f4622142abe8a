"""Every string of the portal is translated into es, fr and pt_BR, and the compiled catalogues are current."""

import re
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
LANGUAGES = ["es", "fr", "pt_BR"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


def po_file(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def active(po: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in po if not entry.obsolete]


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_exists_and_is_not_empty(language):
    po = po_file(language)

    assert po.metadata["Language"] == language
    assert not po.metadata_is_fuzzy
    assert len(active(po)) > 50


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(language):
    po = po_file(language)

    untranslated = [entry.msgid for entry in active(po) if not entry.translated()]
    fuzzy = [entry.msgid for entry in active(po) if "fuzzy" in entry.flags]
    assert untranslated == []
    assert fuzzy == []


def _translations(entry: polib.POEntry) -> list[tuple[str, str]]:
    """(source, translation) pairs; for plurals each form against the plural source (form 0: singular)."""
    if entry.msgid_plural:
        return [
            (entry.msgid if index == 0 else entry.msgid_plural, text)
            for index, text in sorted(entry.msgstr_plural.items())
        ]
    return [(entry.msgid, entry.msgstr)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_are_kept(language):
    wrong = []
    for entry in active(po_file(language)):
        for source, text in _translations(entry):
            expected = sorted(PLACEHOLDER.findall(source))
            found = sorted(PLACEHOLDER.findall(text))
            if entry.msgid_plural and expected != found:
                # A plural form may drop the count (e.g. "one table"), never add or rename placeholders.
                if set(found) <= set(PLACEHOLDER.findall(entry.msgid_plural)) and found:
                    continue
            if expected != found:
                wrong.append((entry.msgid, text))
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(language):
    mo_path = LOCALE / language / "LC_MESSAGES" / "django.mo"
    assert mo_path.exists(), "run: python manage.py compilemessages --ignore=.venv"

    def key(entry):
        return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")

    def value(entry):
        return tuple(sorted(entry.msgstr_plural.items())) if entry.msgid_plural else entry.msgstr

    from_po = {key(e): value(e) for e in active(po_file(language)) if e.translated() and e.msgid}
    from_mo = {key(e): value(e) for e in polib.mofile(str(mo_path)) if e.msgid}
    stale = sorted(set(from_po.items()) ^ set(from_mo.items()))
    assert stale == [], "the .mo is out of date: run python manage.py compilemessages --ignore=.venv"


def test_placeholder_check_catches_a_renamed_placeholder():
    entry = polib.POEntry(msgid="Rotation %(number)s", msgstr="Rotación %(numero)s")
    assert PLACEHOLDER.findall(entry.msgid) != PLACEHOLDER.findall(entry.msgstr)
