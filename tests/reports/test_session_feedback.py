"""Feedback per session: anonymous 1–5 ratings, once per person (a second time changes it), only after
the item started, only on items the person may attend; the organisers' summary."""

import datetime

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from events.models import Attendance, Audience, Role
from reports.errors import FeedbackError
from reports.models import SessionFeedback
from reports.selectors import feedback as selectors
from reports.services.feedback import give_feedback
from tests.events.factories import AgendaItemFactory, DayFactory, EventRoleFactory, UserFactory
from tests.sessions_app.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(event):
    """An item of the event's first day (in 2024: it has started)."""
    return AgendaItemFactory(day=DayFactory(event=event), title="Opening plenary")


@pytest.fixture
def participant(event):
    return RegistrationFactory(event=event).user


@pytest.fixture
def organiser(event):
    user = UserFactory()
    EventRoleFactory(event=event, user=user, role=Role.ORGANISER)
    return user


def later_item(event):
    """An item that starts in an hour, today in the event's time zone (or tomorrow near midnight)."""
    start = timezone.localtime(timezone.now(), event.tz) + datetime.timedelta(hours=1)
    day = DayFactory(event=event, date=start.date())
    return AgendaItemFactory(
        day=day, start=start.time().replace(microsecond=0), end=datetime.time(23, 59, 59), title="Later"
    )


def test_the_rating_names_nobody_and_a_second_time_changes_it(item, participant):
    feedback, created = give_feedback(item=item, user=participant, rating=4, comment=" Clear and useful ")
    assert created and (feedback.rating, feedback.comment) == (4, "Clear and useful")
    stored = SessionFeedback.objects.values().get()
    assert len(stored["voter"]) == 64 and participant.email not in stored["voter"]
    assert set(stored) == {"id", "item_id", "voter", "rating", "comment", "updated_at"}  # no user column
    again, created = give_feedback(item=item, user=participant, rating=2)
    assert not created and again.pk == feedback.pk
    assert SessionFeedback.objects.get().rating == 2 and SessionFeedback.objects.count() == 1


def test_the_hash_differs_per_item_and_per_person(event, item, participant):
    other_item = AgendaItemFactory(day=item.day, start=datetime.time(11, 0), end=datetime.time(12, 0))
    other_person = RegistrationFactory(event=event).user
    voters = {
        selectors.voter_of(user=participant, item=item),
        selectors.voter_of(user=participant, item=other_item),
        selectors.voter_of(user=other_person, item=item),
    }
    assert len(voters) == 3


def test_the_database_keeps_one_per_person_and_item_and_ratings_one_to_five(item, participant):
    voter = selectors.voter_of(user=participant, item=item)
    SessionFeedback.objects.create(item=item, voter=voter, rating=3)
    with pytest.raises(IntegrityError):
        SessionFeedback.objects.create(item=item, voter=voter, rating=5)


@pytest.mark.parametrize("rating", [0, 6])
def test_a_rating_outside_one_to_five_is_refused(item, participant, rating):
    with pytest.raises(FeedbackError):
        give_feedback(item=item, user=participant, rating=rating)
    assert not SessionFeedback.objects.exists()


def test_no_feedback_before_the_item_starts(client, event, participant):
    later = later_item(event)
    with pytest.raises(FeedbackError) as refused:
        give_feedback(item=later, user=participant, rating=5)
    assert str(refused.value) == "Feedback opens when the session starts."
    client.force_login(participant)
    url = reverse("reports:feedback_give", args=[event.slug, later.pk])
    assert "Feedback opens when the session starts." in client.get(url).content.decode()
    response = client.post(url, {"rating": "5"})
    assert response.status_code == 400
    assert not SessionFeedback.objects.exists()
    assert later.pk not in [row["item"].pk for row in selectors.items_to_rate(event=event, user=participant)]


def test_the_page_records_changes_and_shows_ones_own_rating(client, event, item, participant):
    client.force_login(participant)
    url = reverse("reports:feedback_give", args=[event.slug, item.pk])
    response = client.post(url, {"rating": "5", "comment": "Inspiring"}, follow=True)
    assert "Thank you: your feedback is recorded anonymously." in response.content.decode()
    listing = client.get(reverse("reports:feedback", args=[event.slug])).content.decode()
    assert "Opening plenary" in listing and "Your rating: 5" in listing
    form = client.get(url).content.decode()
    assert "You already gave feedback on this session." in form and "Inspiring" in form
    changed = client.post(url, {"rating": "3", "comment": ""}, follow=True)
    assert "Your feedback is changed: it still counts once." in changed.content.decode()
    assert list(SessionFeedback.objects.values_list("rating", "comment")) == [(3, "")]


