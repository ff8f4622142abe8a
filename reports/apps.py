from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from events.navigation import EventLink, MenuEntry


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = _("Findings and reports")

    event_links = [
        EventLink(
            _("Daily takeaways"),
            "reports:takeaways",
            "takeaways.write",
            unless="findings.work",
            current=("findings_takeaway_write",),
            order=200,
        ),
        EventLink(_("Evaluation"), "reports:evaluation_answer", "evaluation.answer", order=210),
    ]
    manage_menu = [
        MenuEntry(
            "findings",
            _("Records"),
            "reports:findings_list",
            "findings.work",
            current=(
                "findings_detail",
                "findings_edit",
                "findings_transition",
                "findings_history",
                "findings_version",
                "findings_restore",
                "findings_start_table",
                "findings_start_group",
                "findings_start_item",
            ),
            order=10,
        ),
        MenuEntry(
            "findings",
            _("Daily takeaways"),
            "reports:findings_takeaways",
            "findings.work",
            current=("findings_takeaway_authors",),
            order=20,
        ),
        MenuEntry(
            "findings",
            _("Collation"),
            "reports:collation_search",
            "findings.review",
            current=("collation_collect",),
            order=30,
        ),
        MenuEntry(
            "findings",
            _("Report themes"),
            "reports:collation_themes",
            "findings.review",
            current=(
                "collation_theme_new",
                "collation_theme",
                "collation_theme_edit",
                "collation_merge",
                "collation_item",
            ),
            order=31,
        ),
        MenuEntry(
            "findings",
            _("At a glance"),
            "reports:collation_glance",
            "findings.review",
            order=32,
        ),
        MenuEntry(
            "findings",
            _("Template sections"),
            "reports:findings_template",
            "event.change",
            current=("findings_sections",),
            order=40,
        ),
        MenuEntry(
            "findings",
            _("Evaluation"),
            "reports:evaluation_manage",
            "evaluation.manage",
            current=("evaluation_results", "evaluation_question_delete", "evaluation_csv"),
            order=50,
        ),
        MenuEntry(
            "report",
            _("Outcome report"),
            "reports:report_manage",
            "report.manage",
            current=(
                "report_texts",
                "report_section_move",
                "report_section_toggle",
                "report_preview",
                "report_pdf",
            ),
            order=10,
        ),
    ]

    def ready(self) -> None:
        from . import (  # noqa: F401  (rules registers the findings and report permissions)
            exchange,
            rules,
            tasks,  # registers the reports' background jobs
        )

        exchange.register()  # the findings' and report's part of the whole-event export
