import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sessions_app.models import Registration
from sessions_app.services.exports import export_registrations, export_rosters
from tests.sessions_app.factories import RegistrationFactory, make_session, seat

HEADER = [
    "Full name",
    "E-mail",
    "Organisation",
    "Country",
    "Sector",
    "Network member",
    "Preferred language",
    "Days attending",
    "Accessibility needs",
    "Listed in directory",
    "Quotes attributable",
    "Status",
    "Registered at",
]


def _csv(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _xlsx(data: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(data)).active
    return [[cell if cell is not None else "" for cell in row] for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def people(event):
    ana = RegistrationFactory(
        event=event,
        full_name="Ana Rojas",
        organisation="Fundación Paniamor",
        country="CR",
        sector="civil_society",
        preferred_language="es",
        accessibility_needs="Wheelchair access",
        consent_directory=True,
    )
    tom = RegistrationFactory(
        event=event,
        full_name="Tom Smith",
        organisation="Ministry of Tourism",
        country="JM",
        sector="government",
        is_network_member=True,
        status=Registration.Status.WAITLISTED,
    )
    return ana, tom


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_registration_export_content(event, people, fmt):
    data, content_type, filename = export_registrations(event=event, fmt=fmt)
    rows = _csv(data) if fmt == "csv" else _xlsx(data)
    assert rows[0] == HEADER
    assert [row[:12] for row in rows[1:]] == [
        [
            "Ana Rojas",
            people[0].user.email,
            "Fundación Paniamor",
            "CR",
            "Civil society",
            "no",
            "es",
            "",
            "Wheelchair access",
            "yes",
            "no",
            "Approved",
        ],
        [
            "Tom Smith",
            people[1].user.email,
            "Ministry of Tourism",
            "JM",
            "Government",
            "yes",
            "en",
            "",
            "",
            "no",
            "no",
            "Waiting list",
        ],
    ]
    assert filename == f"{event.slug}-registrations.{fmt}"


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_roster_export_content(event, people, fmt):
    session = make_session(event, tables=2, rotations=2)
    ana, tom = people
    tom.status = Registration.Status.APPROVED
    tom.save()
    r1, r2 = session.rotations.order_by("number")
    t1, t2 = session.tables.order_by("number")
    seat(ana, r1, t1), seat(ana, r2, t2), seat(tom, r1, t1), seat(tom, r2, t2)
    data, _type, _name = export_rosters(session=session, fmt=fmt)
    rows = _csv(data) if fmt == "csv" else _xlsx(data)
    expected = [
        ["Rotation", "Table", "Table title", "Full name", "Organisation", "Country", "Sector"],
        [1, 1, "Topic 1", "Ana Rojas", "Fundación Paniamor", "CR", "Civil society"],
        [1, 1, "Topic 1", "Tom Smith", "Ministry of Tourism", "JM", "Government"],
        [2, 2, "Topic 2", "Ana Rojas", "Fundación Paniamor", "CR", "Civil society"],
        [2, 2, "Topic 2", "Tom Smith", "Ministry of Tourism", "JM", "Government"],
    ]
    if fmt == "csv":
        expected = [[str(v) for v in row] for row in expected]
    assert rows == expected


@pytest.mark.django_db
def test_export_views_serve_attachments(client_as, event, people):
    client = client_as("organiser")
    response = client.get(
        reverse("sessions_app:registrations_export", kwargs={"slug": event.slug, "fmt": "xlsx"})
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}-registrations.xlsx"'
    assert _xlsx(response.content)[1][0] == "Ana Rojas"
    assert (
        client.get(
            reverse("sessions_app:registrations_export", kwargs={"slug": event.slug, "fmt": "pdf"})
        ).status_code
        == 404
    )


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_neutralise_spreadsheet_formulas_typed_by_participants(event, fmt):
    RegistrationFactory(event=event, full_name='=HYPERLINK("https://evil.example")', organisation="@SUM(A1)")
    data, _content_type, _filename = export_registrations(event=event, fmt=fmt)
    rows = _csv(data) if fmt == "csv" else _xlsx(data)
    assert rows[1][0] == '\'=HYPERLINK("https://evil.example")'
    assert rows[1][2] == "'@SUM(A1)"
    if fmt == "xlsx":
        cell = load_workbook(io.BytesIO(data)).active["A2"]
        assert cell.data_type == "s"
