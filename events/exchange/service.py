"""Export a whole event as one JSON document, and import such a document into another installation.

The document (docs/event-format.md) has a header, the users the event names and one part per app, each a
set of lists of objects in the shape Django's serializer gives them. Import is atomic: a problem anywhere
leaves the database as it was.
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, models, transaction
from django.db.models.functions import Lower
from django.utils import translation
from django.utils.translation import gettext as _
from modeltranslation.settings import DEFAULT_LANGUAGE

from ..models import Event
from ..uploads import check_file
from .checks import check_document
from .registry import Entry, parts
from .serializers import Deserializer, Index, References, Serializer, plain

FORMAT = "dialogue-portal-event"
FORMAT_VERSION = 2


def _translated_base_fields(model) -> set[str]:
    """Fields that modeltranslation splits per language: the document holds `title_en`, ... not `title`."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        return set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return set()


def exported_fields(model) -> list[str]:
    """Every column but the primary key (and the untranslated column behind translated fields), and every
    plain many-to-many field."""
    skip = _translated_base_fields(model)
    names = [field.name for field in model._meta.local_fields if field.serialize and field.name not in skip]
    names += [
        field.name
        for field in model._meta.local_many_to_many
        if field.serialize and field.remote_field.through._meta.auto_created
    ]
    return names


# --- export ----------------------------------------------------------------------------------------------


def export_event(*, event: Event) -> dict:
    """The whole event as a JSON-ready dict: every registered part's lists, then the users they name."""
    references = References()
    document_parts = {}
    for part in parts():
        lists = {}
        for entry in part.entries:
            objects = list(entry.objects(event))
            references.listed(entry.model, objects)
            lists[entry.name] = Serializer(references).serialize(
                objects,
                fields=exported_fields(entry.model),
                use_natural_foreign_keys=True,
                use_natural_primary_keys=True,
            )
        document_parts[part.app_label] = lists
    users = get_user_model().objects.filter(pk__in=list(references.users)).order_by("email", "pk")
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "event_slug": event.slug,
        "users": [
            {"email": u.email, "first_name": u.first_name, "last_name": u.last_name, "is_active": u.is_active}
            for u in users
        ],
        "parts": document_parts,
    }


def _one_line(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=plain)


def _layout(value, depth: int) -> str:
    """Dictionaries spread over lines, each item of a list on a line of its own (one object per line)."""
    pad = " " * depth
    if isinstance(value, dict) and value:
        items = ",\n".join(
            f"{pad} {_one_line(key)}: {_layout(item, depth + 1)}" for key, item in value.items()
        )
        return "{\n" + items + "\n" + pad + "}"
    if isinstance(value, list) and value:
        items = ",\n".join(f"{pad} {_one_line(item)}" for item in value)
        return "[\n" + items + "\n" + pad + "]"
    return _one_line(value)


def dumps(document: dict) -> bytes:
    return (_layout(document, 0) + "\n").encode("utf-8")


def export_event_bytes(*, event: Event) -> bytes:
    return dumps(export_event(event=event))


# --- import ----------------------------------------------------------------------------------------------

# What a damaged or foreign document makes the import raise, turned into one ValidationError naming the place.
_PROBLEMS = (
    DeserializationError,
    FieldDoesNotExist,
    ObjectDoesNotExist,
    ValidationError,
    LookupError,
    ValueError,
    TypeError,
    DatabaseError,
)


class _Problem(ValueError):
    pass


def _brazilian_document(document: dict) -> dict:
    """`document` with every object's fields read as :func:`_brazilian` reads them."""

    def upgraded(row):
        if isinstance(row, dict) and isinstance(row.get("fields"), dict):
            return {**row, "fields": _brazilian(row["fields"])}
        return row

    parts = {
        app_label: (
            {
                name: [upgraded(row) for row in rows] if isinstance(rows, list) else rows
                for name, rows in lists.items()
            }
            if isinstance(lists, dict)
            else lists
        )
        for app_label, lists in document["parts"].items()
    }
    return {**document, "parts": parts}


