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
            "reports:findings_takeaways",
            "takeaways.write",
            unless="findings.work",
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
                "findings_history",
                "findings_version",
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
            current=("findings_takeaway_authors", "findings_takeaway_write"),
            order=20,
        ),
        MenuEntry(
            "findings",
            _("Collation"),
            "reports:collation_search",
            "findings.review",
            current=(
                "collation_collect",
                "collation_themes",
                "collation_theme_new",
                "collation_theme",
                "collation_theme_edit",
                "collation_merge",
                "collation_item",
                "collation_glance",
            ),
            order=30,
        ),
        MenuEntry(
            "findings",
            _("Template sections"),
            "reports:findings_template",
            "event.change",
            current=("findings_sections_session", "findings_sections_item"),
            order=40,
        ),
        MenuEntry(
            "findings",
            _("Evaluation"),
            "reports:evaluation_manage",
            "evaluation.manage",
            current=("evaluation_results", "evaluation_question_delete"),
            order=50,
        ),
        MenuEntry(
            "report",
            _("Outcome report"),
            "reports:report_manage",
            "report.manage",
            current=("report_texts", "report_preview"),
            order=10,
        ),
    ]

    def ready(self) -> None:
        from . import exchange, rules  # noqa: F401  (rules registers the findings and report permissions)

        exchange.register()  # the findings' and report's part of the whole-event export
