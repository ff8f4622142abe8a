"""Export a whole event as a JSON document with natural keys instead of database ids, and import it into
another installation. The format is described in docs/event-format.md.

ENTRIES lists what is exported, in an order where every object comes after the objects it refers to.
Adding a model is one entry: its name in the document, its model, how to find the event's objects, and
its natural key (fields whose values identify an object within the document), or none, in which case an
object is known by its position in its list (the query must then have a stable order that an import
preserves: ordering by primary key does, since an import creates objects in document order).

Users are exported by e-mail address (with their names, never their passwords) and created on import
without a usable password. Files (documents, logos, materials) travel as metadata: their stored names.
"""

from __future__ import annotations

import datetime
import decimal
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext as _

FORMAT = "dialogue-portal-event"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Entry:
    name: str
    model: str
    query: Callable
    key: tuple[str, ...] = ()
    # A key shared across events (organisations, series): import reuses an existing object with this key.
    shared: bool = False
    # Random primary keys on import (the anonymous evaluation answers).
    random_pk: bool = False


def _agenda_items(event):
    # Blocks before their parts, so that a part's parent exists when it is imported.
    return (
        apps.get_model("events", "AgendaItem")
        .objects.filter(day__event=event)
        .annotate(
            is_part=Case(
                When(parent__isnull=True, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("is_part", "pk")
    )


def _responses(event):
    """Anonymous responses in an order that depends on their content only, never on when they came."""
    Response = apps.get_model("reports", "EvaluationResponse")
    responses = list(Response.objects.filter(evaluation__event=event).prefetch_related("answers__question"))

    def content(response):
        return json.dumps(
            sorted(
                [a.question.order, a.question.text_en or "", a.rating or 0, a.text]
                for a in response.answers.all()
            ),
            ensure_ascii=False,
        )

    return sorted(responses, key=lambda r: (content(r), r.pk))


def _answers(event, positions):
    Answer = apps.get_model("reports", "EvaluationAnswer")
    answers = Answer.objects.filter(response__evaluation__event=event).select_related("question")
    return sorted(
        answers,
        key=lambda a: (
            positions["reports.EvaluationResponse"][a.response_id],
            a.question.order,
            a.question_id,
            a.rating or 0,
            a.text,
        ),
    )


def _m(app_model):
    return lambda event: apps.get_model(*app_model.split(".")).objects


ENTRIES: list[Entry] = [
    Entry(
        "series", "events.Series", lambda e: _m("events.Series")(e).filter(events=e), ("slug",), shared=True
    ),
    Entry(
        "organisations",
        "events.Organisation",
        lambda e: (
            _m("events.Organisation")(e)
            .filter(Q(hosted_events=e) | Q(partnerships__event=e))
            .distinct()
            .order_by("name", "pk")
        ),
        ("name",),
        shared=True,
    ),
    Entry("event", "events.Event", lambda e: _m("events.Event")(e).filter(pk=e.pk), ("slug",)),
    Entry(
        "partners",
        "events.EventPartner",
        lambda e: e.partners.order_by("pk"),
        ("event", "organisation", "kind"),
    ),
    Entry("documents", "events.Document", lambda e: e.documents.order_by("pk")),
    Entry("days", "events.Day", lambda e: e.days.order_by("date"), ("event", "date")),
    Entry("agenda_items", "events.AgendaItem", _agenda_items),
    Entry("people", "events.Person", lambda e: e.people.order_by("slug"), ("event", "slug")),
    Entry(
        "appearances",
        "events.ItemPerson",
        lambda e: _m("events.ItemPerson")(e).filter(item__day__event=e).order_by("pk"),
    ),
    Entry("roles", "events.EventRole", lambda e: e.roles.order_by("pk"), ("event", "user", "role")),
    Entry(
        "registrations",
        "sessions_app.Registration",
        lambda e: e.registrations.order_by("pk"),
        ("event", "user"),
    ),
    Entry(
        "table_sessions",
        "sessions_app.TableSession",
        lambda e: e.table_sessions.order_by("pk"),
        ("agenda_item",),
    ),
    Entry(
        "rotations",
        "sessions_app.Rotation",
        lambda e: _m("sessions_app.Rotation")(e).filter(session__event=e).order_by("pk"),
        ("session", "number"),
    ),
    Entry(
        "tables",
        "sessions_app.Table",
        lambda e: _m("sessions_app.Table")(e).filter(session__event=e).order_by("pk"),
        ("session", "number"),
    ),
    Entry(
        "table_slots",
        "sessions_app.TableSlot",
        lambda e: _m("sessions_app.TableSlot")(e).filter(table__session__event=e).order_by("pk"),
        ("table", "rotation"),
    ),
    Entry(
        "materials",
        "sessions_app.Material",
        lambda e: _m("sessions_app.Material")(e).filter(session__event=e).order_by("pk"),
    ),
    Entry(
        "preferences",
        "sessions_app.Preference",
        lambda e: _m("sessions_app.Preference")(e).filter(registration__event=e).order_by("pk"),
        ("registration", "table"),
    ),
    Entry(
        "assignments",
        "sessions_app.Assignment",
        lambda e: _m("sessions_app.Assignment")(e).filter(registration__event=e).order_by("pk"),
        ("registration", "rotation"),
    ),
    Entry(
        "breakout_groups",
        "sessions_app.BreakoutGroup",
        lambda e: _m("sessions_app.BreakoutGroup")(e).filter(agenda_item__day__event=e).order_by("pk"),
    ),
    Entry(
        "group_placements",
        "sessions_app.GroupPlacement",
        lambda e: (
            _m("sessions_app.GroupPlacement")(e).filter(group__agenda_item__day__event=e).order_by("pk")
        ),
        ("group", "registration"),
    ),
    Entry(
        "findings_templates",
        "reports.FindingsTemplate",
        lambda e: _m("reports.FindingsTemplate")(e).filter(agenda_item__day__event=e).order_by("pk"),
        ("agenda_item",),
    ),
    Entry("records", "reports.ConsolidationRecord", lambda e: e.records.order_by("pk")),
    Entry(
        "findings",
        "reports.Finding",
        lambda e: _m("reports.Finding")(e).filter(record__event=e).order_by("pk"),
    ),
    Entry(
        "record_versions",
        "reports.RecordVersion",
        lambda e: _m("reports.RecordVersion")(e).filter(record__event=e).order_by("pk"),
        ("record", "version"),
    ),
    Entry(
        "takeaway_authors",
        "reports.TakeawayAuthor",
        lambda e: _m("reports.TakeawayAuthor")(e).filter(day__event=e).order_by("pk"),
        ("day", "user"),
    ),
    Entry(
        "takeaways",
        "reports.Takeaway",
        lambda e: _m("reports.Takeaway")(e).filter(day__event=e).order_by("pk"),
        ("day", "author"),
    ),
    Entry("report_themes", "reports.ReportTheme", lambda e: e.report_themes.order_by("pk")),
    Entry("collated_findings", "reports.CollatedFinding", lambda e: e.collated_findings.order_by("pk")),
    Entry(
        "evaluation", "reports.Evaluation", lambda e: _m("reports.Evaluation")(e).filter(event=e), ("event",)
    ),
    Entry(
        "evaluation_questions",
        "reports.EvaluationQuestion",
        lambda e: _m("reports.EvaluationQuestion")(e).filter(evaluation__event=e).order_by("pk"),
    ),
    Entry(
        "evaluation_submissions",
        "reports.EvaluationSubmission",
        lambda e: _m("reports.EvaluationSubmission")(e).filter(evaluation__event=e).order_by("user__email"),
        ("evaluation", "user"),
    ),
    Entry("evaluation_responses", "reports.EvaluationResponse", _responses, random_pk=True),
    Entry("evaluation_answers", "reports.EvaluationAnswer", _answers, random_pk=True),
    Entry("report", "reports.Report", lambda e: _m("reports.Report")(e).filter(event=e), ("event",)),
    Entry(
        "report_sections",
        "reports.ReportSection",
        lambda e: _m("reports.ReportSection")(e).filter(report__event=e).order_by("pk"),
    ),
]


def _model(entry: Entry):
    try:
        return apps.get_model(entry.model)
    except LookupError:  # a model another part of the portal has not added (yet)
        return None


def _translated_base_fields(model) -> set[str]:
    """Fields that modeltranslation splits per language: the document holds `title_en`, ... not `title`."""
    try:
        from modeltranslation.translator import NotRegistered, translator
    except ImportError:  # pragma: no cover
        return set()
    try:
        return set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return set()


def _fields(model):
    skip = _translated_base_fields(model)
    return [f for f in model._meta.concrete_fields if not f.primary_key and f.name not in skip]


def _m2m(model):
    return [f for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]


def _plain(field, value):
    if value is None:
        return None
    if isinstance(field, models.FileField):
        return value.name or ""
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if hasattr(value, "code"):  # django-countries Country
        return value.code or ""
    return value


def _is_user(model) -> bool:
    return model is get_user_model()


# --- export ----------------------------------------------------------------------------------------------


def export_event(*, event) -> dict:
    """The whole event as a JSON-ready dict (see docs/event-format.md)."""
    keys: dict[str, dict[int, object]] = {}
    positions: dict[str, dict[int, int]] = {}
    users: dict[int, str] = {}
    data: dict[str, list] = {}

    def ref(field, pk):
        if pk is None:
            return None
        target = field.remote_field.model
        if _is_user(target):
            return users[pk] if pk in users else _remember_user(pk)
        return keys.get(target._meta.label, {}).get(pk)

    def _remember_user(pk):
        email = get_user_model().objects.filter(pk=pk).values_list("email", flat=True).first()
        users[pk] = email
        return email

    for entry in ENTRIES:
        model = _model(entry)
        if model is None:
            continue
        query = entry.query(event) if entry.name != "evaluation_answers" else _answers(event, positions)
        label = model._meta.label
        keys.setdefault(label, {})
        positions.setdefault(label, {})
        rows = []
        for index, obj in enumerate(query):
            row = {}
            for field in _fields(model):
                if field.is_relation:
                    row[field.name] = ref(field, getattr(obj, field.attname))
                else:
                    row[field.name] = _plain(field, getattr(obj, field.attname))
            for field in _m2m(model):
                related = getattr(obj, field.name).values_list("pk", flat=True)
                values = [ref(field, pk) for pk in related]
                row[field.name] = sorted(values, key=lambda v: json.dumps(v, ensure_ascii=False))
            key = [row[name] for name in entry.key] if entry.key else index
            keys[label][obj.pk] = key
            positions[label][obj.pk] = index
            rows.append({"key": key, **row})
        data[entry.name] = rows
    user_model = get_user_model()
    people = []
    for user in user_model.objects.filter(pk__in=[pk for pk in users]).order_by("email"):
        people.append(
            {
                "email": user.email,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "is_active": user.is_active,
            }
        )
    return {"format": FORMAT, "version": FORMAT_VERSION, "event_slug": event.slug, "users": people, **data}


def export_event_bytes(*, event) -> bytes:
    return json.dumps(export_event(event=event), ensure_ascii=False, indent=1, sort_keys=False).encode(
        "utf-8"
    )


# --- import ----------------------------------------------------------------------------------------------


def _kjson(key) -> str:
    return json.dumps(key, ensure_ascii=False, sort_keys=True)


@transaction.atomic
def import_event(*, document: dict):
    """Create the event described by `document` (see export_event). Users are matched by e-mail and created
    without a usable password when missing; shared objects (organisations, series) are reused by key.
    Raises ValidationError for an unknown format or an event whose slug already exists."""
    from events.models import Event

    if document.get("format") != FORMAT or document.get("version") != FORMAT_VERSION:
        raise ValidationError(_("This file is not an event export this portal can read."))
    if Event.objects.filter(slug=document.get("event_slug")).exists():
        raise ValidationError(
            _("An event with the short name “%(slug)s” exists already.")
            % {"slug": document.get("event_slug")}
        )
    user_model = get_user_model()
    users: dict[str, object] = {}
    for person in document.get("users", []):
        email = person["email"]
        user = user_model.objects.filter(email__iexact=email).first()
        if user is None:
            username = (
                email
                if not user_model.objects.filter(username=email).exists()
                else f"{email}-{user_model.objects.count()}"
            )
            user = user_model(
                username=username,
                email=email,
                first_name=person.get("first_name", ""),
                last_name=person.get("last_name", ""),
                is_active=person.get("is_active", True),
            )
            user.set_unusable_password()
            user.save()
        users[email] = user
    index: dict[str, dict[str, object]] = {}
    event = None
    for entry in ENTRIES:
        model = _model(entry)
        if model is None or entry.name not in document:
            continue
        label = model._meta.label
        index.setdefault(label, {})
        fields = _fields(model)
        for row in document[entry.name]:
            values, later = {}, {}
            for field in fields:
                if field.name not in row:
                    continue
                value = row[field.name]
                if field.is_relation:
                    target = field.remote_field.model
                    if value is None:
                        values[field.attname] = None
                    elif _is_user(target):
                        values[field.name] = users[value]
                    else:
                        values[field.name] = index[target._meta.label][_kjson(value)]
                elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                    later[field.name] = field.to_python(value)
                elif isinstance(field, models.FileField):
                    values[field.name] = value or ""
                elif isinstance(field, models.JSONField):
                    values[field.name] = value
                else:
                    values[field.name] = field.to_python(value) if value is not None else None
            obj = None
            if entry.shared:
                lookup = {name: values[name] for name in entry.key}
                obj = model.objects.filter(**lookup).first()
            if obj is None:
                obj = model(**values)
                if entry.random_pk:
                    from .services.evaluation import random_id

                    obj.pk = random_id()
                obj.save(force_insert=True)
                if later:
                    model.objects.filter(pk=obj.pk).update(**later)
                for field in _m2m(model):
                    target = field.remote_field.model
                    related = [
                        users[v] if _is_user(target) else index[target._meta.label][_kjson(v)]
                        for v in row.get(field.name, [])
                    ]
                    getattr(obj, field.name).set(related)
            index[label][_kjson(row["key"])] = obj
            if label == "events.Event":
                event = obj
    return event
