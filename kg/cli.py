"""The `kg` command line: a thin skin over the importable API.

Each command lives in `kg/commands/<name>.py` and is listed once in COMMANDS. A command's
module is imported only when that command runs: `kg --help` and `kg partners` do not pay
for spaCy, networkx or the HTML view. The listing in `kg --help` reads each command's
short help from its module's source, so the help is written once, on the command.
"""
from __future__ import annotations

import ast
import importlib
from functools import lru_cache
from pathlib import Path

import click

COMMANDS = [
    "kg.commands.build",
    "kg.commands.extract",
    "kg.commands.load",
    "kg.commands.export",
    "kg.commands.viz",
    "kg.commands.remove",
    "kg.commands.query",
    "kg.commands.partners",
    "kg.commands.show",
    "kg.commands.path",
    "kg.commands.stats",
    "kg.commands.rank",
    "kg.commands.communities",
    "kg.commands.push",
    "kg.commands.serve",
]
_BY_NAME = {m.rsplit(".", 1)[1]: m for m in COMMANDS}


@lru_cache(maxsize=None)
def command_help(name: str) -> str:
    """A command's help text, the docstring of its module's `command` function, read from
    the source without importing the module.

    >>> command_help("partners").splitlines()[0]
    'Partners of NAME (any alias, simplified or traditional) with relation, status,'
    """
    path = Path(__file__).resolve().parent / "commands" / f"{name}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    fn = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "command")
    return ast.get_docstring(fn) or ""


class LazyGroup(click.Group):
    """A group whose commands are imported when they are looked up, not when the CLI starts."""

    def list_commands(self, ctx):
        return sorted(_BY_NAME)

    def get_command(self, ctx, name):
        module = _BY_NAME.get(name)
        return importlib.import_module(module).command if module else None

    def format_commands(self, ctx, formatter):
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(map(len, names))      # as click.Group does
        rows = [(name, click.Command(name, help=command_help(name)).get_short_help_str(limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rckg")
def main():
    """rckg: a knowledge graph of regional cooperation from Chinese policy documents."""


if __name__ == "__main__":
    main()
