"""Real browser (Playwright + Debian chromium): sign in, update an action's status, see it in the
history, generate the DOCX from the committee page; no console errors (CSP violations show there)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from officer_helpers import CHROMIUM, CHROMIUM_ARGS, PASSWORD, live_server, make_db

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")


def test_sign_in_update_status_and_generate_docx(tmp_path: Path) -> None:
    if os.environ.get("MINUTEBOOK_SKIP_BROWSER") == "1":
        pytest.skip("MINUTEBOOK_SKIP_BROWSER=1: browser tests skipped")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"chromium not found at {CHROMIUM}: apt-get install -y chromium", pytrace=False)
    import docx

    url = make_db(tmp_path)
    errors: list[str] = []
    with live_server(url) as base, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(accept_downloads=True)
        p: Any = context.new_page()
        p.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        p.goto(f"{base}/actions/1")
        p.get_by_role("link", name="Update this action (officers)").click()
        # anonymous: sent to sign in, then back to the edit page
        p.get_by_label("User name").fill("olive")
        p.get_by_label("Password").fill(PASSWORD)
        p.get_by_role("button", name="Sign in").click()
        p.get_by_label("New status").fill("Chased by email; reply due 1 March")
        p.get_by_role("button", name="Add status update").click()
        history = p.locator("#officer-history")
        sync_api.expect(history).to_contain_text("Chased by email; reply due 1 March")
        sync_api.expect(history).to_contain_text("olive")
        # the public action page pulls the same history in (htmx, no inline script)
        p.goto(f"{base}/actions/1")
        sync_api.expect(p.locator("#officer-history")).to_contain_text("Chased by email")
        p.goto(f"{base}/committees/1")
        p.get_by_label("For the meeting of").fill("2017-02-01")
        p.get_by_label("as").select_option("docx")
        with p.expect_download() as info:
            p.get_by_role("button", name="Generate report").click()
        out = tmp_path / "report.docx"
        info.value.save_as(out)
        browser.close()
    assert not errors, errors
    text = "\n".join(par.text for par in docx.Document(str(out)).paragraphs)
    assert "Work Programme and Action Tracker" in text
