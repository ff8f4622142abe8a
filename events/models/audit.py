"""The audit log: who did which sensitive thing, when, in which event (none for site-wide actions).

An entry names people through foreign keys only (`actor`, `subject`), never by copying their name or
address into text: when an account is erased, both become empty and the entry keeps no personal data.
`detail` holds what organisers already see (a role, a session's title, a language), never personal data.
`had_actor`/`had_subject` tell an erased person ("Former participant") from nobody (a command).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .event import LANGUAGE_CHOICES, Event, Role


class AuditAction(models.TextChoices):
    ROLE_GRANTED = "role_granted", _("Role granted")
    ROLE_REVOKED = "role_revoked", _("Role removed")
    REGISTRATION_APPROVED = "registration_approved", _("Registration approved")
    REGISTRATION_DECLINED = "registration_declined", _("Registration declined")
    ALLOCATION_PUBLISHED = "allocation_published", _("Allocation published")
    REPORT_EXPORTED = "report_exported", _("Report exported")
    DATA_EXPORTED = "data_exported", _("Personal data downloaded")
    ACCOUNT_ERASED = "account_erased", _("Account erased")


#: Actions whose `detail` is a role's code, shown as the role's name.
ROLE_ACTIONS = frozenset({AuditAction.ROLE_GRANTED, AuditAction.ROLE_REVOKED})


class AuditEntry(models.Model):
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.CASCADE, related_name="audit_entries"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Whether the entry named an actor or a subject when written: an empty one was erased since.
    had_actor = models.BooleanField(default=False)
    had_subject = models.BooleanField(default=False)
    action = models.CharField(_("action"), max_length=30, choices=AuditAction.choices)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["event", "-created_at"], name="audit_event_created")]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_action_display()}"

    @property
    def detail_display(self) -> str:
        """The detail as the log shows it: a role or a report's language by its translated name, anything else
        as recorded."""
        if self.action in ROLE_ACTIONS and self.detail in Role.values:
            return str(Role(self.detail).label)
        if self.action == AuditAction.REPORT_EXPORTED:
            return str(dict(LANGUAGE_CHOICES).get(self.detail, self.detail))
        return self.detail
