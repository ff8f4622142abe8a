"""Check-in at the venue: the badge's code, the desk page, attendance per day, the badges."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from events.models import Job, Role
from sessions_app.errors import CheckInRefused
from sessions_app.models import CheckIn, Registration
from sessions_app.services import checkin as services
from sessions_app.tasks import badges_pdf
from tests.events.factories import DayFactory, EventFactory, EventRoleFactory, UserFactory
from tests.sessions_app.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def today_in(event) -> datetime.date:
    return timezone.localtime(timezone.now(), event.tz).date()


@pytest.fixture
def today(event):
    return DayFactory(event=event, date=today_in(event))


@pytest.fixture
def organiser(event):
    user = UserFactory()
    EventRoleFactory(event=event, user=user, role=Role.ORGANISER)
    return user


def test_the_code_is_the_number_and_a_signature_that_names_nobody(event):
    registration = RegistrationFactory(event=event, full_name="Ana Pérez", organisation="Example Foundation")
    code = services.check_in_code(registration)
    number, signature = code.split("-")
    assert number == str(registration.pk)
    assert len(signature) == 12 and signature.isalnum() and signature.isupper()
    assert "Ana" not in code and "Example" not in code
    assert services.find_registration(event=event, code=code) == registration
    # typed in small letters with spaces, it is the same code
    assert (
        services.find_registration(event=event, code=" " + code.lower().replace("-", " - ")) == registration
    )


def test_a_code_of_another_event_or_a_guessed_one_is_unknown(event):
    registration = RegistrationFactory(event=event)
    other = RegistrationFactory(event=EventFactory())
    code = services.check_in_code(registration)
    for wrong in (
        services.check_in_code(other),
        f"{registration.pk}-AAAAAAAAAAAA",
        f"{registration.pk + 1}-{code.split('-')[1]}",
        str(registration.pk),
        "",
        "x" * 500,
    ):
        with pytest.raises(CheckInRefused) as refused:
            services.find_registration(event=event, code=wrong)
        assert str(refused.value) == "This code is not a check-in code of this event. Please type it again."
        assert refused.value.registration is None


def test_check_in_records_the_day_and_who_and_refuses_a_second_time(event, today, organiser):
    registration = RegistrationFactory(event=event)
    code = services.check_in_code(registration)
    check_in = services.check_in(event=event, code=code, by=organiser)
    assert (check_in.registration, check_in.day, check_in.by) == (registration, today, organiser)
    with pytest.raises(CheckInRefused) as refused:
        services.check_in(event=event, code=code, by=organiser)
    at = timezone.localtime(check_in.at, event.tz)
    assert str(refused.value) == f"Already checked in today at {at:%-H:%M}." or str(refused.value).startswith(
        "Already checked in today at "
    )
    assert refused.value.registration == registration
    assert CheckIn.objects.count() == 1


@pytest.mark.parametrize("status", ["pending", "waitlisted", "declined", "cancelled"])
def test_only_approved_registrations_are_checked_in(event, today, organiser, status):
    registration = RegistrationFactory(event=event, status=status)
    with pytest.raises(CheckInRefused) as refused:
        services.check_in(event=event, code=services.check_in_code(registration), by=organiser)
    label = Registration.Status(status).label.lower()
    assert str(refused.value) == f"Not checked in: this registration is {label}, not approved."
    assert not CheckIn.objects.exists()


def test_no_check_in_on_a_day_that_is_not_the_events(event, organiser):
    DayFactory(event=event, date=today_in(event) - datetime.timedelta(days=1))
    registration = RegistrationFactory(event=event)
    with pytest.raises(CheckInRefused) as refused:
        services.check_in(event=event, code=services.check_in_code(registration), by=organiser)
    assert str(refused.value) == "Today is not a day of this event, so nobody can be checked in."
    assert not CheckIn.objects.exists()


def test_the_desk_page_greets_with_name_organisation_and_status_only(client, event, today, organiser):
    registration = RegistrationFactory(
        event=event,
        full_name="Ana Pérez",
        organisation="Example Foundation",
        accessibility_needs="Wheelchair access",
    )
    client.force_login(organiser)
    url = reverse("sessions_app:checkin", args=[event.slug])
    response = client.post(url, {"code": services.check_in_code(registration)})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Checked in" in page and "Ana Pérez" in page and "Example Foundation" in page
    assert "Wheelchair access" not in page and registration.user.email not in page
    assert CheckIn.objects.get().by == organiser

    again = client.post(url, {"code": services.check_in_code(registration)})
    assert again.status_code == 409
    assert (
        "Not checked in" in again.content.decode() and "Already checked in today at" in again.content.decode()
    )

    unknown = client.post(url, {"code": "12-NOTACODE"})
    assert unknown.status_code == 400
    assert "This code is not a check-in code of this event." in unknown.content.decode()
    assert "Ana Pérez" not in unknown.content.decode()

    empty = client.post(url, {"code": ""})
    assert empty.status_code == 400
    assert CheckIn.objects.count() == 1


def test_the_desk_page_has_the_camera_script_and_no_cdn(client, event, today, organiser):
    client.force_login(organiser)
    page = client.get(reverse("sessions_app:checkin", args=[event.slug])).content.decode()
    assert "/static/js/checkin-scan.js" in page
    assert "data-checkin-scan hidden" in page  # shown only where the browser can scan
    assert "https://" not in page.split("<main", 1)[1]


def test_attendance_counts_per_day_and_refreshes_itself(client, event, today, organiser):
    yesterday = DayFactory(event=event, date=today.date - datetime.timedelta(days=1))
    people = [RegistrationFactory(event=event) for _ in range(3)]
    for person in people:
        person.days.add(today)
    people[0].days.add(yesterday)
    RegistrationFactory(event=event, status="pending").days.add(today)
    CheckIn.objects.create(registration=people[0], day=today)
    CheckIn.objects.create(registration=people[1], day=today)
    CheckIn.objects.create(registration=people[0], day=yesterday)
    client.force_login(organiser)
    url = reverse("sessions_app:attendance", args=[event.slug])
    assert "http-equiv" not in client.get(url).content.decode()  # refreshing is asked for
    response = client.get(url + "?live=1")
    page = response.content.decode()
    assert '<meta http-equiv="refresh" content="30">' in page and "Stop updating" in page
    assert (
        f'<span class="attendance-count" data-today="{today.pk}" aria-live="polite">'
        f'<span data-checked-in="{today.pk}">2</span> / <span data-approved>3</span></span>'
    ) in page
    assert "attendance-live.js" not in page  # the page reloads itself: nothing to update in place
    days = {day.pk: (day.checked_in, day.expected) for day in response.context["days"]}
    assert days == {today.pk: (2, 3), yesterday.pk: (1, 1)}

    counts = client.get(reverse("sessions_app:attendance_counts", args=[event.slug]))
    assert counts["Cache-Control"] == "no-store"
    assert counts.json() == {
        "approved": 3,
        "days": [
            {"id": yesterday.pk, "checked_in": 1, "expected": 1},
            {"id": today.pk, "checked_in": 2, "expected": 3},
        ],
    }


def test_attendance_offers_the_live_update_to_scripts_and_the_reload_without(client, event, today, organiser):
    client.force_login(organiser)

    page = client.get(reverse("sessions_app:attendance", args=[event.slug])).content.decode()

    counts_url = reverse("sessions_app:attendance_counts", args=[event.slug])
    assert f'data-attendance-url="{counts_url}" data-interval="15" hidden>' in page
    assert "The counts update themselves every 15 seconds." in page
    assert '<script src="/static/js/attendance-live.js" defer></script>' in page
    assert '<p class="attendance-reload"><a href="?live=1">Update this page every 30 seconds</a></p>' in page


def test_attendance_makes_the_same_queries_whatever_the_size(
    client, event, today, organiser, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(organiser)
    url = reverse("sessions_app:attendance", args=[event.slug]) + "?live=1"

    def grow(count):
        for _ in range(count):
            person = RegistrationFactory(event=event)
            CheckIn.objects.create(registration=person, day=today)
        DayFactory(event=event, date=today.date + datetime.timedelta(days=count))

    counts_url = reverse("sessions_app:attendance_counts", args=[event.slug])
    grow(2)
    client.get(url)  # warm the session and the roles
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    with CaptureQueriesContext(connection) as small_counts:
        client.get(counts_url)
    grow(20)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url)
    with django_assert_num_queries(len(small_counts.captured_queries)):
        client.get(counts_url)


def pdf_text(content: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_one_badge_has_the_name_and_the_code_of_its_qr(client, event, organiser):
    registration = RegistrationFactory(event=event, full_name="Ana Pérez", organisation="Example Foundation")
    client.force_login(organiser)
    response = client.get(reverse("sessions_app:badge", args=[event.slug, registration.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Ana Pérez" in text and "Example Foundation" in text
    assert services.check_in_code(registration) in text
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 1
    # the QR code is a full one (cameras read it) that holds the code and nothing else
    qr = services.qr_code(services.check_in_code(registration))
    assert (qr.is_micro, qr.error, qr.mode) == (False, "M", "alphanumeric")
    assert services.qr_svg(services.check_in_code(registration)).startswith("<svg")


def test_a_badge_is_only_for_an_approved_registration_of_the_event(client, event, organiser):
    pending = RegistrationFactory(event=event, status="pending")
    elsewhere = RegistrationFactory(event=EventFactory())
    client.force_login(organiser)
    for registration in (pending, elsewhere):
        assert (
            client.get(reverse("sessions_app:badge", args=[event.slug, registration.pk])).status_code == 404
        )


def test_all_badges_come_from_a_job_several_to_an_a4_page(client, event, organiser):
    people = [RegistrationFactory(event=event, full_name=f"Person {n:02d}") for n in range(10)]
    RegistrationFactory(event=event, status="pending", full_name="Not Approved")
    client.force_login(organiser)
    response = client.get(reverse("sessions_app:badges", args=[event.slug]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == 2  # eight to a page: 10 people, 2 pages
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)
    text = pdf_text(content)
    assert all(person.full_name in text and services.check_in_code(person) in text for person in people)
    assert "Not Approved" not in text
    job = Job.objects.get(kind="sessions_app.badges_pdf")
    # the same names: the same file, no new job; a new name: a new file
    client.get(reverse("sessions_app:badges", args=[event.slug]))
    assert Job.objects.filter(kind="sessions_app.badges_pdf").count() == 1
    RegistrationFactory(event=event, full_name="Late Arrival")
    client.get(reverse("sessions_app:badges", args=[event.slug]))
    assert Job.objects.filter(kind="sessions_app.badges_pdf").exclude(pk=job.pk).count() == 1


def test_the_badges_job_speaks_the_language_asked(event):
    RegistrationFactory(event=event, full_name="Ana Pérez")
    assert "PARTICIPANTE" in pdf_text(badges_pdf(event=event.pk, language="es"))


def test_a_participant_downloads_their_own_badge_from_my_tables(client, event):
    registration = RegistrationFactory(event=event, full_name="Ana Pérez")
    RegistrationFactory(event=event, full_name="Someone Else")
    client.force_login(registration.user)
    page = client.get(reverse("sessions_app:my_tables", args=[event.slug])).content.decode()
    url = reverse("sessions_app:my_badge", args=[event.slug])
    assert f'href="{url}"' in page
    text = pdf_text(client.get(url).content)
    assert "Ana Pérez" in text and services.check_in_code(registration) in text
    assert "Someone Else" not in text
