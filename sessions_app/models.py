"""Registration, table sessions (thematic tables, World Café rounds), rotations, preferences,
allocation and sub-regional breakout groups."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from events.limits import NOTE, PARAGRAPHS, bounded
from events.models import LANGUAGE_CHOICES, AgendaItem, Day, Event
from events.models.keys import nth, rank
from events.uploads import DocumentFileField


class Sector(models.TextChoices):
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    GOVERNMENT = "government", _("Government")
    UN = "un", _("UN or international organisation")
    PRIVATE = "private", _("Private sector")
    PHILANTHROPY = "philanthropy", _("Philanthropy")
    ACADEMIA = "academia", _("Academia")
    YOUTH = "youth", _("Youth")


class RegistrationManager(models.Manager):
    def get_by_natural_key(self, event, email):
        return self.get(event=Event.objects.get_by_natural_key(*event), user__email__iexact=email)


class Registration(models.Model):
    """A person's registration for an event. Consents are off by default and can change later."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        WAITLISTED = "waitlisted", _("Waiting list")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations")
    full_name = models.CharField(_("full name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    country = CountryField(_("country"))
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    is_network_member = models.BooleanField(_("member of the network"), default=False)
    preferred_language = models.CharField(_("preferred language"), max_length=5, choices=LANGUAGE_CHOICES)
    days = models.ManyToManyField(
        Day, blank=True, related_name="registrations", verbose_name=_("days attending")
    )
    accessibility_needs = models.TextField(
        _("accessibility needs"), blank=True, help_text=_("Seen by the organisers only."), **bounded(NOTE)
    )
    consent_directory = models.BooleanField(
        _("list me in the participant directory that other participants see"), default=False
    )
    consent_quote_attribution = models.BooleanField(
        _("my quotes may be attributed to my organisation and country in the report"), default=False
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationManager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="unique_registration_per_event")
        ]

    def __str__(self):
        return f"{self.full_name} ({self.event})"

    def natural_key(self):
        return (self.event.natural_key(), self.user.email)

    natural_key.dependencies = ["events.event"]


class TableSessionManager(models.Manager):
    def get_by_natural_key(self, agenda_item):
        return self.get(agenda_item=AgendaItem.objects.get_by_natural_key(*agenda_item))


class TableSession(models.Model):
    """An agenda block run as tables in rotations: the Tuesday thematic tables, a World Café."""

    class Kind(models.TextChoices):
        THEMATIC_TABLES = "thematic_tables", _("Thematic tables")
        WORLD_CAFE = "world_cafe", _("World Café")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="table_sessions")
    agenda_item = models.OneToOneField(
        AgendaItem, on_delete=models.CASCADE, related_name="table_session", verbose_name=_("agenda block")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.THEMATIC_TABLES)
    title = models.CharField(_("title"), max_length=250)
    instructions = models.TextField(_("instructions"), blank=True, **bounded(PARAGRAPHS))
    preferences_close = models.DateTimeField(_("ranking closes"), null=True, blank=True)
    diversity_country_share = models.DecimalField(
        _("most of one table from one country"),
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("A share between 0 and 1, e.g. 0.35; empty for no cap."),
    )
    diversity_sector_share = models.DecimalField(
        _("most of one table from one sector"), max_digits=3, decimal_places=2, null=True, blank=True
    )
    allocated_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # The solver's figures for the last stored allocation: quality, baselines, cost, unplaced.
    allocation_report = models.JSONField(default=dict, blank=True)
    # The seats as last published, {registration pk: [[rotation pk, table pk], ...]}: publishing again
    # e-mails only the people whose seats changed since. How many times the allocation was published, and
    # whom the latest publication of changes writes to (registration pks; empty for the first publication,
    # which writes to every seated participant). Primary keys of this database: not exported
    # (serialize=False); an imported published session starts without them.
    published_seats = models.JSONField(default=dict, blank=True, serialize=False)
    publication_round = models.PositiveIntegerField(default=0, serialize=False)
    round_recipients = models.JSONField(default=list, blank=True, serialize=False)

    objects = TableSessionManager()

    class Meta:
        verbose_name = _("table session")
        verbose_name_plural = _("table sessions")
        ordering = ["agenda_item__day__date", "agenda_item__start"]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.agenda_item.natural_key(),)

    natural_key.dependencies = ["events.agendaitem"]


