"""Load the San José Dialogue 2024 (events.demo_data.san_jose_2024) into the database, idempotently.

Rows are found by natural keys (slugs, names, dates, times) and updated in place, so running the load
twice leaves the same rows with the same primary keys: other apps' demo data can point at them.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import translation

from .demo_data import san_jose_2024 as data
from .models import (
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

DEMO_PASSWORD = "dialogue-demo"
DATA_DIR = Path(__file__).resolve().parent / "demo_data"


def _time(value: str) -> datetime.time:
    return datetime.time.fromisoformat(value)


def _translated(source: dict, *fields: str) -> dict:
    """The `<field>_en` / `<field>_es` values of `source` for update_or_create defaults."""
    values = {}
    for field in fields:
        for lang in ("en", "es"):
            key = f"{field}_{lang}"
            if key in source:
                values[key] = source[key]
    return values


def _attach(fieldfile, *, source: Path, folder: str) -> bool:
    """Point `fieldfile` at storage `folder/<file name>`, copying the shipped `source` there only once."""
    name = f"{folder}/{source.name}"
    if fieldfile.name == name and default_storage.exists(name):
        return False
    if default_storage.exists(name):
        fieldfile.name = name
    else:
        with open(source, "rb") as handle:
            saved = default_storage.save(name, File(handle))
        fieldfile.name = saved
    return True


def load_series() -> Series:
    series, _ = Series.objects.update_or_create(
        slug=data.SERIES["slug"], defaults=_translated(data.SERIES, "name", "description")
    )
    return series


def load_event(*, series: Series) -> Event:
    source = data.EVENT
    defaults = {
        key: source[key]
        for key in (
            "venue",
            "city",
            "country",
            "timezone",
            "start_date",
            "end_date",
            "languages",
            "default_language",
        )
    }
    defaults.update(
        _translated(source, "title", "subtitle", "description", "objectives", "practical_information")
    )
    defaults.update(series=series, is_published=True)
    event, _ = Event.objects.update_or_create(slug=source["slug"], defaults=defaults)
    for edition in data.SERIES["editions"]:
        SeriesEdition.objects.update_or_create(
            series=series,
            city=edition["city"],
            defaults={
                "title": edition["title"],
                "country": edition["country"],
                "start_date": edition["start_date"],
                "event": event if edition.get("is_this_event") else None,
            },
        )
    return event


def load_partners(*, event: Event) -> None:
    kept = []
    for order, source in enumerate(data.ORGANISATIONS):
        organisation, _ = Organisation.objects.update_or_create(
            name=source["name"],
            defaults={
                "acronym": source["acronym"],
                "website": source["website"],
                **_translated(source, "logo_alt"),
            },
        )
        if _attach(organisation.logo, source=DATA_DIR / "logos" / source["logo"], folder="logos"):
            organisation.save(update_fields=["logo"])
        partner, _ = EventPartner.objects.update_or_create(
            event=event, organisation=organisation, kind=source["kind"], defaults={"order": order}
        )
        kept.append(partner.pk)
        if source["kind"] == EventPartner.Kind.HOST and event.host_id != organisation.pk:
            event.host = organisation
            event.save(update_fields=["host"])
    event.partners.exclude(pk__in=kept).delete()


def load_documents(*, event: Event) -> None:
    kept = []
    for order, source in enumerate(data.DOCUMENTS):
        # The English title is the natural key within the event.
        document, _ = Document.objects.update_or_create(
            event=event,
            title_en=source["title_en"],
            defaults={
                "kind": source["kind"],
                "language": source["language"],
                "is_public": source["is_public"],
                "order": order,
                **_translated(source, "title"),
            },
        )
        if _attach(
            document.file, source=DATA_DIR / "documents" / source["file"], folder=f"documents/{event.pk}"
        ):
            document.save(update_fields=["file"])
        kept.append(document.pk)
    event.documents.exclude(pk__in=kept).delete()


def load_people(*, event: Event) -> dict[str, Person]:
    people = {}
    for slug, source in data.PEOPLE.items():
        people[slug], _ = Person.objects.update_or_create(
            event=event,
            slug=slug,
            defaults={
                "honorific": source["honorific"],
                "name": source["name"],
                "organisation": source["organisation"],
                **_translated(source, "job_title"),
            },
        )
    return people


def _load_items(*, day: Day, items: list[dict], people: dict[str, Person], parent=None) -> list[int]:
    kept = []
    for order, source in enumerate(items):
        item, _ = AgendaItem.objects.update_or_create(
            day=day,
            parent=parent,
            start=_time(source["start"]),
            end=_time(source["end"]),
            defaults={
                "kind": source["kind"],
                "order": order,
                "room": source.get("room", ""),
                **_translated(source, "title", "description"),
            },
        )
        kept.append(item.pk)
        appearances = []
        for position, entry in enumerate(source.get("people", [])):
            slug, role, *flags = entry
            flags = flags[0] if flags else {}
            appearance, _ = ItemPerson.objects.update_or_create(
                item=item,
                person=people[slug],
                role=role,
                defaults={
                    "remote": flags.get("remote", False),
                    "to_be_confirmed": flags.get("to_be_confirmed", False),
                    "order": position,
                },
            )
            appearances.append(appearance.pk)
        item.appearances.exclude(pk__in=appearances).delete()
        kept += _load_items(day=day, items=source.get("children", []), people=people, parent=item)
    return kept


def load_agenda(*, event: Event, people: dict[str, Person]) -> None:
    for source in data.DAYS:
        day, _ = Day.objects.update_or_create(
            event=event,
            date=source["date"],
            defaults={"audience": source["audience"], **_translated(source, "title", "focus", "methodology")},
        )
        kept = _load_items(day=day, items=source["items"], people=people)
        day.items.exclude(pk__in=kept).delete()
    event.days.exclude(date__in=[source["date"] for source in data.DAYS]).delete()


def load_accounts(*, event: Event) -> None:
    from allauth.account.models import EmailAddress

    User = get_user_model()
    for email, role in data.ACCOUNTS:
        # Found by e-mail, the natural key of an account here (others' demo data look it up the same way).
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User.objects.create(username=email.split("@")[0], email=email)
        if not user.is_active:
            user.is_active = True
            user.save(update_fields=["is_active"])
        if not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        EventRole.objects.get_or_create(event=event, user=user, role=role)


def load(stdout=None) -> Event:
    """Create or update the demo event with its agenda and demo accounts; return the event."""
    with translation.override("en"):
        series = load_series()
        event = load_event(series=series)
        load_partners(event=event)
        load_documents(event=event)
        people = load_people(event=event)
        load_agenda(event=event, people=people)
        load_accounts(event=event)
    if stdout is not None:
        items = AgendaItem.objects.filter(day__event=event).count()
        stdout.write(
            f"Agenda: {event.days.count()} days, {items} items, "
            f"{event.people.count()} people, {event.partners.count()} partners, "
            f"{event.documents.count()} documents."
        )
    return event
