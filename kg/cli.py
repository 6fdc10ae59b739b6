"""The `kg` command line: a thin skin over the importable API.

Each command lives in `kg/commands/<name>.py` and is listed once in COMMANDS.
"""
from __future__ import annotations

import importlib

import click

COMMANDS = [
    "kg.commands.build",
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
]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rckg")
def main():
    """rckg: a knowledge graph of regional cooperation from Chinese policy documents."""


for _module in COMMANDS:
    main.add_command(importlib.import_module(_module).command)


if __name__ == "__main__":
    main()
