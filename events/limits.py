"""The limits every input keeps, in one place (docs/limits.md lists them).

Text: every `TextField` takes one of these sizes through `bounded()`, which gives the model field both
`max_length` (so a ModelForm's field gets it, and the browser's `maxlength`) and a `MaxLengthValidator`
(so `full_clean()`, the import and the admin refuse longer text too: a TextField's `max_length` alone is
only passed on to forms). A plain form field that writes such a column takes `max_length=text_limit(...)`.
"""

from __future__ import annotations

from django.core.validators import MaxLengthValidator

# Text typed by people, sized for its use (characters).
NOTE = 2_000  # a comment, a need, one commitment's target or indicator
PARAGRAPHS = 5_000  # a description, a biography, a finding, a takeaway, an answer
LONG = 20_000  # an event's purpose, a report's chapter, a record's free notes
OPERATOR = 10_000  # what the portal itself writes for operators (a job's error)


def bounded(limit: int) -> dict:
    """Keyword arguments for a TextField that holds at most `limit` characters."""
    return {"max_length": limit, "validators": [MaxLengthValidator(limit)]}


def text_limit(model, field_name: str) -> int:
    """The length limit of `model.field_name`, for a plain form field that writes it."""
    return model._meta.get_field(field_name).max_length
