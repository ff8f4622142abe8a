"""Collation search on whole words and their forms, paginated."""

import pytest
from django.urls import reverse

from events.models import Role
from reports.models import ConsolidationRecord
from reports.views.collation import PAGE_SIZE
from tests.reports.factories import FindingFactory, RecordFactory

pytestmark = pytest.mark.django_db
S = ConsolidationRecord.Status


@pytest.fixture
def search(client, event, make_user):
    client.force_login(make_user(event, Role.RAPPORTEUR))
    url = reverse("reports:collation_search", kwargs={"slug": event.slug})

    def found(**params):
        return sorted(f.text for f in client.get(url, params).context["findings"])

    return found


def _finding(tables, text, language="en", rotation=0):
    record = RecordFactory(
        table=tables["own"], rotation=tables["rotations"][rotation], status=S.SUBMITTED, language=language
    )
    return FindingFactory(record=record, text=text, section="trend")


def test_a_short_word_matches_only_as_a_whole_word(search, tables):
    _finding(tables, "AI tools detect grooming")
    _finding(tables, "Laws against exploitation", rotation=1)
    FindingFactory(
        record=ConsolidationRecord.objects.get(rotation=tables["rotations"][1]), text="Training of staff"
    )

    assert search(q="AI") == ["AI tools detect grooming"]


def test_a_word_finds_its_plural(search, tables):
    _finding(tables, "Online platforms and their policies")
    _finding(tables, "A platform for reporting", rotation=1)

    assert search(q="platform") == ["A platform for reporting", "Online platforms and their policies"]


def test_every_word_must_be_there(search, tables):
    _finding(tables, "Organised crime and migration")
    _finding(tables, "Organised tourism", rotation=1)

    assert search(q="organised crime") == ["Organised crime and migration"]


def test_spanish_word_forms_on_postgresql(postgres_only, search, tables):
    _finding(tables, "Las explotaciones sexuales en línea crecen", language="es")
    _finding(tables, "Exploitation online grows", rotation=1)

    assert search(q="explotación") == ["Las explotaciones sexuales en línea crecen"]
    assert search(q="exploited") == ["Exploitation online grows"]


def test_results_are_paginated(client, event, make_user, tables):
    record = RecordFactory(table=tables["own"], rotation=tables["rotations"][0], status=S.SUBMITTED)
    for n in range(PAGE_SIZE + 3):
        FindingFactory(record=record, text=f"Trend {n}", section="trend", order=n)
    client.force_login(make_user(event, Role.RAPPORTEUR))
    url = reverse("reports:collation_search", kwargs={"slug": event.slug})

    first = client.get(url)
    second = client.get(url, {"page": "2"})

    assert len(first.context["findings"]) == PAGE_SIZE
    assert len(second.context["findings"]) == 3
    assert f"{PAGE_SIZE + 3} findings" in first.content.decode()
