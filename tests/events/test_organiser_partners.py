import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events.models import Document, EventPartner, Organisation
from tests.events.factories import EventFactory, OrganisationFactory

from .organiser_helpers import png_bytes

pytestmark = pytest.mark.django_db


def manage(name, event, **kwargs):
    return reverse(f"events:{name}", kwargs={"slug": event.slug, **kwargs})


def partner_data(**overrides):
    data = {
        "kind": "co_organiser",
        "order": "1",
        "name": "Fundación Paniamor",
        "website": "https://paniamor.org",
        "logo_alt_en": "Paniamor logo",
        "logo_alt_es": "Logotipo de Paniamor",
    }
    data.update(overrides)
    return data


def test_organiser_adds_partner_with_logo(client_as, event):
    logo = SimpleUploadedFile("paniamor.png", png_bytes(), content_type="image/png")
    response = client_as("organiser").post(manage("manage_partner_add", event), partner_data(logo=logo))
    assert response.status_code == 302
    partner = EventPartner.objects.get(event=event)
    assert (partner.kind, partner.order, partner.organisation.name) == (
        "co_organiser",
        1,
        "Fundación Paniamor",
    )
    assert partner.organisation.logo.name == "logos/paniamor.png"
    assert partner.organisation.logo_alt_es == "Logotipo de Paniamor"


@pytest.mark.parametrize(("fmt", "stored"), [("JPEG", "logo.jpg"), ("WEBP", "logo.png")])
def test_jpeg_and_webp_logos_are_accepted(client_as, event, fmt, stored):
    """Re-encoded by Pillow: a JPEG stays a JPEG, a WebP becomes a PNG (which every PDF reader takes)."""
    logo = SimpleUploadedFile(f"logo.{fmt.lower()}", png_bytes(fmt=fmt))
    response = client_as("organiser").post(manage("manage_partner_add", event), partner_data(logo=logo))
    assert response.status_code == 302
    assert Organisation.objects.get().logo.name == f"logos/{stored}"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            lambda: SimpleUploadedFile("huge.png", png_bytes() + b"\0" * (10 * 1024 * 1024)),
            "The file is 10.0 MB; the largest allowed is 2 MB.",
        ),
        (
            lambda: SimpleUploadedFile("notes.txt", b"just some text"),
            "This file is not a PNG, JPEG or WebP image. Choose a picture in one of these formats.",
        ),
        (
            lambda: SimpleUploadedFile("fake.png", b"I am text pretending to be a PNG"),
            "This file is not a PNG, JPEG or WebP image. Choose a picture in one of these formats.",
        ),
        (
            lambda: SimpleUploadedFile("logo.gif", png_bytes(fmt="GIF")),
            "This file is not a PNG, JPEG or WebP image. Choose a picture in one of these formats.",
        ),
        (
            lambda: SimpleUploadedFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
            "This file is not a PNG, JPEG or WebP image. Choose a picture in one of these formats.",
        ),
    ],
    ids=["10MB", "non-image", "text-named-png", "gif", "svg"],
)
def test_bad_logo_saves_nothing_and_shows_error(client_as, event, settings, upload, message):
    settings.IMAGE_MAX_BYTES = 2 * 1024 * 1024
    response = client_as("organiser").post(manage("manage_partner_add", event), partner_data(logo=upload()))
    assert response.status_code == 200
    assert response.context["form"].errors["logo"] == [message]
    assert message in response.content.decode()
    assert (Organisation.objects.count(), EventPartner.objects.count()) == (0, 0)
    media = settings.MEDIA_ROOT / "logos"
    assert not media.exists() or list(media.iterdir()) == []


