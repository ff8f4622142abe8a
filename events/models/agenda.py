"""The agenda: days (who may attend, who may read their programme) and their items (parallel tracks).
The people printed on them are in `people`."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..limits import PARAGRAPHS, bounded
from .event import Event
from .keys import nth, rank


class Audience(models.TextChoices):
    """Who may read a day's programme or an item (for an item, also whom the item is for)."""

    PUBLIC = "public", _("Open to the public")
    PARTICIPANTS = "participants", _("Registered participants")
    MEMBERS = "members", _("Closed: network members only")
    NON_MEMBERS = "non_members", _("Participants who are not network members")


#: Who may read a day's programme: a day is public, for participants or closed (network members).
DAY_AUDIENCES = [
    (value, label)
    for value, label in Audience.choices
    if value in {Audience.PUBLIC, Audience.PARTICIPANTS, Audience.MEMBERS}
]


class Attendance(models.TextChoices):
    """Who may attend a day, whoever may read its programme."""

    PUBLIC = "public", _("Open to the public")
    PARTICIPANTS = "participants", _("Registered participants")
    MEMBERS = "members", _("Network members only")
    NAMED = "named", _("An audience you name")


class DayManager(models.Manager):
    def get_by_natural_key(self, event, date):
        return self.get(event=Event.objects.get_by_natural_key(*event), date=date)


class Day(models.Model):
    """One day of the agenda with its focus, who may attend it and who may read its programme.

    `audience` is who may read the programme (public unless the day is closed); `attendance` who may come.
    A closed day (programme for network members) is invisible to everyone else on every channel, unless
    the organiser publishes its outline (`outline_public`): its title, focus and the times and titles of
    its sessions, without people or descriptions. Items may name an audience of their own (parallel tracks).
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="days")
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200, blank=True)
    focus = models.TextField(_("focus"), blank=True, **bounded(PARAGRAPHS))
    audience = models.CharField(
        _("who may read the programme"),
        max_length=20,
        choices=DAY_AUDIENCES,
        default=Audience.PUBLIC,
        help_text=_(
            "Public unless the day is closed. A closed day is invisible to everyone but network members "
            "and organisers, unless you publish its outline."
        ),
    )
    attendance = models.CharField(
        _("who may attend"), max_length=20, choices=Attendance.choices, default=Attendance.PARTICIPANTS
    )
    attendance_label = models.CharField(
        _("audience you name"),
        max_length=200,
        blank=True,
        help_text=_(
            "For example “Civil-society organisations”: shown when the day is for an audience you name."
        ),
    )
    outline_public = models.BooleanField(
        _("publish the outline of the closed day"),
        default=False,
        help_text=_(
            "Everyone who may see the event then sees the day's title, focus and the times and titles of "
            "its sessions, without people or descriptions."
        ),
    )
    co_host = models.ForeignKey(
        "events.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cohosted_days",
        verbose_name=_("co-host of the day"),
    )
    co_host_note = models.CharField(
        _("in what capacity"),
        max_length=250,
        blank=True,
        help_text=_("For example “as host of the 2024 GARA meeting”."),
    )
    methodology = models.TextField(_("methodology"), blank=True, **bounded(PARAGRAPHS))

    objects = DayManager()

    class Meta:
        verbose_name = _("day")
        verbose_name_plural = _("days")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["event", "date"], name="unique_day_per_event")]

    def __str__(self):
        return f"{self.event} – {self.date:%Y-%m-%d}"

    def natural_key(self):
        return (self.event.natural_key(), self.date)

    natural_key.dependencies = ["events.event"]

    def clean(self):
        event = getattr(self, "event", None)
        if event and self.date and not (event.start_date <= self.date <= event.end_date):
            raise ValidationError({"date": _("The day must fall between the event's first and last day.")})

    @property
    def is_closed(self) -> bool:
        """The programme is for network members only."""
        return self.audience == Audience.MEMBERS

    @property
    def is_members_only(self) -> bool:
        """Only network members may attend: so the organiser says, or the day's programme is closed."""
        return self.attendance == Attendance.MEMBERS or self.is_closed

    @property
    def attendance_display(self) -> str:
        if self.attendance == Attendance.NAMED and self.attendance_label:
            return self.attendance_label
        return self.get_attendance_display()

    def get_absolute_url(self):
        return reverse("events:day_detail", kwargs={"slug": self.event.slug, "date": self.date.isoformat()})


class ItemKind(models.TextChoices):
    REGISTRATION = "registration", _("Registration")
    WELCOME = "welcome", _("Welcome remarks")
    PANEL = "panel", _("Panel")
    PRESENTATION = "presentation", _("Presentation")
    GROUP_WORK = "group_work", _("Group work")
    THEMATIC_TABLES = "thematic_tables", _("Thematic tables")
    ROTATION = "rotation", _("Rotation")
    BREAK = "break", _("Break")
    LUNCH = "lunch", _("Lunch")
    PLENARY = "plenary", _("Plenary")
    WORLD_CAFE = "world_cafe", _("World Café")
    WRAP_UP = "wrap_up", _("Wrap-up")
    EVALUATION = "evaluation", _("Evaluation")
    CLOSING = "closing", _("Closing")


