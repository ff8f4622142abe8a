"""The observatory's demo, from the seeds only: `load(event, stdout)` (called by `load_demo` after the San
José Dialogue 2024 is loaded, or by `manage.py load_observatory_demo`).

* the standard taxonomy and regions;
* the 2008 Buenos Aires meeting as a past event of its own, with its recommendations as entries, in
  English as its booklet prints them (`demo_data.buenos_aires_2008`), and the commitments the seeds
  state (the youth network "Youth for Action", the inter-American observatory) with their dated steps;
* the San José Dialogue 2024: its report themes mapped onto the taxonomy and its report's findings
  published as entries, where the report exists in the database;
* one plainly fictional organisation, "Example Foundation", with a focal point, to show the update
  workflow. Nothing else is invented about people or organisations.

Idempotent: rows are found by natural keys (slugs, names, titles, numbers) and updated in place.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from events.models import Document, Event, EventPartner, Organisation
from reports.models import Report, ReportTheme

from .demo_data import buenos_aires_2008 as data
from .models import (
    Commitment,
    CommitmentUpdate,
    DatePrecision,
    Entry,
    FocalPoint,
    LibraryDocument,
    Region,
    Term,
)
from .services import commitments as commitment_services
from .services import entries as entry_services
from .services import library as library_services
from .services.report_pages import publish_report
from .services.taxonomy import ensure_taxonomy, map_report_theme

DEMO_PASSWORD = "dialogue-demo"
FOCAL_POINT_EMAIL = "focal-point@example.org"

#: San José 2024 report themes (English title) -> taxonomy slugs: the organisers' mapping for the demo.
SAN_JOSE_MAPPING = {
    "The impact of migration, displacement, and organised crime": ["migration", "trafficking", "states"],
    "Informality, poverty and fragile tourism economies": [
        "tourism-industry",
        "social-norms",
        "travel-tourism",
        "families-communities",
    ],
    "Technology, parents and children's lives online": ["digital-literacy", "online", "families-communities"],
    "Shrinking civic space, pushback on rights and declining funding": [
        "civic-space",
        "civil-society",
        "donors",
    ],
    "Child protection in travel and tourism": [
        "tourism-industry",
        "travel-tourism",
        "states",
        "private-sector",
    ],
    "Risks of child sexual exploitation facilitated by technology": [
        "digital-literacy",
        "technology-companies",
        "online",
        "states",
    ],
    "The challenges of access to justice": ["child-friendly-justice", "legal-reform", "justice-sector"],
    "The impact of the humanitarian crisis in the region": ["migration", "cross-border", "international"],
    "The role of safeguarding policies and practices": ["safeguarding", "civil-society"],
}


def _say(stdout, text: str) -> None:
    if stdout is not None:
        stdout.write(text)


def _terms(*slugs: str) -> list[Term]:
    found = {term.slug: term for term in Term.objects.filter(slug__in=slugs)}
    return [found[slug] for slug in slugs if slug in found]


def load_2008_event() -> Event:
    source = data.EVENT
    event, _ = Event.objects.update_or_create(
        slug=source["slug"],
        defaults={
            "title_en": source["title"],
            "subtitle_en": source["subtitle"],
            "description_en": source["description"],
            "objectives_en": source["objectives"],
            "city": source["city"],
            "country": source["country"],
            "timezone": source["timezone"],
            "start_date": source["start_date"],
            "end_date": source["end_date"],
            "languages": ["en"],
            "default_language": "en",
            "is_published": True,
        },
    )
    for order, (name, kind) in enumerate(data.ORGANISATIONS):
        organisation, _ = Organisation.objects.get_or_create(name=name)
        EventPartner.objects.update_or_create(
            event=event, organisation=organisation, kind=kind, defaults={"order": order}
        )
    return event


def load_2008_entries(event: Event) -> LibraryDocument:
    booklet, _ = LibraryDocument.objects.update_or_create(
        title=data.BOOKLET["title"],
        defaults={**{k: v for k, v in data.BOOKLET.items() if k != "title"}, "event": event},
    )
    region = Region.objects.get(slug="latin-america-caribbean")
    library_services.save_document(
        document=booklet, countries=["AR"], terms=_terms("cooperation"), regions=[region]
    )
    source = entry_services.get_source_event(event=event)
    source.regions.set([region])
    number = 0
    for section, items in data.ENTRIES:
        for text, themes, forms, addressees, countries in items:
            number += 1
            entry = Entry.objects.filter(event=event, number=number).first() or Entry(
                event=event, number=number
            )
            entry.kind = Entry.Kind.RECOMMENDATION
            entry.provenance = Entry.Provenance.DOCUMENT
            entry.source_document = booklet
            entry.original_language = "en"
            entry.text_en = text
            entry.section_en = section
            entry.is_public = True
            entry_services.save_entry(
                entry=entry,
                terms=_terms(*themes, *forms, *addressees),
                countries=countries,
                regions=[] if countries else [region],
            )
    return booklet


def _commitment(entry: Entry, spec: dict) -> Commitment:
    organisation, _ = Organisation.objects.get_or_create(name=spec["organisation"])
    commitment = Commitment.objects.filter(entry=entry, organisation=organisation).first()
    if commitment is None:
        commitment = Commitment(
            entry=entry,
            organisation=organisation,
            description_en=spec["description"],
            target_en=spec.get("target", ""),
            status=spec["status"],
            source=spec["source"],
        )
        commitment_services.save_commitment(
            commitment=commitment,
            date=datetime.date(spec["year"], 1, 1),
            date_precision=DatePrecision.YEAR,
        )
    for year, text, source in spec["updates"]:
        if not CommitmentUpdate.objects.filter(commitment=commitment, text=text).exists():
            commitment_services.post_update(
                commitment=commitment,
                text=text,
                date=datetime.date(year, 1, 1),
                date_precision=DatePrecision.YEAR,
                language="en",
                source=source,
            )
    return commitment


def load_2008_commitments(event: Event) -> None:
    for spec in (data.YOUTH_NETWORK, data.OBSERVATORY):
        entry = Entry.objects.filter(event=event, text_en__startswith=spec["entry_starts"]).first()
        if entry is not None:
            _commitment(entry, spec)
    programme, _ = LibraryDocument.objects.update_or_create(
        title=data.IIN_PROGRAMME["title"],
        defaults={k: v for k, v in data.IIN_PROGRAMME.items() if k != "title"},
    )
    library_services.save_document(
        document=programme,
        terms=_terms("data-monitoring", "cooperation"),
        regions=list(Region.objects.filter(slug="americas")),
    )


def load_san_jose(event: Event, stdout=None) -> int:
    """Map the report themes and publish the report's findings, where the report is in the database."""
    source = entry_services.get_source_event(event=event)
    source.regions.set(Region.objects.filter(slug="americas"))
    if not Report.objects.filter(event=event).exists():
        _say(stdout, "  San José: no outcome report in the database, no entries published\n")
        return 0
    for theme in ReportTheme.objects.filter(event=event):
        if theme.title_en in SAN_JOSE_MAPPING:
            map_report_theme(report_theme=theme, terms=_terms(*SAN_JOSE_MAPPING[theme.title_en]))
    # the pages come from the portal's own PDF of the report, rendered now
    counts = publish_report(event=event)
    for title, kind, countries in (
        (
            "Rapid literature review: sexual exploitation of Venezuelan migrant children in Peru and "
            "Colombia",
            "research",
            ["PE", "CO"],
        ),
        (
            "Online consultations 2023–2024: child sexual abuse online in eight countries (Spanish)",
            "research",
            [],
        ),
    ):
        document = Document.objects.filter(event=event, title_en=title).first()
        if document is None:
            continue
        entry, _ = LibraryDocument.objects.update_or_create(
            event=event,
            event_document=document,
            defaults={"title": document.title, "kind": kind, "language": document.language, "year": 2024},
        )
        library_services.save_document(document=entry, countries=countries, terms=_terms("data-monitoring"))
    return counts["created"] + counts["updated"]


