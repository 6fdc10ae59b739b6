"""`kg rank`: the brokers of the network."""
from __future__ import annotations

import click

from kg.analytics import BETWEENNESS_SEED, MEASURES, betweenness_sample, rank
from kg.commands.options import emit, format_option, graph_option, open_network, with_regions_option


@click.command("rank")
@click.option("--by", type=click.Choice(MEASURES), default="degree", show_default=True)
@click.option("--type", "type_", metavar="T", help="Only entities of this type, e.g. University.")
@click.option("--limit", default=20, show_default=True)
@with_regions_option
@format_option
@graph_option
def command(by, type_, limit, with_regions, fmt, graph):
    """Entities ranked by degree, betweenness (who bridges groups) or PageRank.

    Regions are left out (--with-regions to rank them too): every body in a province
    would otherwise make the province the top "broker".

    Example:

        kg rank --by betweenness --type GovernmentAgency --limit 10
    """
    g = open_network(graph, with_regions=with_regions or (type_ or '').lower() == 'region')
    sample = betweenness_sample(g) if by == "betweenness" else None
    if sample:
        click.echo(f"betweenness estimated from shortest paths out of {sample:,} of {len(g):,} nodes "
                   f"(seed {BETWEENNESS_SEED})", err=True)
    emit(rank(g, by=by, type=type_, limit=limit), fmt)
