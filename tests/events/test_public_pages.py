"""What each reader sees on the public pages."""

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import EventPartner
from tests.events.factories import OrganisationFactory


def _text(response) -> str:
    return response.content.decode()


def test_public_agenda_anonymous_sees_public_day_only(agenda, client):
    html = _text(client.get(reverse("events:agenda", args=[agenda.event.slug])))
    assert "Opening panel" in html
    assert "Facilitated a cross-sector dialogue" in html
    assert "Methodology: discussion working groups." in html
    assert "Plenary hall" in html
    assert "Welcome remarks" not in html  # participants' Monday
    assert "Harvesting analysis" not in html
    assert "Child safeguarding workshop" not in html  # closed Friday
    assert "Closed meeting for ECPAT International" not in html
    assert "Closed Speaker" not in html
    # Participants' days are announced without their content, with a way to log in.
    assert "One more day of this event is open to registered participants only." in html
    assert "Log in to see them" in html


def test_public_agenda_shows_speakers_roles_remote_and_tbc(agenda, client):
    html = _text(client.get(reverse("events:agenda", args=[agenda.event.slug])))
    assert "Ms. Mama Fátima Singateh</a>, Special Rapporteur, United Nations" in html
    assert '<span class="badge">Remote</span>' in html
    assert '<span class="badge badge-warn">To be confirmed</span>' in html
    landry = "Mr. Guillaume Landry</a>, Executive Director, ECPAT International "
    landry += '<span class="role">(Moderator)</span>'
    assert landry in html


def test_public_agenda_nests_rotations_inside_their_block(agenda, client):
    html = _text(client.get(reverse("events:agenda", args=[agenda.event.slug])))
    block_at = html.index("Distilling challenges by areas")
    children_at = html.index('<ol class="children">', block_at)
    assert [
        html.index(title, children_at) > children_at
        for title in ["First rotation", "Second rotation", "Third rotation"]
    ] == [True, True, True]
    assert html.index("First rotation") < html.index("Second rotation") < html.index("Third rotation")


def test_public_agenda_member_sees_closed_day(agenda, client_as):
    html = _text(client_as("member").get(reverse("events:agenda", args=[agenda.event.slug])))
    assert "Child safeguarding workshop" in html
    assert "Closed: network members only" in html
    assert "Welcome remarks" in html
    assert "open to registered participants only" not in html


def test_public_agenda_participant_sees_participants_day_not_closed_day(agenda, client_as):
    html = _text(client_as("participant").get(reverse("events:agenda", args=[agenda.event.slug])))
    assert "Welcome remarks" in html
    assert "Child safeguarding workshop" not in html


def test_public_agenda_in_spanish_uses_translations(agenda, client):
    client.cookies["django_language"] = "es"
    html = _text(client.get(reverse("events:agenda", args=[agenda.event.slug])))
    assert "Panel de apertura" in html
    assert "Diálogo intersectorial facilitado" in html
    assert "martes 4 de junio de 2024" in html
    # No Spanish title: falls back to English.
    assert "Distilling challenges by areas" in html


def test_public_day_detail_shows_day_and_links_to_other_visible_days(agenda, client_as):
    html = _text(
        client_as("member").get(
            reverse("events:day_detail", args=[agenda.event.slug, agenda.tuesday.date.isoformat()])
        )
    )
    assert "Opening panel" in html
    assert "Welcome remarks" not in html
    assert reverse("events:day_detail", args=[agenda.event.slug, "2024-06-03"]) in html
    assert reverse("events:day_detail", args=[agenda.event.slug, "2024-06-07"]) in html
    assert reverse("events:day_ical", args=[agenda.event.slug, "2024-06-04"]) in html


def test_public_day_detail_anonymous_has_no_link_to_hidden_days(agenda, client):
    html = _text(client.get(reverse("events:day_detail", args=[agenda.event.slug, "2024-06-04"])))
    assert reverse("events:day_detail", args=[agenda.event.slug, "2024-06-03"]) not in html
    assert reverse("events:day_detail", args=[agenda.event.slug, "2024-06-07"]) not in html


def test_public_person_page_lists_visible_appearances_only(agenda, client, client_as):
    url = reverse("events:person_detail", args=[agenda.event.slug, agenda.landry.slug])
    html = _text(client.get(url))
    assert "Opening panel" in html
    assert "Moderator" in html
    assert "Welcome remarks" not in html
    assert "Child safeguarding workshop" not in html
    html = _text(client_as("member").get(url))
    assert "Child safeguarding workshop" in html
    assert "Welcome remarks" in html


def test_public_person_page_marks_remote_and_tbc(agenda, client):
    html = _text(client.get(reverse("events:person_detail", args=[agenda.event.slug, agenda.singateh.slug])))
    assert "<h1>Ms. Mama Fátima Singateh</h1>" in html
    assert "Remote" in html and "To be confirmed" in html


