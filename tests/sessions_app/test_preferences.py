import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from sessions_app.errors import RankingError
from sessions_app.models import Preference
from sessions_app.services.preferences import save_ranking
from tests.sessions_app.factories import RegistrationFactory, make_session


@pytest.fixture
def setup(event):
    session = make_session(event, tables=5, rotations=3)
    registration = RegistrationFactory(event=event)
    tables = list(session.tables.order_by("number"))
    return session, registration, tables


def _ranks(registration, session):
    return list(
        Preference.objects.filter(registration=registration, table__session=session)
        .order_by("rank")
        .values_list("table__number", "rank")
    )


@pytest.mark.django_db
def test_ranking_needs_one_table_per_rotation(setup):
    session, registration, tables = setup
    with pytest.raises(RankingError) as error:
        save_ranking(registration=registration, session=session, ranks={tables[0].pk: 1, tables[1].pk: 2})
    assert str(error.value) == "Rank at least 3 tables: one for each rotation."
    assert _ranks(registration, session) == []


@pytest.mark.django_db
def test_ranking_refuses_a_rank_twice(setup):
    session, registration, tables = setup
    with pytest.raises(RankingError) as error:
        save_ranking(registration=registration, session=session, ranks={t.pk: 1 for t in tables[:3]})
    assert str(error.value) == "Each rank can be given to one table only."


@pytest.mark.django_db
def test_ranking_closes_gaps_and_replaces_the_earlier_one(setup):
    session, registration, tables = setup
    save_ranking(
        registration=registration, session=session, ranks={tables[4].pk: 1, tables[0].pk: 5, tables[2].pk: 3}
    )
    assert _ranks(registration, session) == [(5, 1), (3, 2), (1, 3)]
    save_ranking(registration=registration, session=session, ranks={t.pk: n for n, t in enumerate(tables, 1)})
    assert _ranks(registration, session) == [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5)]


@pytest.mark.django_db
def test_ranking_after_deadline_is_refused(setup):
    session, registration, tables = setup
    session.preferences_close = timezone.now() - datetime.timedelta(minutes=1)
    session.save()
    with pytest.raises(RankingError) as error:
        save_ranking(
            registration=registration, session=session, ranks={t.pk: n for n, t in enumerate(tables, 1)}
        )
    assert str(error.value) == "The ranking is closed."


@pytest.mark.django_db
def test_ranking_page_saves_with_one_select_per_table(client, setup):
    session, registration, tables = setup
    client.force_login(registration.user)
    url = reverse("sessions_app:ranking", kwargs={"slug": session.event.slug, "table_session_pk": session.pk})
    page = client.get(url).content.decode()
    assert page.count('<select name="table_') == 5
    response = client.post(
        url, {f"table_{tables[1].pk}": "1", f"table_{tables[3].pk}": "2", f"table_{tables[0].pk}": "3"}
    )
    assert response.status_code == 302
    assert _ranks(registration, session) == [(2, 1), (4, 2), (1, 3)]


@pytest.mark.django_db
def test_ranking_page_shows_duplicate_error_and_saves_nothing(client, setup):
    session, registration, tables = setup
    client.force_login(registration.user)
    url = reverse("sessions_app:ranking", kwargs={"slug": session.event.slug, "table_session_pk": session.pk})
    response = client.post(
        url, {f"table_{tables[0].pk}": "1", f"table_{tables[1].pk}": "1", f"table_{tables[2].pk}": "2"}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["Each rank can be given to one table only."]
    assert _ranks(registration, session) == []


@pytest.mark.django_db
def test_ranking_page_is_read_only_after_closing(client, setup):
    session, registration, tables = setup
    save_ranking(
        registration=registration, session=session, ranks={t.pk: n for n, t in enumerate(tables[:3], 1)}
    )
    session.preferences_close = timezone.now() - datetime.timedelta(minutes=1)
    session.save()
    client.force_login(registration.user)
    url = reverse("sessions_app:ranking", kwargs={"slug": session.event.slug, "table_session_pk": session.pk})
    page = client.get(url).content.decode()
    assert "The ranking is closed; this is your ranking as it was given." in page
    assert page.count(" disabled") == 5
    assert "Save my ranking" not in page
    client.post(
        url, {f"table_{tables[4].pk}": "1", f"table_{tables[3].pk}": "2", f"table_{tables[2].pk}": "3"}
    )
    assert _ranks(registration, session) == [(1, 1), (2, 2), (3, 3)]
