"""`kg load`: shards made by `kg extract` → the graph directory's store."""
from __future__ import annotations

import sys

import click

from kg.commands.options import graph_option


@click.command("load")
@click.argument("shards", type=click.Path(exists=True, file_okay=False))
@graph_option
@click.option("--exports", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Write graph.ttl and graph.html (auto: up to 2,000 documents).")
def command(shards, graph, exports):
    """Bulk-load the shards of SHARDS (made by `kg extract`) into the graph directory,
    with the manifest entries `kg build` would write: the same graph, and a later
    `kg build` of the same files extracts nothing again.

    Example:

        kg load shards/ -g out
    """
    from kg.lock import GraphLocked
    from kg.shards import load_shards

    try:
        report = load_shards(shards, graph, exports=exports)
    except (FileNotFoundError, GraphLocked, ValueError) as e:
        raise click.ClickException(str(e))
    for where, reason in report.failed:
        click.echo(f"failed {where}: {reason}", err=True)
    click.echo(f"{len(report.read)} documents loaded, {len(report.failed)} failed → {report.graph_dir}", err=True)
    if not report.ok:
        sys.exit(1)
