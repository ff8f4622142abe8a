"""Templates type no colon after a label and no date format of their own: the colon belongs to a translated
pattern (French puts a no-break space before it) and dates come from the reader's language
(events/wording.py, events/dates.py, docs/architecture.md)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".venv", "node_modules", "staticfiles", "media"}

# A colon typed right after a translated label or a printed value, outside a blocktranslate.
TYPED_COLON = re.compile(r'(\{% (?:trans|translate) "[^"]+"[^%]*%\}|\}\})\s?:(?=[\s<])')
BLOCK = re.compile(r"\{% blocktrans(?:late)?\b.*?\{% endblocktrans(?:late)? %\}", re.S)
# A date format with month or weekday names, or a 12-hour clock, typed into a template.
TYPED_DATE_FORMAT = re.compile(r'\|date:_?\(?["\']([^"\']*)["\']')
WORDY = re.compile(r"(?<!\\)[FMNlEPAa]")


def templates() -> list[Path]:
    return sorted(
        path
        for pattern in ("*.html", "*.txt")
        for path in ROOT.rglob(pattern)
        if "templates" in path.parts and not SKIP & set(path.parts)
    )


def typed_colons(text: str) -> list[str]:
    return [match.group(0) for match in TYPED_COLON.finditer(BLOCK.sub("", text))]


def typed_date_formats(text: str) -> list[str]:
    return [
        match.group(1)
        for match in TYPED_DATE_FORMAT.finditer(text)
        if not match.group(1).endswith("_FORMAT") and WORDY.search(match.group(1))
    ]


def test_the_checks_find_what_they_look_for():
    assert typed_colons('<strong>{% translate "Focus" %}:</strong> {{ item.title }}: x') == [
        '{% translate "Focus" %}:',
        "}}:",
    ]
    assert typed_colons("{% blocktranslate %}Shown in {{ name }}: none.{% endblocktranslate %}") == []
    assert typed_colons('{{ _("Focus")|colon }} <a href="https://x">') == []
    assert typed_date_formats('{{ d|date:"l j F" }} {{ d|date:_("j F Y") }} {{ d|date:"DATE_FORMAT" }}') == [
        "l j F",
        "j F Y",
    ]
    assert typed_date_formats('{{ d|date:\'Y-m-d\' }} {{ d|date:"Y" }} {{ d|date:"D j" }}') == []


def test_no_template_types_a_colon_after_a_label():
    assert len(templates()) > 100
    found = {
        str(path.relative_to(ROOT)): hits for path in templates() if (hits := typed_colons(path.read_text()))
    }
    assert found == {}


def test_no_template_types_a_date_format_with_words():
    found = {
        str(path.relative_to(ROOT)): hits
        for path in templates()
        if (hits := typed_date_formats(path.read_text()))
    }
    assert found == {}
