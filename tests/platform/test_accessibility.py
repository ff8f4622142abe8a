"""Accessibility of the shared layout: contrast of the palette (WCAG 2.2 AA), landmarks, labels, no CDN."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.events.factories import EventFactory, UserFactory

STATIC_CSS = Path(__file__).resolve().parents[2] / "static" / "css"
CSS = (STATIC_CSS / "portal.css").read_text()


def variables(css: str = CSS) -> dict[str, str]:
    root = re.search(r":root\s*{(.*?)}", css, re.S).group(1)
    root = re.sub(r"/\*.*?\*/", "", root, flags=re.S)
    return dict(re.findall(r"(--[\w-]+):\s*([^;]+);", root))


def resolve(value: str, css: str = CSS) -> str:
    value = value.strip()
    match = re.fullmatch(r"var\((--[\w-]+)\)", value)
    if match:
        return resolve(variables(css)[match.group(1)], css)
    if value in {"#fff", "white"}:
        return "#ffffff"
    if re.fullmatch(r"#[0-9a-fA-F]{3}", value):
        return "#" + "".join(ch * 2 for ch in value[1:])
    return value.lower()


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str, css: str = CSS) -> float:
    lighter, darker = sorted(
        [luminance(resolve(foreground, css)), luminance(resolve(background, css))], reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula_matches_known_values():
    assert round(contrast("#000000", "#ffffff"), 2) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48
    assert round(contrast("#ffffff", "#ffffff"), 2) == 1.0


# Text colours and the backgrounds they are used on (including inherited colours the rules below do not
# pair themselves): normal text needs 4.5:1.
TEXT_PAIRS = [
    ("var(--ink)", "#fff"),  # body
    ("var(--muted)", "#fff"),  # .muted, .help, footer
    ("var(--muted)", "var(--band)"),  # .event-meta in the event band, help text in .focus
    ("var(--brand)", "#fff"),  # links, secondary buttons
    ("var(--brand)", "var(--band)"),  # links inside the band
    ("var(--brand-dark)", "#fff"),  # hover, times in the timeline
    ("var(--brand-dark)", "var(--band)"),  # .badge, hovered secondary buttons
    ("var(--accent)", "#fff"),  # .error
    ("var(--accent)", "#fdecea"),  # .error inside .form-errors
    ("var(--ink)", "#fdecea"),
    ("var(--brand)", "#fdecea"),  # links to the invalid fields in the error summary
    ("var(--ink)", "#e7f4ea"),
    ("var(--ink)", "#fff4e0"),
    ("var(--ink)", "var(--band)"),  # .message, table headers
    ("#fff", "var(--brand)"),  # header, buttons, day headers, current page
    ("#fff", "var(--brand-dark)"),  # hovered buttons
    ("#fff", "var(--accent)"),  # danger buttons
    ("#fff", "var(--ink)"),  # the skip link
    ("var(--focus)", "var(--ink)"),
]
# Non-text contrast (focus indicator, control borders): 3:1.
UI_PAIRS = [
    ("var(--ink)", "#fff"),  # focus ring's dark outer shadow on white pages
    ("var(--focus)", "var(--brand)"),  # focus ring on the header
    ("#6b7780", "#fff"),  # input borders
    ("var(--accent)", "#fff"),  # invalid input border
]


@pytest.mark.parametrize(("foreground", "background"), TEXT_PAIRS)
def test_text_colours_meet_wcag_aa(foreground, background):
    assert contrast(foreground, background) >= 4.5, (foreground, background)


@pytest.mark.parametrize(("foreground", "background"), UI_PAIRS)
def test_focus_ring_and_control_borders_meet_the_non_text_contrast(foreground, background):
    assert contrast(foreground, background) >= 3.0, (foreground, background)


def test_every_rule_that_sets_both_colour_and_background_meets_wcag_aa():
    checked = 0
    for selector, body in re.findall(r"([^{}]+){([^{}]*)}", CSS):
        colour = re.search(r"(?<![-\w])color:\s*([^;]+);?", body)
        background = re.search(
            r"background(?:-color)?:\s*(#[0-9a-fA-F]{3,6}|var\(--[\w-]+\)|#fff)\s*;?", body
        )
        if colour and background:
            checked += 1
            ratio = contrast(colour.group(1), background.group(1))
            assert ratio >= 4.5, (selector.strip(), colour.group(1), background.group(1), round(ratio, 2))
    assert checked >= 10


def test_focus_is_always_visible():
    assert re.search(r":focus-visible\s*{[^}]*outline:\s*3px solid", CSS)
    assert "outline: none" not in CSS.replace("main:focus { outline: none; }", "")


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["home", "account_login", "account_signup", "account_reset_password"])
def test_layout_has_landmarks_and_a_skip_link(client, name):
    content = client.get(reverse(name)).content.decode()

    assert content.index('<a class="skip-link" href="#main">') < content.index("<header")
    assert '<header class="site-header">' in content
    assert '<nav class="site-nav" aria-label="Main">' in content
    assert content.count("<main ") == 1
    assert '<main id="main"' in content
    assert '<footer class="site-footer">' in content
    assert content.count("<h1") == 1


@pytest.mark.django_db
def test_no_asset_comes_from_another_host(client):
    user = UserFactory()
    EventFactory(title="San José Dialogue")
    pages = [reverse("home"), reverse("account_login"), reverse("account_signup")]
    contents = [client.get(page).content.decode() for page in pages]
    client.force_login(user)
    contents += [client.get(reverse(name)).content.decode() for name in ["account_email", "dashboard"]]

    for content in contents:
        assets = re.findall(
            r'<(?:link|script|img|source|iframe)\b[^>]*\b(?:href|src|srcset)="([^"]*)"', content
        )
        assert assets
        assert [url for url in assets if re.match(r"(https?:)?//", url)] == []
        assert "@import" not in content


def test_the_style_sheet_loads_nothing_from_other_hosts():
    assert re.findall(r"url\(\s*['\"]?(?:https?:)?//", CSS) == []
    assert "@import" not in CSS


@pytest.mark.django_db
def test_no_inline_script_or_style_in_the_layout(client):
    content = client.get(reverse("account_login")).content.decode()

    assert re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", content) == []
    assert " style=" not in content
    assert "<style" not in content


# The outcome report (its PDF and HTML preview share report-print.css; the preview adds report-screen.css)
# and the programme PDF: every text colour with the backgrounds it sits on.
REPORT_CSS = (STATIC_CSS / "report-print.css").read_text() + (STATIC_CSS / "report-screen.css").read_text()
PROGRAMME_CSS = (STATIC_CSS / "programme.css").read_text()
REPORT_TEXT_PAIRS = [
    ("var(--ink)", "#fff"),  # body text
    ("var(--ink)", "var(--mist)"),  # call-outs, the publisher box
    ("var(--navy)", "#fff"),  # titles, strong, contents level 1
    ("var(--navy)", "var(--sand)"),  # pull quotes
    ("var(--navy)", "var(--mist)"),
    ("var(--teal)", "#fff"),  # theme and subsection titles
    ("var(--teal)", "var(--mist)"),  # the call-out's country
    ("var(--accent)", "#fff"),  # theme numbers, recommendation titles, contents page numbers
    ("var(--accent)", "var(--sand)"),  # the pull quote's mark
    ("#fff", "var(--accent)"),  # recommendation numbers, the preview's download button
    ("#fff", "var(--navy)"),  # cover, at-a-glance numbers
    ("#fff", "#1c4a7e"),  # the cover band's gradient, its middle …
    ("#fff", "var(--teal)"),  # … and its end
    ("#9fd3dc", "var(--navy)"),  # cover kicker (top of the band)
    ("#e6eef6", "var(--navy)"),  # cover subtitle
    ("#e6eef6", "#1c4a7e"),
    ("#6b7684", "#fff"),  # running heads and page numbers
    ("#4a5563", "#fff"),  # contents level 3
    ("#5a6573", "#fff"),  # ratings
    ("#5a6573", "var(--sand)"),  # the pull quote's attribution
    ("#fff", "#111827"),  # the preview bar
]
PROGRAMME_TEXT_PAIRS = [
    ("#1b1f24", "#fff"),
    ("#0b4f6c", "#fff"),
    ("#b3261e", "#fff"),
    ("#4a5560", "#fff"),
    ("#fff", "#0b4f6c"),  # the day's band
]


@pytest.mark.parametrize(("foreground", "background"), REPORT_TEXT_PAIRS)
def test_report_colours_meet_wcag_aa_in_the_pdf_and_the_preview(foreground, background):
    assert contrast(foreground, background, REPORT_CSS) >= 4.5, (foreground, background)


@pytest.mark.parametrize(("foreground", "background"), PROGRAMME_TEXT_PAIRS)
def test_programme_pdf_colours_meet_wcag_aa(foreground, background):
    assert contrast(foreground, background, PROGRAMME_CSS) >= 4.5, (foreground, background)


@pytest.mark.parametrize(
    ("css", "pairs"),
    [(REPORT_CSS, REPORT_TEXT_PAIRS), (PROGRAMME_CSS, PROGRAMME_TEXT_PAIRS)],
    ids=["report", "programme"],
)
def test_every_text_colour_of_the_pdf_style_sheets_is_checked(css, pairs):
    """A colour added to a PDF style sheet fails here until its pairs are listed above."""
    body = re.sub(r":root\s*{.*?}", "", css, flags=re.S)
    used = {resolve(value, css) for value in re.findall(r"(?<![-\w])color:\s*([^;}]+?)\s*[;}]", body)}
    used.discard("inherit")
    assert len(used) >= 5
    assert used <= {resolve(foreground, css) for foreground, _ in pairs}


@pytest.mark.parametrize("css", [REPORT_CSS, PROGRAMME_CSS], ids=["report", "programme"])
def test_every_rule_of_the_pdf_style_sheets_that_sets_colour_and_background_meets_wcag_aa(css):
    for selector, body in re.findall(r"([^{}]+){([^{}]*)}", re.sub(r":root\s*{.*?}", "", css, flags=re.S)):
        colour = re.search(r"(?<![-\w])color:\s*([^;]+);?", body)
        background = re.search(r"background(?:-color)?:\s*(#[0-9a-fA-F]{3,6}|var\(--[\w-]+\))\s*;?", body)
        if colour and background:
            ratio = contrast(colour.group(1), background.group(1), css)
            assert ratio >= 4.5, (selector.strip(), colour.group(1), background.group(1), round(ratio, 2))
