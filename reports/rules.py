"""Who may do what in the findings area, the evaluation and the outcome report: the predicates behind the
permission names the views ask (`events.rules.has_perm`).

Views are the one place permissions are checked (docs/architecture.md): they name a permission, with the
object it is about from `get_permission_object()` or `self.require(name, obj)`. Services check only the
domain (a submitted record is read-only) and are also called by management commands and tests.

Permissions about the whole event take `(user, event, obj=None)`; those about one object name it:

| name | object | who |
| --- | --- | --- |
| findings.view | – | anyone with a role in the event (a record hidden from them is 404, not 403) |
| findings.work | – | facilitators, rapporteurs, organisers: the records and takeaways pages |
| findings.write | – | facilitators |
| findings.review | – | rapporteurs and organisers: every record, the collation |
| findings.start_table / start_group / start_item | table / group / agenda item | its facilitators |
| findings.view_record, findings.view_history | record | reviewers and the record's facilitators |
| findings.edit_record | record | its facilitators, while its status allows editing |
| findings.submit, findings.request_changes, findings.accept | record | writers or reviewers (TRANSITIONS) |
| takeaways.write | – | anyone with a role: the participants' takeaways page |
| takeaways.choose_authors | – | organisers |
| takeaways.view_day | day | reviewers, and the day's chosen authors |
| takeaways.write_day | day | the day's chosen authors |
| takeaways.read | takeaway | reviewers, and its author |
| evaluation.answer / evaluation.manage | – | participants and members / organisers |
| feedback.give | – | participants and members: rating the items they may attend (the view checks each) |
| report.manage | – | rapporteurs and organisers |
"""

from __future__ import annotations

from django.db.models import Q

from events.models import AppearanceRole, Role
from events.rules import EVERY_ROLE, has_perm, has_role, register

from .models import ConsolidationRecord
from .models.findings import TRANSITIONS


def is_reviewer(user, event) -> bool:
    return has_perm(user, event, "findings.review")


def writer_q(user) -> Q:
    """Records `user` writes: those of the tables, groups and recaps they facilitate."""
    return (
        Q(table__facilitators=user)
        | Q(group__facilitators=user)
        | Q(
            agenda_item__appearances__person__user=user,
            agenda_item__appearances__role=AppearanceRole.FACILITATOR,
        )
    )


def facilitates_table(user, table) -> bool:
    return user.is_authenticated and table.facilitators.filter(pk=user.pk).exists()


def facilitates_group(user, group) -> bool:
    return user.is_authenticated and group.facilitators.filter(pk=user.pk).exists()


def facilitates_item(user, agenda_item) -> bool:
    """A recap is written by the people appearing on its agenda item as facilitators."""
    return (
        user.is_authenticated
        and agenda_item.appearances.filter(person__user=user, role=AppearanceRole.FACILITATOR).exists()
    )


def is_writer(user, record: ConsolidationRecord) -> bool:
    if not user.is_authenticated:
        return False
    if record.table_id:
        return facilitates_table(user, record.table)
    if record.group_id:
        return facilitates_group(user, record.group)
    if record.agenda_item_id:
        return facilitates_item(user, record.agenda_item)
    return False


def can_view(user, record: ConsolidationRecord) -> bool:
    """Reviewers see every record, facilitators their own; nobody else any (not even accepted ones):
    records reach everybody else only through the report, where consent to attribution applies."""
    return is_reviewer(user, record.event) or is_writer(user, record)


def can_view_history(user, record: ConsolidationRecord) -> bool:
    return is_reviewer(user, record.event) or is_writer(user, record)


def can_edit(user, record: ConsolidationRecord) -> bool:
    """The record's facilitators, while its status allows editing (draft, changes requested)."""
    return record.is_editable and is_writer(user, record)


def can_transition(user, record: ConsolidationRecord, name: str) -> bool:
    """Whether `user` is the kind of person who makes this move (writer or reviewer), whatever the
    record's status: the service refuses a move the status does not allow."""
    transition = TRANSITIONS[name]
    if transition.by == "reviewer":
        return is_reviewer(user, record.event)
    return is_writer(user, record)


def allowed_transitions(user, record: ConsolidationRecord) -> list[str]:
    """The moves to offer on the record's page: those `user` may make from its present status."""
    return [
        name
        for name, transition in TRANSITIONS.items()
        if record.status in transition.sources and has_perm(user, record.event, f"findings.{name}", record)
    ]


def is_takeaway_author(user, day) -> bool:
    """Whether `user` is chosen to sum up `day` (reads the day's prefetched authors when it has them)."""
    if not user.is_authenticated:
        return False
    if "takeaway_authors" in getattr(day, "_prefetched_objects_cache", {}):
        return any(author.user_id == user.pk for author in day.takeaway_authors.all())
    return day.takeaway_authors.filter(user=user).exists()


def _transition_rule(name: str):
    def predicate(user, event, record) -> bool:
        return can_transition(user, record, name)

    predicate.__name__ = f"can_{name}"
    return predicate


register("findings.view", has_role(*EVERY_ROLE))
register("findings.work", has_role(Role.FACILITATOR, Role.RAPPORTEUR, Role.ORGANISER))
register("findings.write", has_role(Role.FACILITATOR))
register("findings.review", has_role(Role.RAPPORTEUR, Role.ORGANISER))
register("findings.start_table", lambda user, event, table: facilitates_table(user, table))
register("findings.start_group", lambda user, event, group: facilitates_group(user, group))
register("findings.start_item", lambda user, event, item: facilitates_item(user, item))
register("findings.view_record", lambda user, event, record: can_view(user, record))
register("findings.view_history", lambda user, event, record: can_view_history(user, record))
register("findings.edit_record", lambda user, event, record: can_edit(user, record))
for _name in TRANSITIONS:
    register(f"findings.{_name}", _transition_rule(_name))
register("takeaways.write", has_role(*EVERY_ROLE))
register("takeaways.choose_authors", has_role(Role.ORGANISER))
register(
    "takeaways.view_day", lambda user, event, day: is_reviewer(user, event) or is_takeaway_author(user, day)
)
register("takeaways.write_day", lambda user, event, day: is_takeaway_author(user, day))
register(
    "takeaways.read",
    lambda user, event, takeaway: is_reviewer(user, event) or takeaway.author_id == user.pk,
)
register("evaluation.answer", has_role(Role.PARTICIPANT, Role.MEMBER))
register("evaluation.manage", has_role(Role.ORGANISER))
register("feedback.give", has_role(Role.PARTICIPANT, Role.MEMBER))
register("report.manage", has_role(Role.RAPPORTEUR, Role.ORGANISER))
