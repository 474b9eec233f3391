"""``POST /api/ingest``: upload files (multipart, field ``files``) or one raw body (JSON Lines,
text, HTML, feed, WARC, CSV); the articles go through the same reader and pipeline as
``sitrep ingest`` and the summary comes back. Token required (see auth.py).

- 400: malformed multipart, no file, or nothing readable (every input rejected: reasons listed);
- 401/403: no token / wrong token or writing disabled; 413: body over the limit (limits.py).
One ingest runs at a time per server; the work runs in a worker thread.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException

from ..ingest import ReadOptions, read_bytes
from ..models import Article, Rejection
from ..pipeline import Pipeline, Result
from ..store import Store
from ..store import ingest as run_ingest
from ..store.derived import refresh_statistics
from . import auth, models
from .errors import ApiError
from .params import IngestQuery
from .routes import json_response, settings_of, store_of

MAX_FILES = 1000
MAX_LISTED = 1000  # rejections and event ids listed in the response
RAW_NAMES = {
    "application/x-ndjson": "upload.jsonl",
    "application/jsonl": "upload.jsonl",
    "application/json": "upload.json",
    "text/html": "upload.html",
    "text/csv": "upload.csv",
    "application/rss+xml": "upload.rss",
    "application/atom+xml": "upload.atom",
    "application/warc": "upload.warc",
    "text/plain": "upload.txt",
}

UPLOAD_BODY = {
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
                "required": ["files"],
            }
        },
        "application/x-ndjson": {"schema": {"type": "string"}},
        "text/plain": {"schema": {"type": "string"}},
    }
}

router = APIRouter(prefix="/api")
_LOCK = threading.Lock()


@dataclass(slots=True)
class _Collected:
    rejections: list[Rejection] = field(default_factory=list)
    events: list[str] = field(default_factory=list)

    def __call__(self, item: Article | Rejection | Result) -> None:
        if isinstance(item, Rejection):
            self.rejections.append(item)
        elif isinstance(item, Result) and item.ok and len(self.events) < MAX_LISTED:
            content_hash = item.article.content_hash
            self.events.extend(f"{content_hash}:{n}" for n in range(len(item.events)))


async def _uploads(request: Request, query: IngestQuery) -> list[tuple[str, bytes]]:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        try:
            form = await request.form(max_files=MAX_FILES, max_fields=MAX_FILES)
        except MultiPartException as exc:
            raise ApiError(400, f"malformed multipart upload: {exc.message}") from exc
        files = [item for _, item in form.multi_items() if isinstance(item, UploadFile)]
        if not files:
            raise ApiError(400, "no file in the upload: send the files in a multipart field named 'files'")
        return [(upload.filename or f"upload-{i}", await upload.read()) for i, upload in enumerate(files, 1)]
    data = await request.body()
    if not data:
        raise ApiError(400, "empty request body: upload files (multipart) or send articles as the body")
    return [(query.name or RAW_NAMES.get(content_type, "upload"), data)]


def _run(
    store: Store, pipeline: Pipeline, uploads: list[tuple[str, bytes]], options: ReadOptions
) -> dict[str, Any]:
    def items() -> Any:
        for name, data in uploads:
            yield from read_bytes(data, name, options)

    collected = _Collected()
    with _LOCK:
        summary = run_ingest(
            store, items(), pipeline=pipeline, inputs=[n for n, _ in uploads], notify=collected
        )
        if summary.events_found:
            refresh_statistics(store)
    body = summary.to_dict()
    body["rejections"] = [{"path": r.path, "record": r.record, "reason": r.reason}
                          for r in collected.rejections[:MAX_LISTED]]  # fmt: skip
    body["events"] = collected.events[:MAX_LISTED]
    return body


@router.post(
    "/ingest",
    summary="Upload articles; they are read, coded and stored like `sitrep ingest` does",
    response_model=models.IngestOut,
    openapi_extra={"requestBody": UPLOAD_BODY},
)
async def post_ingest(request: Request, query: Annotated[IngestQuery, Query()]) -> Response:
    auth.check(request, settings_of(request), write=True)  # before the body is read
    uploads = await _uploads(request, query)
    options = ReadOptions(published=query.published, reader=query.reader)
    pipeline: Pipeline = request.app.state.pipeline
    body = await run_in_threadpool(_run, store_of(request), pipeline, uploads, options)
    if body["articles_read"] == 0:
        reasons = "; ".join(f"{r['path']}: {r['reason']}" for r in body["rejections"][:5])
        raise ApiError(400, f"nothing could be read from the upload ({reasons or 'no articles'})",
                       rejections=body["rejections"])  # fmt: skip
    return json_response(body)
