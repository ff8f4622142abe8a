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
