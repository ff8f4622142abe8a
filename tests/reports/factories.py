"""Factories for the harvest: table sessions, tables, records and findings."""

import datetime

import factory

from events import models as em
from reports import models as rm
from sessions_app import models as sm
from tests.factories import AgendaItemFactory, DayFactory, EventFactory


class TableSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sm.TableSession

    event = factory.SubFactory(EventFactory)
    agenda_item = factory.LazyAttribute(
        lambda o: AgendaItemFactory(
            day=DayFactory(event=o.event, date=o.event.start_date + datetime.timedelta(days=1)),
            start=datetime.time(14, 0),
            end=datetime.time(17, 0),
            kind=em.ItemKind.THEMATIC_TABLES,
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

    agenda_item = factory.SubFactory(AgendaItemFactory, kind=em.ItemKind.GROUP_WORK)
    name = factory.Sequence(lambda n: f"Sub-region {n}")
    countries = factory.LazyFunction(lambda: ["CR", "PA"])


class RecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = rm.ConsolidationRecord

    table = factory.SubFactory(TableFactory)
    rotation = factory.LazyAttribute(lambda o: RotationFactory(session=o.table.session))
    event = factory.LazyAttribute(lambda o: o.table.session.event)
    language = "en"


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = rm.Finding

    record = factory.SubFactory(RecordFactory)
    section = rm.FindingKind.TREND
    order = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Finding number {n}")


class ReportThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = rm.ReportTheme

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Theme {n}")
