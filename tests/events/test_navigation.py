"""The event's navigation and the back office's one menu, filled by every app from its AppConfig."""

import re

import pytest
from django.urls import reverse


def _nav(html: str, css_class: str) -> list[str]:
    block = re.search(rf'<(?:nav|ul) class="{css_class}"[^>]*>(.*?)</(?:nav|ul)>', html, re.S)
    return re.findall(r"<a [^>]*>([^<]+)</a>", block.group(1)) if block else []


@pytest.mark.parametrize(
    "role, links",
    [
        ("anonymous", ["Overview", "Agenda", "Register"]),
        ("other_organiser", ["Overview", "Agenda", "Register"]),
        (
            "participant",
            [
                "Overview",
                "Agenda",
                "My registration",
                "My tables",
                "Participants",
                "Daily takeaways",
                "Evaluation",
                "Session feedback",
            ],
        ),
        (
            "member",
            [
                "Overview",
                "Agenda",
                "Register",
                "Participants",
                "Daily takeaways",
                "Evaluation",
                "Session feedback",
            ],
        ),
        ("facilitator", ["Overview", "Agenda", "Register", "Participants", "Back office"]),
        ("rapporteur", ["Overview", "Agenda", "Register", "Participants", "Back office"]),
        ("checkin", ["Overview", "Agenda", "Register", "Back office"]),
        ("organiser", ["Overview", "Agenda", "Register", "Participants", "Back office"]),
    ],
)
def test_event_nav_shows_the_links_each_role_may_follow(client_as, event, role, links):
    html = client_as(role).get(event.get_absolute_url()).content.decode()

    assert _nav(html, "event-nav") == links


@pytest.mark.parametrize(
    "role, groups",
    [
        (
            "organiser",
            [
                "Overview",
                "Programme",
                "People and partners",
                "Registration and tables",
                "Findings",
                "Report",
                "Settings",
            ],
        ),
        ("facilitator", ["Overview", "Registration and tables", "Findings"]),
        ("rapporteur", ["Overview", "Findings", "Report"]),
        ("checkin", ["Overview", "Registration and tables"]),
    ],
)
def test_back_office_menu_groups_the_pages_each_role_may_open(client_as, event, role, groups):
    html = client_as(role).get(reverse("events:manage_event", args=[event.slug])).content.decode()

    assert _nav(html, "manage-groups") == groups


def test_the_check_in_desk_sees_the_check_in_pages_only(client_as, event):
    html = client_as("checkin").get(reverse("sessions_app:checkin", args=[event.slug])).content.decode()

    assert _nav(html, "manage-pages") == ["Check-in", "Attendance"]


def test_back_office_menu_shows_the_pages_of_the_current_group(client_as, event):
    html = client_as("organiser").get(reverse("events:manage_people", args=[event.slug])).content.decode()

    assert _nav(html, "manage-pages") == ["People", "Partners", "Roles"]
    assert f'<a href="/e/{event.slug}/manage/people/" aria-current="page">People</a>' in html


@pytest.mark.parametrize("role", ["anonymous", "participant", "member", "other_organiser"])
def test_back_office_overview_is_closed_to_those_who_do_not_work_on_the_event(client_as, event, role):
    response = client_as(role).get(reverse("events:manage_event", args=[event.slug]))

    assert response.status_code == (302 if role == "anonymous" else 403)
