"""The list pages make a constant number of queries, whatever their size (two sizes, one count)."""

import datetime

import pytest
from django.urls import reverse

from events.models import Role
from reports.models import CollatedFinding, EvaluationQuestion, TakeawayAuthor
from reports.services import evaluation as services_evaluation
from reports.services import findings as services_findings
from tests.events.factories import DayFactory
from tests.reports.factories import ReportThemeFactory

pytestmark = pytest.mark.django_db

SIZES = [1, 3]  # the same count at both sizes; roles come from EventRole alone (one query)


def count_queries(client, url, django_assert_num_queries, expected):
    client.get(url)  # warm caches (sessions, content types)
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response


def make_takeaway_days(event, count, author, reader):
    for n in range(count):
        day = DayFactory(event=event, date=event.start_date + datetime.timedelta(days=n))
        TakeawayAuthor.objects.create(day=day, user=author)
        TakeawayAuthor.objects.create(day=day, user=reader)
        services_findings.save_takeaway(day=day, user=author, text=f"Takeaway {n}", language="en")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "name, reader_role, queries, read",
    [
        ("findings_takeaways", Role.RAPPORTEUR, 8, 1),  # a reviewer reads every takeaway
        ("takeaways", Role.PARTICIPANT, 8, 0),  # an author reads their own only
    ],
)
def test_takeaways_pages(
    client, event, make_user, size, name, reader_role, queries, read, django_assert_num_queries
):
    author = make_user(event, Role.PARTICIPANT)
    reader = make_user(event, reader_role)
    make_takeaway_days(event, size, author, reader)
    client.force_login(reader)
    url = reverse(f"reports:{name}", kwargs={"slug": event.slug})
    response = count_queries(client, url, django_assert_num_queries, queries)
    rows = response.context["rows"]
    assert len(rows) == size
    assert all(row["mine"] and len(row["takeaways"]) == read for row in rows)


@pytest.mark.parametrize("size", SIZES)
def test_evaluation_results_page(client, event, make_user, size, django_assert_num_queries):
    evaluation = services_evaluation.get_or_create_evaluation(event=event)
    evaluation.is_open = True
    evaluation.save()
    questions = [
        EvaluationQuestion.objects.create(evaluation=evaluation, text=f"Question {n}", order=n)
        for n in range(size)
    ] + [EvaluationQuestion.objects.create(evaluation=evaluation, kind="text", text="Comments", order=99)]
    for n in range(size):
        services_evaluation.submit_answers(
            evaluation=evaluation,
            user=make_user(event, Role.PARTICIPANT),
            answers={**{q.pk: 4 for q in questions[:-1]}, questions[-1].pk: f"Comment {n}"},
        )
    client.force_login(make_user(event, Role.ORGANISER))
    url = reverse("reports:evaluation_results", kwargs={"slug": event.slug})
    response = count_queries(client, url, django_assert_num_queries, 9)
    assert response.context["summary"]["responses"] == size


@pytest.mark.parametrize("size", SIZES)
def test_collation_themes_page(client, event, make_user, size, django_assert_num_queries):
    for _n in range(size):
        theme = ReportThemeFactory(event=event)
        CollatedFinding.objects.create(event=event, theme=theme, kind="trend", text="x", at_a_glance=True)
    client.force_login(make_user(event, Role.RAPPORTEUR))
    url = reverse("reports:collation_themes", kwargs={"slug": event.slug})
    response = count_queries(client, url, django_assert_num_queries, 6)
    assert len(response.context["themes"]) == size


@pytest.mark.parametrize("size", SIZES)
def test_at_a_glance_page(client, event, make_user, size, django_assert_num_queries):
    theme = ReportThemeFactory(event=event)
    for n in range(size):
        CollatedFinding.objects.create(
            event=event, theme=theme, kind="trend", text=f"Chosen {n}", at_a_glance=True, glance_order=n
        )
        CollatedFinding.objects.create(event=event, theme=theme, kind="trend", text=f"Candidate {n}")
    client.force_login(make_user(event, Role.RAPPORTEUR))
    url = reverse("reports:collation_glance", kwargs={"slug": event.slug})
    response = count_queries(client, url, django_assert_num_queries, 6)
    assert len(response.context["chosen"]) == size
    assert len(response.context["candidates"]) == size
