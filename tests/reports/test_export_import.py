"""export_event / import_event (events.exchange, each app's part): a round trip loses nothing, byte for
byte; the document has no database id; an import is atomic and says what it cannot read."""

import copy
import datetime
import json
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from events import models as em
from events.exchange import export_event, import_event, parts
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
from tests.events.factories import (
    AgendaItemFactory,
    DayFactory,
    EventFactory,
    OrganisationFactory,
    PersonFactory,
)
from tests.reports.factories import RecordFactory, ReportThemeFactory
from tests.sessions_app.factories import (
    BreakoutGroupFactory,
    RegistrationFactory,
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
    em.Room.objects.create(event=event, name="Sabana A", capacity=40, accessibility_notes="Step-free access.")
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


def _empty_database(event):
    event.delete()
    em.Organisation.objects.all().delete()
    em.Series.objects.all().delete()
    get_user_model().objects.all().delete()


def test_round_trip_loses_nothing(full_event, tmp_path):
    first = tmp_path / "first.json"
    call_command("export_event", full_event.slug, output=str(first))
    document = json.loads(first.read_text())
    reports = document["parts"]["reports"]
    assert len(reports["records"]) == 2
    assert len(reports["evaluation_answers"]) == 5
    assert sorted(c["fields"]["sources"] for c in reports["collated_findings"]) == [[0], [1]]
    assert "Diálogo de San José" in first.read_text()
    _empty_database(full_event)  # an empty database: no event, no users, no organisations
    call_command("import_event", str(first))
    second = tmp_path / "second.json"
    call_command("export_event", "san-jose", output=str(second))
    assert second.read_bytes() == first.read_bytes()
    assert not get_user_model().objects.get(email="fac@example.org").has_usable_password()


def test_a_file_written_while_portuguese_was_pt_imports_as_brazilian_portuguese(full_event):
    em.Event.objects.filter(pk=full_event.pk).update(
        languages=["en", "pt-br"], default_language="pt-br", title_pt_br="Diálogo de San José (Brasil)"
    )
    sm.Registration.objects.filter(event=full_event).update(preferred_language="pt-br")
    current = export_event(event=em.Event.objects.get(pk=full_event.pk))
    older = json.loads(
        re.sub(
            r'"(\w+)_pt_br":', r'"\1_pt":', json.dumps(current, ensure_ascii=False).replace('"pt-br"', '"pt"')
        )
    )
    assert older["parts"]["events"]["event"][0]["fields"]["title_pt"] == "Diálogo de San José (Brasil)"
    assert older["parts"]["events"]["event"][0]["fields"]["languages"] == ["en", "pt"]
    _empty_database(full_event)

    event = import_event(document=older)

    assert (event.languages, event.default_language, event.title_pt_br) == (
        ["en", "pt-br"],
        "pt-br",
        "Diálogo de San José (Brasil)",
    )
    assert set(sm.Registration.objects.filter(event=event).values_list("preferred_language", flat=True)) == {
        "pt-br"
    }
    assert export_event(event=event) == current


def test_every_app_contributes_its_part(full_event):
    """The document has one part per app, in the order of the layers, each listing only its app's models,
    and together they hold every model of the three apps but the background jobs and the audit log (not event
    content), what was sent (the outbox) and people's own stars (personal, not event content)."""
    document = export_event(event=full_event)
    assert list(document["parts"]) == ["events", "sessions_app", "reports"]
    exported = set()
    for app_label, lists in document["parts"].items():
        for name, objects in lists.items():
            labels = {obj["model"] for obj in objects}
            assert all(label.split(".")[0] == app_label for label in labels), (app_label, name)
        exported |= {entry.label for entry in next(p for p in parts() if p.app_label == app_label).entries}
    models = {
        model._meta.label_lower
        for app_label in ["events", "sessions_app", "reports"]
        for model in apps.get_app_config(app_label).get_models()
    }
    # Not part of an event's document: this portal's own bookkeeping (jobs, the audit log, the outbox),
    # personal choices (stars), attendance at the venue and feedback keyed by this portal's secret.
    assert models - exported == {
        "events.job",
        "events.auditentry",
        "events.sentemail",
        "events.star",
        "sessions_app.checkin",
        "reports.sessionfeedback",
    }
    # the rich event fills every list
    assert [
        name for lists in document["parts"].values() for name, objects in lists.items() if not objects
    ] == ["series_editions"]


def test_export_has_no_database_ids(full_event):
    document = export_event(event=full_event)
    text = json.dumps(document)
    assert '"id"' not in text and '"pk"' not in text
    events, sessions, reports = (document["parts"][app] for app in ["events", "sessions_app", "reports"])
    assert events["roles"][0]["fields"]["user"] in {"org@example.org", "fac@example.org", "rap@example.org"}
    assert events["days"][0]["fields"]["event"] == ["san-jose"]
    assert sessions["tables"][0]["fields"]["facilitators"] == ["fac@example.org"]
    # natural keys: a table is its session's (the agenda block's: day, n-th block of the day) and its number
    block = full_event.table_sessions.get().agenda_item
    assert sessions["tables"][0]["fields"]["session"] == [[[["san-jose"], block.day.date.isoformat()], 1]]
    assert reports["records"][0]["fields"]["table"] == [sessions["tables"][0]["fields"]["session"], 1]
    # anonymity: responses carry no user, answers no response id
    assert all(set(r["fields"]) == {"evaluation"} for r in reports["evaluation_responses"])
    assert {a["fields"]["response"] for a in reports["evaluation_answers"]} == {0, 1, 2}


def test_natural_keys_find_their_objects(full_event):
    """Every object the document knows by natural key is found again by its manager's get_by_natural_key."""
    checked = 0
    for part in parts():
        for entry in part.entries:
            if not hasattr(entry.model, "natural_key"):
                continue
            for obj in entry.objects(full_event):
                assert entry.model._default_manager.get_by_natural_key(*obj.natural_key()) == obj
                checked += 1
    assert checked > 25


def test_import_copies_the_files_it_names(full_event, tmp_path, settings):
    from django.core.files.base import ContentFile

    from tests.events.organiser_helpers import png_bytes

    logo = png_bytes()
    host = full_event.host
    host.logo.save("paniamor.png", ContentFile(logo))
    path = tmp_path / "e.json"
    call_command("export_event", full_event.slug, output=str(path))
    media = tmp_path / "copy-of-media"
    (media / "logos").mkdir(parents=True)
    (media / "logos" / "paniamor.png").write_bytes(logo)
    _empty_database(full_event)
    settings.MEDIA_ROOT = tmp_path / "new-media"
    call_command("import_event", str(path), "--media", str(media))
    assert em.Organisation.objects.get(name="Fundación Paniamor").logo.read() == logo


def test_import_checks_the_files_it_copies_as_uploads(full_event, tmp_path, settings):
    """A "logo" that is a web page is refused like an upload would be: nothing written, nothing copied."""
    from django.core.files.base import ContentFile

    full_event.host.logo.save("paniamor.png", ContentFile(b"<html><script>alert(1)</script></html>"))
    path = tmp_path / "e.json"
    call_command("export_event", full_event.slug, output=str(path))
    media = tmp_path / "copy-of-media"
    (media / "logos").mkdir(parents=True)
    (media / "logos" / "paniamor.png").write_bytes(b"<html><script>alert(1)</script></html>")
    _empty_database(full_event)
    settings.MEDIA_ROOT = tmp_path / "new-media"
    with pytest.raises(CommandError) as error:
        call_command("import_event", str(path), "--media", str(media))
    assert str(error.value) == (
        "Cannot import “logos/paniamor.png” from this file: "
        "This file is not a PNG, JPEG or WebP image. Choose a picture in one of these formats."
    )
    assert (em.Event.objects.count(), em.Organisation.objects.count()) == (0, 0)
    assert not (tmp_path / "new-media").exists() or not any((tmp_path / "new-media").rglob("*.*"))


def test_import_refuses_existing_slug(full_event, tmp_path):
    path = tmp_path / "e.json"
    call_command("export_event", full_event.slug, output=str(path))
    with pytest.raises(CommandError, match="exists already"):
        call_command("import_event", str(path))


def test_import_refuses_other_files(tmp_path, db):
    path = tmp_path / "x.json"
    path.write_text('{"format": "something"}')
    with pytest.raises(CommandError, match="not an event export"):
        call_command("import_event", str(path))
    path.write_text(json.dumps({"format": "dialogue-portal-event", "version": 1, "event_slug": "x"}))
    with pytest.raises(CommandError, match="not an event export"):
        call_command("import_event", str(path))


def _broken(document, app, name, n, **fields):
    document = copy.deepcopy(document)
    document["parts"][app][name][n]["fields"].update(fields)
    return document


@pytest.mark.parametrize(
    ("app", "name", "fields", "message"),
    [
        (
            "sessions_app",
            "tables",
            {"session": [[[["san-jose"], "1999-01-01"], 1]]},
            "sessions_app/tables[0]",
        ),
        (
            "reports",
            "findings",
            {"record": ["table", [[[["san-jose"], "2024-06-04"], 1]], 9]},
            "reports/findings",
        ),
        ("reports", "collated_findings", {"sources": [99]}, "finding number 99"),
        ("events", "roles", {"user": "nobody@example.org"}, "nobody@example.org"),
        ("events", "days", {"date": "someday"}, "events/days[0]"),
        ("events", "days", {"weather": "sunny"}, "events/days[0].weather"),
    ],
)
def test_import_names_what_it_cannot_read_and_changes_nothing(full_event, app, name, fields, message):
    document = _broken(export_event(event=full_event), app, name, 0, **fields)
    _empty_database(full_event)
    with pytest.raises(ValidationError, match=re.escape(message)) as error:
        import_event(document=document)
    assert error.value.messages[0].startswith("Cannot import “")
    assert (em.Event.objects.count(), get_user_model().objects.count(), em.Organisation.objects.count()) == (
        0,
        0,
        0,
    )


def test_import_refuses_lists_it_does_not_know(full_event):
    document = export_event(event=full_event)
    document["parts"]["observatory"] = {"indicators": []}
    _empty_database(full_event)
    with pytest.raises(ValidationError, match="“observatory”"):
        import_event(document=document)
