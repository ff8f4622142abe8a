from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from events.navigation import EventLink, MenuEntry


class SessionsAppConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sessions_app"
    verbose_name = _("Tables and allocation")

    event_links = [
        EventLink(
            _("Register"), "sessions_app:register", "tables.register", unless="tables.take_part", order=100
        ),
        EventLink(_("My registration"), "sessions_app:register", "tables.take_part", order=100),
        EventLink(
            _("My tables"),
            "sessions_app:my_tables",
            "tables.take_part",
            current=("ranking", "switch"),
            order=110,
        ),
        EventLink(_("Participants"), "sessions_app:directory", "directory.view", order=120),
    ]
    manage_menu = [
        MenuEntry(
            "registration",
            _("Registrations"),
            "sessions_app:registrations",
            "registrations.manage",
            current=("registration_decide",),
            order=10,
        ),
        MenuEntry(
            "registration",
            _("Table sessions"),
            "sessions_app:sessions",
            "allocation.manage",
            current=(
                "session_create",
                "session_detail",
                "rotation_count",
                "table_create",
                "table_edit",
                "materials",
                "allocation",
            ),
            order=20,
        ),
        MenuEntry(
            "registration",
            _("Breakout groups"),
            "sessions_app:groups",
            "allocation.manage",
            current=("group_create", "group_edit", "group_delete", "group_roster"),
            order=30,
        ),
        MenuEntry(
            "registration",
            _("Tables I facilitate"),
            "sessions_app:facilitating",
            "tables.facilitate",
            current=("table_roster",),
            order=40,
        ),
    ]

    def ready(self) -> None:
        from . import (  # noqa: F401  (rules registers the tables area's permissions)
            exchange,
            rules,
            tasks,  # registers the tables area's background jobs
        )

        exchange.register()  # the tables area's part of the whole-event export
