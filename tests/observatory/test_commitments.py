"""Commitments and their follow-up: focal points report for their own organisation only, the status
history is kept, evidence is a link or a document; editors add commitments in the back office."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from observatory.errors import NotAFocalPoint
from observatory.models import Commitment, CommitmentUpdate, FocalPoint
from observatory.services import commitments as services
from tests.events.factories import EventFactory, OrganisationFactory, UserFactory

from .factories import make_commitment, make_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment():
    return make_commitment(make_entry(EventFactory(), "Train hotel staff."), country="CR")


@pytest.fixture
def focal_point(commitment):
    return FocalPoint.objects.create(user=UserFactory(), organisation=commitment.organisation, country="CR")


def test_an_update_that_changes_the_status_is_kept_in_the_history(commitment, focal_point):
    services.post_update(
        commitment=commitment,
        text="Four hotels signed up.",
        date=datetime.date(2024, 11, 15),
        language="en",
        status="in_progress",
        progress=30,
        focal_point=focal_point,
    )
    services.post_update(
        commitment=commitment,
        text="All ten trained.",
        date=datetime.date(2025, 6, 1),
        language="en",
        status="achieved",
    )

    commitment.refresh_from_db()
    assert commitment.status == "achieved"
    assert [(c.old_status, c.new_status, c.date) for c in commitment.status_changes.all()] == [
        ("", "planned", datetime.date(2024, 6, 7)),
        ("planned", "in_progress", datetime.date(2024, 11, 15)),
        ("in_progress", "achieved", datetime.date(2025, 6, 1)),
    ]


def test_an_update_without_a_new_status_leaves_the_history_alone(commitment):
    services.post_update(
        commitment=commitment, text="Still planning.", date=datetime.date(2024, 8, 1), language="en"
    )

    assert commitment.status_changes.count() == 1
    assert CommitmentUpdate.objects.get().status == ""


def test_a_focal_point_of_another_organisation_is_refused(commitment):
    other = FocalPoint.objects.create(user=UserFactory(), organisation=OrganisationFactory(), country="CR")

    with pytest.raises(NotAFocalPoint):
        services.post_update(
            commitment=commitment,
            text="Not mine.",
            date=datetime.date(2024, 8, 1),
            language="en",
            focal_point=other,
        )
    assert not CommitmentUpdate.objects.exists()


def test_a_focal_point_of_another_country_is_refused(commitment):
    other = FocalPoint.objects.create(user=UserFactory(), organisation=commitment.organisation, country="PA")

    with pytest.raises(NotAFocalPoint):
        services.post_update(
            commitment=commitment,
            text="Not here.",
            date=datetime.date(2024, 8, 1),
            language="en",
            focal_point=other,
        )


def test_a_focal_point_posts_an_update_with_a_document_as_evidence(client, commitment, focal_point):
    client.force_login(focal_point.user)

    response = client.post(
        reverse("observatory:commitment_update", args=[commitment.pk]),
        {
            "date": "2024-11-15",
            "text": "Training material ready.",
            "language": "en",
            "status": "in_progress",
            "progress": "30",
            "evidence_file": SimpleUploadedFile(
                "material.pdf", b"%PDF-1.4 evidence", content_type="application/pdf"
            ),
            "date_precision": "day",
        },
    )

    assert response.status_code == 302
    update = CommitmentUpdate.objects.get()
    assert (update.focal_point, update.author, update.progress) == (focal_point, focal_point.user, 30)
    evidence = client.get(reverse("observatory:evidence", args=[update.pk]))
    assert evidence.status_code == 200 and b"".join(evidence.streaming_content) == b"%PDF-1.4 evidence"
    page = client.get(reverse("observatory:entry", args=[commitment.entry_id])).content.decode()
    assert "Training material ready." in page and "Focal point" in page


@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("stranger", 403), ("other_focal", 403)])
def test_only_the_organisations_focal_points_may_report(client, commitment, who, status):
    if who == "stranger":
        client.force_login(UserFactory())
    elif who == "other_focal":
        point = FocalPoint.objects.create(user=UserFactory(), organisation=OrganisationFactory())
        client.force_login(point.user)

    response = client.get(reverse("observatory:commitment_update", args=[commitment.pk]))

    assert response.status_code == status


def test_the_report_button_shows_only_to_who_may_report(client, commitment, focal_point):
    url = reverse("observatory:entry", args=[commitment.entry_id])
    update_url = reverse("observatory:commitment_update", args=[commitment.pk])
    client.force_login(UserFactory())
    assert update_url not in client.get(url).content.decode()

    client.force_login(focal_point.user)
    assert update_url in client.get(url).content.decode()


def test_evidence_is_a_link_or_a_document_not_both(client, commitment, focal_point):
    client.force_login(focal_point.user)

    response = client.post(
        reverse("observatory:commitment_update", args=[commitment.pk]),
        {
            "date": "2024-11-15",
            "text": "Both.",
            "language": "en",
            "evidence_url": "https://example.org/report",
            "evidence_file": SimpleUploadedFile("a.pdf", b"%PDF", content_type="application/pdf"),
            "date_precision": "day",
        },
    )

    assert response.status_code == 200
    assert not CommitmentUpdate.objects.exists()


def test_an_organiser_adds_a_commitment_in_the_back_office(client_as, event):
    entry = make_entry(event, "Train judges.")
    organisation = OrganisationFactory()
    client = client_as("organiser")

    response = client.post(
        reverse("observatory_manage:commitment_add", args=[event.slug, entry.pk]),
        {
            "organisation": organisation.pk,
            "country": "GT",
            "status": "planned",
            "deadline": "2026-12-31",
            "description_en": "Train 40 judges.",
            "target_en": "40 judges",
            "indicator_en": "Judges trained",
            "baseline_en": "None",
        },
    )

    assert response.status_code == 302
    commitment = Commitment.objects.get()
    assert (commitment.entry, commitment.organisation, commitment.country.code) == (entry, organisation, "GT")
    assert [c.new_status for c in commitment.status_changes.all()] == ["planned"]

    client.post(
        reverse("observatory_manage:commitment_edit", args=[event.slug, entry.pk, commitment.pk]),
        {"organisation": organisation.pk, "status": "stalled", "description_en": "Train 40 judges."},
    )
    assert [c.new_status for c in commitment.status_changes.all()] == ["planned", "stalled"]
