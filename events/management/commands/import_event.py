"""python manage.py import_event FILE [--media DIR] [--max-size MB]: load an event written by export_event.

The file is refused before it is read when it is larger than settings.EVENT_IMPORT_MAX_BYTES (or
--max-size), and the document is checked before anything is written (events.exchange.checks)."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from events.exchange import check_file_size, import_event, read_document


class Command(BaseCommand):
    help = "Load an event exported with export_event (users are created by e-mail, without passwords)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--media",
            help="A copy of the exporting portal's media folder, to copy the files the event names from.",
        )
        parser.add_argument(
            "--max-size",
            type=float,
            help="The largest file to read, in MB (default: the EVENT_IMPORT_MAX_BYTES setting).",
        )

    def handle(self, *args, file, media=None, max_size=None, **options):
        max_bytes = None if max_size is None else int(max_size * 1024 * 1024)
        path = Path(file)
        try:
            check_file_size(path.stat().st_size, max_bytes=max_bytes)  # before reading it into memory
            with path.open("rb") as handle:
                document = read_document(handle.read(), max_bytes=max_bytes)
            event = import_event(document=document, files=media)
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc}") from exc
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(self.style.SUCCESS(f"Imported /e/{event.slug}/"))
