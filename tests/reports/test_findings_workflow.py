"""The review workflow: draft → submitted → changes requested → submitted → accepted, and who may."""

import pytest
from django.urls import reverse

from events.models import Role
from reports import rules
from reports.errors import FindingsError
from reports.models import ConsolidationRecord, FindingsTemplate
from reports.services import findings as services
from tests.sessions_app.factories import BreakoutGroupFactory

pytestmark = pytest.mark.django_db
S = ConsolidationRecord.Status


def transition_url(record, action):
    return reverse(
        "reports:findings_transition",
        kwargs={"slug": record.event.slug, "record_pk": record.pk, "action": action},
    )


def test_full_workflow_through_pages(client, record, tables, make_user):
    rapporteur = make_user(record.event, Role.RAPPORTEUR)
    client.force_login(tables["facilitator"])
    client.post(transition_url(record, "submit"))
    record.refresh_from_db()
    assert record.status == S.SUBMITTED
    client.force_login(rapporteur)
    response = client.post(transition_url(record, "request_changes"), {"comment": "Add the countries."})
    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.status, record.review_comment) == (S.CHANGES_REQUESTED, "Add the countries.")
    client.force_login(tables["facilitator"])
    page = client.get(
        reverse("reports:findings_edit", kwargs={"slug": record.event.slug, "record_pk": record.pk})
    )
    assert page.status_code == 200
    assert "Add the countries." in page.content.decode()
    client.post(transition_url(record, "submit"))
    client.force_login(rapporteur)
    client.post(transition_url(record, "accept"))
    record.refresh_from_db()
    assert record.status == S.ACCEPTED
    assert list(record.versions.values_list("status", flat=True)) == [
        "accepted",
        "submitted",
        "changes_requested",
        "submitted",
    ]


def test_change_request_needs_a_comment(record, tables, make_user):
    rapporteur = make_user(record.event, Role.RAPPORTEUR)
    services.transition_record(record=record, user=tables["facilitator"], name="submit")
    with pytest.raises(FindingsError) as exc:
        services.transition_record(record=record, user=rapporteur, name="request_changes", comment="  ")
    assert exc.value.messages == ["Say what should change: the comment is required."]
    record.refresh_from_db()
    assert record.status == S.SUBMITTED


@pytest.mark.parametrize(
    "who, status_code",
    [("other_facilitator", 404), ("participant", 404), ("rapporteur_submits", 403)],
)
def test_only_own_facilitator_submits(client, record, tables, make_user, who, status_code):
    """The view refuses (services do not check permissions): the others do not see the record or may
    not make a writer's move."""
    user = {
        "other_facilitator": tables["other_facilitator"],
        "participant": make_user(record.event, Role.PARTICIPANT),
        "rapporteur_submits": make_user(record.event, Role.RAPPORTEUR),
    }[who]
    assert rules.can_transition(user, record, "submit") is False
    client.force_login(user)
    assert client.post(transition_url(record, "submit")).status_code == status_code
    record.refresh_from_db()
    assert record.status == S.DRAFT


@pytest.mark.parametrize("name", ["accept", "request_changes"])
def test_facilitator_cannot_review_own_record(client, record, tables, name):
    services.transition_record(record=record, user=tables["facilitator"], name="submit")
    assert rules.can_transition(tables["facilitator"], record, name) is False
    client.force_login(tables["facilitator"])
    assert client.post(transition_url(record, name), {"comment": "c"}).status_code == 403
    record.refresh_from_db()
    assert record.status == S.SUBMITTED


def test_draft_cannot_be_accepted(record, make_user):
    rapporteur = make_user(record.event, Role.RAPPORTEUR)
    with pytest.raises(FindingsError) as exc:
        services.transition_record(record=record, user=rapporteur, name="accept")
    assert exc.value.messages == ["A record that is “Draft” cannot be changed this way."]


def test_submitted_record_is_not_editable_by_facilitator(client, record, tables):
    services.transition_record(record=record, user=tables["facilitator"], name="submit")
    record.refresh_from_db()
    # the domain: the service refuses to change a submitted record, whoever asks
    with pytest.raises(FindingsError) as exc:
        services.save_record(
            record=record,
            user=tables["facilitator"],
            expected_version=record.version,
            language="en",
            notes="",
            findings=[],
        )
    assert exc.value.messages == ["A record that is “Submitted” cannot be changed this way."]
    # the permission: the edit page is closed to its facilitator
    client.force_login(tables["facilitator"])
    url = reverse("reports:findings_edit", kwargs={"slug": record.event.slug, "record_pk": record.pk})
    assert client.get(url).status_code == 403
    assert client.post(url, {"version": str(record.version)}).status_code == 403
    record.refresh_from_db()
    assert (record.status, record.version) == (S.SUBMITTED, 2)


def test_group_facilitator_starts_and_writes_group_part(client, event, make_user):
    group = BreakoutGroupFactory(agenda_item__day__event=event, parts=2)
    facilitator = make_user(event, Role.FACILITATOR)
    group.facilitators.add(facilitator)
    client.force_login(facilitator)
    response = client.post(
        reverse("reports:findings_start_group", kwargs={"slug": event.slug, "group_pk": group.pk, "part": 2})
    )
    record = ConsolidationRecord.objects.get(group=group, group_part=2)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "reports:findings_edit", kwargs={"slug": event.slug, "record_pk": record.pk}
    )
    assert record.label == f"{group.name} (group 2)"
    bad = client.post(
        reverse("reports:findings_start_group", kwargs={"slug": event.slug, "group_pk": group.pk, "part": 3})
    )
    assert bad.status_code == 302
    assert ConsolidationRecord.objects.count() == 1


