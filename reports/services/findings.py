"""The consolidation records: who may see and write which record, saving with optimistic locking and
a full history, the review workflow, and the template sections that apply to a record."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django_countries.fields import Country

from events.models import ItemPerson
from events.permissions import has_perm
from sessions_app.models import BreakoutGroup, Rotation, Table

from ..models import ConsolidationRecord, Finding, FindingKind, ItemTemplate, RecordVersion

Status = ConsolidationRecord.Status
EDITABLE = {Status.DRAFT, Status.CHANGES_REQUESTED}
FINDING_FIELDS = (
    "section",
    "order",
    "title",
    "text",
    "country",
    "speaker_organisation",
    "attribution_consent",
)


class VersionConflict(Exception):
    """Somebody saved the record since the form was loaded: the caller shows both versions."""

    def __init__(self, record: ConsolidationRecord):
        super().__init__("version conflict")
        self.record = record


# --- who may do what -------------------------------------------------------------------------------


def is_reviewer(user, event) -> bool:
    return has_perm(user, event, "findings.review")


def writer_q(user) -> Q:
    """Records `user` writes: those of the tables, groups and recaps they facilitate."""
    return (
        Q(table__facilitators=user)
        | Q(group__facilitators=user)
        | Q(
            agenda_item__appearances__person__user=user,
            agenda_item__appearances__role=ItemPerson.Role.FACILITATOR,
        )
    )


def is_writer(user, record: ConsolidationRecord) -> bool:
    if not user.is_authenticated:
        return False
    if record.table_id:
        return record.table.facilitators.filter(pk=user.pk).exists()
    if record.group_id:
        return record.group.facilitators.filter(pk=user.pk).exists()
    if record.agenda_item_id:
        return record.agenda_item.appearances.filter(
            person__user=user, role=ItemPerson.Role.FACILITATOR
        ).exists()
    return False


def visible_records(*, user, event) -> QuerySet[ConsolidationRecord]:
    """Reviewers see every record; facilitators their own tables' and groups'; nobody else any.

    Records hold what was said at a table (quotes, country observations): they reach everybody else
    only through the report, where consent to attribution is applied.
    """
    records = ConsolidationRecord.objects.filter(event=event)
    if is_reviewer(user, event):
        return records
    if not user.is_authenticated:
        return records.none()
    return records.filter(pk__in=records.filter(writer_q(user)).values("pk"))


def can_view(user, record: ConsolidationRecord) -> bool:
    return is_reviewer(user, record.event) or is_writer(user, record)


def can_view_history(user, record: ConsolidationRecord) -> bool:
    return is_reviewer(user, record.event) or is_writer(user, record)


def can_edit(user, record: ConsolidationRecord) -> bool:
    return record.status in EDITABLE and is_writer(user, record)


# --- template sections -----------------------------------------------------------------------------


def normalise_sections(config) -> dict[str, int | None]:
    """{section: limit or None} in the template's order; an empty configuration means all sections."""
    config = config or {}
    if not config:
        return {section.value: None for section in FindingKind}
    result = {}
    for section in FindingKind:
        if section.value in config:
            limit = config[section.value]
            result[section.value] = int(limit) if limit not in (None, "") else None
    return result


def sections_for(record: ConsolidationRecord) -> dict[str, int | None]:
    if record.table_id:
        return normalise_sections(record.table.session.sections)
    item_id = record.group.agenda_item_id if record.group_id else record.agenda_item_id
    template = ItemTemplate.objects.filter(agenda_item_id=item_id).first()
    return normalise_sections(template.sections if template else {})


def guiding_questions(record: ConsolidationRecord) -> list[str]:
    if record.table_id:
        return record.table.questions_list()
    item = record.group.agenda_item if record.group_id else record.agenda_item
    return [line.strip() for line in (item.description or "").splitlines() if line.strip()]


