"""The check-in desk in a phone-sized browser: typing the code checks the person in and greets them."""

import os

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from events.models import Role
from sessions_app.models import CheckIn
from sessions_app.services.checkin import check_in_code
from tests.events.factories import DayFactory, EventRoleFactory, UserFactory
from tests.sessions_app.factories import RegistrationFactory

# CHECKIN_SCREENSHOTS=<folder> keeps a screenshot of the result for a person to look at
SCREENSHOTS = os.environ.get("CHECKIN_SCREENSHOTS")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_typing_the_code_at_360_px(live_server, new_page, event):
    day = DayFactory(event=event, date=timezone.localtime(timezone.now(), event.tz).date())
    organiser = UserFactory()
    EventRoleFactory(event=event, user=organiser, role=Role.ORGANISER)
    registration = RegistrationFactory(event=event, full_name="Ana Pérez", organisation="Example Foundation")
    page = new_page(width=360, height=740)
    login(page, live_server, organiser)
    page.goto(live_server.url + reverse("sessions_app:checkin", args=[event.slug]))
    field = page.get_by_label("Check-in code")
    assert field.is_visible()
    # Debian's Chromium has no BarcodeDetector: the camera button stays hidden, typing works
    assert not page.get_by_role("button", name="Scan with the camera").is_visible()
    field.fill(check_in_code(registration).lower())
    page.get_by_role("button", name="Check in", exact=True).click()
    result = page.locator(".checkin-result")
    assert result.locator("h2").inner_text() == "Checked in"
    assert result.locator(".checkin-name").inner_text() == "Ana Pérez"
    assert "Example Foundation" in result.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, "checkin-360.png"), full_page=True)
    assert CheckIn.objects.get().day == day

    # the same badge again: refused, the person still named
    page.get_by_label("Check-in code").fill(check_in_code(registration))
    page.get_by_role("button", name="Check in", exact=True).click()
    assert result.locator("h2").inner_text() == "Not checked in"
    assert "Already checked in today at" in result.inner_text()
    assert CheckIn.objects.count() == 1


def test_the_attendance_count_updates_in_place_until_paused(live_server, new_page, event, settings):
    settings.CHECKIN_LIVE_SECONDS = 1
    day = DayFactory(event=event, date=timezone.localtime(timezone.now(), event.tz).date())
    organiser = UserFactory()
    EventRoleFactory(event=event, user=organiser, role=Role.ORGANISER)
    ana, tom, eva = (RegistrationFactory(event=event) for _ in range(3))
    page = new_page(width=360, height=740)
    login(page, live_server, organiser)
    page.goto(live_server.url + reverse("sessions_app:attendance", args=[event.slug]))
    today = page.locator(".attendance-count")
    assert today.inner_text() == "0 / 3"
    assert not page.get_by_role("link", name="Update this page every 30 seconds").is_visible()
    assert page.get_by_text("The counts update themselves every second.").is_visible()

    CheckIn.objects.create(registration=ana, day=day)
    expect(today).to_have_text("1 / 3", timeout=10_000)
    assert page.locator(f'td[data-checked-in="{day.pk}"]').inner_text() == "1"

    toggle = page.get_by_role("button", name="Pause the updates")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.get_by_text("The counts are paused.").is_visible()
    CheckIn.objects.create(registration=tom, day=day)
    page.wait_for_timeout(2500)
    assert today.inner_text() == "1 / 3"

    toggle.click()  # resumed
    CheckIn.objects.create(registration=eva, day=day)
    expect(today).to_have_text("3 / 3", timeout=10_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
