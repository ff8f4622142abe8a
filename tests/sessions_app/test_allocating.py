import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from sessions_app.errors import SeatingError, TableFull
from sessions_app.models import Assignment, Registration
from sessions_app.services.allocation import allocate_session, build_instance
from sessions_app.services.preferences import save_ranking
from sessions_app.services.publication import publish_allocation
from sessions_app.services.seats import move_participant, switch_table
from tests.sessions_app.factories import MaterialFactory, RegistrationFactory, make_session, seat


def _people(event, n, **kwargs):
    return [RegistrationFactory(event=event, **kwargs) for _ in range(n)]


@pytest.mark.django_db
def test_build_instance_uses_registration_order_rankings_seats_and_diversity(event):
    session = make_session(event, tables=3, rotations=2, seats=4)
    session.diversity_country_share = "0.50"
    session.save()
    first, second = _people(event, 2)
    RegistrationFactory(event=event, status=Registration.Status.PENDING)
    t1, t2, t3 = session.tables.order_by("number")
    save_ranking(registration=second, session=session, ranks={t3.pk: 1, t1.pk: 2})
    instance = build_instance(session=session)
    assert instance == {
        "rotations": 2,
        "tables": [{"id": f"t{t.pk}", "seats": [4, 4]} for t in (t1, t2, t3)],
        "participants": [
            {"id": f"r{first.pk}", "ranking": [], "country": "CR", "sector": "civil_society"},
            {
                "id": f"r{second.pk}",
                "ranking": [f"t{t3.pk}", f"t{t1.pk}"],
                "country": "CR",
                "sector": "civil_society",
            },
        ],
        "diversity": {"country": 0.5},
    }


@pytest.mark.django_db
def test_allocate_stores_first_choices_and_replaces_previous(event):
    session = make_session(event, tables=3, rotations=3, seats=2)
    people = _people(event, 2)
    t1, t2, t3 = session.tables.order_by("number")
    for person in people:
        save_ranking(registration=person, session=session, ranks={t2.pk: 1, t3.pk: 2, t1.pk: 3})
    outcome = allocate_session(session=session)
    assert outcome.stored == 6
    assert outcome.result["quality"]["rank_counts"] == {"1": 2, "2": 2, "3": 2, "unranked": 0}
    for person in people:
        assert sorted(
            Assignment.objects.filter(registration=person).values_list("table__number", flat=True)
        ) == [1, 2, 3]
    move_participant(registration=people[0], rotation=session.rotations.get(number=1), table=t1)
    allocate_session(session=session)
    assert Assignment.objects.filter(rotation__session=session).count() == 6
    assert Assignment.objects.filter(source=Assignment.Source.MANUAL).count() == 0
    session.refresh_from_db()
    assert session.allocation_report["cost"] == 2 * (1 + 4 + 9)
    assert set(session.allocation_report["baselines"]) == {"fcfs", "rsd"}


@pytest.mark.django_db
def test_allocate_reports_unplaced_when_seats_are_short(event):
    session = make_session(event, tables=3, rotations=3, seats=1)
    people = _people(event, 4)
    outcome = allocate_session(session=session)
    assert outcome.stored == 9
    assert outcome.unplaced == [people[3]]


@pytest.mark.django_db
def test_allocate_dry_run_stores_nothing(event):
    session = make_session(event, tables=3, rotations=3)
    _people(event, 3)
    outcome = allocate_session(session=session, dry_run=True)
    assert outcome.stored == 0
    assert Assignment.objects.count() == 0
    assert len(outcome.result["assignment"]) == 3


@pytest.mark.django_db
def test_allocate_command_prints_json_and_stores(event):
    session = make_session(event, tables=3, rotations=3)
    _people(event, 3)
    out = StringIO()
    call_command("allocate", event.slug, "--session", str(session.pk), stdout=out)
    summary = json.loads(out.getvalue())
    assert (summary["participants"], summary["stored"], summary["dry_run"]) == (3, 9, False)
    assert Assignment.objects.count() == 9


@pytest.mark.django_db
def test_allocate_command_dry_run(event):
    make_session(event, tables=3, rotations=3)
    _people(event, 2)
    out = StringIO()
    call_command("allocate", event.slug, "--dry-run", stdout=out)
    assert json.loads(out.getvalue())["stored"] == 0
    assert Assignment.objects.count() == 0


