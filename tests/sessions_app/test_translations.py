import re
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


@pytest.mark.parametrize("language", ["es", "fr", "pt_BR"])
def test_every_string_of_the_tables_area_is_translated(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    mine = [entry for entry in po if any("sessions_app" in path for path, _line in entry.occurrences)]
    assert len(mine) > 250
    assert [entry.msgid for entry in mine if not entry.translated() or "fuzzy" in entry.flags] == []
    for entry in mine:
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert sorted(PLACEHOLDER.findall(text)) == sorted(set(PLACEHOLDER.findall(entry.msgid))) or (
                entry.msgid_plural
                and sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(entry.msgid_plural))
            ), entry.msgid
