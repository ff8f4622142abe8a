"""The reports app's part of the whole-event exchange (events.exchange): the findings harvest (template
settings, records, findings, their history, takeaways), the collation, the evaluation and the report."""

import json

from django.db.models.signals import pre_save

from events.exchange import Entry, register_part

from .models import (
    CollatedFinding,
    ConsolidationRecord,
    Evaluation,
    EvaluationAnswer,
    EvaluationQuestion,
    EvaluationResponse,
    EvaluationSubmission,
    Finding,
    FindingsTemplate,
    RecordVersion,
    Report,
    ReportSection,
    ReportTheme,
    Takeaway,
    TakeawayAuthor,
)
from .services.evaluation import random_id
from .validators import PeopleOnRecord, validate_finding


def _content(response) -> str:
    return json.dumps(
        sorted(
            [a.question.order, a.question.text_en or "", a.rating or 0, a.text]
            for a in response.answers.all()
        ),
        ensure_ascii=False,
    )


def _responses(event) -> list:
    """Anonymous responses in an order that depends on their content only, never on when they came (their
    primary keys are random, and random again after an import)."""
    responses = EvaluationResponse.objects.filter(evaluation__event=event).prefetch_related(
        "answers__question"
    )
    return sorted(responses, key=lambda response: (_content(response), response.pk))


def _answers(event) -> list:
    """The answers response by response (in the order above), question by question."""
    place = {response.pk: n for n, response in enumerate(_responses(event))}
    answers = EvaluationAnswer.objects.filter(response__evaluation__event=event).select_related("question")
    return sorted(
        answers,
        key=lambda a: (place[a.response_id], a.question.order, a.question_id, a.rating or 0, a.text),
    )


ENTRIES = [
    Entry(
        "findings_templates",
        FindingsTemplate,
        lambda event: FindingsTemplate.objects.filter(agenda_item__day__event=event).order_by("pk"),
    ),
    Entry("records", ConsolidationRecord, lambda event: event.records.order_by("pk")),
    Entry("findings", Finding, lambda event: Finding.objects.filter(record__event=event).order_by("pk")),
    Entry(
        "record_versions",
        RecordVersion,
        lambda event: RecordVersion.objects.filter(record__event=event).order_by("pk"),
    ),
    Entry(
        "takeaway_authors",
        TakeawayAuthor,
        lambda event: TakeawayAuthor.objects.filter(day__event=event).order_by("pk"),
    ),
    Entry("takeaways", Takeaway, lambda event: Takeaway.objects.filter(day__event=event).order_by("pk")),
    Entry("report_themes", ReportTheme, lambda event: event.report_themes.order_by("pk")),
    Entry("collated_findings", CollatedFinding, lambda event: event.collated_findings.order_by("pk")),
    Entry("evaluation", Evaluation, lambda event: Evaluation.objects.filter(event=event)),
    Entry(
        "evaluation_questions",
        EvaluationQuestion,
        lambda event: EvaluationQuestion.objects.filter(evaluation__event=event).order_by("pk"),
    ),
    Entry(
        "evaluation_submissions",
        EvaluationSubmission,
        lambda event: EvaluationSubmission.objects.filter(evaluation__event=event).order_by("user__email"),
    ),
    Entry("evaluation_responses", EvaluationResponse, _responses, new_pk=random_id),
    Entry("evaluation_answers", EvaluationAnswer, _answers, new_pk=random_id),
    Entry("report", Report, lambda event: Report.objects.filter(event=event)),
    Entry(
        "report_sections",
        ReportSection,
        lambda event: ReportSection.objects.filter(report__event=event).order_by("pk"),
    ),
]


def check_imported_finding(sender, instance, raw=False, **kwargs) -> None:
    """A finding written by an import (a raw save) meets the same rules as one saved through the pages: no
    e-mail address or phone number, no person's name as a quote's attribution. The ValidationError makes
    the import stop and roll back, naming the finding's place in the file."""
    if raw:
        validate_finding(
            {
                "title": instance.title,
                "text": instance.text,
                "speaker_organisation": instance.speaker_organisation,
            },
            people=PeopleOnRecord(instance.record.event),
        )


def register() -> None:
    register_part("reports", ENTRIES)
    pre_save.connect(check_imported_finding, sender=Finding, dispatch_uid="reports.check_imported_finding")
