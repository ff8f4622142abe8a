"""reports.demo: realistic records, collation and evaluation for the demo event, idempotently."""

import pytest

from events import demo as events_demo
from reports import demo
from reports.models import CollatedFinding, ConsolidationRecord, Finding, ReportTheme

pytestmark = pytest.mark.django_db


def test_demo_loads_records_and_collation_once():
    event = events_demo.load(stdout=None)
    demo.load(event, stdout=None)
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
    before = (Finding.objects.count(), CollatedFinding.objects.count())
    demo.load(event, stdout=None)
    assert (Finding.objects.count(), CollatedFinding.objects.count()) == before


def test_demo_evaluation_has_anonymous_answers():
    from reports.models import EvaluationResponse, EvaluationSubmission

    event = events_demo.load(stdout=None)
    demo.load(event, stdout=None)
    assert EvaluationSubmission.objects.filter(evaluation__event=event).count() == 18
    assert EvaluationResponse.objects.filter(evaluation__event=event).count() == 18
    assert event.days.get(date=event.start_date).takeaways.count() == 4
