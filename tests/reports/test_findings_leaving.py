"""Leaving the consolidation template never throws an edit away: "Save and close" saves (no JavaScript
needed), and with JavaScript a page left with unsaved edits asks first."""

import pytest
from django.test import Client
from django.urls import reverse

from reports.models import ConsolidationRecord
from tests.reports.test_findings_records import edit_url, form_data


@pytest.mark.django_db
def test_save_and_close_saves_the_edit_and_goes_to_the_record(client, record, tables):
    client.force_login(tables["facilitator"])

    response = client.post(edit_url(record), form_data(1, trends=["Organised crime"], extra={"close": "1"}))

    assert response.status_code == 302
    assert response.url == reverse(
        "reports:findings_detail", kwargs={"slug": record.event.slug, "record_pk": record.pk}
    )
    assert list(ConsolidationRecord.objects.get(pk=record.pk).findings.values_list("text", flat=True)) == [
        "Organised crime"
    ]


@pytest.mark.django_db
def test_the_editor_offers_no_link_that_leaves_without_saving(client, record, tables):
    client.force_login(tables["facilitator"])

    page = client.get(edit_url(record)).content.decode()
    form = page.split('class="record-main record-form"')[1].split("</form>")[0]

    assert (
        '<button type="submit" name="close" value="1" class="button button-secondary">Save and close</button>'
        in form
    )
    assert "<a " not in form.split('class="actions"')[1]


@pytest.mark.django_db
def test_save_and_close_with_an_invalid_form_stays_on_the_form(client, record, tables):
    client.force_login(tables["facilitator"])

    response = client.post(edit_url(record), form_data(1, trends=["x"], language="xx", extra={"close": "1"}))

    assert response.status_code == 400
    assert ConsolidationRecord.objects.get(pk=record.pk).version == 1


def _login(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_leaving_with_an_unsaved_edit_asks_first_and_staying_keeps_it(live_server, new_page, record, tables):
    page = new_page(1280, 900)
    _login(page, live_server, tables["facilitator"])
    page.goto(live_server.url + edit_url(record))
    page.fill("#id_trend-0-text", "Organised crime follows migration routes")
    dialogs = []

    def stay(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    # Leave at once, before the autosave (2 s after typing stops) has run.
    page.evaluate("window.location.href = '/'")
    page.wait_for_timeout(500)

    assert dialogs == ["beforeunload"]
    assert page.input_value("#id_trend-0-text") == "Organised crime follows migration routes"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_save_and_close_in_the_browser_keeps_the_edit_without_asking(live_server, new_page, record, tables):
    page = new_page(390, 900)
    _login(page, live_server, tables["facilitator"])
    page.goto(live_server.url + edit_url(record))
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    page.fill("#id_trend-0-text", "Voluntourism grows")

    page.click("button[name=close]")
    page.wait_for_load_state()

    assert dialogs == []
    assert page.url.endswith(
        reverse("reports:findings_detail", kwargs={"slug": record.event.slug, "record_pk": record.pk})
    )
    assert list(ConsolidationRecord.objects.get(pk=record.pk).findings.values_list("text", flat=True)) == [
        "Voluntourism grows"
    ]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_leaving_after_the_autosave_has_saved_does_not_ask(live_server, new_page, record, tables):
    page = new_page(1280, 900)
    _login(page, live_server, tables["facilitator"])
    page.goto(live_server.url + edit_url(record))
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    page.fill("#id_trend-0-text", "Organised crime follows migration routes")
    page.locator(".autosave-status", has_text="Draft saved (v2)").wait_for(timeout=10000)

    page.goto(live_server.url + "/")

    assert dialogs == []