@pytest.mark.django_db
def test_allocating_again_after_publishing_replaces_the_seats(event):
    session = make_session(event, tables=3, rotations=3)
    people = _people(event, 2)
    allocate_session(session=session)
    publish_allocation(session=session, notify=False, ranking_open_confirmed=True)
    Assignment.objects.filter(registration=people[0]).delete()

    outcome = allocate_session(session=session)

    assert outcome.stored == 6
    assert Assignment.objects.filter(registration=people[0]).count() == 3


@pytest.mark.django_db
def test_move_enforces_seats_and_each_table_once(event):
    session = make_session(event, tables=2, rotations=2, seats=1)
    a, b = _people(event, 2)
    r1, r2 = session.rotations.order_by("number")
    t1, t2 = session.tables.order_by("number")
    seat(a, r1, t1)
    seat(b, r1, t2)
    seat(a, r2, t2)
    with pytest.raises(TableFull) as error:
        move_participant(registration=b, rotation=r1, table=t1)
    assert str(error.value) == "This table is full."
    with pytest.raises(SeatingError) as error:
        move_participant(registration=a, rotation=r2, table=t1)
    assert str(error.value) == "You already sit at this table in another rotation: each table once."
    assert sorted(Assignment.objects.values_list("registration_id", "rotation__number", "table__number")) == [
        (a.pk, 1, 1),
        (a.pk, 2, 2),
        (b.pk, 1, 2),
    ]
    move_participant(registration=b, rotation=r2, table=t1)
    assert Assignment.objects.get(registration=b, rotation=r2).source == Assignment.Source.MANUAL


@pytest.mark.django_db
def test_move_page_full_table_shows_error(client_as, event):
    session = make_session(event, tables=2, rotations=1, seats=1)
    a, b = _people(event, 2)
    r1 = session.rotations.get()
    t1, t2 = session.tables.order_by("number")
    seat(a, r1, t1)
    seat(b, r1, t2)
    client = client_as("organiser")
    url = reverse("sessions_app:move", kwargs={"slug": event.slug, "table_session_pk": session.pk})
    response = client.post(url, {"registration": b.pk, "rotation": r1.pk, "table": t1.pk})
    assert response.status_code == 400
    assert response.context["move_form"].non_field_errors() == ["This table is full."]
    assert Assignment.objects.get(registration=b).table == t2


@pytest.mark.django_db
def test_switch_before_publishing_is_refused(event):
    session = make_session(event, tables=2, rotations=1, seats=2)
    (a,) = _people(event, 1)
    r1 = session.rotations.get()
    t1, t2 = session.tables.order_by("number")
    seat(a, r1, t1)
    with pytest.raises(SeatingError) as error:
        switch_table(registration=a, rotation=r1, table=t2)
    assert str(error.value) == "The allocation has not been published yet."


@pytest.mark.django_db
def test_switch_page_full_table_message(client, event):
    session = make_session(event, tables=2, rotations=1, seats=1)
    a, b = _people(event, 2)
    r1 = session.rotations.get()
    t1, t2 = session.tables.order_by("number")
    seat(a, r1, t1)
    seat(b, r1, t2)
    session.allocated_at = session.published_at = session.agenda_item.starts_at()
    session.save()
    client.force_login(b.user)
    url = reverse("sessions_app:switch", kwargs={"slug": event.slug, "table_session_pk": session.pk})
    response = client.post(url, {"rotation": r1.pk, "table": t1.pk})
    assert response.status_code == 200
    assert "This table is full." in response.content.decode()
    Assignment.objects.filter(registration=a).delete()
    response = client.post(url, {"rotation": r1.pk, "table": t1.pk})
    assert response.status_code == 302
    assert Assignment.objects.get(registration=b).table == t1
    assert Assignment.objects.get(registration=b).source == Assignment.Source.SWITCH