def test_logo_without_alt_text_is_refused(client_as, event):
    logo = SimpleUploadedFile("logo.png", png_bytes())
    response = client_as("organiser").post(
        manage("manage_partner_add", event), partner_data(logo=logo, logo_alt_en="")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["logo_alt_en"] == [
        "Required in the event's default language (English)."
    ]
    assert Organisation.objects.count() == 0


def test_editing_a_shared_organisation_copies_it_for_this_event(client_as, event):
    shared = OrganisationFactory(name="ECPAT International")
    other = EventFactory()
    EventPartner.objects.create(event=other, organisation=shared, kind="host")
    partner = EventPartner.objects.create(event=event, organisation=shared, kind="host")
    response = client_as("organiser").post(
        manage("manage_partner_edit", event, partner_pk=partner.pk),
        partner_data(kind="host", name="ECPAT (Americas)", logo_alt_en=""),
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    shared.refresh_from_db()
    assert (partner.organisation.name, shared.name) == ("ECPAT (Americas)", "ECPAT International")
    assert partner.organisation_id != shared.pk
    event.refresh_from_db()
    assert event.host_id == partner.organisation_id


def test_same_organisation_and_kind_twice_is_refused(client_as, event):
    organisation = OrganisationFactory()
    EventPartner.objects.create(event=event, organisation=organisation, kind="funder")
    partner = EventPartner.objects.create(event=event, organisation=organisation, kind="partner")
    response = client_as("organiser").post(
        manage("manage_partner_edit", event, partner_pk=partner.pk),
        partner_data(kind="funder", name=organisation.name),
    )
    assert response.status_code == 200
    assert "This organisation is already listed with that role." in response.content.decode()
    partner.refresh_from_db()
    assert partner.kind == "partner"


def test_removing_a_partner_deletes_an_unused_organisation(client_as, event):
    organisation = OrganisationFactory()
    partner = EventPartner.objects.create(event=event, organisation=organisation, kind="funder")
    response = client_as("organiser").post(manage("manage_partner_delete", event, partner_pk=partner.pk))
    assert response.status_code == 302
    assert (EventPartner.objects.count(), Organisation.objects.count()) == (0, 0)


# --- Documents ---


def document_data(**overrides):
    data = {
        "title_en": "Concept note",
        "title_es": "Nota conceptual",
        "kind": "concept_note",
        "language": "es",
        "is_public": "on",
        "order": "0",
        "url": "",
    }
    data.update(overrides)
    return data


def test_organiser_uploads_document(client_as, event):
    upload = SimpleUploadedFile("concept-note.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = client_as("organiser").post(manage("manage_document_add", event), document_data(file=upload))
    assert response.status_code == 302
    document = Document.objects.get(event=event)
    assert (document.title_es, document.kind, document.language, document.is_public) == (
        "Nota conceptual",
        "concept_note",
        "es",
        True,
    )
    assert document.file.name == f"documents/{event.pk}/concept-note.pdf"


def test_organiser_adds_document_link(client_as, event):
    response = client_as("organiser").post(
        manage("manage_document_add", event),
        document_data(url="https://example.org/background.pdf", is_public=""),
    )
    assert response.status_code == 302
    document = Document.objects.get(event=event)
    assert (document.url, document.is_public) == ("https://example.org/background.pdf", False)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({}, "Give either a file or a link."),
        (
            {"file": lambda: SimpleUploadedFile("run.pdf", b"MZ"), "url": ""},
            "This file is not one of the kinds accepted (PDF, Word, Excel, PowerPoint, OpenDocument, or a "
            "PNG, JPEG or WebP image). Web pages, SVG drawings and programs are refused whatever their name.",
        ),
        (
            {"file": lambda: SimpleUploadedFile("a.pdf", b"x"), "url": "https://example.org/a.pdf"},
            "Give either a file or a link.",
        ),
        (
            {"file": lambda: SimpleUploadedFile("big.pdf", b"x" * (3 * 1024 * 1024 // 2))},
            "The file is 1.5 MB; the largest allowed is 1 MB.",
        ),
    ],
    ids=["nothing", "exe", "both", "too-big"],
)
def test_bad_document_saves_nothing(client_as, event, settings, overrides, message):
    settings.DOCUMENT_MAX_BYTES = 1024 * 1024
    data = document_data(**{k: (v() if callable(v) else v) for k, v in overrides.items()})
    response = client_as("organiser").post(manage("manage_document_add", event), data)
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert Document.objects.count() == 0


def test_bad_logo_on_edit_keeps_the_saved_logo(client_as, event):
    client = client_as("organiser")
    good = SimpleUploadedFile("good.png", png_bytes())
    client.post(manage("manage_partner_add", event), partner_data(logo=good))
    partner = EventPartner.objects.get(event=event)
    bad = SimpleUploadedFile("bad.png", b"text, not a picture")
    url = manage("manage_partner_edit", event, partner_pk=partner.pk)
    response = client.post(url, partner_data(name="Renamed", logo=bad))
    assert response.status_code == 200
    assert response.context["form"].errors["logo"] == [
        "This file is not a PNG, JPEG or WebP image. Choose a picture in one of these formats."
    ]
    organisation = Organisation.objects.get()
    assert (organisation.name, organisation.logo.name) == ("Fundación Paniamor", "logos/good.png")


def test_documents_list_links_through_the_download_view(client_as, event):
    document = Document.objects.create(event=event, title="Concept note", url="https://example.org/note.pdf")
    content = client_as("organiser").get(manage("manage_documents", event)).content.decode()
    assert f'href="/e/{event.slug}/documents/{document.pk}/"' in content
