"""Writing the consolidation records: starting a record, saving with optimistic locking and a full
history, the review workflow, restoring a version, the template sections and the daily takeaways.

Permissions are the views' business (`reports.rules`); these functions check the domain only: a record
that is not editable, a version that is stale, a section over its limit.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sessions_app.models import BreakoutGroup, Rotation, Table

from ..errors import FindingsError, VersionConflict
from ..models import (
    ConsolidationRecord,
    Finding,
    FindingKind,
    FindingsTemplate,
    RecordVersion,
    Takeaway,
    TakeawayAuthor,
)
from ..models.findings import TRANSITIONS
from ..selectors.findings import FINDING_FIELDS, sections_for, snapshot
from ..validators import PeopleOnRecord, validate_finding


def check_limits(*, sections: dict[str, int | None], findings: list[dict]) -> None:
    """Raise a FindingsError naming every section over its limit or not part of the template."""
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
        raise FindingsError(messages=errors)


# --- records ----------------------------------------------------------------------------------------


def start_table_record(*, user, table: Table, rotation: Rotation) -> ConsolidationRecord:
    """The record of a table in a rotation, created on first use by one of its facilitators (`user`)."""
    if rotation.session_id != table.session_id:
        raise FindingsError(_("This rotation belongs to another table session."))
    return _get_or_create_record(
        target={"table": table, "rotation": rotation},
        defaults={"event": table.session.event, "language": table.working_language, "updated_by": user},
    )


def start_group_record(*, user, group: BreakoutGroup, part: int) -> ConsolidationRecord:
    """The record of one part of a breakout group, created on first use by one of its facilitators."""
    if not 1 <= part <= group.parts:
        raise FindingsError(_("This group has no part %(part)s.") % {"part": part})
    event = group.agenda_item.day.event
    return _get_or_create_record(
        target={"group": group, "group_part": part},
        defaults={"event": event, "language": event.default_language, "updated_by": user},
    )


def start_item_record(*, user, agenda_item) -> ConsolidationRecord:
    """The record of a plenary recap, created on first use by one of the item's facilitators."""
    event = agenda_item.day.event
    return _get_or_create_record(
        target={"agenda_item": agenda_item},
        defaults={"event": event, "language": event.default_language, "updated_by": user},
    )


def _get_or_create_record(*, target: dict, defaults: dict) -> ConsolidationRecord:
    """The record of `target`, created if there is none.

    Two requests may start the same record at once (a double click): both find nothing and both
    insert. The unique constraint on the target refuses the second insert; get_or_create makes the
    insert inside a savepoint and, on that IntegrityError, fetches the record the first request made.
    """
    record, _created = ConsolidationRecord.objects.get_or_create(**target, defaults=defaults)
    return record


def _not_this_way(record: ConsolidationRecord) -> str:
    return _("A record that is “%(status)s” cannot be changed this way.") % {
        "status": record.get_status_display()
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
        raise FindingsError(_("The form's version number is not valid. Reload the page and try again."))
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
    FindingsError for a tampered version, a record whose status does not allow editing (checked under
    the lock: it may have been submitted since the page was loaded), a language the event does not offer
    or a section over its limit. Whether `user` may write the record is the caller's question
    (`findings.edit_record`).
    """
    current = _lock(record, expected_version)
    if not current.is_editable:
        raise FindingsError(_not_this_way(current))
    if language not in (current.event.languages or [current.event.default_language]):
        raise FindingsError(_("Choose one of the event's languages."))
    check_limits(sections=sections_for(current), findings=findings)
    people = PeopleOnRecord(current.event)
    for item in findings:
        try:
            validate_finding(item, people=people)
        except ValidationError as error:
            raise FindingsError(" ".join(error.messages)) from None
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


@transaction.atomic
def transition_record(
    *, record: ConsolidationRecord, user, name: str, comment: str = ""
) -> ConsolidationRecord:
    """Move the record along the workflow; each move is a new version in the history.

    Raises FindingsError if the record's status does not allow it or a change request has no comment.
    Whether `user` may make this move is the caller's question (`findings.<name>`).
    """
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise FindingsError(_("Unknown action."))
    current = ConsolidationRecord.objects.select_for_update().select_related("event").get(pk=record.pk)
    if current.status not in transition.sources:
        raise FindingsError(_not_this_way(current))
    if name == "request_changes":
        if not comment.strip():
            raise FindingsError(_("Say what should change: the comment is required."))
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
        raise FindingsError(_("This version belongs to another record."))
    data = version.snapshot
    return save_record(
        record=record,
        user=user,
        expected_version=ConsolidationRecord.objects.get(pk=record.pk).version,
        language=data.get("language", record.language),
        notes=data.get("notes", ""),
        findings=[{k: f.get(k, "") for k in FINDING_FIELDS} for f in data.get("findings", [])],
    )


# --- daily takeaways ------------------------------------------------------------------------------------


@transaction.atomic
def set_takeaway_authors(*, day, users) -> None:
    """Make exactly `users` the people who sum up `day` (their takeaways, if any, are kept)."""
    wanted = {u.pk for u in users}
    day.takeaway_authors.exclude(user_id__in=wanted).delete()
    existing = set(day.takeaway_authors.values_list("user_id", flat=True))
    TakeawayAuthor.objects.bulk_create(
        [TakeawayAuthor(day=day, user_id=pk) for pk in sorted(wanted - existing)]
    )


@transaction.atomic
def save_takeaway(*, day, user, text: str, language: str):
    """Create or replace `user`'s takeaways of `day` (the caller checks `user` is a chosen author)."""
    if language not in (day.event.languages or [day.event.default_language]):
        raise FindingsError(_("Choose one of the event's languages."))
    takeaway, _created = Takeaway.objects.update_or_create(
        day=day, author=user, defaults={"text": text.strip(), "language": language}
    )
    return takeaway


@transaction.atomic
def set_template_sections(*, agenda_item, sections: dict) -> FindingsTemplate:
    """Store which sections apply (and their limits) to the records of `agenda_item`: a table session's
    block, the item of breakout groups or a plenary recap."""
    clean = {s.value: sections[s.value] for s in FindingKind if s.value in sections}
    template, _created = FindingsTemplate.objects.update_or_create(
        agenda_item=agenda_item, defaults={"sections": clean}
    )
    return template
