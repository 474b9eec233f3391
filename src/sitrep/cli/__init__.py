"""Command-line adapter: each command is a thin wrapper over one library call.

Commands live in their own modules and are imported only when invoked, so ``sitrep --help``
stays fast. Library errors become exit codes here and nowhere else.
"""

from __future__ import annotations

import importlib
import logging
import sys
from typing import Any

import click

from ..errors import SitrepError
from ._common import Verbosity

# command name -> "module:attribute" inside sitrep.cli
COMMANDS: dict[str, str] = {
    "extract": "extract_cmd:extract",
    "articles": "extract_cmd:articles",
    "ingest": "store_cmd:ingest_command",
    "events": "store_cmd:events_command",
    "export": "store_cmd:export_command",
    "timex": "timex_cmd:timex",
    "places": "places_cmd:places",
    "explain": "explain_cmd:explain",
    "eval": "eval_cmd:eval_group",
    "serve": "serve_cmd:serve",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(f"{__name__}.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith(__name__):
                return None  # command not built yet in this checkout
            raise
        command: click.Command = getattr(module, attr)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sitrep")
@click.option("--verbose", "-v", count=True, help="Log more (-v info, -vv debug) on stderr.")
@click.option("--quiet", "-q", is_flag=True, help="Log errors only (no warnings) on stderr.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """sitrep: turn conflict news into a geocoded, evidence-linked ACLED-style event dataset.

    Example: sitrep extract news/ --format table
    """
    ctx.obj = Verbosity(verbose=verbose, quiet=quiet)
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="sitrep: %(levelname)s: %(message)s", stream=sys.stderr)


def main(argv: list[str] | None = None) -> Any:
    try:
        return cli.main(args=argv, prog_name="sitrep", standalone_mode=False)
    except SitrepError as exc:
        click.echo(f"sitrep: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("sitrep: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)
