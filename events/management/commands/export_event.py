"""python manage.py export_event SLUG [--output FILE]: the whole event as JSON (docs/event-format.md)."""

from django.core.management.base import BaseCommand, CommandError

from events.exchange import export_event_bytes
from events.models import Event


class Command(BaseCommand):
    help = "Write an event (agenda, tables, registrations, findings, collation, evaluation) as JSON."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--output", "-o", help="File to write; standard output when omitted.")

    def handle(self, *args, slug, output=None, **options):
        event = Event.objects.filter(slug=slug).first()
        if event is None:
            raise CommandError(f"No event with the short name {slug!r}.")
        content = export_event_bytes(event=event)
        if output:
            with open(output, "wb") as handle:
                handle.write(content)
            self.stderr.write(f"Wrote {len(content)} bytes to {output}")
        else:
            self.stdout.write(content.decode("utf-8"), ending="")
