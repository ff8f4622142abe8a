"""In a real browser (Debian's Chromium through Playwright): read the agenda on a phone, switch to Spanish."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse


@pytest.fixture
def browser_page(new_page):
    return new_page(360, 800, locale="en-GB")


@pytest.mark.browser
def test_browser_agenda_switch_to_spanish(transactional_db, live_server, settings, browser_page):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    page = browser_page
    page.goto(live_server.url + reverse("events:agenda", args=["san-jose-dialogue-2024"]))
    assert page.locator("h1").inner_text() == "Agenda"
    assert page.get_by_role("heading", name="Tuesday 4 June 2024").is_visible()
    assert page.get_by_text("Opening panel: challenges to address sexual exploitation").is_visible()
    assert page.get_by_text("Closed meeting for ECPAT International").count() == 0
    # Mobile first: nothing wider than a 360 px phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.select_option("#language-select", "es")
    with page.expect_navigation():
        page.locator(".language-switcher button[type=submit]").click()

    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", name="martes 4 de junio de 2024").is_visible()
    assert page.get_by_text(
        "Panel de apertura: desafíos para abordar la explotación sexual infantil"
    ).is_visible()
    assert page.get_by_text("Diálogo intersectorial facilitado sobre la explotación").is_visible()
    assert page.get_by_text("Primera rotación").is_visible()
    # The choice is remembered on the next page.
    page.goto(live_server.url + reverse("events:event_home", args=["san-jose-dialogue-2024"]))
    assert page.locator("h1").inner_text() == "Acción Colectiva: El Diálogo de San José"
