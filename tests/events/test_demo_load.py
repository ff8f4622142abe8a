"""load_demo: the whole San José Dialogue 2024, idempotent, refused in production without --force."""

import datetime
import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

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
    SeriesEdition,
)

pytestmark = pytest.mark.django_db


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


@pytest.fixture
def demo_event(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    return Event.objects.get(slug="san-jose-dialogue-2024")


def test_demo_load_is_idempotent(demo_event, settings):
    before = _counts()
    item_pks = sorted(AgendaItem.objects.values_list("pk", flat=True))
    call_command("load_demo", stdout=io.StringIO())
    assert _counts() == before
    assert sorted(AgendaItem.objects.values_list("pk", flat=True)) == item_pks
    assert before == {
        # The observatory's demo adds the 2008 Buenos Aires meeting with its ten partners (ECPAT
        # International already exists), the organisations of two commitments the seeds state, the
        # fictional Example Foundation and its focal point's log-in.
        "Event": 2,
        "Day": 5,
        "AgendaItem": 55,
        "Person": 6,
        "ItemPerson": 12,
        "Organisation": 6 + 9 + 3,
        "EventPartner": 6 + 10,
        "Document": 6,
        "SeriesEdition": 4,
        "EventRole": 5,
        # The five demo log-ins plus one account for each of the other demo participants.
        "EmailAddress": 119 + 1,
    }


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
    assert event.languages == ["en", "es", "fr", "pt"]
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
    assert [day.audience for day in days] == [
        Audience.PARTICIPANTS,
        Audience.PUBLIC,
        Audience.PARTICIPANTS,
        Audience.PARTICIPANTS,
        Audience.MEMBERS,
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
    singateh = ItemPerson.objects.get(person__slug="mama-fatima-singateh")
    assert (singateh.remote, singateh.to_be_confirmed, singateh.person.honorific) == (True, True, "Ms.")
    assert singateh.item.kind == "panel"
    assert ItemPerson.objects.get(item=singateh.item, person__slug="guillaume-landry").role == "moderator"
    world_cafes = AgendaItem.objects.filter(day__event=demo_event, kind="world_cafe")
    assert sorted(item.day.date.day for item in world_cafes) == [5, 6]


def test_demo_accounts_log_in_with_their_roles(demo_event):
    for role in ["organiser", "facilitator", "rapporteur", "participant", "member"]:
        email = f"{role}@example.org"
        user = authenticate(username=role, password="dialogue-demo")
        assert user is not None and user.email == email
        assert EmailAddress.objects.get(user=user).verified
        assert list(EventRole.objects.filter(user=user).values_list("role", flat=True)) == [role]
