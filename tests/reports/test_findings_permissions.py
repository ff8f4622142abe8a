"""The permission matrix: every URL of the findings area × every role."""

import pytest
from django.urls import reverse

from events.models import ItemKind, ItemPerson
from reports.models import CollatedFinding, EvaluationQuestion
from reports.selectors.findings import record_list
from reports.services import evaluation as services_evaluation
from reports.services import findings as services_findings
from tests.events.factories import AgendaItemFactory, PersonFactory
from tests.reports.factories import FindingFactory, ReportThemeFactory
from tests.sessions_app.factories import BreakoutGroupFactory

from .conftest import ROLES

pytestmark = pytest.mark.django_db

#            anon participant member facil other_facil rapporteur other_org organiser
MATRIX = {
    # Participants' pages
    "takeaways": (302, 200, 200, 200, 200, 200, 403, 200),
    "findings_takeaway_write": (302, 403, 403, 403, 403, 403, 403, 403),
    "evaluation_answer": (302, 200, 200, 403, 403, 403, 403, 403),
    "feedback": (302, 200, 200, 403, 403, 403, 403, 403),
    "feedback_give": (302, 200, 200, 403, 403, 403, 403, 403),
    # The back office (who may not see a record but holds a role in the event gets 404)
    "findings_list": (302, 403, 403, 200, 200, 200, 403, 200),
    "findings_detail": (302, 404, 404, 200, 404, 200, 403, 200),
    "findings_edit": (302, 404, 404, 200, 404, 403, 403, 403),
    "findings_history": (302, 404, 404, 200, 404, 200, 403, 200),
    "findings_version": (302, 404, 404, 200, 404, 200, 403, 200),
    "findings_restore": (302, 404, 404, 302, 404, 403, 403, 403),
    "findings_transition": (302, 404, 404, 302, 404, 403, 403, 403),
    "findings_start_table": (302, 403, 403, 302, 403, 403, 403, 403),
    "findings_start_group": (302, 403, 403, 302, 403, 403, 403, 403),
    "findings_start_item": (302, 403, 403, 302, 403, 403, 403, 403),
    "findings_template": (302, 403, 403, 403, 403, 403, 403, 200),
    "findings_sections": (302, 403, 403, 403, 403, 403, 403, 200),
    "findings_takeaways": (302, 403, 403, 200, 200, 200, 403, 200),
    "findings_takeaway_authors": (302, 403, 403, 403, 403, 403, 403, 200),
    "collation_search": (302, 403, 403, 403, 403, 200, 403, 200),
    "collation_collect": (302, 403, 403, 403, 403, 302, 403, 302),
    "collation_themes": (302, 403, 403, 403, 403, 200, 403, 200),
    "collation_theme_new": (302, 403, 403, 403, 403, 200, 403, 200),
    "collation_theme": (302, 403, 403, 403, 403, 200, 403, 200),
    "collation_theme_edit": (302, 403, 403, 403, 403, 200, 403, 200),
    "collation_merge": (302, 403, 403, 403, 403, 302, 403, 302),
    "collation_item": (302, 403, 403, 403, 403, 200, 403, 200),
    "collation_write": (302, 403, 403, 403, 403, 200, 403, 200),
    "collation_glance": (302, 403, 403, 403, 403, 200, 403, 200),
    "evaluation_manage": (302, 403, 403, 403, 403, 403, 403, 200),
    "evaluation_question_delete": (302, 403, 403, 403, 403, 403, 403, 302),
    "evaluation_results": (302, 403, 403, 403, 403, 403, 403, 200),
    "evaluation_csv": (302, 403, 403, 403, 403, 403, 403, 200),
    "feedback_results": (302, 403, 403, 403, 403, 403, 403, 200),
}
POST = {
    "findings_restore",
    "findings_transition",
    "findings_start_table",
    "findings_start_group",
    "findings_start_item",
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
    group = BreakoutGroupFactory(agenda_item__day=day, parts=1)
    group.facilitators.add(tables["facilitator"])
    recap = AgendaItemFactory(day=day, kind=ItemKind.PLENARY)
    ItemPerson.objects.create(
        item=recap, person=PersonFactory(event=event, user=tables["facilitator"]), role="facilitator"
    )
    slug = event.slug
    rotation = tables["rotations"][1]
    return {
        "takeaways": {},
        "findings_takeaway_write": {"day_pk": day.pk},
        "evaluation_answer": {},
        "findings_list": {},
        "findings_detail": {"record_pk": record.pk},
        "findings_edit": {"record_pk": record.pk},
        "findings_history": {"record_pk": record.pk},
        "findings_version": {"record_pk": record.pk, "version": 2},
        "findings_restore": {"record_pk": record.pk, "version": 2},
        "findings_transition": {"record_pk": record.pk, "action": "submit"},
        "findings_start_table": {"table_pk": tables["own"].pk, "rotation": rotation.number},
        "findings_start_group": {"group_pk": group.pk, "part": 1},
        "findings_start_item": {"item_pk": recap.pk},
        "findings_template": {},
        "findings_sections": {"item_pk": tables["session"].agenda_item_id},
        "findings_takeaways": {},
        "findings_takeaway_authors": {"day_pk": day.pk},
        "collation_search": {},
        "collation_collect": {},
        "collation_themes": {},
        "collation_theme_new": {},
        "collation_theme": {"theme_pk": theme.pk},
        "collation_theme_edit": {"theme_pk": theme.pk},
        "collation_merge": {"theme_pk": theme.pk},
        "collation_write": {"theme_pk": theme.pk},
        "collation_item": {"collated_pk": item.pk},
        "collation_glance": {},
        "evaluation_manage": {},
        "evaluation_question_delete": {"question_pk": question.pk},
        "evaluation_results": {},
        "evaluation_csv": {},
        "feedback": {},
        "feedback_give": {"item_pk": recap.pk},
        "feedback_results": {},
    } | {"_slug": slug}


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(login, urls, name, role):
    kwargs = {"slug": urls["_slug"], **urls[name]}
    url = reverse(f"reports:{name}", kwargs=kwargs)
    client = login(role)
    response = client.post(url) if name in POST else client.get(url)
    assert response.status_code == MATRIX[name][ROLES.index(role)]


def test_every_url_is_in_a_matrix():
    """Every URL of the app is in this matrix, or in the outcome report's (test_report_views.py)."""
    from reports import urls

    names = {p.name for p in urls.urlpatterns}
    assert {name for name in names if not name.startswith("report_")} == set(MATRIX)


def test_another_events_record_is_404(client, record, tables, make_user):
    from events.models import Role
    from tests.events.factories import EventFactory

    other_event = EventFactory()
    organiser = make_user(other_event, Role.RAPPORTEUR)
    client.force_login(organiser)
    url = reverse("reports:findings_detail", kwargs={"slug": other_event.slug, "record_pk": record.pk})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("role", ["participant", "member"])
def test_participant_never_sees_a_record_even_accepted(client, record, tables, make_user, role):
    """Records reach participants and members only through the report, where consent to attribution
    applies (docs/findings.md said they saw accepted records: the code is right, the doc was wrong)."""
    FindingFactory(record=record, text="Said at table one")
    participant = make_user(record.event, role)
    client.force_login(participant)
    url = reverse("reports:findings_detail", kwargs={"slug": record.event.slug, "record_pk": record.pk})
    listing = reverse("reports:findings_list", kwargs={"slug": record.event.slug})
    assert client.get(url).status_code == 404
    assert client.get(listing).status_code == 403  # the records list is a back-office page
    assert record_list(user=participant, event=record.event, every=False) == []
    record.status = record.Status.ACCEPTED
    record.save()
    assert client.get(url).status_code == 404
    assert client.get(listing).status_code == 403
    assert record_list(user=participant, event=record.event, every=False) == []


def test_other_facilitator_cannot_see_or_edit_accepted_record_of_another_table(client, record, tables):
    record.status = record.Status.ACCEPTED
    record.save()
    client.force_login(tables["other_facilitator"])
    slug = record.event.slug
    detail = reverse("reports:findings_detail", kwargs={"slug": slug, "record_pk": record.pk})
    assert client.get(detail).status_code == 404
    url = reverse("reports:findings_edit", kwargs={"slug": slug, "record_pk": record.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, {"version": "1"}).status_code == 404


# Pages (GET) somebody opens in the `urls` fixture; the CSV is a download, the takeaway form is tested with
# a chosen author in test_findings_takeaways.py.
PAGES = sorted(set(MATRIX) - POST - {"evaluation_csv", "findings_takeaway_write"})


@pytest.mark.parametrize("name", PAGES)
def test_back_office_pages_in_the_shell_participants_pages_outside(login, urls, name):
    """Every back-office page shows the one menu with its own entry marked; participants' pages show the
    event's header and no back office."""
    kwargs = {"slug": urls["_slug"], **urls[name]}
    url = reverse(f"reports:{name}", kwargs=kwargs)
    role = next(role for role in ROLES if MATRIX[name][ROLES.index(role)] == 200)
    page = login(role).get(url).content.decode()
    assert 'class="event-band"' in page
    assert "findings-nav" not in page and 'class="subnav"' not in page
    if "/manage/" in url:
        assert 'class="manage-menu"' in page
        assert 'class="manage-pages"' in page and 'aria-current="page"' in page.split("manage-pages")[1]
    else:
        assert 'class="manage-menu"' not in page


def test_every_page_belongs_to_one_menu_entry_or_event_link():
    """The AppConfig's `current=` lists name every page of each entry, once."""
    from reports import urls
    from reports.apps import ReportsConfig

    def claimed(entries):
        return sorted(name for e in entries for name in (e.url_name.split(":")[1], *e.current))

    back_office = sorted(p.name for p in urls.urlpatterns if str(p.pattern).startswith("manage/"))
    participants = sorted(p.name for p in urls.urlpatterns if not str(p.pattern).startswith("manage/"))
    assert claimed(ReportsConfig.manage_menu) == back_office
    assert claimed(ReportsConfig.event_links) == sorted(participants)


def test_templates_ask_no_roles():
    """Templates get booleans from the views (`has_perm`), never roles to test."""
    from pathlib import Path

    import reports

    folder = Path(reports.__file__).parent / "templates"
    offenders = [p.name for p in folder.rglob("*.html") if "event_roles" in p.read_text()]
    assert offenders == []
