"""The events app's part of the whole-event exchange: the event, its series and organisations, partners,
documents, days, agenda items, people and their appearances, and who holds which role."""

from django.db.models import Case, IntegerField, Q, Value, When

from ..models import (
    AgendaItem,
    Day,
    Document,
    Event,
    EventPartner,
    EventRole,
    ItemPerson,
    Organisation,
    Person,
    Series,
    SeriesEdition,
)
from .registry import Entry, register_part


def _agenda_items(event):
    # Blocks before their parts, so that a part's block exists when the part is imported.
    return (
        AgendaItem.objects.filter(day__event=event)
        .annotate(
            is_part=Case(
                When(parent__isnull=True, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("is_part", "pk")
    )


ENTRIES = [
    Entry("series", Series, lambda event: Series.objects.filter(events=event), shared=True),
    Entry(
        "organisations",
        Organisation,
        lambda event: (
            Organisation.objects.filter(
                Q(hosted_events=event) | Q(partnerships__event=event) | Q(cohosted_days__event=event)
            )
            .distinct()
            .order_by("name", "pk")
        ),
        shared=True,
    ),
    Entry("event", Event, lambda event: Event.objects.filter(pk=event.pk)),
    Entry(
        # The editions of the event's series, but those that are other events of this portal.
        "series_editions",
        SeriesEdition,
        lambda event: (
            SeriesEdition.objects.filter(series_id=event.series_id)
            .filter(Q(event=None) | Q(event=event))
            .order_by("pk")
        ),
        shared=True,
    ),
    Entry("partners", EventPartner, lambda event: event.partners.order_by("pk")),
    Entry("documents", Document, lambda event: event.documents.order_by("pk")),
    Entry("days", Day, lambda event: event.days.order_by("date")),
    Entry("agenda_items", AgendaItem, _agenda_items),
    Entry("people", Person, lambda event: event.people.order_by("slug")),
    Entry(
        "appearances",
        ItemPerson,
        lambda event: ItemPerson.objects.filter(item__day__event=event).order_by("pk"),
    ),
    Entry("roles", EventRole, lambda event: event.roles.order_by("pk")),
]


def register() -> None:
    register_part("events", ENTRIES)
