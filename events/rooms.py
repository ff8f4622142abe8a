"""Rooms: reading an event's rooms by name, saving one (a rename follows on its items and tables), the
room field of the item and table forms, and the organisers' room form.

Items and tables name their room as text; `Room` gives that name a capacity, accessibility notes and a
floor plan (see `events.models.rooms`).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from .models import AgendaItem, Event, Room

#: Sent after a room was renamed, with `event`, `old` and `new` names, inside the saving transaction:
#: apps that name rooms (the tables) rename theirs.
room_renamed = Signal()


def rooms_by_name(*, event: Event) -> dict[str, Room]:
    """The event's rooms by their name in lower case (one query)."""
    return {room.name.casefold(): room for room in event.rooms.all()}


def room_named(rooms: dict[str, Room], name: str) -> Room | None:
    return rooms.get((name or "").strip().casefold())


def save_room(*, room: Room, old_name: str = "") -> Room:
    """Save `room`; when its name changed, the agenda items and tables that named it follow."""
    with transaction.atomic():
        room.save()
        if old_name and old_name != room.name:
            AgendaItem.objects.filter(day__event=room.event, room__iexact=old_name).update(room=room.name)
            room_renamed.send(sender=Room, event=room.event, old=old_name, new=room.name)
    return room


class RoomNameInput(forms.TextInput):
    """A text input that suggests the event's rooms (an HTML datalist): pick one, or type a room the
    list does not hold yet."""

    def __init__(self, *args, rooms=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.rooms = list(rooms)

    def render(self, name, value, attrs=None, renderer=None):
        list_id = f"{(attrs or {}).get('id', name)}-rooms"
        self.attrs["list"] = list_id
        html = super().render(name, value, attrs, renderer)
        options = format_html_join("", '<option value="{}"></option>', ((room,) for room in self.rooms))
        return format_html('{}<datalist id="{}">{}</datalist>', html, list_id, options)


def use_room_input(form: forms.Form, field: str, *, event: Event) -> None:
    """Make `field` of `form` suggest the event's rooms."""
    current = form.fields[field]
    current.widget = RoomNameInput(rooms=event.rooms.values_list("name", flat=True))
    current.help_text = _("Choose one of the event's rooms, or type another name.")


class RoomForm(forms.ModelForm):
    class Meta:
        model = Room
        fields = ["name", "capacity", "accessibility_notes", "floor_plan"]

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.event = event
        self.old_name = self.instance.name if self.instance.pk else ""
        self.fields["floor_plan"].help_text = _("PNG, JPEG or WebP, at most %(limit)s MB.") % {
            "limit": f"{settings.IMAGE_MAX_BYTES / 1048576:.0f}"
        }

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = self.instance.event.rooms.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("The event already has a room called “%(name)s”.") % {"name": name})
        return name

    def save(self, commit=True):
        room = super().save(commit=False)
        return save_room(room=room, old_name=self.old_name)
