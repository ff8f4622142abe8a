"""Language: the switcher remembers the choice; event content falls back to the event's language."""
import threading

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from dialogue_portal.i18n import current_event_language, event_language_fallback
from events.models import Day, Event
from tests.factories import DayFactory, EventFactory

from .helpers import h1, html_lang

pytestmark = pytest.mark.django_db


def test_switching_to_spanish_is_remembered_for_the_next_request(client):
    home = reverse("events:home")
    assert html_lang(client.get(home)) == "en"

    response = client.post(reverse("set_language"), {"language": "es", "next": home})

    assert response.status_code == 302
    assert response["Location"] == home
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME]["max-age"] == 60 * 60 * 24 * 365
    page = client.get(home)
    content = page.content.decode()
    assert html_lang(page) == "es"
    assert '<option value="es" lang="es" selected>Español</option>' in content
    assert "Iniciar sesión" in content  # the "Sign in" link of the header, in Spanish


@pytest.mark.parametrize(("language", "sign_in"), [("fr", "Se connecter"), ("pt", "Iniciar sessão")])
def test_html_lang_and_header_follow_the_chosen_language(client, language, sign_in):
    client.post(reverse("set_language"), {"language": language, "next": "/"})

    page = client.get(reverse("account_login"))

    assert html_lang(page) == language
    assert sign_in in page.content.decode()


def test_an_unknown_language_is_ignored(client):
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})

    assert html_lang(client.get(reverse("events:home"))) == "en"


def test_switcher_is_a_form_that_works_without_javascript(client):
    content = client.get(reverse("events:home")).content.decode()

    assert f'<form class="language-switcher" action="{reverse("set_language")}" method="post">' in content
    assert '<label for="language-select">Language</label>' in content
    assert '<button type="submit" class="button button-small">Change</button>' in content
    assert '<input name="next" type="hidden" value="/">' in content
    for code, name in [("en", "English"), ("es", "Español"), ("fr", "Français"), ("pt", "Português")]:
        assert f'value="{code}" lang="{code}"' in content
        assert name in content


def _spanish_only_event(**kwargs) -> Event:
    event = EventFactory(default_language="es", languages=["en", "es", "fr"], **kwargs)
    Event.objects.filter(pk=event.pk).update(title_en="", title_fr="", title_pt="", title_es="Diálogo de San José")
    return event


def test_event_without_a_french_title_shows_its_default_language_title_in_french(client):
    event = _spanish_only_event()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    page = client.get(event.get_absolute_url())

    assert page.status_code == 200
    assert h1(page) == "Diálogo de San José"


def test_event_default_language_wins_over_the_global_fallback_order(client):
    event = EventFactory(default_language="es", languages=["en", "es"])
    Event.objects.filter(pk=event.pk).update(
        title_en="San José Dialogue", title_es="Diálogo de San José", title_fr="", title_pt=""
    )
    day = DayFactory(event=event)
    Day.objects.filter(pk=day.pk).update(focus_en="Harvesting", focus_es="Cosecha", focus_fr="", focus_pt="")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    content = client.get(event.get_absolute_url()).content.decode()
    agenda = client.get(reverse("events:agenda", args=[event.slug])).content.decode()

    assert "<h1>Diálogo de San José</h1>" in content
    assert "Cosecha" in agenda
    assert "Harvesting" not in agenda
    assert "Harvesting" not in content


def test_an_existing_translation_is_preferred_to_the_default_language(client):
    event = EventFactory(default_language="es", languages=["es", "fr"])
    Event.objects.filter(pk=event.pk).update(title_en="", title_es="Diálogo", title_fr="Dialogue régional")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    assert h1(client.get(event.get_absolute_url())) == "Dialogue régional"


def test_english_event_keeps_the_global_order_on_other_pages(client):
    """Outside /e/<slug>/ (e.g. the home page) the global order applies: English first."""
    event = EventFactory(default_language="es")
    Event.objects.filter(pk=event.pk).update(title_en="San José Dialogue", title_es="Diálogo", title_fr="")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    content = client.get(reverse("events:home")).content.decode()

    assert "San José Dialogue" in content
    assert current_event_language() is None


def test_the_event_fallback_does_not_leak_into_the_next_request(client):
    spanish = _spanish_only_event()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    client.get(spanish.get_absolute_url())

    assert current_event_language() is None
    with translation.override("fr"):
        assert Event.objects.get(pk=spanish.pk).title == "Diálogo de San José"  # only es exists
        other = EventFactory(default_language="pt")
        Event.objects.filter(pk=other.pk).update(title_en="English", title_pt="Português", title_fr="")
        assert Event.objects.get(pk=other.pk).title == "English"


def test_event_language_fallback_context_manager_for_exports():
    event = EventFactory(default_language="pt")
    Event.objects.filter(pk=event.pk).update(title_en="English", title_pt="Português", title_fr="")
    event = Event.objects.get(pk=event.pk)

    with translation.override("fr"):
        assert event.title == "English"
        with event_language_fallback(event.default_language):
            assert event.title == "Português"
            assert current_event_language() == "pt"
        assert event.title == "English"


def test_the_fallback_is_per_thread():
    event = EventFactory(default_language="pt")
    Event.objects.filter(pk=event.pk).update(title_en="English", title_pt="Português", title_fr="")
    event = Event.objects.get(pk=event.pk)
    seen = []

    def other_thread():
        with translation.override("fr"):
            seen.append(event.title)

    with translation.override("fr"), event_language_fallback("pt"):
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
        seen.append(event.title)

    assert seen == ["English", "Português"]
