"""python manage.py import_event FILE [--media DIR]: load an event written by export_event."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from events.exchange import import_event


class Command(BaseCommand):
    help = "Load an event exported with export_event (users are created by e-mail, without passwords)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--media",
            help="A copy of the exporting portal's media folder, to copy the files the event names from.",
        )

    def handle(self, *args, file, media=None, **options):
        try:
            with open(file, "rb") as handle:
                document = json.loads(handle.read().decode("utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"Cannot read {file}: {exc}") from exc
        try:
            event = import_event(document=document, files=media)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(self.style.SUCCESS(f"Imported /e/{event.slug}/"))
