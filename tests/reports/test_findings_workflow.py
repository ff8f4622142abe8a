"""The review workflow: draft → submitted → changes requested → submitted → accepted, and who may."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from events.models import Role
from reports import services_findings as services
from reports.models import ConsolidationRecord

from .factories import BreakoutGroupFactory

pytestmark = pytest.mark.django_db
S = ConsolidationRecord.Status


def transition_url(record, action):
    return reverse(
        "reports:findings_transition", kwargs={"slug": record.event.slug, "pk": record.pk, "action": action}
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
    page = client.get(reverse("reports:findings_edit", kwargs={"slug": record.event.slug, "pk": record.pk}))
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
    with pytest.raises(ValidationError) as exc:
        services.transition_record(record=record, user=rapporteur, name="request_changes", comment="  ")
    assert exc.value.messages == ["Say what should change: the comment is required."]
    record.refresh_from_db()
    assert record.status == S.SUBMITTED


@pytest.mark.parametrize("who", ["other_facilitator", "participant", "rapporteur_submits"])
def test_only_own_facilitator_submits(record, tables, make_user, who):
    user = {
        "other_facilitator": tables["other_facilitator"],
        "participant": make_user(record.event, Role.PARTICIPANT),
        "rapporteur_submits": make_user(record.event, Role.RAPPORTEUR),
    }[who]
    with pytest.raises(PermissionDenied):
        services.transition_record(record=record, user=user, name="submit")
    record.refresh_from_db()
    assert record.status == S.DRAFT


@pytest.mark.parametrize("name", ["accept", "request_changes"])
def test_facilitator_cannot_review_own_record(record, tables, name):
    services.transition_record(record=record, user=tables["facilitator"], name="submit")
    with pytest.raises(PermissionDenied):
        services.transition_record(record=record, user=tables["facilitator"], name=name, comment="c")


def test_draft_cannot_be_accepted(record, make_user):
    rapporteur = make_user(record.event, Role.RAPPORTEUR)
    with pytest.raises(ValidationError) as exc:
        services.transition_record(record=record, user=rapporteur, name="accept")
    assert exc.value.messages == ["A record that is “Draft” cannot be changed this way."]


def test_submitted_record_is_not_editable_by_facilitator(record, tables):
    services.transition_record(record=record, user=tables["facilitator"], name="submit")
    record.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.save_record(
            record=record,
            user=tables["facilitator"],
            expected_version=record.version,
            language="en",
            notes="",
            findings=[],
        )


def test_group_facilitator_starts_and_writes_group_part(client, event, make_user):
    group = BreakoutGroupFactory(agenda_item__day__event=event, parts=2)
    facilitator = make_user(event, Role.FACILITATOR)
    group.facilitators.add(facilitator)
    client.force_login(facilitator)
    response = client.post(
        reverse("reports:findings_start_group", kwargs={"slug": event.slug, "group": group.pk, "part": 2})
    )
    record = ConsolidationRecord.objects.get(group=group, group_part=2)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "reports:findings_edit", kwargs={"slug": event.slug, "pk": record.pk}
    )
    assert record.label == f"{group.name} (group 2)"
    bad = client.post(
        reverse("reports:findings_start_group", kwargs={"slug": event.slug, "group": group.pk, "part": 3})
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
        "reports:findings_sections_session", kwargs={"slug": event.slug, "session": tables["session"].pk}
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
    tables["session"].refresh_from_db()
    assert tables["session"].sections == {"trend": 5, "recommendation": 8, "quote": None}
    empty = client.post(url, {})
    assert empty.status_code == 400
    assert "Choose at least one section." in empty.content.decode()


def test_plenary_recap_record_by_the_items_facilitator(client, event, make_user):
    from events.models import ItemKind, ItemPerson
    from tests.factories import AgendaItemFactory, PersonFactory

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
    url = reverse("reports:findings_start_item", kwargs={"slug": event.slug, "item": item.pk})
    assert client.post(url).status_code == 403
    client.force_login(facilitator)
    response = client.post(url)
    record = ConsolidationRecord.objects.get(agenda_item=item)
    assert response.status_code == 302
    assert record.label == "Recap: Plenary recap: technology"
    page = client.get(
        reverse("reports:findings_edit", kwargs={"slug": event.slug, "pk": record.pk})
    ).content.decode()
    assert "What next?" in page


@pytest.mark.parametrize("count", [2, 12])
def test_record_list_query_count_is_constant(
    client, event, tables, make_user, count, django_assert_num_queries
):
    from .factories import RecordFactory, TableFactory

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
