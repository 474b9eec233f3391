"""`sitrep explain` and `sitrep eval acled`, and the event data files."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.errors import DataFileError, InputError
from sitrep.evaluate import evaluate_export, inter_code, read_export
from sitrep.events import lexicon as module
from sitrep.events.lexicon import EventLexicon
from sitrep.models import Article, Zone
from sitrep.pipeline import Pipeline, PipelineOptions

FIXTURES = Path(__file__).parent / "fixtures" / "events"


def test_explain_shows_rules_and_spans() -> None:
    result = CliRunner().invoke(
        cli, ["explain", "--text", "Gunmen shot dead two traders in Kano. The army denied shelling the town."]
    )
    assert result.exit_code == 0, result.output
    assert "event 1: Attack (Violence against civilians)" in result.output
    assert "decide.attack" in result.output
    assert 'ignored  shelling   negated by cue "denied"' in result.output


def test_explain_needs_input() -> None:
    result = CliRunner().invoke(cli, ["explain"])
    assert result.exit_code != 0


def test_eval_acled_prints_figures_and_summary() -> None:
    result = CliRunner().invoke(cli, ["eval", "acled", str(FIXTURES / "export_sample.csv")])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith("acled: sub_event_type macro-F1 ")
    assert "n=4" in lines[-1]
    assert any(line.startswith("inter1") for line in lines)


def test_evaluate_export_scores_the_sample() -> None:
    report = evaluate_export(FIXTURES / "export_sample.csv")
    assert report.n == 4
    assert report.score("sub_event_type") == 1.0
    assert report.score("fatalities") == 1.0
    assert report.score("inter1") == 1.0  # text labels ("Protesters") and numbers both read


def test_inter_codes_from_numbers_and_labels() -> None:
    assert inter_code("State forces") == 1
    assert inter_code("7") == 7
    assert inter_code("") == 0


def test_bad_export_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "x.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column"):
        read_export(bad)


def test_event_lexicon_loads_and_bad_entries_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = EventLexicon.default()
    assert lexicon.triggers.size > 300 and lexicon.cues.size > 50
    monkeypatch.setattr(
        module, "load_yaml", lambda name: {"version": 1, "frames": {"nonsense": {"phrases": ["x"]}}}
    )
    with pytest.raises(DataFileError, match="nonsense"):
        module._load_triggers()


def test_min_confidence_reaches_the_coder() -> None:
    """A threshold below the coder's default brings back its weaker events (here a photo caption)."""
    text = "Soldiers patrol a street."
    article = Article(id="c", text=text, zones=(Zone("caption", 0, len(text)),))
    assert Pipeline().process(article).events == ()
    (event,) = Pipeline(PipelineOptions(min_confidence=0.1)).process(article).events
    assert 0.1 <= event.confidence < 0.4
