"""Privacy rights: a person downloads everything the portal holds about them, and erases their account
(what is theirs goes; what they wrote for others stays without their name; seats go to the waiting list)."""

import datetime
import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.urls import reverse

from dialogue_portal.privacy.erase import ErasureRefused, erase_account
from dialogue_portal.privacy.export import personal_data
from events.models import AuditEntry, EventRole, Person, Role
from observatory.models import CommitmentUpdate, FocalPoint
from reports.models import EvaluationSubmission, RecordVersion, Takeaway, TakeawayAuthor
from reports.models.evaluation import Evaluation
from sessions_app.models import Assignment, BreakoutGroup, GroupPlacement, Preference, Registration
from tests.events.factories import DayFactory, EventFactory, OrganisationFactory, UserFactory
from tests.observatory.factories import make_commitment, make_entry
from tests.reports.factories import FindingFactory, RecordFactory
from tests.sessions_app.factories import RegistrationFactory, make_session, seat

pytestmark = pytest.mark.django_db


@pytest.fixture
def maria(event):
    """A participant with something of every kind the portal holds about a person."""
    user = UserFactory(username="maria", email="maria@example.org", first_name="María", last_name="Pérez")
    EmailAddress.objects.create(user=user, email="maria@work.example.org", verified=False, primary=False)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "not exported"})
    session = make_session(event, tables=2, rotations=1, seats=1, title="Thematic tables")
    table_1, table_2 = session.tables.order_by("number")
    rotation = session.rotations.get()
    registration = RegistrationFactory(
        event=event,
        user=user,
        full_name="María Pérez",
        organisation="Example Foundation",
        country="CR",
        accessibility_needs="Step-free access",
        consent_directory=True,
    )
    day = DayFactory(event=event, date=event.start_date)
    registration.days.set([day])
    Preference.objects.create(registration=registration, table=table_2, rank=1)
    Preference.objects.create(registration=registration, table=table_1, rank=2)
    seat(registration, rotation, table_2)
    group = BreakoutGroup.objects.create(
        agenda_item=session.agenda_item, name="Central America", countries=["CR"]
    )
    GroupPlacement.objects.create(group=group, registration=registration, part=1)
    table_1.facilitators.add(user)
    other = EventFactory(slug="other-dialogue")
    EventRole.objects.create(event=other, user=user, role=Role.RAPPORTEUR)
    Person.objects.create(
        event=event, name="María Pérez", slug="maria-perez", job_title="Director", user=user
    )
    record = RecordFactory(table=table_1, rotation=rotation, updated_by=user)
    FindingFactory(record=record, section="trend", title="", text="More online grooming cases.", order=0)
    RecordVersion.objects.create(record=record, version=1, author=user, status="draft", snapshot={})
    TakeawayAuthor.objects.create(day=day, user=user)
    Takeaway.objects.create(day=day, author=user, text="Listen to young people.", language="es")
    evaluation = Evaluation.objects.create(event=event, title="Evaluation")
    EvaluationSubmission.objects.create(evaluation=evaluation, user=user)
    organisation = OrganisationFactory(name="Example Foundation")
    focal_point = FocalPoint.objects.create(
        user=user, organisation=organisation, country="CR", display_name="María P.", show_name=False
    )
    commitment = make_commitment(make_entry(event), organisation=organisation, description="Train 40 judges.")
    CommitmentUpdate.objects.create(
        commitment=commitment,
        date=datetime.date(2025, 3, 1),
        text="Twelve judges trained.",
        progress=30,
        author=user,
        focal_point=focal_point,
    )
    return user


def _iso(value):
    return value.isoformat() if value else None


