"""Daily takeaways: organisers choose who sums up a day; they write; rapporteurs read."""

import pytest
from django.urls import reverse

from events.models import Role
from reports.models import Takeaway, TakeawayAuthor
from tests.events.factories import DayFactory

pytestmark = pytest.mark.django_db


def test_chosen_participant_writes_and_rapporteur_reads(client, event, make_user):
    day = DayFactory(event=event)
    organiser = make_user(event, Role.ORGANISER)
    chosen = make_user(event, Role.PARTICIPANT)
    other = make_user(event, Role.PARTICIPANT)
    rapporteur = make_user(event, Role.RAPPORTEUR)
    client.force_login(organiser)
    url = reverse("reports:findings_takeaway_authors", kwargs={"slug": event.slug, "day_pk": day.pk})
    assert client.post(url, {"users": [chosen.pk]}).status_code == 302
    write = reverse("reports:findings_takeaway_write", kwargs={"slug": event.slug, "day_pk": day.pk})
    client.force_login(other)
    assert client.get(write).status_code == 403
    client.force_login(chosen)
    form = client.get(write).content.decode()
    assert 'class="event-band"' in form and 'class="manage-menu"' not in form
    mine = client.get(reverse("reports:takeaways", kwargs={"slug": event.slug}))
    assert [row["mine"] for row in mine.context["rows"]] == [True]
    assert write in mine.content.decode()
    response = client.post(write, {"text": "Migration <b>matters</b>", "language": "es"})
    assert response["Location"] == reverse("reports:takeaways", kwargs={"slug": event.slug})
    assert list(Takeaway.objects.values_list("author", "text", "language")) == [
        (chosen.pk, "Migration <b>matters</b>", "es")
    ]
    client.force_login(rapporteur)
    page = client.get(reverse("reports:findings_takeaways", kwargs={"slug": event.slug})).content.decode()
    assert "Migration &lt;b&gt;matters&lt;/b&gt;" in page
    client.force_login(other)
    rows = client.get(reverse("reports:takeaways", kwargs={"slug": event.slug})).context["rows"]
    assert rows == []
    assert client.get(reverse("reports:findings_takeaways", kwargs={"slug": event.slug})).status_code == 403


def test_staff_who_sum_up_return_to_the_back_office(client, event, make_user):
    day = DayFactory(event=event)
    facilitator = make_user(event, Role.FACILITATOR)
    TakeawayAuthor.objects.create(day=day, user=facilitator)
    client.force_login(facilitator)
    staff_page = reverse("reports:findings_takeaways", kwargs={"slug": event.slug})
    rows = client.get(staff_page).context["rows"]
    assert [(row["day"], row["mine"]) for row in rows] == [(day, True)]
    write = reverse("reports:findings_takeaway_write", kwargs={"slug": event.slug, "day_pk": day.pk})
    response = client.post(write, {"text": "Mine", "language": "en"})
    assert response["Location"] == staff_page


@pytest.mark.parametrize("role, can_choose", [("organiser", True), ("rapporteur", False)])
def test_only_organisers_are_offered_to_choose_authors(client, event, make_user, role, can_choose):
    DayFactory(event=event)
    client.force_login(make_user(event, role))
    page = client.get(reverse("reports:findings_takeaways", kwargs={"slug": event.slug}))
    assert page.context["can_choose"] is can_choose
    assert ("Choose who sums up" in page.content.decode()) is can_choose
