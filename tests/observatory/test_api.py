"""The read-only open data API: a valid OpenAPI schema, the same entries as the search page, pages of
results, a rate limit, nothing to write; constant queries per list."""

import pytest
import yaml
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from observatory.api.throttling import OpenDataThrottle
from tests.events.factories import EventFactory

from .factories import make_commitment, make_document, make_entry

pytestmark = pytest.mark.django_db


def test_the_openapi_schema_validates():
    schema = SchemaGenerator().get_schema(request=None, public=True)

    validate_schema(schema)  # raises on an invalid document
    assert {"/api/v1/entries/", "/api/v1/commitments/", "/api/v1/updates/", "/api/v1/events/"} <= set(
        schema["paths"]
    )
    assert "/api/v1/documents/" in schema["paths"]


def test_the_schema_is_served(client):
    response = client.get(reverse("api_schema"))

    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    validate_schema(schema)
    assert schema["info"]["title"] == "Dialogue Portal observatory API"


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"q": "children"},
        {"country": "AR"},
        {"theme": "justice", "year": "2024"},
        {"q": "exploitation", "kind": "trend"},
    ],
)
def test_the_api_returns_the_same_entries_as_the_page(client, query):
    event = EventFactory()
    make_entry(
        event, "Protect children from sexual exploitation online.", countries=["AR"], term_slugs=["online"]
    )
    make_entry(event, "A trend of exploitation.", kind="trend", term_slugs=["justice"])
    make_entry(event, "Children in tourism.", region_slugs=["south-america"], term_slugs=["legal-reform"])
    make_entry(event, "Unrelated.", countries=["CA"])

    page = [
        entry.pk for entry in client.get(reverse("observatory:search"), query).context["page"].object_list
    ]
    api = [entry["id"] for entry in client.get(reverse("api:entry-list"), query).json()["results"]]

    assert api == page
    assert api


def test_an_entry_in_the_api_carries_its_texts_and_classification(client):
    entry = make_entry(
        EventFactory(slug="san-jose"),
        "Train judges.",
        text_es="Capacitar a jueces.",
        countries=["GT"],
        term_slugs=["justice", "online", "states"],
        region_slugs=["central-america"],
    )
    make_commitment(entry)

    data = client.get(reverse("api:entry-detail", args=[entry.pk])).json()

    assert data["event"] == "san-jose"
    assert (
        data["texts"]["en"]["text"] == "Train judges."
        and data["texts"]["es"]["text"] == "Capacitar a jueces."
    )
    assert "fr" not in data["texts"]
    assert (data["themes"], data["forms_of_exploitation"], data["addressees"]) == (
        ["justice"],
        ["online"],
        ["states"],
    )
    assert (data["countries"], data["regions"], len(data["commitments"])) == (["GT"], ["central-america"], 1)


def test_lists_are_paginated(client):
    event = EventFactory()
    for n in range(55):
        make_entry(event, f"Entry {n}.")

    data = client.get(reverse("api:entry-list")).json()

    assert data["count"] == 55 and len(data["results"]) == 50 and data["next"].endswith("page=2")


def test_the_api_is_read_only(client):
    response = client.post(reverse("api:entry-list"), {"text": "x"}, content_type="application/json")

    assert response.status_code == 405


def test_the_api_is_rate_limited(client, monkeypatch):
    monkeypatch.setattr(OpenDataThrottle, "THROTTLE_RATES", {"open_data": "3/minute"})

    codes = [client.get(reverse("api:event-list")).status_code for _ in range(4)]

    assert codes == [200, 200, 200, 429]


@pytest.mark.parametrize("size", [1, 5])
def test_api_lists_make_a_constant_number_of_queries(client, django_assert_num_queries, size):
    event = EventFactory()
    for n in range(size):
        entry = make_entry(
            event, f"Entry {n}.", countries=["AR"], term_slugs=["justice"], region_slugs=["americas"]
        )
        make_commitment(entry)
        make_document(title=f"Document {n}", countries=["AR"], term_slugs=["justice"])
    for name, queries in [("entry", 9), ("document", 7), ("commitment", 2), ("update", 1), ("event", 2)]:
        with django_assert_num_queries(queries):
            assert client.get(reverse(f"api:{name}-list")).status_code == 200
