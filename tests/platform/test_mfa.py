"""Two-factor authentication (allauth MFA: an authenticator app and recovery codes): offered to everyone,
required of staff and organisers before any back office whenever debug is off."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.urls import reverse

from events.models import Role
from tests.events.factories import EventFactory, EventRoleFactory, UserFactory

from .helpers import h1, html_lang

pytestmark = pytest.mark.django_db

ACTIVATE = "/accounts/2fa/totp/activate/"
SET_UP_MESSAGE = (
    "The back office needs two-factor authentication. Set up an authenticator app on your phone, then "
    "open the back office again."
)


def _code(secret: str) -> str:
    import time

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def _sign_in(client, user):
    """A real log-in (allauth records it)."""
    response = client.post(reverse("account_login"), {"login": user.email, "password": "dialogue-demo"})
    assert response.status_code == 302
    return response


def _confirm_password(client):
    """Setting up an authenticator asks for the password again (allauth's reauthentication)."""
    response = client.post(reverse("account_reauthenticate"), {"password": "dialogue-demo"})
    assert response.status_code == 302


@pytest.fixture
def required(settings):
    settings.MFA_REQUIRED_FOR_BACK_OFFICE = True


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("organiser", "/e/{slug}/manage/"),
        ("organiser", "/e/{slug}/manage/days/"),
        ("organiser_elsewhere", "/e/{slug}/manage/"),
        ("staff", "/manage/events/new/"),
        ("staff", "/admin/"),
    ],
)
def test_mfa_staff_and_organisers_set_it_up_before_the_back_office(client, event, required, who, url):
    user = UserFactory(is_staff=who == "staff")
    if who == "organiser":
        EventRoleFactory(event=event, user=user, role=Role.ORGANISER)
    elif who == "organiser_elsewhere":
        EventRoleFactory(event=EventFactory(), user=user, role=Role.ORGANISER)
        EventRoleFactory(event=event, user=user, role=Role.FACILITATOR)
    client.force_login(user)

    response = client.get(url.format(slug=event.slug), follow=True)

    assert response.redirect_chain[0] == (ACTIVATE, 302)
    assert SET_UP_MESSAGE in response.content.decode()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("es", "La gestión del evento requiere la verificación en dos pasos."),
        ("fr", "La gestion de l’événement exige la validation en deux étapes."),
        ("pt-br", "A gestão do evento exige a verificação em duas etapas."),
    ],
)
def test_mfa_set_up_message_is_translated(client, event, required, language, message):
    user = UserFactory()
    EventRoleFactory(event=event, user=user, role=Role.ORGANISER)
    client.force_login(user)
    client.cookies["django_language"] = language

    response = client.get(f"/e/{event.slug}/manage/", follow=True)

    assert message in response.content.decode()


def test_mfa_facilitators_and_public_pages_do_not_need_it(client, event, required):
    user = UserFactory()
    EventRoleFactory(event=event, user=user, role=Role.FACILITATOR)
    client.force_login(user)

    assert client.get(f"/e/{event.slug}/manage/").status_code == 200
    assert client.get(f"/e/{event.slug}/").status_code == 200


def test_mfa_organiser_with_an_authenticator_app_enters(client, event, required):
    user = UserFactory()
    EventRoleFactory(event=event, user=user, role=Role.ORGANISER)
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)

    assert client.get(f"/e/{event.slug}/manage/").status_code == 200


def test_mfa_is_offered_but_not_required_with_debug_on(client, event, settings):
    settings.MFA_REQUIRED_FOR_BACK_OFFICE = False
    user = UserFactory()
    EventRoleFactory(event=event, user=user, role=Role.ORGANISER)
    client.force_login(user)

    assert client.get(f"/e/{event.slug}/manage/").status_code == 200
    nav = client.get(reverse("account_email")).content.decode()
    assert '<a href="/accounts/2fa/">Two-factor authentication</a>' in nav


def test_mfa_set_up_then_sign_in_asks_for_the_code(client, event, required):
    user = UserFactory()
    EventRoleFactory(event=event, user=user, role=Role.ORGANISER)
    _sign_in(client, user)
    _confirm_password(client)

    page = client.get(ACTIVATE)
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page.content.decode())
    secret = secret or re.search(r'value="([A-Z2-7]{32})"', page.content.decode())
    activated = client.post(ACTIVATE, {"code": _code(secret.group(1))})

    assert activated.status_code == 302
    assert activated["Location"] == "/accounts/2fa/recovery-codes/"
    assert Authenticator.objects.filter(user=user).count() == 2  # the app and the recovery codes
    assert client.get(f"/e/{event.slug}/manage/").status_code == 200

    client.logout()
    signed_in = _sign_in(client, user)
    assert signed_in["Location"] == "/accounts/2fa/authenticate/"
    assert client.get(f"/e/{event.slug}/manage/").status_code == 302  # not signed in until the code


def test_mfa_admin_sign_in_goes_through_the_portals_log_in(client):
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"


@pytest.mark.parametrize("name", ["mfa_index", "mfa_activate_totp"])
def test_mfa_pages_use_the_portal_layout_in_four_languages(client, name):
    user = UserFactory()
    _sign_in(client, user)
    _confirm_password(client)
    headings = {}
    for language in ["en", "es", "fr", "pt-br"]:
        client.cookies["django_language"] = language
        page = client.get(reverse(name))
        assert page.status_code == 200
        content = page.content.decode()
        assert 'class="site-header"' in content
        assert '<nav class="account-nav"' in content
        assert html_lang(page) == language
        headings[language] = h1(page)
    assert len(set(headings.values())) == 4, headings
