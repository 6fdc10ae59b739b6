from __future__ import annotations

import sys

import click

from kg.build import build
from kg.commands.options import graph_option
from kg.parallel import default_jobs


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@graph_option
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes for extraction; 0 = one per CPU.")
def command(paths, graph, jobs):
    """Extract documents (files or folders) into the graph directory.

    With no PATH, builds the bundled example corpus. Writes the store and graph.ttl.

    Example:

        kg build ../shared/corpus -g out --jobs 2
    """
    def on_document(path, error):
        if error:
            click.echo(f"skipped {path}: {error}", err=True)

    report = build(paths or None, graph, on_document=on_document, jobs=jobs or default_jobs())
    click.echo(f"{len(report.read)} documents read, {len(report.skipped)} skipped; "
               f"{report.entities} entities, {report.relations} relations → {report.graph_dir / 'graph.ttl'}",
               err=True)
    if not report.ok:
        sys.exit(1)
