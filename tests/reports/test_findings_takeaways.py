"""Daily takeaways: organisers choose who sums up a day; they write; rapporteurs read."""

import pytest
from django.urls import reverse

from events.models import Role
from reports.models import Takeaway
from tests.factories import DayFactory

pytestmark = pytest.mark.django_db


def test_chosen_participant_writes_and_rapporteur_reads(client, event, make_user):
    day = DayFactory(event=event)
    organiser = make_user(event, Role.ORGANISER)
    chosen = make_user(event, Role.PARTICIPANT)
    other = make_user(event, Role.PARTICIPANT)
    rapporteur = make_user(event, Role.RAPPORTEUR)
    client.force_login(organiser)
    url = reverse("reports:findings_takeaway_authors", kwargs={"slug": event.slug, "day": day.pk})
    assert client.post(url, {"users": [chosen.pk]}).status_code == 302
    write = reverse("reports:findings_takeaway_write", kwargs={"slug": event.slug, "day": day.pk})
    client.force_login(other)
    assert client.get(write).status_code == 403
    client.force_login(chosen)
    assert client.post(write, {"text": "Migration <b>matters</b>", "language": "es"}).status_code == 302
    assert list(Takeaway.objects.values_list("author", "text", "language")) == [
        (chosen.pk, "Migration <b>matters</b>", "es")
    ]
    client.force_login(rapporteur)
    page = client.get(reverse("reports:findings_takeaways", kwargs={"slug": event.slug})).content.decode()
    assert "Migration &lt;b&gt;matters&lt;/b&gt;" in page
    client.force_login(other)
    rows = client.get(reverse("reports:findings_takeaways", kwargs={"slug": event.slug})).context["rows"]
    assert rows == []
