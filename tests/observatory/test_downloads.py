"""Every search downloads as CSV (formula-safe) and JSON, with the page's filters."""

import csv
import io
import json

import pytest
from django.urls import reverse

from tests.events.factories import EventFactory

from .factories import make_document, make_entry

pytestmark = pytest.mark.django_db


def test_a_search_downloads_as_csv_with_formulas_neutralised(client):
    event = EventFactory()
    make_entry(event, '=HYPERLINK("http://evil")', countries=["CR"])
    make_entry(event, "Elsewhere.", countries=["CA"])

    response = client.get(reverse("observatory:search_csv"), {"country": "CR"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="observatory-entries.csv"' == response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:6] == ["id", "url", "event", "year", "kind", "title"]
    assert len(rows) == 2 and rows[1][6] == '\'=HYPERLINK("http://evil")' and rows[1][14] == "CR"


def test_a_search_downloads_as_json_with_the_same_entries_as_the_page(client):
    event = EventFactory()
    make_entry(event, "Online grooming.", term_slugs=["online"])
    make_entry(event, "Tourism.", term_slugs=["travel-tourism"])
    query = {"form": "online"}

    page = [e.pk for e in client.get(reverse("observatory:search"), query).context["page"].object_list]
    data = json.loads(client.get(reverse("observatory:search_json"), query).content)

    assert [record["id"] for record in data["results"]] == page
    assert data["results"][0]["forms_of_exploitation"] == ["Online child sexual exploitation"]


def test_the_library_downloads_as_csv_and_json(client):
    make_document(title="+Plan", countries=["GT"])

    rows = list(
        csv.reader(io.StringIO(client.get(reverse("observatory:library_csv")).content.decode("utf-8-sig")))
    )
    data = json.loads(client.get(reverse("observatory:library_json")).content)

    assert rows[1][1] == "'+Plan"
    assert data["results"][0]["title"] == "+Plan" and data["results"][0]["countries"] == "GT"