class RotationManager(models.Manager):
    def get_by_natural_key(self, session, number):
        return self.get(session=TableSession.objects.get_by_natural_key(*session), number=number)


class Rotation(models.Model):
    """A time slot of a table session (a rotation, or a World Café round)."""

    session = models.ForeignKey(TableSession, on_delete=models.CASCADE, related_name="rotations")
    number = models.PositiveSmallIntegerField(_("number"))
    agenda_item = models.OneToOneField(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="rotation"
    )
    # A rotation linked to an agenda item takes that item's times; an unlinked one has its own, inside
    # the session's block (services.tables.rotation_time_problems checks them).
    start = models.TimeField(_("start"), null=True, blank=True)
    end = models.TimeField(_("end"), null=True, blank=True)

    objects = RotationManager()

    class Meta:
        verbose_name = _("rotation")
        verbose_name_plural = _("rotations")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["session", "number"], name="unique_rotation_number")]

    def __str__(self):
        return _("Rotation %(number)s") % {"number": self.number}

    def natural_key(self):
        return (self.session.natural_key(), self.number)

    natural_key.dependencies = ["sessions_app.tablesession"]

    @property
    def start_time(self):
        return self.agenda_item.start if self.agenda_item_id else self.start

    @property
    def end_time(self):
        return self.agenda_item.end if self.agenda_item_id else self.end


class TableManager(models.Manager):
    def get_by_natural_key(self, session, number):
        return self.get(session=TableSession.objects.get_by_natural_key(*session), number=number)


class Table(models.Model):
    """A thematic table: a topic, guiding questions, facilitators, and seats in each rotation."""

    session = models.ForeignKey(TableSession, on_delete=models.CASCADE, related_name="tables")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    guiding_questions = models.TextField(
        _("guiding questions"), blank=True, help_text=_("One question per line."), **bounded(PARAGRAPHS)
    )
    working_language = models.CharField(
        _("working language"), max_length=5, choices=LANGUAGE_CHOICES, default="en"
    )
    room = models.CharField(_("room"), max_length=100, blank=True)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="facilitated_tables",
        verbose_name=_("facilitators"),
    )

    objects = TableManager()

    class Meta:
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["session", "number"], name="unique_table_number")]

    def __str__(self):
        return _("Table %(number)s: %(title)s") % {"number": self.number, "title": self.title}

    def natural_key(self):
        return (self.session.natural_key(), self.number)

    natural_key.dependencies = ["sessions_app.tablesession"]

    def questions_list(self) -> list[str]:
        return [line.strip() for line in (self.guiding_questions or "").splitlines() if line.strip()]


class TableSlotManager(models.Manager):
    def get_by_natural_key(self, table, rotation):
        table = Table.objects.get_by_natural_key(*table)
        return self.get(table=table, rotation__session=table.session_id, rotation__number=rotation)


class TableSlot(models.Model):
    """One table in one rotation, with its seats. Its row is the lock for taking a seat."""

    table = models.ForeignKey(Table, on_delete=models.CASCADE, related_name="slots")
    rotation = models.ForeignKey(Rotation, on_delete=models.CASCADE, related_name="slots")
    seats = models.PositiveIntegerField(_("seats"))

    objects = TableSlotManager()

    class Meta:
        verbose_name = _("table slot")
        verbose_name_plural = _("table slots")
        ordering = ["rotation__number", "table__number"]
        constraints = [models.UniqueConstraint(fields=["table", "rotation"], name="unique_slot")]

    def __str__(self):
        return f"{self.table} – {self.rotation}"

    def natural_key(self):
        # The table and the number of the rotation (of the table's own session).
        return (self.table.natural_key(), self.rotation.number)

    natural_key.dependencies = ["sessions_app.table", "sessions_app.rotation"]


class Material(models.Model):
    """A file or link for a table (or for every table of a session when `table` is empty)."""

    session = models.ForeignKey(TableSession, on_delete=models.CASCADE, related_name="materials")
    table = models.ForeignKey(
        Table, null=True, blank=True, on_delete=models.CASCADE, related_name="materials"
    )
    title = models.CharField(_("title"), max_length=250)
    file = DocumentFileField(_("file"), upload_to="materials/", blank=True)
    url = models.URLField(_("link"), blank=True)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, default="en")

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["pk"]

    def __str__(self):
        return self.title