def check_limits(*, sections: dict[str, int | None], findings: list[dict]) -> None:
    """Raise a ValidationError naming every section over its limit or not part of the template."""
    errors = []
    labels = dict(FindingKind.choices)
    for section in {f["section"] for f in findings}:
        if section not in sections:
            errors.append(
                _("%(section)s is not part of this template.") % {"section": labels.get(section, section)}
            )
    for section, limit in sections.items():
        count = sum(1 for f in findings if f["section"] == section)
        if limit is not None and count > limit:
            errors.append(
                _("%(section)s: at most %(limit)s entries, you entered %(count)s. Remove %(extra)s.")
                % {"section": labels[section], "limit": limit, "count": count, "extra": count - limit}
            )
    if errors:
        raise ValidationError(errors)


# --- records ----------------------------------------------------------------------------------------


def start_table_record(*, user, table: Table, rotation: Rotation) -> ConsolidationRecord:
    """The record of a table in a rotation, created on first use by one of its facilitators."""
    if rotation.session_id != table.session_id:
        raise ValidationError(_("This rotation belongs to another table session."))
    if not table.facilitators.filter(pk=user.pk).exists():
        raise PermissionDenied
    record, _created = ConsolidationRecord.objects.get_or_create(
        table=table,
        rotation=rotation,
        defaults={"event": table.session.event, "language": table.working_language, "updated_by": user},
    )
    return record


def start_group_record(*, user, group: BreakoutGroup, part: int) -> ConsolidationRecord:
    if not 1 <= part <= group.parts:
        raise ValidationError(_("This group has no part %(part)s.") % {"part": part})
    if not group.facilitators.filter(pk=user.pk).exists():
        raise PermissionDenied
    record, _created = ConsolidationRecord.objects.get_or_create(
        group=group,
        group_part=part,
        defaults={
            "event": group.agenda_item.day.event,
            "language": group.agenda_item.day.event.default_language,
            "updated_by": user,
        },
    )
    return record


def start_item_record(*, user, agenda_item) -> ConsolidationRecord:
    if not agenda_item.appearances.filter(person__user=user, role=ItemPerson.Role.FACILITATOR).exists():
        raise PermissionDenied
    event = agenda_item.day.event
    record = ConsolidationRecord.objects.filter(agenda_item=agenda_item, table=None, group=None).first()
    if record is None:
        record = ConsolidationRecord.objects.create(
            event=event, agenda_item=agenda_item, language=event.default_language, updated_by=user
        )
    return record


def snapshot(record: ConsolidationRecord) -> dict:
    findings = [
        {
            field: getattr(f, field) if field != "country" else str(f.country.code or "")
            for field in FINDING_FIELDS
        }
        for f in record.findings.order_by("section", "order", "pk")
    ]
    return {
        "language": record.language,
        "notes": record.notes,
        "status": record.status,
        "review_comment": record.review_comment,
        "findings": findings,
    }


def _write_version(record: ConsolidationRecord, user) -> RecordVersion:
    return RecordVersion.objects.create(
        record=record,
        version=record.version,
        author=user if user and user.is_authenticated else None,
        status=record.status,
        snapshot=snapshot(record),
    )


def _lock(record: ConsolidationRecord, expected_version: int) -> ConsolidationRecord:
    # Lock the row before comparing versions: two saves may race.
    current = ConsolidationRecord.objects.select_for_update().get(pk=record.pk)
    if expected_version > current.version or expected_version < 1:
        raise ValidationError(_("The form's version number is not valid. Reload the page and try again."))
    if expected_version != current.version:
        raise VersionConflict(current)
    return current


