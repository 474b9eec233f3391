"""The temporal data files load, validate, and report bad entries by name; the CLI command."""

from __future__ import annotations

import copy
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.errors import DataFileError
from sitrep.resources import load_yaml
from sitrep.temporal import lexicon as lexicon_module
from sitrep.temporal.lexicon import lexicon
from sitrep.temporal.patterns import FAMILIES, STARTS, grammar


def test_packaged_lexicon_loads() -> None:
    lex = lexicon()
    assert lex.months["september"] == 9 and lex.month_abbrevs["sept"] == 9
    assert lex.weekdays["sunday"] == 7
    assert lex.units["decades"].factor == 10
    assert lex.references["now"] == "PRESENT_REF"


def test_lunar_table_is_consistent() -> None:
    lex = lexicon()
    ramadan, fitr = lex.holidays["ramadan"].dates, lex.holidays["eid al-fitr"].dates
    assert all(29 <= (last - first).days + 1 <= 30 for first, last in ramadan)
    ends = {last + timedelta(days=1) for _, last in ramadan}
    assert all(day in ends for day, _ in fitr[1:-1])  # Eid al-Fitr is the day after Ramadan
    eids = lex.holidays["eid"].dates
    assert set(eids) == set(fitr) | set(lex.holidays["eid al-adha"].dates) and list(eids) == sorted(eids)


def test_every_family_declares_its_start_words() -> None:
    assert {name for name, _ in FAMILIES} == set(STARTS)
    assert grammar().dispatch  # compiles


def _broken(monkeypatch: pytest.MonkeyPatch, name: str, change: Any) -> None:
    original = load_yaml(name)
    data = copy.deepcopy(original)
    change(data)

    def fake(requested: str) -> Any:
        return data if requested == name else load_yaml(requested)

    monkeypatch.setattr(lexicon_module, "load_yaml", fake)


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("temporal/calendar.yaml", lambda d: d["seasons"].update({"monsoon": "MO"}), "monsoon"),
        ("temporal/calendar.yaml", lambda d: d["months"].pop(12), "months"),
        ("temporal/units.yaml", lambda d: d["units"]["day"].update({"factor": 0}), "day"),
        ("temporal/expressions.yaml", lambda d: d["direction"].update({"yonder": 5}), "yonder"),
        ("temporal/expressions.yaml", lambda d: d["references"].update({"SOON_REF": ["soon"]}), "SOON_REF"),
        ("temporal/numbers.yaml", lambda d: d["cardinals"].update({"eleventy": "11"}), "eleventy"),
        ("temporal/expressions.yaml", lambda d: d["offsets"]["later"].update({"signal": ["aeon"]}), "later"),
        ("temporal/lunar.yaml", lambda d: d["holidays"]["ramadan"]["dates"].append("2030-13-01"), "ramadan"),
        ("temporal/tense.yaml", lambda d: d.update({"future": ["Will"]}), "Will"),
        ("temporal/tense.yaml", lambda d: d.pop("version"), "version"),
    ],
)
def test_invalid_entries_are_named(
    monkeypatch: pytest.MonkeyPatch, name: str, change: Any, message: str
) -> None:
    _broken(monkeypatch, name, change)
    with pytest.raises(DataFileError) as err:
        lexicon.__wrapped__()
    assert message in str(err.value) and name in str(err.value)


def test_timex_command_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Gunmen attacked the market on Friday, two days after the truce.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["timex", str(path), "--dct", "2024-05-14", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    expected = [("Friday", "DATE", "2024-05-10"), ("two days", "DURATION", "P2D")]
    assert [(r["text"], r["type"], r["value"]) for r in rows] == expected
    assert rows[0]["start"] == 30 and rows[0]["end"] == 36


def test_timex_command_stdin_table() -> None:
    result = CliRunner().invoke(cli, ["timex", "-", "--dct", "2024-05-14"], input="Troops left last week.")
    assert result.exit_code == 0, result.output
    assert "last week" in result.output and "2024-W19" in result.output
