"""Real-browser tests: Debian's chromium driven by Playwright against `minutebook serve`.

Screenshots of the main pages go to out/screenshots (gitignored). No `playwright install`:
the browser is the system chromium (apt-get install chromium). Without it these tests FAIL
with that reason; MINUTEBOOK_SKIP_BROWSER=1 skips them instead (as MINUTEBOOK_SKIP_PG does for
PostgreSQL).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from web_helpers import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if os.environ.get("MINUTEBOOK_SKIP_BROWSER") == "1":
        pytest.skip("MINUTEBOOK_SKIP_BROWSER=1: browser tests skipped")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"chromium not found at {CHROMIUM}: apt-get install -y chromium (or set MINUTEBOOK_CHROMIUM)",
                    pytrace=False)
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    errors: list[str] = []
    p.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.errors = errors  # type: ignore[attr-defined]
    yield p
    context.close()
    # CSP violations and script errors show up as console errors
    assert not errors, errors


def shot(p: Any, folder: Path, name: str) -> None:
    p.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def test_search_and_open_a_hit_at_its_source(page: Any, server: str, screenshots: Path) -> None:
    page.goto(server + "/")
    page.get_by_label("Search agenda packs, resolutions and actions").fill("council tax support")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    hits = page.locator("a.hit-link")
    assert hits.count() > 0
    assert page.locator(".snippet mark").count() > 0
    shot(page, screenshots, "search")
    hits.first.click()
    page.wait_for_url("**/packs/*/source*")
    marked = page.locator("li.marked")
    assert marked.count() > 0, "the hit's passage is highlighted on its source page"
    assert marked.first.is_visible()
    img = page.locator(".page-image img")
    if img.count():
        page.wait_for_function("() => document.querySelector('.page-image img').naturalWidth > 0")
    shot(page, screenshots, "source")


def test_filter_tracker_to_open_actions_and_open_history(page: Any, server: str, screenshots: Path) -> None:
    page.goto(server + "/actions")
    total = len(page.locator("li.action").all())
    page.get_by_label("Status").select_option("open")
    # htmx swaps the results in place and pushes the filtered URL; without JS the form submits
    page.wait_for_url("**/actions?*status=open*")
    page.wait_for_function(f"() => document.querySelectorAll('li.action').length < {total}")
    rows = page.locator("li.action")
    assert 0 < rows.count() < total
    assert page.locator("li.action .state-done").count() == 0
    first = rows.first
    first.locator("summary").click()
    history = first.locator("ol.history")
    assert history.is_visible() and history.locator("li").count() >= 1
    shot(page, screenshots, "actions-open")
    first.locator(".action-head a").click()
    page.wait_for_url("**/actions/*")
    assert page.locator("h2#history").is_visible()
    page.locator("ol.history a.src").first.click()
    page.wait_for_url("**/packs/*/source*")
    assert page.locator("li.marked").count() > 0


def test_kpi_chart_renders_marks(page: Any, server: str, screenshots: Path) -> None:
    page.goto(server + "/kpis")
    shot(page, screenshots, "kpis")
    # a Westminster indicator: RAG-rated, with target and actual
    page.get_by_role("link", name="Percentage of carers receiving an assessment or review").click()
    page.wait_for_selector("#kpi-chart[data-rendered]")
    assert page.get_attribute("#kpi-chart", "data-rendered") == "true"
    assert page.locator("#kpi-chart svg .role-mark.mark-symbol path").count() >= 1, "actual drawn as a point"
    assert page.locator("#kpi-chart svg .role-mark.mark-rect path").count() >= 1, "target drawn as a tick"
    shot(page, screenshots, "kpi-chart")


def test_keyboard_skip_link_and_focus(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is visible"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_screenshots_of_main_pages(page: Any, server: str, screenshots: Path, client: Any) -> None:
    committees = client.get("/api/v1/committees").json()["items"]
    west = next(c for c in committees if c["council"] == "City of Westminster")
    meeting = client.get("/api/v1/meetings", params={"committee": west["id"], "limit": 500}).json()["items"]
    with_pack = next(m for m in meeting if m["packs"])
    for name, url in [("home", "/"), ("committee", f"/committees/{west['id']}"), ("meeting", f"/meetings/{with_pack['id']}"),
                      ("work-programme", f"/work-programme?committee={west['id']}"), ("actions", "/actions")]:
        page.goto(server + url)
        assert page.locator("main h1").is_visible()
        shot(page, screenshots, name)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + f"/meetings/{with_pack['id']}")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"no sideways scrolling on a phone (page is {width}px wide)"
    shot(page, screenshots, "meeting-phone")
