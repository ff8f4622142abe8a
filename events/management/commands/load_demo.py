"""Load the San José Dialogue 2024 demo event, idempotently.

Each app contributes its part through a `demo` module with a `load(event, stdout)` function, called in
order: the agenda first (events.demo), then tables and registrations (sessions_app.demo), then findings
and collation (reports.demo), then the report's editorial texts (reports.demo_report).
"""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

DEMO_PASSWORD = "dialogue-demo"
PARTS = ["sessions_app.demo", "reports.demo", "reports.demo_report", "observatory.demo"]


class Command(BaseCommand):
    help = "Load the San José Dialogue 2024 as a demo event (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Debug is off: this looks like production. Use --force to load the demo anyway."
            )
        from events import demo

        with transaction.atomic():
            event = demo.load(stdout=self.stdout)
            for name in PARTS:
                try:
                    module = importlib.import_module(name)
                except ModuleNotFoundError as exc:
                    if exc.name != name:
                        raise
                    continue
                module.load(event, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo event loaded: /e/{event.slug}/"))
        self.stdout.write(f"Demo log-ins (password {DEMO_PASSWORD}):")
        for role in ["organiser", "facilitator", "rapporteur", "participant", "member"]:
            self.stdout.write(f"  {role:12} {role}@example.org")