class PreferenceManager(models.Manager):
    def get_by_natural_key(self, registration, table):
        return self.get(
            registration=Registration.objects.get_by_natural_key(*registration),
            table=Table.objects.get_by_natural_key(*table),
        )


class Preference(models.Model):
    """A participant's rank (1 = first choice) for a table of a session."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="preferences")
    table = models.ForeignKey(Table, on_delete=models.CASCADE, related_name="preferences")
    rank = models.PositiveSmallIntegerField(_("rank"))

    objects = PreferenceManager()

    class Meta:
        verbose_name = _("preference")
        verbose_name_plural = _("preferences")
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "table"], name="unique_preference_table"),
        ]

    def __str__(self):
        return f"{self.registration.full_name}: {self.rank} – {self.table}"

    def natural_key(self):
        return (self.registration.natural_key(), self.table.natural_key())

    natural_key.dependencies = ["sessions_app.registration", "sessions_app.table"]


class AssignmentManager(models.Manager):
    def get_by_natural_key(self, registration, rotation):
        return self.get(
            registration=Registration.objects.get_by_natural_key(*registration),
            rotation=Rotation.objects.get_by_natural_key(*rotation),
        )


class Assignment(models.Model):
    """A participant's seat at a table in one rotation. Unique per rotation and per table."""

    class Source(models.TextChoices):
        SOLVER = "solver", _("Allocation")
        MANUAL = "manual", _("Moved by an organiser")
        SWITCH = "switch", _("Switched by the participant")

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="assignments")
    rotation = models.ForeignKey(Rotation, on_delete=models.CASCADE, related_name="assignments")
    table = models.ForeignKey(Table, on_delete=models.CASCADE, related_name="assignments")
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.SOLVER)
    created_at = models.DateTimeField(auto_now=True)

    objects = AssignmentManager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["registration", "rotation"], name="one_table_per_rotation"),
            models.UniqueConstraint(fields=["registration", "table"], name="each_table_once"),
        ]

    def __str__(self):
        return f"{self.registration.full_name}: {self.rotation} – {self.table}"

    def natural_key(self):
        return (self.registration.natural_key(), self.rotation.natural_key())

    natural_key.dependencies = ["sessions_app.registration", "sessions_app.rotation"]


class BreakoutGroupManager(models.Manager):
    def get_by_natural_key(self, agenda_item, number):
        item = AgendaItem.objects.get_by_natural_key(*agenda_item)
        return nth(self.filter(agenda_item=item).order_by(*GROUP_ORDER), number)


#: The order of an item's groups, which their natural keys count in.
GROUP_ORDER = ("order", "pk")


class BreakoutGroup(models.Model):
    """A sub-regional group for an agenda item: countries mapped to it, optionally split in parts."""

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="breakout_groups")
    name = models.CharField(_("name"), max_length=200)
    countries = models.JSONField(_("countries"), default=list, help_text=_("ISO country codes."))
    parts = models.PositiveSmallIntegerField(_("number of groups"), default=1)
    room = models.CharField(_("room"), max_length=100, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="facilitated_groups"
    )

    objects = BreakoutGroupManager()

    class Meta:
        verbose_name = _("breakout group")
        verbose_name_plural = _("breakout groups")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name

    def natural_key(self):
        """Names may repeat: a group is the n-th group of its agenda item (by order, then creation)."""
        siblings = BreakoutGroup.objects.filter(agenda_item_id=self.agenda_item_id)
        return (self.agenda_item.natural_key(), rank(self, siblings, GROUP_ORDER))

    natural_key.dependencies = ["events.agendaitem"]


class GroupPlacementManager(models.Manager):
    def get_by_natural_key(self, group, registration):
        return self.get(
            group=BreakoutGroup.objects.get_by_natural_key(*group),
            registration=Registration.objects.get_by_natural_key(*registration),
        )


class GroupPlacement(models.Model):
    group = models.ForeignKey(BreakoutGroup, on_delete=models.CASCADE, related_name="placements")
    part = models.PositiveSmallIntegerField(default=1)
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="group_placements")

    objects = GroupPlacementManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "registration"], name="unique_group_placement"),
        ]

    def __str__(self):
        return f"{self.registration.full_name}: {self.group} ({self.part})"

    def natural_key(self):
        return (self.group.natural_key(), self.registration.natural_key())

    natural_key.dependencies = ["sessions_app.breakoutgroup", "sessions_app.registration"]
