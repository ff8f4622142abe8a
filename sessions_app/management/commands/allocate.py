"""python manage.py allocate EVENT_SLUG [--session ID] [--dry-run]"""

import json

from django.core.management.base import BaseCommand, CommandError

from events.models import Event
from sessions_app.errors import SessionsError
from sessions_app.models import TableSession
from sessions_app.services.allocation import allocate_session


class Command(BaseCommand):
    help = "Compute the optimal table allocation of an event's table sessions and store it."

    def add_arguments(self, parser):
        parser.add_argument("event_slug")
        parser.add_argument("--session", type=int, help="Only this table session (its id).")
        parser.add_argument("--dry-run", action="store_true", help="Compute and report, store nothing.")

    def handle(self, *args, event_slug, session=None, dry_run=False, **options):
        event = Event.objects.filter(slug=event_slug).first()
        if event is None:
            raise CommandError(f"No event {event_slug!r}.")
        sessions = TableSession.objects.filter(event=event)
        if session is not None:
            sessions = sessions.filter(pk=session)
            if not sessions.exists():
                raise CommandError(f"No table session {session} in {event_slug!r}.")
        for table_session in sessions:
            try:
                outcome = allocate_session(session=table_session, dry_run=dry_run)
            except SessionsError as error:
                raise CommandError(f"{table_session}: {error}") from error
            result = outcome.result
            summary = {
                "session": table_session.pk,
                "title": table_session.title,
                "participants": len(outcome.instance["participants"]),
                "stored": outcome.stored,
                "dry_run": dry_run,
                "cost": result.get("cost"),
                "unplaced": [r.full_name for r in outcome.unplaced],
                "quality": result.get("quality"),
                "baselines": result.get("baselines"),
            }
            self.stdout.write(json.dumps(summary, indent=2, default=str))
