"""What an import checks before it writes anything: a document that fails gets one message naming its place
(`events/days[2].date: ...`), never a traceback.

- sizes: the file itself (`settings.EVENT_IMPORT_MAX_BYTES`) and every text (the model fields' limits);
- types: objects where objects belong, lists where lists belong, values each field can read;
- values: each field's own validators and choices (time zones, languages, countries, lengths);
- references: a position inside the list it points into, a user the file lists, a natural key as a list;
- duplicates: two objects of a list that the database would refuse as the same (two days on one date);
- date order: nothing ends before it starts, and the days fall within the event.

What can only be known while writing (a natural key naming an object of this portal, the models' own
`clean()` rules that read the database) is checked then, inside the same transaction.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from .registry import Entry, parts
from .serializers import canonical, has_natural_key, is_user

# Pairs of fields that must come in this order: (first, last, they may be equal).
ORDERED_FIELDS = [
    ("start_date", "end_date", True),
    ("start", "end", False),
    ("signup_opens", "signup_closes", False),
]


class DocumentProblem(ValidationError):
    """One problem of an import document, at `place` (e.g. "events/days[2].date")."""

    def __init__(self, place: str, problem):
        if isinstance(problem, ValidationError):
            problem = " ".join(problem.messages)
        self.place = place
        super().__init__(
            _("Cannot import “%(place)s” from this file: %(problem)s") % {"place": place, "problem": problem}
        )


# --- the file ----------------------------------------------------------------------------------------------


def check_file_size(size: int, *, max_bytes: int | None = None) -> None:
    """Refuse a file of `size` bytes over `max_bytes` (default settings.EVENT_IMPORT_MAX_BYTES)."""
    limit = settings.EVENT_IMPORT_MAX_BYTES if max_bytes is None else max_bytes
    if size > limit:
        raise ValidationError(
            _("The file is %(size)s MB; the largest import allowed is %(limit)s MB.")
            % {"size": f"{size / 1048576:.1f}", "limit": f"{limit / 1048576:.3g}"}
        )


def read_document(data: bytes, *, max_bytes: int | None = None) -> dict:
    """The JSON document in `data`, refused with one message when it is too large or not JSON."""
    check_file_size(len(data), max_bytes=max_bytes)
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("The file is not UTF-8 text (byte %(position)s).") % {"position": error.start}
        ) from None
    except json.JSONDecodeError as error:
        raise ValidationError(
            _("The file is not valid JSON: line %(line)s, column %(column)s: %(problem)s.")
            % {"line": error.lineno, "column": error.colno, "problem": error.msg}
        ) from None
    except RecursionError:
        raise ValidationError(_("The file is not valid JSON: it is nested too deeply.")) from None


# --- the document ------------------------------------------------------------------------------------------


def check_document(document: dict) -> None:
    """Raise DocumentProblem for the first thing in `document` (its header already checked) that the
    import could not write as it is."""
    emails = _check_users(document.get("users", []))
    lengths = {
        entry.model: len(rows) if isinstance(rows, list) else 0
        for part in parts()
        for entry in part.entries
        for rows in [document["parts"].get(part.app_label, {}).get(entry.name, [])]
    }
    event_dates = None
    for part in parts():
        lists = document["parts"].get(part.app_label, {})
        for entry in part.entries:
            place = f"{part.app_label}/{entry.name}"
            rows = lists.get(entry.name, [])
            if not isinstance(rows, list):
                raise DocumentProblem(place, _("a list was expected"))
            values = [
                _check_object(entry, f"{place}[{n}]", row, emails, lengths) for n, row in enumerate(rows)
            ]
            _check_duplicates(entry.model, place, rows)
            if entry.model._meta.label_lower == "events.event" and values:
                event_dates = (values[0].get("start_date"), values[0].get("end_date"))
            if entry.model._meta.label_lower == "events.day" and event_dates and None not in event_dates:
                _check_days_in_event(place, values, event_dates)


def _check_users(rows) -> set[str]:
    if not isinstance(rows, list):
        raise DocumentProblem("users", _("a list was expected"))
    seen: dict[str, int] = {}
    for n, person in enumerate(rows):
        email = person.get("email") if isinstance(person, dict) else None
        if not isinstance(email, str) or "@" not in email or len(email) > 254:
            raise DocumentProblem(f"users[{n}].email", _("a user needs an e-mail address"))
        for name in ("first_name", "last_name"):
            value = person.get(name, "")
            if not isinstance(value, str) or len(value) > 150:
                raise DocumentProblem(
                    f"users[{n}].{name}", _("a text of at most 150 characters was expected")
                )
        if email.lower() in seen:
            raise DocumentProblem(
                f"users[{n}].email",
                _("%(email)s is listed twice (also users[%(other)s])")
                % {"email": email, "other": seen[email.lower()]},
            )
        seen[email.lower()] = n
    return set(seen)


def _check_object(entry: Entry, place: str, row, emails: set[str], lengths: dict) -> dict:
    """The object's plain values, read by their fields; DocumentProblem for anything wrong in it."""
    if (
        not isinstance(row, dict)
        or row.get("model") != entry.label
        or not isinstance(row.get("fields"), dict)
    ):
        raise DocumentProblem(
            place,
            _("an object with “model” %(model)s and its “fields” was expected") % {"model": entry.label},
        )
    model = entry.model
    blank = model()
    values = {}
    for name, raw in row["fields"].items():
        where = f"{place}.{name}"
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            raise DocumentProblem(where, _("this portal has no such field")) from None
        if field.auto_created or field.primary_key or not field.concrete and not field.many_to_many:
            raise DocumentProblem(where, _("this portal has no such field"))
        if field.many_to_many:
            if not isinstance(raw, list):
                raise DocumentProblem(where, _("a list was expected"))
            for k, value in enumerate(raw):
                _check_reference(field, f"{where}[{k}]", value, emails, lengths)
        elif field.is_relation:
            _check_reference(field, where, raw, emails, lengths)
        else:
            values[name] = _check_value(field, where, raw, blank)
    for first, last, may_equal in ORDERED_FIELDS:
        start, end = values.get(first), values.get(last)
        if start is not None and end is not None and (end < start or (end == start and not may_equal)):
            raise DocumentProblem(
                f"{place}.{last}",
                _("the end (%(end)s) is before the start (%(start)s)") % {"end": end, "start": start},
            )
    return values


