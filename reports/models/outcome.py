"""The outcome report's own editorial content and the order of its sections."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from events.limits import LONG, bounded
from events.models import Event, Organisation
from events.uploads import ImageFileField

#: The editorial texts of a report (translated fields of `Report`), in the order of the edit form.
REPORT_TEXT_FIELDS = [
    "title",
    "subtitle",
    "region_label",
    "acknowledgements",
    "disclaimer",
    "publisher",
    "introduction",
    "key_trends",
    "thematic_introduction",
    "future_directions",
    "about",
    "back_cover",
]


class ReportManager(models.Manager):
    def get_by_natural_key(self, event):
        return self.get(event=Event.objects.get_by_natural_key(*event))


class Report(models.Model):
    """The outcome report of an event: editorial texts (translatable) and the order of its sections."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="report")
    title = models.CharField(_("title"), max_length=300)
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    acknowledgements = models.TextField(_("acknowledgements"), blank=True, **bounded(LONG))
    disclaimer = models.TextField(_("disclaimer"), blank=True, **bounded(LONG))
    introduction = models.TextField(_("introduction"), blank=True, **bounded(LONG))
    key_trends = models.TextField(_("key trends"), blank=True, **bounded(LONG))
    thematic_introduction = models.TextField(
        _("introduction to the thematic chapters"),
        blank=True,
        help_text=_("Printed under the heading of the thematic chapters."),
        **bounded(LONG),
    )
    future_directions = models.TextField(_("future directions"), blank=True, **bounded(LONG))
    about = models.TextField(_("about the organisations"), blank=True, **bounded(LONG))
    publisher = models.TextField(_("publisher and citation"), blank=True, **bounded(LONG))
    region_label = models.CharField(
        _("region on the cover"), max_length=120, blank=True, help_text=_("For example “The Americas”.")
    )
    designer = models.CharField(
        _("designed by"),
        max_length=200,
        blank=True,
        help_text=_("The designer's credit, printed with the publisher."),
    )
    back_cover = models.TextField(_("back cover text"), blank=True, **bounded(LONG))
    cover_image = ImageFileField(_("cover image"), upload_to="reports/covers/", blank=True, max_side=2400)
    cover_organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="+",
        verbose_name=_("logos on the cover"),
        help_text=_("The partners whose logos print on the cover and the back cover."),
    )
    about_organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="+",
        verbose_name=_("“About” pages"),
        help_text=_("The partners presented in the “About” section, from their own description."),
    )
    include_evaluation = models.BooleanField(_("include a summary of the evaluation"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReportManager()

    class Meta:
        verbose_name = _("outcome report")
        verbose_name_plural = _("outcome reports")

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.event.natural_key(),)

    natural_key.dependencies = ["events.event"]


class ReportSection(models.Model):
    """One section of the report, in the order staff chose."""

    class Kind(models.TextChoices):
        ACKNOWLEDGEMENTS = "acknowledgements", _("Acknowledgements and disclaimer")
        INTRODUCTION = "introduction", _("Introduction")
        KEY_TRENDS = "key_trends", _("Key trends")
        AT_A_GLANCE = "at_a_glance", _("At a glance")
        IN_DETAIL = "in_detail", _("In detail")
        THEMATIC = "thematic", _("Thematic chapters")
        SAFEGUARDING = "safeguarding", _("Safeguarding")
        EVALUATION = "evaluation", _("Evaluation summary")
        FUTURE_DIRECTIONS = "future_directions", _("Future directions")
        ABOUT = "about", _("About")
        CUSTOM = "custom", _("Section written by the organiser")
        GENERATED = "generated", _("Section made from other data")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=250, blank=True)
    body = models.TextField(
        _("text"), blank=True, help_text=_("The text of a section written by the organiser."), **bounded(LONG)
    )
    source = models.CharField(
        _("source"),
        max_length=60,
        blank=True,
        help_text=_("The part of the portal that makes a section from other data."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    included = models.BooleanField(_("included"), default=True)

    class Meta:
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "source"],
                condition=~models.Q(source=""),
                name="one_generated_section_per_source",
            )
        ]

    def __str__(self):
        return self.title or self.get_kind_display()

    @property
    def heading(self) -> str:
        """The section's title in the active language (with the event's fallback), else its default."""
        if self.title:
            return self.title
        if self.kind == self.Kind.GENERATED:
            from ..generated import default_title

            return default_title(self.source)
        return str(DEFAULT_SECTION_TITLES[self.kind])


#: Heading of a section whose staff title is empty (translated when it is read).
DEFAULT_SECTION_TITLES = {
    ReportSection.Kind.ACKNOWLEDGEMENTS: _("Acknowledgements"),
    ReportSection.Kind.INTRODUCTION: _("Introduction"),
    ReportSection.Kind.KEY_TRENDS: _("Key trends"),
    ReportSection.Kind.AT_A_GLANCE: _("At a glance"),
    ReportSection.Kind.IN_DETAIL: _("In detail"),
    ReportSection.Kind.THEMATIC: _("Thematic discussions"),
    ReportSection.Kind.SAFEGUARDING: _("Safeguarding"),
    ReportSection.Kind.EVALUATION: _("Evaluation by participants"),
    ReportSection.Kind.FUTURE_DIRECTIONS: _("Future directions"),
    ReportSection.Kind.ABOUT: _("About"),
    ReportSection.Kind.CUSTOM: _("Untitled section"),
    ReportSection.Kind.GENERATED: _("Section made from other data"),
}
