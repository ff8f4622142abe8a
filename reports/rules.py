"""Who may do what in the findings area: the predicates the views ask.

Views are the one place permissions are checked (docs/architecture.md); services check only the domain
(a submitted record is read-only) and are also called by management commands and tests. These are plain
functions over `events.permissions.has_perm` and the facilitators of a table, group or recap.
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
        if record.status in transition.sources and can_transition(user, record, name)
    ]


def is_takeaway_author(user, day) -> bool:
    return user.is_authenticated and day.takeaway_authors.filter(user=user).exists()


register("findings.view", has_role(*EVERY_ROLE))
register("findings.work", has_role(Role.FACILITATOR, Role.RAPPORTEUR, Role.ORGANISER))
register("findings.write", has_role(Role.FACILITATOR))
register("findings.review", has_role(Role.RAPPORTEUR, Role.ORGANISER))
register("takeaways.write", has_role(*EVERY_ROLE))
register("evaluation.answer", has_role(Role.PARTICIPANT, Role.MEMBER))
register("evaluation.manage", has_role(Role.ORGANISER))
register("report.manage", has_role(Role.RAPPORTEUR, Role.ORGANISER))
