"""A form that fails says so where assistive technology looks: the error summary takes the focus and links
to each invalid field, which carries aria-invalid and is described by its error (templates/partials)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def controls(content: str) -> dict[str, str]:
    """Each input, select or textarea's id -> its opening tag."""
    return {
        match.group(1): match.group(0)
        for match in re.finditer(r"<(?:input|select|textarea)\b[^>]*\bid=\"([^\"]+)\"[^>]*>", content)
    }


def assert_wired(content: str, field_ids: list[str]) -> None:
    summary = re.search(
        r'<div class="form-errors" role="alert" tabindex="-1" autofocus>(.*?)</div>', content, re.S
    )
    assert summary, "no focusable error summary"
    assert content.count(" autofocus") == 1  # the summary, not a field after it
    tags = controls(content)
    for field_id in field_ids:
        tag = tags[field_id]
        assert 'aria-invalid="true"' in tag, tag
        described = re.search(r'aria-describedby="([^"]+)"', tag).group(1).split()
        error_id = next(name for name in described if name.endswith("_error"))
        error = re.search(rf'<div class="error" id="{error_id}">(.*?)</div>', content, re.S)
        assert error and re.sub(r"<[^>]+>", "", error.group(1)).strip()
        assert f'href="#{field_id}"' in summary.group(1)
    # fields without errors are not marked
    assert sum('aria-invalid="true"' in tag for tag in tags.values()) == len(field_ids)


def test_the_organisers_person_form(client_as, event):
    client = client_as("organiser")
    response = client.post(reverse("events:manage_person_add", kwargs={"slug": event.slug}), {"name": ""})

    assert response.status_code == 200
    assert_wired(response.content.decode(), ["id_name"])


def test_allauth_sign_up_with_a_mismatched_password(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "not-an-address", "password1": "Correct horse 42!", "password2": "Correct horse 42!"},
    )

    assert response.status_code == 200
    assert_wired(response.content.decode(), ["id_email"])


def test_a_failed_log_in_focuses_the_summary_not_the_e_mail_field(client):
    response = client.post(reverse("account_login"), {"login": "nobody@example.org", "password": "wrong"})

    content = response.content.decode()
    assert "The email address and/or password you specified are not correct." in content
    assert content.count(" autofocus") == 1
    assert '<div class="form-errors" role="alert" tabindex="-1" autofocus>' in content


def test_a_group_of_checkboxes_is_described_by_its_error(client_as, event):
    client = client_as("organiser")
    response = client.post(
        reverse("events:manage_event_edit", kwargs={"slug": event.slug}), {"title_en": "X"}
    )

    content = response.content.decode()
    fieldset = re.search(r'<fieldset class="field field-choices field-error"([^>]*)>', content).group(1)
    described = re.search(r'aria-describedby="([^"]+)"', fieldset).group(1).split()
    assert "id_languages_error" in described
    assert '<div class="error" id="id_languages_error"><p>This field is required.</p></div>' in content
    assert 'href="#id_languages_0"' in content
    assert 'name="languages" value="en" aria-invalid="true"' in content.replace('class="" ', "")