def load_example_foundation(event: Event) -> None:
    """A plainly fictional organisation with a focal point and one commitment, to show the updates."""
    entry = (
        Entry.objects.filter(
            event=event, kind=Entry.Kind.RECOMMENDATION, title_en__startswith="Promote a Culture"
        )
        .order_by("pk")
        .first()
    ) or Entry.objects.filter(event=event, kind=Entry.Kind.RECOMMENDATION).order_by("pk").first()
    if entry is None:
        return
    organisation, _ = Organisation.objects.update_or_create(
        name="Example Foundation",
        defaults={
            "description_en": "A fictional organisation, made up for the demo to show how progress is "
            "reported."
        },
    )
    User = get_user_model()
    user = User.objects.filter(email=FOCAL_POINT_EMAIL).first()
    if user is None:
        user = User.objects.create(username="focal-point", email=FOCAL_POINT_EMAIL)
        user.set_password(DEMO_PASSWORD)
        user.save()
        from allauth.account.models import EmailAddress

        EmailAddress.objects.update_or_create(
            user=user, email=FOCAL_POINT_EMAIL, defaults={"verified": True, "primary": True}
        )
    FocalPoint.objects.get_or_create(
        user=user, organisation=organisation, country="CR", defaults={"display_name": "Demo focal point"}
    )
    if Commitment.objects.filter(entry=entry, organisation=organisation).exists():
        return
    commitment = Commitment(
        entry=entry,
        organisation=organisation,
        country="CR",
        description_en=(
            "Fictional example: train the staff of ten partner hotels to recognise and report signs of child "
            "sexual exploitation."
        ),
        target_en="Fictional example: ten hotels with trained staff and a reporting procedure.",
        indicator_en="Fictional example: number of hotels whose staff completed the training.",
        baseline_en="Fictional example: none at the start.",
        deadline=datetime.date(2025, 12, 31),
        status="planned",
        source="Example Foundation is fictional: this commitment only shows how the follow-up works.",
    )
    commitment_services.save_commitment(commitment=commitment, date=datetime.date(2024, 6, 7))
    commitment_services.post_update(
        commitment=commitment,
        text="Fictional example: the training material is ready and four hotels have signed up.",
        date=datetime.date(2024, 11, 15),
        language="en",
        status="in_progress",
        progress=30,
        focal_point=FocalPoint.objects.get(user=user, organisation=organisation, country="CR"),
        author=user,
    )


@transaction.atomic
def load(event: Event | None = None, stdout=None) -> None:
    """Load the observatory's demo; `event` is the San José Dialogue 2024 when load_demo calls it."""
    _say(stdout, "Observatory:\n")
    ensure_taxonomy()
    past = load_2008_event()
    load_2008_entries(past)
    load_2008_commitments(past)
    _say(stdout, f"  Buenos Aires 2008: {Entry.objects.filter(event=past).count()} entries\n")
    if event is not None:
        count = load_san_jose(event, stdout)
        _say(stdout, f"  San José 2024: {count} entries from its report\n")
        load_example_foundation(event)
