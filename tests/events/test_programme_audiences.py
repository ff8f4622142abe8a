"""Who may attend a day and who may read its programme are separate; closed days, their published outline,
parallel tracks for members and non-members, co-hosts, institutional speakers and a job title per
appearance, on every channel (day page, agenda, person page, iCal, printed programme, preview)."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from events import exports, selectors
from events.models import Attendance, Audience, ItemKind, Organisation, Role
from events.rules import visible_audiences
from tests.events.factories import (
    AgendaItemFactory,
    DayFactory,
    EventFactory,
    ItemPersonFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

FRIDAY = "2024-06-07"


@pytest.fixture
def week(event):
    """A public-programme Monday that registered participants attend, a closed Friday with two tracks at
    14:45 and a closing talk by a speaker who appears nowhere else."""
    monday = DayFactory(
        event=event,
        date=datetime.date(2024, 6, 3),
        audience=Audience.PUBLIC,
        attendance=Attendance.NAMED,
        attendance_label="Civil-society organisations",
        attendance_label_es="Organizaciones de la sociedad civil",
        focus="Harvesting analysis from civil society movements",
    )
    welcome = AgendaItemFactory(
        day=monday, start=datetime.time(8, 30), end=datetime.time(9, 0), title="Welcome remarks"
    )
    friday = DayFactory(
        event=event,
        date=datetime.date(2024, 6, 7),
        audience=Audience.MEMBERS,
        attendance=Attendance.MEMBERS,
        focus="Closed meeting for the network",
        methodology="Workshop on child safeguarding.",
    )
    AgendaItemFactory(
        day=friday,
        start=datetime.time(13, 0),
        end=datetime.time(14, 30),
        title="Reflections before the tracks",
    )
    members = AgendaItemFactory(
        day=friday,
        start=datetime.time(14, 45),
        end=datetime.time(15, 40),
        order=0,
        title="Reflections for future work",
        audience=Audience.MEMBERS,
    )
    non_members = AgendaItemFactory(
        day=friday,
        start=datetime.time(14, 45),
        end=datetime.time(15, 40),
        order=1,
        title="The way forward to cooperate",
        audience=Audience.NON_MEMBERS,
    )
    closing = AgendaItemFactory(
        day=friday,
        start=datetime.time(16, 30),
        end=datetime.time(17, 0),
        kind=ItemKind.CLOSING,
        title="Closing remarks",
        description="Secret closing plans",
    )
    closer = PersonFactory(event=event, name="Friday Closer", slug="friday-closer")
    ItemPersonFactory(item=closing, person=closer)
    return {
        "monday": monday,
        "friday": friday,
        "welcome": welcome,
        "members": members,
        "non_members": non_members,
        "closer": closer,
    }


def _login(client, make_user, event, *roles):
    user = make_user(event, roles[0]) if roles else None
    for role in roles[1:]:
        event.roles.create(user=user, role=role)
    if user is not None:
        client.force_login(user)
    return user


def _ical_summaries(content: bytes) -> list[str]:
    return [str(component["summary"]) for component in Calendar.from_ical(content).walk("VEVENT")]


def test_who_attends_is_not_who_reads(client, event, week):
    """Monday is for civil-society organisations, and its programme is public."""
    page = client.get(reverse("events:day_detail", args=[event.slug, "2024-06-03"]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Who may attend: Civil-society organisations" in html
    assert "Welcome remarks" in html
    agenda = client.get(reverse("events:agenda", args=[event.slug])).content.decode()
    assert "Civil-society organisations" in agenda
    assert _ical_summaries(client.get(reverse("events:agenda_ical", args=[event.slug])).content) == [
        "Welcome remarks"
    ]
    client.cookies["django_language"] = "es"
    spanish = client.get(
        reverse("events:day_detail", args=[event.slug, "2024-06-03"]), HTTP_ACCEPT_LANGUAGE="es"
    )
    assert "Organizaciones de la sociedad civil" in spanish.content.decode()


@pytest.mark.parametrize("roles", [(), (Role.PARTICIPANT,), (Role.FACILITATOR,)])
def test_closed_day_is_404_on_every_channel(client, make_user, event, week, roles):
    """The public and staff other than organisers see nothing of Friday; a non-member participant sees
    only their own track."""
    _login(client, make_user, event, *roles)
    day_url = reverse("events:day_detail", args=[event.slug, FRIDAY])
    day_ical = reverse("events:day_ical", args=[event.slug, FRIDAY])
    person = reverse("events:person_detail", args=[event.slug, "friday-closer"])
    assert client.get(person).status_code == 404
    agenda = client.get(reverse("events:agenda", args=[event.slug])).content.decode()
    summaries = _ical_summaries(client.get(reverse("events:agenda_ical", args=[event.slug])).content)
    assert "Closing remarks" not in agenda and "Closing remarks" not in summaries
    assert "Reflections for future work" not in agenda and "Reflections for future work" not in summaries
    assert "Closed meeting for the network" not in agenda
    if roles == (Role.PARTICIPANT,):
        assert client.get(day_url).status_code == 200
        assert "The way forward to cooperate" in agenda
        assert _ical_summaries(client.get(day_ical).content) == ["The way forward to cooperate"]
    else:
        assert client.get(day_url).status_code == 404
        assert client.get(day_ical).status_code == 404
        assert (
            "The way forward to cooperate" not in agenda and "The way forward to cooperate" not in summaries
        )


def test_non_member_sees_their_track_and_only_theirs(client, make_user, event, week):
    _login(client, make_user, event, Role.PARTICIPANT)
    html = client.get(reverse("events:day_detail", args=[event.slug, FRIDAY])).content.decode()
    assert "The way forward to cooperate" in html
    assert "Participants who are not network members" in html
    for hidden in ("Reflections for future work", "Reflections before the tracks", "Closing remarks"):
        assert hidden not in html
    assert "Closed meeting for the network" not in html  # the closed day's focus is not theirs either
    assert "Workshop on child safeguarding." not in html
    assert "you see only the sessions meant for you" in html


def test_member_sees_the_closed_day_and_the_members_track(client, make_user, event, week):
    _login(client, make_user, event, Role.MEMBER)
    html = client.get(reverse("events:day_detail", args=[event.slug, FRIDAY])).content.decode()
    assert "Reflections for future work" in html and "Closing remarks" in html and "Friday Closer" in html
    assert "The way forward to cooperate" not in html
    assert client.get(reverse("events:person_detail", args=[event.slug, "friday-closer"])).status_code == 200


def test_organiser_sees_both_tracks_and_preview_shows_the_public_view(client, make_user, event, week):
    _login(client, make_user, event, Role.ORGANISER)
    html = client.get(reverse("events:day_detail", args=[event.slug, FRIDAY])).content.decode()
    assert "Reflections for future work" in html and "The way forward to cooperate" in html
    preview = client.get(reverse("events:preview", args=[event.slug])).content.decode()
    assert "Welcome remarks" in preview
    assert (
        "Reflections" not in preview and "The way forward" not in preview and "Closing remarks" not in preview
    )


def test_published_outline_shows_times_and_titles_only(client, event, week):
    friday = week["friday"]
    friday.outline_public = True
    friday.save()
    html = client.get(reverse("events:day_detail", args=[event.slug, FRIDAY])).content.decode()
    assert "you see its outline only" in html
    assert "Closed meeting for the network" in html and "Closing remarks" in html
    assert "Secret closing plans" not in html and "Friday Closer" not in html
    # The tracks keep their own audiences: neither is in the public outline.
    assert "Reflections for future work" not in html and "The way forward to cooperate" not in html
    calendar = Calendar.from_ical(client.get(reverse("events:day_ical", args=[event.slug, FRIDAY])).content)
    closing = next(c for c in calendar.walk("VEVENT") if str(c["summary"]) == "Closing remarks")
    assert "Secret" not in str(closing["description"]) and "Friday Closer" not in str(closing["description"])
    # Speakers of an outline are not revealed by their page.
    assert client.get(reverse("events:person_detail", args=[event.slug, "friday-closer"])).status_code == 404


def test_printed_programme_of_a_non_member_has_their_track_only(make_user, event, week):
    user = make_user(event, Role.PARTICIPANT)
    days = selectors.agenda_days(event=event, audiences=visible_audiences(user, event))
    assert [(day.date.isoformat(), day.reading) for day in days] == [
        ("2024-06-03", "full"),
        (FRIDAY, "tracks"),
    ]
    assert [item.title for item in days[1].top_items] == ["The way forward to cooperate"]
    public = selectors.agenda_days(event=event, audiences={Audience.PUBLIC})
    assert [day.date.isoformat() for day in public] == ["2024-06-03"]
    assert exports.programme_pdf(event=event, days=public)[:4] == b"%PDF"


def test_personal_programme_shows_friday_track_to_non_members(client, make_user, event, week):
    user = _login(client, make_user, event, Role.PARTICIPANT)
    user.registrations.get(event=event).days.set([week["monday"]])
    html = client.get(reverse("sessions_app:my_tables", args=[event.slug])).content.decode()
    assert "My programme" in html
    assert "Welcome remarks" in html and "The way forward to cooperate" in html
    assert "Reflections for future work" not in html and "Closing remarks" not in html


def test_co_host_institutions_and_job_title_per_appearance(client, event):
    ict = Organisation.objects.create(name="Instituto Costarricense de Turismo")
    event.partners.create(organisation=ict, kind="co_organiser")
    wednesday, thursday = (
        DayFactory(event=event, date=datetime.date(2024, 6, d), audience=Audience.PUBLIC) for d in (5, 6)
    )
    wednesday.co_host = ict
    wednesday.co_host_note = "as host of the 2024 GARA meeting"
    wednesday.save()
    government = PersonFactory(
        event=event,
        honorific="",
        name="Government of Costa Rica",
        slug="government-of-costa-rica",
        is_institution=True,
        job_title="senior representatives",
        organisation="",
    )
    researcher = PersonFactory(
        event=event, name="Sendrine Constant", slug="sendrine-constant", job_title="Director of Research"
    )
    opening = AgendaItemFactory(day=wednesday, title="Opening ceremony")
    ItemPersonFactory(item=opening, person=government)
    ItemPersonFactory(item=opening, person=researcher, order=1)
    framework = AgendaItemFactory(day=thursday, title="Framework presentation")
    ItemPersonFactory(item=framework, person=researcher, job_title="Director Research, Communications")
    wednesday_html = client.get(
        reverse("events:day_detail", args=[event.slug, "2024-06-05"])
    ).content.decode()
    assert (
        "Co-hosted by Instituto Costarricense de Turismo, as host of the 2024 GARA meeting" in wednesday_html
    )
    assert "Government of Costa Rica</a> (senior representatives)" in wednesday_html
    assert "Sendrine Constant</a>, Director of Research," in wednesday_html
    thursday_html = client.get(reverse("events:day_detail", args=[event.slug, "2024-06-06"])).content.decode()
    assert "Sendrine Constant</a>, Director Research, Communications," in thursday_html
    institution = client.get(reverse("events:person_detail", args=[event.slug, "government-of-costa-rica"]))
    assert "Institution: represented by senior representatives" in institution.content.decode()
    calendar = client.get(reverse("events:agenda_ical", args=[event.slug])).content.decode()
    assert "Director Research\\, Communications" in calendar.replace("\r\n ", "")


def test_speaker_page_shows_photo_and_bio(client, event, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
        b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    day = DayFactory(event=event, date=datetime.date(2024, 6, 4), audience=Audience.PUBLIC)
    person = PersonFactory(
        event=event, name="Ana Example", slug="ana-example", bio="Works on child protection."
    )
    person.photo = SimpleUploadedFile("ana.png", png, content_type="image/png")
    person.save()
    ItemPersonFactory(item=AgendaItemFactory(day=day), person=person)
    html = client.get(reverse("events:person_detail", args=[event.slug, "ana-example"])).content.decode()
    assert 'class="person-photo"' in html and "Photo of Ms. Ana Example" in html
    assert "Works on child protection." in html


def test_day_form_names_the_audience_and_keeps_old_days_reading(client, make_user, event):
    _login(client, make_user, event, Role.ORGANISER)
    url = reverse("events:manage_day_add", args=[event.slug])
    base = {"date": "2024-06-05", "audience": "public", "attendance": "named", "title_en": "Wednesday"}
    response = client.post(url, base)
    assert response.status_code == 200
    assert "Required in the event" in response.content.decode()
    assert not event.days.exists()
    response = client.post(url, {**base, "attendance_label_en": "Government delegates"})
    assert response.status_code == 302
    day = event.days.get()
    assert (day.audience, day.attendance, day.attendance_display) == (
        "public",
        "named",
        "Government delegates",
    )


@pytest.mark.parametrize("size", [(1, 2), (4, 8)])
def test_day_page_with_tracks_query_count_constant(client, make_user, django_assert_num_queries, size):
    """A non-member on a closed day with tracks: the same number of queries whatever the day holds."""
    event = EventFactory()
    tracks, others = size
    friday = DayFactory(event=event, date=datetime.date(2024, 6, 7), audience=Audience.MEMBERS)
    for n in range(others):
        AgendaItemFactory(day=friday, start=datetime.time(8 + n, 0), end=datetime.time(8 + n, 30))
    for n in range(tracks):
        item = AgendaItemFactory(
            day=friday,
            start=datetime.time(8 + n, 30),
            end=datetime.time(8 + n, 45),
            audience=Audience.NON_MEMBERS,
            title=f"Track {n}",
        )
        ItemPersonFactory(item=item, person=PersonFactory(event=event))
    _login(client, make_user, event, Role.PARTICIPANT)
    # session, user, event, roles, day, day with its items, two kinds of people, rotations, visible dates
    with django_assert_num_queries(10):
        response = client.get(reverse("events:day_detail", args=[event.slug, FRIDAY]))
    assert response.content.decode().count("Track ") == tracks


@pytest.mark.parametrize("size", [(1, 2), (4, 8)])
def test_agenda_with_tracks_query_count_constant(client, make_user, django_assert_num_queries, size):
    """The agenda of a non-member with tracks on closed days costs the same whatever the agenda holds."""
    event = EventFactory()
    days, tracks = size
    for d in range(days):
        day = DayFactory(
            event=event, date=event.start_date + datetime.timedelta(days=d), audience=Audience.MEMBERS
        )
        AgendaItemFactory(day=day, start=datetime.time(8, 0), end=datetime.time(8, 30))
        for n in range(tracks):
            item = AgendaItemFactory(
                day=day,
                start=datetime.time(9 + n, 0),
                end=datetime.time(9 + n, 30),
                audience=Audience.NON_MEMBERS,
                title=f"Track {d}-{n}",
            )
            ItemPersonFactory(item=item, person=PersonFactory(event=event))
    _login(client, make_user, event, Role.PARTICIPANT)
    # session, user, event, roles; days with their items, rotations, two kinds of people
    with django_assert_num_queries(8):
        response = client.get(reverse("events:agenda", args=[event.slug]))
    assert response.content.decode().count("Track ") == days * tracks
