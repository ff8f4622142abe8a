"""The events app's models, by sub-domain: the event and its partners (`event`), the agenda (`agenda`),
the people printed on it (`people`), background jobs and the files they make (`jobs`), the audit log
(`audit`). Import them from
here."""

from .agenda import (
    DAY_AUDIENCES,
    AgendaItem,
    Attendance,
    Audience,
    Day,
    ItemKind,
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
from .people import AppearanceRole, ItemPerson, Person, person_photo_upload_to

__all__ = [
    "LANGUAGE_CHOICES",
    "AgendaItem",
    "AppearanceRole",
    "AuditAction",
    "AuditEntry",
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
