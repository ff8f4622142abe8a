"""The shared taxonomy: themes (two levels), forms of exploitation and addressees, sub-regions of the
Americas, and how each event's report themes map onto it. Countries are ISO 3166 codes (django-countries)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from reports.models import ReportTheme


class Term(models.Model):
    """A word of the shared vocabulary. Themes have two levels (a theme and its sub-themes); forms of
    exploitation and addressees have one. Names are translated (modeltranslation): the search also finds
    an entry through the name of a term it carries, in any language (see `observatory.search`)."""

    class Facet(models.TextChoices):
        THEME = "theme", _("Theme")
        FORM = "form", _("Form of exploitation")
        ADDRESSEE = "addressee", _("Addressed to")

    facet = models.CharField(_("kind"), max_length=20, choices=Facet.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        verbose_name=_("broader theme"),
    )
    slug = models.SlugField(_("short name"), max_length=80)
    name = models.CharField(_("name"), max_length=200)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("taxonomy term")
        verbose_name_plural = _("taxonomy terms")
        ordering = ["facet", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["facet", "slug"], name="unique_term_slug_per_facet")]

    def __str__(self):
        return self.name

    def clean(self):
        if self.parent_id is None:
            return
        if self.facet != self.Facet.THEME or self.parent.facet != self.Facet.THEME:
            raise ValidationError({"parent": _("Only themes have sub-themes.")})
        if self.parent.parent_id is not None or (self.pk and self.parent_id == self.pk):
            raise ValidationError({"parent": _("Themes have two levels: choose a theme of the first level.")})


class Region(models.Model):
    """A sub-region (Central America, the Caribbean...) as a list of ISO 3166 country codes. What is said
    about a region touches each of its countries (the country pages list it)."""

    slug = models.SlugField(_("short name"), unique=True, max_length=80)
    name = models.CharField(_("name"), max_length=200)
    countries = models.JSONField(_("countries"), default=list, help_text=_("ISO 3166 codes."))
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class ReportThemeMapping(models.Model):
    """Which terms of the shared taxonomy an event's report theme stands for. Entries from the theme's
    collated findings carry these terms."""

    report_theme = models.OneToOneField(
        ReportTheme, on_delete=models.CASCADE, related_name="observatory_mapping"
    )
    terms = models.ManyToManyField(Term, blank=True, related_name="report_themes", verbose_name=_("terms"))

    class Meta:
        verbose_name = _("report theme mapping")
        verbose_name_plural = _("report theme mappings")

    def __str__(self):
        return str(self.report_theme)
