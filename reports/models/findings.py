"""The findings harvest: consolidation records and their findings, the history of each record, the template
sections that apply to an agenda item, and the daily takeaways."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from events.limits import LONG, NOTE, PARAGRAPHS, bounded
from events.models import LANGUAGE_CHOICES, AgendaItem, Day, Event
from sessions_app.models import BreakoutGroup, Rotation, Table


class FindingKind(models.TextChoices):
    """The sections of the standard consolidation template."""

    TREND = "trend", _("Key trends")
    CHALLENGE = "challenge", _("Challenges")
    GOOD_PRACTICE = "good_practice", _("Good practices")
    RECOMMENDATION = "recommendation", _("Pressing actions and recommendations")
    COUNTRY_OBSERVATION = "country_observation", _("Country observations")
    QUOTE = "quote", _("Quotes")


class ConsolidationRecordManager(models.Manager):
    def get_by_natural_key(self, kind, target, detail=None):
        if kind == "table":
            table = Table.objects.get_by_natural_key(*target)
            return self.get(table=table, rotation__session=table.session_id, rotation__number=detail)
        if kind == "group":
            return self.get(group=BreakoutGroup.objects.get_by_natural_key(*target), group_part=detail)
        if kind == "item":
            return self.get(agenda_item=AgendaItem.objects.get_by_natural_key(*target))
        raise self.model.DoesNotExist(f"No record target of kind {kind!r}.")


class ConsolidationRecord(models.Model):
    """What one table in one rotation (or one breakout group part, World Café round, plenary recap)
    found, entered by its facilitator and reviewed by a rapporteur.

    `version` increases on every save; a save that names an older version is a conflict.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        ACCEPTED = "accepted", _("Accepted")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="records")
    table = models.ForeignKey(Table, null=True, blank=True, on_delete=models.CASCADE, related_name="records")
    rotation = models.ForeignKey(
        Rotation, null=True, blank=True, on_delete=models.CASCADE, related_name="records"
    )
    group = models.ForeignKey(
        BreakoutGroup, null=True, blank=True, on_delete=models.CASCADE, related_name="records"
    )
    group_part = models.PositiveSmallIntegerField(null=True, blank=True)
    agenda_item = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="records",
        help_text=_("For a plenary recap."),
    )
    language = models.CharField(
        _("language of the findings"), max_length=5, choices=LANGUAGE_CHOICES, default="en"
    )
    notes = models.TextField(_("free notes"), blank=True, **bounded(LONG))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    review_comment = models.TextField(_("reviewer's comment"), blank=True, **bounded(NOTE))
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConsolidationRecordManager()

    class Meta:
        verbose_name = _("consolidation record")
        verbose_name_plural = _("consolidation records")
        constraints = [
            # Exactly one target: a table in a rotation, a part of a breakout group, or a recap's item.
            models.CheckConstraint(
                condition=(
                    models.Q(
                        table__isnull=False,
                        rotation__isnull=False,
                        group__isnull=True,
                        group_part__isnull=True,
                        agenda_item__isnull=True,
                    )
                    | models.Q(
                        table__isnull=True,
                        rotation__isnull=True,
                        group__isnull=False,
                        group_part__isnull=False,
                        agenda_item__isnull=True,
                    )
                    | models.Q(
                        table__isnull=True,
                        rotation__isnull=True,
                        group__isnull=True,
                        group_part__isnull=True,
                        agenda_item__isnull=False,
                    )
                ),
                name="record_has_exactly_one_target",
            ),
            # One record per target: starting a record twice (a double click) finds the first one.
            models.UniqueConstraint(fields=["table", "rotation"], name="one_record_per_table_rotation"),
            models.UniqueConstraint(fields=["group", "group_part"], name="one_record_per_group_part"),
            models.UniqueConstraint(
                fields=["agenda_item"],
                condition=models.Q(agenda_item__isnull=False),
                name="one_record_per_recap_item",
            ),
        ]

    def __str__(self):
        return self.label

    def natural_key(self):
        """A record is known by its one target: ("table", table, rotation number), ("group", group, part)
        or ("item", agenda item)."""
        if self.table_id:
            return ("table", self.table.natural_key(), self.rotation.number)
        if self.group_id:
            return ("group", self.group.natural_key(), self.group_part)
        return ("item", self.agenda_item.natural_key())

    natural_key.dependencies = ["sessions_app.table", "sessions_app.breakoutgroup", "events.agendaitem"]

    @property
    def is_editable(self) -> bool:
        """Whether the record's status lets its facilitators change it (draft, changes requested)."""
        return self.status in EDITABLE_STATUSES

    @property
    def kind(self) -> str:
        if self.table_id:
            return "table"
        if self.group_id:
            return "group"
        return "item"

    @property
    def label(self) -> str:
        """A short human name: which table and rotation, group part or plenary recap."""
        if self.table_id:
            return _("Table %(table)s · %(rotation)s") % {
                "table": self.table.number,
                "rotation": self.rotation if self.rotation_id else "—",
            }
        if self.group_id:
            if self.group.parts > 1:
                return _("%(group)s (group %(part)s)") % {"group": self.group.name, "part": self.group_part}
            return str(self.group.name)
        if self.agenda_item_id:
            return _("Recap: %(title)s") % {"title": self.agenda_item.title}
        return _("Record %(pk)s") % {"pk": self.pk}


