"""The read side at scale: lists page in SQL, and a meeting's page costs the same number of SQL
statements however many unrelated packs and actions the database holds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event, select

API = "/api/v1"
FEW, MANY = 10, 50  # corpus packs: copies 0..FEW-1 (one of each fixture) are in both databases


def _corpus_db(folder: Path, packs: int) -> str:
    from minutebook.store.batch import ingest_paths
    from minutebook.store.db import open_db
    from minutebook.testing.corpus import generate_corpus

    generate_corpus(folder / "packs", packs)
    url = f"sqlite:///{folder / 'minutebook.db'}"
    engine = open_db(url)
    try:
        report = ingest_paths(engine, [folder / "packs"], workers=2)
    finally:
        engine.dispose()
    assert not [o for o in report.outcomes if o.status == "failed"]
    return url


@pytest.fixture(scope="module")
def dbs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return {"few": _corpus_db(tmp_path_factory.mktemp("few"), FEW),
            "many": _corpus_db(tmp_path_factory.mktemp("many"), MANY)}


@pytest.fixture(scope="module")
def big(dbs: dict[str, str]) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from minutebook.web.app import create_app

    with TestClient(create_app(dbs["many"])) as c:
        yield c


@contextmanager
def counting(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements run on `engine` inside the block."""
    seen: list[str] = []

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def _busy_meeting(url: str, file_name: str | None = None) -> tuple[int, str]:
    """The meeting whose pack reports the most actions (or the meeting of `file_name`'s pack)."""
    from sqlalchemy import func

    from minutebook.store.schema import Pack
    from minutebook.store.schema_items import ActionStatusEvent

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            q = (select(Pack.meeting_id, Pack.file_name).join(ActionStatusEvent, ActionStatusEvent.pack_id == Pack.id)
                 .group_by(Pack.meeting_id, Pack.file_name).order_by(func.count().desc(), Pack.file_name))
            if file_name is not None:
                q = q.where(Pack.file_name == file_name)
            row = conn.execute(q.limit(1)).one()
    finally:
        engine.dispose()
    return int(row[0]), str(row[1])


@pytest.mark.parametrize("path", ["/meetings/{m}", API + "/meetings/{m}", API + "/actions?meeting={m}",
                                  "/actions?meeting={m}", API + "/kpis?meeting={m}"])
def test_meeting_queries_do_not_grow_with_unrelated_actions(dbs: dict[str, str], path: str) -> None:
    from fastapi.testclient import TestClient

    from minutebook.web.app import create_app

    counts, bodies = {}, {}
    _, busiest = _busy_meeting(dbs["few"])  # a pack of the few, so in both databases
    for size, url in dbs.items():
        app = create_app(url)
        with TestClient(app) as c:
            target = path.format(m=_busy_meeting(url, busiest)[0])
            c.get(target)  # warm: first-request work (migrations check, caches) is not the page's
            with counting(app.state.engine) as seen:
                r = c.get(target)
            assert r.status_code == 200, (target, r.text[:300])
            counts[size], bodies[size] = len(seen), r.text
    assert counts["few"] == counts["many"], counts
    assert counts["many"] <= 30, counts  # a handful per section, 4 per minutes printed


def test_big_db_has_more_actions_than_a_page(big: Any) -> None:
    assert big.get(API + "/actions", params={"limit": 1}).json()["total"] > 120


