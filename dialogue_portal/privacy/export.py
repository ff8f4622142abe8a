"""Everything the portal holds about one person, as one JSON document they download from their account.

Secrets are never part of it: the password hash, two-factor keys and recovery codes are left out (the
document says only whether two-factor authentication is on). Evaluation answers are anonymous by design and
linked to nobody, so only the fact that the person answered is theirs.
"""

from __future__ import annotations

import json

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import Q
from django.utils import timezone

from events.models import AuditAction, EventRole, Person
from events.services import record_audit
from observatory.models import CommitmentUpdate, FocalPoint
from reports.models import ConsolidationRecord, EvaluationSubmission, Takeaway, TakeawayAuthor
from sessions_app.models import BreakoutGroup, Registration, Table

FORMAT = "dialogue-portal-personal-data"
VERSION = 1


def _when(value):
    return value.isoformat() if value is not None else None


def _registration(registration: Registration) -> dict:
    return {
        "event": registration.event.slug,
        "status": registration.status,
        "full_name": registration.full_name,
        "organisation": registration.organisation,
        "country": str(registration.country),
        "sector": registration.sector,
        "is_network_member": registration.is_network_member,
        "preferred_language": registration.preferred_language,
        "days": [day.date.isoformat() for day in registration.days.all()],
        "accessibility_needs": registration.accessibility_needs,
        "consent_directory": registration.consent_directory,
        "consent_quote_attribution": registration.consent_quote_attribution,
        "created_at": _when(registration.created_at),
        "decided_at": _when(registration.decided_at),
        "rankings": [
            {
                "session": p.table.session.title,
                "table": p.table.number,
                "table_title": p.table.title,
                "rank": p.rank,
            }
            for p in sorted(registration.preferences.all(), key=lambda p: (p.table.session_id, p.rank, p.pk))
        ],
        "allocations": [
            {
                "session": a.rotation.session.title,
                "rotation": a.rotation.number,
                "table": a.table.number,
                "table_title": a.table.title,
                "source": a.source,
            }
            for a in sorted(
                registration.assignments.all(), key=lambda a: (a.rotation.session_id, a.rotation.number)
            )
        ],
        "breakout_groups": [
            {"group": g.group.name, "part": g.part}
            for g in sorted(registration.group_placements.all(), key=lambda g: (g.group_id, g.pk))
        ],
    }


def _findings(record: ConsolidationRecord) -> list[dict]:
    return [
        {
            "section": f.section,
            "title": f.title,
            "text": f.text,
            "country": str(f.country),
            "speaker_organisation": f.speaker_organisation,
        }
        for f in record.findings.all()
    ]


def personal_data(*, user) -> dict:
    """The person's data as a JSON-ready dict, in a stable order (tests compare it whole)."""
    registrations = (
        Registration.objects.filter(user=user)
        .select_related("event")
        .prefetch_related(
            "days",
            "preferences__table__session",
            "assignments__rotation__session",
            "assignments__table",
            "group_placements__group",
        )
        .order_by("event__slug")
    )
    registrations = list(registrations)
    records = (
        ConsolidationRecord.objects.filter(Q(versions__author=user) | Q(updated_by=user))
        .distinct()
        .select_related("event", "table", "rotation", "group", "agenda_item")
        .prefetch_related("findings")
        .order_by("event__slug", "pk")
    )
    mfa = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    return {
        "format": FORMAT,
        "version": VERSION,
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
        ],
        "two_factor_authentication": {
            "authenticator_app": Authenticator.Type.TOTP in mfa,
            "recovery_codes": Authenticator.Type.RECOVERY_CODES in mfa,
        },
        "roles": [
            {"event": slug, "role": role}
            for slug, role in EventRole.objects.filter(user=user)
            .order_by("event__slug", "role")
            .values_list("event__slug", "role")
        ],
        "registrations": [_registration(r) for r in registrations],
        "directory_entries": [
            {
                "event": r.event.slug,
                "full_name": r.full_name,
                "organisation": r.organisation,
                "country": str(r.country),
            }
            for r in registrations
            if r.consent_directory and r.status == Registration.Status.APPROVED
        ],
        "speaker_profiles": [
            {
                "event": p.event.slug,
                "name": p.display_name,
                "job_title": p.job_title,
                "organisation": p.organisation,
                "biography": p.bio,
            }
            for p in Person.objects.filter(user=user).select_related("event").order_by("event__slug", "slug")
        ],
        "tables_facilitated": [
            {"event": t.session.event.slug, "session": t.session.title, "table": t.number, "title": t.title}
            for t in Table.objects.filter(facilitators=user)
            .select_related("session__event")
            .order_by("session__event__slug", "session_id", "number")
        ],
        "breakout_groups_facilitated": [
            {"event": g.agenda_item.day.event.slug, "group": g.name}
            for g in BreakoutGroup.objects.filter(facilitators=user)
            .select_related("agenda_item__day__event")
            .order_by("agenda_item__day__event__slug", "pk")
        ],
        "findings_records": [
            {
                "event": record.event.slug,
                "record": str(record.label),
                "status": record.status,
                "findings": _findings(record),
            }
            for record in records
        ],
        "takeaway_days": [
            {"event": a.day.event.slug, "day": a.day.date.isoformat()}
            for a in TakeawayAuthor.objects.filter(user=user)
            .select_related("day__event")
            .order_by("day__event__slug", "day__date")
        ],
        "takeaways": [
            {
                "event": t.day.event.slug,
                "day": t.day.date.isoformat(),
                "language": t.language,
                "text": t.text,
                "updated_at": _when(t.updated_at),
            }
            for t in Takeaway.objects.filter(author=user)
            .select_related("day__event")
            .order_by("day__event__slug", "day__date")
        ],
        "evaluations_answered": [
            {"event": s.evaluation.event.slug, "evaluation": s.evaluation.title}
            for s in EvaluationSubmission.objects.filter(user=user)
            .select_related("evaluation__event")
            .order_by("evaluation__event__slug")
        ],
        "observatory_focal_points": [
            {
                "organisation": f.organisation.name,
                "country": str(f.country),
                "display_name": f.display_name,
                "show_name": f.show_name,
                "is_active": f.is_active,
            }
            for f in FocalPoint.objects.filter(user=user)
            .select_related("organisation")
            .order_by("organisation__name", "country")
        ],
        "observatory_updates": [
            {
                "commitment": u.commitment.description,
                "organisation": u.commitment.organisation.name,
                "date": u.date.isoformat(),
                "text": u.text,
                "language": u.language,
                "status": u.status,
                "progress": u.progress,
                "evidence_url": u.evidence_url,
            }
            for u in CommitmentUpdate.objects.filter(author=user)
            .select_related("commitment__organisation")
            .order_by("date", "pk")
        ],
    }


def export_personal_data(*, user) -> bytes:
    """The person's data as a UTF-8 JSON file; the download is written to the audit log (site-wide)."""
    document = {"exported_at": timezone.now().isoformat(), **personal_data(user=user)}
    record_audit(action=AuditAction.DATA_EXPORTED, actor=user, subject=user)
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
