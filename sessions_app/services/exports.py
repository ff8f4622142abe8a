"""Exporters: registrations and rosters as CSV or XLSX. Each returns (bytes, content type, filename)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from events.downloads import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, csv_bytes, xlsx_bytes
from events.models import Event

from ..models import Assignment, Registration, TableSession

CONTENT_TYPES = {"csv": CSV_CONTENT_TYPE, "xlsx": XLSX_CONTENT_TYPE}


def _to_bytes(rows: list[list], fmt: str, sheet_title: str) -> bytes:
    if fmt == "csv":
        return csv_bytes(rows)
    if fmt == "xlsx":
        return xlsx_bytes(rows, sheet_title=sheet_title)
    raise ValueError(f"Unknown format {fmt!r}")


def registration_rows(*, event: Event) -> list[list]:
    header = [
        _("Full name"),
        _("E-mail"),
        _("Organisation"),
        _("Country"),
        _("Sector"),
        _("Network member"),
        _("Preferred language"),
        _("Days attending"),
        _("Accessibility needs"),
        _("Listed in directory"),
        _("Quotes attributable"),
        _("Status"),
        _("Registered at"),
    ]
    rows = [header]
    registrations = (
        Registration.objects.filter(event=event)
        .select_related("user")
        .prefetch_related("days")
        .order_by("created_at", "pk")
    )
    for r in registrations:
        rows.append(
            [
                r.full_name,
                r.user.email,
                r.organisation,
                r.country.code,
                r.get_sector_display(),
                _("yes") if r.is_network_member else _("no"),
                r.preferred_language,
                " ".join(day.date.isoformat() for day in r.days.all()),
                r.accessibility_needs,
                _("yes") if r.consent_directory else _("no"),
                _("yes") if r.consent_quote_attribution else _("no"),
                r.get_status_display(),
                r.created_at.strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return rows


def export_registrations(*, event: Event, fmt: str) -> tuple[bytes, str, str]:
    return (
        _to_bytes(registration_rows(event=event), fmt, _("Registrations")),
        CONTENT_TYPES[fmt],
        (f"{event.slug}-registrations.{fmt}"),
    )


def roster_rows(*, session: TableSession) -> list[list]:
    header = [
        _("Rotation"),
        _("Table"),
        _("Table title"),
        _("Full name"),
        _("Organisation"),
        _("Country"),
        _("Sector"),
    ]
    rows = [header]
    assignments = (
        Assignment.objects.filter(rotation__session=session)
        .select_related("rotation", "table", "registration")
        .order_by("rotation__number", "table__number", "registration__full_name", "registration__pk")
    )
    for a in assignments:
        r = a.registration
        rows.append(
            [
                a.rotation.number,
                a.table.number,
                a.table.title,
                r.full_name,
                r.organisation,
                r.country.code,
                r.get_sector_display(),
            ]
        )
    return rows


def export_rosters(*, session: TableSession, fmt: str) -> tuple[bytes, str, str]:
    return (
        _to_bytes(roster_rows(session=session), fmt, _("Rosters")),
        CONTENT_TYPES[fmt],
        (f"{session.event.slug}-rosters-{session.pk}.{fmt}"),
    )
