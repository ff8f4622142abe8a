"""The demo's findings (events/demo_data/, loaded by load_demo): realistic records, collation, takeaways,
the evaluation with anonymous answers and the report's texts, loaded once."""

import io

import pytest
from django.core.management import call_command

from reports.models import CollatedFinding, ConsolidationRecord, Finding, ReportTheme

pytestmark = pytest.mark.django_db


def test_demo_loads_records_and_collation_once(demo_event):
    event = demo_event
    records = ConsolidationRecord.objects.filter(event=event)
    assert records.filter(table__isnull=False).count() == 30
    assert records.filter(group__isnull=False).count() == 5
    assert set(records.values_list("status", flat=True)) == {"accepted", "submitted"}
    assert records.filter(language="es").count() == 2
    assert ReportTheme.objects.filter(event=event).count() == 9
    glance = CollatedFinding.objects.filter(event=event, at_a_glance=True).order_by("glance_order")
    assert [c.glance_order for c in glance] == list(range(1, 13))
    assert all(c.sources.exists() for c in CollatedFinding.objects.filter(event=event, kind="recommendation"))
    quotes = Finding.objects.filter(record__event=event, section="quote")
    assert (
        quotes.filter(attribution_consent=False).exists() and quotes.filter(attribution_consent=True).exists()
    )
    # each record's history: saved as a draft, submitted, then accepted (but one left for review)
    assert sorted(
        (r.status, list(r.versions.order_by("version").values_list("status", flat=True))) for r in records
    )[-1] == ("submitted", ["draft", "submitted"])
    before = (Finding.objects.count(), CollatedFinding.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Finding.objects.count(), CollatedFinding.objects.count()) == before


def test_demo_evaluation_has_anonymous_answers(demo_event):
    from reports.models import EvaluationResponse, EvaluationSubmission

    event = demo_event
    # 24 approved participants answered (participant@example.org did not: the demo account may still try)
    assert EvaluationSubmission.objects.filter(evaluation__event=event).count() == 24
    assert not EvaluationSubmission.objects.filter(user__email="participant@example.org").exists()
    assert EvaluationResponse.objects.filter(evaluation__event=event).count() == 24
    assert event.days.get(date=event.start_date).takeaways.count() == 4


def test_demo_report_has_its_texts_and_sections(demo_event):
    report = demo_event.report
    assert report.introduction_en.startswith("From June 3-7, 2024, ECPAT International hosted")
    assert report.introduction_es.startswith("Del 3 al 7 de junio de 2024")
    assert report.acknowledgements_es in {None, ""}
    assert report.include_evaluation
    assert list(report.sections.values_list("kind", "title_es", "included"))[:2] == [
        ("acknowledgements", "Agradecimientos", True),
        ("introduction", "Introducción", True),
    ]
    assert report.sections.count() == 10 and report.sections.get(kind="evaluation").included
