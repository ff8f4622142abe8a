"""The tables area's background jobs (registered with `events.jobs`): allocating a large session, and
e-mailing a published allocation to its participants."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from events import jobs

from .models import TableSession


@jobs.register(
    "sessions_app.allocate",
    time_limit=lambda: settings.ALLOCATION_TIMEOUT_SECONDS,
    timeout_message=_("The allocation took too long and was stopped; the previous one is unchanged."),
    error_message=_(
        "The allocation could not be computed because of an error; the previous one is unchanged."
    ),
    makes_file=False,
)
def allocate(*, session: int, language: str) -> None:
    """Compute and store the optimal allocation of `session`; a refusal is said in `language`."""
    from .services.allocation import allocate_session

    with translation.override(language):
        allocate_session(session=TableSession.objects.select_related("event").get(pk=session))


@jobs.register(
    "sessions_app.allocation_emails",
    time_limit=lambda: settings.MAILING_TIMEOUT_SECONDS,
    timeout_message=_("Sending the e-mails took too long and was stopped. Send the missing e-mails again."),
    error_message=_("Some e-mails could not be sent. Send the missing e-mails again later."),
    makes_file=False,
)
def allocation_emails(*, session: int, base_url: str, round: int | None = None) -> None:
    """E-mail the latest publication of `session` to the participants it concerns not yet written to."""
    from .services.publication import send_allocation_emails

    report = send_allocation_emails(
        session=TableSession.objects.select_related("event").get(pk=session), base_url=base_url, round=round
    )
    if report.failed:
        raise MailingIncomplete(f"{len(report.failed)} messages unsent after every retry")


class MailingIncomplete(RuntimeError):
    """Some messages could not be sent: the job fails, and sending again writes only to those people."""


@jobs.register(
    "sessions_app.registration_emails",
    time_limit=lambda: settings.MAILING_TIMEOUT_SECONDS,
    timeout_message=_("Sending the e-mails took too long and was stopped."),
    error_message=_("Some e-mails could not be sent; the outbox lists them."),
    makes_file=False,
)
def registration_emails(*, event: int, kind: str, stamps: dict, base_url: str = "") -> None:
    """E-mail people the decision the organisers took on their registration."""
    from .services.notifications import send_decision_emails

    report = send_decision_emails(event=event, kind=kind, stamps=stamps, base_url=base_url)
    if report.failed:
        raise MailingIncomplete(f"{len(report.failed)} messages unsent after every retry")


@jobs.register(
    "sessions_app.organiser_message",
    time_limit=lambda: settings.MAILING_TIMEOUT_SECONDS,
    timeout_message=_("Sending the e-mails took too long and was stopped."),
    error_message=_("Some e-mails could not be sent; the outbox lists them."),
    makes_file=False,
)
def organiser_message(*, event: int, token: str, versions: dict, registrations: list) -> None:
    """Send an organisers' message to the registrants chosen when it was written."""
    from .services.organiser_messages import deliver_organiser_message

    report = deliver_organiser_message(
        event=event, token=token, versions=versions, registrations=registrations
    )
    if report.failed:
        raise MailingIncomplete(f"{len(report.failed)} messages unsent after every retry")


# benchmarks/badges.py: about 0.1 s a badge on a busy two-core machine (120 badges in 11 s), so a
# 1,000-person event needs about two minutes: five times the limit of one document.
@jobs.register(
    "sessions_app.badges_pdf",
    time_limit=lambda: 5 * settings.PDF_RENDER_TIMEOUT_SECONDS,
    timeout_message=_("The badges could not be made in time. Please try again later."),
    content_type="application/pdf",
)
def badges_pdf(*, event: int, language: str) -> bytes:
    """Every approved participant's badge of `event`, several to an A4 page, in `language`."""
    from events.models import Event

    from .models import Registration
    from .services.checkin import render_badges

    event = Event.objects.get(pk=event)
    registrations = Registration.objects.filter(event=event, status=Registration.Status.APPROVED).order_by(
        "full_name", "pk"
    )
    with translation.override(language):
        return render_badges(event=event, registrations=list(registrations))
