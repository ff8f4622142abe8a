"""Keyboard and phone checks that axe cannot make, on the demo in Debian's Chromium: every focus stop stays
clear of sticky and fixed bars going forwards and backwards, "My tables" fits a phone, and a failed form
puts the focus on its error summary, with and without JavaScript."""

import pytest
from django.urls import reverse

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# For the focused element: its box, and the boxes of the sticky or fixed elements (outside it and its
# ancestors) that overlap it on screen.
COVERED = """() => {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return null;
  const box = focused.getBoundingClientRect();
  const covering = [];
  for (const bar of document.querySelectorAll('body *')) {
    const position = getComputedStyle(bar).position;
    if (position !== 'sticky' && position !== 'fixed') continue;
    if (bar.contains(focused) || focused.contains(bar)) continue;
    const b = bar.getBoundingClientRect();
    const stuck = position === 'fixed' || Math.abs(b.top - parseFloat(getComputedStyle(bar).top || 0)) < 1;
    if (!stuck || b.height === 0) continue;
    if (box.bottom > b.top && box.top < b.bottom && box.right > b.left && box.left < b.right) {
      covering.push(bar.className || bar.tagName);
    }
  }
  const name = (focused.id ? '#' + focused.id : '') || focused.getAttribute('name')
    || focused.textContent.trim().slice(0, 40);
  focused.dataset.stop = focused.dataset.stop || String(Math.random());
  const marker = focused.dataset.stop;
  return {name: focused.tagName + ' ' + name, top: Math.round(box.top), covering, marker};
}"""


def walk(page, key: str, limit: int = 800) -> tuple[int, list[str]]:
    """Press `key` until the focus comes round again; the number of stops and those a bar covers."""
    stops, covered, seen = 0, [], []
    for _ in range(limit):
        page.keyboard.press(key)
        state = page.evaluate(COVERED)
        if state is None:
            continue
        marker = state["marker"]
        if seen and marker == seen[0]:
            break
        seen.append(marker)
        stops += 1
        if state["covering"]:
            covered.append(f"{state['name']} at {state['top']} px under {state['covering']}")
    return stops, covered


def url(site, name, **kwargs):
    return site.url + reverse(name, kwargs={"slug": site.slug, **kwargs})


@pytest.fixture(scope="module")
def signed_in(browser, demo_site):
    contexts = []

    def make(role: str, width: int, **options):
        context = browser.new_context(viewport={"width": width, "height": 740}, locale="en-GB", **options)
        sign_in(context, demo_site, role)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize(
    ("role", "name"),
    [
        ("rapporteur", "reports:collation_search"),
        ("organiser", "reports:report_preview"),
        ("facilitator", "reports:findings_edit"),
    ],
)
def test_no_focus_stop_hides_under_a_sticky_bar_tabbing_either_way(demo_site, signed_in, role, name, width):
    page = signed_in(role, width)
    kwargs = {"record_pk": demo_site.objects["record"]} if name == "reports:findings_edit" else {}
    page.goto(url(demo_site, name, **kwargs))

    forward, covered_forward = walk(page, "Tab")
    backward, covered_backward = walk(page, "Shift+Tab")
    print(f"{name} as {role} at {width} px: {forward} stops forward, {backward} backward")

    assert 20 < forward < 800  # the walk came round to the first stop again
    assert backward == forward
    assert covered_forward == []
    assert covered_backward == []


def test_my_tables_fits_a_phone(demo_site, signed_in):
    page = signed_in("participant", 360)
    page.goto(url(demo_site, "sessions_app:my_tables"))

    feed = page.locator("text=/my-tables\\/.+\\.ics/").first
    assert feed.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") == 360


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_a_failed_form_focuses_its_error_summary_and_marks_the_invalid_fields(
    demo_site, signed_in, javascript
):
    page = signed_in("organiser", 1280, java_script_enabled=javascript)
    page.goto(url(demo_site, "events:manage_person_add"))
    page.click("main form button[type=submit]")
    page.wait_for_load_state()

    summary = page.locator(".form-errors")
    assert summary.get_attribute("tabindex") == "-1"
    assert page.evaluate("document.activeElement.classList.contains('form-errors')")
    invalid = page.locator("[aria-invalid=true]")
    assert invalid.count() >= 1
    for index in range(invalid.count()):
        field = invalid.nth(index)
        described = field.get_attribute("aria-describedby").split()
        error_id = next(name for name in described if name.endswith("_error"))
        assert page.locator(f"#{error_id}").inner_text().strip() != ""
        assert summary.locator(f"a[href='#{field.get_attribute('id')}']").count() == 1
    # Tab from the summary reaches its first link, which leads to the first invalid field.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.getAttribute('aria-invalid')") == "true"
