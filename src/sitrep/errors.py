"""One exception tree for the whole library.

    SitrepError
    ├── InputError          bad or unreadable input (file, record, encoding, format)
    ├── DataFileError       a packaged or user-supplied data file (lexicon, gazetteer) is invalid
    ├── ExtractionError     a pipeline stage failed on an article
    ├── StoreError          the event store cannot be opened, migrated, read or written
    └── ConfigError         invalid options or settings

Each error carries what was being processed (``where``: a file, record or article id) so the
message a user sees names it. The CLI and the REST API map these to exit codes / HTTP statuses
in one place each; library code never calls ``sys.exit``.
"""

from __future__ import annotations


class SitrepError(Exception):
    """Root of every error sitrep raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class InputError(SitrepError):
    """Input that cannot be read as articles: missing file, binary junk, malformed record."""

    exit_code = 2


class DataFileError(SitrepError):
    """A lexicon, pattern or gazetteer file is invalid; the message names the entry."""

    exit_code = 3


class ExtractionError(SitrepError):
    """A pipeline stage failed on one article."""

    exit_code = 4


class StoreError(SitrepError):
    """The event store cannot be opened, migrated, read or written."""

    exit_code = 5


class ConfigError(SitrepError):
    """Invalid options or settings."""

    exit_code = 6
