"""load_demo: the whole San José Dialogue 2024 from events/demo_data/ (the exchange format), idempotent,
refused in production without --force, and a round trip of the demo file that loses nothing."""

import ast
import datetime
import io
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command

from events.demo_data import DATA_DIR, EVENT_FILES
from events.exchange import export_event_bytes
from events.models import (
    AgendaItem,
    Audience,
    Day,
    Document,
    Event,
    EventPartner,
    EventRole,
    ItemPerson,
    Organisation,
    Person,
    Role,
    SeriesEdition,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in [
            Event,
            Day,
            AgendaItem,
            Person,
            ItemPerson,
            Organisation,
            EventPartner,
            Document,
            SeriesEdition,
            EventRole,
            EmailAddress,
        ]
    }


def test_demo_load_is_idempotent(demo_event, settings):
    before = _counts()
    item_pks = sorted(AgendaItem.objects.values_list("pk", flat=True))
    call_command("load_demo", stdout=io.StringIO())
    assert _counts() == before
    assert sorted(AgendaItem.objects.values_list("pk", flat=True)) == item_pks
    assert before == {
        # The archive and its rehearsal (the same programme). The observatory's demo adds the 2008 Buenos
        # Aires meeting with its ten partners (ECPAT International already exists), the organisations of two
        # commitments the seeds state, the fictional Example Foundation and its focal point's log-in.
        "Event": 2 + 1,
        "Day": 5 * 2,
        # Friday 14:45 is two tracks.
        "AgendaItem": 56 * 2,
        # Six speakers and three institutions (Tuesday's opening ceremony).
        "Person": 9 * 2,
        "ItemPerson": 15 * 2,
        "Organisation": 6 + 9 + 3,
        "EventPartner": 6 * 2 + 10,
        "Document": 6 * 2,
        "SeriesEdition": 4,
        # The seven demo roles, and "participant" for each of the 116 approved registrations (one of which
        # is participant@example.org's, who has it as a demo role already), in each event.
        "EventRole": 122 * 2,
        # The seven demo log-ins plus one account for each of the other demo participants.
        "EmailAddress": 121 + 1,
    }


def _every_count():
    models = [get_user_model(), EmailAddress]
    for app_label in ["events", "sessions_app", "reports"]:
        models += list(apps.get_app_config(app_label).get_models())
    return {model._meta.label: model.objects.count() for model in models}


def test_demo_load_twice_changes_nothing(demo_event):
    before, exported = _every_count(), export_event_bytes(event=demo_event)
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "san-jose-dialogue-2024: already there, left alone." in out.getvalue()
    assert _every_count() == before
    assert export_event_bytes(event=demo_event) == exported


def test_demo_file_round_trip_is_byte_identical(demo_event):
    """The demo is the exchange document: importing it (load_demo) and exporting again gives the same
    bytes."""
    assert export_event_bytes(event=demo_event) == EVENT_FILES[0].read_bytes()


def test_demo_files_are_copied_into_media(demo_event):
    for organisation in demo_event.partners.select_related("organisation"):
        logo = organisation.organisation.logo
        assert logo.read() == (DATA_DIR / logo.name).read_bytes()
    for document in demo_event.documents.exclude(file=""):
        assert document.file.read() == (DATA_DIR / document.file.name).read_bytes()


def test_demo_approved_registrations_come_with_the_participant_role(demo_event):
    approved = set(demo_event.registrations.filter(status="approved").values_list("user_id", flat=True))
    participants = set(demo_event.roles.filter(role=Role.PARTICIPANT).values_list("user_id", flat=True))
    assert len(approved) == 116 and participants == approved


