"""The Brazilian Portuguese catalogue (locale/pt_BR) passes the checks test_translations.py makes for
es, fr and pt, has Brazil's plural rule, and says the same as locale/pt until the settings switch to
pt-br (then locale/pt can go)."""

import polib
import pytest

from .test_translations import LOCALE, PLACEHOLDER, _translations, active, po_file

CATALOGUE = "pt_BR"


def _key(entry: polib.POEntry) -> tuple[str, str, str]:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def _value(entry: polib.POEntry):
    return tuple(sorted(entry.msgstr_plural.items())) if entry.msgid_plural else entry.msgstr


def test_catalogue_exists_with_its_own_headers():
    po = po_file(CATALOGUE)

    assert po.metadata["Language"] == "pt_BR"
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"
    assert not po.metadata_is_fuzzy
    assert len(active(po)) > 50


def test_every_entry_is_translated_and_none_is_fuzzy():
    po = po_file(CATALOGUE)

    assert [entry.msgid for entry in active(po) if not entry.translated()] == []
    assert [entry.msgid for entry in active(po) if "fuzzy" in entry.flags] == []


def test_placeholders_are_kept():
    wrong = []
    for entry in active(po_file(CATALOGUE)):
        for source, text in _translations(entry):
            expected = sorted(PLACEHOLDER.findall(source))
            found = sorted(PLACEHOLDER.findall(text))
            if entry.msgid_plural and expected != found:
                if set(found) <= set(PLACEHOLDER.findall(entry.msgid_plural)) and found:
                    continue
            if expected != found:
                wrong.append((entry.msgid, text))
    assert wrong == []


def test_compiled_catalogue_matches_the_po_file():
    mo_path = LOCALE / CATALOGUE / "LC_MESSAGES" / "django.mo"
    assert mo_path.exists(), "run: python manage.py compilemessages --ignore=.venv"

    from_po = {_key(e): _value(e) for e in active(po_file(CATALOGUE)) if e.translated() and e.msgid}
    from_mo = {_key(e): _value(e) for e in polib.mofile(str(mo_path)) if e.msgid}
    stale = sorted(set(from_po.items()) ^ set(from_mo.items()))
    assert stale == [], "the .mo is out of date: run python manage.py compilemessages --ignore=.venv"


@pytest.mark.skipif(not (LOCALE / "pt" / "LC_MESSAGES" / "django.po").exists(), reason="locale/pt is gone")
def test_pt_says_the_same_as_pt_br():
    brazilian = {_key(e): _value(e) for e in active(po_file(CATALOGUE))}
    portuguese = {_key(e): _value(e) for e in active(po_file("pt"))}
    assert sorted(set(brazilian.items()) ^ set(portuguese.items())) == []
