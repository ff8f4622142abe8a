"""The collation for the report: themes and the collated findings gathered into them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from events.limits import PARAGRAPHS, bounded
from events.models import Event

from .findings import Finding, FindingKind


class ReportTheme(models.Model):
    """A theme of the report that collated findings are gathered into (e.g. travel and tourism)."""

    class Kind(models.TextChoices):
        DETAIL = "detail", _("Detailed trends section")
        THEMATIC = "thematic", _("Thematic chapter")
        SAFEGUARDING = "safeguarding", _("Safeguarding chapter")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="report_themes")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.THEMATIC)
    title = models.CharField(_("title"), max_length=250)
    introduction = models.TextField(_("introduction"), blank=True, **bounded(PARAGRAPHS))
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("report theme")
        verbose_name_plural = _("report themes")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


class CollatedFinding(models.Model):
    """A finding as it goes into the report: merged from one or more findings, which stay its provenance."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="collated_findings")
    theme = models.ForeignKey(
        ReportTheme, null=True, blank=True, on_delete=models.SET_NULL, related_name="collated_findings"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=FindingKind.choices)
    subheading = models.CharField(_("sub-heading"), max_length=250, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    text = models.TextField(_("text"), **bounded(PARAGRAPHS))
    country = CountryField(
        _("countries"),
        multiple=True,
        multiple_sort=False,  # in the order the editors name them ("Honduras and the Dominican Republic")
        blank=True,
        help_text=_("One country, or several for a call-out about a group of countries."),
    )
    region = models.CharField(
        _("region"),
        max_length=120,
        blank=True,
        help_text=_("A region the call-out is about instead of countries, e.g. “The Caribbean”."),
    )
    speaker_organisation = models.CharField(_("speaker's organisation"), max_length=200, blank=True)
    attribution_consent = models.BooleanField(_("the speaker consented to attribution"), default=False)
    order = models.PositiveIntegerField(_("order"), default=0)
    at_a_glance = models.BooleanField(_("top trend “at a glance”"), default=False)
    glance_order = models.PositiveIntegerField(default=0)
    in_report = models.BooleanField(_("in the report"), default=True)
    editorial = models.BooleanField(
        _("written by the editors"),
        default=False,
        help_text=_("Written directly for the report rather than collected from the records."),
    )
    sources = models.ManyToManyField(Finding, blank=True, related_name="collated_into")

    class Meta:
        verbose_name = _("collated finding")
        verbose_name_plural = _("collated findings")
        ordering = ["theme__order", "order", "pk"]

    def __str__(self):
        return self.title or self.text[:60]
