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
