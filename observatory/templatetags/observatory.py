"""Template helpers of the observatory's pages: links that change one filter, an entry's text in the
reader's language."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from reports.markup import plain_text, render_text

register = template.Library()

#: ``{{ text|markup }}``: the report's mark-up (paragraphs, **bold**, links) as safe HTML, as in the report.
register.filter("markup", render_text)
#: ``{{ text|plain_markup|truncatewords:60 }}``: the words without the mark-up, for excerpts.
register.filter("plain_markup", plain_text)


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
    title, text, language = entry.in_language(get_language() or "en")
    return {"title": title, "text": text, "lang": language}


@register.filter
def terms_of(entry, facet: str) -> list:
    """The entry's terms of one kind (from its prefetched terms)."""
    return [term for term in entry.terms.all() if term.facet == facet]


def _facet_link(value) -> str:
    if value.selected:
        return format_html(
            '<a href="{}" aria-current="true" class="obs-selected" title="{}">{} '
            '<span class="obs-count">{}</span></a>',
            value.url,
            _("Remove this filter"),
            value.label,
            value.count,
        )
    return format_html(
        '<a href="{}">{} <span class="obs-count">{}</span></a>', value.url, value.label, value.count
    )


@register.simple_tag
def facet_values(values) -> str:
    """The values of one filter as list items (links with their counts, sub-themes nested). Built here
    rather than in a template loop: a search page shows a hundred and more of them."""
    items = []
    for value in values:
        children = ""
        if value.children:
            children = format_html(
                "<ul>{}</ul>",
                format_html_join("", "<li>{}</li>", ((_facet_link(child),) for child in value.children)),
            )
        items.append(format_html("<li>{}{}</li>", _facet_link(value), children))
    return mark_safe("".join(items))  # every part escaped by format_html


@register.simple_tag
def map_countries(shaded: dict) -> str:
    """The countries of the map (`observatory.maps.shaded_map`) as SVG links, each with its accessible
    name ("Argentina: 41 entries"), its shade class and a tooltip. Built here: 54 paths per page."""
    prefix = reverse("observatory:country", args=["XX"])[:-3]
    parts = []
    for country in shaded["countries"]:
        label = ngettext("%(name)s: %(counter)s entry", "%(name)s: %(counter)s entries", country["count"]) % {
            "name": country["name"],
            "counter": country["count"],
        }
        parts.append(
            format_html(
                '<a href="{}{}/" aria-label="{}"><path id="map-{}" class="obs-shade-{}{}" d="{}">'
                "<title>{}</title></path></a>",
                prefix,
                country["code"],
                label,
                country["code"],
                country["shade"],
                " obs-current" if country["current"] else "",
                country["d"],
                label,
            )
        )
    return mark_safe("\n".join(parts))  # every part escaped by format_html
