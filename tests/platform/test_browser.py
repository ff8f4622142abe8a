"""The shared layout in a real browser (Debian's Chromium through Playwright): phones and keyboards."""
import os

import pytest
from django.urls import reverse

from tests.factories import EventFactory

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        yield instance
        instance.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("name", ["events:home", "account_login", "account_signup"])
@pytest.mark.parametrize("language", ["en", "es", "fr", "pt"])
def test_no_horizontal_scrolling_on_a_360_px_phone(live_server, phone, name, language):
    EventFactory(title="Collective Action to End Child Sexual Exploitation in the Americas")
    phone.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])

    phone.goto(live_server.url + reverse(name))

    assert phone.evaluate("document.documentElement.lang") == language
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_keyboard_reaches_skip_link_navigation_and_language_switcher(live_server, phone):
    phone.goto(live_server.url + reverse("events:home"))

    focused = []
    for _ in range(8):
        phone.keyboard.press("Tab")
        focused.append(phone.evaluate("document.activeElement.id || document.activeElement.textContent.trim()"))
    assert focused[0] == "Skip to content"
    assert focused[1] == "Dialogue Portal"
    assert "Sign in" in focused
    assert "Sign up" in focused
    assert "language-select" in focused
    assert "Change" in focused


def test_focused_controls_show_a_visible_outline(live_server, phone):
    phone.goto(live_server.url + reverse("account_login"))

    phone.keyboard.press("Tab")
    outline = phone.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    width = phone.evaluate("getComputedStyle(document.activeElement).outlineWidth")
    assert (outline, width) == ("solid", "3px")


def test_skip_link_moves_focus_to_the_main_content(live_server, phone):
    phone.goto(live_server.url + reverse("account_login"))

    phone.keyboard.press("Tab")
    phone.keyboard.press("Enter")

    assert phone.evaluate("document.activeElement.id") == "main"


def test_language_switcher_without_javascript(live_server, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(live_server.url + reverse("account_login"))

    page.select_option("#language-select", "es")
    page.click("form.language-switcher button[type=submit]")

    assert page.url == live_server.url + reverse("account_login")
    assert page.evaluate("document.documentElement.lang") == "es"
    assert page.inner_text("h1") == "Iniciar sesión"
    page.goto(live_server.url + reverse("events:home"))
    assert page.evaluate("document.documentElement.lang") == "es"
    context.close()