def test_bad_input_is_a_message_and_saves_nothing(client, event, item, participant):
    client.force_login(participant)
    url = reverse("reports:feedback_give", args=[event.slug, item.pk])
    response = client.post(url, {"rating": "9", "comment": "x" * 2001})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select a valid choice. 9 is not one of the available choices." in page
    assert "Ensure this value has at most 2000 characters (it has 2001)." in page
    assert not SessionFeedback.objects.exists()


def test_items_the_person_may_not_attend_are_404(client, event, participant):
    members_day = DayFactory(event=event, date=event.start_date + datetime.timedelta(days=1))
    members_day.attendance = Attendance.MEMBERS
    members_day.save()
    members_item = AgendaItemFactory(day=members_day, title="Members only")
    closed_item = AgendaItemFactory(
        day=DayFactory(
            event=event, date=event.start_date + datetime.timedelta(days=2), audience=Audience.MEMBERS
        )
    )
    other_events_item = AgendaItemFactory()
    client.force_login(participant)
    for item in (members_item, closed_item, other_events_item):
        response = client.get(reverse("reports:feedback_give", args=[event.slug, item.pk]))
        assert response.status_code == 404
        assert (
            client.post(
                reverse("reports:feedback_give", args=[event.slug, item.pk]), {"rating": "4"}
            ).status_code
            == 404
        )
    assert not SessionFeedback.objects.exists()
    # a network member may rate the members' day
    member = UserFactory()
    EventRoleFactory(event=event, user=member, role=Role.MEMBER)
    client.force_login(member)
    url = reverse("reports:feedback_give", args=[event.slug, members_item.pk])
    assert client.post(url, {"rating": "4"}).status_code == 302


def test_non_members_rate_their_own_track_on_the_members_day_and_only_it(client, event, participant):
    friday = DayFactory(
        event=event, date=event.start_date + datetime.timedelta(days=4), audience=Audience.MEMBERS
    )
    theirs = AgendaItemFactory(
        day=friday, audience=Audience.NON_MEMBERS, title="The way forward to cooperate"
    )
    part = AgendaItemFactory(day=friday, parent=theirs, start=theirs.start, end=theirs.end, title="Part")
    members = AgendaItemFactory(day=friday, audience=Audience.MEMBERS, title="Reflections for future work")
    client.force_login(participant)

    listed = [row["item"] for row in selectors.items_to_rate(event=event, user=participant)]

    assert theirs in listed and part in listed and members not in listed
    url = reverse("reports:feedback_give", args=[event.slug, theirs.pk])
    assert client.post(url, {"rating": "5"}).status_code == 302
    other = reverse("reports:feedback_give", args=[event.slug, members.pk])
    assert client.get(other).status_code == 404


def test_the_organisers_summary_counts_means_and_comments_without_names(client, event, item, organiser):
    people = [RegistrationFactory(event=event, full_name=f"Person {n}").user for n in range(4)]
    for person, rating, comment in zip(
        people, [5, 4, 4, 1], ["Great", "", "Useful", "Too long"], strict=True
    ):
        give_feedback(item=item, user=person, rating=rating, comment=comment)
    client.force_login(organiser)
    response = client.get(reverse("reports:feedback_results", args=[event.slug]))
    page = response.content.decode()
    (row,) = response.context["rows"]
    assert (row["item"], row["count"], row["mean"]) == (item, 4, 3.5)
    assert row["distribution"] == [(1, 1, 50), (2, 0, 0), (3, 0, 0), (4, 2, 100), (5, 1, 50)]
    assert row["comments"] == ["Great", "Too long", "Useful"]
    assert "4 ratings, mean 3.5" in page
    assert "Person 0" not in page and people[0].email not in page
    evaluation = client.get(reverse("reports:evaluation_results", args=[event.slug])).content.decode()
    assert reverse("reports:feedback_results", args=[event.slug]) in evaluation


def test_the_summary_makes_the_same_queries_whatever_the_size(client, event, organiser):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    day = DayFactory(event=event)
    client.force_login(organiser)
    url = reverse("reports:feedback_results", args=[event.slug])

    def grow(items, people):
        for n in range(items):
            item = AgendaItemFactory(
                day=day, start=datetime.time(8 + n % 10, 0), end=datetime.time(8 + n % 10, 30)
            )
            for _ in range(people):
                give_feedback(item=item, user=UserFactory(), rating=3, comment="ok")

    grow(1, 1)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    grow(5, 4)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_participants_list_makes_the_same_queries_whatever_the_size(client, event, participant):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    day = DayFactory(event=event)
    client.force_login(participant)
    url = reverse("reports:feedback", args=[event.slug])

    def grow(items):
        for n in range(items):
            item = AgendaItemFactory(
                day=day, start=datetime.time(8 + n % 10, 0), end=datetime.time(8 + n % 10, 30)
            )
            give_feedback(item=item, user=participant, rating=4)

    grow(1)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    grow(8)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(response.context["rows"]) == 9
