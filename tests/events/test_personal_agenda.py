"""A personal agenda: a star on agenda items (a POST form, no JavaScript), the "My tables" page's
programme with the starred sessions, and the private iCal feed of the whole personal agenda."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from events.models import Audience, Star
from sessions_app.models import Registration
from sessions_app.services.personal_agenda import agenda_feed_token
from tests.events.factories import AgendaItemFactory


def _star(client, event, item, value="1", next_url=""):
    return client.post(
        reverse("events:item_star", args=[event.slug, item.pk]), {"star": value, "next": next_url}
    )


def _day(event, date):
    return reverse("events:day_detail", args=[event.slug, date])


def test_a_participant_stars_and_unstars_an_item_from_the_day_page(client, make_user, agenda):
    user = make_user(agenda.event, "participant")
    client.force_login(user)
    html = client.get(_day(agenda.event, "2024-06-04")).content.decode()
    assert html.count("Add to my agenda</button>") == 5  # the panel, the block and its three rotations
    response = _star(client, agenda.event, agenda.panel, next_url=_day(agenda.event, "2024-06-04"))
    assert response.status_code == 302
    assert response["Location"] == f"{_day(agenda.event, '2024-06-04')}#item-{agenda.panel.pk}"
    assert list(Star.objects.values_list("user", "item")) == [(user.pk, agenda.panel.pk)]
    _star(client, agenda.event, agenda.panel)  # starring twice keeps one star
    assert Star.objects.count() == 1
    html = client.get(_day(agenda.event, "2024-06-04")).content.decode()
    assert html.count("star-button is-starred") == 1 and "Remove from my agenda" in html
    _star(client, agenda.event, agenda.panel, value="0")
    assert Star.objects.count() == 0


def test_anonymous_readers_get_no_star_and_must_log_in(client, agenda):
    assert "star-button" not in client.get(_day(agenda.event, "2024-06-04")).content.decode()
    response = _star(client, agenda.event, agenda.panel)
    assert response.status_code == 302 and "login" in response["Location"]
    assert Star.objects.count() == 0


def test_nobody_stars_an_item_they_may_not_see(client, make_user, agenda, event):
    client.force_login(make_user(agenda.event, "participant"))
    assert _star(client, agenda.event, agenda.safeguarding).status_code == 404  # the closed Friday
    other = AgendaItemFactory()  # an item of another event
    assert _star(client, agenda.event, other).status_code == 404
    assert Star.objects.count() == 0


def test_a_foreign_next_address_is_not_followed(client, make_user, agenda):
    client.force_login(make_user(agenda.event, "participant"))
    response = _star(client, agenda.event, agenda.panel, next_url="https://evil.example/")
    assert response["Location"] == f"{_day(agenda.event, '2024-06-04')}#item-{agenda.panel.pk}"


def test_my_tables_lists_starred_sessions_and_their_feed(client, make_user, agenda):
    user = make_user(agenda.event, "participant")
    client.force_login(user)
    Star.objects.create(user=user, item=agenda.rotations[1])
    Star.objects.create(user=user, item=agenda.safeguarding)  # starred while visible; no longer
    html = client.get(reverse("sessions_app:my_tables", args=[agenda.event.slug])).content.decode()
    assert "Sessions I added" in html
    assert "Second rotation" in html
    assert "Child safeguarding workshop" not in html
    registration = Registration.objects.get(user=user)
    assert agenda_feed_token(registration=registration) in html


def test_the_private_feed_holds_the_programme_and_starred_items(client, make_user, agenda):
    user = make_user(agenda.event, "participant")
    registration = Registration.objects.get(user=user)
    registration.days.set([agenda.monday])
    Star.objects.create(user=user, item=agenda.panel)
    url = reverse(
        "sessions_app:my_agenda_feed", args=[agenda.event.slug, agenda_feed_token(registration=registration)]
    )
    response = client.get(url)  # no login: the signed address is the key
    assert response.status_code == 200
    summaries = sorted(str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT"))
    assert summaries == ["Opening panel", "Welcome remarks"]
    bad = reverse("sessions_app:my_agenda_feed", args=[agenda.event.slug, "forged"])
    assert client.get(bad).status_code == 404


def test_the_tables_feed_token_does_not_open_the_agenda_feed(client, make_user, agenda):
    from sessions_app.services.publication import feed_token

    registration = Registration.objects.get(user=make_user(agenda.event, "participant"))
    url = reverse(
        "sessions_app:my_agenda_feed", args=[agenda.event.slug, feed_token(registration=registration)]
    )
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url_name", ["my_tables", "my_agenda_ical"])
def test_personal_pages_cost_the_same_queries_with_more_stars(client, make_user, agenda, url_name):
    user = make_user(agenda.event, "participant")
    client.force_login(user)
    url = reverse(f"sessions_app:{url_name}", args=[agenda.event.slug])
    Star.objects.create(user=user, item=agenda.panel)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    expected = len(one.captured_queries)
    assert expected > 5
    for hour in range(7, 9):
        item = AgendaItemFactory(
            day=agenda.tuesday,
            start=datetime.time(hour),
            end=datetime.time(hour, 30),
            audience=Audience.PUBLIC,
        )
        Star.objects.create(user=user, item=item)
    for rotation in agenda.rotations:
        Star.objects.create(user=user, item=rotation)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.status_code == 200
    assert len(many.captured_queries) == expected


def test_the_day_page_costs_one_query_more_for_a_signed_in_reader_whatever_the_stars(
    client, make_user, agenda
):
    user = make_user(agenda.event, "participant")
    client.force_login(user)
    url = _day(agenda.event, "2024-06-04")
    client.get(url)
    with CaptureQueriesContext(connection) as none:
        client.get(url)
    expected = len(none.captured_queries)
    assert expected > 5
    for item in [agenda.panel, agenda.block, *agenda.rotations]:
        Star.objects.create(user=user, item=item)
    with CaptureQueriesContext(connection) as five:
        html = client.get(url).content.decode()
    assert len(five.captured_queries) == expected
    assert html.count("star-button is-starred") == 5


@pytest.mark.parametrize("role", ["member", "organiser", "facilitator"])
def test_only_participants_keep_a_personal_agenda(client, make_user, agenda, role):
    client.force_login(make_user(agenda.event, role))
    html = client.get(_day(agenda.event, "2024-06-04")).content.decode()
    assert "star-button" not in html and "My agenda" not in html
    assert _star(client, agenda.event, agenda.panel).status_code == 403
    assert Star.objects.count() == 0
