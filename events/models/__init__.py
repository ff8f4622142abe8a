"""The events app's models, by sub-domain: the event and its people and partners (`event`), the agenda
(`agenda`), background jobs and the files they make (`jobs`), the audit log (`audit`). Import them from
here."""

from .agenda import (
    AgendaItem,
    AppearanceRole,
    Audience,
    Day,
    ItemKind,
    ItemPerson,
    Person,
    person_photo_upload_to,
)
from .audit import AuditAction, AuditEntry
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
from .jobs import Job, SentEmail, job_upload_to

__all__ = [
    "LANGUAGE_CHOICES",
    "AgendaItem",
    "AppearanceRole",
    "AuditAction",
    "AuditEntry",
    "Audience",
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
    "SentEmail",
    "Series",
    "SeriesEdition",
    "document_upload_to",
    "job_upload_to",
    "logo_upload_to",
    "person_photo_upload_to",
    "validate_languages",
    "validate_timezone",
]
