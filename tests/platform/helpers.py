import re
from html import unescape


def h1(response) -> str:
    """The text of the page's first <h1>, whitespace collapsed."""
    match = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    assert match, "page has no <h1>"
    return " ".join(unescape(re.sub(r"<[^>]+>", "", match.group(1))).split())


def html_lang(response) -> str:
    match = re.search(r'<html lang="([^"]+)"', response.content.decode())
    assert match
    return match.group(1)


def link_in(text: str) -> str:
    """The first URL in a plain-text e-mail body, as a path."""
    match = re.search(r"https?://[^/\s]+(/\S*)", text)
    assert match, text
    return match.group(1)
