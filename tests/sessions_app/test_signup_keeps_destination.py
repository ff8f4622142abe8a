"""Sign-up keeps where the person was going: from "Register" through sign-up, e-mail confirmation and
log-in back to the event's registration form."""

import re

import pytest
from django.core import mail
from django.urls import reverse


def _links(page, name):
    return [link.replace("&amp;", "&") for link in re.findall(rf'href="([^"]*/accounts/{name}/[^"]*)"', page)]


@pytest.mark.django_db
def test_register_then_sign_up_and_confirm_lands_on_the_registration_form(client, event):
    register = reverse("sessions_app:register", kwargs={"slug": event.slug})

    to_login = client.get(register)
    login_page = client.get(to_login["Location"]).content.decode()
    signup_links = _links(login_page, "signup")
    signed_up = client.post(
        signup_links[-1],
        {
            "email": "ana@example.org",
            "password1": "tables-and-rotations-7",
            "password2": "tables-and-rotations-7",
        },
    )
    confirm_url = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", mail.outbox[-1].body).group(1)
    confirmed = client.post(confirm_url)
    form = client.get(confirmed["Location"])

    assert to_login["Location"] == f"/accounts/login/?next={register}"
    assert set(signup_links) == {
        f"/accounts/signup/?next={register}",
        f"/accounts/signup/?next=%2Fe%2F{event.slug}%2Fregister%2F",
    }
    assert signed_up["Location"] == "/accounts/confirm-email/"
    assert confirmed["Location"] == register
    assert form.status_code == 200
    assert form.context["user"].email == "ana@example.org"


@pytest.mark.django_db
def test_the_headers_sign_in_link_comes_back_to_the_page(client, event):
    agenda = reverse("events:agenda", kwargs={"slug": event.slug})

    page = client.get(agenda).content.decode()

    assert f'href="/accounts/login/?next=/e/{event.slug}/agenda/"' in page
