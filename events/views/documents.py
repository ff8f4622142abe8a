"""The event's library: downloads for readers, the organisers' list of documents."""

from __future__ import annotations

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from .. import forms
from ..downloads import stored_file_response
from ..models import (
    Audience,
    Document,
)
from ..services import bump_content_version
from .event import PublicEventMixin
from .mixins import ManageDeleteView, ManageFormView, ManageMixin

# Files served inline from the library; anything else downloads, so an uploaded page never runs here.
INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain"}


class DocumentDownloadView(PublicEventMixin, View):
    """A file from the event's library, or a redirect to its link. Restricted documents need a role."""

    def get(self, request, *args, **kwargs):
        document = get_object_or_404(self.event.documents, pk=kwargs["document_pk"])
        if not document.is_public and Audience.PARTICIPANTS not in self.get_audiences():
            return self.refuse_audience(Audience.PARTICIPANTS)
        return stored_file_response(file=document.file, url=document.url, inline_types=INLINE_TYPES)


class DocumentListView(ManageMixin, TemplateView):
    template_name = "events/manage/document_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["documents"] = self.event.documents.order_by("order", "pk")
        return context


class DocumentCreateView(ManageFormView):
    form_class = forms.DocumentForm
    heading = gettext_lazy("Add a document")
    success_message = gettext_lazy("Saved “%(object)s”.")

    def get_success_url(self):
        return self.manage_url("documents")


class DocumentEditView(DocumentCreateView):
    heading = gettext_lazy("Edit the document")

    def get_object(self):
        return get_object_or_404(Document, pk=self.kwargs["document_pk"], event=self.event)


class DocumentDeleteView(ManageDeleteView):
    def get_object(self):
        return get_object_or_404(Document, pk=self.kwargs["document_pk"], event=self.event)

    def delete(self, obj):
        with transaction.atomic():
            file = obj.file
            obj.delete()
            bump_content_version(self.event)
            if file:
                transaction.on_commit(lambda: file.storage.delete(file.name))

    def get_success_url(self):
        return self.manage_url("documents")
