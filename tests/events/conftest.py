"""An agenda in the shared `event` fixture: a participants' Monday, a public Tuesday, a closed Friday."""

import datetime
from types import SimpleNamespace

import pytest

from events.models import AppearanceRole, Audience, ItemKind
from tests.events.factories import (
    AgendaItemFactory,
    DayFactory,
    DocumentFactory,
    ItemPersonFactory,
    PersonFactory,
)


@pytest.fixture
def agenda(event):
    monday = DayFactory(
        event=event,
        date=datetime.date(2024, 6, 3),
        audience=Audience.PARTICIPANTS,
        focus="Harvesting analysis from civil society movements",
        methodology="Methodology: tables.",
    )
    tuesday = DayFactory(
        event=event,
        date=datetime.date(2024, 6, 4),
        audience=Audience.PUBLIC,
        focus="Facilitated a cross-sector dialogue",
        focus_es="Diálogo intersectorial facilitado",
        methodology="Methodology: discussion working groups.",
    )
    friday = DayFactory(
        event=event,
        date=datetime.date(2024, 6, 7),
        audience=Audience.MEMBERS,
        focus="Closed meeting for ECPAT International",
    )
    welcome = AgendaItemFactory(
        day=monday,
        start=datetime.time(8, 30),
        end=datetime.time(9, 0),
        kind=ItemKind.WELCOME,
        title="Welcome remarks",
    )
    panel = AgendaItemFactory(
        day=tuesday,
        start=datetime.time(9, 30),
        end=datetime.time(10, 30),
        kind=ItemKind.PANEL,
        title="Opening panel",
        title_es="Panel de apertura",
        room="Plenary hall",
    )
    block = AgendaItemFactory(
        day=tuesday,
        start=datetime.time(14, 0),
        end=datetime.time(17, 0),
        kind=ItemKind.THEMATIC_TABLES,
        title="Distilling challenges by areas",
    )
    rotations = [
        AgendaItemFactory(
            day=tuesday,
            parent=block,
            start=datetime.time(14 + n, 0),
            end=datetime.time(15 + n, 0),
            kind=ItemKind.ROTATION,
            title=title,
            order=n,
        )
        for n, title in enumerate(["First rotation", "Second rotation", "Third rotation"])
    ]
    safeguarding = AgendaItemFactory(
        day=friday,
        start=datetime.time(9, 15),
        end=datetime.time(10, 15),
        kind=ItemKind.GROUP_WORK,
        title="Child safeguarding workshop",
    )
    landry = PersonFactory(
        event=event,
        honorific="Mr.",
        name="Guillaume Landry",
        slug="guillaume-landry",
        job_title="Executive Director",
    )
    singateh = PersonFactory(
        event=event,
        honorific="Ms.",
        name="Mama Fátima Singateh",
        slug="mama-fatima-singateh",
        job_title="Special Rapporteur",
        organisation="United Nations",
    )
    closed_only = PersonFactory(event=event, honorific="Ms.", name="Closed Speaker", slug="closed-speaker")
    ItemPersonFactory(item=welcome, person=landry)
    ItemPersonFactory(item=panel, person=landry, role=AppearanceRole.MODERATOR)
    ItemPersonFactory(item=panel, person=singateh, remote=True, to_be_confirmed=True)
    ItemPersonFactory(item=safeguarding, person=closed_only)
    ItemPersonFactory(item=safeguarding, person=landry)
    public_doc = DocumentFactory(event=event, title="Concept note", language="es")
    restricted_doc = DocumentFactory(event=event, title="Guiding questions", is_public=False)
    return SimpleNamespace(
        event=event,
        monday=monday,
        tuesday=tuesday,
        friday=friday,
        welcome=welcome,
        panel=panel,
        block=block,
        rotations=rotations,
        safeguarding=safeguarding,
        landry=landry,
        singateh=singateh,
        closed_only=closed_only,
        public_doc=public_doc,
        restricted_doc=restricted_doc,
    )
