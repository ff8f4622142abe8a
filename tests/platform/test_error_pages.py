"""Friendly 404, 403 and 500 pages in the portal's layout and language."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import path

from tests.events.factories import EventFactory

from .helpers import h1, html_lang


def _forbidden(request):
    raise PermissionDenied


def _broken(request):
    raise RuntimeError("boom")


urlpatterns = [path("forbidden/", _forbidden), path("broken/", _broken)]


@pytest.fixture
def error_urls(settings):
    from dialogue_portal import urls

    settings.ROOT_URLCONF = __name__
    settings.DEBUG = False
    global urlpatterns
    urlpatterns = [path("forbidden/", _forbidden), path("broken/", _broken), *urls.urlpatterns]


pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "Page not found"),
        ("es", "Página no encontrada"),
        ("fr", "Page introuvable"),
        ("pt-br", "Página não encontrada"),
    ],
)
def test_404_is_friendly_and_translated(client, settings, language, heading):
    settings.DEBUG = False
    client.cookies["django_language"] = language

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert h1(response) == heading
    assert html_lang(response) == language
    assert 'class="site-header"' in response.content.decode()


def test_unpublished_event_shows_the_friendly_404(client, settings):
    settings.DEBUG = False
    event = EventFactory(is_published=False)

    response = client.get(event.get_absolute_url())

    assert response.status_code == 404
    assert h1(response) == "Page not found"


def test_403_is_friendly(client, error_urls):
    client.cookies["django_language"] = "fr"

    response = client.get("/forbidden/")

    assert response.status_code == 403
    assert h1(response) == "Accès refusé"


def test_500_is_friendly_and_needs_no_request_context(error_urls):
    client = Client(raise_request_exception=False)

    response = client.get("/broken/")

    assert response.status_code == 500
    content = response.content.decode()
    assert h1(response) == "Something went wrong"
    assert 'class="site-header"' in content
    assert "/static/css/portal.css" in content


def test_expired_form_token_shows_a_friendly_page(settings):
    settings.DEBUG = False
    client = Client(enforce_csrf_checks=True)
    client.cookies["django_language"] = "es"

    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/"})

    assert response.status_code == 403
    assert h1(response) == "El formulario ha caducado"
    assert html_lang(response) == "es"
    assert "/static/css/portal.css" in response.content.decode()
