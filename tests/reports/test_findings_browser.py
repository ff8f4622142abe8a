"""The consolidation template in a real browser: autosave while typing, and no sideways scrolling on a
phone (Debian's Chromium through Playwright)."""

import pytest
from django.test import Client
from django.urls import reverse

from reports.models import ConsolidationRecord

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(new_page):
    return new_page(390, 900)


def login(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_autosave_while_typing(live_server, page, record, tables):
    login(page, live_server, tables["facilitator"])
    page.goto(
        live_server.url
        + reverse("reports:findings_edit", kwargs={"slug": record.event.slug, "record_pk": record.pk})
    )
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    page.fill("#id_trend-0-text", "Organised crime follows migration routes")
    page.locator(".autosave-status", has_text="Draft saved (v2)").wait_for(timeout=10000)
    assert page.input_value("input[name=version]") == "2"
    record = ConsolidationRecord.objects.get(pk=record.pk)
    assert record.version == 2
    assert list(record.findings.values_list("text", flat=True)) == [
        "Organised crime follows migration routes"
    ]
    # the plain Save button then saves with the version autosave left in the form: no conflict
    page.fill("#id_notes", "Checked")
    page.click("form.record-form button[type=submit]")
    page.wait_for_load_state()
    assert ConsolidationRecord.objects.get(pk=record.pk).notes == "Checked"
    assert "Somebody else saved" not in page.content()
