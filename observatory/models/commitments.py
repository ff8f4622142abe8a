"""Commitments made on an entry, their dated progress updates and the history of their status; the focal
points who post updates for their own organisation."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from events.limits import NOTE, PARAGRAPHS, bounded
from events.models import LANGUAGE_CHOICES, Organisation
from events.uploads import DocumentFileField

from .entries import Entry


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    ACHIEVED = "achieved", _("Achieved")
    STALLED = "stalled", _("Stalled")
    DROPPED = "dropped", _("Dropped")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    YEAR = "year", _("Year only")


class FocalPoint(models.Model):
    """A person who reports progress for one organisation in one country, like the liaison officers of the
    inter-American observatory. Their name is public only with their consent (`show_name`)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="focal_points")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="focal_points", verbose_name=_("organisation")
    )
    country = CountryField(_("country"), blank=True)
    display_name = models.CharField(_("name shown"), max_length=200, blank=True)
    show_name = models.BooleanField(_("the focal point consented to show their name"), default=False)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "country"], name="unique_focal_point")
        ]

    def __str__(self):
        return f"{self.display_name or self.user} – {self.organisation}"

    @property
    def public_label(self) -> str:
        """How updates are signed in public: the name only with consent, else the role."""
        if self.show_name and self.display_name:
            return self.display_name
        return str(_("Focal point"))


class Commitment(models.Model):
    """Who commits to what on an entry: organisation and country, target, indicator, baseline, deadline
    and status. The status changes through `observatory.services.commitments`, which keeps its history."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="commitments")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="commitments", verbose_name=_("organisation")
    )
    country = CountryField(_("country"), blank=True)
    description = models.TextField(_("commitment"), **bounded(PARAGRAPHS))
    target = models.TextField(_("target"), blank=True, **bounded(NOTE))
    indicator = models.TextField(_("indicator"), blank=True, **bounded(NOTE))
    baseline = models.TextField(_("baseline"), blank=True, **bounded(NOTE))
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    source = models.CharField(
        _("source"), max_length=300, blank=True, help_text=_("Where the commitment is stated.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["pk"]
        indexes = [models.Index(fields=["status", "entry"], name="obs_commitment_status")]

    def __str__(self):
        return f"{self.organisation}: {self.description[:60]}"


class CommitmentUpdate(models.Model):
    """A dated report of progress with its evidence (a link or a document). `status` is the status the
    update sets (empty: unchanged)."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("date precision"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    text = models.TextField(_("progress"), **bounded(PARAGRAPHS))
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES, default="en")
    status = models.CharField(_("new status"), max_length=20, choices=Status.choices, blank=True)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    evidence_url = models.URLField(_("evidence (link)"), blank=True)
    evidence_file = DocumentFileField(_("evidence (document)"), upload_to="observatory/evidence/", blank=True)
    focal_point = models.ForeignKey(
        FocalPoint, null=True, blank=True, on_delete=models.SET_NULL, related_name="updates"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__isnull=True) | models.Q(progress__lte=100),
                name="update_progress_at_most_100",
            )
        ]

    def __str__(self):
        return f"{self.commitment_id} {self.date}"

    def clean(self):
        if self.evidence_url and self.evidence_file:
            raise ValidationError(_("Give either a link or a document as evidence, not both."))


class StatusChange(models.Model):
    """One change of a commitment's status: the history is kept, never rewritten."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="status_changes")
    old_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    new_status = models.CharField(max_length=20, choices=Status.choices)
    date = models.DateField(_("date"))
    date_precision = models.CharField(max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY)
    update = models.ForeignKey(
        CommitmentUpdate, null=True, blank=True, on_delete=models.SET_NULL, related_name="status_changes"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.commitment_id}: {self.old_status} → {self.new_status}"
