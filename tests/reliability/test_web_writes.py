"""Writes need a session and its CSRF token; sign-in attempts are rate limited per address.

Against the real app (issue 7's accounts and forms): every POST form and the JSON write API
without a session is refused and changes nothing; with a session but a missing or wrong CSRF
token it is refused too; the eleventh rapid sign-in attempt from one address gets a 429.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from minutebook.store.batch import ingest_paths
from minutebook.store.db import open_db, sessions
from minutebook.store.schema_items import Action
from minutebook.testing.fixtures import fixture_path
from minutebook.web.app import create_app
from minutebook.web.auth import create_user
from minutebook.web.security import SIGN_IN_BURST, SIGN_IN_EVERY

from reliability_helpers import snapshot

PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture()
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'mb.db'}"
    engine = open_db(url)
    assert ingest_paths(engine, [fixture_path("westminster-ahpp-2017-02-01")], workers=1).ok
    with sessions(engine).begin() as s:
        create_user(s, "olive", PASSWORD, "officer")
    engine.dispose()
    return url


@pytest.fixture()
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def _ids(db: str) -> tuple[int, int]:
    engine = open_db(db)
    with engine.connect() as conn:
        action = conn.execute(select(Action.id).limit(1)).scalar_one()
        committee = conn.execute(select(Action.committee_id).limit(1)).scalar_one()
    engine.dispose()
    return action, committee


def _writes(db: str) -> list[tuple[str, dict[str, str]]]:
    action, committee = _ids(db)
    form = {"status": "completed", "note": "x", "evidence": "x", "text": "new", "title": "t", "field": "text",
            "value": "v", "reason": "r"}
    return [(f"/actions/{action}/status", form), (f"/actions/{action}/close", form),
            (f"/actions/{action}/correct", form), (f"/committees/{committee}/actions/new", form),
            (f"/committees/{committee}/work-programme/items", form), ("/account/tokens", form),
            ("/sign-out", form)]


def _sign_in(client: TestClient) -> str:
    page = client.get("/sign-in")
    r = client.post("/sign-in", data={"name": "olive", "password": PASSWORD, "csrf_token": CSRF.search(page.text)[1],
                                      "next": "/account"}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return CSRF.search(client.get("/account").text)[1]


def test_writes_without_a_session_are_refused(client: TestClient, db: str) -> None:
    engine = open_db(db)
    before = snapshot(engine)
    for url, form in _writes(db):
        r = client.post(url, data={**form, "csrf_token": "anything"}, follow_redirects=False)
        assert r.status_code in (303, 401, 403), (url, r.status_code)
        if r.status_code == 303 and url != "/sign-out":  # sent to sign in, not done (sign-out: nothing to end)
            assert r.headers["location"].startswith("/sign-in"), (url, r.headers["location"])
    r = client.post("/api/v1/actions", json={"meeting_id": 1, "text": "x"})
    assert r.status_code == 401
    assert snapshot(engine) == before
    engine.dispose()


def test_writes_with_a_bad_csrf_token_are_refused(client: TestClient, db: str) -> None:
    good = _sign_in(client)
    engine = open_db(db)
    before = {k: v for k, v in snapshot(engine).items() if k not in ("user_session", "app_user")}
    for url, form in _writes(db):
        for token in ("", "wrong", good[:-1] + ("A" if good[-1] != "A" else "B")):
            r = client.post(url, data={**form, "csrf_token": token}, follow_redirects=False)
            assert r.status_code in (400, 403), (url, token, r.status_code)
    after = {k: v for k, v in snapshot(engine).items() if k not in ("user_session", "app_user")}
    assert after == before
    engine.dispose()


def test_sign_in_is_rate_limited_per_address(client: TestClient) -> None:
    token = CSRF.search(client.get("/sign-in").text)[1]
    codes = []
    started = time.monotonic()
    for _ in range(SIGN_IN_BURST + 10):
        r = client.post("/sign-in", data={"name": "olive", "password": "wrong guess", "csrf_token": token},
                        follow_redirects=False)
        codes.append(r.status_code)
        found = CSRF.search(r.text)  # each sign-in page carries a fresh login token
        token = found[1] if found else token
    elapsed = time.monotonic() - started
    assert codes[:SIGN_IN_BURST] == [401] * SIGN_IN_BURST
    # each attempt hashes a password (argon2): on a loaded machine a token may refill meanwhile
    refilled = int(elapsed / SIGN_IN_EVERY) + 1
    assert codes.count(401) <= SIGN_IN_BURST + refilled, (codes, elapsed)
    assert codes[-1] == 429 and set(codes) == {401, 429}, codes
    r = client.post("/sign-in", data={"name": "olive", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1  # even the right password waits
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/").status_code == 200  # reading is not limited
