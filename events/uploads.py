"""Uploaded files, checked by what they contain, never by their name (docs/limits.md).

- `DocumentFileField`: a model FileField for documents and materials. A new upload must be at most
  `settings.DOCUMENT_MAX_BYTES` and be a PDF, an office document (Word, Excel, PowerPoint as OOXML or as
  the older OLE files, OpenDocument) or a PNG, JPEG or WebP image, recognised by its first bytes and, for
  the zip-based formats, by the parts the zip holds. It is stored under the extension of what it is, so a
  PDF named "page.html" is served as a PDF. HTML, SVG, scripts and programs are refused.
- `ImageFileField`: a model ImageField for pictures shown on pages and in PDFs (partner logos). A new
  upload must be at most `settings.IMAGE_MAX_BYTES`, a PNG, JPEG or WebP of at most
  `settings.IMAGE_MAX_PIXELS` (read from the header, before anything is decoded) and is re-encoded by
  Pillow to at most `max_side` pixels a side: the stored file carries no metadata (EXIF, GPS).

Both check only new uploads (a file not yet stored); files already in the storage are left as they are.
The checks are validators of the model field, so a ModelForm, the admin and `full_clean()` all run them.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
OLE_EXTENSIONS = {"doc", "xls", "ppt"}
ODF_EXTENSIONS = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
OOXML_EXTENSIONS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
DOCUMENT_KINDS_LABEL = _("PDF, Word, Excel, PowerPoint, OpenDocument, or a PNG, JPEG or WebP image")


def _megabytes(size: int) -> str:
    return f"{size / 1048576:.1f}".removesuffix(".0")


def is_new_upload(value) -> bool:
    """True for a file just uploaded (a FieldFile not yet saved, or an UploadedFile), not a stored one."""
    return bool(value) and not getattr(value, "_committed", True)


def _raw(value):
    """The uploaded file behind a FieldFile (or the file itself), at its start."""
    raw = getattr(value, "file", value)
    raw.seek(0)
    return raw


def check_size(value, limit: int) -> None:
    if value.size > limit:
        raise ValidationError(
            _("The file is %(size)s MB; the largest allowed is %(limit)s MB."),
            code="too_large",
            params={"size": f"{value.size / 1048576:.1f}", "limit": _megabytes(limit)},
        )


# --- documents -------------------------------------------------------------------------------------------


def _zip_kind(raw) -> str | None:
    """docx/xlsx/pptx for an OOXML package, odt/ods/odp for an OpenDocument one; reads only the zip's
    directory and the few bytes of ODF's "mimetype" part (nothing is decompressed in bulk)."""
    try:
        with zipfile.ZipFile(raw) as package:
            names = package.namelist()
            if "[Content_Types].xml" in names:
                for prefix, extension in OOXML_EXTENSIONS.items():
                    if any(name.startswith(prefix) for name in names):
                        return extension
                return None
            if names and names[0] == "mimetype":
                with package.open("mimetype") as part:
                    mimetype = part.read(100).decode("ascii", "replace").strip()
                return ODF_EXTENSIONS.get(mimetype)
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, NotImplementedError):
        return None
    return None


def document_kind(value) -> str | None:
    """The extension of what the file is (pdf, docx, odt, doc, png, ...), or None when it is none of the
    kinds allowed for documents."""
    raw = _raw(value)
    head = raw.read(16)
    raw.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(raw)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # An OLE compound file (Word, Excel, PowerPoint 97-2003, but also installers): taken only when its
        # name says it is one of the three.
        extension = PurePosixPath(value.name or "").suffix.lower().lstrip(".")
        return extension if extension in OLE_EXTENSIONS else None
    try:
        return image_kind(value)
    except ValidationError as error:
        if error.code == "invalid_image":
            return None
        raise  # a picture with too many pixels: say so


def check_document(value) -> None:
    """Refuse a document over settings.DOCUMENT_MAX_BYTES or of a kind not accepted."""
    check_size(value, settings.DOCUMENT_MAX_BYTES)
    if document_kind(value) is None:
        raise ValidationError(
            _(
                "This file is not one of the kinds accepted (%(kinds)s). Web pages, SVG drawings and "
                "programs are refused whatever their name."
            ),
            code="kind",
            params={"kinds": DOCUMENT_KINDS_LABEL},
        )


def validate_document(value) -> None:
    if is_new_upload(value):
        check_document(value)