@transaction.atomic
def save_record(
    *,
    record: ConsolidationRecord,
    user,
    expected_version: int,
    language: str,
    notes: str,
    findings: list[dict],
) -> ConsolidationRecord:
    """Replace the record's content, bump its version and keep a snapshot in its history.

    Raises VersionConflict when somebody saved since `expected_version` (nothing is written),
    ValidationError for a tampered version, a language the event does not offer or a section over its limit,
    PermissionDenied when `user` may not write the record in its present state.
    """
    current = _lock(record, expected_version)
    if not can_edit(user, current):
        raise PermissionDenied
    if language not in (current.event.languages or [current.event.default_language]):
        raise ValidationError(_("Choose one of the event's languages."))
    check_limits(sections=sections_for(current), findings=findings)
    wanted = []
    order_in_section: dict[str, int] = {}
    for item in findings:
        order_in_section[item["section"]] = order_in_section.get(item["section"], 0) + 1
        wanted.append(
            {
                "section": item["section"],
                "order": order_in_section[item["section"]],
                "title": item.get("title", "") or "",
                "text": item["text"],
                "country": item.get("country", "") or "",
                "speaker_organisation": item.get("speaker_organisation", "") or "",
                "attribution_consent": bool(item.get("attribution_consent")),
            }
        )
    before = snapshot(current)
    in_snapshot_order = sorted(wanted, key=lambda f: (f["section"], f["order"]))
    if (
        before["findings"] == in_snapshot_order
        and before["language"] == language
        and before["notes"] == notes
    ):
        return current  # nothing changed (e.g. an autosave after a pause): no new version
    # Update entries in place, position by position within each section, so that a finding collated into
    # the report keeps its identity (the provenance) when its record is edited after a change request.
    existing: dict[str, list[Finding]] = {}
    for finding in current.findings.order_by("section", "order", "pk"):
        existing.setdefault(finding.section, []).append(finding)
    keep = set()
    for values in wanted:
        pool = existing.get(values["section"], [])
        finding = pool[values["order"] - 1] if len(pool) >= values["order"] else Finding(record=current)
        for field, value in values.items():
            setattr(finding, field, value)
        finding.full_clean(exclude=["record"])
        finding.save()
        keep.add(finding.pk)
    current.findings.exclude(pk__in=keep).delete()
    current.language = language
    current.notes = notes
    current.version += 1
    current.updated_by = user
    current.full_clean()
    current.save()
    _write_version(current, user)
    return current


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset
    target: str
    by: str  # "writer" or "reviewer"


TRANSITIONS = {
    "submit": Transition("submit", frozenset(EDITABLE), Status.SUBMITTED, "writer"),
    "request_changes": Transition(
        "request_changes",
        frozenset({Status.SUBMITTED, Status.ACCEPTED}),
        Status.CHANGES_REQUESTED,
        "reviewer",
    ),
    "accept": Transition("accept", frozenset({Status.SUBMITTED}), Status.ACCEPTED, "reviewer"),
}


def allowed_transitions(user, record: ConsolidationRecord) -> list[str]:
    reviewer = is_reviewer(user, record.event)
    writer = is_writer(user, record)
    return [
        t.name
        for t in TRANSITIONS.values()
        if record.status in t.sources and ((t.by == "reviewer" and reviewer) or (t.by == "writer" and writer))
    ]


@transaction.atomic
def transition_record(
    *, record: ConsolidationRecord, user, name: str, comment: str = ""
) -> ConsolidationRecord:
    """Move the record along the workflow; each move is a new version in the history.

    Raises PermissionDenied if `user` may not make this move, ValidationError if the record's status does
    not allow it or a change request has no comment.
    """
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise ValidationError(_("Unknown action."))
    current = ConsolidationRecord.objects.select_for_update().select_related("event").get(pk=record.pk)
    allowed = is_reviewer(user, current.event) if transition.by == "reviewer" else is_writer(user, current)
    if not allowed:
        raise PermissionDenied
    if current.status not in transition.sources:
        raise ValidationError(
            _("A record that is “%(status)s” cannot be changed this way.")
            % {"status": current.get_status_display()}
        )
    if name == "request_changes":
        if not comment.strip():
            raise ValidationError(_("Say what should change: the comment is required."))
        current.review_comment = comment.strip()
    current.status = transition.target
    current.version += 1
    current.updated_by = user
    current.save()
    _write_version(current, user)
    return current


@transaction.atomic
def restore_version(*, record: ConsolidationRecord, user, version: RecordVersion) -> ConsolidationRecord:
    """Bring back an earlier version's content as a new version (the history keeps everything)."""
    if version.record_id != record.pk:
        raise ValidationError(_("This version belongs to another record."))
    data = version.snapshot
    return save_record(
        record=record,
        user=user,
        expected_version=ConsolidationRecord.objects.get(pk=record.pk).version,
        language=data.get("language", record.language),
        notes=data.get("notes", ""),
        findings=[{k: f.get(k, "") for k in FINDING_FIELDS} for f in data.get("findings", [])],
    )


