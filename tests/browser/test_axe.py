"""axe-core (from npm, tests/browser/package.json) audits every page type as every role that uses it, on a
360 px phone and a 1280 px screen, against WCAG 2.2 AA: any violation fails with the rule, the elements and
what to fix.

Count the runs and violations with:
    python -m pytest -p no:cacheprovider tests/browser/test_axe.py -q -rA | tail
"""

import pytest
from django.conf import settings
from django.urls import reverse

from .conftest import AXE, ROLES, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.axe, pytest.mark.django_db]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = [360, 1280]

# Page type -> (URL name, keyword arguments taken from the demo, the roles that use it).
# `slug` is the demo event's; other values name keys of DemoSite.objects.
PUBLIC = ["anonymous", "participant", "member"]
BACK_OFFICE = ["organiser"]
PAGES = {
    "home": ("home", {}, ["anonymous", "participant", "staff"]),
    "event home": ("events:event_home", {"slug"}, ROLES),
    "agenda": ("events:agenda", {"slug"}, ROLES),
    "day": ("events:day_detail", {"slug", "date:day"}, PUBLIC + ["organiser"]),
    "day grid": ("events:day_grid", {"slug", "date:day"}, PUBLIC),
    "now and next": ("events:now_next", {"slug"}, ["anonymous", "participant"]),
    "agenda search": ("events:agenda_search", {"slug"}, ["anonymous", "participant"]),
    "speakers": ("events:speakers", {"slug"}, ["anonymous"]),
    "rooms": ("events:manage_rooms", {"slug"}, BACK_OFFICE),
    "room form": ("events:manage_room_add", {"slug"}, BACK_OFFICE),
    "person": ("events:person_detail", {"slug", "person_slug:person"}, PUBLIC),
    "dashboard": (
        "dashboard",
        {},
        ["participant", "member", "facilitator", "rapporteur", "organiser", "staff"],
    ),
    "register": ("sessions_app:register", {"slug"}, ["participant", "member"]),
    "ranking": ("sessions_app:ranking", {"slug", "table_session_pk:table_session"}, ["participant"]),
    "my tables": ("sessions_app:my_tables", {"slug"}, ["participant"]),
    "directory": ("sessions_app:directory", {"slug"}, ["participant"]),
    "takeaways": ("reports:takeaways", {"slug"}, ["participant", "member"]),
    "evaluation": ("reports:evaluation_answer", {"slug"}, ["participant"]),
    "facilitating": ("sessions_app:facilitating", {"slug"}, ["facilitator"]),
    "findings list": ("reports:findings_list", {"slug"}, ["facilitator", "rapporteur", "organiser"]),
    "findings editor": ("reports:findings_edit", {"slug", "record_pk:record"}, ["facilitator"]),
    "findings record": ("reports:findings_detail", {"slug", "record_pk:record"}, ["rapporteur"]),
    "collation": ("reports:collation_search", {"slug"}, ["rapporteur", "organiser"]),
    "collation themes": ("reports:collation_themes", {"slug"}, ["rapporteur"]),
    "collation theme": ("reports:collation_theme", {"slug", "theme_pk:theme"}, ["rapporteur"]),
    "at a glance": ("reports:collation_glance", {"slug"}, ["rapporteur"]),
    "overview": ("events:manage_event", {"slug"}, BACK_OFFICE + ["facilitator", "rapporteur"]),
    "event edit": ("events:manage_event_edit", {"slug"}, BACK_OFFICE),
    "back-office agenda": ("events:manage_items", {"slug"}, BACK_OFFICE),
    "days": ("events:manage_days", {"slug"}, BACK_OFFICE),
    "item form": ("events:manage_item_add", {"slug", "day_pk:day_pk"}, BACK_OFFICE),
    "people": ("events:manage_people", {"slug"}, BACK_OFFICE),
    "person form": ("events:manage_person_add", {"slug"}, BACK_OFFICE),
    "partners": ("events:manage_partners", {"slug"}, BACK_OFFICE),
    "documents": ("events:manage_documents", {"slug"}, BACK_OFFICE),
    "roles": ("events:manage_roles", {"slug"}, BACK_OFFICE),
    "preview": ("events:preview", {"slug"}, BACK_OFFICE),
    "registrations": ("sessions_app:registrations", {"slug"}, BACK_OFFICE),
    "table sessions": ("sessions_app:sessions", {"slug"}, BACK_OFFICE),
    "table session": ("sessions_app:session_detail", {"slug", "table_session_pk:table_session"}, BACK_OFFICE),
    "allocation": ("sessions_app:allocation", {"slug", "table_session_pk:table_session"}, BACK_OFFICE),
    "groups": ("sessions_app:groups", {"slug"}, BACK_OFFICE),
    "publish confirmation": ("sessions_app:publish", {"slug", "table_session_pk:table_session"}, BACK_OFFICE),
    "rotation times": (
        "sessions_app:rotation_times",
        {"slug", "table_session_pk:table_session"},
        BACK_OFFICE,
    ),
    "outbox": ("sessions_app:outbox", {"slug"}, BACK_OFFICE),
    "message to registrants": ("sessions_app:message_compose", {"slug"}, BACK_OFFICE),
    "report cover": ("reports:report_cover", {"slug"}, BACK_OFFICE),
    "evaluation results": ("reports:evaluation_results", {"slug"}, BACK_OFFICE),
    "session feedback results": ("reports:feedback_results", {"slug"}, BACK_OFFICE),
    "session feedback": ("reports:feedback", {"slug"}, ["participant", "member"]),
    "check-in": ("sessions_app:checkin", {"slug"}, BACK_OFFICE + ["checkin"]),
    "attendance": ("sessions_app:attendance", {"slug"}, BACK_OFFICE + ["checkin"]),
    "report": ("reports:report_manage", {"slug"}, BACK_OFFICE),
    "report preview": ("reports:report_preview", {"slug"}, BACK_OFFICE),
    "observatory back office": ("observatory_manage:overview", {"slug"}, BACK_OFFICE),
    "event create": ("event_create", {}, ["staff"]),
    "observatory search": ("observatory:search", {}, ["anonymous", "staff"]),
    "observatory country": ("observatory:country", {"code:country"}, ["anonymous"]),
    "observatory entry": ("observatory:entry", {"pk:entry"}, ["anonymous"]),
    "observatory themes": ("observatory:themes", {}, ["anonymous"]),
    "observatory library": ("observatory:library", {}, ["anonymous"]),
    "findings template": ("reports:findings_template", {"slug"}, BACK_OFFICE),
    "new theme": ("reports:collation_theme_new", {"slug"}, ["rapporteur"]),
    "evaluation questions": ("reports:evaluation_manage", {"slug"}, BACK_OFFICE),
    "e-mail addresses": ("account_email", {}, ["participant"]),
    "password change": ("account_change_password", {}, ["participant"]),
    "log in": ("account_login", {}, ["anonymous"]),
    "sign up": ("account_signup", {}, ["anonymous"]),
    "password reset": ("account_reset_password", {}, ["anonymous"]),
}
CASES = [(page, role) for page, (_, _, roles) in PAGES.items() for role in roles]


