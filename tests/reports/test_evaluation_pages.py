"""The evaluation: questions, answering once and anonymously, the summary and the CSV."""

import pytest
from django.db import models
from django.urls import reverse

from events.models import Role
from reports.models import EvaluationAnswer, EvaluationQuestion, EvaluationResponse, EvaluationSubmission
from reports.services import evaluation as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def evaluation(event):
    evaluation = services.get_or_create_evaluation(event=event)
    evaluation.is_open = True
    evaluation.save()
    EvaluationQuestion.objects.create(
        evaluation=evaluation, text="How useful was the workshop?", order=1, required=True
    )
    EvaluationQuestion.objects.create(evaluation=evaluation, kind="text", text="Comments", order=2)
    return evaluation


def answer(client, event, data):
    return client.post(reverse("reports:evaluation_answer", kwargs={"slug": event.slug}), data)


def test_participant_answers_once(client, event, evaluation, make_user):
    rating, comment = evaluation.questions.all()
    client.force_login(make_user(event, Role.PARTICIPANT))
    assert answer(client, event, {f"q{rating.pk}": "4", f"q{comment.pk}": "Great tables"}).status_code == 302
    again = answer(client, event, {f"q{rating.pk}": "1"})
    assert again.status_code == 400
    assert "You have answered the evaluation. Thank you!" in again.content.decode()
    assert EvaluationSubmission.objects.count() == 1
    assert list(EvaluationAnswer.objects.order_by("question__order").values_list("rating", "text")) == [
        (4, ""),
        (None, "Great tables"),
    ]


def test_required_and_range_checked(client, event, evaluation, make_user):
    rating, _comment = evaluation.questions.all()
    client.force_login(make_user(event, Role.PARTICIPANT))
    assert answer(client, event, {}).status_code == 400
    assert answer(client, event, {f"q{rating.pk}": "9"}).status_code == 400
    assert EvaluationSubmission.objects.count() == 0
    assert EvaluationResponse.objects.count() == 0


def test_closed_evaluation_takes_no_answers(client, event, evaluation, make_user):
    evaluation.is_open = False
    evaluation.save()
    rating, _comment = evaluation.questions.all()
    client.force_login(make_user(event, Role.PARTICIPANT))
    response = answer(client, event, {f"q{rating.pk}": "3"})
    assert response.status_code == 400
    assert EvaluationSubmission.objects.count() == 0


def test_no_field_links_an_answer_to_a_person():
    """Neither the response nor the answer has a user, a time stamp or any relation but its evaluation
    and question; their ids are random, so their order says nothing either."""
    for model, allowed in (
        (EvaluationResponse, {"id", "evaluation"}),
        (EvaluationAnswer, {"id", "response", "question", "rating", "text"}),
    ):
        fields = {f.name for f in model._meta.concrete_fields}
        assert fields == allowed
        assert not any(
            isinstance(f, (models.DateTimeField, models.DateField)) for f in model._meta.concrete_fields
        )


def test_response_ids_do_not_follow_submission_order(event, evaluation, make_user):
    rating, _comment = evaluation.questions.all()
    for _ in range(6):
        services.submit_answers(
            evaluation=evaluation, user=make_user(event, Role.PARTICIPANT), answers={rating.pk: 3}
        )
    ids = list(EvaluationResponse.objects.values_list("pk", flat=True))
    assert all(pk >= 2**32 for pk in ids)
    assert all(pk >= 2**32 for pk in EvaluationAnswer.objects.values_list("pk", flat=True))
    submission_ids = list(EvaluationSubmission.objects.order_by("pk").values_list("pk", flat=True))
    assert submission_ids[-1] - submission_ids[0] == 5  # submissions are sequential; responses are not


def test_results_summary_and_csv(client, event, evaluation, make_user):
    rating, comment = evaluation.questions.all()
    for value, text in [(5, "Loved it"), (4, '=HYPERLINK("x")'), (5, "")]:
        services.submit_answers(
            evaluation=evaluation,
            user=make_user(event, Role.PARTICIPANT),
            answers={rating.pk: value, comment.pk: text},
        )
    client.force_login(make_user(event, Role.ORGANISER))
    page = client.get(reverse("reports:evaluation_results", kwargs={"slug": event.slug}))
    rows = page.context["summary"]["questions"]
    assert [(v, c) for v, c, _w in rows[0]["distribution"]] == [(1, 0), (2, 0), (3, 0), (4, 1), (5, 2)]
    assert rows[0]["mean"] == 4.67
    assert sorted(rows[1]["comments"]) == ['=HYPERLINK("x")', "Loved it"]
    csv = client.get(reverse("reports:evaluation_csv", kwargs={"slug": event.slug}))
    assert csv["Content-Type"] == "text/csv; charset=utf-8"
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "How useful was the workshop?,Comments"
    assert sorted(lines[1:]) == sorted(["5,Loved it", '4,"\'=HYPERLINK(""x"")"', "5,"])


def test_organiser_adds_question(client, event, make_user):
    client.force_login(make_user(event, Role.ORGANISER))
    url = reverse("reports:evaluation_manage", kwargs={"slug": event.slug})
    response = client.post(
        url,
        {
            "add_question": "1",
            "kind": "rating",
            "scale_max": "5",
            "order": "1",
            "text_en": "Venue",
            "text_es": "Lugar",
        },
    )
    assert response.status_code == 302
    question = EvaluationQuestion.objects.get()
    assert (question.text_en, question.text_es, question.scale_max) == ("Venue", "Lugar", 5)