class AgendaItemManager(models.Manager):
    def get_by_natural_key(self, day, number, part=None):
        block = nth(
            self.filter(day=Day.objects.get_by_natural_key(*day), parent=None).order_by(*ITEM_ORDER), number
        )
        if part is None:
            return block
        return nth(self.filter(parent=block).order_by(*ITEM_ORDER), part)


#: The order of the items of a day (and of the parts of a block), which their natural keys count in.
ITEM_ORDER = ("start", "order", "pk")


class AgendaItem(models.Model):
    """A time slot on a day. Items may run in parallel in different rooms, never overlap in one room."""

    day = models.ForeignKey(Day, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        verbose_name=_("part of"),
        help_text=_("For a rotation inside a longer block."),
    )
    start = models.TimeField(_("start"))
    end = models.TimeField(_("end"))
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices, default=ItemKind.PRESENTATION)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True, **bounded(PARAGRAPHS))
    room = models.CharField(_("room"), max_length=100, blank=True)
    audience = models.CharField(
        _("audience"),
        max_length=20,
        choices=Audience.choices,
        blank=True,
        help_text=_(
            "Leave empty to use the day's. An item of its own audience is a parallel track: only that "
            "audience sees it, even on a closed day."
        ),
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = AgendaItemManager()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["start", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="item_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.start:%H:%M}–{self.end:%H:%M} {self.title}"

    def natural_key(self):
        """An item has no name of its own that is unique: it is the n-th block of its day (by start time,
        then order), and a part the m-th part of its block: (day, n) or (day, n, m)."""
        if self.parent_id is None:
            siblings = AgendaItem.objects.filter(day_id=self.day_id, parent=None)
            return (self.day.natural_key(), rank(self, siblings, ITEM_ORDER))
        siblings = AgendaItem.objects.filter(parent_id=self.parent_id)
        return (*self.parent.natural_key(), rank(self, siblings, ITEM_ORDER))

    natural_key.dependencies = ["events.day"]

    @property
    def effective_audience(self) -> str:
        return self.audience or self.day.audience

    def clean(self):
        """Refuse items that end before they start, parts outside their block and clashes in one room.

        Items may run in parallel in different rooms; a rotation inside a block shares the block's room.
        """
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The item must end after it starts.")
        parent = self.parent
        if parent is not None:
            if self.pk and parent.pk == self.pk:
                errors["parent"] = _("An item cannot be part of itself.")
            elif parent.parent_id is not None:
                errors["parent"] = _("A part cannot contain further parts: choose a block of the day.")
            elif self.day_id and parent.day_id != self.day_id:
                errors["parent"] = _("A part must be on the same day as the block it belongs to.")
            elif self.pk and self.children.exists():
                errors["parent"] = _("This item has parts of its own, so it cannot be part of another block.")
            elif self.start and self.end and (self.start < parent.start or self.end > parent.end):
                message = _("A part must fit inside the block it belongs to (%(start)s–%(end)s).")
                errors["start"] = message % {
                    "start": parent.start.strftime("%H:%M"),
                    "end": parent.end.strftime("%H:%M"),
                }
        if not errors and self.pk and self.start and self.end:
            outside = (
                self.children.exclude(start__gte=self.start, end__lte=self.end).order_by("start").first()
            )
            if outside is not None:
                message = _("The part “%(title)s” (%(start)s–%(end)s) would no longer fit inside this block.")
                errors["end"] = message % {
                    "title": outside.title,
                    "start": outside.start.strftime("%H:%M"),
                    "end": outside.end.strftime("%H:%M"),
                }
        if not errors and self.room and self.start and self.end and self.day_id:
            clashes = AgendaItem.objects.filter(
                day_id=self.day_id, room__iexact=self.room.strip(), start__lt=self.end, end__gt=self.start
            ).exclude(pk=self.pk)
            # A rotation inside a block shares the block's room by design.
            if self.parent_id:
                clashes = clashes.exclude(pk=self.parent_id)
            if self.pk:
                clashes = clashes.exclude(parent_id=self.pk)
            clash = clashes.order_by("start", "pk").first()
            if clash is not None:
                errors["room"] = _("%(room)s is already used from %(start)s to %(end)s by “%(title)s”.") % {
                    "room": self.room,
                    "start": clash.start.strftime("%H:%M"),
                    "end": clash.end.strftime("%H:%M"),
                    "title": clash.title,
                }
        if errors:
            raise ValidationError(errors)

    def starts_at(self) -> datetime:
        return datetime.combine(self.day.date, self.start, tzinfo=self.day.event.tz)

    def ends_at(self) -> datetime:
        return datetime.combine(self.day.date, self.end, tzinfo=self.day.event.tz)