#: The statuses in which a record's facilitators may edit it.
EDITABLE_STATUSES = frozenset(
    {ConsolidationRecord.Status.DRAFT, ConsolidationRecord.Status.CHANGES_REQUESTED}
)


@dataclass(frozen=True)
class Transition:
    """A move along the review workflow: from which statuses, to which, and who makes it (the record's
    writers or its reviewers; `reports.rules.can_transition` asks)."""

    name: str
    sources: frozenset
    target: str
    by: str  # "writer" or "reviewer"


TRANSITIONS = {
    "submit": Transition("submit", EDITABLE_STATUSES, ConsolidationRecord.Status.SUBMITTED, "writer"),
    "request_changes": Transition(
        "request_changes",
        frozenset({ConsolidationRecord.Status.SUBMITTED, ConsolidationRecord.Status.ACCEPTED}),
        ConsolidationRecord.Status.CHANGES_REQUESTED,
        "reviewer",
    ),
    "accept": Transition(
        "accept",
        frozenset({ConsolidationRecord.Status.SUBMITTED}),
        ConsolidationRecord.Status.ACCEPTED,
        "reviewer",
    ),
}


class Finding(models.Model):
    """One entry in a section of a consolidation record."""

    record = models.ForeignKey(ConsolidationRecord, on_delete=models.CASCADE, related_name="findings")
    section = models.CharField(_("section"), max_length=30, choices=FindingKind.choices)
    order = models.PositiveIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300, blank=True)
    text = models.TextField(_("text"), **bounded(PARAGRAPHS))
    country = CountryField(_("country"), blank=True)
    speaker_organisation = models.CharField(_("speaker's organisation"), max_length=200, blank=True)
    attribution_consent = models.BooleanField(_("the speaker consented to attribution"), default=False)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["section", "order", "pk"]

    def __str__(self):
        return f"{self.get_section_display()}: {self.text[:60]}"


class RecordVersionManager(models.Manager):
    def get_by_natural_key(self, record, version):
        return self.get(record=ConsolidationRecord.objects.get_by_natural_key(*record), version=version)


class RecordVersion(models.Model):
    """A snapshot of a record after each save: who, when, and the whole content."""

    record = models.ForeignKey(ConsolidationRecord, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=20)
    snapshot = models.JSONField()

    objects = RecordVersionManager()

    class Meta:
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["record", "version"], name="unique_record_version")]

    def __str__(self):
        return f"{self.record_id} v{self.version}"

    def natural_key(self):
        return (self.record.natural_key(), self.version)

    natural_key.dependencies = ["reports.consolidationrecord"]


class TakeawayManager(models.Manager):
    def get_by_natural_key(self, day, email):
        if email is None:
            return self.get(day=Day.objects.get_by_natural_key(*day), author__isnull=True)
        return self.get(day=Day.objects.get_by_natural_key(*day), author__email__iexact=email)


class Takeaway(models.Model):
    """A day's main takeaways by a participant chosen to sum up the day. When the author erases their account
    the takeaways stay, without an author ("Former participant")."""

    day = models.ForeignKey(Day, on_delete=models.CASCADE, related_name="takeaways")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="takeaways"
    )
    text = models.TextField(_("main takeaways"), **bounded(PARAGRAPHS))
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, default="en")
    updated_at = models.DateTimeField(auto_now=True)

    objects = TakeawayManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "author"], name="one_takeaway_per_author_day")]

    def __str__(self):
        return f"{self.day} – {self.author or '—'}"

    def natural_key(self):
        return (self.day.natural_key(), self.author.email if self.author_id else None)

    natural_key.dependencies = ["events.day"]


class FindingsTemplateManager(models.Manager):
    def get_by_natural_key(self, agenda_item):
        return self.get(agenda_item=AgendaItem.objects.get_by_natural_key(*agenda_item))


class FindingsTemplate(models.Model):
    """Which template sections apply (and their limits) to the records of one agenda item: the block of a
    table session (every table in every rotation), the item of breakout groups, a plenary recap.

    {section: limit or null}; no template, or an empty one, means every section without a limit.
    """

    agenda_item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="findings_template")
    sections = models.JSONField(_("template sections"), default=dict, blank=True)

    objects = FindingsTemplateManager()

    class Meta:
        verbose_name = _("template settings")
        verbose_name_plural = _("template settings")

    def __str__(self):
        return str(self.agenda_item)

    def natural_key(self):
        return (self.agenda_item.natural_key(),)

    natural_key.dependencies = ["events.agendaitem"]


class TakeawayAuthorManager(models.Manager):
    def get_by_natural_key(self, day, email):
        return self.get(day=Day.objects.get_by_natural_key(*day), user__email__iexact=email)


class TakeawayAuthor(models.Model):
    """A participant chosen by the organisers to sum up a day's main takeaways."""

    day = models.ForeignKey(Day, on_delete=models.CASCADE, related_name="takeaway_authors")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    objects = TakeawayAuthorManager()

    class Meta:
        verbose_name = _("takeaway author")
        verbose_name_plural = _("takeaway authors")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["day", "user"], name="one_takeaway_author_per_day")]

    def __str__(self):
        return f"{self.day} – {self.user}"

    def natural_key(self):
        return (self.day.natural_key(), self.user.email)

    natural_key.dependencies = ["events.day"]
