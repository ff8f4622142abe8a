"""The generated section "Progress since the previous edition" of an event's outcome report: registered
by the observatory with `reports.generated`, printed in the HTML preview and the PDF, in the report's
language, only for an event of a series whose earlier editions made commitments."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from events.models import Role, Series
from observatory.services.commitments import post_update
from reports.generated import registered_keys
from reports.services.outcome import export_report_pdf, render_report_html
from tests.events.factories import EventFactory, EventRoleFactory, OrganisationFactory, UserFactory

from .factories import make_commitment, make_entry

pytestmark = pytest.mark.django_db

TITLE = "Progress since the previous edition"


@pytest.fixture
def editions():
    series = Series.objects.create(name="Collective Action", slug="collective-action")
    previous = EventFactory(
        series=series,
        title_en="Nairobi Dialogue",
        start_date=datetime.date(2023, 5, 2),
        end_date=datetime.date(2023, 5, 4),
    )
    current = EventFactory(
        series=series, start_date=datetime.date(2024, 6, 3), end_date=datetime.date(2024, 6, 7)
    )
    organisation = OrganisationFactory(name="Example Foundation")
    commitment = make_commitment(
        make_entry(previous, "Train judges."),
        organisation=organisation,
        description="Train 40 judges in child-friendly procedures.",
        date=datetime.date(2023, 5, 4),
    )
    post_update(
        commitment=commitment,
        text="Twelve judges trained.",
        date=datetime.date(2023, 11, 10),
        language="en",
        status="in_progress",
    )
    post_update(
        commitment=commitment, text="Thirty judges trained.", date=datetime.date(2024, 3, 1), language="en"
    )
    return previous, current


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_the_observatory_registers_its_section_with_reports():
    assert "observatory.progress" in registered_keys()


def test_the_report_preview_prints_the_progress_of_the_previous_editions(editions):
    _previous, current = editions

    html, document = render_report_html(event=current, lang="en")

    titles = [chapter.title for chapter in document.chapters]
    assert TITLE in titles
    # before "Future directions", in the table of contents too
    assert titles.index(TITLE) == titles.index("Future directions") - 1
    text = _text(html)
    assert "Example Foundation" in text and "Train 40 judges in child-friendly procedures." in text
    assert "Then: Planned Now: In progress" in text
    # the latest update only
    assert "Thirty judges trained." in text and "Twelve judges trained." not in text
    assert "Nairobi Dialogue, 2023" in text


def test_the_section_is_in_the_language_of_the_report(editions):
    _previous, current = editions

    html, document = render_report_html(event=current, lang="es")

    assert "Avances desde la edición anterior" in [chapter.title for chapter in document.chapters]
    assert "Ahora: En curso" in _text(html)


def test_the_section_is_absent_without_an_earlier_edition_or_without_commitments(editions):
    previous, current = editions
    alone = EventFactory()
    quiet = EventFactory(series=Series.objects.create(name="Other", slug="other"))

    for event in (previous, alone, quiet):
        _html, document = render_report_html(event=event, lang="en")
        assert TITLE not in [chapter.title for chapter in document.chapters]


def test_an_unpublished_earlier_edition_leaves_no_trace_in_the_report(editions):
    previous, current = editions
    previous.is_published = False
    previous.save()

    html, document = render_report_html(event=current, lang="en")

    assert TITLE not in [chapter.title for chapter in document.chapters]
    assert "Example Foundation" not in html


def test_the_report_pdf_prints_the_section(editions):
    _previous, current = editions

    reader = PdfReader(io.BytesIO(export_report_pdf(event=current, lang="en").content))

    pages = [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]
    found = [i for i, text in enumerate(pages) if "Thirty judges trained." in text]
    assert len(found) == 1
    assert TITLE.upper() in pages[found[0]]  # the chapter title, set in capitals
    assert TITLE in [item.title for item in reader.outline if not isinstance(item, list)]


def test_organisers_preview_the_section_in_the_report_preview(client, editions):
    _previous, current = editions
    organiser = UserFactory()
    EventRoleFactory(event=current, user=organiser, role=Role.ORGANISER)
    client.force_login(organiser)

    response = client.get(reverse("reports:report_preview", args=[current.slug]) + "?lang=en")

    assert response.status_code == 200
    assert "Thirty judges trained." in response.content.decode()


def _organiser_client(client, event):
    organiser = UserFactory()
    EventRoleFactory(event=event, user=organiser, role=Role.ORGANISER)
    client.force_login(organiser)
    return client


def test_organisers_see_the_section_in_their_list_of_sections_before_future_directions(client, editions):
    _previous, current = editions
    client = _organiser_client(client, current)

    page = client.get(reverse("reports:report_manage", args=[current.slug])).content.decode()

    assert TITLE in page and "Made by the observatory" in page
    kinds = list(current.report.sections.values_list("kind", "source"))
    assert kinds.index(("generated", "observatory.progress")) == kinds.index(("future_directions", "")) - 1
    client.get(reverse("reports:report_manage", args=[current.slug]))  # opened again: still one
    assert current.report.sections.filter(source="observatory.progress").count() == 1


def test_organisers_leave_the_section_out_of_the_report(client, editions):
    _previous, current = editions
    client = _organiser_client(client, current)
    client.get(reverse("reports:report_manage", args=[current.slug]))
    section = current.report.sections.get(source="observatory.progress")

    response = client.post(
        reverse("reports:report_section_toggle", args=[current.slug, section.pk]), {"included": "0"}
    )

    assert response.status_code == 302
    html, document = render_report_html(event=current, lang="en")
    assert TITLE not in [chapter.title for chapter in document.chapters]
    assert "Thirty judges trained." not in html


def test_organisers_move_and_rename_the_section(client, editions):
    _previous, current = editions
    client = _organiser_client(client, current)
    client.get(reverse("reports:report_manage", args=[current.slug]))
    section = current.report.sections.get(source="observatory.progress")
    section.title_en = "Where the Nairobi commitments stand"
    section.save()

    client.post(
        reverse("reports:report_section_move", args=[current.slug, section.pk]), {"direction": "down"}
    )

    _html, document = render_report_html(event=current, lang="en")
    titles = [chapter.title for chapter in document.chapters]
    assert titles.index("Where the Nairobi commitments stand") == titles.index("Future directions") + 1
    assert TITLE not in titles
