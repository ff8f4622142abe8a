"""Messages people read: a count is said with ngettext ("1 finding collected"), and form labels start
with a capital letter."""

import re
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
APPS = ["events", "sessions_app", "reports", "observatory", "dialogue_portal"]


def test_a_message_that_starts_with_a_count_has_a_plural_form():
    catalogue = polib.pofile(str(ROOT / "locale/es/LC_MESSAGES/django.po"))
    singular_only = [
        entry.msgid
        for entry in catalogue
        if not entry.obsolete
        and re.match(r"%\((count|counter)\)s [a-z]", entry.msgid)
        and not entry.msgid_plural
    ]
    assert singular_only == []


def test_form_field_labels_start_with_a_capital():
    lowercase = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if re.search(r'\blabel=_\("[a-z]', line):
                    lowercase.append(f"{path.relative_to(ROOT)}:{number}")
    assert lowercase == []
