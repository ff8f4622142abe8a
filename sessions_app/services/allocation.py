"""Build the solver's instance from the database, run it, and store the assignments.

The solver (`sessions_app.allocation.solve`) knows nothing of the database: ids are strings
"r<registration pk>" and "t<table pk>". Approved registrations go in registration order, which is
also the order of the first-come-first-served baseline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..errors import SessionsError
from ..models import Assignment, Preference, Registration, TableSession, TableSlot
from ..selectors import approved_registrations
from .publication import ensure_publication_baseline
from .tables import rotation_time_problems


@dataclass
class AllocationOutcome:
    session: TableSession
    instance: dict
    result: dict
    stored: int = 0
    dry_run: bool = False
    unplaced: list[Registration] = field(default_factory=list)


def unplaced_ids(result: dict) -> list[str]:
    """The participant ids missing at least one rotation (the solver lists {"id", "rotations"})."""
    return [item["id"] if isinstance(item, dict) else item for item in result.get("unplaced") or []]


def build_instance(*, session: TableSession) -> dict:
    rotations = list(session.rotations.order_by("number"))
    tables = list(session.tables.order_by("number"))
    seats = {
        (slot.table_id, slot.rotation_id): slot.seats
        for slot in TableSlot.objects.filter(table__session=session)
    }
    registrations = list(approved_registrations(event=session.event))
    rankings: dict[int, list[str]] = {}
    for registration_id, table_id in (
        Preference.objects.filter(table__session=session, registration__in=registrations)
        .order_by("registration_id", "rank")
        .values_list("registration_id", "table_id")
    ):
        rankings.setdefault(registration_id, []).append(f"t{table_id}")
    instance = {
        "rotations": len(rotations),
        "tables": [
            {"id": f"t{table.pk}", "seats": [seats.get((table.pk, rotation.pk), 0) for rotation in rotations]}
            for table in tables
        ],
        "participants": [
            {
                "id": f"r{registration.pk}",
                "ranking": rankings.get(registration.pk, []),
                "country": registration.country.code,
                "sector": registration.sector,
            }
            for registration in registrations
        ],
    }
    diversity = {}
    if session.diversity_country_share is not None:
        diversity["country"] = float(session.diversity_country_share)
    if session.diversity_sector_share is not None:
        diversity["sector"] = float(session.diversity_sector_share)
    if diversity:
        instance["diversity"] = diversity
    return instance


def allocate_session(*, session: TableSession, dry_run: bool = False) -> AllocationOutcome:
    """Compute the optimal allocation and, unless `dry_run`, store it in one transaction, replacing the
    session's previous assignments. After publication a new run replaces the seats too; publishing again
    then e-mails the people whose seats changed."""
    from ..allocation import solve

    if not session.rotations.exists() or not session.tables.exists():
        raise SessionsError(_("Add rotations and tables before allocating."))
    problems = rotation_time_problems(session=session)
    if problems:
        raise SessionsError(
            _("Fix the rotation times before allocating: %(problems)s") % {"problems": " ".join(problems)}
        )
    if not dry_run:
        ensure_publication_baseline(session=session)
    instance = build_instance(session=session)
    try:
        result = solve(instance)
    except ValueError as error:
        raise SessionsError(
            _("The allocation could not be computed: %(error)s") % {"error": error}
        ) from error
    outcome = AllocationOutcome(session=session, instance=instance, result=result, dry_run=dry_run)
    registrations = {f"r{r.pk}": r for r in approved_registrations(event=session.event)}
    outcome.unplaced = [registrations[pid] for pid in unplaced_ids(result) if pid in registrations]
    if dry_run:
        return outcome
    rotations = list(session.rotations.order_by("number"))
    tables = {f"t{table.pk}": table for table in session.tables.all()}
    assignments = []
    for pid, table_ids in result["assignment"].items():
        for rotation, table_id in zip(rotations, table_ids, strict=False):
            if table_id is None:
                continue
            assignments.append(
                Assignment(registration=registrations[pid], rotation=rotation, table=tables[table_id])
            )
    with transaction.atomic():
        TableSession.objects.select_for_update().get(pk=session.pk)
        Assignment.objects.filter(rotation__session=session).delete()
        Assignment.objects.bulk_create(assignments)
        session.allocated_at = timezone.now()
        session.allocation_report = {
            key: result.get(key) for key in ("cost", "quality", "baselines", "unplaced")
        }
        session.save(update_fields=["allocated_at", "allocation_report"])
    outcome.stored = len(assignments)
    return outcome


QUALITY_LABELS = {
    "participants": gettext_lazy("Participants"),
    "placements": gettext_lazy("Placements"),
    "rank_counts": gettext_lazy("Placements at rank %(rank)s"),
    "rank_counts unranked": gettext_lazy("Placements at unranked tables"),
    "first_choice_share": gettext_lazy("Share with their first choice"),
    "all_top3_share": gettext_lazy("Share with all tables in their top three"),
    "worst_rank": gettext_lazy("Worst rank"),
    "unranked_placements": gettext_lazy("Placements at unranked tables"),
    "unplaced_people": gettext_lazy("Unplaced people"),
    "missing_placements": gettext_lazy("Empty places (person and rotation)"),
    "cost": gettext_lazy("Total cost (sum of rank squared)"),
}
SKIP_KEYS = {"rank_counts unranked"}


def _label(key: str) -> str:
    if key in QUALITY_LABELS:
        return str(QUALITY_LABELS[key])
    head, _sep, sub = key.partition(" ")
    if head in QUALITY_LABELS and sub:
        return str(QUALITY_LABELS[head]) % {"rank": sub}
    return key


def quality_rows(*, report: dict) -> list[dict]:
    """The solver's quality figures beside the two baselines, as rows for a table:
    [{"key": ..., "allocation": ..., "fcfs": ..., "rsd": ...}]. Nested figures (rank counts) are
    flattened into "key rank" rows."""
    quality = report.get("quality") or {}
    baselines = report.get("baselines") or {}
    columns = {"allocation": quality, "fcfs": baselines.get("fcfs") or {}, "rsd": baselines.get("rsd") or {}}
    keys: list[str] = []
    for figures in columns.values():
        for key, value in figures.items():
            names = [f"{key} {sub}" for sub in value] if isinstance(value, dict) else [key]
            keys.extend(name for name in names if name not in keys)
    rows = []
    for key in keys:
        if key in SKIP_KEYS:
            continue
        row = {"key": key, "label": _label(key)}
        for column, figures in columns.items():
            if " " in key and isinstance(figures.get(key.split(" ", 1)[0]), dict):
                head, sub = key.split(" ", 1)
                value = figures[head].get(sub)
            else:
                value = figures.get(key)
            if key.endswith("_share") and isinstance(value, (int, float)):
                value = number_format(value * 100, 1) + "\u00a0%"
            elif isinstance(value, float):
                value = number_format(value, 3)
            elif isinstance(value, int):
                value = number_format(value, force_grouping=True)
            if isinstance(value, list):
                value = len(value)
            row[column] = value
        rows.append(row)
    # Who is left without a seat matters most: those rows come first.
    first = ("unplaced_people", "missing_placements")
    rows.sort(key=lambda row: first.index(row["key"]) if row["key"] in first else len(first))
    return rows
