"""Data and small helpers for the organiser tests (kept out of conftest.py so that areas don't collide)."""

import datetime
import io

from PIL import Image

from events import models as em
from tests.events.factories import (
    AgendaItemFactory,
    DayFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)


def png_bytes(size=(40, 20), fmt="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=fmt)
    return buffer.getvalue()


def build_agenda(event, *, days=1, items_per_day=1, people_per_item=1):
    """Days from the event's first day, each with items 9:00, 10:00, ... and people on each item."""
    created = []
    for d in range(days):
        day = DayFactory(event=event, date=event.start_date + datetime.timedelta(days=d))
        for i in range(items_per_day):
            item = AgendaItemFactory(
                day=day, start=datetime.time(9 + i, 0), end=datetime.time(10 + i, 0), room=f"Room {i}"
            )
            for p in range(people_per_item):
                person = PersonFactory(event=event)
                em.ItemPerson.objects.create(
                    item=item, person=person, role=em.AppearanceRole.SPEAKER, order=p
                )
        created.append(day)
    return created


def event_objects(event):
    """One object of each kind in `event`, for URLs that need an id."""
    day = DayFactory(event=event)
    item = AgendaItemFactory(day=day)
    person = PersonFactory(event=event)
    organisation = OrganisationFactory()
    partner = em.EventPartner.objects.create(
        event=event, organisation=organisation, kind=em.EventPartner.Kind.FUNDER
    )
    document = em.Document.objects.create(
        event=event, title="Concept note", url="https://example.org/note.pdf"
    )
    member = UserFactory()
    event_role = em.EventRole.objects.create(event=event, user=member, role=em.Role.MEMBER)
    return {
        "day": day,
        "item": item,
        "person": person,
        "partner": partner,
        "document": document,
        "event_role": event_role,
    }
