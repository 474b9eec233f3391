"""How the API server runs: which store, which token, what is open to whom, how big uploads may be."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError

TOKEN_ENV = "SITREP_TOKEN"
DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024  # bytes per POST /api/ingest request
MIN_TOKEN_LENGTH = 16


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """Settings of one API app.

    - ``store``: SQLite path or database URL (None: ``$SITREP_DB`` or ``./sitrep.db``).
    - ``token``: the secret that write endpoints (and, with ``protect_reads``, every ``/api``
      endpoint) require; None disables writing. Default: ``$SITREP_TOKEN``.
    - ``max_upload_bytes``: larger request bodies are refused with 413 before they are read whole.
    - ``max_points``: most events ``/api/points`` returns for the map.
    """

    store: str | Path | None = None
    token: str | None = None
    protect_reads: bool = False
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    max_points: int = 500_000

    def __post_init__(self) -> None:
        if self.token is not None and len(self.token) < MIN_TOKEN_LENGTH:
            raise ConfigError(f"{TOKEN_ENV} must be at least {MIN_TOKEN_LENGTH} characters long")
        if self.protect_reads and not self.token:
            raise ConfigError(f"protecting read endpoints needs a token: set {TOKEN_ENV}")
        if self.max_upload_bytes < 1:
            raise ConfigError("the upload limit must be positive")

    @classmethod
    def from_env(cls, **changes: object) -> ApiSettings:
        """Settings with the token taken from ``$SITREP_TOKEN`` (unless given)."""
        values: dict[str, object] = {"token": os.environ.get(TOKEN_ENV) or None}
        values.update(changes)
        return cls(**values)  # type: ignore[arg-type]
