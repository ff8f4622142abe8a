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
    # only the sessions the real report draws on have records: 8 of Tuesday's tables, 2 group parts,
    # and Monday's, Wednesday's, Thursday's and Friday's discussions and recaps
    assert records.filter(table__isnull=False).count() == 8
    assert records.filter(group__isnull=False).count() == 2
    assert sorted(str(r.agenda_item.day.date) for r in records.filter(agenda_item__isnull=False)) == [
        "2024-06-03", "2024-06-03", "2024-06-03", "2024-06-05", "2024-06-05", "2024-06-06", "2024-06-06",
        "2024-06-07",
    ]  # fmt: skip
    assert set(records.values_list("status", flat=True)) == {"accepted"}
    assert ReportTheme.objects.filter(event=event).count() == 13
    glance = CollatedFinding.objects.filter(event=event, at_a_glance=True).order_by("glance_order")
    assert [c.glance_order for c in glance] == list(range(1, 13))
    # every collated item comes from one finding that says the same, in a record of the right session
    for item in CollatedFinding.objects.filter(event=event).prefetch_related("sources"):
        assert [source.text for source in item.sources.all()] == [item.text_en]
    quotes = Finding.objects.filter(record__event=event, section="quote")
    assert quotes.count() == 5 and not quotes.filter(attribution_consent=False).exists()
    # each record's history: saved as a draft, submitted, then accepted
    assert {tuple(r.versions.order_by("version").values_list("status", flat=True)) for r in records} == {
        ("draft", "submitted", "accepted")
    }
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
    assert "convening {participants} participants from {countries} countries" in report.introduction_en
    assert report.acknowledgements_es in {None, ""}
    assert not report.include_evaluation  # the real report has no evaluation chapter
    assert list(report.sections.values_list("kind", "title_es", "included"))[:2] == [
        ("acknowledgements", "Agradecimientos", True),
        ("introduction", "Introducción", True),
    ]
    assert report.sections.count() == 10 and not report.sections.get(kind="evaluation").included
    assert [o.name for o in report.cover_organisations.order_by("name")] == [
        "Down to Zero Alliance",
        "Fundación Paniamor",
    ]
    assert report.about_organisations.count() == 3 and report.designer == "Manida Naebklang"
