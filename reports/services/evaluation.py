"""The event's evaluation: questions, anonymous answers, the summary and the CSV export.

Anonymity: EvaluationSubmission records *who* answered (so nobody answers twice); EvaluationResponse and
EvaluationAnswer hold *what* was answered, with no user, no timestamp and random primary keys, so that
neither a field nor the order of ids links a response to a submission. Limit: someone with access to the
database server's own logs (e.g. PostgreSQL statement logging) could still match the two inserts of one
transaction; the portal itself keeps no such trace.
"""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils.translation import gettext as _

from events.downloads import csv_bytes

from ..errors import EvaluationError
from ..models import (
    Evaluation,
    EvaluationAnswer,
    EvaluationQuestion,
    EvaluationResponse,
    EvaluationSubmission,
)

_ID_FLOOR = 2**32


def random_id() -> int:
    """A random 63-bit primary key: ids carry no order of insertion."""
    return _ID_FLOOR + secrets.randbelow(2**63 - 1 - _ID_FLOOR)


def get_or_create_evaluation(*, event) -> Evaluation:
    evaluation, _created = Evaluation.objects.get_or_create(
        event=event, defaults={"title": _("Workshop evaluation")}
    )
    return evaluation


def clean_answers(*, questions, answers: dict) -> dict:
    """{question id: rating or text} checked against the questions; raises EvaluationError."""
    errors = []
    result = {}
    for question in questions:
        value = answers.get(question.pk)
        if question.kind == EvaluationQuestion.Kind.RATING:
            if value in (None, ""):
                if question.required:
                    errors.append(_("“%(q)s” needs an answer.") % {"q": question.text})
                continue
            try:
                rating = int(value)
            except (TypeError, ValueError):
                rating = 0
            if not 1 <= rating <= question.scale_max:
                errors.append(
                    _("“%(q)s”: choose from 1 to %(max)s.") % {"q": question.text, "max": question.scale_max}
                )
                continue
            result[question.pk] = rating
        else:
            text = (value or "").strip()
            if not text:
                if question.required:
                    errors.append(_("“%(q)s” needs an answer.") % {"q": question.text})
                continue
            result[question.pk] = text
    if errors:
        raise EvaluationError(messages=errors)
    return result


@transaction.atomic
def submit_answers(*, evaluation: Evaluation, user, answers: dict) -> None:
    """Record that `user` answered and store the answers apart from them (see the module docstring).

    Raises EvaluationError if closed, already answered or the answers are invalid. Whether `user` may
    answer ("evaluation.answer") is the caller's question.
    """
    if not evaluation.is_open:
        raise EvaluationError(_("The evaluation is closed."))
    questions = list(evaluation.questions.all())
    cleaned = clean_answers(questions=questions, answers=answers)
    # The unique constraint is the guard against answering twice, also when two requests race.
    _submission, created = EvaluationSubmission.objects.get_or_create(evaluation=evaluation, user=user)
    if not created:
        raise EvaluationError(_("You have already answered this evaluation. Thank you!"))
    response = EvaluationResponse.objects.create(pk=random_id(), evaluation=evaluation)
    EvaluationAnswer.objects.bulk_create(
        [
            EvaluationAnswer(
                pk=random_id(),
                response=response,
                question=q,
                rating=cleaned[q.pk] if q.kind == EvaluationQuestion.Kind.RATING else None,
                text=cleaned[q.pk] if q.kind == EvaluationQuestion.Kind.TEXT else "",
            )
            for q in questions
            if q.pk in cleaned
        ]
    )


def export_csv(*, evaluation: Evaluation) -> bytes:
    """One row per (anonymous) response, one column per question; rows in random-id order."""
    questions = list(evaluation.questions.all())
    answers: dict[int, dict[int, str]] = {}
    for answer in EvaluationAnswer.objects.filter(response__evaluation=evaluation).order_by(
        "response_id", "pk"
    ):
        value = answer.rating if answer.rating is not None else answer.text
        answers.setdefault(answer.response_id, {})[answer.question_id] = "" if value is None else str(value)
    rows = [[q.text for q in questions]]
    rows += [[answers[response_id].get(q.pk, "") for q in questions] for response_id in sorted(answers)]
    return csv_bytes(rows)


@transaction.atomic
def add_question(
    *, evaluation: Evaluation, kind: str, texts: dict, scale_max: int, required: bool, order: int
):
    question = EvaluationQuestion(
        evaluation=evaluation, kind=kind, scale_max=scale_max or 5, required=required, order=order
    )
    for field, value in texts.items():
        setattr(question, field, value)
    question.save()
    return question


def delete_question(*, question: EvaluationQuestion) -> None:
    """Delete a question with the answers given to it."""
    question.delete()
