"""JSON API through the ASGI app, against a database holding every shared fixture."""

from __future__ import annotations

from typing import Any

import pytest

API = "/api/v1"


def get(client: Any, path: str, expect: int = 200, **params: Any) -> Any:
    r = client.get(API + path, params=params)
    assert r.status_code == expect, (path, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("application/json")
    return r.json()


def test_openapi_describes_every_resource(client: Any) -> None:
    doc = get(client, "/openapi.json")
    paths = set(doc["paths"])
    for p in ("/councils", "/committees", "/committees/{committee_id}", "/meetings", "/meetings/{meeting_id}",
              "/documents", "/agenda-items", "/minutes", "/minutes/{minutes_id}", "/actions", "/actions/{action_id}",
              "/work-programme", "/kpis", "/kpis/{kpi_id}", "/search"):
        assert API + p in paths, p
    # response models are named schemas, not bare objects
    ok = doc["paths"][API + "/actions"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["$ref"].endswith("Page_Action_")
    assert "StatusEvent" in doc["components"]["schemas"]
    assert "Error" in doc["components"]["schemas"]


def test_councils_and_committees(client: Any) -> None:
    councils = get(client, "/councils")
    names = {c["name"] for c in councils["items"]}
    assert {"Kent County Council", "City of Westminster"} <= names
    committees = get(client, "/committees")
    assert committees["total"] == len(committees["items"]) >= 5
    west = next(c for c in committees["items"] if c["council"] == "City of Westminster")
    one = get(client, f"/committees/{west['id']}")
    assert one == west
    only = get(client, "/committees", council=west["council_id"])
    assert [c["id"] for c in only["items"]] == [west["id"]]


def test_paging_has_total_and_links(client: Any) -> None:
    first = get(client, "/meetings", limit=5)
    assert first["total"] > 5 and len(first["items"]) == 5 and first["prev"] is None
    assert first["next"] and "offset=5" in first["next"]
    second = client.get(first["next"]).json()
    assert second["offset"] == 5 and second["prev"]
    seen = [m["id"] for m in first["items"]] + [m["id"] for m in second["items"]]
    assert len(seen) == len(set(seen)), "pages overlap"
    everything = get(client, "/meetings", limit=500)
    assert len(everything["items"]) == everything["total"] and everything["next"] is None


def test_meeting_detail_has_agenda_documents_minutes(client: Any) -> None:
    meetings = get(client, "/meetings", limit=500)["items"]
    details = [get(client, f"/meetings/{m['id']}") for m in meetings]
    with_agenda = [d for d in details if d["agenda"]]
    with_minutes = [d for d in details if d["minutes"]]
    assert with_agenda and with_minutes
    m = with_minutes[0]["minutes"][0]
    assert m["attendance"] and m["items"]
    for item in with_agenda[0]["agenda"]:
        assert item["source"]["pack_id"] == with_agenda[0]["pack_list"][0]["id"] or item["source"]["pack_id"]
    docs = get(client, "/documents", meeting=with_agenda[0]["id"])
    assert docs["total"] == len(with_agenda[0]["documents"])


def test_minutes_and_agenda_items(client: Any) -> None:
    minutes = get(client, "/minutes", limit=100)
    assert minutes["total"] >= 3
    full = get(client, f"/minutes/{minutes['items'][0]['id']}")
    assert {"attendance", "declarations", "items", "resolutions"} <= set(full)
    items = get(client, "/agenda-items", limit=500)
    assert items["total"] >= 20
    assert all(i["source"]["page"] or i["source"]["line"] for i in items["items"])


def test_actions_with_history_and_filters(client: Any) -> None:
    every = get(client, "/actions", limit=500)
    assert every["total"] >= 20
    assert all(a["history"] for a in every["items"]), "each stored action was reported by some pack"
    open_ = get(client, "/actions", status="open", limit=500)
    done = get(client, "/actions", status="done", limit=500)
    assert open_["total"] and done["total"]
    assert open_["total"] + done["total"] == every["total"]
    assert all(a["state"] == "open" for a in open_["items"])
    one = every["items"][0]
    assert get(client, f"/actions/{one['id']}") == one
    word = one["text"].split()[0]
    found = get(client, "/actions", q=word, limit=500)
    assert one["id"] in [a["id"] for a in found["items"]]
    by_meeting = get(client, "/actions", meeting=one["meeting_id"], limit=500) if one["meeting_id"] else None
    if by_meeting:
        assert one["id"] in [a["id"] for a in by_meeting["items"]]


def test_work_programme_rounds_and_items(client: Any) -> None:
    page = get(client, "/work-programme")
    programmes = page["items"]
    assert programmes and page["total"] >= len(programmes)
    rounds = [r for p in programmes for r in p["rounds"]]
    assert rounds and any(r["items"] for r in rounds)
    statuses = {e["status"] for r in rounds for e in r["items"]}
    assert statuses <= {"scheduled", "moved", "deferred", "taken"}


def test_work_programme_is_paged_by_committee(client: Any) -> None:
    """Like every list endpoint: limit/offset over committees, a total and next/prev links;
    ?committee= gives that committee's programme only."""
    whole = get(client, "/work-programme", limit=500)
    ids = [p["committee_id"] for p in whole["items"]]
    assert whole["total"] == len(ids) and whole["next"] is None
    first = get(client, "/work-programme", limit=1)
    assert [p["committee_id"] for p in first["items"]] == ids[:1]
    assert (first["next"] is not None) == (len(ids) > 1)
    if len(ids) > 1:
        second = get(client, "/work-programme", limit=1, offset=1)
        assert [p["committee_id"] for p in second["items"]] == ids[1:2] and second["prev"] is not None
    one = get(client, "/work-programme", committee=ids[0])
    assert one["total"] == 1 and one["items"] == whole["items"][:1]


def test_kpis_have_numbers_for_charts(client: Any) -> None:
    kpis = get(client, "/kpis", limit=500)
    assert kpis["total"] >= 10
    obs = [o for k in kpis["items"] for o in k["observations"]]
    assert any(o["actual_value"] is not None and o["target_value"] is not None for o in obs)
    assert any(o["rag"] for o in obs)
    k = kpis["items"][0]
    assert get(client, f"/kpis/{k['id']}") == k


def test_search_hits_link_to_their_source(client: Any) -> None:
    result = get(client, "/search", q="council tax")
    assert result["total"] > 0 and result["items"]
    hit = result["items"][0]
    assert "<mark>" in hit["snippet"]
    assert hit["source_url"].startswith(f"/packs/{hit['pack_id']}/source")
    assert set(result["facets"]) >= {"committee", "kind", "year"}
    page2 = get(client, "/search", q="council", limit=5, offset=5)
    assert page2["offset"] == 5 and page2["prev"]


@pytest.mark.parametrize("path,status", [
    ("/meetings/999999", 404), ("/actions/999999", 404), ("/kpis/999999", 404), ("/committees/999999", 404),
    ("/minutes/999999", 404), ("/no-such-thing", 404), ("/actions?status=maybe", 422), ("/meetings?limit=0", 422),
    ("/meetings/abc", 422), ("/search", 422),
])
def test_errors_are_json(client: Any, path: str, status: int) -> None:
    r = client.get(API + path)
    assert r.status_code == status
    body = r.json()
    assert body["error"]["status"] == status and body["error"]["message"]


def test_hostile_search_input_never_fails(client: Any) -> None:
    for q in ['"', "AND OR NOT", "*", "<script>alert(1)</script>", "council) OR (1=1", "'; DROP TABLE pack; --"]:
        r = client.get(API + "/search", params={"q": q})
        assert r.status_code == 200, (q, r.text[:200])
        # the query comes back as data; snippets are HTML and must hold no live markup but <mark>
        assert all("<script" not in h["snippet"] for h in r.json()["items"])
