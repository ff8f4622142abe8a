"""The permission matrix: every URL of the findings area × every role."""

import pytest
from django.urls import reverse

from reports.models import CollatedFinding, EvaluationQuestion
from reports.services import evaluation as services_evaluation
from reports.services import findings as services_findings

from .conftest import ROLES
from .factories import FindingFactory, ReportThemeFactory

pytestmark = pytest.mark.django_db

#            anon participant member facil other_facil rapporteur other_org organiser
MATRIX = {
    "findings_list": (302, 200, 200, 200, 200, 200, 403, 200),
    "findings_detail": (302, 404, 404, 200, 404, 200, 403, 200),
    "findings_edit": (302, 404, 404, 200, 404, 403, 403, 403),
    "findings_history": (302, 404, 404, 200, 404, 200, 403, 200),
    "findings_version": (302, 404, 404, 200, 404, 200, 403, 200),
    "findings_restore": (302, 404, 404, 302, 404, 403, 403, 403),
    "findings_transition": (302, 404, 404, 302, 404, 403, 403, 403),
    "findings_start_table": (302, 403, 403, 302, 403, 403, 403, 403),
    "findings_template": (302, 403, 403, 403, 403, 403, 403, 200),
    "findings_sections_session": (302, 403, 403, 403, 403, 403, 403, 200),
    "findings_takeaways": (302, 200, 200, 200, 200, 200, 403, 200),
    "findings_takeaway_authors": (302, 403, 403, 403, 403, 403, 403, 200),
    "findings_takeaway_write": (302, 403, 403, 403, 403, 403, 403, 403),
    "collation_search": (302, 403, 403, 403, 403, 200, 403, 200),
    "collation_collect": (302, 403, 403, 403, 403, 302, 403, 302),
    "collation_themes": (302, 403, 403, 403, 403, 200, 403, 200),
    "collation_theme_new": (302, 403, 403, 403, 403, 200, 403, 200),
    "collation_theme": (302, 403, 403, 403, 403, 200, 403, 200),
    "collation_theme_edit": (302, 403, 403, 403, 403, 200, 403, 200),
    "collation_merge": (302, 403, 403, 403, 403, 302, 403, 302),
    "collation_item": (302, 403, 403, 403, 403, 200, 403, 200),
    "collation_glance": (302, 403, 403, 403, 403, 200, 403, 200),
    "evaluation_answer": (302, 200, 200, 403, 403, 403, 403, 403),
    "evaluation_manage": (302, 403, 403, 403, 403, 403, 403, 200),
    "evaluation_question_delete": (302, 403, 403, 403, 403, 403, 403, 302),
    "evaluation_results": (302, 403, 403, 403, 403, 403, 403, 200),
    "evaluation_csv": (302, 403, 403, 403, 403, 403, 403, 200),
}
POST = {
    "findings_restore",
    "findings_transition",
    "findings_start_table",
    "collation_collect",
    "collation_merge",
    "evaluation_question_delete",
}


@pytest.fixture
def urls(event, record, tables):
    services_findings.save_record(
        record=record,
        user=tables["facilitator"],
        expected_version=1,
        language="en",
        notes="",
        findings=[{"section": "trend", "text": "t"}],
    )
    theme = ReportThemeFactory(event=event)
    item = CollatedFinding.objects.create(event=event, theme=theme, kind="trend", text="x")
    evaluation = services_evaluation.get_or_create_evaluation(event=event)
    question = EvaluationQuestion.objects.create(evaluation=evaluation, text="How useful?")
    day = tables["session"].agenda_item.day
    slug = event.slug
    rotation = tables["rotations"][1]
    return {
        "findings_list": {},
        "findings_detail": {"pk": record.pk},
        "findings_edit": {"pk": record.pk},
        "findings_history": {"pk": record.pk},
        "findings_version": {"pk": record.pk, "version": 2},
        "findings_restore": {"pk": record.pk, "version": 2},
        "findings_transition": {"pk": record.pk, "action": "submit"},
        "findings_start_table": {"table": tables["own"].pk, "rotation": rotation.pk},
        "findings_template": {},
        "findings_sections_session": {"session": tables["session"].pk},
        "findings_takeaways": {},
        "findings_takeaway_authors": {"day": day.pk},
        "findings_takeaway_write": {"day": day.pk},
        "collation_search": {},
        "collation_collect": {},
        "collation_themes": {},
        "collation_theme_new": {},
        "collation_theme": {"theme": theme.pk},
        "collation_theme_edit": {"theme": theme.pk},
        "collation_merge": {"theme": theme.pk},
        "collation_item": {"pk": item.pk},
        "collation_glance": {},
        "evaluation_answer": {},
        "evaluation_manage": {},
        "evaluation_question_delete": {"pk": question.pk},
        "evaluation_results": {},
        "evaluation_csv": {},
    } | {"_slug": slug}


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(login, urls, name, role):
    kwargs = {"slug": urls["_slug"], **urls[name]}
    url = reverse(f"reports:{name}", kwargs=kwargs)
    client = login(role)
    response = client.post(url) if name in POST else client.get(url)
    assert response.status_code == MATRIX[name][ROLES.index(role)]


def test_every_findings_url_is_in_the_matrix():
    from reports import urls

    findings_area = {p.name for p in urls.urlpatterns if not p.name.startswith("report_")}
    assert findings_area - set(MATRIX) == {
        "findings_start_group",
        "findings_start_item",
        "findings_sections_item",
    }


def test_another_events_record_is_404(client, record, tables, make_user):
    from events.models import Role
    from tests.factories import EventFactory

    other_event = EventFactory()
    organiser = make_user(other_event, Role.RAPPORTEUR)
    client.force_login(organiser)
    url = reverse("reports:findings_detail", kwargs={"slug": other_event.slug, "pk": record.pk})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("role", ["participant", "member"])
def test_participant_never_sees_a_record_even_accepted(client, record, tables, make_user, role):
    """Records reach participants and members only through the report, where consent to attribution
    applies (docs/findings.md said they saw accepted records: the code is right, the doc was wrong)."""
    FindingFactory(record=record, text="Said at table one")
    participant = make_user(record.event, role)
    client.force_login(participant)
    url = reverse("reports:findings_detail", kwargs={"slug": record.event.slug, "pk": record.pk})
    listing = reverse("reports:findings_list", kwargs={"slug": record.event.slug})
    assert client.get(url).status_code == 404
    assert client.get(listing).context["records"] == []
    record.status = record.Status.ACCEPTED
    record.save()
    assert client.get(url).status_code == 404
    assert client.get(listing).context["records"] == []


def test_other_facilitator_cannot_see_or_edit_accepted_record_of_another_table(client, record, tables):
    record.status = record.Status.ACCEPTED
    record.save()
    client.force_login(tables["other_facilitator"])
    slug = record.event.slug
    detail = reverse("reports:findings_detail", kwargs={"slug": slug, "pk": record.pk})
    assert client.get(detail).status_code == 404
    url = reverse("reports:findings_edit", kwargs={"slug": slug, "pk": record.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, {"version": "1"}).status_code == 404
