"""Reading the consolidation records: which records a user sees, the slots a facilitator has still to
start, the template sections and guiding questions of a record, snapshots for the history, the daily
takeaways and the people who may write them."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django_countries.fields import Country

from events.models import AgendaItem, AppearanceRole, ItemKind
from events.rules import visible_days
from sessions_app.models import BreakoutGroup, Registration, Rotation, Table, TableSession

from ..models import ConsolidationRecord, FindingKind, FindingsTemplate, Takeaway, TakeawayAuthor
from ..rules import writer_q

#: The fields of a finding kept in a record's snapshot (and restored from it).
FINDING_FIELDS = (
    "section",
    "order",
    "title",
    "text",
    "country",
    "speaker_organisation",
    "attribution_consent",
)
#: What a record's pages show of its relations, joined in one query.
RECORD_RELATED = ("event", "table__session", "rotation", "group__agenda_item", "agenda_item", "updated_by")
# Agenda items whose records the template settings page offers besides table sessions and groups.
RECAP_KINDS = [ItemKind.PLENARY, ItemKind.WRAP_UP, ItemKind.GROUP_WORK]


# --- records --------------------------------------------------------------------------------------------


def visible_records(*, user, event, every: bool) -> QuerySet[ConsolidationRecord]:
    """Every record of the event (`every`: for reviewers, the view asks `findings.review`), else those of
    the tables, groups and recaps `user` facilitates (`reports.rules.writer_q`).

    Records hold what was said at a table (quotes, country observations): they reach everybody else
    only through the report, where consent to attribution is applied.
    """
    records = ConsolidationRecord.objects.filter(event=event)
    if every:
        return records
    if not user.is_authenticated:
        return records.none()
    return records.filter(pk__in=records.filter(writer_q(user)).values("pk"))


def record_list(*, user, event, every: bool) -> list[ConsolidationRecord]:
    """The records page: what `user` may see, in the order of the agenda."""
    return list(
        visible_records(user=user, event=event, every=every)
        .select_related(*RECORD_RELATED)
        .order_by(
            "table__session__agenda_item__day__date",
            "table__number",
            "rotation__number",
            "group__order",
            "group_part",
            "agenda_item__start",
            "pk",
        )
    )


def event_records(event) -> QuerySet[ConsolidationRecord]:
    """The event's records with what their pages show; fetch one with get_object_or_404(..., pk=...)."""
    return ConsolidationRecord.objects.filter(event=event).select_related(*RECORD_RELATED)


def slots_to_start(*, user, event, records) -> list[dict]:
    """The tables × rotations, group parts and recaps `user` facilitates that have no record among
    `records` yet: [{"label", "title", "url_name", "url_kwargs"}], tables first."""
    started_tables = {(r.table_id, r.rotation_id) for r in records if r.table_id}
    started_groups = {(r.group_id, r.group_part) for r in records if r.group_id}
    started_items = {r.agenda_item_id for r in records if r.agenda_item_id}
    slots = []
    tables = Table.objects.filter(session__event=event, facilitators=user).select_related("session")
    rotations = {}
    for rotation in Rotation.objects.filter(session__event=event).order_by("number"):
        rotations.setdefault(rotation.session_id, []).append(rotation)
    for table in tables:
        for rotation in rotations.get(table.session_id, []):
            if (table.pk, rotation.pk) not in started_tables:
                slots.append(
                    {
                        "label": _("Table %(table)s · %(rotation)s")
                        % {"table": table.number, "rotation": rotation},
                        "title": table.title,
                        "url_name": "findings_start_table",
                        "url_kwargs": {"table_pk": table.pk, "rotation": rotation.number},
                    }
                )
    for group in BreakoutGroup.objects.filter(agenda_item__day__event=event, facilitators=user):
        for part in range(1, group.parts + 1):
            if (group.pk, part) not in started_groups:
                slots.append(
                    {
                        "label": group.name if group.parts == 1 else f"{group.name} ({part})",
                        "title": "",
                        "url_name": "findings_start_group",
                        "url_kwargs": {"group_pk": group.pk, "part": part},
                    }
                )
    items = AgendaItem.objects.filter(
        day__event=event,
        appearances__person__user=user,
        appearances__role=AppearanceRole.FACILITATOR,
    ).distinct()
    for item in items:
        if item.pk not in started_items:
            slots.append(
                {
                    "label": item.title,
                    "title": "",
                    "url_name": "findings_start_item",
                    "url_kwargs": {"item_pk": item.pk},
                }
            )
    return slots


