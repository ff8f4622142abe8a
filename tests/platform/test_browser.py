"""The shared layout in a real browser (Debian's Chromium through Playwright): phones and keyboards."""

import pytest
from django.urls import reverse

from tests.events.factories import EventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(new_page):
    return new_page(360, 740)


@pytest.mark.parametrize("name", ["home", "account_login", "account_signup"])
def test_no_horizontal_scrolling_on_a_360_px_phone(live_server, phone, name):
    EventFactory(title="Collective Action to End Child Sexual Exploitation in the Americas")
    widths = {}
    for language in ["en", "es", "fr", "pt-br"]:
        phone.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        phone.goto(live_server.url + reverse(name))
        assert phone.evaluate("document.documentElement.lang") == language
        widths[language] = phone.evaluate("document.documentElement.scrollWidth")

    assert widths == {"en": 360, "es": 360, "fr": 360, "pt-br": 360}


def test_keyboard_use_of_the_layout(live_server, phone):
    phone.goto(live_server.url + reverse("account_login"))

    # The skip link comes first, has a visible focus ring and moves the focus to the main content.
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    style = "getComputedStyle(document.activeElement)"
    assert phone.evaluate(f"[{style}.outlineStyle, {style}.outlineWidth]") == ["solid", "3px"]
    phone.keyboard.press("Enter")
    assert phone.evaluate("document.activeElement.id") == "main"

    # From the top, Tab reaches the brand, the navigation and the language switcher.
    phone.goto(live_server.url + reverse("home"))
    focused = []
    for _ in range(8):
        phone.keyboard.press("Tab")
        focused.append(
            phone.evaluate("document.activeElement.id || document.activeElement.textContent.trim()")
        )
    assert focused[:7] == [
        "Skip to content",
        "Dialogue Portal",
        "Observatory",
        "Sign in",
        "Sign up",
        "language-select",
        "Change",
    ]


def test_language_switcher_without_javascript(live_server, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(live_server.url + reverse("account_login"))

    page.select_option("#language-select", "es")
    page.click("form.language-switcher button[type=submit]")

    assert page.url == live_server.url + reverse("account_login")
    assert page.evaluate("document.documentElement.lang") == "es"
    assert page.inner_text("h1") == "Iniciar sesión"
    page.goto(live_server.url + reverse("home"))
    assert page.evaluate("document.documentElement.lang") == "es"
    context.close()
