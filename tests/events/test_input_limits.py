"""Limits on every input (docs/limits.md): text lengths on every model and form, pictures capped in pixels
and re-encoded without metadata, documents checked by content whatever their name."""

import datetime
import io
import struct
import zipfile
import zlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils import translation
from PIL import Image

from events.models import AgendaItem, Document, EventPartner, Organisation
from events.uploads import DocumentFileField, ImageFileField
from tests.events.factories import AgendaItemFactory, DayFactory

from .organiser_helpers import png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _language_reset():
    """A request in Spanish leaves Spanish active in the thread: the next test starts in English again."""
    yield
    translation.deactivate()


KINDS_MESSAGE = (
    "This file is not one of the kinds accepted (PDF, Word, Excel, PowerPoint, OpenDocument, or a PNG, "
    "JPEG or WebP image). Web pages, SVG drawings and programs are refused whatever their name."
)


def manage(name, event, **kwargs):
    return reverse(f"events:{name}", kwargs={"slug": event.slug, **kwargs})


# --- text ------------------------------------------------------------------------------------------------


def _text_fields():
    for model in apps.get_models():
        if model._meta.app_label not in {"events", "sessions_app", "reports", "observatory"}:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.TextField):
                yield model, field


def test_every_text_field_of_the_portal_has_a_length_limit():
    """A TextField needs both max_length (for forms) and a MaxLengthValidator (for full_clean, the import
    and the admin); the test walks every model, translated columns included."""
    fields = list(_text_fields())
    assert len(fields) > 100  # the walk does reach the models (each translated field is five columns)
    unbounded = [
        f"{model._meta.label}.{field.name}"
        for model, field in fields
        if not field.max_length
        or not any(
            isinstance(v, MaxLengthValidator) and v.limit_value == field.max_length for v in field.validators
        )
    ]
    assert unbounded == []


def test_the_walk_finds_an_unbounded_text_field():
    field = models.TextField()
    assert not field.max_length and not field.validators


def test_every_file_field_holding_uploads_checks_them():
    """Every upload field checks content: documents by their first bytes, pictures by Pillow."""
    unchecked = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
        and not isinstance(field, (DocumentFileField, ImageFileField))
        and model._meta.label != "events.Job"  # files the portal makes itself (PDFs)
    ]
    assert unchecked == []


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Ensure this value has at most 5000 characters (it has 5001)."),
        ("es", "Asegúrese de que este valor tenga menos de 5000 caracteres (tiene 5001)."),
    ],
)
def test_a_too_long_description_is_refused_by_the_form_in_the_users_language(
    client_as, event, language, message
):
    day = DayFactory(event=event, date=event.start_date)
    item = AgendaItemFactory(day=day, start=datetime.time(9), end=datetime.time(10), description="Short")
    url = manage("manage_item_edit", event, item_pk=item.pk)
    client = client_as("organiser")
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["description_en"] = "x" * 5001
    client.cookies["django_language"] = language
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors["description_en"] == [message]
    assert 'maxlength="5000"' in response.content.decode()
    item.refresh_from_db()
    assert item.description == "Short"


def test_model_validation_refuses_a_too_long_text(event):
    day = DayFactory(event=event, date=event.start_date)
    item = AgendaItem(
        day=day, start=datetime.time(9), end=datetime.time(10), title="T", description="x" * 5001
    )
    with translation.override("en"), pytest.raises(ValidationError) as error:
        item.full_clean()
    assert error.value.message_dict["description"] == [
        "Ensure this value has at most 5000 characters (it has 5001)."
    ]


# --- pictures --------------------------------------------------------------------------------------------


def _partner_data(**overrides):
    data = {
        "kind": "co_organiser",
        "order": "1",
        "name": "Example Foundation",
        "website": "https://example.org",
        "logo_alt_en": "Example Foundation logo",
    }
    data.update(overrides)
    return data