def snapshot(record: ConsolidationRecord) -> dict:
    """The record's whole content as the history keeps it (country as a code)."""
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


# --- template sections ------------------------------------------------------------------------------------


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


def template_item_id(record: ConsolidationRecord) -> int:
    """The agenda item whose template applies to the record: its table session's block, its breakout
    groups' item or its recap's item."""
    if record.table_id:
        return record.table.session.agenda_item_id
    if record.group_id:
        return record.group.agenda_item_id
    return record.agenda_item_id


def item_sections(agenda_item_id) -> dict:
    """The stored configuration of an agenda item's template ({} when it has none)."""
    template = FindingsTemplate.objects.filter(agenda_item_id=agenda_item_id).first()
    return template.sections if template else {}


def sections_for(record: ConsolidationRecord) -> dict[str, int | None]:
    return normalise_sections(item_sections(template_item_id(record)))


def guiding_questions(record: ConsolidationRecord) -> list[str]:
    if record.table_id:
        return record.table.questions_list()
    item = record.group.agenda_item if record.group_id else record.agenda_item
    return [line.strip() for line in (item.description or "").splitlines() if line.strip()]


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


def template_settings(event) -> dict:
    """The organisers' template settings page: every table session and every agenda item with groups or
    a recap, each with [(section label, limit)] of the sections that apply."""
    labels = dict(FindingKind.choices)

    def describe(item):
        template = getattr(item, "findings_template", None)
        config = template.sections if template else {}
        return [(labels[s], limit) for s, limit in normalise_sections(config).items()]

    sessions = TableSession.objects.filter(event=event).select_related("agenda_item__findings_template")
    items = (
        AgendaItem.objects.filter(day__event=event)
        .filter(Q(breakout_groups__isnull=False) | Q(kind__in=RECAP_KINDS))
        .select_related("day", "findings_template")
        .distinct()
        .order_by("day__date", "start", "pk")
    )
    return {
        "sessions": [(s, describe(s.agenda_item)) for s in sessions],
        "items": [(i, describe(i)) for i in items],
    }


# --- daily takeaways ------------------------------------------------------------------------------------


def display_names(event) -> dict[int, str]:
    """{user id: name} for the staff pages: the registered full name, else the account's name or e-mail."""
    names = {}
    user_ids = set(event.roles.values_list("user_id", flat=True))
    for user in get_user_model().objects.filter(pk__in=user_ids):
        names[user.pk] = user.get_full_name() or user.email
    for user_id, full_name, organisation in Registration.objects.filter(event=event).values_list(
        "user_id", "full_name", "organisation"
    ):
        names[user_id] = f"{full_name} ({organisation})" if organisation else full_name
    return names


def directory_names(event, *, viewer) -> dict[int, str]:
    """{user id: name} for a participant's eyes: only people listed in the event's participant directory
    (approved, with their consent), and the reader themselves."""
    names = {}
    rows = Registration.objects.filter(
        Q(status=Registration.Status.APPROVED, consent_directory=True) | Q(user_id=viewer.pk), event=event
    ).values_list("user_id", "full_name", "organisation")
    for user_id, full_name, organisation in rows:
        names[user_id] = f"{full_name} ({organisation})" if organisation else full_name
    if viewer.is_authenticated and viewer.pk not in names:
        names[viewer.pk] = viewer.get_full_name() or viewer.email
    return names


def takeaway_candidates(event):
    """Users who may be chosen to sum up a day: approved participants and the event's staff and members."""
    registered = Registration.objects.filter(event=event, status=Registration.Status.APPROVED).values(
        "user_id"
    )
    with_role = event.roles.values("user_id")
    users = get_user_model().objects.filter(Q(pk__in=registered) | Q(pk__in=with_role)).order_by("email")
    return users, display_names(event)


def takeaway_days(*, user, event) -> list:
    """The days `user` may see, with who sums each up and what they wrote (the views keep the days and
    takeaways the rules let the user read: `takeaways.view_day`, `takeaways.read`)."""
    return list(
        visible_days(user, event).prefetch_related(
            Prefetch(
                "takeaway_authors", queryset=TakeawayAuthor.objects.select_related("user").order_by("pk")
            ),
            Prefetch("takeaways", queryset=Takeaway.objects.select_related("author").order_by("pk")),
        )
    )