def _walk_api(client: Any, **params: Any) -> tuple[list[int], int]:
    first = client.get(API + "/actions", params={**params, "limit": 37}).json()
    ids, page, pages = [a["id"] for a in first["items"]], first, 1
    while page["next"]:
        page = client.get(page["next"]).json()
        assert page["total"] == first["total"] and page["prev"]
        ids += [a["id"] for a in page["items"]]
        pages += 1
    assert len(ids) == len(set(ids)) == first["total"], "pages overlap or miss rows"
    assert pages == -(-first["total"] // 37)
    return ids, first["total"]


@pytest.mark.parametrize("params", [{}, {"status": "open"}, {"status": "done"}, {"q": "report"}])
def test_api_actions_page_through_every_row(big: Any, params: dict[str, str]) -> None:
    ids, total = _walk_api(big, **params)
    assert ids == sorted(ids)
    whole = big.get(API + "/actions", params={**params, "limit": 500}).json()
    assert [a["id"] for a in whole["items"]] == ids and whole["total"] == total
    if "status" in params:
        assert all(a["state"] == params["status"] for a in whole["items"])


def test_api_open_and_done_partition_the_actions(big: Any) -> None:
    total = big.get(API + "/actions", params={"limit": 1}).json()["total"]
    both = sum(big.get(API + "/actions", params={"limit": 1, "status": s}).json()["total"] for s in ("open", "done"))
    assert both == total


def test_api_offset_past_the_end_is_empty_with_total(big: Any) -> None:
    r = big.get(API + "/meetings", params={"limit": 10, "offset": 100000}).json()
    assert r["items"] == [] and r["total"] > 10 and r["next"] is None and r["prev"]


def _tracker_ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<li class="action" id="action-(\d+)"', html)]


def test_tracker_pages_with_accessible_links(big: Any) -> None:
    from web_helpers import check_page

    total = big.get(API + "/actions", params={"limit": 1, "status": "open"}).json()["total"]
    assert total > 50
    url, seen, pages = "/actions?status=open", [], 0
    while url:
        r = big.get(url)
        assert r.status_code == 200
        check_page(r.text)
        ids = _tracker_ids(r.text)
        assert 0 < len(ids) <= 50
        seen += ids
        pages += 1
        nav = re.search(r'<nav aria-label="Action tracker pages" class="pager">(.*?)</nav>', r.text, re.S)
        assert nav, "a paged list has labelled page links"
        assert f'aria-current="page">Page {pages} of ' in nav.group(1)
        nxt = re.search(r'rel="next" href="([^"]+)"', nav.group(1))
        url = nxt.group(1).replace("&amp;", "&") if nxt else ""
        if url:
            assert "status=open" in url and f"page={pages + 1}" in url, "filters survive paging"
    assert len(seen) == len(set(seen)) == total
    assert f"<strong>{total}</strong> actions (open)" in big.get("/actions?status=open").text


def test_tracker_page_number_is_validated(big: Any) -> None:
    assert big.get("/actions?page=0").status_code == 422
    assert big.get("/actions?page=x").status_code == 422
    last = big.get("/actions?page=100000")
    assert last.status_code == 200 and _tracker_ids(last.text) == []


def test_kpi_list_and_committees_page(big: Any) -> None:
    total = big.get(API + "/kpis", params={"limit": 1}).json()["total"]
    html = big.get("/kpis").text
    assert f"<strong>{total}</strong> indicator" in html
    if total > 50:
        assert 'aria-label="Indicator pages"' in html and "/kpis?page=2" in html
    committees = big.get(API + "/committees", params={"limit": 1}).json()["total"]
    home = big.get("/").text
    assert home.count('<li><a href="/committees/') == min(committees, 30)
    if committees > 30:
        assert f"All {committees} committees" in home
    listed = re.findall(r'<li><a href="/committees/(\d+)"', big.get("/committees").text)
    assert len(listed) == min(committees, 50)


def test_work_programme_pages_keep_the_api_order(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The HTML timeline pages through the committees in the API's order (one a page here: the
    fixtures have two programmes, the corpus one)."""
    from minutebook.web import routes_pages

    monkeypatch.setattr(routes_pages, "WP_PAGE", 1)
    order = [p["committee_id"] for p in client.get(API + "/work-programme?limit=500").json()["items"]]
    assert len(order) > 1
    url, seen = "/work-programme", []
    while url:
        html = client.get(url).text
        seen += [int(i) for i in re.findall(r'<h2 id="wp-\d+"><a href="/committees/(\d+)"', html)]
        nxt = re.search(r'aria-label="Work programme pages".*?rel="next" href="([^"]+)"', html, re.S)
        url = nxt.group(1).replace("&amp;", "&") if nxt else ""
    assert seen == [c for c in order if c is not None]


def test_state_filter_merges_officer_updates(dbs: dict[str, str], tmp_path: Path) -> None:
    """Officer updates decide the state when newest (closed => done, else the regex), in SQL
    (state_where) and in the Python fallback (ids_in_state) alike."""
    import datetime as dt
    import shutil

    from fastapi.testclient import TestClient
    from sqlalchemy.orm import Session

    from minutebook.store.schema import ActionUpdate
    from minutebook.web import queries_items as QI
    from minutebook.web.app import create_app

    path = tmp_path / "officer.db"
    shutil.copy(dbs["few"].removeprefix("sqlite:///"), path)
    url = f"sqlite:///{path}"
    engine = create_engine(url)
    with Session(engine) as s:
        rows = QI.actions(s)
        open_, done = [a for a in rows if a["state"] == "open"], [a for a in rows if a["state"] == "done"]
        assert len(open_) >= 3 and len(done) >= 2
        now = dt.datetime(2100, 1, 1)
        s.add_all([ActionUpdate(action_id=open_[0]["id"], at=now, status="On track", closed=True),
                   ActionUpdate(action_id=open_[1]["id"], at=now, status="Briefing sent", closed=False),
                   ActionUpdate(action_id=open_[2]["id"], at=dt.datetime(1900, 1, 1), status="Completed", closed=True),
                   ActionUpdate(action_id=done[0]["id"], at=now, status="Reopened: due in May", closed=False),
                   ActionUpdate(action_id=done[1]["id"], at=now, status="Still open", closed=False),
                   ActionUpdate(action_id=done[1]["id"], at=now, status="Done", closed=False)])
        s.commit()
        expect = {st: [a["id"] for a in QI.actions(s) if a["state"] == st] for st in ("open", "done")}
        assert open_[0]["id"] in expect["done"] and open_[1]["id"] in expect["done"]
        assert open_[2]["id"] in expect["open"], "an update older than the printed status does not win"
        assert done[0]["id"] in expect["open"] and done[1]["id"] in expect["done"], "the newest update wins"
        for st, ids in expect.items():
            assert QI.ids_in_state(s, [], st) == ids
            assert [a["id"] for a in QI.actions_page(s, state=st)[0]] == ids
    engine.dispose()
    with TestClient(create_app(url)) as c:
        for st, ids in expect.items():
            page = c.get(API + "/actions", params={"status": st, "limit": 7, "offset": 7}).json()
            assert page["total"] == len(ids) and [a["id"] for a in page["items"]] == ids[7:14]
