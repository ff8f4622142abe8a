"""The events app's models, by sub-domain: the event and its people and partners (`event`), the agenda
(`agenda`), background jobs and the files they make (`jobs`). Import them from here."""

from .agenda import (
    DAY_AUDIENCES,
    AgendaItem,
    AppearanceRole,
    Attendance,
    Audience,
    Day,
    ItemKind,
    ItemPerson,
    Person,
    person_photo_upload_to,
)
from .event import (
    LANGUAGE_CHOICES,
    Document,
    Event,
    EventPartner,
    EventRole,
    Organisation,
    Role,
    Series,
    SeriesEdition,
    document_upload_to,
    logo_upload_to,
    validate_languages,
    validate_timezone,
)
from .jobs import Job, job_upload_to

__all__ = [
    "LANGUAGE_CHOICES",
    "AgendaItem",
    "AppearanceRole",
    "Attendance",
    "Audience",
    "DAY_AUDIENCES",
    "Day",
    "Document",
    "Event",
    "EventPartner",
    "EventRole",
    "ItemKind",
    "ItemPerson",
    "Job",
    "Organisation",
    "Person",
    "Role",
    "Series",
    "SeriesEdition",
    "document_upload_to",
    "job_upload_to",
    "logo_upload_to",
    "person_photo_upload_to",
    "validate_languages",
    "validate_timezone",
]
