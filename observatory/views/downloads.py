"""Open data: every search as CSV and JSON, the library's files, the evidence of progress updates."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.views import View

from events.downloads import CSV_CONTENT_TYPE, bytes_response, stored_file_response

from .. import exports
from ..models import CommitmentUpdate
from ..selectors import entries as selectors
from ..selectors import library as library_selectors

#: A download holds at most this many rows; the API pages through everything.
DOWNLOAD_LIMIT = 20_000
JSON_CONTENT_TYPE = "application/json; charset=utf-8"
INLINE_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg"})


class SearchDownloadView(View):
    """The entries of a search (the same filters as the page), as CSV or JSON."""

    format = "csv"

    def get(self, request):
        vocabulary = selectors.Vocabulary()
        filters = selectors.Filters.from_query(request.GET)
        found = selectors.ordered(selectors.filter_entries(filters, vocabulary), filters)
        language = get_language() or "en"
        records = [
            exports.entry_record(
                entry, language, request.build_absolute_uri(reverse("observatory:entry", args=[entry.pk]))
            )
            for entry in selectors.for_display(found)[:DOWNLOAD_LIMIT]
        ]
        if self.format == "json":
            return bytes_response(
                exports.entries_json(records),
                content_type=JSON_CONTENT_TYPE,
                filename="observatory-entries.json",
            )
        return bytes_response(
            exports.entries_csv(records), content_type=CSV_CONTENT_TYPE, filename="observatory-entries.csv"
        )


class LibraryDownloadView(View):
    format = "csv"

    def get(self, request):
        filters = library_selectors.LibraryFilters.from_query(request.GET)
        documents = library_selectors.search_documents(filters, selectors.Vocabulary())[:DOWNLOAD_LIMIT]
        rows = exports.documents_rows(
            documents, lambda d: request.build_absolute_uri(reverse("observatory:document", args=[d.pk]))
        )
        if self.format == "json":
            return bytes_response(
                exports.documents_json(rows),
                content_type=JSON_CONTENT_TYPE,
                filename="observatory-library.json",
            )
        return bytes_response(
            exports.documents_csv(rows), content_type=CSV_CONTENT_TYPE, filename="observatory-library.csv"
        )


class DocumentView(View):
    """A library document: its file, the event's document, or its link (404 when not public)."""

    def get(self, request, pk):
        document = get_object_or_404(library_selectors.public_documents(), pk=pk)
        if document.event_document_id:
            return redirect(
                "events:document_download", slug=document.event.slug, document_pk=document.event_document_id
            )
        if not document.file and not document.url:
            raise Http404
        return stored_file_response(file=document.file, url=document.url, inline_types=INLINE_TYPES)


class EvidenceView(View):
    """The document attached to a progress update, readable when its entry is."""

    def get(self, request, pk):
        update = get_object_or_404(
            CommitmentUpdate.objects.filter(commitment__entry__in=selectors.public_entries()), pk=pk
        )
        return stored_file_response(
            file=update.evidence_file, url=update.evidence_url, inline_types=INLINE_TYPES
        )