def test_load_demo_imports_explicitly_and_nothing_above_events():
    """No importlib, no discovery of per-app demo modules: load_demo (in dialogue_portal, above every app)
    imports the event files and calls the observatory's loader explicitly; the exchange, in events, imports
    neither sessions_app nor reports (tests/platform/test_layers.py checks the whole app)."""
    from tests.platform.test_layers import upward_imports

    source = (ROOT / "dialogue_portal/management/commands/load_demo.py").read_text()
    names = {
        alias.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert "importlib" not in names and "import_module" not in source and "__import__" not in source
    mine = ("events/exchange/", "events/management/", "events/demo_data/")
    assert [line for line in upward_imports("events") if line.startswith(mine)] == []
    assert "from observatory import demo as observatory_demo" in source
    assert [p.relative_to(ROOT).as_posix() for p in ROOT.glob("*/demo.py")] == ["observatory/demo.py"]
    assert not list(ROOT.glob("*/demo_*.py"))


def test_demo_load_refuses_with_debug_off_unless_forced(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo", stdout=io.StringIO())
    assert Event.objects.count() == 0
    call_command("load_demo", "--force", stdout=io.StringIO())
    assert Event.objects.filter(slug="san-jose-dialogue-2024").count() == 1


def test_demo_event_facts(demo_event):
    event = demo_event
    assert event.title_en == "Collective Action: The San José Dialogue"
    assert event.venue == "Hotel Crowne Plaza San José La Sabana"
    assert (event.city, event.country.code, event.timezone) == ("San José", "CR", "America/Costa_Rica")
    assert (event.start_date, event.end_date) == (datetime.date(2024, 6, 3), datetime.date(2024, 6, 7))
    assert event.languages == ["en", "es", "fr", "pt-br"]
    assert event.is_published
    assert event.host.name == "ECPAT International"
    assert len(event.objectives_list()) == 5
    assert "zero-paper" in event.practical_information_en
    assert [(e.city, e.event_id) for e in event.series.editions.all()] == [
        ("Nairobi", None),
        ("Bangkok", None),
        ("Saly", None),
        ("San José", event.pk),
    ]
    kinds = {(p.organisation.name, p.kind) for p in event.partners.select_related("organisation")}
    assert kinds == {
        ("ECPAT International", "host"),
        ("Fundación Paniamor", "co_organiser"),
        ("Instituto Costarricense de Turismo", "co_organiser"),
        ("Down to Zero Alliance", "co_organiser"),
        ("Sida", "funder"),
        ("Oak Foundation", "funder"),
    }
    for organisation in Organisation.objects.filter(partnerships__event=event):
        assert organisation.logo.name.startswith("logos/") and organisation.logo.size > 1000
        assert organisation.logo_alt_en and organisation.logo_alt_es
    review = event.documents.get(title_en__startswith="Rapid literature review")
    assert review.language == "en" and review.kind == "background" and review.file.size > 1000
    assert event.documents.filter(is_public=False).count() == 1


def test_demo_days_audiences_and_translations(demo_event):
    days = list(demo_event.days.order_by("date"))
    # Who may read each day's programme (the printed programme showed Monday to Thursday to everybody) and
    # who may attend it.
    assert [day.audience for day in days] == [
        Audience.PUBLIC,
        Audience.PUBLIC,
        Audience.PUBLIC,
        Audience.PUBLIC,
        Audience.MEMBERS,
    ]
    assert [day.attendance_display for day in days] == [
        "Civil-society organisations",
        "Open to the public",
        "Registered participants",
        "Registered participants",
        "Network members only",
    ]
    for day in days:
        assert day.focus_en and day.focus_es and day.focus_es != day.focus_en
        assert day.methodology_en and day.methodology_es
    for item in AgendaItem.objects.filter(day__event=demo_event):
        assert item.title_es, item.title_en
        item.full_clean()  # every item fits its day, block and room


def test_demo_tuesday_tables_rotations_and_groups(demo_event):
    tuesday = demo_event.days.get(date=datetime.date(2024, 6, 4))
    block = tuesday.items.get(kind="thematic_tables")
    assert (block.start, block.end) == (datetime.time(14), datetime.time(17))
    assert [(c.start.hour, c.end.hour, c.title_en) for c in block.children.order_by("start")] == [
        (14, 15, "First rotation"),
        (15, 16, "Second rotation"),
        (16, 17, "Third rotation"),
    ]
    for n in range(1, 11):
        assert f"Table {n}: " in block.description_en
        assert f"Mesa {n}: " in block.description_es
    groups = tuesday.items.get(start=datetime.time(11))
    assert groups.kind == "group_work" and "sub-region" in groups.description_en
    singateh = ItemPerson.objects.get(person__slug="mama-fatima-singateh", person__event=demo_event)
    assert (singateh.remote, singateh.to_be_confirmed, singateh.person.honorific) == (True, True, "Ms.")
    assert singateh.item.kind == "panel"
    assert ItemPerson.objects.get(item=singateh.item, person__slug="guillaume-landry").role == "moderator"
    world_cafes = AgendaItem.objects.filter(day__event=demo_event, kind="world_cafe")
    assert sorted(item.day.date.day for item in world_cafes) == [5, 6]


def test_demo_accounts_log_in_with_their_roles(demo_event):
    registered = set(demo_event.registrations.filter(status="approved").values_list("user__email", flat=True))
    for role in ["organiser", "facilitator", "rapporteur", "participant", "member", "checkin"]:
        email = f"{role}@example.org"
        user = authenticate(username=role, password="dialogue-demo")
        assert user is not None and user.email == email
        assert EmailAddress.objects.get(user=user).verified
        # plus "participant" for an approved registration (member@example.org has one)
        expected = {role} | ({"participant"} if email in registered else set())
        assert set(EventRole.objects.filter(user=user).values_list("role", flat=True)) == expected
    assert "member@example.org" in registered
    # the other people of the demo cannot log in: they have no password
    other = get_user_model().objects.get(email="demo.participant001@example.org")
    assert not other.has_usable_password()


def test_load_demo_prints_the_log_ins(db, settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    lines = out.getvalue().splitlines()
    assert "Demo event loaded: /e/san-jose-dialogue-2024/" in lines
    assert "Demo event loaded: /e/san-jose-dialogue-rehearsal/" in lines
    assert lines[-8:] == [
        "Demo log-ins (password dialogue-demo):",
        "  organiser    organiser@example.org",
        "  facilitator  facilitator@example.org",
        "  rapporteur   rapporteur@example.org",
        "  participant  participant@example.org",
        "  member       member@example.org",
        "  checkin      checkin@example.org",
        "  rapporteur   staff@example.org (portal staff)",
    ]