def _jpeg_with_gps(size=(2400, 1200)) -> bytes:
    image = Image.new("RGB", size, (20, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (9.0, 56.0, 0.0), 3: "W", 4: (84.0, 5.0, 0.0)}  # GPS
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_a_logo_is_stored_at_the_size_used_without_its_metadata(client_as, event, settings):
    upload = _jpeg_with_gps()
    with Image.open(io.BytesIO(upload)) as original:
        assert original.getexif().get_ifd(0x8825)  # the photo does carry a position
    response = client_as("organiser").post(
        manage("manage_partner_add", event), _partner_data(logo=SimpleUploadedFile("photo.jpg", upload))
    )
    assert response.status_code == 302
    logo = Organisation.objects.get().logo
    assert logo.name == "logos/photo.jpg"
    with Image.open(logo.path) as stored:
        assert (stored.format, stored.size) == ("JPEG", (800, 400))
        assert dict(stored.getexif()) == {}
        assert "exif" not in stored.info


def test_a_transparent_png_logo_keeps_its_transparency():
    buffer = io.BytesIO()
    Image.new("RGBA", (1600, 400), (0, 0, 0, 0)).save(buffer, "PNG")
    organisation = Organisation(name="Example Foundation")
    organisation.logo = SimpleUploadedFile("logo.png", buffer.getvalue())
    organisation.full_clean()
    organisation.save()
    with Image.open(organisation.logo.path) as stored:
        assert (stored.format, stored.mode, stored.size) == ("PNG", "RGBA", (800, 200))


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims width × height pixels (the header of a huge picture; its data is one pixel's)."""
    real = png_bytes(size=(1, 1))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return real[:8] + chunk + real[8 + 25 :]


def test_a_huge_png_is_refused_from_its_header(client_as, event):
    upload = SimpleUploadedFile("huge.png", _png_header_only(12_000, 12_000))
    response = client_as("organiser").post(manage("manage_partner_add", event), _partner_data(logo=upload))
    assert response.status_code == 200
    assert response.context["form"].errors["logo"] == [
        "The picture is 12000 × 12000 pixels; the largest allowed is 40 megapixels. "
        "Make it smaller and upload it again."
    ]
    assert (Organisation.objects.count(), EventPartner.objects.count()) == (0, 0)


def test_a_real_12000_px_png_is_refused(client_as, event):
    buffer = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(buffer, "PNG")  # a small file: one bit a pixel, all alike
    upload = SimpleUploadedFile("huge.png", buffer.getvalue())
    response = client_as("organiser").post(manage("manage_partner_add", event), _partner_data(logo=upload))
    assert "12000 × 12000 pixels" in response.context["form"].errors["logo"][0]
    assert Organisation.objects.count() == 0


def test_the_admin_and_full_clean_refuse_a_huge_picture_too():
    organisation = Organisation(name="Example Foundation")
    organisation.logo = SimpleUploadedFile("huge.png", _png_header_only(9_000, 9_000))
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "9000 × 9000 pixels" in error.value.message_dict["logo"][0]


# --- documents -------------------------------------------------------------------------------------------


def _zip(names: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, content in names.items():
            package.writestr(name, content)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"


def _document_data(upload):
    return {
        "title_en": "Concept note",
        "kind": "concept_note",
        "language": "en",
        "is_public": "on",
        "order": "0",
        "url": "",
        "file": upload,
    }


@pytest.mark.parametrize(
    ("name", "content", "stored"),
    [
        ("note.pdf", PDF, "note.pdf"),
        ("page.html", PDF, "page.pdf"),  # a PDF, whatever its name says: served as one
        ("report.docx", DOCX, "report.docx"),
        ("figures.xlsx", XLSX, "figures.xlsx"),
        ("minutes.odt", ODT, "minutes.odt"),
        ("old.doc", OLE, "old.doc"),
        ("photo.jpeg", png_bytes(fmt="JPEG"), "photo.jpg"),
        ("map.png", png_bytes(), "map.png"),
    ],
)
def test_documents_are_recognised_by_content_and_stored_under_their_kind(
    client_as, event, name, content, stored
):
    response = client_as("organiser").post(
        manage("manage_document_add", event), _document_data(SimpleUploadedFile(name, content))
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file.name == f"documents/{event.pk}/{stored}"
    assert document.file.read() == content


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.html", b"<!doctype html><script>alert(1)</script>"),
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("drawing.pdf", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("setup.exe", b"MZ\x90\x00" + b"\0" * 60),
        ("installer.doc.exe", OLE),  # an OLE file that does not say it is Word, Excel or PowerPoint
        ("archive.docx", _zip({"word/document.xml": b"<w:document/>"})),  # a zip, not a document
        ("notes.txt", b"plain text"),
        ("anim.gif", png_bytes(fmt="GIF")),
    ],
)
def test_other_kinds_are_refused_whatever_their_name(client_as, event, settings, name, content):
    response = client_as("organiser").post(
        manage("manage_document_add", event), _document_data(SimpleUploadedFile(name, content))
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [KINDS_MESSAGE]
    assert Document.objects.count() == 0
    folder = settings.MEDIA_ROOT / "documents"
    assert not folder.exists() or not any(folder.rglob("*.*"))


def test_the_document_size_limit_is_a_setting(client_as, event, settings):
    settings.DOCUMENT_MAX_BYTES = 2 * 1024 * 1024
    upload = SimpleUploadedFile("big.pdf", PDF + b"0" * (3 * 1024 * 1024))
    response = client_as("organiser").post(manage("manage_document_add", event), _document_data(upload))
    assert response.context["form"].errors["file"] == ["The file is 3.0 MB; the largest allowed is 2 MB."]


def test_a_table_material_is_checked_by_content(client_as, event):
    from tests.sessions_app.factories import make_session

    session = make_session(event, tables=1, rotations=1)
    table = session.tables.get()
    url = reverse(
        "sessions_app:materials",
        kwargs={"slug": event.slug, "table_session_pk": session.pk, "table_pk": table.pk},
    )
    client = client_as("organiser")
    svg = SimpleUploadedFile("questions.pdf", b"<svg onload='alert(1)'/>")
    response = client.post(url, {"title": "Questions", "file": svg, "url": "", "language": "en"})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [KINDS_MESSAGE]
    assert table.materials.count() == 0
    good = SimpleUploadedFile("questions.docx", DOCX)
    response = client.post(url, {"title": "Questions", "file": good, "url": "", "language": "en"})
    assert response.status_code == 302
    assert table.materials.get().file.name == "materials/questions.docx"


def test_a_document_that_is_a_huge_picture_says_so(client_as, event):
    upload = SimpleUploadedFile("map.png", _png_header_only(12_000, 12_000))
    response = client_as("organiser").post(manage("manage_document_add", event), _document_data(upload))
    assert response.context["form"].errors["file"] == [
        "The picture is 12000 × 12000 pixels; the largest allowed is 40 megapixels. "
        "Make it smaller and upload it again."
    ]
    assert Document.objects.count() == 0


def test_plain_forms_that_write_bounded_columns_carry_their_limits(event):
    """Forms that are not ModelForms take the column's limit from the model (events.limits.text_limit)."""
    from reports.forms.findings import FindingForm, RecordForm, ReviewForm, TakeawayForm

    with translation.override("en"):
        takeaway = TakeawayForm(data={"text": "x" * 5001, "language": "en"}, event=event)
        assert takeaway.errors["text"] == ["Ensure this value has at most 5000 characters (it has 5001)."]
    assert RecordForm.base_fields["notes"].max_length == 20_000
    assert FindingForm.base_fields["text"].max_length == 5_000
    assert ReviewForm.base_fields["comment"].max_length == 2_000
