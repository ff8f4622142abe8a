"""What the database guarantees about consolidation records: each has exactly one target (a table in a
rotation, a part of a breakout group or the agenda item of a plenary recap), and each target one record,
also when a facilitator double-clicks "start"."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from events.models import ItemKind, ItemPerson
from reports.models import ConsolidationRecord
from reports.services import findings as services
from tests.events.factories import AgendaItemFactory, PersonFactory
from tests.sessions_app.factories import BreakoutGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def targets(event, tables, make_user):
    """One target of each kind in `event`, each with a facilitator (the table's is tables["facilitator"])."""
    group = BreakoutGroupFactory(agenda_item__day__event=event, parts=2)
    group.facilitators.add(tables["facilitator"])
    item = AgendaItemFactory(day=group.agenda_item.day, kind=ItemKind.PLENARY, title="Plenary recap")
    ItemPerson.objects.create(
        item=item, person=PersonFactory(event=event, user=tables["facilitator"]), role="facilitator"
    )
    return {
        "table": {"table": tables["own"], "rotation": tables["rotations"][0]},
        "group": {"group": group, "group_part": 1},
        "item": {"agenda_item": item},
    }


def _create(event, **target):
    with transaction.atomic():
        return ConsolidationRecord.objects.create(event=event, language="en", **target)


@pytest.mark.parametrize(
    "kinds",
    [(), ("table", "group"), ("table", "item"), ("group", "item"), ("table", "group", "item")],
    ids=["none", "table+group", "table+item", "group+item", "all three"],
)
def test_record_with_no_target_or_several_targets_is_refused(event, targets, kinds):
    fields = {name: value for kind in kinds for name, value in targets[kind].items()}
    with pytest.raises(IntegrityError):
        _create(event, **fields)
    assert ConsolidationRecord.objects.count() == 0


@pytest.mark.parametrize(
    "fields",
    [{"table": "own"}, {"rotation": 0}, {"group_part": 1}],
    ids=["table without rotation", "rotation without table", "group part without group"],
)
def test_record_with_half_a_target_is_refused(event, tables, fields):
    values = {
        "table": tables["own"],
        "rotation": tables["rotations"][0],
        "group_part": 1,
    }
    with pytest.raises(IntegrityError):
        _create(event, **{name: values[name] for name in fields})


@pytest.mark.parametrize("kind", ["table", "group", "item"])
def test_record_with_exactly_one_target_is_saved(event, targets, kind):
    record = _create(event, **targets[kind])
    assert record.kind == kind


@pytest.mark.parametrize("kind", ["table", "group", "item"])
def test_second_record_for_the_same_target_is_refused(event, targets, kind):
    _create(event, **targets[kind])
    with pytest.raises(IntegrityError):
        _create(event, **targets[kind])
    assert ConsolidationRecord.objects.count() == 1


def _start(kind, user, target):
    if kind == "table":
        return services.start_table_record(user=user, table=target["table"], rotation=target["rotation"])
    if kind == "group":
        return services.start_group_record(user=user, group=target["group"], part=target["group_part"])
    return services.start_item_record(user=user, agenda_item=target["agenda_item"])


@pytest.mark.parametrize("kind", ["table", "group", "item"])
def test_starting_a_record_twice_gives_one_record(tables, targets, kind):
    first = _start(kind, tables["facilitator"], targets[kind])
    second = _start(kind, tables["facilitator"], targets[kind])
    assert first.pk == second.pk
    assert ConsolidationRecord.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", ["table", "group", "item"])
def test_double_click_on_start_makes_one_record(postgres_only, tables, targets, kind):
    """Four requests start the same record at the same moment: one record, and every request gets it."""
    user = tables["facilitator"]
    barrier = threading.Barrier(4)
    results, errors = [], []

    def start():
        try:
            barrier.wait()
            results.append(_start(kind, user, targets[kind]).pk)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert ConsolidationRecord.objects.count() == 1
    assert results == [ConsolidationRecord.objects.get().pk] * 4


def test_the_start_page_twice_opens_the_same_recap(client, event, targets, tables):
    client.force_login(tables["facilitator"])
    item = targets["item"]["agenda_item"]
    url = reverse("reports:findings_start_item", kwargs={"slug": event.slug, "item_pk": item.pk})
    first, second = client.post(url), client.post(url)
    assert first["Location"] == second["Location"]
    assert ConsolidationRecord.objects.filter(agenda_item=item).count() == 1
