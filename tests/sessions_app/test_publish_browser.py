"""Publishing in a real browser (Debian's Chromium): the button opens a page that says what will happen;
with the ranking still open nothing goes out until the organiser ticks the second confirmation."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.models import Role
from sessions_app.models import TableSession
from sessions_app.services.allocation import allocate_session
from sessions_app.services.preferences import save_ranking
from tests.sessions_app.factories import RegistrationFactory, make_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.mark.parametrize("width", [360, 1280])
def test_publishing_asks_first_and_needs_the_second_confirmation_while_ranking_is_open(
    live_server, new_page, event, make_user, width
):
    session = make_session(event, tables=3, rotations=3, seats=2)
    tables = list(session.tables.order_by("number"))
    people = RegistrationFactory.create_batch(3, event=event)
    for person in people[:2]:
        save_ranking(registration=person, session=session, ranks={t.pk: n for n, t in enumerate(tables, 1)})
    session.preferences_close = timezone.now() + datetime.timedelta(days=1)
    session.save()
    allocate_session(session=session)
    page = new_page(width, 900)
    _login(page, live_server, make_user(event, Role.ORGANISER))
    page.goto(live_server.url + reverse("sessions_app:allocation", args=[event.slug, session.pk]))
    assert page.evaluate("document.documentElement.scrollWidth") == width

    page.click("text=Publish and e-mail participants…")
    summary = page.inner_text(".publish-summary")
    assert "3 participants will receive an e-mail with their tables." in summary
    assert "1 approved participant has not ranked the tables." in summary
    assert "The ranking is still open until" in summary

    page.click("button:has-text('Publish and e-mail participants')")  # the box is not ticked
    assert page.locator("input[name=ranking_open_confirmed]:invalid").count() == 1  # the browser stops it
    assert mail.outbox == []
    assert TableSession.objects.get(pk=session.pk).published_at is None

    page.check("input[name=ranking_open_confirmed]")
    page.click("button:has-text('Publish and e-mail participants')")
    page.wait_for_load_state()

    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.user.email for p in people)
    assert "Allocation published; 3 e-mails sent." in page.content()
    assert TableSession.objects.get(pk=session.pk).published_at is not None