def test_the_download_holds_everything_about_the_person_and_no_secret(event, maria):
    registration = Registration.objects.get(user=maria)
    takeaway = Takeaway.objects.get(author=maria)
    assert personal_data(user=maria) == {
        "format": "dialogue-portal-personal-data",
        "version": 1,
        "account": {
            "email": "maria@example.org",
            "first_name": "María",
            "last_name": "Pérez",
            "date_joined": _iso(maria.date_joined),
            "last_login": None,
        },
        "email_addresses": [
            {"email": "maria@example.org", "verified": True, "primary": True},
            {"email": "maria@work.example.org", "verified": False, "primary": False},
        ],
        "two_factor_authentication": {"authenticator_app": True, "recovery_codes": False},
        "roles": [
            {"event": event.slug, "role": "participant"},
            {"event": "other-dialogue", "role": "rapporteur"},
        ],
        "registrations": [
            {
                "event": event.slug,
                "status": "approved",
                "full_name": "María Pérez",
                "organisation": "Example Foundation",
                "country": "CR",
                "sector": "civil_society",
                "is_network_member": False,
                "preferred_language": "en",
                "days": ["2024-06-03"],
                "accessibility_needs": "Step-free access",
                "consent_directory": True,
                "consent_quote_attribution": False,
                "created_at": _iso(registration.created_at),
                "decided_at": None,
                "rankings": [
                    {"session": "Thematic tables", "table": 2, "table_title": "Topic 2", "rank": 1},
                    {"session": "Thematic tables", "table": 1, "table_title": "Topic 1", "rank": 2},
                ],
                "allocations": [
                    {
                        "session": "Thematic tables",
                        "rotation": 1,
                        "table": 2,
                        "table_title": "Topic 2",
                        "source": "solver",
                    }
                ],
                "breakout_groups": [{"group": "Central America", "part": 1}],
            }
        ],
        "directory_entries": [
            {
                "event": event.slug,
                "full_name": "María Pérez",
                "organisation": "Example Foundation",
                "country": "CR",
            }
        ],
        "speaker_profiles": [
            {
                "event": event.slug,
                "name": "María Pérez",
                "job_title": "Director",
                "organisation": "",
                "biography": "",
            }
        ],
        "tables_facilitated": [
            {"event": event.slug, "session": "Thematic tables", "table": 1, "title": "Topic 1"}
        ],
        "breakout_groups_facilitated": [],
        "findings_records": [
            {
                "event": event.slug,
                "record": "Table 1 · Rotation 1",
                "status": "draft",
                "findings": [
                    {
                        "section": "trend",
                        "title": "",
                        "text": "More online grooming cases.",
                        "country": "",
                        "speaker_organisation": "",
                    }
                ],
            }
        ],
        "takeaway_days": [{"event": event.slug, "day": "2024-06-03"}],
        "takeaways": [
            {
                "event": event.slug,
                "day": "2024-06-03",
                "language": "es",
                "text": "Listen to young people.",
                "updated_at": _iso(takeaway.updated_at),
            }
        ],
        "evaluations_answered": [{"event": event.slug, "evaluation": "Evaluation"}],
        "observatory_focal_points": [
            {
                "organisation": "Example Foundation",
                "country": "CR",
                "display_name": "María P.",
                "show_name": False,
                "is_active": True,
            }
        ],
        "observatory_updates": [
            {
                "commitment": "Train 40 judges.",
                "organisation": "Example Foundation",
                "date": "2025-03-01",
                "text": "Twelve judges trained.",
                "language": "en",
                "status": "",
                "progress": 30,
                "evidence_url": "",
            }
        ],
    }


