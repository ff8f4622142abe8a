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


def pdf_text_colours(reader) -> set[str]:
    """The fill colours (as #rrggbb) that text is drawn in on every page of a PDF (pypdf reader)."""
    from pypdf.generic import ContentStream

    colours = set()
    for page in reader.pages:
        fill = "#000000"
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"rg":
                fill = "#" + "".join(f"{round(float(value) * 255):02x}" for value in operands)
            elif operator == b"g":
                fill = "#" + f"{round(float(operands[0]) * 255):02x}" * 3
            elif operator in (b"Tj", b"TJ", b"'", b'"'):
                colours.add(fill)
    return colours
