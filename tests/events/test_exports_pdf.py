"""The printed programme: one section per day on its own page, focus and timetable, no hidden days."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from events.models import EventPartner
from events.pdf import BASE_URL, PortalURLFetcher
from tests.events.factories import OrganisationFactory


def _pdf(response) -> PdfReader:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.getvalue()))  # served from storage, streamed


def _page_texts(reader):
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_exports_pdf_anonymous_gets_public_day_only(agenda, client):
    pages = _page_texts(_pdf(client.get(reverse("events:programme_pdf", args=[agenda.event.slug]))))
    text = " ".join(pages)
    # Cover, then Tuesday on its own page.
    assert len(pages) == 2
    assert "TUESDAY 4 JUNE 2024" in pages[1].upper()
    assert "FACILITATED A CROSS-SECTOR DIALOGUE" in pages[1].upper()
    assert "Opening panel" in pages[1]
    assert "9:30 – 10:30" in pages[1]
    assert "Methodology: discussion working groups." in pages[1]
    assert "Mama Fátima Singateh" in pages[1]
    assert "Child safeguarding" not in text
    assert "Closed meeting" not in text
    assert "Welcome remarks" not in text


def test_exports_pdf_member_gets_a_page_per_day(agenda, client_as):
    pages = _page_texts(
        _pdf(client_as("member").get(reverse("events:programme_pdf", args=[agenda.event.slug])))
    )
    assert len(pages) == 4
    starts = [
        next(i for i, page in enumerate(pages) if i > 0 and day in page.upper())
        for day in ["MONDAY 3 JUNE 2024", "TUESDAY 4 JUNE 2024", "FRIDAY 7 JUNE 2024"]
    ]
    assert starts == [1, 2, 3]
    assert "Child safeguarding workshop" in pages[3]
    assert "CLOSED MEETING FOR ECPAT INTERNATIONAL" in pages[3].upper()


def test_exports_pdf_in_spanish(agenda, client):
    client.cookies["django_language"] = "es"
    pages = _page_texts(_pdf(client.get(reverse("events:programme_pdf", args=[agenda.event.slug]))))
    assert "Panel de apertura" in pages[1]
    assert "DIÁLOGO INTERSECTORIAL FACILITADO" in pages[1].upper()


def test_exports_pdf_fetches_only_portal_files(agenda, settings, tmp_path):
    fetcher = PortalURLFetcher()
    css = fetcher.fetch(BASE_URL + "static/css/programme.css")
    assert b"@page" in css.read()
    for url in [
        "https://example.org/logo.png",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        BASE_URL + "media/../../etc/passwd",
        BASE_URL + "admin/",
    ]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_exports_pdf_escapes_markup_and_includes_logos(agenda, client):
    from django.core.files.base import ContentFile

    from events.demo_data import DATA_DIR

    agenda.panel.description = '<img src="https://example.org/tracker.png">'
    agenda.panel.save()
    host = OrganisationFactory(name="ECPAT International")
    host.logo.save("ecpat.png", ContentFile((DATA_DIR / "logos" / "ecpat-international.png").read_bytes()))
    EventPartner.objects.create(event=agenda.event, organisation=host, kind=EventPartner.Kind.HOST)
    reader = _pdf(client.get(reverse("events:programme_pdf", args=[agenda.event.slug])))
    images = [image for page in reader.pages for image in page.images]
    assert len(images) == 2  # the host's logo in the footer of both pages, nothing from outside
    assert "<img" in _page_texts(reader)[1]


def test_exports_pdf_long_day_repeats_its_date_on_continuation_pages(agenda, client):
    import datetime

    from tests.events.factories import AgendaItemFactory

    for n in range(40):
        AgendaItemFactory(
            day=agenda.tuesday,
            start=datetime.time(6, 0),
            end=datetime.time(6, 30),
            title=f"Long session {n}",
            description="A description long enough to take a few lines of the timetable. " * 2,
        )
    pages = _page_texts(_pdf(client.get(reverse("events:programme_pdf", args=[agenda.event.slug]))))
    assert len(pages) >= 3
    assert [page.upper().count("TUESDAY 4 JUNE 2024") for page in pages[1:]] == [1] * (len(pages) - 1)
    assert "FOCUS:" in pages[1].upper() and "FOCUS:" not in pages[2].upper()


def test_exports_pdf_taking_too_long_returns_to_the_agenda_with_a_message(agenda, client, settings):
    settings.PDF_RENDER_TIMEOUT_SECONDS = 0
    response = client.get(reverse("events:programme_pdf", args=[agenda.event.slug]), follow=True)
    assert response.redirect_chain == [(reverse("events:agenda", args=[agenda.event.slug]), 302)]
    assert "The programme could not be made in time. Please try again later." in response.content.decode()


def test_exports_pdf_is_tagged_pdf_ua_and_draws_text_only_in_checked_colours(agenda, client):
    from tests.platform.helpers import pdf_text_colours
    from tests.platform.test_accessibility import PROGRAMME_CSS, PROGRAMME_TEXT_PAIRS, resolve

    reader = _pdf(client.get(reverse("events:programme_pdf", args=[agenda.event.slug])))
    root = reader.trailer["/Root"]

    assert "pdfuaid:part" in root["/Metadata"].get_object().get_data().decode()
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a PDF boolean object
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    used = pdf_text_colours(reader)
    assert len(used) >= 3
    assert used - {resolve(foreground, PROGRAMME_CSS) for foreground, _ in PROGRAMME_TEXT_PAIRS} == set()
