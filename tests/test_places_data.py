"""The places data files load, validate, and report bad entries by name."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.errors import DataFileError
from sitrep.places import curated, lexicon


def test_data_files_load() -> None:
    lex = lexicon.lexicon()
    assert lex.demonyms["sudanese"] == "SD"
    assert "province" in lex.admin_types and "near" in lex.near_cues
    assert "us" in curated.curated_countries() or "US" in curated.curated_countries()
    assert curated._place_entries()


def test_bad_place_entry_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    bad: dict[str, Any] = {
        "version": 1,
        "places": [{"name": "Nowhere", "point": [95, 0], "country": "SY", "feature": "city"}],
    }
    monkeypatch.setattr(curated, "load_yaml", lambda name: bad)
    curated._place_entries.cache_clear()
    try:
        with pytest.raises(DataFileError, match="Nowhere"):
            curated._place_entries()
    finally:
        curated._place_entries.cache_clear()


def test_bad_country_code_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(curated, "load_yaml", lambda name: {"version": 1, "countries": {"Syria": {}}})
    curated.curated_countries.cache_clear()
    try:
        with pytest.raises(DataFileError, match="Syria"):
            curated.curated_countries()
    finally:
        curated.curated_countries.cache_clear()
