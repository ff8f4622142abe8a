"""Load the demo, idempotently: the San José Dialogue 2024, its rehearsal and the demo log-ins.

The demo events are documents in the exchange format under events/demo_data/ (EVENT_FILES), imported with
the same service as `import_event`; the files they name are copied into the media folder. The first is also
imported a second time as a rehearsal dated in the coming weeks (`dialogue_portal.rehearsal`): sign-up
open, the demo participants registered and ranked, the allocation not run, no findings. An event that
exists already is left alone. Then the demo accounts get the demo password, a verified e-mail address
and their role in each demo event.
"""

import json

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from dialogue_portal.rehearsal import REHEARSAL_SLUG, rehearsal_document
from events.demo_data import DATA_DIR, EVENT_FILES
from events.exchange import import_event
from events.models import Event, EventRole, Role
from observatory import demo as observatory_demo

DEMO_PASSWORD = "dialogue-demo"
# (e-mail address, role in every demo event); the user name is the part before the @.
ACCOUNTS = [
    ("organiser@example.org", Role.ORGANISER),
    ("facilitator@example.org", Role.FACILITATOR),
    ("rapporteur@example.org", Role.RAPPORTEUR),
    ("participant@example.org", Role.PARTICIPANT),
    ("member@example.org", Role.MEMBER),
    ("checkin@example.org", Role.CHECKIN),
    # The portal's staff (creates events, edits the observatory) who exports the outcome reports: the
    # report's pages open to rapporteurs and organisers.
    ("staff@example.org", Role.RAPPORTEUR),
]
#: Demo accounts that are the portal's staff (`is_staff`).
STAFF_ACCOUNTS = {"staff@example.org"}


def ensure_account(email: str):
    """The demo account for `email`, with the demo password and a verified primary e-mail address."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create(username=email.split("@")[0], email=email)
    changed = []
    if not user.is_active:
        user.is_active = True
        changed.append("is_active")
    if email in STAFF_ACCOUNTS and not user.is_staff:
        user.is_staff = True
        changed.append("is_staff")
    if not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        changed.append("password")
    if changed:
        user.save(update_fields=changed)
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def load_event(document: dict, *, stdout) -> Event:
    """Import the demo event `document` unless an event with its slug exists; return the event."""
    event = Event.objects.filter(slug=document["event_slug"]).first()
    if event is not None:
        stdout.write(f"{event.slug}: already there, left alone.")
        return event
    event = import_event(document=document, files=DATA_DIR)
    # The other people of the demo have no password (they are imported like any other users), but their
    # e-mail addresses count as verified, as the demo's own.
    for person in document["users"]:
        user = get_user_model().objects.filter(email__iexact=person["email"]).order_by("pk").first()
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
    stdout.write(
        f"{event.slug}: {event.days.count()} days, {event.registrations.count()} registrations, "
        f"{event.records.count()} consolidation records, {event.collated_findings.count()} collated findings."
    )
    return event


class Command(BaseCommand):
    help = "Load the San José Dialogue 2024 as a demo event (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Debug is off: this looks like production. Use --force to load the demo anyway."
            )
        with transaction.atomic():
            # The demo accounts first, so that the import finds them by e-mail (with their short user names).
            accounts = [(ensure_account(email), role) for email, role in ACCOUNTS]
            documents = [json.loads(path.read_text(encoding="utf-8")) for path in EVENT_FILES]
            events = [load_event(document, stdout=self.stdout) for document in documents]
            # The rehearsal of the first demo event, dated from today unless it exists already.
            rehearsal = rehearsal_document(documents[0], today=timezone.localdate())
            events.append(load_event(rehearsal, stdout=self.stdout))
            for event in events:
                for user, role in accounts:
                    EventRole.objects.get_or_create(event=event, user=user, role=role)
            # Demo data that is not an event of its own: each app's loader, called explicitly.
            observatory_demo.load(event=events[0], stdout=self.stdout)
        for event in events:
            self.stdout.write(self.style.SUCCESS(f"Demo event loaded: /e/{event.slug}/"))
        self.stdout.write(
            f"/e/{events[0].slug}/ is the real event as it happened (the archive); "
            f"/e/{REHEARSAL_SLUG}/ is the same programme in the coming weeks: "
            "try sign-up, ranking, allocation, findings and report there."
        )
        self.stdout.write(f"Demo log-ins (password {DEMO_PASSWORD}):")
        for email, role in ACCOUNTS:
            staff = " (portal staff)" if email in STAFF_ACCOUNTS else ""
            self.stdout.write(f"  {role.value:12} {email}{staff}")
