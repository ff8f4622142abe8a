"""The migration that separates who may attend a day from who may read its programme keeps what each
reader could see: attendance starts as the old audience, the programme keeps its audience."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("events", "0002_content_version_and_jobs")]
AFTER = [("events", "0003_programme_audiences_tracks_speakers")]


@pytest.mark.django_db(transaction=True)
def test_existing_days_keep_their_readers_and_attend_as_before():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Event, Day = apps.get_model("events", "Event"), apps.get_model("events", "Day")
    event = Event.objects.create(
        title="Old", slug="old", start_date=datetime.date(2024, 6, 3), end_date=datetime.date(2024, 6, 7)
    )
    for offset, audience in enumerate(["public", "participants", "members"]):
        Day.objects.create(
            event=event, date=event.start_date + datetime.timedelta(days=offset), audience=audience
        )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    Day = executor.loader.project_state(AFTER).apps.get_model("events", "Day")
    assert list(Day.objects.order_by("date").values_list("audience", "attendance", "outline_public")) == [
        ("public", "public", False),
        ("participants", "participants", False),
        ("members", "members", False),
    ]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
