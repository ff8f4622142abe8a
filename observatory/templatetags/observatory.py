"""Template helpers of the observatory's pages: links that change one filter, an entry's text in the
reader's language."""

from urllib.parse import urlencode

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def with_params(query: dict, **changes) -> str:
    """``{% with_params query country="AR" page=None %}``: the query string of `query` with `changes`
    (None or "" removes a parameter); the page always starts again unless given."""
    values = {key: value for key, value in query.items() if key != "page"}
    values.update(changes)
    values = {key: value for key, value in values.items() if value not in (None, "")}
    return "?" + urlencode(values) if values else "?"


@register.simple_tag
def entry_text(entry) -> dict:
    """``{% entry_text entry as shown %}``: {title, text, lang} in the reader's language when the entry
    has it, else as written."""
    title, text, language = entry.in_language((get_language() or "en").split("-")[0])
    return {"title": title, "text": text, "lang": language}


@register.filter
def terms_of(entry, facet: str) -> list:
    """The entry's terms of one kind (from its prefetched terms)."""
    return [term for term in entry.terms.all() if term.facet == facet]
