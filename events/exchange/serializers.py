"""Django's Python serializer and deserializer, taught the exchange's three kinds of reference.

A reference to another object is written as
- its natural key, the `natural_key()` of its model (`use_natural_foreign_keys`), and an object does not
  repeat its own (`use_natural_primary_keys`);
- its position in its list, for a model without a natural key;
- the e-mail address, for a user.
No database id is written. Field values are converted by Django (`value_to_string()` / `to_python()`).
"""

from __future__ import annotations

import datetime
import decimal
import json
import uuid

from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.core.serializers import base, python
from django.utils.translation import gettext as _


def plain(value):
    """JSON for what Django's serializer leaves as Python objects (dates, times, decimals)."""
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def jsonable(value):
    """`value` with tuples as lists and dates, times and decimals as strings, as it reads back from JSON;
    a JSON field's objects with their keys in order (PostgreSQL's jsonb keeps its own order, SQLite the
    order they were written in: the document must not depend on the database)."""
    if isinstance(value, dict):
        return {key: jsonable(value[key]) for key in sorted(value)}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time, decimal.Decimal, uuid.UUID)):
        return plain(value)
    return value


def canonical(key) -> str:
    """One string per key, whether it comes from a document (lists) or from `natural_key()` (tuples)."""
    return json.dumps(key, ensure_ascii=False, default=plain, separators=(",", ":"))


def has_natural_key(model) -> bool:
    return hasattr(model, "natural_key") and hasattr(model._default_manager, "get_by_natural_key")


def is_user(model) -> bool:
    return model is get_user_model()


class MissingReference(LookupError):
    pass


# --- export ----------------------------------------------------------------------------------------------


class References:
    """What an export has written so far: the positions of objects without a natural key, the natural keys
    it has computed (each once), and the users it has named."""

    def __init__(self):
        self.positions: dict[str, dict[object, int]] = {}
        self.keys: dict[tuple[str, object], object] = {}
        self.users: dict[object, str] = {}

    def listed(self, model, objects) -> None:
        self.positions[model._meta.label_lower] = {obj.pk: n for n, obj in enumerate(objects)}

    def key(self, model, pk, *, obj=None):
        if pk is None:
            return None
        if is_user(model):
            if pk not in self.users:
                self.users[pk] = model._default_manager.values_list("email", flat=True).get(pk=pk)
            return self.users[pk]
        label = model._meta.label_lower
        if not has_natural_key(model):
            try:
                return self.positions[label][pk]
            except KeyError:
                raise MissingReference(
                    f"a {model._meta.verbose_name} that is not part of the event ({label} {pk})"
                ) from None
        if (label, pk) not in self.keys:
            target = obj if obj is not None else model._default_manager.get(pk=pk)
            self.keys[(label, pk)] = jsonable(target.natural_key())
        return self.keys[(label, pk)]


class Serializer(python.Serializer):
    """Objects as Django's Python serializer writes them, `{"model": ..., "fields": {...}}`, with the
    exchange's references and without primary keys."""

    def __init__(self, references: References):
        super().__init__()
        self.references = references

    def get_dump_object(self, obj):
        return {"model": str(obj._meta), "fields": self._current}

    def handle_field(self, obj, field):
        self._current[field.name] = jsonable(self._value_from_field(obj, field))

    def handle_fk_field(self, obj, field):
        target = field.remote_field.model
        self._current[field.name] = self.references.key(target, getattr(obj, field.attname))

    def handle_m2m_field(self, obj, field):
        if not field.remote_field.through._meta.auto_created:
            return
        target = field.remote_field.model
        related = getattr(obj, field.name).values_list("pk", flat=True)
        values = [self.references.key(target, pk) for pk in related]
        self._current[field.name] = sorted(values, key=canonical)


# --- import ----------------------------------------------------------------------------------------------


class Index:
    """What an import has created so far, to resolve the document's references: users by e-mail address,
    objects without a natural key by position, the others by natural key (and, for an object the document
    does not hold, by `get_by_natural_key()` in the database)."""

    def __init__(self, users: dict[str, object]):
        self.users = {email.lower(): user for email, user in users.items()}
        self.positions: dict[str, list] = {}
        self.keys: dict[str, dict[str, object]] = {}

    def add(self, model, obj) -> None:
        self.positions.setdefault(model._meta.label_lower, []).append(obj)

    def learn_keys(self, model) -> None:
        """Index the natural keys of `model`'s imported objects, once its whole list is in the database (a
        key that counts siblings, such as an agenda item's, is only final then)."""
        if has_natural_key(model):
            objects = self.positions.get(model._meta.label_lower, [])
            self.keys[model._meta.label_lower] = {canonical(obj.natural_key()): obj for obj in objects}

    def resolve(self, model, value):
        if value is None:
            return None
        if is_user(model):
            if not isinstance(value, str) or value.lower() not in self.users:
                raise MissingReference(
                    _("the user %(user)s is not in the file's list of users") % {"user": canonical(value)}
                )
            return self.users[value.lower()]
        label = model._meta.label_lower
        if not has_natural_key(model):
            objects = self.positions.get(label, [])
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < len(objects):
                raise MissingReference(
                    _("%(model)s number %(value)s, which the file does not hold")
                    % {"model": model._meta.verbose_name, "value": canonical(value)}
                )
            return objects[value]
        found = self.keys.get(label, {}).get(canonical(value))
        if found is not None:
            return found
        if not isinstance(value, (list, tuple)):
            raise MissingReference(
                _("%(model)s %(value)s: a natural key is a list")
                % {"model": model._meta.verbose_name, "value": canonical(value)}
            )
        try:
            return model._default_manager.get_by_natural_key(*value)
        except (ObjectDoesNotExist, TypeError, ValueError, LookupError):
            raise MissingReference(
                _("%(model)s %(value)s, which neither the file nor the portal holds")
                % {"model": model._meta.verbose_name, "value": canonical(value)}
            ) from None


class Deserializer(python.Deserializer):
    """Django's Python deserializer resolving the exchange's references through an `Index`.

    An import always creates a new event, so nothing of it can exist yet: objects are built as they are,
    without Django's look-up of an existing object by natural key (`base.build_instance`), which would cost
    queries for nothing. Shared objects (series, organisations) are looked up by the import itself.
    """

    def __init__(self, object_list, *, index: Index, **options):
        super().__init__(object_list, **options)
        self.index = index

    def _handle_object(self, obj):
        Model = self._get_model_from_node(obj["model"])
        data, m2m_data = {}, {}
        for name, value in obj["fields"].items():
            field = Model._meta.get_field(name)
            if field.auto_created or field.primary_key:  # a reverse relation, the primary key
                raise FieldDoesNotExist(f"{Model._meta.label_lower} has no field {name!r} to import")
            if field.many_to_many:
                m2m_data[field.name] = self._handle_m2m_field_node(field, value)
            elif field.is_relation:
                data[field.name] = self._handle_fk_field_node(field, value)
            else:
                data[field.name] = field.to_python(value)
        yield base.DeserializedObject(Model(**data), m2m_data)

    def _handle_fk_field_node(self, field, field_value):
        return self.index.resolve(field.remote_field.model, field_value)

    def _handle_m2m_field_node(self, field, field_value):
        if not isinstance(field_value, list):
            raise MissingReference(_("%(field)s: a list was expected") % {"field": field.name})
        return [self.index.resolve(field.remote_field.model, value) for value in field_value]