@pytest.mark.django_db
def test_publication_emails_each_participant_in_their_language(event):
    session = make_session(event, tables=3, rotations=3, seats=2)
    english = RegistrationFactory(event=event, preferred_language="en", full_name="Jane Doe")
    spanish = RegistrationFactory(event=event, preferred_language="es", full_name="Ana Rojas")
    t1, t2, t3 = session.tables.order_by("number")
    MaterialFactory(session=session, table=t1, title="Finance brief", url="https://example.org/finance.pdf")
    for person in (english, spanish):
        save_ranking(registration=person, session=session, ranks={t1.pk: 1, t2.pk: 2, t3.pk: 3})
    allocate_session(session=session)
    job = publish_allocation(
        session=session, base_url="https://portal.example.org/", ranking_open_confirmed=True
    )
    assert (job.kind, job.status) == ("sessions_app.allocation_emails", "done")
    assert len(mail.outbox) == 2
    by_to = {message.to[0]: message for message in mail.outbox}
    en, es = by_to[english.user.email], by_to[spanish.user.email]
    assert en.subject == f"[Dialogue Portal] Your tables at {event.title}"
    assert es.subject == f"[Dialogue Portal] Sus mesas en {event.title}"
    assert en.body.startswith("Dear Jane Doe,")
    assert es.body.startswith("Hola, Ana Rojas:")
    assert "Table 1: Topic 1" in en.body and "Mesa 1: Tema 1" in es.body
    assert "Question A1?" in en.body and "¿Pregunta A1?" in es.body
    assert "Room: Room 1" in en.body and "Sala: Room 1" in es.body
    assert "Finance brief: https://example.org/finance.pdf" in en.body
    assert "Rotation 1: Tuesday 4 June, 14:00–15:00" in en.body
    assert "Rotación 3: martes 4 de junio, 16:00–17:00" in es.body
    assert f"https://portal.example.org/e/{event.slug}/my-tables/" in en.body


@pytest.mark.django_db
def test_personal_agenda_and_ical_show_published_tables(client, event):
    from icalendar import Calendar

    session = make_session(event, tables=3, rotations=3, seats=2)
    (person,) = _people(event, 1)
    tables = list(session.tables.order_by("number"))
    save_ranking(registration=person, session=session, ranks={t.pk: n for n, t in enumerate(tables, 1)})
    allocate_session(session=session)
    client.force_login(person.user)
    url = reverse("sessions_app:my_tables", kwargs={"slug": event.slug})
    assert "Table 1: Topic 1" not in client.get(url).content.decode()
    publish_allocation(session=session, notify=False, ranking_open_confirmed=True)
    page = client.get(url).content.decode()
    assert page.index("Table 1: Topic 1") < page.index("Table 2: Topic 2") < page.index("Table 3: Topic 3")
    assert "Question B2?" in page
    response = client.get(reverse("sessions_app:my_tables_ical", kwargs={"slug": event.slug}))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    entries = [(str(e["summary"]), e.decoded("dtstart").hour) for e in calendar.walk("VEVENT")]
    assert entries == [("Table 1: Topic 1", 14), ("Table 2: Topic 2", 15), ("Table 3: Topic 3", 16)]


@pytest.mark.django_db
def test_allocate_without_participants_stores_nothing_and_says_so(client_as, event):
    session = make_session(event, tables=3, rotations=3)
    client = client_as("organiser")
    kwargs = {"slug": event.slug, "table_session_pk": session.pk}
    response = client.post(reverse("sessions_app:allocate", kwargs=kwargs), follow=True)
    assert response.status_code == 200
    assert Assignment.objects.count() == 0
    # the organiser is not a participant and nobody registered: an empty allocation, no error
    assert [str(m) for m in response.context["messages"]] == ["Allocation computed: 0 seats assigned."]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Rotation 1: Tuesday 4 June, 14:00–15:00"),
        ("es", "Rotación 1: martes 4 de junio, 14:00–15:00"),
        ("fr", "Rotation 1\u00a0: mardi 4 juin, 14:00–15:00"),
        ("pt-br", "Rodada 1: terça-feira, 4 de junho, 14:00–15:00"),
    ],
)
def test_publication_email_writes_the_date_as_the_readers_language_does(event, language, line):
    session = make_session(event, tables=1, rotations=1, seats=2)
    person = RegistrationFactory(event=event, preferred_language=language)
    save_ranking(registration=person, session=session, ranks={session.tables.get().pk: 1})
    allocate_session(session=session)

    publish_allocation(session=session, base_url="https://portal.example.org/", ranking_open_confirmed=True)

    assert line in mail.outbox[0].body.splitlines()
