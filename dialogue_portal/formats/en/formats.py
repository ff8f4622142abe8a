"""English dates as the portal writes them (British order, 24-hour clock): "4 June 2024",
"4 June 2024, 14:30", "04/06/2024 14:30". Django's own English formats are American ("June 4, 2024",
"06/04/2024 2:30 p.m."). Spanish, French and Brazilian Portuguese use Django's formats for their
language. Formats with a weekday are in ``events/dates.py``."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