def test_facilitator_list_offers_own_slots_only(client, tables):
    client.force_login(tables["facilitator"])
    response = client.get(reverse("reports:findings_list", kwargs={"slug": tables["session"].event.slug}))
    assert [slot["label"] for slot in response.context["to_start"]] == [
        "Table 1 · Rotation 1",
        "Table 1 · Rotation 2",
    ]


def test_template_sections_page_saves_limits(client, tables, make_user):
    event = tables["session"].event
    client.force_login(make_user(event, Role.ORGANISER))
    url = reverse(
        "reports:findings_sections",
        kwargs={"slug": event.slug, "item_pk": tables["session"].agenda_item_id},
    )
    response = client.post(
        url,
        {
            "use_trend": "on",
            "limit_trend": "5",
            "use_recommendation": "on",
            "limit_recommendation": "8",
            "use_quote": "on",
        },
    )
    assert response.status_code == 302
    template = FindingsTemplate.objects.get(agenda_item=tables["session"].agenda_item)
    assert template.sections == {"trend": 5, "recommendation": 8, "quote": None}
    empty = client.post(url, {})
    assert empty.status_code == 400
    assert "Choose at least one section." in empty.content.decode()


def test_one_template_per_agenda_item_for_every_kind_of_record(client, tables, make_user):
    """Table, group and recap records all read their sections from the FindingsTemplate of their agenda
    item (a table session's records from its block's); the sections page writes that one model."""
    from events.models import ItemKind
    from reports.selectors.findings import sections_for
    from tests.events.factories import AgendaItemFactory

    event = tables["session"].event
    group = BreakoutGroupFactory(agenda_item__day__event=event, parts=1)
    recap = AgendaItemFactory(day=group.agenda_item.day, kind=ItemKind.PLENARY)
    facilitator = tables["facilitator"]
    table_record = services.start_table_record(
        user=facilitator, table=tables["own"], rotation=tables["rotations"][0]
    )
    group_record = services.start_group_record(user=facilitator, group=group, part=1)
    recap_record = services.start_item_record(user=facilitator, agenda_item=recap)
    client.force_login(make_user(event, Role.ORGANISER))
    for item, limit in [(tables["session"].agenda_item, 1), (group.agenda_item, 2), (recap, 3)]:
        url = reverse("reports:findings_sections", kwargs={"slug": event.slug, "item_pk": item.pk})
        assert client.post(url, {"use_trend": "on", "limit_trend": str(limit)}).status_code == 302
    assert FindingsTemplate.objects.count() == 3
    assert [sections_for(r) for r in (table_record, group_record, recap_record)] == [
        {"trend": 1},
        {"trend": 2},
        {"trend": 3},
    ]


def test_plenary_recap_record_by_the_items_facilitator(client, event, make_user):
    from events.models import ItemKind, ItemPerson
    from tests.events.factories import AgendaItemFactory, PersonFactory

    item = AgendaItemFactory(
        day__event=event,
        kind=ItemKind.PLENARY,
        title="Plenary recap: technology",
        description="How good are we doing?\nWhat next?",
    )
    facilitator = make_user(event, Role.FACILITATOR)
    ItemPerson.objects.create(
        item=item, person=PersonFactory(event=event, user=facilitator), role="facilitator"
    )
    client.force_login(make_user(event, Role.FACILITATOR))
    url = reverse("reports:findings_start_item", kwargs={"slug": event.slug, "item_pk": item.pk})
    assert client.post(url).status_code == 403
    client.force_login(facilitator)
    response = client.post(url)
    record = ConsolidationRecord.objects.get(agenda_item=item)
    assert response.status_code == 302
    assert record.label == "Recap: Plenary recap: technology"
    page = client.get(
        reverse("reports:findings_edit", kwargs={"slug": event.slug, "record_pk": record.pk})
    ).content.decode()
    assert "What next?" in page


@pytest.mark.parametrize("count", [2, 12])
def test_record_list_query_count_is_constant(
    client, event, tables, make_user, count, django_assert_num_queries
):
    from tests.sessions_app.factories import TableFactory

    from .factories import RecordFactory

    for n in range(count):
        RecordFactory(
            table=TableFactory(session=tables["session"], number=10 + n),
            rotation=tables["rotations"][0],
            status=S.ACCEPTED,
        )
    client.force_login(make_user(event, Role.RAPPORTEUR))
    url = reverse("reports:findings_list", kwargs={"slug": event.slug})
    client.get(url)
    with django_assert_num_queries(9):  # roles from EventRole alone: no registration query
        response = client.get(url)
    assert len(response.context["records"]) == count


def test_start_pages_refuse_who_does_not_facilitate_and_create_nothing(client, event, tables, make_user):
    from events.models import ItemKind
    from tests.events.factories import AgendaItemFactory

    group = BreakoutGroupFactory(agenda_item__day__event=event, parts=1)
    item = AgendaItemFactory(day=group.agenda_item.day, kind=ItemKind.PLENARY)
    client.force_login(tables["other_facilitator"])
    urls = [
        reverse(
            "reports:findings_start_table",
            kwargs={
                "slug": event.slug,
                "table_pk": tables["own"].pk,
                "rotation": tables["rotations"][0].number,
            },
        ),
        reverse("reports:findings_start_group", kwargs={"slug": event.slug, "group_pk": group.pk, "part": 1}),
        reverse("reports:findings_start_item", kwargs={"slug": event.slug, "item_pk": item.pk}),
    ]
    assert [client.post(url).status_code for url in urls] == [403, 403, 403]
    assert ConsolidationRecord.objects.count() == 0
