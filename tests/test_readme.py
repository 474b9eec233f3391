"""The README is tested against the code: CLI reference, JSON contract, test command, ACLED columns."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest

from sitrep.cli import COMMANDS, cli
from sitrep.export import ACLED_COLUMNS, ACLED_EXTRA_COLUMNS
from sitrep.models import EVENT_FIELDS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The text under a markdown heading, up to the next heading of the same or a higher level."""
    match = re.search(rf"^(#+) {re.escape(title)}\s*$", README, re.MULTILINE)
    assert match, f"README has no section {title!r}"
    level = len(match.group(1))
    rest = README[match.end() :]
    end = re.search(rf"^#{{1,{level}}} ", rest, re.MULTILINE)
    return rest[: end.start()] if end else rest


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_and_option_is_documented(name: str) -> None:
    command = cli.get_command(click.Context(cli), name)
    if command is None:
        pytest.skip(f"command {name} is not built in this checkout")
    text = section(f"sitrep {name}")
    if isinstance(command, click.Group):
        params = [p for sub in command.commands.values() for p in sub.params]
    else:
        params = list(command.params)
    missing = [
        opt
        for param in params
        if isinstance(param, click.Option)
        for opt in param.opts + param.secondary_opts
        if opt.startswith("--") and opt not in text
    ]
    assert not missing, f"README section 'sitrep {name}' does not mention {missing}"


def test_global_options_are_documented() -> None:
    for param in cli.params:
        for opt in param.opts:
            if opt.startswith("--"):
                assert opt in section("CLI reference")


def test_json_example_follows_the_contract() -> None:
    block = re.search(r"```json\n(.*?)```", section("The event JSON contract"), re.DOTALL)
    assert block
    example = json.loads(block.group(1))
    assert list(example) == [*EVENT_FIELDS, "evidence", "claims"]
    assert set(example["evidence"][0]) == {"field", "start", "end", "text", "rule"}
    assert set(example["claims"][0]) == {"field", "value", "source", "start", "end", "text"}
    table = section("The event JSON contract")
    for name in EVENT_FIELDS:
        assert f"`{name}`" in table


def test_acled_columns_are_listed_in_order() -> None:
    text = " ".join(section("The event JSON contract").split())
    assert ", ".join(ACLED_COLUMNS) in text
    assert ", ".join(ACLED_EXTRA_COLUMNS) in text


def test_quick_start_and_ci_share_the_test_command() -> None:
    quick = section("Quick start")
    assert "sitrep ingest examples/" in quick and "sitrep events" in quick
    block = re.search(
        r"<!-- test-command:start -->\s*```bash\n(.+?)\n```\s*<!-- test-command:end -->", quick, re.S
    )
    assert block and "pytest" in block.group(1)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command:start" in ci
