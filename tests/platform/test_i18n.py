"""Language: the switcher remembers the choice; event content falls back to the event's language."""

import datetime
import threading

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from dialogue_portal.i18n import current_event_language, event_language_fallback
from events.models import Day, Event
from tests.events.factories import DayFactory, EventFactory

from .helpers import h1, html_lang

pytestmark = pytest.mark.django_db


def test_switching_to_spanish_is_remembered_for_the_next_request(client):
    home = reverse("home")
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


@pytest.mark.parametrize(("language", "sign_in"), [("fr", "Se connecter"), ("pt-br", "Entrar")])
def test_html_lang_and_header_follow_the_chosen_language(client, language, sign_in):
    client.post(reverse("set_language"), {"language": language, "next": "/"})

    page = client.get(reverse("account_login"))

    assert html_lang(page) == language
    assert sign_in in page.content.decode()


def test_an_unknown_language_is_ignored(client):
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})

    assert html_lang(client.get(reverse("home"))) == "en"


def test_switcher_is_a_form_that_works_without_javascript(client):
    content = client.get(reverse("home")).content.decode()

    assert f'<form class="language-switcher" action="{reverse("set_language")}" method="post">' in content
    assert '<label for="language-select">Language</label>' in content
    assert '<button type="submit" class="button button-small">Change</button>' in content
    assert '<input name="next" type="hidden" value="/">' in content
    for code, name in [
        ("en", "English"),
        ("es", "Español"),
        ("fr", "Français"),
        ("pt-br", "Português Brasileiro"),
    ]:
        assert f'value="{code}" lang="{code}"' in content
        assert name in content


def _spanish_only_event(**kwargs) -> Event:
    event = EventFactory(default_language="es", languages=["en", "es", "fr"], **kwargs)
    Event.objects.filter(pk=event.pk).update(
        title_en="", title_fr="", title_pt_br="", title_es="Diálogo de San José"
    )
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
        title_en="San José Dialogue", title_es="Diálogo de San José", title_fr="", title_pt_br=""
    )
    day = DayFactory(event=event)
    Day.objects.filter(pk=day.pk).update(
        focus_en="Harvesting", focus_es="Cosecha", focus_fr="", focus_pt_br=""
    )
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


def test_lists_of_events_show_each_event_in_its_own_language(client):
    """Outside /e/<slug>/ (the home page) each event's own fields still fall back to its language."""
    spanish = EventFactory(default_language="es", start_date=datetime.date(2024, 6, 3))
    Event.objects.filter(pk=spanish.pk).update(
        title_en="San José Dialogue", title_es="Diálogo de San José", title_fr=""
    )
    english = EventFactory(default_language="en", start_date=datetime.date(2023, 6, 3))
    Event.objects.filter(pk=english.pk).update(
        title_en="Nairobi Dialogue", title_es="Diálogo de Nairobi", title_fr=""
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    content = client.get(reverse("home")).content.decode()

    assert "Diálogo de San José" in content
    assert "San José Dialogue" not in content
    assert "Nairobi Dialogue" in content
    assert "Diálogo de Nairobi" not in content
    assert current_event_language() is None


def test_days_outside_an_event_page_use_the_global_order():
    event = EventFactory(default_language="es")
    day = DayFactory(event=event)
    Day.objects.filter(pk=day.pk).update(focus_en="Harvesting", focus_es="Cosecha", focus_fr="")

    with translation.override("fr"):
        assert Day.objects.get(pk=day.pk).focus == "Harvesting"
        with event_language_fallback(event.default_language):
            assert Day.objects.get(pk=day.pk).focus == "Cosecha"


def test_the_event_fallback_does_not_leak_into_the_next_request(client):
    spanish = _spanish_only_event()
    day = DayFactory(event=spanish)
    Day.objects.filter(pk=day.pk).update(focus_en="Harvesting", focus_es="Cosecha", focus_fr="")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    client.get(spanish.get_absolute_url())

    assert current_event_language() is None
    with translation.override("fr"):
        assert Day.objects.get(pk=day.pk).focus == "Harvesting"


def test_an_event_in_a_list_falls_back_to_its_own_language():
    """Outside its own pages an event's fields fall back to its language inside {% event_language %}."""
    from django.template import Context, Template

    event = EventFactory(default_language="pt-br")
    Event.objects.filter(pk=event.pk).update(title_en="English", title_pt_br="Português", title_fr="")
    event = Event.objects.get(pk=event.pk)
    template = Template(
        "{% load event_language %}{% event_language event %}{{ event.title }}{% endevent_language %}"
        "|{{ event.title }}"
    )

    with translation.override("fr"):
        assert template.render(Context({"event": event})) == "Português|English"
        with event_language_fallback("en"):
            assert template.render(Context({"event": event})) == "Português|English"
    with translation.override("en"):
        assert template.render(Context({"event": event})) == "English|English"
    assert current_event_language() is None


def test_my_events_shows_each_event_in_its_own_language(client, make_user):
    from events.models import Role

    spanish = EventFactory(default_language="es")
    Event.objects.filter(pk=spanish.pk).update(
        title_en="San José Dialogue", title_es="Diálogo de San José", title_fr=""
    )
    user = make_user(spanish, Role.MEMBER)
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    content = client.get(reverse("dashboard")).content.decode()

    assert "Diálogo de San José" in content
    assert "San José Dialogue" not in content


def test_the_fallback_is_per_thread():
    day = DayFactory()
    Day.objects.filter(pk=day.pk).update(focus_en="English", focus_pt_br="Português", focus_fr="")
    day = Day.objects.get(pk=day.pk)
    seen = []

    def other_thread():
        with translation.override("fr"):
            seen.append(day.focus)

    with translation.override("fr"), event_language_fallback("pt-br"):
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
        seen.append(day.focus)

    assert seen == ["English", "Português"]


def test_brazilian_content_falls_back_to_the_event_language_then_spanish_then_english():
    day = DayFactory(event=EventFactory(default_language="fr"))
    Day.objects.filter(pk=day.pk).update(focus_en="English", focus_es="Español", focus_fr="", focus_pt_br="")

    with translation.override("pt-br"):
        assert Day.objects.get(pk=day.pk).focus == "Español"
        Day.objects.filter(pk=day.pk).update(focus_fr="Français")
        with event_language_fallback("fr"):
            assert Day.objects.get(pk=day.pk).focus == "Français"
        Day.objects.filter(pk=day.pk).update(focus_pt_br="Português")
        with event_language_fallback("fr"):
            assert Day.objects.get(pk=day.pk).focus == "Português"
    with translation.override("fr"):
        Day.objects.filter(pk=day.pk).update(focus_fr="")
        assert Day.objects.get(pk=day.pk).focus == "English"
