"""The report's small text mark-up: plain text typed by staff or participants as safe HTML.

Everything is escaped first, so tags typed into a text stay text; then blank lines make paragraphs,
single line breaks <br>, **words** bold, and links: [words](https://address) or a bare https:// address
(only http, https and mailto addresses become links, so they stay clickable in the PDF).
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
# On escaped text: [label](address) or a bare address (not one already inside a link's href).
_LINK = re.compile(
    r"\[([^\]\n]+)\]\(((?:https?://|mailto:)[^\s)]+)\)"
    r"|(?<![\w/\"=\](])(https?://[^\s<]*[^\s<.,;:!?)\]])"
)


def _link(match: re.Match) -> str:
    label, address, bare = match.groups()
    if bare:
        return f'<a href="{bare}">{bare}</a>'
    return f'<a href="{address}">{label}</a>'


def _inline(text: str) -> str:
    """Escaped text with links and **bold** (no paragraphs)."""
    return _BOLD.sub(r"<strong>\1</strong>", _LINK.sub(_link, escape(text)))


def render_text(text: str) -> SafeString:
    """Paragraphs of escaped text, with line breaks and **bold**."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n")) if p.strip()]
    html = []
    for paragraph in paragraphs:
        body = _inline(paragraph).replace("\n", "<br>")
        html.append(f"<p>{body}</p>")
    return mark_safe("\n".join(html))  # noqa: S308 - built from escaped text only


def render_inline(text: str) -> SafeString:
    """One escaped paragraph's content (no <p>), with **bold** and line breaks."""
    body = _inline((text or "").strip())
    return mark_safe(body.replace("\r\n", "\n").replace("\n", "<br>"))  # noqa: S308 - escaped above


def plain_text(text: str) -> str:
    """The text without its mark-up, for excerpts: a link's words stay, its address and the ** go.
    Not escaped (templates escape it)."""
    text = re.sub(r"\[([^\]\n]+)\]\(((?:https?://|mailto:)[^\s)]+)\)", r"\1", text or "")
    return _BOLD.sub(r"\1", text)


def in_language(html: SafeString, language: str, *, inline: bool = False) -> SafeString:
    """Mark HTML printed in another language than the document's with that `language`, so that screen
    readers switch voice and hyphenation follows it. No language (or no HTML): `html` as it is."""
    if not language or not html:
        return html
    tag = "span" if inline else "div"
    return mark_safe(f'<{tag} lang="{escape(language)}">{html}</{tag}>')  # noqa: S308 - html is escaped