def findings_by_section(findings, sections: dict[str, int | None]) -> list[tuple[str, str, list]]:
    """[(section, label, [finding dicts or objects])] for the sections that apply, in template order."""
    labels = dict(FindingKind.choices)
    grouped: dict[str, list] = {s: [] for s in sections}
    for f in findings:
        if isinstance(f, dict):
            # snapshots hold country codes: give templates a Country with its name, as a model field does
            f = {**f, "country": Country(code=f["country"]) if f.get("country") else ""}
            key = f["section"]
        else:
            key = f.section
        grouped.setdefault(key, []).append(f)
    return [(s, labels.get(s, s), items) for s, items in grouped.items()]


# --- daily takeaways ------------------------------------------------------------------------------------


def is_takeaway_author(user, day) -> bool:
    return user.is_authenticated and day.takeaway_authors.filter(user=user).exists()


@transaction.atomic
def set_takeaway_authors(*, day, users) -> None:
    """Make exactly `users` the people who sum up `day` (their takeaways, if any, are kept)."""
    from ..models import TakeawayAuthor

    wanted = {u.pk for u in users}
    day.takeaway_authors.exclude(user_id__in=wanted).delete()
    existing = set(day.takeaway_authors.values_list("user_id", flat=True))
    TakeawayAuthor.objects.bulk_create(
        [TakeawayAuthor(day=day, user_id=pk) for pk in sorted(wanted - existing)]
    )


@transaction.atomic
def save_takeaway(*, day, user, text: str, language: str):
    """Create or replace `user`'s takeaways of `day`; only a chosen author may."""
    from ..models import Takeaway

    if not is_takeaway_author(user, day):
        raise PermissionDenied
    if language not in (day.event.languages or [day.event.default_language]):
        raise ValidationError(_("Choose one of the event's languages."))
    takeaway, _created = Takeaway.objects.update_or_create(
        day=day, author=user, defaults={"text": text.strip(), "language": language}
    )
    return takeaway


def takeaway_authors_qs():
    from ..models import TakeawayAuthor

    return TakeawayAuthor.objects.select_related("user").order_by("pk")


def display_names(event) -> dict[int, str]:
    """{user id: name} for the staff pages: the registered full name, else the account's name or e-mail."""
    from django.contrib.auth import get_user_model

    from sessions_app.models import Registration

    names = {}
    user_ids = set(event.roles.values_list("user_id", flat=True))
    for user in get_user_model().objects.filter(pk__in=user_ids):
        names[user.pk] = user.get_full_name() or user.email
    for user_id, full_name, organisation in Registration.objects.filter(event=event).values_list(
        "user_id", "full_name", "organisation"
    ):
        names[user_id] = f"{full_name} ({organisation})" if organisation else full_name
    return names


def takeaway_candidates(event):
    """Users who may be chosen to sum up a day: approved participants and the event's staff and members."""
    from django.contrib.auth import get_user_model

    from sessions_app.models import Registration

    registered = Registration.objects.filter(event=event, status=Registration.Status.APPROVED).values(
        "user_id"
    )
    with_role = event.roles.values("user_id")
    users = get_user_model().objects.filter(Q(pk__in=registered) | Q(pk__in=with_role)).order_by("email")
    return users, display_names(event)


@transaction.atomic
def set_template_sections(*, target, sections: dict) -> None:
    """Store which sections apply (and limits) on a TableSession or an agenda item (ItemTemplate)."""
    from sessions_app.models import TableSession

    clean = {s.value: sections[s.value] for s in FindingKind if s.value in sections}
    if isinstance(target, TableSession):
        target.sections = clean
        target.save(update_fields=["sections"])
    else:
        ItemTemplate.objects.update_or_create(agenda_item=target, defaults={"sections": clean})
