"""Accounts (django-allauth): e-mail only, verified, in the portal's layout and in four languages."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.events.factories import UserFactory

from .helpers import h1, html_lang, link_in

pytestmark = pytest.mark.django_db
User = get_user_model()


def signup(client, email="ana@example.org", password="a-long-dialogue-pass"):
    return client.post(
        reverse("account_signup"), {"email": email, "password1": password, "password2": password}
    )


def test_signup_sends_a_verification_mail_and_refuses_log_in_until_verified(client):
    response = signup(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="ana@example.org")
    assert EmailAddress.objects.get(user=user).verified is False
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ana@example.org"]
    assert mail.outbox[0].subject.startswith("[Dialogue Portal] ")
    assert "_auth_user_id" not in client.session

    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "ana@example.org", "password": "a-long-dialogue-pass"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_confirmation_link_verifies_the_address_and_logs_in(client):
    signup(client)
    confirm_path = link_in(mail.outbox[0].body)

    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "ana@example.org" in page.content.decode()
    response = client.post(confirm_path)

    assert response.status_code == 302
    assert EmailAddress.objects.get(email="ana@example.org").verified is True
    assert client.get(reverse("dashboard")).status_code == 200


def test_signup_form_asks_no_username_and_shows_none(client):
    page = client.get(reverse("account_signup")).content.decode()

    assert 'name="email"' in page
    assert 'name="username"' not in page
    assert "Username" not in page


def test_pages_of_a_signed_in_user_show_the_email_not_the_username(client):
    user = UserFactory(username="internal-name-7", email="maria@example.org")
    client.force_login(user)

    for name in ["account_email", "account_change_password", "dashboard"]:
        page = client.get(reverse(name)).content.decode()
        assert "internal-name-7" not in page
    assert "maria@example.org" in client.get(reverse("account_email")).content.decode()


def test_log_in_by_email_and_log_out(client):
    UserFactory(email="lucia@example.org")

    response = client.post(
        reverse("account_login"), {"login": "lucia@example.org", "password": "dialogue-demo"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    assert "_auth_user_id" in client.session

    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_wrong_password_is_a_form_error(client):
    UserFactory(email="lucia@example.org")

    response = client.post(reverse("account_login"), {"login": "lucia@example.org", "password": "wrong"})

    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in response.content.decode()
    assert 'class="form-errors"' in response.content.decode()


def test_repeated_failed_log_ins_are_rate_limited(client):
    UserFactory(email="lucia@example.org")
    data = {"login": "lucia@example.org", "password": "wrong"}
    for _attempt in range(5):
        response = client.post(reverse("account_login"), data)
        assert "Too many failed login attempts" not in response.content.decode()

    response = client.post(reverse("account_login"), data)
    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    # Even the right password is refused while the limit holds.
    response = client.post(
        reverse("account_login"), {"login": "lucia@example.org", "password": "dialogue-demo"}
    )
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_too_many_password_reset_requests_get_429_in_our_layout(client):
    UserFactory(email="lucia@example.org")
    for _attempt in range(5):
        assert (
            client.post(reverse("account_reset_password"), {"email": "lucia@example.org"}).status_code == 302
        )

    response = client.post(reverse("account_reset_password"), {"email": "lucia@example.org"})
    assert response.status_code == 429
    assert 'class="site-header"' in response.content.decode()
    assert h1(response) == "Too many requests"


def test_password_reset_by_mail(client):
    UserFactory(email="lucia@example.org")

    response = client.post(reverse("account_reset_password"), {"email": "lucia@example.org"})
    assert response["Location"] == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    reset_path = link_in(mail.outbox[0].body)

    form_page = client.get(reset_path, follow=True)
    assert form_page.status_code == 200
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_path
    response = client.post(action, {"password1": "brand-new-pass-42", "password2": "brand-new-pass-42"})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_from_key_done")

    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "lucia@example.org", "password": "brand-new-pass-42"}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_password_change(client):
    user = UserFactory(email="lucia@example.org")
    client.force_login(user)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "dialogue-demo", "password1": "another-pass-2024", "password2": "another-pass-2024"},
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("another-pass-2024")


def test_email_change_needs_verification_of_the_new_address(client):
    user = UserFactory(email="old@example.org")
    client.force_login(user)

    response = client.post(reverse("account_email"), {"action_add": "", "email": "new@example.org"})
    assert response.status_code == 302
    new = EmailAddress.objects.get(user=user, email="new@example.org")
    assert new.verified is False
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new@example.org"]

    client.post(link_in(mail.outbox[0].body))

    user.refresh_from_db()
    assert user.email == "new@example.org"
    assert list(EmailAddress.objects.filter(user=user).values_list("email", "verified", "primary")) == [
        ("new@example.org", True, True)
    ]


ANONYMOUS_PAGES = [
    ("account_login", {}),
    ("account_signup", {}),
    ("account_reset_password", {}),
    ("account_reset_password_done", {}),
    ("account_email_verification_sent", {}),
    ("account_reset_password_from_key", {"uidb36": "0", "key": "bad-key"}),
    ("account_confirm_email", {"key": "bad-key"}),
    ("account_reset_password_from_key_done", {}),
    ("account_inactive", {}),
]
SIGNED_IN_PAGES = [
    ("account_email", {}),
    ("account_change_password", {}),
    ("account_logout", {}),
    ("account_reauthenticate", {}),
]


def _get(client, name, kwargs, language):
    client.cookies["django_language"] = language
    return client.get(reverse(name, kwargs=kwargs))


@pytest.mark.parametrize(("name", "kwargs"), ANONYMOUS_PAGES + SIGNED_IN_PAGES)
def test_every_account_page_uses_the_portal_layout_and_is_translated(client, name, kwargs):
    if (name, kwargs) in SIGNED_IN_PAGES:
        client.force_login(UserFactory())

    english = _get(client, name, kwargs, "en")
    assert english.status_code == 200
    content = english.content.decode()
    assert 'class="site-header"' in content
    assert "/static/css/portal.css" in content
    assert 'class="skip-link"' in content
    assert '<main id="main"' in content
    assert html_lang(english) == "en"
    headings = {"en": h1(english)}
    for language in ["es", "fr", "pt-br"]:
        page = _get(client, name, kwargs, language)
        assert page.status_code == 200
        assert html_lang(page) == language
        headings[language] = h1(page)
        assert headings[language] != headings["en"], (language, headings)


def test_account_management_pages_have_the_account_navigation(client):
    client.force_login(UserFactory())

    page = client.get(reverse("account_change_password")).content.decode()

    assert '<nav class="account-nav" aria-label="Account settings">' in page
    assert f'<a href="{reverse("account_change_password")}" aria-current="page">Password</a>' in page


def test_every_form_control_on_account_pages_has_a_label(client):
    import re

    for name, kwargs in [("account_login", {}), ("account_signup", {}), ("account_reset_password", {})]:
        content = client.get(reverse(name, kwargs=kwargs)).content.decode()
        ids = re.findall(r'<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*\bid="([^"]+)"', content)
        assert ids, name
        for control_id in ids:
            assert f'<label for="{control_id}">' in content, (name, control_id)


def test_pending_email_change_page_has_no_inline_style(client):
    user = UserFactory(email="old@example.org")
    client.force_login(user)
    client.post(reverse("account_email"), {"action_add": "", "email": "new@example.org"})

    content = client.get(reverse("account_email")).content.decode()

    assert 'value="new@example.org"' in content
    assert "Your email address is still pending verification." in content
    assert '<form hidden\n              id="pending-email"' in content
    assert " style=" not in content


def test_invalid_new_email_is_a_form_error_and_saves_nothing(client):
    user = UserFactory(email="old@example.org")
    client.force_login(user)

    response = client.post(reverse("account_email"), {"action_add": "", "email": "not-an-address"})

    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert list(EmailAddress.objects.filter(user=user).values_list("email", flat=True)) == ["old@example.org"]


def test_sign_in_message_names_the_email_address_not_the_username(client):
    UserFactory(username="internal-name-9", email="rosa@example.org")

    response = client.post(
        reverse("account_login"), {"login": "rosa@example.org", "password": "dialogue-demo"}, follow=True
    )

    content = response.content.decode()
    assert "Successfully signed in as rosa@example.org." in content
    assert "internal-name-9" not in content


def test_a_user_without_a_password_can_set_one_in_the_layout(client):
    user = UserFactory()
    user.set_unusable_password()
    user.save()
    client.force_login(user)

    page = client.get(reverse("account_set_password"))
    assert page.status_code == 200
    assert 'class="site-header"' in page.content.decode()
    response = client.post(
        reverse("account_set_password"), {"password1": "first-pass-2024", "password2": "first-pass-2024"}
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("first-pass-2024")


@pytest.mark.parametrize(
    ("language", "greeting"),
    [("en", "Hello from Dialogue Portal!"), ("es", "¡Hola de parte de Portal de Diálogos!")],
)
def test_account_mails_name_the_portal_in_the_readers_language(client, language, greeting):
    client.cookies["django_language"] = language

    signup(client)

    body = mail.outbox[0].body
    assert body.startswith(greeting)
    assert "testserver" in body.splitlines()[-1]
