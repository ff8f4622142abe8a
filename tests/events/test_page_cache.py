"""Anonymous readers get an event's public pages from the cache, per content version and language, with
their own form token, and a browser that has the page gets 304 Not Modified."""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client
from django.urls import reverse

from events.services import bump_content_version

PAGES = [
    ("events:event_home", {}),
    ("events:agenda", {}),
    ("events:day_detail", {"date": "2024-06-04"}),
    ("events:person_detail", {"person_slug": "guillaume-landry"}),
    ("events:agenda_ical", {}),
    ("events:day_ical", {"date": "2024-06-04"}),
]


def _url(agenda, name="events:agenda", **kwargs):
    return reverse(name, kwargs={"slug": agenda.event.slug, **kwargs})


def _token(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_page_cache_second_anonymous_request_costs_no_query(
    agenda, client, django_assert_num_queries, name, kwargs
):
    url = _url(agenda, name, **kwargs)
    first = client.get(url)

    with django_assert_num_queries(0):  # the event's version is cached too
        second = client.get(url)

    assert second.status_code == 200
    assert second["Content-Type"] == first["Content-Type"]
    assert second.get("Content-Disposition") == first.get("Content-Disposition")


def test_page_cache_content_change_shows_at_once(agenda, client):
    client.get(_url(agenda))
    agenda.panel.title = "Renamed panel"
    agenda.panel.save()
    bump_content_version(agenda.event)

    html = client.get(_url(agenda)).content.decode()

    assert "Renamed panel" in html
    assert "Opening panel" not in html


def test_page_cache_organiser_edit_shows_at_once(agenda, client, make_user):
    client.get(_url(agenda))
    organiser = Client()
    organiser.force_login(make_user(agenda.event, "organiser"))

    organiser.post(
        reverse("events:manage_day_edit", kwargs={"slug": agenda.event.slug, "day_pk": agenda.tuesday.pk}),
        {"date": "2024-06-04", "audience": "public", "focus_en": "A new focus for Tuesday"},
    )

    assert "A new focus for Tuesday" in client.get(_url(agenda)).content.decode()


def test_page_cache_keeps_one_copy_per_language(agenda, client):
    english = client.get(_url(agenda)).content.decode()
    client.cookies["django_language"] = "es"

    spanish = client.get(_url(agenda)).content.decode()

    assert "Opening panel" in english
    assert "Panel de apertura" in spanish


def test_page_cache_signed_in_reader_gets_their_own_page(agenda, client, client_as):
    Client().get(_url(agenda))

    html = client_as("member").get(_url(agenda)).content.decode()

    assert "Child safeguarding workshop" in html


def test_page_cache_messages_are_never_cached_nor_served_from_it(agenda, client):
    client.get(_url(agenda))
    storage = CookieStorage(client.request().wsgi_request)
    storage.add(constants.ERROR, "The programme could not be made in time. Please try again later.")
    client.cookies["messages"] = storage._encode(storage._queued_messages)

    with_message = client.get(_url(agenda)).content.decode()
    after = client.get(_url(agenda)).content.decode()

    assert "The programme could not be made in time." in with_message
    assert "The programme could not be made in time." not in after


def test_page_cache_each_reader_gets_a_form_token_that_works(agenda):
    Client().get(_url(agenda))  # someone else filled the cache
    reader = Client(enforce_csrf_checks=True)

    page = reader.get(_url(agenda))
    switched = reader.post(
        reverse("set_language"),
        {"language": "es", "next": _url(agenda), "csrfmiddlewaretoken": _token(page)},
    )

    assert switched.status_code == 302
    assert "csrftoken" in page.cookies


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_page_cache_conditional_get_answers_304(agenda, client, name, kwargs):
    url = _url(agenda, name, **kwargs)
    page = client.get(url)

    by_etag = client.get(url, HTTP_IF_NONE_MATCH=page["ETag"])
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=page["Last-Modified"])

    assert page["ETag"].startswith('W/"')
    assert page["Cache-Control"] == "private, no-cache"
    assert (by_etag.status_code, by_etag.content, by_etag["ETag"]) == (304, b"", page["ETag"])
    assert by_date.status_code == 304


def test_page_cache_conditional_get_after_a_change_gets_the_new_page(agenda, client):
    page = client.get(_url(agenda))
    agenda.panel.title = "Renamed panel"
    agenda.panel.save()
    bump_content_version(agenda.event)

    again = client.get(
        _url(agenda), HTTP_IF_NONE_MATCH=page["ETag"], HTTP_IF_MODIFIED_SINCE=page["Last-Modified"]
    )

    assert again.status_code == 200
    assert "Renamed panel" in again.content.decode()


def test_page_cache_same_content_after_a_change_elsewhere_is_still_not_modified(agenda, client):
    page = client.get(_url(agenda, "events:person_detail", person_slug="mama-fatima-singateh"))
    agenda.welcome.title = "Welcome words"  # a participants' day: not on the anonymous page
    agenda.welcome.save()
    bump_content_version(agenda.event)

    again = client.get(
        _url(agenda, "events:person_detail", person_slug="mama-fatima-singateh"),
        HTTP_IF_NONE_MATCH=page["ETag"],
    )

    assert again.status_code == 304


def test_page_cache_a_new_form_token_cookie_gets_the_whole_page(agenda, client):
    page = client.get(_url(agenda))
    client.cookies.pop("csrftoken")

    again = client.get(_url(agenda), HTTP_IF_NONE_MATCH=page["ETag"])

    assert again.status_code == 200
    assert again["ETag"] != page["ETag"]


def test_page_cache_ignores_query_strings_and_unpublished_events(agenda, client, django_assert_num_queries):
    client.get(_url(agenda))
    with django_assert_num_queries(0):
        client.get(_url(agenda))

    fresh = client.get(_url(agenda) + "?utm_source=mail")

    assert fresh.status_code == 200
    assert "ETag" not in fresh
    agenda.event.is_published = False
    agenda.event.save()
    assert client.get(_url(agenda)).status_code == 404


def test_signed_in_agenda_takes_its_days_from_the_fragment_cache(
    agenda, client_as, django_assert_num_queries
):
    member = client_as("member")
    member.get(_url(agenda))

    with django_assert_num_queries(3):  # session, user, the member's roles
        html = member.get(_url(agenda)).content.decode()

    assert "Child safeguarding workshop" in html
    agenda.safeguarding.title = "Safeguarding children"
    agenda.safeguarding.save()
    bump_content_version(agenda.event)
    assert "Safeguarding children" in member.get(_url(agenda)).content.decode()