def _check_value(field: models.Field, where: str, raw, blank: models.Model):
    if isinstance(raw, (dict, list)) and not isinstance(field, models.JSONField):
        raise DocumentProblem(where, _("a single value was expected"))
    try:
        value = field.to_python(raw)
        if value is None and not field.null:
            raise ValidationError(_("a value is required"))
        if value not in field.empty_values:
            field.validate(value, blank)
            field.run_validators(value)
    except ValidationError as error:
        raise DocumentProblem(where, error) from None
    except (TypeError, ValueError, OverflowError) as error:
        raise DocumentProblem(where, str(error)) from None
    return value


def _check_reference(field: models.Field, where: str, value, emails: set[str], lengths: dict) -> None:
    target = field.remote_field.model
    if value is None:
        if not field.null and not field.many_to_many:
            raise DocumentProblem(where, _("a reference is required"))
        return
    if is_user(target):
        if not isinstance(value, str) or value.lower() not in emails:
            raise DocumentProblem(
                where, _("the user %(user)s is not in the file's list of users") % {"user": canonical(value)}
            )
    elif not has_natural_key(target):
        count = lengths.get(target, 0)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < count:
            raise DocumentProblem(
                where,
                _("%(model)s number %(value)s, which the file does not hold")
                % {"model": target._meta.verbose_name, "value": canonical(value)},
            )
    elif not isinstance(value, list):
        raise DocumentProblem(
            where,
            _("%(model)s %(value)s: a natural key is a list")
            % {"model": target._meta.verbose_name, "value": canonical(value)},
        )


def _unique_sets(model) -> list[tuple[str, ...]]:
    sets = [tuple(names) for names in model._meta.unique_together]
    sets += [
        tuple(constraint.fields)
        for constraint in model._meta.total_unique_constraints
        if constraint.fields and constraint.condition is None
    ]
    sets += [(f.name,) for f in model._meta.local_fields if f.unique and not f.primary_key]
    return sets


def _check_duplicates(model, place: str, rows: list) -> None:
    """Two objects of one list that the database would take for the same one (the same day twice)."""
    for names in _unique_sets(model):
        seen: dict[str, int] = {}
        for n, row in enumerate(rows):
            fields = row["fields"]
            if any(fields.get(name) is None for name in names):
                continue
            key = canonical([fields[name] for name in names])
            if key in seen:
                shown = [name for name in names if not model._meta.get_field(name).is_relation] or names
                raise DocumentProblem(
                    f"{place}[{n}].{shown[0]}",
                    _("the same %(fields)s as %(place)s[%(other)s]")
                    % {"fields": ", ".join(shown), "place": place, "other": seen[key]},
                )
            seen[key] = n


def _check_days_in_event(place: str, days: list[dict], event_dates) -> None:
    first, last = event_dates
    for n, day in enumerate(days):
        date = day.get("date")
        if date is not None and not first <= date <= last:
            raise DocumentProblem(
                f"{place}[{n}].date",
                _("%(date)s is outside the event (%(first)s to %(last)s)")
                % {"date": date, "first": first, "last": last},
            )
