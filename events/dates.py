"""Dates in the reader's language: one place for every format a page, an e-mail or a PDF uses.

Formats without a weekday are Django's per-language format names (``DATE_FORMAT`` "4 de junio de 2024",
``MONTH_DAY_FORMAT``, ``YEAR_MONTH_FORMAT``, ``DATETIME_FORMAT``, ``SHORT_DATETIME_FORMAT``); English ones
are set in ``dialogue_portal/formats/en/formats.py``. Django has no format with a weekday, so those are
messages of the catalogues, translated per language (the letters are those of Django's ``date`` filter;
a backslash keeps a letter as it is: Spanish ``l j \\d\\e F \\d\\e Y`` is "martes 4 de junio de 2024").

A date-time is shown in the current time zone: the event's one on the event's pages (set by
``events.middleware.EventMiddleware``); e-mails and background work wrap their rendering in
``timezone.override(event.tz)``.
"""

from __future__ import annotations

import datetime

from django.utils import dateformat
from django.utils.formats import date_format
from django.utils.timezone import is_aware, localtime
from django.utils.translation import pgettext_lazy

# Translators: a date with its weekday and year, e.g. "Tuesday 4 June 2024" (letters of Django's date
# filter: l weekday, j day, F month, Y year; \d\e prints "de").
WEEKDAY_DATE = pgettext_lazy("date format", "l j F Y")
# Translators: a date with its weekday, without the year, e.g. "Tuesday 4 June".
WEEKDAY_DAY = pgettext_lazy("date format", "l j F")
# Translators: a short date with an abbreviated weekday, e.g. "Tue 4 June" (D abbreviated weekday, N month).
SHORT_WEEKDAY_DAY = pgettext_lazy("date format", "D j N")


def _local(value):
    if isinstance(value, datetime.datetime) and is_aware(value):
        return localtime(value)
    return value


def weekday_date(value) -> str:
    """ "Tuesday 4 June 2024", "martes 4 de junio de 2024", "mardi 4 juin 2024"..."""
    return dateformat.format(_local(value), str(WEEKDAY_DATE)) if value else ""


def weekday_day(value) -> str:
    """ "Tuesday 4 June", "martes 4 de junio"..."""
    return dateformat.format(_local(value), str(WEEKDAY_DAY)) if value else ""


def short_weekday_day(value) -> str:
    """ "Tue 4 June", "mar 4 de junio"..."""
    return dateformat.format(_local(value), str(SHORT_WEEKDAY_DAY)) if value else ""


def long_date(value) -> str:
    """ "4 June 2024", "4 de junio de 2024"... (Django's DATE_FORMAT of the active language)."""
    return date_format(_local(value), "DATE_FORMAT") if value else ""


def date_time(value) -> str:
    """ "4 June 2024, 14:30", "4 de junio de 2024 a las 14:30"... in the current time zone."""
    return date_format(_local(value), "DATETIME_FORMAT") if value else ""
