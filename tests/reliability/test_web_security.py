"""Web security on the real app: headers, hostile pack text shown inert, search input that
cannot break a query, and schemathesis over the OpenAPI document finding no server error."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutebook.testing.fixtures import fixture_path
from minutebook.web.app import create_app

from reliability_helpers import minutebook

HOSTILE = """Borough Council
Cabinet <script>alert('committee')</script>
AGENDA
Date: Wednesday 1st February 2017
1. Apologies <script>alert(1)</script> for absence
2. Report: <a href="javascript:alert(2)">click</a> javascript:alert(3)
3. Budget'; DROP TABLE pack; -- " OR 1=1 --
4. <img src=x onerror=alert(4)> Work programme <iframe src="//evil.example"></iframe>
MINUTES
Minutes of the meeting held on 23 November 2016
Present: Councillor <b onmouseover=alert(5)>Jane</b> Smith (Chair)
1. Minutes
RESOLVED - That the report </textarea><script>alert(6)</script> be noted.
"""
EXAMPLES = int(os.environ.get("MINUTEBOOK_SCHEMATHESIS_EXAMPLES", "40"))
NASTY_QUERIES = ["<script>alert(1)</script>", "' OR 1=1 --", '"', "'", "\\", "%", "_", "*", "NEAR(", "a AND",
                 "OR", "NOT", "(", ")", "\"unterminated", "col:value", "^", "-", "a\x00b", "😀" * 50, "؟",
                 "'); DROP TABLE pack; --", "x" * 500, "%s%s%s", "{{7*7}}", "${7*7}", "\u202e", "a" + " b" * 200]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("websec")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    url = f"sqlite:///{folder / 'mb.db'}"
    result = minutebook("ingest", hostile, fixture_path("westminster-ahpp-2017-02-01"),
                        fixture_path("kent-cabinet-2025-01-30-minutes"), "--db", url, "-q", "-j", "2")
    assert result.returncode == 0, result.stderr
    return url


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def test_security_headers_on_every_kind_of_response(client: TestClient) -> None:
    for url in ["/", "/api/v1/meetings", "/api/v1/openapi.json", "/static/htmx.min.js", "/no-such-page",
                "/api/v1/meetings/999999", "/search?q=budget"]:
        r = client.get(url)
        csp = r.headers.get("content-security-policy", "")
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp, url
        assert "'unsafe-eval'" not in csp and "script-src 'self' 'unsafe-inline'" not in csp
        assert r.headers["x-content-type-options"] == "nosniff", url
        assert r.headers["x-frame-options"] == "DENY", url
        assert r.headers.get_list("content-security-policy") == [csp], "one CSP header, not two"


def _pages(client: TestClient) -> list[str]:
    meetings = client.get("/api/v1/meetings?limit=500").json()["items"]
    urls = ["/", "/actions", "/work-programme", "/kpis", "/search?q=alert", "/search?q=script",
            "/search?q=DROP+TABLE", "/search.atom?q=alert"]
    urls += [f"/meetings/{m['id']}" for m in meetings]
    packs = {d["pack_id"] for d in client.get("/api/v1/documents?limit=500").json()["items"] if d.get("pack_id")}
    urls += [f"/packs/{p}/source" for p in packs]
    return urls


def test_hostile_pack_text_is_stored_and_shown_inert(client: TestClient) -> None:
    # the SQL fragment was stored as text: the tables are all still there
    assert client.get("/api/v1/meetings").status_code == 200
    seen_escaped = False
    for url in _pages(client):
        r = client.get(url)
        assert r.status_code == 200, url
        body = r.text
        # only our own scripts, all from /static: none from the pack's text
        for tag in re.findall(r"<script\b[^>]*>", body, flags=re.I):
            assert re.fullmatch(r'<script src="/static/[\w.-]+"( defer)?>', tag), (url, tag)
        assert not re.search(r"<(img|iframe|b)\b[^>]*\bon\w+=", body, flags=re.I), url
        # a real tag with a javascript: URL (escaped text like &lt;a href="javascript:..." is inert)
        assert not re.search(r"""<\w+\b[^<>]*\b(href|src|action)\s*=\s*["']?\s*javascript:""", body, flags=re.I), url
        assert "<iframe" not in body.lower(), url
        seen_escaped |= "&lt;script&gt;" in body
    assert seen_escaped, "the hostile text should be displayed (escaped), not dropped"
    api = client.get("/api/v1/search?q=alert").json()
    assert api["total"] >= 1  # stored and searchable as plain text


@pytest.mark.parametrize("q", NASTY_QUERIES)
def test_search_input_cannot_break_a_query(client: TestClient, q: str) -> None:
    for url in ("/api/v1/search", "/search", "/search.atom", "/api/v1/actions"):
        r = client.get(url, params={"q": q})
        assert r.status_code in (200, 422), (url, q, r.status_code, r.text[:300])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(min_size=1, max_size=200), committee=st.none() | st.text(max_size=30),
       kind=st.none() | st.text(max_size=20))
def test_search_any_text_never_a_server_error(client: TestClient, q: str, committee: str | None,
                                              kind: str | None) -> None:
    params = {"q": q, **({"committee": committee} if committee is not None else {}),
              **({"kind": kind} if kind is not None else {})}
    for url in ("/api/v1/search", "/search"):
        assert client.get(url, params=params).status_code in (200, 422)


@pytest.fixture(scope="module")
def api_schema(db: str) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(db))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {' | '.join(text.splitlines()[:6])[:400]}"


def test_api_schemathesis_finds_no_server_error(api_schema: schemathesis.BaseSchema) -> None:
    """Every operation in the OpenAPI document, driven by schemathesis' generated cases.

    schemathesis' pytest plugin does not load under pytest 9 (Function._nodeid), so each
    operation's strategy is driven by hypothesis here. A 5xx (or an exception escaping the
    app) anywhere fails the test; so does any other check failure (undocumented status,
    body not matching its schema...) on the read API; findings on the officer's write
    endpoints (issue 7, in progress) are printed for their owner rather than failed here.
    """
    server_errors: list[str] = []
    findings: dict[str, str] = {}
    calls = 0
    operations = [r.ok() for r in api_schema.get_all_operations()]
    for operation in operations:

        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=operation.as_strategy())
        def run(case: schemathesis.Case) -> None:
            nonlocal calls
            calls += 1
            try:
                response = case.call()
            except Exception as exc:  # noqa: BLE001 - the ASGI transport re-raises what the app raised
                server_errors.append(f"{operation.label}: {_first_line(exc)}")
                return
            if response.status_code >= 500:
                server_errors.append(f"{operation.label}: {response.status_code} {response.text[:300]}")
            try:
                case.validate_response(response)
            except (AssertionError, BaseExceptionGroup) as exc:
                findings.setdefault(operation.label, _first_line(exc))

        run()
    print(f"\nschemathesis: {calls} calls over {len(operations)} operations; {len(server_errors)} server errors; "
          f"{len(findings)} operations with other findings")
    for label, finding in findings.items():
        print(f"  finding: {label}: {finding}")
    assert server_errors == [], "\n".join(server_errors[:20])
    assert not {k: v for k, v in findings.items() if k.startswith("GET ")}, findings
