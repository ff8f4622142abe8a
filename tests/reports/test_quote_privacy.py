"""Findings and quotes never hold an e-mail address or a phone number, and a quote's attribution is never a
person's name: refused in the form, in the service and in the whole-event import, with a clear message."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from events.exchange import export_event, import_event
from events.models import Event
from reports.errors import FindingsError
from reports.models import Finding, Takeaway, TakeawayAuthor
from reports.services import findings as services
from reports.validators import PeopleOnRecord, contact_details_in, validate_attribution
from tests.events.factories import DayFactory, OrganisationFactory, PersonFactory
from tests.reports.test_findings_records import edit_url, form_data
from tests.sessions_app.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

CONTACT = (
    "Remove the e-mail address or phone number: findings and quotes must not let anyone identify or "
    "contact a person."
)


@pytest.mark.parametrize(
    "text, found",
    [
        ("Write to ana.perez@example.org for the data", True),
        ("Call +506 2222 3333 at night", True),
        ("Her number is 8888-1234.", True),
        ("Ring (506) 2222-3333", True),
        ("US hotline 202-555-0147", True),
        ("The 2024-2030 national plan", False),
        ("40 000 000 children online", False),
        ("Law 9095 of 2012 and 1 200 cases", False),
        ("", False),
    ],
)
def test_contact_details_are_found_and_years_and_figures_are_not(text, found):
    assert contact_details_in(text) is found


def test_a_quote_with_an_email_is_refused_on_the_page_and_nothing_is_saved(client, record, tables):
    client.force_login(tables["facilitator"])
    quote = {"text": "Write to me at ana@example.org", "speaker_organisation": "Youth network"}
    response = client.post(edit_url(record), form_data(1, quotes=[quote]))
    assert response.status_code == 400
    assert CONTACT in response.content.decode()
    assert not Finding.objects.exists()


def test_a_trend_with_a_phone_number_is_refused(client, record, tables):
    client.force_login(tables["facilitator"])
    response = client.post(edit_url(record), form_data(1, trends=["Victims call +506 2222 3333"]))
    assert response.status_code == 400
    assert CONTACT in response.content.decode()
    assert not Finding.objects.exists()


def test_a_name_of_someone_in_the_event_is_refused_as_attribution(client, record, tables, event):
    RegistrationFactory(event=event, full_name="Rosa Quesada Mora")
    client.force_login(tables["facilitator"])
    quote = {"text": "Nobody listens", "speaker_organisation": "Rosa Quesada Mora"}
    response = client.post(edit_url(record), form_data(1, quotes=[quote]))
    assert response.status_code == 400
    assert (
        "“Rosa Quesada Mora” names a person of this event. Write the speaker’s organisation, never a name."
        in response.content.decode()
    )
    assert not Finding.objects.exists()


def test_a_name_shaped_attribution_is_refused(client, record, tables):
    client.force_login(tables["facilitator"])
    quote = {"text": "Nobody listens", "speaker_organisation": "Luis Gómez"}
    response = client.post(edit_url(record), form_data(1, quotes=[quote]))
    assert response.status_code == 400
    assert (
        "“Luis Gómez” looks like a person’s name. Write the speaker’s organisation (for example "
        "“Youth network”), never a name." in response.content.decode()
    )


@pytest.mark.parametrize(
    "attribution",
    [
        "Youth network",
        "ECPAT member organisation",
        "Fundación Paniamor",
        "Child Link",
        "Costa Rica",
        "Hotel Association",
    ],
)
def test_organisations_pass(client, record, tables, attribution):
    client.force_login(tables["facilitator"])
    quote = {"text": "Nobody listens", "speaker_organisation": attribution}
    response = client.post(edit_url(record), form_data(1, quotes=[quote]))
    assert response.status_code == 302
    assert list(Finding.objects.values_list("speaker_organisation", flat=True)) == [attribution]


def test_an_organisation_on_record_passes_even_when_shaped_like_a_name(event):
    OrganisationFactory(name="Maria Montessori")
    validate_attribution("Maria Montessori", people=PeopleOnRecord(event))
    with pytest.raises(ValidationError):
        validate_attribution("Maria Montessori", people=PeopleOnRecord(None))


def test_a_speaker_on_the_programme_is_refused_inside_a_longer_attribution(event):
    PersonFactory(event=event, name="Guillaume Landry", slug="landry")
    with pytest.raises(ValidationError) as refused:
        validate_attribution("ECPAT, guillaume landry", people=PeopleOnRecord(event))
    assert refused.value.code == "person_name"


def test_the_service_refuses_whoever_calls_it(record, tables):
    with pytest.raises(FindingsError) as refused:
        services.save_record(
            record=record,
            user=tables["facilitator"],
            expected_version=1,
            language="en",
            notes="",
            findings=[{"section": "quote", "text": "Mail ana@example.org", "speaker_organisation": ""}],
        )
    assert str(refused.value) == CONTACT
    assert not Finding.objects.exists()


def test_the_message_is_translated(client, record, tables):
    client.force_login(tables["facilitator"])
    with translation.override("es"):
        client.cookies.load({"django_language": "es"})
        quote = {"text": "Nobody listens", "speaker_organisation": "Luis Gómez"}
        response = client.post(edit_url(record), form_data(1, quotes=[quote]))
    assert "parece el nombre de una persona" in response.content.decode()


def test_a_takeaway_with_a_phone_number_is_refused(client, event, make_user):
    day = DayFactory(event=event)
    author = RegistrationFactory(event=event).user
    TakeawayAuthor.objects.create(day=day, user=author)
    client.force_login(author)
    write = reverse("reports:findings_takeaway_write", kwargs={"slug": event.slug, "day_pk": day.pk})
    response = client.post(write, {"text": "Call me on 8888-1234", "language": "en"})
    assert response.status_code == 400
    assert CONTACT in response.content.decode()
    assert not Takeaway.objects.exists()


def test_the_import_refuses_a_quote_attributed_to_a_name_and_writes_nothing(record, tables, event):
    services.save_record(
        record=record,
        user=tables["facilitator"],
        expected_version=1,
        language="en",
        notes="",
        findings=[{"section": "quote", "text": "Nobody listens", "speaker_organisation": "Youth network"}],
    )
    document = json.loads(json.dumps(export_event(event=event)))
    slug = event.slug
    event.delete()
    document["parts"]["reports"]["findings"][0]["fields"]["speaker_organisation"] = "Carlos Méndez"
    with pytest.raises(ValidationError) as refused:
        import_event(document=document)
    assert refused.value.messages == [
        "Cannot import “reports/findings[0]” from this file: “Carlos Méndez” looks like a person’s name. "
        "Write the speaker’s organisation (for example “Youth network”), never a name."
    ]
    assert not Event.objects.filter(slug=slug).exists() and not Finding.objects.exists()
    document["parts"]["reports"]["findings"][0]["fields"]["speaker_organisation"] = "Youth network"
    assert import_event(document=document).slug == slug
    assert list(Finding.objects.values_list("speaker_organisation", flat=True)) == ["Youth network"]


def test_the_collation_refuses_contact_details_and_names_too(client, event, tables, make_user):
    from events.models import Role
    from reports.services import collation
    from tests.reports.factories import FindingFactory, RecordFactory, ReportThemeFactory

    record = RecordFactory(table=tables["own"], rotation=tables["rotations"][0])
    finding = FindingFactory(record=record, section="quote", text="Nobody listens")
    theme = ReportThemeFactory(event=event)
    item = collation.collect_into_theme(event=event, theme=theme, findings=[finding])[0]
    client.force_login(make_user(event, Role.RAPPORTEUR))
    url = reverse("reports:collation_item", kwargs={"slug": event.slug, "collated_pk": item.pk})
    data = {"theme": theme.pk, "kind": "quote", "order": 1, "glance_order": 0}
    response = client.post(
        url, {**data, "text_en": "Call +506 2222 3333", "speaker_organisation": "Ana Solís"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert CONTACT in page
    assert "“Ana Solís” looks like a person’s name." in page
    item.refresh_from_db()
    assert (item.text_en, item.speaker_organisation) == ("Nobody listens", "")
    fine = client.post(
        url, {**data, "text_en": "Nobody listens to us", "speaker_organisation": "Youth network"}
    )
    assert fine.status_code == 302
