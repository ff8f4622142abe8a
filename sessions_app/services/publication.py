"""Publishing an allocation: each participant's tables by e-mail, on their personal agenda, in iCal."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from events import jobs
from events.mailing import MailingReport, send_once, sent_count
from events.models import AuditAction, SentEmail
from events.services import record_audit

from ..errors import SessionsError
from ..models import Assignment, Registration, TableSession
from ..selectors import seats_for

logger = logging.getLogger(__name__)
FEED_SALT = "sessions_app.ical-feed"


def _absolute(url: str, base_url: str) -> str:
    return url if url.startswith("http") else base_url.rstrip("/") + url


def allocation_email(
    *, registration: Registration, session: TableSession, base_url: str, changed: bool = False
) -> EmailMessage:
    """The message telling a participant their tables (or their changed tables), in their language."""
    with translation.override(registration.preferred_language or session.event.default_language):
        seats = [
            seat
            for seat in seats_for(registration=registration, published_only=False)
            if seat.session.pk == session.pk
        ]
        context = {
            "registration": registration,
            "session": session,
            "event": session.event,
            "seats": seats,
            "base_url": base_url.rstrip("/"),
            "changed": changed,
        }
        if changed:
            subject = _("Your tables at %(event)s have changed") % {"event": session.event.title}
        else:
            subject = _("Your tables at %(event)s") % {"event": session.event.title}
        body = render_to_string("sessions_app/email/allocation_published.txt", context)
    return EmailMessage(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body=body, to=[registration.user.email]
    )


@dataclass
class PublicationPlan:
    """What publishing now would do: whom it e-mails and what the organiser should know first."""

    recipients: list[Registration]
    first: bool
    not_ranked: int
    ranking_open: bool
    ranking_closes: object


def current_seats(*, session: TableSession) -> dict[str, list[list[int]]]:
    seats: dict[str, list[list[int]]] = {}
    rows = (
        Assignment.objects.filter(rotation__session=session)
        .order_by("registration_id", "rotation_id")
        .values_list("registration_id", "rotation_id", "table_id")
    )
    for registration_id, rotation_id, table_id in rows:
        seats.setdefault(str(registration_id), []).append([rotation_id, table_id])
    return seats


def _changed_ids(*, session: TableSession, current: dict) -> set[int]:
    """People whose seats differ from the last publication, except where every difference is a switch
    they made themselves."""
    previous = session.published_seats or {}
    changed = {key for key, seats in current.items() if seats != previous.get(key)}
    if not previous or not changed:
        return {int(key) for key in changed}
    own_switches = {
        (registration_id, rotation_id, table_id)
        for registration_id, rotation_id, table_id in Assignment.objects.filter(
            rotation__session=session, source=Assignment.Source.SWITCH
        ).values_list("registration_id", "rotation_id", "table_id")
    }
    result = set()
    for key in changed:
        before = {tuple(seat) for seat in previous.get(key, [])}
        new = [tuple(seat) for seat in current[key] if tuple(seat) not in before]
        if any((int(key), *seat) not in own_switches for seat in new) or not new:
            result.add(int(key))
    return result


def ensure_publication_baseline(*, session: TableSession) -> None:
    """A session published without a record of its seats (imported with its event, or published before
    the portal kept one) takes its current seats as published, before anything changes them: publishing
    again then writes only to the people whose seats change from here."""
    if session.published_at is None or session.publication_round:
        return
    seats = current_seats(session=session)
    TableSession.objects.filter(pk=session.pk, publication_round=0).update(
        published_seats=seats, publication_round=1
    )
    session.published_seats, session.publication_round = seats, 1


def publication_plan(*, session: TableSession) -> PublicationPlan:
    from ..selectors import approved_count, ranked_count
    from .preferences import ranking_open

    ensure_publication_baseline(session=session)
    first = session.published_at is None
    ids = _changed_ids(session=session, current=current_seats(session=session))
    recipients = list(
        Registration.objects.filter(pk__in=ids, status=Registration.Status.APPROVED)
        .select_related("user", "event")
        .order_by("created_at", "pk")
    )
    open_now = first and ranking_open(session=session)
    return PublicationPlan(
        recipients=recipients,
        first=first,
        not_ranked=approved_count(event=session.event) - ranked_count(session=session),
        ranking_open=open_now,
        ranking_closes=session.preferences_close or session.event.signup_closes,
    )


def publish_allocation(
    *,
    session: TableSession,
    base_url: str = "",
    notify: bool = True,
    requested_by=None,
    ranking_open_confirmed: bool = False,
):
    """Publish the session's allocation and start the job that e-mails the participants their tables
    (`send_allocation_emails`, in batches, never twice to one person): everybody the first time; after a
    new run or moves by hand, only those whose seats changed. Refused while the ranking is open unless the
    organiser confirms that too. Returns the e-mail job, or None with `notify=False`."""
    if session.allocated_at is None:
        raise SessionsError(_("Allocate the tables before publishing."))
    with transaction.atomic():
        locked = TableSession.objects.select_for_update().get(pk=session.pk)
        plan = publication_plan(session=locked)
        if plan.ranking_open and not ranking_open_confirmed:
            raise SessionsError(
                _("The ranking is still open. Confirm that you want to publish before it closes.")
            )
        if not plan.first and not plan.recipients:
            raise SessionsError(_("Nothing changed since the allocation was last published."))
        locked.published_at = locked.published_at or timezone.now()
        locked.published_seats = current_seats(session=locked)
        locked.publication_round += 1
        locked.round_recipients = [] if plan.first else [registration.pk for registration in plan.recipients]
        locked.save(
            update_fields=["published_at", "published_seats", "publication_round", "round_recipients"]
        )
        for name in ("published_at", "published_seats", "publication_round", "round_recipients"):
            setattr(session, name, getattr(locked, name))
        record_audit(
            action=AuditAction.ALLOCATION_PUBLISHED,
            event=session.event,
            actor=requested_by,
            detail=session.title,
        )
    if not notify:
        return None
    return start_allocation_emails(session=session, base_url=base_url, requested_by=requested_by)


def start_allocation_emails(*, session: TableSession, base_url: str = "", requested_by=None):
    """Start (again) the job that e-mails the published allocation to the seated participants not yet
    written to."""
    if session.published_at is None:
        raise SessionsError(_("Publish the allocation before sending it."))
    return jobs.start_job(
        kind="sessions_app.allocation_emails",
        inputs={"session": session.pk, "base_url": base_url, "round": session.publication_round},
        event=session.event,
        requested_by=requested_by,
    )


def email_key_prefix(*, session: TableSession, round: int | None = None) -> str:
    """The first publication's e-mails are keyed "allocation:<session>:<registration>"; each later
    publication of changes has keys of its own, so the people it concerns are written to once more."""
    round = session.publication_round if round is None else round
    if round <= 1:
        return f"allocation:{session.pk}:"
    return f"allocation-change:{session.pk}:{round}:"


def seated_registrations(*, session: TableSession):
    return (
        Registration.objects.filter(
            assignments__rotation__session=session, status=Registration.Status.APPROVED
        )
        .select_related("user", "event")
        .distinct()
        .order_by("created_at", "pk")
    )


def round_registrations(*, session: TableSession):
    """Whom the latest publication writes to: every seated participant the first time, then only the
    people whose seats changed."""
    registrations = seated_registrations(session=session)
    if session.publication_round > 1:
        registrations = registrations.filter(pk__in=session.round_recipients)
    return registrations


def send_allocation_emails(
    *, session: TableSession, base_url: str = "", round: int | None = None
) -> MailingReport:
    """E-mail the participants of the latest publication of `session` their tables, in batches; people an
    earlier run of the same publication already wrote to are skipped (`events.mailing.send_once`)."""
    if round is not None and round != session.publication_round:
        # A later publication replaced this one: its own job writes to the people it concerns.
        return MailingReport()
    prefix = email_key_prefix(session=session)
    changed = session.publication_round > 1
    messages = (
        (
            f"{prefix}{registration.pk}",
            partial(
                allocation_email,
                registration=registration,
                session=session,
                base_url=base_url,
                changed=changed,
            ),
        )
        for registration in round_registrations(session=session).iterator(chunk_size=500)
    )
    report = send_once(messages=messages, event=session.event, kind=SentEmail.Kind.ALLOCATION)
    if report.failed:
        logger.error("%s allocation e-mails of session %s could not be sent", len(report.failed), session.pk)
    return report


def allocation_email_counts(*, session: TableSession) -> tuple[int, int]:
    """(e-mails sent, people to write to) of the latest publication of the session's allocation."""
    return sent_count(prefix=email_key_prefix(session=session)), round_registrations(session=session).count()


