"""Request body limit (pure ASGI): a body larger than the limit gets 413 before it is read whole.

A declared ``Content-Length`` over the limit is refused at once; otherwise the bytes are counted
as they arrive and the endpoint reading them gets :class:`PayloadTooLarge` (→ 413) past the limit.
"""

from __future__ import annotations

import json
from typing import Any

from .errors import PayloadTooLarge, body

Scope = dict[str, Any]
Message = dict[str, Any]


class BodyLimit:
    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", ())).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message: Message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise PayloadTooLarge(self.limit)
            return message

        await self.app(scope, limited, send)

    async def _refuse(self, send: Any) -> None:
        payload = json.dumps(body(str(PayloadTooLarge(self.limit)), limit=self.limit)).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"connection", b"close")],
            }
        )
        await send({"type": "http.response.body", "body": payload})
