"""POST /api/ingest: token checks, size limit, malformed input, and the ingest itself."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from api_client import TOKEN, TestClient, client_for
from conftest import make_event
from sitrep.models import Event
from sitrep.pipeline import Pipeline, PipelineOptions
from sitrep.store import Store

AUTH = {"Authorization": f"Bearer {TOKEN}"}
LIMIT = 20_000


def coder(doc: object) -> list[Event]:
    """A stand-in event coder: one event per article, named after it."""
    article = doc.article  # type: ignore[attr-defined]
    return [make_event(article_id=article.id, event_id=f"{article.id}-e", notes=f"About {article.title}")]


def jsonl(*ids: str) -> bytes:
    rows = [
        {"id": i, "title": f"Report {i}", "published": "2024-05-14",
         "text": f"Report {i}. Gunmen attacked a village on Monday, killing three people, police said."}
        for i in ids
    ]  # fmt: skip
    return "\n".join(json.dumps(r) for r in rows).encode()


@pytest.fixture
def client(store: Store) -> TestClient:
    client = client_for(store, token=TOKEN, max_upload_bytes=LIMIT)
    client.app.state.pipeline = Pipeline(PipelineOptions(stages=("text",), coder="test_api_ingest:coder"))  # type: ignore[attr-defined]
    return client


def test_upload_files_then_reupload_adds_nothing(client: TestClient) -> None:
    files = [("files", ("a.jsonl", jsonl("a1", "a2"), "application/x-ndjson")),
             ("files", ("b.jsonl", jsonl("b1"), "application/x-ndjson"))]  # fmt: skip
    first = client.post("/api/ingest", files=files, headers=AUTH)
    assert first.status_code == 200, first.text
    body = first.json()
    assert (body["articles_read"], body["articles_new"], body["events_found"], body["status"]) == (
        3,
        3,
        3,
        "done",
    )
    assert len(body["events"]) == 3 and body["rejections"] == []
    event = client.get(f"/api/events/{body['events'][0]}").json()
    assert event["event"]["article_id"] == "a1"
    again = client.post("/api/ingest", files=files, headers=AUTH).json()
    assert (again["articles_new"], again["articles_known"], again["events_found"]) == (0, 3, 0)
    assert len(client.get("/api/events").json()["events"]) == 3


def test_raw_jsonl_body_with_a_bad_line(client: TestClient) -> None:
    data = jsonl("r1") + b"\n{not json\n"
    response = client.post(
        "/api/ingest", content=data, headers={**AUTH, "Content-Type": "application/x-ndjson"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["articles_new"] == 1 and body["rejected"] == 1
    assert body["rejections"][0]["path"] == "upload.jsonl" and body["rejections"][0]["record"] == "2"


def test_tokens(store: Store) -> None:
    closed = client_for(store)  # no token configured: writing disabled
    response = closed.post("/api/ingest", content=jsonl("x"), headers=AUTH)
    assert response.status_code == 403 and "SITREP_TOKEN" in response.json()["detail"]
    client = client_for(store, token=TOKEN)
    assert client.post("/api/ingest", content=jsonl("x")).status_code == 401
    assert client.post("/api/ingest", content=jsonl("x")).headers["www-authenticate"] == "Bearer"
    wrong = {"Authorization": "Bearer not-the-token-000000"}
    assert client.post("/api/ingest", content=jsonl("x"), headers=wrong).status_code == 403
    assert (
        client.post("/api/ingest", content=jsonl("x"), headers={"X-Sitrep-Token": "nope"}).status_code == 403
    )
    client.cookies.set("sitrep_token", TOKEN)  # a cookie never authorises a write
    assert client.post("/api/ingest", content=jsonl("x")).status_code == 401
    assert client.get("/api/stats").json()["events"] == 0


def test_oversized_uploads_are_413(client: TestClient) -> None:
    big = b"x" * (LIMIT + 1)
    declared = client.post("/api/ingest", content=big, headers=AUTH)
    assert declared.status_code == 413 and "limit" in declared.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(10):
            yield b"y" * (LIMIT // 4)

    streamed = client.post("/api/ingest", content=chunks(), headers=AUTH)
    assert streamed.status_code == 413
    files = [("files", ("big.txt", big, "text/plain"))]
    assert client.post("/api/ingest", files=files, headers=AUTH).status_code == 413


@pytest.mark.parametrize(
    ("content", "headers", "reason"),
    [
        (b"\x00\x01\x02\xff" * 500, {}, "binary"),
        (b"", {}, "empty"),
        (b"   \n\n  ", {"Content-Type": "text/plain"}, "blank"),
        (b"\x1f\x8b\x08\x00junk", {}, "compressed data ends early"),
        (b"--b\r\nContent-Disposition: form-data; name=\"files\"\r\n\r\nunterminated",
         {"Content-Type": "multipart/form-data; boundary=b"}, "multipart"),
        (b"--b--\r\n", {"Content-Type": "multipart/form-data; boundary=b"}, "no file"),
        (b"{\"text\": 1}\n[1, 2]\n", {"Content-Type": "application/x-ndjson"}, "nothing could be read"),
    ],
)  # fmt: skip
def test_malformed_uploads_are_400_with_a_reason(
    client: TestClient, content: bytes, headers: dict[str, str], reason: str
) -> None:
    response = client.post("/api/ingest", content=content, headers={**AUTH, **headers})
    assert response.status_code == 400, response.text
    assert reason in response.json()["detail"].lower()


def test_bad_query_parameters(client: TestClient) -> None:
    response = client.post("/api/ingest?published=2024-02-31", content=jsonl("q"), headers=AUTH)
    assert response.status_code == 400 and "published" in response.json()["detail"]
    response = client.post("/api/ingest?reader=pdf", content=jsonl("q"), headers=AUTH)
    assert response.status_code == 400 and "pdf" in response.json()["detail"]


@pytest.mark.slow
def test_the_real_pipeline_runs_on_an_upload(store: Store) -> None:
    client = client_for(store, token=TOKEN)
    text = (
        "Gunmen kill five in Zamfara village\n\n"
        "GUSAU, Nigeria - Gunmen attacked the village of Kanoma in Zamfara state on Monday, killing five "
        "people, police said on Tuesday.\n"
    )
    files = [("files", ("zamfara.txt", text.encode(), "text/plain"))]
    response = client.post("/api/ingest?published=2024-03-12", files=files, headers=AUTH)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["articles_new"], body["articles_failed"]) == (1, 0)
    for key in body["events"]:
        assert (
            client.get(f"/api/events/{key}").json()["article"]["title"]
            == "Gunmen kill five in Zamfara village"
        )
