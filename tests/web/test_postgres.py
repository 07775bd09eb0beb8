"""Smoke run of the app on PostgreSQL: every fixture ingested, main pages and API answer."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from minutebook.testing.postgres import PostgresUnavailable, fresh_database, postgres_server
from web_helpers import check_page, ingest_fixtures


@pytest.fixture(scope="module")
def pg_client() -> Iterator[Any]:
    if os.environ.get("MINUTEBOOK_SKIP_PG") == "1":
        pytest.skip("MINUTEBOOK_SKIP_PG=1: PostgreSQL smoke run skipped")
    from fastapi.testclient import TestClient

    from minutebook.web.app import create_app

    try:
        with postgres_server() as server, fresh_database(server) as url:
            ingest_fixtures(url)
            app = create_app(url)
            with TestClient(app) as c:
                yield c
            app.state.engine.dispose()
    except PostgresUnavailable as exc:
        pytest.fail(f"PostgreSQL is required for the web smoke run: {exc}", pytrace=False)


def test_pages_and_api_on_postgres(pg_client: Any) -> None:
    for path in ("/api/v1/councils", "/api/v1/committees", "/api/v1/meetings", "/api/v1/actions?status=open",
                 "/api/v1/kpis", "/api/v1/work-programme", "/api/v1/search?q=council"):
        r = pg_client.get(path)
        assert r.status_code == 200, (path, r.text[:300])
    meetings = pg_client.get("/api/v1/meetings", params={"limit": 500}).json()["items"]
    assert meetings
    urls = ["/", "/actions", "/work-programme", "/kpis", "/search?q=council+tax", "/actions?q=brief"]
    urls += [f"/meetings/{m['id']}" for m in meetings] + [f"/committees/{m['committee_id']}" for m in meetings[:3]]
    kpis = pg_client.get("/api/v1/kpis").json()["items"]
    urls += [f"/kpis/{kpis[0]['id']}"]
    hit = pg_client.get("/api/v1/search", params={"q": "council tax"}).json()["items"][0]
    urls.append(hit["source_url"].split("#")[0])
    for url in urls:
        r = pg_client.get(url)
        assert r.status_code == 200, (url, r.text[:300])
        check_page(r.text)


def test_sql_side_filters_and_paging_on_postgres(pg_client: Any) -> None:
    """The SQL the read side now runs (window over status events, IS NOT DISTINCT FROM, paging)
    answers on PostgreSQL as on SQLite: filters agree with the unfiltered lists."""
    api = "/api/v1"
    every = pg_client.get(api + "/actions", params={"limit": 500}).json()
    states = {s: pg_client.get(api + "/actions", params={"status": s, "limit": 500}).json() for s in ("open", "done")}
    assert states["open"]["total"] + states["done"]["total"] == every["total"]
    for s, page in states.items():
        assert {a["id"] for a in page["items"]} == {a["id"] for a in every["items"] if a["state"] == s}
    kpis = pg_client.get(api + "/kpis", params={"limit": 500}).json()["items"]
    for k in kpis:
        assert pg_client.get(f"{api}/kpis/{k['id']}").json() == k
    for m in pg_client.get(api + "/meetings", params={"limit": 500}).json()["items"]:
        at = pg_client.get(api + "/kpis", params={"meeting": m["id"], "limit": 500}).json()["items"]
        assert [k["id"] for k in at] == [k["id"] for k in kpis
                                         if any(o["meeting_id"] == m["id"] for o in k["observations"])]
        acts = pg_client.get(api + "/actions", params={"meeting": m["id"], "limit": 500}).json()["items"]
        assert [a["id"] for a in acts] == [a["id"] for a in every["items"] if a["meeting_id"] == m["id"]
                                           or any(h["meeting_id"] == m["id"] for h in a["history"])]
    two = pg_client.get(api + "/actions", params={"limit": 2, "offset": 2}).json()
    assert [a["id"] for a in two["items"]] == [a["id"] for a in every["items"][2:4]] and two["prev"]