def _brazilian(fields: dict) -> dict:
    """An object's fields from a file written while Portuguese was served as "pt": the columns ``title_pt``,
    ... are ``title_pt_br`` and a language code "pt" is "pt-br" (a file written since holds neither)."""
    upgraded = {}
    for name, value in fields.items():
        if name.endswith("_pt"):
            name += "_br"
        if name == "languages" and isinstance(value, list):
            value = ["pt-br" if code == "pt" else code for code in value]
        elif "language" in name and value == "pt":
            value = "pt-br"
        upgraded[name] = value
    return upgraded


def _cannot_import(place: str, problem: Exception | str) -> ValidationError:
    if isinstance(problem, ValidationError):
        problem = " ".join(problem.messages)
    return ValidationError(
        _("Cannot import “%(place)s” from this file: %(problem)s") % {"place": place, "problem": problem}
    )


def _check_header(document) -> str:
    if isinstance(document, list):
        raise ValidationError(
            _(
                "This file holds a list; an event export is one object with “format”, “version”, "
                "“event_slug” and “parts”."
            )
        )
    if (
        not isinstance(document, dict)
        or document.get("format") != FORMAT
        or document.get("version") != FORMAT_VERSION
        or not isinstance(document.get("parts"), dict)
        or not isinstance(document.get("event_slug"), str)
    ):
        raise ValidationError(_("This file is not an event export this portal can read."))
    slug = document.get("event_slug")
    if Event.objects.filter(slug=slug).exists():
        raise ValidationError(_("An event with the short name “%(slug)s” exists already.") % {"slug": slug})
    known = {part.app_label: {entry.name for entry in part.entries} for part in parts()}
    for app_label, lists in document["parts"].items():
        if app_label not in known:
            raise _cannot_import(app_label, _("this portal has no such part"))
        if not isinstance(lists, dict):
            raise _cannot_import(app_label, _("an object of lists was expected"))
        for name in lists:
            if name not in known[app_label]:
                raise _cannot_import(f"{app_label}/{name}", _("this portal has no such list"))
    events = document["parts"].get("events", {}).get("event")
    fields = (
        events[0].get("fields")
        if isinstance(events, list) and events and isinstance(events[0], dict)
        else None
    )
    if len(events or []) != 1 or not isinstance(fields, dict) or fields.get("slug") != slug:
        raise _cannot_import("events/event", _("the file must hold one event, “%(slug)s”") % {"slug": slug})
    return slug


def _referenced_models() -> set:
    """The models some exported object refers to: an import indexes their objects by natural key."""
    return {
        field.remote_field.model
        for part in parts()
        for entry in part.entries
        for field in [*entry.model._meta.local_fields, *entry.model._meta.local_many_to_many]
        if field.is_relation
    }


def _import_users(rows) -> dict[str, object]:
    """Users by e-mail address: an existing one (matched without regard to case), else a new one without a
    usable password (they set one with "forgot your password")."""
    user_model = get_user_model()
    if not isinstance(rows, list):
        raise _cannot_import("users", "a list was expected")
    for n, person in enumerate(rows):
        email = person.get("email") if isinstance(person, dict) else None
        if not isinstance(email, str) or "@" not in email:
            raise _cannot_import(f"users[{n}]", "a user needs an e-mail address")
    emails = [person["email"] for person in rows]
    existing = {}
    for user in (
        user_model.objects.annotate(email_lower=Lower("email"))
        .filter(email_lower__in=[email.lower() for email in emails])
        .order_by("-pk")
    ):
        existing[user.email_lower] = user  # the oldest account wins when two differ only in case
    taken = set(user_model.objects.filter(username__in=emails).values_list("username", flat=True))
    new = []
    for person in rows:
        email = person["email"]
        if email.lower() in existing:
            continue
        user = user_model(
            username=email if email not in taken else f"{email}-{secrets.token_hex(4)}",
            email=email,
            first_name=person.get("first_name") or "",
            last_name=person.get("last_name") or "",
            is_active=person.get("is_active", True) is not False,
        )
        user.set_unusable_password()
        existing[email.lower()] = user
        new.append(user)
    user_model.objects.bulk_create(new)
    if any(user.pk is None for user in new):  # a database that does not return the new keys
        for user in user_model.objects.filter(email__in=[user.email for user in new]):
            existing[user.email.lower()] = user
    return {email: existing[email.lower()] for email in emails}


