"""Files the portal hands out: spreadsheets built from rows, responses for bytes and for stored files.

Exporters return bytes (see STYLE.md); views turn them into responses here, so every download sets its
headers the same way and every spreadsheet is protected against formula injection in the same place.
"""

from __future__ import annotations

import csv
import io
import mimetypes
import os

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; other values pass.

    Names, organisations and answers are typed by participants: "=HYPERLINK(...)" must stay text.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return "" if value is None else value


def csv_bytes(rows) -> bytes:
    """UTF-8 CSV with a byte-order mark, so spreadsheet programs read the accents right."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows([[spreadsheet_safe(value) for value in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows, *, sheet_title: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title[:31]  # Excel's limit
    for row in rows:
        sheet.append([spreadsheet_safe(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def bytes_response(content: bytes, *, content_type: str, filename: str, inline: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def stored_file_response(
    *, file: FieldFile, url: str = "", inline_types: frozenset[str] = frozenset()
) -> HttpResponse:
    """A stored upload, streamed by the portal after the view checked who may read it.

    Falls back to redirecting to `url` when there is no file; a missing file on disk is 404.
    """
    if not file:
        if url:
            return HttpResponseRedirect(url)
        raise Http404
    try:
        handle = file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    filename = os.path.basename(file.name)
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return FileResponse(
        handle, filename=filename, content_type=content_type, as_attachment=content_type not in inline_types
    )
