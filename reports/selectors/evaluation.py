"""Reading the evaluation: the event's evaluation, whether a user has answered, and the summary of the
anonymous answers."""

from __future__ import annotations

from ..models import Evaluation, EvaluationAnswer, EvaluationQuestion, EvaluationSubmission


def evaluation_of(event) -> Evaluation | None:
    return Evaluation.objects.filter(event=event).first()


def has_answered(*, evaluation: Evaluation, user) -> bool:
    return EvaluationSubmission.objects.filter(evaluation=evaluation, user=user).exists()


def summary(*, evaluation: Evaluation) -> dict:
    """Per question: for ratings the count per value, the number of answers and the mean; for free text
    the comments (in random order)."""
    questions = list(evaluation.questions.all())
    answers = EvaluationAnswer.objects.filter(response__evaluation=evaluation).order_by("pk")
    by_question: dict[int, list] = {q.pk: [] for q in questions}
    for answer in answers:
        by_question.setdefault(answer.question_id, []).append(answer)
    rows = []
    for q in questions:
        given = by_question[q.pk]
        if q.kind == EvaluationQuestion.Kind.RATING:
            ratings = [a.rating for a in given if a.rating is not None]
            counts = [(value, ratings.count(value)) for value in range(1, q.scale_max + 1)]
            top = max([c for _v, c in counts] + [1])
            rows.append(
                {
                    "question": q,
                    "count": len(ratings),
                    "distribution": [(v, c, round(100 * c / top)) for v, c in counts],
                    "mean": round(sum(ratings) / len(ratings), 2) if ratings else None,
                }
            )
        else:
            rows.append({"question": q, "count": len(given), "comments": [a.text for a in given if a.text]})
    return {
        "questions": rows,
        "responses": evaluation.responses.count(),
        "submissions": evaluation.submissions.count(),
    }
