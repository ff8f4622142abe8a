"""The services of the reports app refuse with `events.errors.DomainError` subclasses whose messages are
translated; the views show them to the person who asked."""

import pytest
from django.utils import translation

from events.errors import DomainError
from reports.errors import CollationError, EvaluationError, FindingsError, ReportError, VersionConflict
from reports.services import collation as services_collation
from reports.services import evaluation as services_evaluation
from reports.services import outcome as services_outcome
from tests.events.factories import EventFactory
from tests.reports.factories import ReportThemeFactory

pytestmark = pytest.mark.django_db


def test_every_reports_error_is_a_domain_error():
    for error_class in (FindingsError, VersionConflict, CollationError, EvaluationError, ReportError):
        assert issubclass(error_class, DomainError)


def test_refusals_are_translated(event, make_user):
    evaluation = services_evaluation.get_or_create_evaluation(event=event)
    with translation.override("es"):
        with pytest.raises(EvaluationError, match="La evaluación está cerrada."):
            services_evaluation.submit_answers(evaluation=evaluation, user=make_user(event), answers={})
        with pytest.raises(CollationError, match="Este tema pertenece a otro evento."):
            services_collation.collect_into_theme(
                event=event, theme=ReportThemeFactory(event=EventFactory()), findings=[]
            )
        report = services_outcome.get_or_create_report(event=event)
        section = report.sections.first()
        with pytest.raises(ReportError, match="Dirección desconocida."):
            services_outcome.move_section(report=report, section_id=section.pk, direction="sideways")


def test_several_refusals_are_listed_one_by_one():
    error = FindingsError(messages=["Key trends: too many.", "Quotes: too many."])
    assert error.messages == ["Key trends: too many.", "Quotes: too many."]
    assert str(error) == "Key trends: too many. Quotes: too many."
    assert FindingsError("One.").messages == ["One."]