def test_public_item_with_closed_audience_hidden_on_public_day(agenda, client, client_as):
    agenda.panel.audience = "members"
    agenda.panel.save()
    url = reverse("events:agenda", args=[agenda.event.slug])
    person_url = reverse("events:person_detail", args=[agenda.event.slug, agenda.singateh.slug])
    assert "Opening panel" not in _text(client.get(url))
    assert client.get(person_url).status_code == 404
    member = client_as("member")
    assert "Opening panel" in _text(member.get(url))
    assert member.get(person_url).status_code == 200


def test_public_event_home_shows_purpose_partners_series_documents(agenda, client):
    event = agenda.event
    event.description = "The five-day San José Dialogue will contribute."
    event.objectives = "Build a shared understanding\nAgree a regional plan"
    event.practical_information = "Zero-paper event."
    event.save()
    host = OrganisationFactory(name="ECPAT International", logo_alt="ECPAT International logo")
    funder = OrganisationFactory(name="Oak Foundation")
    EventPartner.objects.create(event=event, organisation=host, kind=EventPartner.Kind.HOST)
    EventPartner.objects.create(event=event, organisation=funder, kind=EventPartner.Kind.FUNDER)
    html = _text(client.get(reverse("events:event_home", args=[event.slug])))
    assert "The five-day San José Dialogue will contribute." in html
    assert "<li>Build a shared understanding</li><li>Agree a regional plan</li>" in html
    assert "Zero-paper event." in html
    assert html.index("<h3>Host</h3>") < html.index("ECPAT International") < html.index("<h3>Funder</h3>")
    assert "Oak Foundation" in html
    assert reverse("events:document_download", args=[event.slug, agenda.public_doc.pk]) in html
    assert "<td>Spanish</td>" in html
    assert "Guiding questions" not in html  # participants only
    assert reverse("events:agenda", args=[event.slug]) in html


def test_public_event_home_participant_sees_restricted_document(agenda, client_as):
    html = _text(client_as("participant").get(reverse("events:event_home", args=[agenda.event.slug])))
    assert "Guiding questions" in html
    assert "Participants only" in html


def test_public_document_download_serves_file(agenda, client):
    response = client.get(reverse("events:document_download", args=[agenda.event.slug, agenda.public_doc.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 demo"


def test_public_document_link_redirects(agenda, client):
    from .factories import DocumentFactory

    document = DocumentFactory(event=agenda.event, file=None, url="https://example.org/paper")
    response = client.get(reverse("events:document_download", args=[agenda.event.slug, document.pk]))
    assert response.status_code == 302
    assert response["Location"] == "https://example.org/paper"


def test_public_html_upload_is_downloaded_not_rendered(agenda, client):
    """Uploads are checked by content (tests/events/test_input_limits.py); a web page stored before that,
    or copied into the media folder by hand, is still only ever downloaded."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from .factories import DocumentFactory

    stored = default_storage.save("documents/page.html", ContentFile(b"<script>x</script>"))
    document = DocumentFactory(event=agenda.event, file=stored)
    response = client.get(reverse("events:document_download", args=[agenda.event.slug, document.pk]))
    assert response["Content-Disposition"].startswith("attachment;")


def test_public_header_band_marks_current_page(agenda, client):
    html = _text(client.get(reverse("events:agenda", args=[agenda.event.slug])))
    assert f'<a href="/e/{agenda.event.slug}/agenda/" aria-current="page">Agenda</a>' in html
    assert (
        f'<p class="event-band-title"><a href="/e/{agenda.event.slug}/">{agenda.event.title}</a></p>' in html
    )


def test_public_preview_renders_what_anonymous_sees(agenda, client, client_as):
    organiser = client_as("organiser")
    html = _text(organiser.get(reverse("events:preview", args=[agenda.event.slug])))
    assert "Public preview of the agenda" in html
    assert "Opening panel" in html
    assert "Welcome remarks" not in html
    assert "Child safeguarding workshop" not in html
    anonymous_agenda = _text(client.__class__().get(reverse("events:agenda", args=[agenda.event.slug])))
    timeline = anonymous_agenda[
        anonymous_agenda.index('<section class="day') : anonymous_agenda.index("</section>")
    ]
    assert timeline in html


def test_public_preview_of_unpublished_event_warns(agenda, client_as):
    agenda.event.is_published = False
    agenda.event.save()
    html = _text(client_as("organiser").get(reverse("events:preview", args=[agenda.event.slug])))
    assert "The event is not published yet" in html
    assert "Opening panel" in html


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_public_document_missing_file_is_404(agenda, client):
    agenda.public_doc.file.delete(save=False)
    agenda.public_doc.file.name = "documents/gone.pdf"
    agenda.public_doc.save()
    url = reverse("events:document_download", args=[agenda.event.slug, agenda.public_doc.pk])
    assert client.get(url).status_code == 404
