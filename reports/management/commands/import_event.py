"""python manage.py import_event FILE: load an event written by export_event into this installation."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from reports.harvest_exchange import import_event


class Command(BaseCommand):
    help = "Load an event exported with export_event (users are created by e-mail, without passwords)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        try:
            with open(file, "rb") as handle:
                document = json.loads(handle.read().decode("utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"Cannot read {file}: {exc}") from exc
        try:
            event = import_event(document=document)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(self.style.SUCCESS(f"Imported /e/{event.slug}/"))
