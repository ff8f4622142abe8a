from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .navigation import EventLink, MenuEntry


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = _("Events")

    event_links = [
        EventLink(_("Overview"), "events:event_home", order=0),
        EventLink(_("Agenda"), "events:agenda", current=("day_detail", "person_detail"), order=10),
        EventLink(_("Back office"), "events:manage_event", permission="event.manage", order=900),
    ]
    manage_menu = [
        MenuEntry(
            "programme",
            _("Days"),
            "events:manage_days",
            "event.change",
            current=("manage_day_add", "manage_day_edit", "manage_day_delete", "manage_day_duplicate"),
            order=10,
        ),
        MenuEntry(
            "programme",
            _("Agenda items"),
            "events:manage_items",
            "event.change",
            current=("manage_item_add", "manage_item_edit", "manage_item_delete"),
            order=20,
        ),
        MenuEntry(
            "programme",
            _("Documents"),
            "events:manage_documents",
            "event.change",
            current=("manage_document_add", "manage_document_edit", "manage_document_delete"),
            order=30,
        ),
        MenuEntry("programme", _("Public preview"), "events:preview", "event.change", order=40),
        MenuEntry(
            "people",
            _("People"),
            "events:manage_people",
            "event.change",
            current=("manage_person_add", "manage_person_edit", "manage_person_delete"),
            order=10,
        ),
        MenuEntry(
            "people",
            _("Partners"),
            "events:manage_partners",
            "event.change",
            current=("manage_partner_add", "manage_partner_edit", "manage_partner_delete"),
            order=20,
        ),
        MenuEntry("people", _("Roles"), "events:manage_roles", "event.change", order=30),
        MenuEntry("settings", _("Event details"), "events:manage_event_edit", "event.change", order=10),
        MenuEntry("settings", _("Audit log"), "events:manage_audit", "event.change", order=90),
    ]

    def ready(self) -> None:
        from . import (
            rules,  # noqa: F401  (registers the events' permissions)
            tasks,  # noqa: F401  (registers the events' background jobs)
        )
        from .exchange import events_part

        events_part.register()  # the event's own part of the whole-event export