def page_url(site, page: str) -> str:
    name, keys, _ = PAGES[page]
    kwargs = {}
    for key in keys:
        argument, _, source = key.partition(":")
        kwargs[argument] = site.slug if argument == "slug" else site.objects[source or argument]
    return site.url + reverse(name, kwargs=kwargs)


@pytest.fixture(scope="module")
def contexts(browser, demo_site):
    """One browser context per role and width, with axe-core loaded into every document it opens (as an
    init script, which the pages' Content-Security-Policy does not block)."""
    made = {}

    def get(role: str, width: int):
        if (role, width) not in made:
            context = browser.new_context(viewport={"width": width, "height": 800}, locale="en-GB")
            context.add_init_script(path=str(AXE))
            sign_in(context, demo_site, role)
            made[role, width] = context
        return made[role, width]

    yield get
    for context in made.values():
        context.close()


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}"
        )
        for node in violation["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def audit(page) -> list[dict]:
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})).violations",
        WCAG_22_AA,
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("page_type", "role"), CASES, ids=[f"{page}-{role}" for page, role in CASES])
def test_axe_finds_no_wcag_22_aa_violation(demo_site, contexts, page_type, role, width):
    page = contexts(role, width).new_page()
    try:
        response = page.goto(page_url(demo_site, page_type))
        assert response.status == 200, (page_type, role, response.status, page.url)
        violations = audit(page)
        assert not violations, f"{page_type} as {role} at {width} px:\n{describe(violations)}"
    finally:
        page.close()


TRANSLATED = [
    ("event home", "anonymous"),
    ("log in", "anonymous"),
    ("my tables", "participant"),
    ("collation", "rapporteur"),
    ("registrations", "organiser"),
    ("report preview", "organiser"),
]


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES if code != "en"])
@pytest.mark.parametrize(
    ("page_type", "role"), TRANSLATED, ids=[f"{page}-{role}" for page, role in TRANSLATED]
)
def test_axe_finds_no_violation_in_the_other_languages(browser, demo_site, page_type, role, language):
    """Longer words on a 360 px phone in each translation; the report preview in the same language."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    try:
        context.add_init_script(path=str(AXE))
        sign_in(context, demo_site, role)
        context.add_cookies([{"name": "django_language", "value": language, "url": demo_site.url}])
        page = context.new_page()
        query = f"?lang={language}" if page_type == "report preview" else ""
        response = page.goto(page_url(demo_site, page_type) + query)
        assert response.status == 200
        assert page.evaluate("document.documentElement.lang") == language
        violations = audit(page)
        assert not violations, f"{page_type} as {role} in {language}:\n{describe(violations)}"
    finally:
        context.close()
