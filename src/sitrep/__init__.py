"""sitrep: turn conflict news into a clean, geocoded, evidence-linked ACLED-style event dataset.

The library is the product; the CLI, REST API and dashboard are thin adapters over it.
"""

from __future__ import annotations

from .errors import (
    ConfigError,
    DataFileError,
    ExtractionError,
    InputError,
    SitrepError,
    StoreError,
)
from .models import Article, Doc, Event, Evidence, Span
from .pipeline import Pipeline, PipelineOptions, Result, extract, extract_text

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ConfigError",
    "DataFileError",
    "Doc",
    "Event",
    "Evidence",
    "ExtractionError",
    "InputError",
    "Pipeline",
    "PipelineOptions",
    "Result",
    "SitrepError",
    "Span",
    "StoreError",
    "__version__",
    "extract",
    "extract_text",
]
