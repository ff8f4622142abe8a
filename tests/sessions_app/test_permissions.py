"""Every URL of the tables area × every role: who gets the page, who is refused."""

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import ItemKind, Job
from sessions_app.models import BreakoutGroup
from tests.events.factories import AgendaItemFactory
from tests.sessions_app.factories import MaterialFactory, RegistrationFactory, make_session

from ..conftest import ROLES

ORGANISER = {"organiser": 200}
CHECKIN_DESK = {"organiser": 200, "checkin": 200}
PARTICIPANT = {"participant": 200}
SIGNED_IN = {role: 200 for role in ROLES if role != "anonymous"}
# the check-in desk works at the door only: no directory, no materials
WITH_ROLE = {role: 200 for role in ROLES if role not in ("anonymous", "other_organiser", "checkin")}

# name, kwargs keys, method, {role: status}; roles not listed get 403 (anonymous: login redirect)
URLS = [
    ("register", [], "get", SIGNED_IN),
    ("register_cancel", [], "post", {role: 302 for role in SIGNED_IN}),
    ("my_tables", [], "get", PARTICIPANT),
    ("my_tables_ical", [], "get", PARTICIPANT),
    ("my_agenda_ical", [], "get", PARTICIPANT),
    ("ranking", ["table_session_pk"], "get", PARTICIPANT),
    ("switch", ["table_session_pk"], "get", PARTICIPANT),
    ("directory", [], "get", WITH_ROLE),
    ("material_download", ["material_pk"], "get", {role: 302 for role in WITH_ROLE}),  # a link: redirect
    ("facilitating", [], "get", {"facilitator": 200, "organiser": 200}),
    ("table_roster", ["table_pk"], "get", ORGANISER),
    ("registrations", [], "get", ORGANISER),
    ("registrations_export", ["fmt"], "get", ORGANISER),
    ("registration_decide", ["registration_pk", "action"], "post", {"organiser": 302}),
    ("registrations_bulk", [], "post", {"organiser": 302}),
    ("outbox", [], "get", ORGANISER),
    ("message_compose", [], "get", ORGANISER),
    ("sessions", [], "get", ORGANISER),
    ("session_create", [], "get", ORGANISER),
    ("session_detail", ["table_session_pk"], "get", ORGANISER),
    ("rotation_count", ["table_session_pk"], "post", {"organiser": 302}),
    ("rotation_times", ["table_session_pk"], "get", ORGANISER),
    ("table_create", ["table_session_pk"], "get", ORGANISER),
    ("table_edit", ["table_session_pk", "table_pk"], "get", ORGANISER),
    ("materials", ["table_session_pk", "table_pk"], "get", ORGANISER),
    ("material_delete", ["table_session_pk", "material_pk"], "post", {"organiser": 302}),
    ("allocation", ["table_session_pk"], "get", ORGANISER),
    ("allocate", ["table_session_pk"], "post", {"organiser": 302}),
    ("move", ["table_session_pk"], "post", {"organiser": 400}),
    ("publish", ["table_session_pk"], "get", ORGANISER),
    ("allocation_resend", ["table_session_pk"], "post", {"organiser": 302}),
    ("allocation_job", ["table_session_pk", "token"], "get", {"organiser": 302}),
    ("rosters_export", ["table_session_pk", "fmt"], "get", ORGANISER),
    ("groups", [], "get", ORGANISER),
    ("group_create", ["item_pk"], "get", ORGANISER),
    ("groups_place", ["item_pk"], "post", {"organiser": 302}),
    ("group_edit", ["item_pk", "group_pk"], "get", ORGANISER),
    ("group_delete", ["item_pk", "group_pk"], "post", {"organiser": 302}),
    ("group_roster", ["item_pk", "group_pk"], "get", ORGANISER),
    ("my_badge", [], "get", PARTICIPANT),
    ("checkin", [], "get", CHECKIN_DESK),
    ("attendance", [], "get", CHECKIN_DESK),
    ("attendance_counts", [], "get", CHECKIN_DESK),
    ("badges", [], "get", CHECKIN_DESK),
    ("badge", ["registration_pk=approved_registration_pk"], "get", CHECKIN_DESK),
]


