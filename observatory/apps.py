from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from events.navigation import MenuEntry


class ObservatoryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "observatory"
    verbose_name = _("Observatory")

    manage_menu = [
        MenuEntry(
            "report",
            _("Observatory"),
            "observatory_manage:overview",
            "observatory.manage",
            current=(
                "mapping",
                "entry_add",
                "entry_edit",
                "entry_delete",
                "commitment_add",
                "commitment_edit",
                "progress",
            ),
            order=50,
        ),
    ]

    def ready(self) -> None:
        from reports.generated import register_section

        from . import (  # noqa: F401
            rules,  # registers the observatory's permissions
            tasks,  # registers the observatory's background jobs
        )
        from .report_sections import KEY, build_progress_section

        # the section "Progress since the previous edition" of an event's outcome report
        register_section(
            KEY,
            build=build_progress_section,
            title=_("Progress since the previous edition"),
            description=_(
                "Made by the observatory: the commitments made at the previous edition of the series and "
                "their latest progress. Printed only when there are some."
            ),
        )
