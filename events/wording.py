"""Punctuation that depends on the language. French puts a no-break space before a colon, so a colon after
a label belongs to a translated pattern, never typed after a translated word (``{% translate "Focus" %}:``).
Templates use ``{{ _("Focus")|colon }}``, ``{{ item.title|colon }}`` or ``{% colon %}`` (events/templatetags/
wording.py); Python code uses :func:`with_colon`."""

from django.utils.translation import pgettext


def with_colon(label) -> str:
    """`label` followed by a colon as the active language writes it: "Focus:", "Focus :" in French."""
    # Translators: a label or a title followed by a colon and what it introduces ("Focus: ...", "Room: 4").
    # French puts a no-break space (U+00A0) before the colon.
    return pgettext("label followed by a colon", "%(label)s:") % {"label": label}
