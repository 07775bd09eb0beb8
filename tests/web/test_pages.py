"""Every HTML page renders for the fixtures: 200, no template error, landmarks, labels, CSP."""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree

import pytest

from web_helpers import check_page

API = "/api/v1"


def page(client: Any, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "unsafe-eval" not in r.headers["content-security-policy"]
    check_page(r.text)
    return r.text


def ids(client: Any, path: str) -> list[int]:
    return [row["id"] for row in client.get(API + path, params={"limit": 500}).json()["items"]]


def test_fixed_pages(client: Any) -> None:
    for url in ("/", "/actions", "/actions?status=open", "/actions?status=done&q=briefing", "/actions?committee=&meeting=&status=&q=",
                "/work-programme", "/kpis", "/search", "/search?q=council+tax", "/search?q=zzzzqqq"):
        page(client, url)


def test_every_committee_meeting_action_and_kpi_page(client: Any) -> None:
    for cid in ids(client, "/committees"):
        html = page(client, f"/committees/{cid}")
        assert 'id="members"' in html and 'id="open-actions"' in html
        page(client, f"/work-programme?committee={cid}")
        page(client, f"/kpis?committee={cid}")
        page(client, f"/actions?committee={cid}")
    for mid in ids(client, "/meetings"):
        html = page(client, f"/meetings/{mid}")
        assert 'id="agenda"' in html and 'id="minutes"' in html
    for aid in ids(client, "/actions"):
        assert "Status history" in page(client, f"/actions/{aid}")
    for kid in ids(client, "/kpis"):
        html = page(client, f"/kpis/{kid}")
        assert 'type="application/json" id="kpi-spec"' in html and "/static/vega-embed.min.js" in html


def test_every_source_link_on_meeting_pages_resolves(client: Any) -> None:
    """Each provenance link shows the pack with the record's passage marked."""
    links: set[str] = set()
    for mid in ids(client, "/meetings"):
        links |= set(re.findall(r'href="(/packs/\d+/source\?[^"#]*)', client.get(f"/meetings/{mid}").text))
    assert len(links) > 50
    marked = 0
    for link in sorted(links):
        html = page(client, link.replace("&amp;", "&"))
        marked += 'class="marked"' in html
    assert marked > 0.8 * sum("hl=" in link for link in links), "most records are found on their source page"


def test_pdf_source_shows_page_image_and_png_renders(client: Any) -> None:
    packs = {p["pack_id"] for p in client.get(API + "/documents", params={"limit": 500}).json()["items"]}
    for pid in sorted(packs):
        html = page(client, f"/packs/{pid}/source?page=1")
        if 'class="page-image"' in html:
            r = client.get(f"/packs/{pid}/pages/1.png")
            assert r.status_code == 200 and r.headers["content-type"] == "image/png"
            assert r.content.startswith(b"\x89PNG")
    assert client.get(f"/packs/{min(packs)}/pages/9999.png").status_code == 404


def test_text_pack_source_marks_the_line(client: Any) -> None:
    actions = client.get(API + "/actions", params={"limit": 500}).json()["items"]
    text_action = next(a for a in actions if a["source"]["line"])
    src = text_action["source"]
    html = page(client, f"/packs/{src['pack_id']}/source?line={src['line']}")
    assert f'<span class="ln" aria-hidden="true">{src["line"]}</span>' in html
    assert 'id="hl"' in html


def test_source_falls_back_to_stored_passages_when_file_moved(web_db: str, tmp_path: Any) -> None:
    """A pack whose original file is gone still shows its text from the stored passages."""
    from fastapi.testclient import TestClient
    from sqlalchemy import create_engine, text

    from minutebook.web.app import create_app

    engine = create_engine(web_db)
    with engine.begin() as conn:
        pid, old = conn.execute(text("select id, path from pack where kind = 'pdf' order by id limit 1")).one()
        conn.execute(text("update pack set path = :p where id = :i"), {"p": str(tmp_path / "gone.pdf"), "i": pid})
    try:
        with TestClient(create_app(web_db)) as c:
            html = page(c, f"/packs/{pid}/source?page=1")
            assert "not found there" in html and 'class="page-image"' not in html
            assert html.count("<li") > 3
            assert c.get(f"/packs/{pid}/pages/1.png").status_code == 404
    finally:
        with engine.begin() as conn:
            conn.execute(text("update pack set path = :p where id = :i"), {"p": old, "i": pid})
        engine.dispose()


def test_markup_in_input_is_escaped(client: Any) -> None:
    evil = "<script>alert(1)</script>"
    for url in (f"/search?q={evil}", f"/actions?q={evil}", f"/packs/1/source?hl={evil}"):
        html = page(client, url)
        assert evil not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize("url,status", [("/meetings/999999", 404), ("/committees/999999", 404),
                                        ("/actions/999999", 404), ("/kpis/999999", 404), ("/packs/999999/source", 404),
                                        ("/nowhere", 404), ("/actions?status=maybe", 422), ("/actions?committee=x", 422)])
def test_error_pages_are_html(client: Any, url: str, status: int) -> None:
    page(client, url, status)


def test_atom_feed_of_a_saved_search(client: Any) -> None:
    r = client.get("/search.atom", params={"q": "council tax"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(r.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", ns)
    assert entries and all(e.find("a:link", ns).get("href").startswith("http") for e in entries)
    assert "council tax" in feed.find("a:title", ns).text
    assert 'type="application/atom+xml"' in client.get("/search?q=council+tax").text


def test_static_assets_are_vendored(client: Any) -> None:
    for name in ("htmx.min.js", "vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "kpi-chart.js", "app.css",
                 "NOTICE"):
        assert client.get(f"/static/{name}").status_code == 200, name
    notice = client.get("/static/NOTICE").text
    assert "htmx.org" in notice and "vega-embed" in notice and "BSD-3-Clause" in notice
