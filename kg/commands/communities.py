"""`kg communities`: groups of closely cooperating entities."""
from __future__ import annotations

import click

from kg.analytics import communities
from kg.commands.options import emit, format_option, graph_option, open_store
from kg.netcache import network


@click.command("communities")
@click.option("--min-size", default=2, show_default=True, help="Leave out smaller groups.")
@format_option
@graph_option
def command(min_size, fmt, graph):
    """Groups found by Louvain (fixed seed, so the same graph gives the same groups),
    each named by its most central members.

    Example:

        kg communities --min-size 3
    """
    emit(communities(network(open_store(graph)), min_size=min_size), fmt)
