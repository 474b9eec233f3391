"""The REST API's read endpoints (sitrep.api), on SQLite and PostgreSQL stores with fixture events."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api_client import TOKEN, TestClient, client_for
from serve_fixtures import fill_fixture, fixture_events, fixture_items
from sitrep.export import ACLED_COLUMNS, ACLED_EXTRA_COLUMNS
from sitrep.store import Store, open_store


@pytest.fixture(scope="module")
def client(module_store_url: str) -> Iterator[TestClient]:
    """A client over one store with the fixture events, shared by the read-only tests below."""
    with open_store(module_store_url) as store:
        fill_fixture(store)
        yield client_for(store)


def event_ids(client: TestClient, query: str = "", **params: Any) -> list[str]:
    response = client.get(f"/api/events?{query}", params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    return [e["event_id"] for e in response.json()["events"]]


def test_health_dashboard_and_offline_docs(client: TestClient) -> None:
    assert client.get("/api/health").json()["status"] == "ok"
    page = client.get("/")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "https://" not in docs.text and "http://" not in docs.text  # nothing from a CDN
    for path in (
        "/static/vendor/swagger-ui/swagger-ui-bundle.js",
        "/static/vendor/swagger-ui/swagger-ui.css",
    ):
        assert client.get(path).status_code == 200
    spec = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/events/{key}", "/api/stats", "/api/ingest", "/api/articles/{key}"} <= set(
        spec["paths"]
    )


def test_events_page_newest_first_with_all_fields(client: TestClient) -> None:
    body = client.get("/api/events").json()
    dates = [e["event_date"] for e in body["events"]]
    assert len(dates) == len(fixture_events()) and dates == sorted(dates, reverse=True)
    first = body["events"][0]
    assert first["event_id"] == "nairobi-protest-0" and first["evidence"][0]["field"] == "sub_event_type"
    assert body["next_cursor"] is None and body["sort"] == "-event_date"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "ukraine"}, ["kherson-drone-0", "kharkiv-shelling-0"]),
        ({"country": "ukr"}, ["kherson-drone-0", "kharkiv-shelling-0"]),
        ({"country": "Democratic Republic of Congo"}, ["goma-clashes-0"]),
        ({"admin1": "north darfur"}, ["el-fasher-clashes-0"]),
        ({"event_type": "battles"}, ["el-fasher-clashes-0", "goma-clashes-0"]),
        ({"sub_event_type": "Air/drone strike"}, ["kherson-drone-0", "sagaing-airstrike-0"]),
        ({"actor": "rapid support"}, ["el-fasher-clashes-0"]),
        ({"min_fatalities": 7}, ["el-fasher-clashes-0", "sagaing-airstrike-0", "zamfara-raid-0"]),
        ({"since": "2024-05-01", "until": "2024-05-31"}, ["kherson-drone-0", "kharkiv-shelling-0"]),
        ({"bbox": "20,-5,40,15"}, ["el-fasher-clashes-0", "goma-clashes-0", "nairobi-protest-0"]),
        ({"q": "abducted WOMEN"}, ["zamfara-raid-1"]),
        ({"q": "artillery"}, ["kharkiv-shelling-0"]),
        ({"q": "shell*"}, ["kharkiv-shelling-0"]),
        ({"q": "shell"}, []),
        ({"article_id": "zamfara-raid"}, ["zamfara-raid-1", "zamfara-raid-0"]),
        ({"country": "ukraine", "sub_event_type": "air/drone strike"}, ["kherson-drone-0"]),
        ({"country": "Atlantis"}, []),
    ],
)
def test_event_filters(client: TestClient, params: dict[str, Any], expected: list[str]) -> None:
    assert sorted(event_ids(client, **params)) == sorted(expected)


def test_cursor_pages_and_sorting(client: TestClient) -> None:
    seen: list[dict[str, Any]] = []
    cursor = None
    while True:
        params = {"sort": "-fatalities", "limit": 2, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/events", params=params).json()
        seen.extend(body["events"])
        cursor = body["next_cursor"]
        if cursor is None:
            break
    fatalities = [e["fatalities"] for e in seen]
    assert len(seen) == len(fixture_events()) and fatalities == sorted(fatalities, reverse=True)
    assert (
        client.get("/api/events", params={"sort": "fatalities", "cursor": cursor or "x"}).status_code == 400
    )


def test_acled_csv_export(client: TestClient) -> None:
    response = client.get("/api/events", params={"format": "csv", "country": "UKR"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == list(ACLED_COLUMNS + ACLED_EXTRA_COLUMNS)
    assert {r["event_id_cnty"] for r in rows} == {"kherson-drone-0", "kharkiv-shelling-0"}
    assert {r["iso"] for r in rows} == {"804"} and {r["region"] for r in rows} == {"Europe"}


def test_geojson_and_jsonl_exports(client: TestClient) -> None:
    geo = client.get("/api/events", params={"format": "geojson"})
    collection = geo.json()
    assert geo.headers["content-type"].startswith("application/geo+json")
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == len(fixture_events())
    kharkiv = next(f for f in collection["features"] if f["id"] == "kharkiv-shelling-0")
    assert kharkiv["geometry"]["coordinates"] == [36.2304, 49.9935]
    assert len(kharkiv["properties"]["claims"]) == 2
    lines = client.get("/api/events", params={"format": "jsonl", "limit": 3}).text.splitlines()
    assert len(lines) == 3 and all(json.loads(line)["event_id"] for line in lines)
    assert client.get("/api/events", params={"format": "csv", "cursor": "abc"}).status_code == 400


def test_event_detail_highlights_evidence_in_passages(client: TestClient) -> None:
    article, events = fixture_items()[0]
    key = f"{article.content_hash}:0"
    body = client.get(f"/api/events/{key}").json()
    assert body["event"]["event_id"] == events[0].event_id and body["event"]["id"] == key
    assert body["article"]["url"] == article.url and len(body["claims"]) == 2
    highlighted = {
        passage["text"][span["start"] : span["end"]]
        for passage in body["passages"]
        for span in passage["spans"]
    }
    assert {"shelled", "Russian artillery", "killing four civilians", "put the toll at five"} <= highlighted
    assert all(article.text[p["start"] : p["end"]] == p["text"] for p in body["passages"])
    assert body["passages"][0]["zone"] == "body"
    assert client.get("/api/events/0000000000000000:0").status_code == 404


def test_article_by_id_or_hash(client: TestClient) -> None:
    article, events = fixture_items()[2]
    for key in (article.id, article.content_hash):
        body = client.get(f"/api/articles/{key}").json()
        assert body["text"] == article.text and body["title"] == article.title
        assert body["events"] == [f"{article.content_hash}:{n}" for n in range(len(events))]
        assert body["zones"][0] == {"kind": "headline", "start": 0, "end": len(article.title or "")}
    assert client.get("/api/articles/nope").status_code == 404


def test_stats(client: TestClient) -> None:
    body = client.get("/api/stats", params={"interval": "month"}).json()
    events = fixture_events()
    assert body["events"] == len(events) and body["fatalities"] == sum(e.fatalities for e in events)
    assert body["articles"] == len(fixture_items()) and body["source"] == "summary"
    assert [b["period"] for b in body["timeline"]["buckets"]][:2] == ["2024-01-01", "2024-02-01"]
    assert body["by_country"][0] == {"iso3": "NGA", "country": "Nigeria", "events": 2, "fatalities": 7}
    assert {"actor": "Military Forces of Russia (2000-)", "events": 2, "fatalities": 5} in body["top_actors"]
    narrowed = client.get("/api/stats", params={"actor": "russia"}).json()
    assert (narrowed["events"], narrowed["source"]) == (2, "events")
    assert client.get("/api/stats", params={"interval": "hour"}).status_code == 400


def test_points(client: TestClient) -> None:
    body = client.get("/api/points").json()
    assert len(body["points"]) == len(fixture_events()) and not body["truncated"]
    lon, lat, kind, fatalities, key = body["points"][0]
    assert body["types"][kind] == "Protests" and (lon, lat, fatalities) == (36.8167, -1.2833, 0)
    assert client.get(f"/api/events/{key}").json()["event"]["event_id"] == "nairobi-protest-0"
    assert client.get("/api/points", params={"limit": 2}).json()["truncated"]


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("contry=UKR", "contry"),
        ("since=2024-02-30", "since"),
        ("until=yesterday", "until"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=0,50,10,40", "bbox"),
        ("bbox=a,b,c,d", "bbox"),
        ("limit=0", "limit"),
        ("limit=5000", "limit"),
        ("min_fatalities=-1", "min_fatalities"),
        ("format=xml", "format"),
        ("sort=notes", "sort"),
        ("cursor=%00%01", "cursor"),
        ("country=" + "x" * 500, "country"),
    ],
)
def test_bad_parameters_are_400_with_a_reason(client: TestClient, query: str, reason: str) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 400, response.text
    assert reason in response.json()["detail"] + response.json().get("where", "")


INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE events; --",
    'x" OR ""="',
    "%' --",
    "') UNION SELECT * FROM articles --",
]
TEXT_FILTERS = ("country", "admin1", "event_type", "sub_event_type", "actor", "q", "article_id")


@pytest.mark.parametrize("payload", INJECTIONS)
def test_sql_injection_through_every_filter(client: TestClient, payload: str) -> None:
    for name in TEXT_FILTERS:
        for path in ("/api/events", "/api/stats", "/api/points"):
            response = client.get(path, params={name: payload})
            assert response.status_code == 200, (name, path, response.text)
            body = response.json()
            assert body.get("events") in ([], 0) or body.get("points") == [], (name, path)
        assert client.get("/api/events", params={name: payload, "format": "csv"}).text.count("\n") == 1
    for name in ("since", "until", "min_fatalities", "bbox", "sort", "cursor", "interval"):
        path = "/api/stats" if name == "interval" else "/api/events"
        assert client.get(path, params={name: payload}).status_code == 400, name
    for path in ("/api/events/", "/api/articles/"):
        assert client.get(path + payload.replace("/", "")).status_code == 404
    assert len(event_ids(client)) == len(fixture_events())  # nothing was dropped or changed


def test_read_endpoints_behind_the_token(store: Store) -> None:
    fill_fixture(store)
    client = client_for(store, token=TOKEN, protect_reads=True)
    assert client.get("/api/events").status_code == 401
    assert (
        client.get("/api/events", headers={"Authorization": "Bearer wrong-token-000000000"}).status_code
        == 403
    )
    assert client.get("/api/stats", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert client.get("/api/events", headers={"X-Sitrep-Token": TOKEN}).status_code == 200
    client.cookies.set("sitrep_token", TOKEN)
    assert client.get("/api/points").status_code == 200
    assert client.get("/").status_code == 200 and client.get("/api/health").status_code == 200


def test_readme_documents_every_endpoint(client: TestClient) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Serve: REST API and dashboard", 1)[1].split("\n## ", 1)[0]
    for path, methods in ((p, m) for p, item in client.get("/api/openapi.json").json()["paths"].items()
                          for m in item):  # fmt: skip
        documented = path.replace("{key}", "{id}")
        assert f"`{methods.upper()} {documented}`" in section, (methods, path)
