"""export_event / import_event: a round trip loses nothing."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from events import models as em
from reports.models import (
    EvaluationQuestion,
    FindingsTemplate,
    Report,
    ReportSection,
    Takeaway,
    TakeawayAuthor,
)
from reports.services import collation as services_collation
from reports.services import evaluation as services_evaluation
from reports.services import findings as services_findings
from sessions_app import models as sm
from tests.factories import (
    AgendaItemFactory,
    DayFactory,
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationFactory,
)

from .factories import (
    BreakoutGroupFactory,
    RecordFactory,
    ReportThemeFactory,
    RotationFactory,
    TableFactory,
    TableSessionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_event(make_user):
    host = OrganisationFactory(name="Fundación Paniamor", description_en="Host", description_es="Anfitriona")
    series = em.Series.objects.create(name="Collective Action", slug="collective-action")
    event = EventFactory(
        slug="san-jose",
        host=host,
        series=series,
        title_en="San José Dialogue",
        title_es="Diálogo de San José",
    )
    em.EventPartner.objects.create(
        event=event, organisation=OrganisationFactory(name="ECPAT"), kind="co_organiser"
    )
    em.Document.objects.create(event=event, title_en="Concept note", url="https://example.org/cn.pdf")
    day = DayFactory(event=event, focus_en="Harvesting", focus_es="Cosecha")
    block = AgendaItemFactory(day=day, start=datetime.time(14), end=datetime.time(17), title_en="Tables")
    AgendaItemFactory(
        day=day, parent=block, start=datetime.time(14), end=datetime.time(15), title_en="First rotation"
    )
    person = PersonFactory(event=event, name="Guillaume Landry", slug="landry")
    em.ItemPerson.objects.create(item=block, person=person, role="moderator")
    organiser = make_user(event, em.Role.ORGANISER, email="org@example.org")
    facilitator = make_user(event, em.Role.FACILITATOR, email="fac@example.org")
    rapporteur = make_user(event, em.Role.RAPPORTEUR, email="rap@example.org")
    registration = RegistrationFactory(event=event, user=make_user(email="p1@example.org"), country="GT")
    registration.days.add(day)
    session = TableSessionFactory(event=event)
    FindingsTemplate.objects.create(
        agenda_item=session.agenda_item, sections={"trend": 5, "recommendation": 8, "quote": None}
    )
    rotation = RotationFactory(session=session, number=1)
    table = TableFactory(session=session, number=1)
    table.facilitators.add(facilitator)
    sm.TableSlot.objects.create(table=table, rotation=rotation, seats=12)
    sm.Material.objects.create(session=session, table=table, title="Guide", url="https://example.org/g")
    sm.Preference.objects.create(registration=registration, table=table, rank=1)
    sm.Assignment.objects.create(registration=registration, rotation=rotation, table=table)
    group = BreakoutGroupFactory(agenda_item=block, name="Central America", parts=2)
    group.facilitators.add(facilitator)
    sm.GroupPlacement.objects.create(group=group, part=2, registration=registration)
    record = RecordFactory(table=table, rotation=rotation)
    services_findings.save_record(
        record=record,
        user=facilitator,
        expected_version=1,
        language="es",
        notes="notas",
        findings=[
            {"section": "trend", "text": "Migración"},
            {
                "section": "quote",
                "text": "Cita",
                "speaker_organisation": "Child Link",
                "country": "GY",
                "attribution_consent": True,
            },
        ],
    )
    services_findings.transition_record(record=record, user=facilitator, name="submit")
    services_findings.transition_record(record=record, user=rapporteur, name="accept")
    group_record = services_findings.start_group_record(user=facilitator, group=group, part=1)
    TakeawayAuthor.objects.create(day=day, user=registration.user)
    Takeaway.objects.create(day=day, author=registration.user, text="Main takeaway", language="en")
    theme = ReportThemeFactory(event=event, title_en="Travel and tourism", title_es="Viajes y turismo")
    items = services_collation.collect_into_theme(
        event=event, theme=theme, findings=list(record.findings.all())
    )
    items[0].at_a_glance = True
    items[0].text_en = "Migration"
    items[0].save()
    evaluation = services_evaluation.get_or_create_evaluation(event=event)
    evaluation.is_open = True
    evaluation.save()
    q1 = EvaluationQuestion.objects.create(
        evaluation=evaluation, text_en="Useful?", text_es="¿Útil?", order=1
    )
    q2 = EvaluationQuestion.objects.create(evaluation=evaluation, kind="text", text_en="Comments", order=2)
    for rating, text in [(5, "Great"), (3, ""), (4, "Good")]:
        services_evaluation.submit_answers(
            evaluation=evaluation,
            user=make_user(event, em.Role.PARTICIPANT),
            answers={q1.pk: rating, q2.pk: text},
        )
    report = Report.objects.create(event=event, title_en="Outcome report", title_es="Informe")
    ReportSection.objects.create(report=report, kind="introduction", order=1)
    assert group_record.pk and organiser.pk
    return event


def test_round_trip_loses_nothing(full_event, tmp_path):
    first = tmp_path / "first.json"
    call_command("export_event", full_event.slug, output=str(first))
    document = json.loads(first.read_text())
    assert len(document["records"]) == 2
    assert len(document["evaluation_answers"]) == 5
    assert sorted(c["sources"] for c in document["collated_findings"]) == [[0], [1]]
    assert "Diálogo de San José" in first.read_text()
    # an empty database: no event, no users, no organisations
    full_event.delete()
    em.Organisation.objects.all().delete()
    em.Series.objects.all().delete()
    get_user_model().objects.all().delete()
    call_command("import_event", str(first))
    second = tmp_path / "second.json"
    call_command("export_event", "san-jose", output=str(second))
    assert json.loads(second.read_text()) == document
    assert not get_user_model().objects.get(email="fac@example.org").has_usable_password()


def test_export_has_no_database_ids(full_event):
    from reports.harvest_exchange import export_event

    document = export_event(event=full_event)
    text = json.dumps(document)
    assert '"id"' not in text
    assert document["roles"][0]["key"][1] in {"org@example.org", "fac@example.org", "rap@example.org"}
    assert document["tables"][0]["facilitators"] == ["fac@example.org"]
    # anonymity: responses carry no user
    assert all(set(r) == {"key", "evaluation"} for r in document["evaluation_responses"])


def test_import_refuses_existing_slug(full_event, tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "e.json"
    call_command("export_event", full_event.slug, output=str(path))
    with pytest.raises(CommandError, match="exists already"):
        call_command("import_event", str(path))


def test_import_refuses_other_files(tmp_path, db):
    from django.core.management.base import CommandError

    path = tmp_path / "x.json"
    path.write_text('{"format": "something"}')
    with pytest.raises(CommandError, match="not an event export"):
        call_command("import_event", str(path))