@pytest.fixture
def objects(event):
    session = make_session(event, tables=3, rotations=3)
    table = session.tables.first()
    item = AgendaItemFactory(
        day=session.agenda_item.day, kind=ItemKind.GROUP_WORK, title="Sub-regional groups"
    )
    group = BreakoutGroup.objects.create(
        agenda_item=item, name="South America", countries=["BR", "AR"], parts=2
    )
    return {
        "table_session_pk": session.pk,
        "table_pk": table.pk,
        "item_pk": item.pk,
        "group_pk": group.pk,
        "material_pk": MaterialFactory(session=session, table=table).pk,
        "fmt": "csv",
        "registration_pk": RegistrationFactory(event=event, status="pending").pk,
        "approved_registration_pk": RegistrationFactory(event=event).pk,
        "action": "approve",
        "token": Job.objects.create(
            kind="sessions_app.allocate",
            inputs={"session": session.pk, "language": "en"},
            event=event,
            status=Job.Status.DONE,
            deadline=timezone.now(),
        ).token,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name,keys,method,allowed", URLS, ids=[u[0] for u in URLS])
def test_permission_matrix(client_as, event, objects, role, name, keys, method, allowed):
    # a key "kwarg=object" names the URL's keyword argument and the object that fills it
    pairs = [key.partition("=")[::2] for key in keys]
    kwargs = {kwarg: objects[source or kwarg] for kwarg, source in pairs}
    url = reverse(f"sessions_app:{name}", kwargs={"slug": event.slug, **kwargs})
    client = client_as(role)
    response = getattr(client, method)(url)
    if role == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    else:
        assert response.status_code == allowed.get(role, 403)


@pytest.mark.django_db
def test_every_url_of_the_app_is_in_the_matrix():
    from sessions_app.urls import urlpatterns

    # the signed iCal feeds are not role-based: see test_ical_feed_needs_a_valid_token and
    # tests/events/test_personal_agenda.py
    assert sorted(p.name for p in urlpatterns) == sorted(
        [u[0] for u in URLS] + ["my_tables_feed", "my_agenda_feed"]
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_ical_feed_needs_a_valid_token(client_as, event, role):
    from sessions_app.services.publication import feed_token
    from tests.events.factories import EventFactory

    registration = RegistrationFactory(event=event)
    client = client_as(role)

    def get(slug, token):
        return client.get(reverse("sessions_app:my_tables_feed", kwargs={"slug": slug, "token": token}))

    token = feed_token(registration=registration)
    assert get(event.slug, token).status_code == 200
    assert get(event.slug, token[:-2] + "xx").status_code == 404
    assert get(EventFactory().slug, token).status_code == 404
    registration.status = "cancelled"
    registration.save()
    assert get(event.slug, token).status_code == 404


@pytest.mark.django_db
def test_facilitator_sees_own_table_roster_only(client_as, event):
    session = make_session(event, tables=3, rotations=1)
    client = client_as("facilitator")
    own, other, _third = session.tables.order_by("number")
    own.facilitators.add(client.user)
    assert (
        client.get(
            reverse("sessions_app:table_roster", kwargs={"slug": event.slug, "table_pk": own.pk})
        ).status_code
        == 200
    )
    assert (
        client.get(
            reverse("sessions_app:table_roster", kwargs={"slug": event.slug, "table_pk": other.pk})
        ).status_code
        == 403
    )
    page = client.get(reverse("sessions_app:facilitating", kwargs={"slug": event.slug})).content.decode()
    assert "Table 1: Topic 1" in page and "Table 2: Topic 2" not in page


@pytest.mark.django_db
def test_objects_of_another_event_are_404(client_as, event):
    from tests.events.factories import EventFactory

    other_session = make_session(EventFactory())
    client = client_as("organiser")
    for name, kwargs in [
        ("session_detail", {"table_session_pk": other_session.pk}),
        ("allocation", {"table_session_pk": other_session.pk}),
        ("table_roster", {"table_pk": other_session.tables.first().pk}),
    ]:
        assert (
            client.get(reverse(f"sessions_app:{name}", kwargs={"slug": event.slug, **kwargs})).status_code
            == 404
        )


@pytest.mark.django_db
def test_directory_lists_only_consenting_participants(client_as, event):
    RegistrationFactory(event=event, full_name="Listed Person", consent_directory=True)
    RegistrationFactory(event=event, full_name="Private Person", consent_directory=False)
    RegistrationFactory(event=event, full_name="Pending Person", consent_directory=True, status="pending")
    page = (
        client_as("participant")
        .get(reverse("sessions_app:directory", kwargs={"slug": event.slug}))
        .content.decode()
    )
    assert "Listed Person" in page
    assert "Private Person" not in page and "Pending Person" not in page


@pytest.mark.django_db
def test_accessibility_needs_shown_to_organisers_only(client_as, event):
    RegistrationFactory(
        event=event, full_name="Listed Person", consent_directory=True, accessibility_needs="Sign language"
    )
    page = (
        client_as("participant")
        .get(reverse("sessions_app:directory", kwargs={"slug": event.slug}))
        .content.decode()
    )
    assert "Sign language" not in page
    page = (
        client_as("organiser")
        .get(reverse("sessions_app:registrations", kwargs={"slug": event.slug}))
        .content.decode()
    )
    assert "Sign language" in page
