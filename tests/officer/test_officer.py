"""Permissions, CSRF, audit, corrections over re-ingest, and the report (DOCX/PDF/HTML, round trip)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy import select

from officer_helpers import PACK, csrf_of, make_db, sign_in
from minutebook.cli import cli
from minutebook.store.db import open_db, sessions
from minutebook.store.ingest import ingest
from minutebook.store.executors import parse_file
from minutebook.store.schema import AuditEvent, Correction
from minutebook.store.schema_items import Action, ActionStatusEvent
from minutebook.testing.fixtures import fixture_path
from minutebook.web.app import create_app


@pytest.fixture()
def db_url(tmp_path: Path) -> str:
    return make_db(tmp_path)


@pytest.fixture()
def client(db_url: str):  # type: ignore[no-untyped-def]
    with TestClient(create_app(db_url)) as c:
        yield c


def _an_action(db_url: str) -> int:
    eng = open_db(db_url)
    with sessions(eng)() as s:
        aid = s.scalars(select(Action.id).order_by(Action.id)).first()
    eng.dispose()
    assert aid is not None
    return aid


def test_anonymous_writes_are_refused(client: TestClient, db_url: str) -> None:
    aid = _an_action(db_url)
    assert client.post(f"/actions/{aid}/status", data={"status": "x", "csrf_token": "x"}).status_code == 401
    assert client.post(f"/api/v1/actions/{aid}/updates", json={"status": "x"}).status_code == 401
    assert client.post("/api/v1/actions/1/updates", json={"status": "x"},
                       headers={"Authorization": "Bearer nope"}).status_code == 401
    r = client.get(f"/actions/{aid}/edit", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/sign-in")
    assert client.get(f"/actions/{aid}").status_code == 200  # reading stays public


def test_wrong_password_and_login_csrf(client: TestClient) -> None:
    page = client.get("/sign-in")
    bad = client.post("/sign-in", data={"name": "olive", "password": "wrong password", "csrf_token": csrf_of(page.text)})
    assert bad.status_code == 401 and 'role="alert"' in bad.text
    forged = client.post("/sign-in", data={"name": "olive", "password": "x", "csrf_token": "forged"})
    assert forged.status_code == 403


def test_officer_update_with_csrf_is_audited(client: TestClient, db_url: str) -> None:
    aid = _an_action(db_url)
    sign_in(client)
    cookie = client.cookies.get("mb_session")
    assert cookie
    page = client.get(f"/actions/{aid}/edit")
    assert page.status_code == 200
    token = csrf_of(page.text)
    # the session cookie alone is not enough: no token, or a wrong one, is a 403
    assert client.post(f"/actions/{aid}/status", data={"status": "On track"}).status_code == 403
    assert client.post(f"/actions/{aid}/status", data={"status": "On track", "csrf_token": "x" + token}).status_code == 403
    ok = client.post(f"/actions/{aid}/status", data={"status": "Report due in March", "csrf_token": token},
                     follow_redirects=False)
    assert ok.status_code == 303
    hist = client.get(f"/actions/{aid}/changes").text
    assert "Report due in March" in hist and "olive" in hist
    closed = client.post(f"/actions/{aid}/close", data={"evidence": "Minutes of 29 March", "csrf_token": token},
                         follow_redirects=False)
    assert closed.status_code == 303
    audit = client.get("/api/v1/audit", params={"entity": "action", "entity_id": aid}).json()
    assert [a["verb"] for a in audit] == ["status", "close"]
    assert audit[0]["user"] == "olive" and audit[0]["after"]["status"] == "Report due in March"
    assert audit[1]["before"]["status"] == "Report due in March" and audit[1]["after"]["closed"] is True
    # the API on the cookie needs the header token too
    assert client.post(f"/api/v1/actions/{aid}/updates", json={"status": "x"}).status_code == 403
    assert client.post(f"/api/v1/actions/{aid}/updates", json={"status": "Again"},
                       headers={"X-CSRF-Token": token}).status_code == 201


def test_api_token_and_header_set_cookie_flags(client: TestClient, db_url: str) -> None:
    page = client.get("/sign-in")
    r = client.post("/sign-in", data={"name": "olive", "password": "correct horse battery",
                                      "csrf_token": csrf_of(page.text)}, follow_redirects=False)
    flags = r.headers["set-cookie"].lower()
    assert "httponly" in flags and "samesite=lax" in flags
    result = CliRunner().invoke(cli, ["user", "token", "olive", "--db", db_url])
    assert result.exit_code == 0, result.output
    token = result.output.strip().splitlines()[-1]
    anon = TestClient(client.app)
    eng = open_db(db_url)
    with sessions(eng)() as s:
        meeting_id = s.scalars(select(Action.meeting_id).where(Action.meeting_id.is_not(None))).first()
    eng.dispose()
    made = anon.post("/api/v1/actions", json={"meeting_id": meeting_id, "text": "Officer to write to the CCG.",
                                              "item": "7", "owner": "Olive", "due": "2017-03-01"},
                     headers={"Authorization": f"Bearer {token}"})
    assert made.status_code == 201, made.text
    assert anon.get(f"/api/v1/audit?entity=action&entity_id={made.json()['id']}").json()[0]["verb"] == "add"


def test_user_add_cli_hashes_with_argon2(db_url: str) -> None:
    r = CliRunner().invoke(cli, ["user", "add", "ada", "--role", "admin", "--password", "long enough pw", "--db", db_url])
    assert r.exit_code == 0, r.output
    from minutebook.store.schema import AppUser

    eng = open_db(db_url)
    with sessions(eng)() as s:
        u = s.scalars(select(AppUser).where(AppUser.name == "ada")).one()
        assert u.role == "admin" and u.password_hash.startswith("$argon2id$")
    eng.dispose()


def test_correction_survives_reingest(client: TestClient, db_url: str) -> None:
    eng = open_db(db_url)
    with sessions(eng)() as s:
        ev = s.scalars(select(ActionStatusEvent).order_by(ActionStatusEvent.id)).first()
        assert ev is not None
        event_id, aid = ev.id, ev.action_id
    sign_in(client)
    token = csrf_of(client.get(f"/actions/{aid}/edit").text)
    r = client.post(f"/actions/{aid}/correct", data={"event_id": str(event_id), "text": ev.text,
                                                      "status": "Corrected status", "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    # a re-ingest with a newer extractor replaces every row of the pack: the correction is re-applied
    parsed = parse_file(str(fixture_path(PACK)))
    parsed.extractor_version += "+reingest"
    assert ingest(eng, [parsed]).outcomes[0].status == "updated"
    with sessions(eng)() as s:
        assert s.scalars(select(Correction)).one().fields["status"] == "Corrected status"
        statuses = s.scalars(select(ActionStatusEvent.status).where(ActionStatusEvent.action_id == aid)).all()
        assert "Corrected status" in statuses
        assert s.scalars(select(AuditEvent.verb).where(AuditEvent.entity_id == aid)).all() == ["correct"]
    eng.dispose()


def test_report_formats_open_and_round_trip(db_url: str, tmp_path: Path) -> None:
    import docx

    from minutebook.extract import extract
    from minutebook.report.data import build_report, find_committee

    outs = {}
    for fmt in ("docx", "pdf", "html"):
        out = tmp_path / f"wp.{fmt}"
        r = CliRunner().invoke(cli, ["report", "work-programme", "--committee", "Adults, Health", "--meeting",
                                     "2017-02-01", "--format", fmt, "-o", str(out), "--db", db_url])
        assert r.exit_code == 0, r.output
        outs[fmt] = out
    d = docx.Document(str(outs["docx"]))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Work Programme and Action Tracker" in text and "Action Tracker" in text
    assert any("Agenda Item" in c.text for t in d.tables for c in t.rows[0].cells)
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(outs["pdf"]), str(tmp_path / "p")],
                   check=True)
    png = next(tmp_path.glob("p*.png"))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    eng = open_db(db_url)
    with sessions(eng)() as s:
        import datetime as dt

        model = build_report(s, find_committee(s, "Adults, Health"), dt.date(2017, 2, 1))
    eng.dispose()
    rec = extract(outs["pdf"]).model_dump()
    want_actions = [(g.meeting_date.isoformat(), a.item, a.item_title, a.text, a.status)
                    for g in model.tracker for a in g.actions]
    got_actions = [(a["meeting_date"], a["item"], a["item_title"], a["text"], a["status"]) for a in rec["actions"]]
    assert sorted(got_actions, key=str) == sorted(want_actions, key=str)
    from minutebook.link.normalise import norm_text

    # titles compared as the linker compares them: a title printed as "Fund- requested" wraps
    # and reads back as "Fund requested"
    want_wp = [(r.date.isoformat() if r.date else None,
                [(norm_text(i.title), i.objective, i.represented_by) for i in r.items]) for r in model.rounds
               if r.date]  # a round is read back by its dated heading; "other events" have none
    got_wp = [(r["date"], [(norm_text(i["title"]), i["objective"], i["represented_by"]) for i in r["items"]])
              for r in rec["work_programme"]]
    assert got_wp == want_wp


def test_report_button_downloads(client: TestClient) -> None:
    r = client.get("/committees/1/report", params={"meeting": "2017-02-01", "format": "docx"})
    assert r.status_code == 200 and r.content[:2] == b"PK"
    assert "attachment" in r.headers["content-disposition"]
    assert client.get("/committees/1/report", params={"meeting": "nope"}).status_code == 422


def test_officer_updates_show_in_the_public_views(client: TestClient, db_url: str) -> None:
    """An officer's status update and closing join the printed history everywhere it is read:
    the action page, the tracker's open/done filter and the JSON API."""
    aid = _an_action(db_url)
    before = client.get(f"/api/v1/actions/{aid}").json()
    sign_in(client)
    token = csrf_of(client.get(f"/actions/{aid}/edit").text)
    client.post(f"/actions/{aid}/status", data={"status": "Briefing due in April", "csrf_token": token})
    after = client.get(f"/api/v1/actions/{aid}").json()
    assert after["status"] == "Briefing due in April"
    assert len(after["history"]) == len(before["history"]) + 1
    assert after["history"][-1]["origin"] == "officer" and after["history"][-1]["by"] == "olive"
    assert "Briefing due in April" in client.get(f"/actions/{aid}").text
    client.post(f"/actions/{aid}/close", data={"evidence": "Circulated to Members", "csrf_token": token})
    assert client.get(f"/api/v1/actions/{aid}").json()["state"] == "done"
    open_ids = {a["id"] for a in client.get("/api/v1/actions", params={"status": "open", "limit": 500}).json()["items"]}
    assert aid not in open_ids
