"""Only public entries of published events are public: an unpublished event, a hidden entry, a closed day
and a record that was not accepted leave no trace in search, counts, the map, the pages or the API."""

import datetime
import json

import pytest
from django.urls import reverse

from events.models import Audience
from observatory.models import Entry, FocalPoint
from observatory.services import commitments as commitment_services
from observatory.services.entries import publish_report_entries
from reports.models import CollatedFinding, ConsolidationRecord
from reports.services.outcome import get_or_create_report
from tests.events.factories import EventFactory, UserFactory
from tests.reports.factories import FindingFactory, RecordFactory, ReportThemeFactory

from .factories import make_commitment, make_document, make_entry

pytestmark = pytest.mark.django_db

SECRET = "Quetzalcoatl confidential recommendation"


@pytest.fixture
def hidden():
    """A published event's visible entry, and the same words in an unpublished event and a hidden entry."""
    published = EventFactory(slug="open-dialogue")
    unpublished = EventFactory(slug="draft-dialogue", is_published=False)
    visible = make_entry(
        published, "A visible recommendation on tourism.", countries=["CR"], term_slugs=["gender"]
    )
    secret = make_entry(
        unpublished, SECRET, countries=["GT"], term_slugs=["safeguarding"], region_slugs=["caribbean"]
    )
    withdrawn = make_entry(published, SECRET + " withdrawn", countries=["HN"], is_public=False)
    make_commitment(secret, description="Secret commitment")
    make_document(title=SECRET + " document", event=unpublished, countries=["GT"])
    return {"visible": visible, "secret": secret, "withdrawn": withdrawn, "unpublished": unpublished}


def test_search_and_its_counts_show_no_trace_of_hidden_entries(client, hidden):
    response = client.get(reverse("observatory:search"), {"q": "Quetzalcoatl"})
    page = response.content.decode()
    assert response.context["page"].paginator.count == 0
    assert "confidential" not in page

    response = client.get(reverse("observatory:search"))
    facets = response.context["facets"]
    assert [c.value for c in facets["country"]] == ["CR"]
    assert [c.value for c in facets["event"]] == ["open-dialogue"]
    assert [c.value for c in facets["theme"]] == ["gender"]
    assert facets["region"] == [] and facets["status"] == []
    assert "draft-dialogue" not in response.content.decode()


def test_the_map_and_country_pages_show_no_trace(client, hidden):
    response = client.get(reverse("observatory:countries"))
    shades = {c["code"]: c["count"] for c in response.context["map"]["countries"]}
    assert shades["CR"] == 1 and shades["GT"] == 0 and shades["HN"] == 0

    response = client.get(reverse("observatory:country", args=["GT"]))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0
    assert SECRET not in response.content.decode()


def test_entry_event_theme_and_library_pages_show_no_trace(client, hidden):
    assert client.get(reverse("observatory:entry", args=[hidden["secret"].pk])).status_code == 404
    assert client.get(reverse("observatory:entry", args=[hidden["withdrawn"].pk])).status_code == 404
    assert client.get(reverse("observatory:event", args=["draft-dialogue"])).status_code == 404
    theme = client.get(reverse("observatory:theme", args=["safeguarding"]), {"kind": "all"})
    assert theme.context["timeline"] == []
    library = client.get(reverse("observatory:library"), {"q": "Quetzalcoatl"})
    assert library.context["page"].paginator.count == 0
    assert SECRET not in client.get(reverse("observatory:library")).content.decode()


def test_downloads_show_no_trace(client, hidden):
    csv = client.get(reverse("observatory:search_csv")).content.decode("utf-8-sig")
    data = json.loads(client.get(reverse("observatory:search_json")).content)
    library = client.get(reverse("observatory:library_csv")).content.decode("utf-8-sig")

    assert SECRET not in csv and SECRET not in library
    assert [record["id"] for record in data["results"]] == [hidden["visible"].pk]


@pytest.mark.parametrize("endpoint", ["event", "entry", "commitment", "update", "document"])
def test_the_api_shows_no_trace(client, hidden, endpoint):
    entry = hidden["secret"]
    commitment = entry.commitments.get()
    commitment_services.post_update(
        commitment=commitment, text="Secret progress", date=datetime.date(2024, 9, 1), language="en"
    )

    response = client.get(reverse(f"api:{endpoint}-list"))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Quetzalcoatl" not in body and "Secret" not in body and "draft-dialogue" not in body
    detail = {
        "event": "draft-dialogue",
        "entry": entry.pk,
        "commitment": commitment.pk,
        "update": commitment.updates.get().pk,
    }
    if endpoint in detail:
        assert client.get(reverse(f"api:{endpoint}-detail", args=[detail[endpoint]])).status_code == 404


def test_unpublishing_an_event_hides_its_entries_at_once(client, hidden):
    event = hidden["visible"].event
    event.is_published = False
    event.save()

    assert client.get(reverse("observatory:search")).context["page"].paginator.count == 0
    assert client.get(reverse("api:entry-list")).json()["count"] == 0


def _report_with(event, *, day_audience=Audience.PUBLIC, status=ConsolidationRecord.Status.ACCEPTED):
    get_or_create_report(event=event)
    record = RecordFactory(table__session__event=event, status=status)
    item = record.table.session.agenda_item
    item.day.audience = day_audience
    item.day.save()
    finding = FindingFactory(record=record, section="recommendation", text="From the tables")
    theme = ReportThemeFactory(event=event, kind="thematic")
    collated = CollatedFinding.objects.create(
        event=event, theme=theme, kind="recommendation", text_en="Collated " + day_audience, in_report=True
    )
    collated.sources.add(finding)
    return collated


def test_findings_of_a_closed_day_never_become_entries():
    event = EventFactory()
    _report_with(event, day_audience=Audience.MEMBERS)

    assert publish_report_entries(event=event) == {"created": 0, "updated": 0, "withdrawn": 0}
    assert Entry.objects.count() == 0


def test_findings_of_records_not_accepted_never_become_entries():
    event = EventFactory()
    _report_with(event, status=ConsolidationRecord.Status.SUBMITTED)

    publish_report_entries(event=event)

    assert Entry.objects.count() == 0


def test_an_attribution_is_kept_only_with_consent():
    event = EventFactory()
    collated = _report_with(event)
    collated.kind = "country_observation"
    collated.country = "SV"
    collated.speaker_organisation = "Civil society organisation"
    collated.attribution_consent = False
    collated.save()
    publish_report_entries(event=event)
    assert Entry.objects.get().attribution == ""

    collated.attribution_consent = True
    collated.save()
    publish_report_entries(event=event)
    assert Entry.objects.get().attribution == "Civil society organisation – El Salvador"


def test_a_focal_point_is_named_only_with_consent(client):
    entry = make_entry(EventFactory(), "Train judges.")
    commitment = make_commitment(entry)
    point = FocalPoint.objects.create(
        user=UserFactory(), organisation=commitment.organisation, display_name="Ana Pérez", show_name=False
    )
    commitment_services.post_update(
        commitment=commitment,
        text="Half done.",
        date=datetime.date(2024, 9, 1),
        language="en",
        focal_point=point,
    )

    page = client.get(reverse("observatory:entry", args=[entry.pk])).content.decode()
    api = client.get(reverse("api:update-list")).json()["results"][0]
    assert "Ana Pérez" not in page and api["reported_by"] == "Focal point"

    point.show_name = True
    point.save()
    page = client.get(reverse("observatory:entry", args=[entry.pk])).content.decode()
    assert "Ana Pérez" in page
    assert client.get(reverse("api:update-list")).json()["results"][0]["reported_by"] == "Ana Pérez"