def test_the_account_page_downloads_the_file_and_logs_it(client, event, maria):
    client.force_login(maria)
    page = client.get(reverse("account_data"))
    assert page.status_code == 200
    assert "Download my data (JSON)" in page.content.decode()
    assert client.get(reverse("account_data_download")).status_code == 405  # a download is asked with POST
    response = client.post(reverse("account_data_download"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="my-dialogue-portal-data.json"'
    document = json.loads(response.content)
    assert document.pop("exported_at")
    assert document == json.loads(json.dumps(personal_data(user=maria)))
    assert "not exported" not in response.content.decode()
    assert "pbkdf2" not in response.content.decode()
    assert list(AuditEntry.objects.values_list("action", "event", "actor__email")) == [
        ("data_exported", None, "maria@example.org")
    ]


def test_the_privacy_pages_need_a_signed_in_person(client):
    for name in ("account_data", "account_erase"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert client.post(reverse("account_data_download")).status_code == 302


def test_erasing_removes_what_is_theirs_and_keeps_what_they_wrote_without_a_name(event, maria):
    waiting = RegistrationFactory(
        event=event, status=Registration.Status.WAITLISTED, full_name="Next In Line"
    )
    event.capacity = 1
    event.save()
    maria_pk = maria.pk
    erase_account(user=maria)
    User = get_user_model()
    assert not User.objects.filter(pk=maria_pk).exists()
    assert not EmailAddress.objects.filter(email__icontains="maria").exists()
    assert not Authenticator.objects.filter(user_id=maria_pk).exists()
    assert not Registration.objects.filter(full_name="María Pérez").exists()
    assert not Preference.objects.exists() and not Assignment.objects.exists()
    assert not GroupPlacement.objects.exists()
    assert not EventRole.objects.filter(user_id=maria_pk).exists()
    assert not TakeawayAuthor.objects.exists() and not FocalPoint.objects.exists()
    assert not EvaluationSubmission.objects.exists()
    # the waiting list moved up into the freed place, as when the person cancels
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.APPROVED
    # what they wrote stays, with no author
    assert list(Takeaway.objects.values_list("text", "author")) == [("Listen to young people.", None)]
    assert list(RecordVersion.objects.values_list("author", flat=True)) == [None]
    assert list(CommitmentUpdate.objects.values_list("text", "author", "focal_point")) == [
        ("Twelve judges trained.", None, None)
    ]
    assert list(Person.objects.values_list("name", "user")) == [("María Pérez", None)]
    # the audit log says an account was erased, in each of its events and site-wide, naming nobody
    assert sorted(
        AuditEntry.objects.filter(action="account_erased").values_list("event__slug", "actor", "subject"),
        key=str,
    ) == sorted([(event.slug, None, None), ("other-dialogue", None, None), (None, None, None)], key=str)


def test_erasing_through_the_page_asks_for_the_password_and_signs_out(client, event, maria):
    client.force_login(maria)
    wrong = client.post(reverse("account_erase"), {"secret": "guess", "understood": "on"})
    assert wrong.status_code == 200
    assert "The password is not right." in wrong.content.decode()
    unticked = client.post(reverse("account_erase"), {"secret": "dialogue-demo"})
    assert "This field is required." in unticked.content.decode()
    assert get_user_model().objects.filter(pk=maria.pk).exists()
    response = client.post(
        reverse("account_erase"), {"secret": "dialogue-demo", "understood": "on"}, follow=True
    )
    assert "Your account and personal data are erased." in response.content.decode()
    assert not get_user_model().objects.filter(pk=maria.pk).exists()
    assert not response.wsgi_request.user.is_authenticated
    assert not client.login(username="maria@example.org", password="dialogue-demo")
    log_in = client.post(
        reverse("account_login"), {"login": "maria@example.org", "password": "dialogue-demo"}
    )
    assert log_in.status_code == 200  # the form again: no such account


def test_the_last_organiser_of_an_event_is_asked_to_hand_over_and_nothing_is_erased(client, event):
    organiser = UserFactory(email="solo@example.org")
    EventRole.objects.create(event=event, user=organiser, role=Role.ORGANISER)
    RegistrationFactory(event=event, user=organiser)
    with pytest.raises(ErasureRefused) as refused:
        erase_account(user=organiser)
    assert str(refused.value) == (
        f"You are the only organiser of {event.title}. Grant the organiser role to someone else first, "
        "then erase your account."
    )
    assert Registration.objects.get(user=organiser).status == Registration.Status.APPROVED
    assert not AuditEntry.objects.exists()
    client.force_login(organiser)
    page = client.post(reverse("account_erase"), {"secret": "dialogue-demo", "understood": "on"})
    assert f"You are the only organiser of {event.title}." in page.content.decode()
    assert get_user_model().objects.filter(pk=organiser.pk).exists()


def test_an_erasure_that_fails_half_way_leaves_everything_as_it_was(event, maria, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(get_user_model(), "delete", fail)
    with pytest.raises(RuntimeError):
        erase_account(user=maria)
    assert Registration.objects.get(user=maria).status == Registration.Status.APPROVED
    assert Assignment.objects.count() == 1
    assert not AuditEntry.objects.exists()


def test_an_organiser_may_leave_when_another_organiser_remains(event):
    leaving = UserFactory()
    EventRole.objects.create(event=event, user=leaving, role=Role.ORGANISER)
    EventRole.objects.create(event=event, user=UserFactory(), role=Role.ORGANISER)
    erase_account(user=leaving)
    assert EventRole.objects.filter(event=event, role=Role.ORGANISER).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_last_two_organisers_erasing_at_once_leave_one(postgres_only, event):
    """Real threads on PostgreSQL: one erasure goes through, the other waits, then is refused."""
    import threading

    from django.db import connection

    organisers = [UserFactory() for _ in range(2)]
    for organiser in organisers:
        EventRole.objects.create(event=event, user=organiser, role=Role.ORGANISER)
    barrier = threading.Barrier(2)
    outcomes = []

    def attempt(user):
        try:
            barrier.wait(timeout=30)
            erase_account(user=user)
            outcomes.append("erased")
        except ErasureRefused:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 - any other outcome fails the test below
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(user,)) for user in organisers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["erased", "refused"]
    assert EventRole.objects.filter(event=event, role=Role.ORGANISER).count() == 1
    assert get_user_model().objects.filter(pk__in=[u.pk for u in organisers]).count() == 1


def test_the_download_costs_the_same_queries_whatever_the_person_holds(client, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = UserFactory()

    def add_events(count):
        for _ in range(count):
            other = EventFactory()
            session = make_session(other, tables=2, rotations=2, seats=3)
            registration = RegistrationFactory(event=other, user=user, consent_directory=True)
            for rotation, table in zip(session.rotations.all(), session.tables.all(), strict=True):
                seat(registration, rotation, table)
                Preference.objects.create(registration=registration, table=table, rank=table.number)
            day = DayFactory(event=other, date=other.start_date)
            Takeaway.objects.create(day=day, author=user, text="A takeaway.")

    add_events(1)
    client.force_login(user)
    with CaptureQueriesContext(connection) as small:
        first = client.post(reverse("account_data_download"))
    add_events(3)
    with django_assert_num_queries(len(small.captured_queries)):
        second = client.post(reverse("account_data_download"))
    assert len(json.loads(first.content)["registrations"]) == 1
    assert len(json.loads(second.content)["registrations"]) == 4
    assert len(json.loads(second.content)["takeaways"]) == 4