def _import_object(entry: Entry, row, index: Index, files: dict[str, list]):
    if (
        not isinstance(row, dict)
        or row.get("model") != entry.label
        or not isinstance(row.get("fields"), dict)
    ):
        raise _Problem(f"an object {{'model': '{entry.label}', 'fields': {{...}}}} was expected")
    (deserialized,) = Deserializer([row], index=index)
    obj = deserialized.object
    if entry.shared:
        try:
            return entry.model._default_manager.get_by_natural_key(*obj.natural_key())
        except entry.model.DoesNotExist:
            pass
    if entry.new_pk is not None:
        obj.pk = entry.new_pk()
    obj.clean()  # the model's own rules (an item inside its block, no clash in one room, ...)
    deserialized.save(force_insert=True)
    for field in entry.model._meta.concrete_fields:
        if isinstance(field, models.FileField) and getattr(obj, field.attname):
            files.setdefault(getattr(obj, field.attname).name, []).append((obj, field))
    return obj


def _attach_files(files: dict[str, list], source: Path) -> None:
    """Copy each stored file the document names from `source` (a copy of the media folder, or the demo's
    files) into the storage, unless the storage has a file of that name already.

    Every file is checked as an upload to its field would be (events.uploads: size, kind by content, pixels)
    before any is copied, so a refused file leaves the storage as it was."""
    root = Path(source).resolve()
    copies = []
    for name, owners in sorted(files.items()):
        path = (root / name).resolve()
        if not path.is_relative_to(root) or not path.is_file() or default_storage.exists(name):
            continue
        with path.open("rb") as handle:
            for _obj, field in owners:
                try:
                    check_file(File(handle, name=path.name), field)
                except ValidationError as error:
                    raise _cannot_import(name, error) from None
        copies.append((name, path, owners))
    for name, path, owners in copies:
        with path.open("rb") as handle:
            saved = default_storage.save(name, File(handle))
        if saved != name:
            for obj, field in owners:
                setattr(obj, field.attname, saved)
                obj.save(update_fields=[field.name])


@transaction.atomic
def import_event(*, document: dict, files: Path | str | None = None) -> Event:
    """Create the event described by `document` (see export_event) and return it.

    Users are matched by e-mail address and created without a usable password when missing; shared objects
    (series, organisations) with the same natural key are reused as they are. With `files`, a folder laid out
    like the media folder, the stored files the document names are copied from it into the storage.
    The document is checked before anything is written (events.exchange.checks: types, values, lengths,
    references, duplicates, date order). Raises ValidationError for a document this portal cannot read, an
    event whose slug exists already, or a problem with any object, naming its place (e.g.
    "events/days[2].date")."""
    slug = _check_header(document)
    document = _brazilian_document(document)
    check_document(document)
    stored: dict[str, list] = {}
    referenced = _referenced_models()
    # The untranslated column behind a translated field takes the default language's text, as on a save.
    with translation.override(DEFAULT_LANGUAGE):
        index = Index(_import_users(document.get("users", [])))
        for part in parts():
            lists = document["parts"].get(part.app_label, {})
            for entry in part.entries:
                rows = lists.get(entry.name, [])
                if not isinstance(rows, list):
                    raise _cannot_import(f"{part.app_label}/{entry.name}", "a list was expected")
                for n, row in enumerate(rows):
                    try:
                        obj = _import_object(entry, row, index, stored)
                    except _PROBLEMS as exc:
                        raise _cannot_import(f"{part.app_label}/{entry.name}[{n}]", exc) from exc
                    index.add(entry.model, obj)
                if entry.model in referenced:
                    index.learn_keys(entry.model)
    if files is not None:
        _attach_files(stored, Path(files))
    return Event.objects.get(slug=slug)