def document_help_text() -> str:
    return _("%(kinds)s; at most %(limit)s MB.") % {
        "kinds": DOCUMENT_KINDS_LABEL,
        "limit": _megabytes(settings.DOCUMENT_MAX_BYTES),
    }


def _renamed(name: str, extension: str) -> str:
    path = PurePosixPath(name)
    stem = path.stem or "file"
    return str(path.with_name(f"{stem}.{extension}"))


class DocumentFileField(models.FileField):
    """A FileField whose new uploads are checked by content and stored under their true extension."""

    default_validators = [validate_document]

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if is_new_upload(file):
            extension = document_kind(file)
            if extension is None:  # saved without full_clean(): refuse rather than store it
                check_document(file)
            file.name = _renamed(PurePosixPath(file.name).name, extension)
        return super().pre_save(model_instance, add)


def check_file(file, field: models.Field) -> None:
    """Check a file (not an upload: one an import copies from a folder) as an upload to `field` would be."""
    if isinstance(field, ImageFileField):
        check_image(file)
    elif isinstance(field, DocumentFileField):
        check_document(file)


# --- images ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImageHeader:
    format: str
    width: int
    height: int


def image_header(value) -> ImageHeader:
    """The format and size read from the image's header (nothing decoded); ValidationError when the file is
    not a PNG, JPEG or WebP image or has more than settings.IMAGE_MAX_PIXELS pixels."""
    raw = _raw(value)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(raw, formats=list(IMAGE_FORMATS)) as image:
                header = ImageHeader(image.format, *image.size)
    except Image.DecompressionBombError:
        header = None  # Pillow's own ceiling (far above ours): too many pixels
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise ValidationError(
            _("This file is not a PNG, JPEG or WebP image. Choose a picture in one of these formats."),
            code="invalid_image",
        ) from None
    finally:
        raw.seek(0)
    limit = settings.IMAGE_MAX_PIXELS
    if header is None or header.width * header.height > limit:
        size = f"{header.width} × {header.height}" if header else "?"
        raise ValidationError(
            _(
                "The picture is %(size)s pixels; the largest allowed is %(limit)s megapixels. "
                "Make it smaller and upload it again."
            ),
            code="too_many_pixels",
            params={"size": size, "limit": f"{limit / 1_000_000:g}"},
        )
    return header


def image_kind(value) -> str:
    return IMAGE_FORMATS[image_header(value).format]


def check_image(value) -> None:
    """Refuse a picture over settings.IMAGE_MAX_BYTES, of another format or with too many pixels."""
    check_size(value, settings.IMAGE_MAX_BYTES)
    image_header(value)


def validate_image(value) -> None:
    if is_new_upload(value):
        check_image(value)


def reencode_image(value, *, max_side: int) -> tuple[bytes, str]:
    """The picture drawn again by Pillow, turned upright, at most `max_side` pixels a side, without any
    metadata: (bytes, extension). A JPEG stays a JPEG; PNG and WebP become PNG (WeasyPrint reads it)."""
    header = image_header(value)
    raw = _raw(value)
    with Image.open(raw, formats=[header.format]) as image:
        if header.format == "JPEG":
            image.draft("RGB", (max_side, max_side))  # decode at a fraction of the size when it can
        upright = ImageOps.exif_transpose(image)
    upright.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    has_alpha = upright.mode in {"RGBA", "LA", "PA"} or (
        upright.mode == "P" and "transparency" in upright.info
    )
    out = io.BytesIO()
    if header.format == "JPEG" and not has_alpha:
        upright.convert("RGB").save(out, "JPEG", quality=88, optimize=True)
        extension = "jpg"
    else:
        upright.convert("RGBA" if has_alpha else "RGB").save(out, "PNG", optimize=True)
        extension = "png"
    raw.seek(0)
    return out.getvalue(), extension


class ImageFileField(models.ImageField):
    """An ImageField whose new uploads are checked (bytes, format, pixels) and re-encoded to `max_side`."""

    default_validators = [validate_image]

    def __init__(self, *args, max_side: int = 800, **kwargs):
        self.max_side = max_side
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["max_side"] = self.max_side
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if is_new_upload(file):
            content, extension = reencode_image(file, max_side=self.max_side)
            name = _renamed(PurePosixPath(file.name).name, extension)
            file.file = ContentFile(content, name=name)
            file.name = name
        return super().pre_save(model_instance, add)
