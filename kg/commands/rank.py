"""`kg rank`: the brokers of the network."""
from __future__ import annotations

import click

from kg.analytics import MEASURES, rank
from kg.commands.options import format_option, graph_option, open_store
from kg.network import to_networkx
from kg.tables import render


@click.command("rank")
@click.option("--by", type=click.Choice(MEASURES), default="degree", show_default=True)
@click.option("--type", "type_", metavar="T", help="Only entities of this type, e.g. University.")
@click.option("--limit", default=20, show_default=True)
@format_option
@graph_option
def command(by, type_, limit, fmt, graph):
    """Entities ranked by degree, betweenness (who bridges groups) or PageRank.

    Example:

        kg rank --by betweenness --type GovernmentAgency --limit 10
    """
    click.echo(render(rank(to_networkx(open_store(graph)), by=by, type=type_, limit=limit), fmt), nl=False)
