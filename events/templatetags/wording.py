"""Punctuation and dates that depend on the language (events/wording.py, events/dates.py).

``{{ _("Focus")|colon }}`` gives "Focus:" in English and "Focus :" (with a no-break space) in French;
``{% colon %}`` is the colon alone, after markup or a condition. ``{{ day.date|weekday_date }}`` gives
"Tuesday 4 June 2024", "martes 4 de junio de 2024"; ``weekday_day`` and ``short_weekday_day`` leave out the
year. Dates without a weekday use Django's format names: ``{{ value|date:"DATE_FORMAT" }}``.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from events import dates
from events.wording import with_colon

register = template.Library()


@register.filter(needs_autoescape=True)
def colon(label, autoescape=True):
    if autoescape:
        return mark_safe(with_colon(conditional_escape(label)))
    return with_colon(label)


@register.simple_tag(name="colon")
def colon_tag() -> str:
    """The colon alone: ``{{ day.date|date:"DATE_FORMAT" }}{% if day.title %}{% colon %} ...``."""
    return with_colon("")


register.filter("weekday_date", dates.weekday_date)
register.filter("weekday_day", dates.weekday_day)
register.filter("short_weekday_day", dates.short_weekday_day)
register.filter("long_date", dates.long_date)
