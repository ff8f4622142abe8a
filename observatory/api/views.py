"""Read-only endpoints. Every one starts from the public selectors, so the API returns exactly what the
pages show: an unpublished event, its entries, commitments, updates and documents do not exist here."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets

from ..models import Commitment, CommitmentUpdate, LibraryDocument
from ..selectors import entries as selectors
from ..selectors import library as library_selectors
from . import serializers

ENTRY_FILTERS = [
    OpenApiParameter("q", str, description="Words, searched in the language of each text."),
    OpenApiParameter("theme", str, description="A theme's slug (its sub-themes included)."),
    OpenApiParameter("form", str, description="A form of exploitation's slug."),
    OpenApiParameter("addressee", str, description="An addressee's slug."),
    OpenApiParameter("country", str, description="ISO 3166 code; also finds entries about its regions."),
    OpenApiParameter("region", str, description="A region's slug."),
    OpenApiParameter("event", str, description="An event's slug."),
    OpenApiParameter("year", int),
    OpenApiParameter("kind", str, enum=list(selectors.Entry.Kind.values)),
    OpenApiParameter("status", str, enum=list(selectors.Status.values), description="A commitment's status."),
]


@extend_schema_view(
    list=extend_schema(summary="Published events"), retrieve=extend_schema(summary="An event")
)
class EventViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.EventSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return selectors.public_events().select_related("series").order_by("-start_date", "pk")


@extend_schema_view(
    list=extend_schema(summary="Entries, filtered like the search page", parameters=ENTRY_FILTERS),
    retrieve=extend_schema(summary="An entry"),
)
class EntryViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.EntrySerializer

    def get_queryset(self):
        if self.action == "list":
            filters = selectors.Filters.from_query(self.request.query_params)
            entries = selectors.ordered(selectors.filter_entries(filters, selectors.Vocabulary()), filters)
        else:
            entries = selectors.public_entries().order_by("pk")
        return entries.select_related("event").prefetch_related(
            "terms", "countries", "regions", "commitments"
        )


@extend_schema_view(
    list=extend_schema(
        summary="Commitments",
        parameters=[
            OpenApiParameter("entry", int),
            OpenApiParameter("status", str, enum=list(selectors.Status.values)),
            OpenApiParameter("country", str),
        ],
    ),
    retrieve=extend_schema(summary="A commitment"),
)
class CommitmentViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.CommitmentSerializer

    def get_queryset(self):
        commitments = Commitment.objects.filter(entry__in=selectors.public_entries()).select_related(
            "organisation"
        )
        params = self.request.query_params
        if (entry := params.get("entry", "")).isdigit():
            commitments = commitments.filter(entry_id=int(entry))
        if params.get("status") in selectors.Status.values:
            commitments = commitments.filter(status=params["status"])
        if country := params.get("country", "").upper()[:2]:
            commitments = commitments.filter(country=country)
        return commitments.order_by("pk")


@extend_schema_view(
    list=extend_schema(summary="Progress updates", parameters=[OpenApiParameter("commitment", int)]),
    retrieve=extend_schema(summary="A progress update"),
)
class UpdateViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.UpdateSerializer

    def get_queryset(self):
        updates = CommitmentUpdate.objects.filter(
            commitment__entry__in=selectors.public_entries()
        ).select_related("focal_point")
        if (commitment := self.request.query_params.get("commitment", "")).isdigit():
            updates = updates.filter(commitment_id=int(commitment))
        return updates.order_by("date", "pk")


@extend_schema_view(
    list=extend_schema(
        summary="Library documents",
        parameters=[
            OpenApiParameter("q", str),
            OpenApiParameter("kind", str, enum=list(LibraryDocument.Kind.values)),
            OpenApiParameter("language", str),
            OpenApiParameter("country", str),
            OpenApiParameter("theme", str),
        ],
    ),
    retrieve=extend_schema(summary="A library document"),
)
class DocumentViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.DocumentSerializer

    def get_queryset(self):
        if self.action == "list":
            filters = library_selectors.LibraryFilters.from_query(self.request.query_params)
            return library_selectors.search_documents(filters, selectors.Vocabulary()).select_related("event")
        return (
            library_selectors.public_documents()
            .select_related("event")
            .prefetch_related("countries", Prefetch("terms"))
            .order_by("pk")
        )
