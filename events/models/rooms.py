"""The rooms of an event's venue, as the organiser manages them.

Agenda items and tables name their room as text (the exchange format and older files keep that text);
a room of this list is the one whose name it is (matched without regard to case), which gives the item or
table its capacity, accessibility notes and floor plan. Renaming a room renames it on its items and tables
(`events.rooms.rename_room`).
"""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from ..limits import PARAGRAPHS, bounded
from ..uploads import ImageFileField
from .event import Event


def floor_plan_upload_to(instance, filename):
    return f"rooms/{instance.event_id}/{filename}"


class RoomManager(models.Manager):
    def get_by_natural_key(self, event, name):
        return self.get(event=Event.objects.get_by_natural_key(*event), name=name)


class Room(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=100)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("How many people the room seats.")
    )
    accessibility_notes = models.TextField(
        _("accessibility notes"),
        blank=True,
        help_text=_("Step-free access, hearing loop, the nearest accessible toilet…"),
        **bounded(PARAGRAPHS),
    )
    floor_plan = ImageFileField(_("floor plan"), upload_to=floor_plan_upload_to, blank=True, max_side=1600)

    objects = RoomManager()

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "event", name="unique_room_name_per_event"),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.event.natural_key(), self.name)

    natural_key.dependencies = ["events.event"]
