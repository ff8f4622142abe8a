"""Background jobs and the files they make (`events.jobs` runs them)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..limits import OPERATOR, bounded
from .event import Event


def job_upload_to(instance, filename):
    # Not under a public media folder: the view that asked for the file serves it after its own check.
    return f"generated/{instance.kind.replace('.', '/')}/{instance.inputs_hash}/{filename}"


class Job(models.Model):
    """One run of a registered job kind on some inputs, with the file it made (if it makes one).

    A job is identified by `inputs_hash` (its kind, inputs and version): asking again for the same inputs
    finds the same job, so a file is made once and then served from storage until its inputs change.
    `slot` is the hash without the version: when a newer version of a slot is ready, older ones are
    deleted with their files. A pending or running job past its `deadline` was lost (its worker was killed
    or never picked it up) and counts as failed.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a worker")
        RUNNING = "running", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    class Failure(models.TextChoices):
        TIMEOUT = "timeout", _("Took longer than its time limit")
        ERROR = "error", _("Stopped by an error")
        LOST = "lost", _("Its worker stopped or never started it")
        REFUSED = "refused", _("Refused")

    UNFINISHED = (Status.PENDING, Status.RUNNING)

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=80)
    inputs = models.JSONField(default=dict)
    inputs_hash = models.CharField(max_length=64, db_index=True)
    slot = models.CharField(max_length=64, db_index=True)
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    failure = models.CharField(max_length=10, choices=Failure.choices, blank=True)
    message = models.CharField(max_length=500, blank=True, help_text="For the person who asked (refusals).")
    detail = models.TextField(
        blank=True, help_text="For operators: the error, without personal data.", **bounded(OPERATOR)
    )
    file = models.FileField(upload_to=job_upload_to, blank=True, max_length=300)
    filename = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    deadline = models.DateTimeField()

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Six people asking for the same programme at once start one render, not six.
            models.UniqueConstraint(
                fields=["inputs_hash"],
                condition=models.Q(status__in=["pending", "running"]),
                name="one_unfinished_job_per_inputs",
            ),
        ]

    def __str__(self):
        return f"{self.kind} {self.inputs_hash[:12]} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def is_overdue(self) -> bool:
        return self.status in self.UNFINISHED and timezone.now() > self.deadline


class SentEmail(models.Model):
    """The marker that one message of a bulk mailing went (or is going) to one person: its `key` names
    the mailing and the person ("allocation:<session>:<registration>"), so a mailing sent again, after a
    failure or a crash mid-batch, skips everyone already served (`events.mailing.send_once`).

    A marker is `sending` from just before its message is handed to the mail server until the server took
    it (`sent`); a message the server refused loses its marker and is tried again. A marker left `sending`
    means the process died during that one hand-over: the person is not written to again (never twice).
    """

    class Status(models.TextChoices):
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")

    key = models.CharField(max_length=200, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENDING)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail sent")
        verbose_name_plural = _("e-mails sent")

    def __str__(self):
        return f"{self.key} ({self.status})"
