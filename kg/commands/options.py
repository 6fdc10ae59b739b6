"""Option bundles shared by commands."""
from __future__ import annotations

import click

graph_option = click.option(
    "-g", "--graph", "graph", type=click.Path(file_okay=False), default=None, envvar="RCKG_GRAPH",
    help="Graph directory (default ./rckg-data, or $RCKG_GRAPH).")