def feed_token(*, registration: Registration) -> str:
    """A signed, unguessable token for the person's iCal feed, so calendar apps can subscribe."""
    return signing.dumps(registration.pk, salt=FEED_SALT)


def registration_for_feed(*, event, token: str) -> Registration | None:
    try:
        pk = signing.loads(token, salt=FEED_SALT)
    except signing.BadSignature:
        return None
    return (
        Registration.objects.filter(pk=pk, event=event, status=Registration.Status.APPROVED)
        .select_related("event")
        .first()
    )


def ical_for(*, registration: Registration, base_url: str = "") -> bytes:
    """The person's published tables as an iCalendar file."""
    from icalendar import Calendar
    from icalendar import Event as ICalEvent

    calendar = Calendar()
    calendar.add("prodid", "-//Dialogue Portal//tables//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", registration.event.title)
    for seat in seats_for(registration=registration):
        entry = ICalEvent()
        entry.add("uid", f"assignment-{seat.assignment.pk}@dialogue-portal")
        entry.add("dtstamp", timezone.now())
        entry.add("dtstart", seat.starts_at)
        entry.add("dtend", seat.ends_at)
        entry.add("summary", str(seat.table))
        if seat.room:
            entry.add("location", seat.room)
        entry.add("description", "\n".join(seat.table.questions_list()))
        calendar.add_component(entry)
    return calendar.to_ical()
