"""Check-in at the venue: the code on a participant's badge, recording arrivals per day, the badges.

The code is the registration's number and a signature of it (an HMAC keyed by the site's secret and the
event), so it is unguessable, names nobody and needs nothing stored: "57-K4ZQ7M2XPA7B". The QR code on the
badge holds exactly that code, and staff may type it where the camera cannot read it.
"""

from __future__ import annotations

import base64
import hashlib

import segno
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from events.models import Day, Event
from events.pdf import render_pdf

from ..errors import CheckInRefused
from ..models import CheckIn, Registration

SIGNATURE_LENGTH = 12  # base32 characters: 60 bits


def _signature(*, event_pk: int, registration_pk: int) -> str:
    digest = salted_hmac(
        f"sessions_app.checkin:{event_pk}", str(registration_pk), algorithm="sha256"
    ).digest()
    return base64.b32encode(digest).decode("ascii")[:SIGNATURE_LENGTH]


def check_in_code(registration: Registration) -> str:
    """The code printed on `registration`'s badge and held by its QR code."""
    return f"{registration.pk}-{_signature(event_pk=registration.event_id, registration_pk=registration.pk)}"


def normalise_code(code: str) -> str:
    """What staff typed, as the code is printed: spaces dropped, capitals, the first dash kept."""
    return "".join((code or "").split()).upper()[:64]


def find_registration(*, event: Event, code: str) -> Registration:
    """The registration of `event` whose badge carries `code`, or CheckInRefused."""
    unknown = CheckInRefused(_("This code is not a check-in code of this event. Please type it again."))
    number, dash, signature = normalise_code(code).partition("-")
    if not dash or not number.isdigit() or len(number) > 18:
        raise unknown
    if not constant_time_compare(signature, _signature(event_pk=event.pk, registration_pk=int(number))):
        raise unknown
    registration = Registration.objects.filter(event=event, pk=int(number)).first()
    if registration is None:  # a registration since deleted (an erased account)
        raise unknown
    return registration


def today_of(event: Event) -> Day | None:
    """The event's day that is today in the event's time zone, if there is one."""
    today = timezone.localtime(timezone.now(), event.tz).date()
    return event.days.filter(date=today).first()


def check_in(*, event: Event, code: str, by) -> CheckIn:
    """Record that the person with `code` arrived today; CheckInRefused for an unknown code, a registration
    that is not approved, a day that is not one of the event's, or a second check-in the same day."""
    registration = find_registration(event=event, code=code)
    day = today_of(event)
    if day is None:
        raise CheckInRefused(
            _("Today is not a day of this event, so nobody can be checked in."), registration=registration
        )
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != Registration.Status.APPROVED:
            raise CheckInRefused(
                _("Not checked in: this registration is %(status)s, not approved.")
                % {"status": registration.get_status_display().lower()},
                registration=registration,
            )
        earlier = CheckIn.objects.filter(registration=registration, day=day).first()
        if earlier is None:
            try:
                with transaction.atomic():
                    return CheckIn.objects.create(registration=registration, day=day, by=by)
            except IntegrityError:  # checked in at another desk at the same moment
                earlier = CheckIn.objects.get(registration=registration, day=day)
    at = timezone.localtime(earlier.at, event.tz)
    raise CheckInRefused(
        _("Already checked in today at %(time)s.") % {"time": time_format(at.time())},
        registration=registration,
        check_in=earlier,
    )


def qr_code(code: str) -> segno.QRCode:
    """The QR code of `code`: a full QR code (phones' cameras do not read Micro QR), error level M."""
    return segno.make_qr(code, error="m", boost_error=False)


def qr_svg(code: str) -> str:
    """The QR code of `code` as inline SVG (WeasyPrint draws it; no file, no data URL)."""
    return qr_code(code).svg_inline(scale=4, border=2, omitsize=True)


def badges_version(*, event: Event) -> str:
    """What the all-badges PDF depends on: the approved registrations' numbers, names and organisations."""
    rows = (
        Registration.objects.filter(event=event, status=Registration.Status.APPROVED)
        .order_by("pk")
        .values_list("pk", "full_name", "organisation")
    )
    digest = hashlib.sha256(
        repr((event.title, event.start_date, event.end_date, list(rows))).encode()
    ).hexdigest()[:16]
    return digest


def render_badges(*, event: Event, registrations) -> bytes:
    """The badges of `registrations` (one, or all of them several to an A4 page) as a PDF."""
    badges = [
        {
            "registration": registration,
            "code": check_in_code(registration),
            "qr": qr_svg(check_in_code(registration)),
        }
        for registration in registrations
    ]
    html = render_to_string(
        "sessions_app/badges_pdf.html", {"event": event, "badges": badges, "single": len(badges) == 1}
    )
    return render_pdf(html)
