"""The organisers' rooms: list, add, edit (a rename follows on items and tables), delete."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView

from ..models import AgendaItem, Room
from ..rooms import RoomForm
from .mixins import ManageDeleteView, ManageFormView, ManageMixin


class RoomListView(ManageMixin, TemplateView):
    template_name = "events/manage/room_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rooms"] = self.event.rooms.order_by("name")
        return context


class RoomCreateView(ManageFormView):
    form_class = RoomForm
    heading = gettext_lazy("Add a room")
    success_message = gettext_lazy("Saved the room %(object)s.")

    def get_success_url(self):
        return self.manage_url("rooms")


class RoomEditView(RoomCreateView):
    heading = gettext_lazy("Edit the room")

    def get_object(self):
        return get_object_or_404(Room, pk=self.kwargs["room_pk"], event=self.event)


class RoomDeleteView(ManageDeleteView):
    def get_object(self):
        return get_object_or_404(Room, pk=self.kwargs["room_pk"], event=self.event)

    def consequences(self):
        room = self.get_object()
        count = AgendaItem.objects.filter(day__event=self.event, room__iexact=room.name).count()
        message = ngettext(
            "%(count)s agenda item keeps the name of the room, without its capacity and floor plan.",
            "%(count)s agenda items keep the name of the room, without its capacity and floor plan.",
            count,
        )
        return [message % {"count": count}] if count else []

    def get_success_url(self):
        return self.manage_url("rooms")
