"""The shapes of the open data: events, entries, commitments, progress updates, library documents.
Focal points appear by name only with their consent; quoted people never appear."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.models import Event

from ..models import Commitment, CommitmentUpdate, Entry, LibraryDocument, Term
from ..search import localized, portal_languages


class EventSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code")
    series = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    page = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = ["slug", "title", "series", "city", "country", "start_date", "end_date", "languages", "page"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_page(self, event) -> str:
        return self.context["request"].build_absolute_uri(reverse("observatory:event", args=[event.slug]))


class TextSerializer(serializers.Serializer):
    title = serializers.CharField()
    text = serializers.CharField()
    section = serializers.CharField()


class EntrySerializer(serializers.ModelSerializer):
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    texts = serializers.SerializerMethodField()
    themes = serializers.SerializerMethodField()
    forms_of_exploitation = serializers.SerializerMethodField()
    addressees = serializers.SerializerMethodField()
    countries = serializers.SerializerMethodField()
    regions = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    commitments = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    page_url = serializers.SerializerMethodField()

    class Meta:
        model = Entry
        fields = [
            "id",
            "event",
            "year",
            "kind",
            "original_language",
            "texts",
            "page",
            "provenance",
            "attribution",
            "themes",
            "forms_of_exploitation",
            "addressees",
            "countries",
            "regions",
            "commitments",
            "page_url",
        ]

    @extend_schema_field(serializers.DictField(child=TextSerializer()))
    def get_texts(self, entry) -> dict:
        """The entry's texts by language code, for the languages it has."""
        texts = {}
        for code in portal_languages():
            text = getattr(entry, localized("text", code)) or ""
            if text:
                texts[code] = {
                    "title": getattr(entry, localized("title", code)) or "",
                    "text": text,
                    "section": getattr(entry, localized("section", code)) or "",
                }
        return texts

    def _slugs(self, entry, facet) -> list[str]:
        return [term.slug for term in entry.terms.all() if term.facet == facet]

    def get_themes(self, entry) -> list[str]:
        return self._slugs(entry, Term.Facet.THEME)

    def get_forms_of_exploitation(self, entry) -> list[str]:
        return self._slugs(entry, Term.Facet.FORM)

    def get_addressees(self, entry) -> list[str]:
        return self._slugs(entry, Term.Facet.ADDRESSEE)

    def get_countries(self, entry) -> list[str]:
        return [row.country.code for row in entry.countries.all()]

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, entry) -> str:
        return self.context["request"].build_absolute_uri(reverse("observatory:entry", args=[entry.pk]))


class CommitmentSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.name")
    country = serializers.SerializerMethodField()

    class Meta:
        model = Commitment
        fields = [
            "id",
            "entry",
            "organisation",
            "country",
            "description",
            "target",
            "indicator",
            "baseline",
            "deadline",
            "status",
            "source",
        ]

    def get_country(self, commitment) -> str:
        return commitment.country.code or ""


class UpdateSerializer(serializers.ModelSerializer):
    reported_by = serializers.SerializerMethodField()
    evidence = serializers.SerializerMethodField()

    class Meta:
        model = CommitmentUpdate
        fields = ["id", "commitment", "date", "date_precision", "text", "language", "status", "progress"]
        fields += ["evidence", "reported_by", "source"]

    def get_reported_by(self, update) -> str:
        """ "Focal point" or, with their consent, their name; empty for updates entered by editors."""
        return str(update.focal_point.public_label) if update.focal_point_id else ""

    @extend_schema_field(OpenApiTypes.URI)
    def get_evidence(self, update) -> str:
        if update.evidence_file:
            return self.context["request"].build_absolute_uri(
                reverse("observatory:evidence", args=[update.pk])
            )
        return update.evidence_url


class DocumentSerializer(serializers.ModelSerializer):
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    countries = serializers.SerializerMethodField()
    themes = serializers.SerializerMethodField()
    link = serializers.SerializerMethodField()

    class Meta:
        model = LibraryDocument
        fields = ["id", "title", "summary", "kind", "language", "publisher", "year", "event", "countries"]
        fields += ["themes", "link"]

    def get_countries(self, document) -> list[str]:
        return [row.country.code for row in document.countries.all()]

    def get_themes(self, document) -> list[str]:
        return [term.slug for term in document.terms.all() if term.facet == Term.Facet.THEME]

    @extend_schema_field(OpenApiTypes.URI)
    def get_link(self, document) -> str:
        if document.file or document.url or document.event_document_id:
            return self.context["request"].build_absolute_uri(
                reverse("observatory:document", args=[document.pk])
            )
        return ""
