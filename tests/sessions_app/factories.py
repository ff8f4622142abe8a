"""Factories and builders for the tables area."""

import datetime

import factory

from events.models import ItemKind
from sessions_app import models as sm
from sessions_app.services.tables import create_table_session, save_table
from tests.events.factories import AgendaItemFactory, DayFactory, EventFactory, UserFactory


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A registration, approved unless told otherwise; an approved one holds the event role participant,
    as approving grants it (sessions_app keeps the two in step)."""

    class Meta:
        model = sm.Registration
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    full_name = factory.Sequence(lambda n: f"Participant {n}")
    organisation = "Fundación Paniamor"
    country = "CR"
    sector = sm.Sector.CIVIL_SOCIETY
    preferred_language = "en"
    status = sm.Registration.Status.APPROVED

    @factory.post_generation
    def participant_role(obj, create, extracted, **kwargs):
        if create and obj.status == sm.Registration.Status.APPROVED:
            from sessions_app.services.registration import sync_participant_role

            sync_participant_role(registration=obj)


def make_session(event, *, tables=4, rotations=3, seats=5, title="Thematic tables"):
    """A table session on a 14:00-17:00 block of the event's second day, with one rotation item per
    hour and `tables` tables of `seats` seats in every rotation."""
    day = DayFactory(event=event, date=event.start_date + datetime.timedelta(days=1))
    block = AgendaItemFactory(
        day=day,
        start=datetime.time(14),
        end=datetime.time(14 + rotations),
        kind=ItemKind.THEMATIC_TABLES,
        title="Group debate: distilling challenges by areas",
        room="Sabana 1",
    )
    for n in range(rotations):
        AgendaItemFactory(
            day=day,
            parent=block,
            start=datetime.time(14 + n),
            end=datetime.time(15 + n),
            kind=ItemKind.ROTATION,
            title=f"Rotation {n + 1}",
        )
    session = create_table_session(event=event, agenda_item=block, title=title)
    for n in range(1, tables + 1):
        table = sm.Table(
            session=session,
            number=n,
            title_en=f"Topic {n}",
            title_es=f"Tema {n}",
            guiding_questions_en=f"Question A{n}?\nQuestion B{n}?",
            guiding_questions_es=f"¿Pregunta A{n}?\n¿Pregunta B{n}?",
            room=f"Room {n}",
        )
        save_table(table=table, seats={r.pk: seats for r in session.rotations.all()})
    return session


def seat(registration, rotation, table, source=sm.Assignment.Source.SOLVER):
    return sm.Assignment.objects.create(
        registration=registration, rotation=rotation, table=table, source=source
    )


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sm.Material

    title = factory.Sequence(lambda n: f"Background note {n}")
    url = "https://example.org/note.pdf"


# --- Plain factories of table sessions, rotations, tables and breakout groups (moved here from
# tests/reports/factories.py; make_session above builds a whole session through the services).


class TableSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sm.TableSession

    event = factory.SubFactory("tests.events.factories.EventFactory")
    agenda_item = factory.LazyAttribute(
        lambda o: AgendaItemFactory(
            day=DayFactory(event=o.event, date=o.event.start_date + datetime.timedelta(days=1)),
            start=datetime.time(14, 0),
            end=datetime.time(17, 0),
            kind=ItemKind.THEMATIC_TABLES,
            title="Group debate: distilling challenges by areas",
        )
    )
    title = "Thematic tables"


class RotationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sm.Rotation

    session = factory.SubFactory(TableSessionFactory)
    number = factory.Sequence(lambda n: n + 1)


class TableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sm.Table

    session = factory.SubFactory(TableSessionFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Table topic {n}")
    guiding_questions = "What are the trends?\nWhat must change?"


class BreakoutGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sm.BreakoutGroup

    agenda_item = factory.SubFactory(AgendaItemFactory, kind=ItemKind.GROUP_WORK)
    name = factory.Sequence(lambda n: f"Sub-region {n}")
    countries = factory.LazyFunction(lambda: ["CR", "PA"])
