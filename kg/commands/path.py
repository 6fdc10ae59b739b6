"""`kg path`: the shortest chains of cooperation between two entities."""
from __future__ import annotations

import json

import click

from kg.analytics import paths
from kg.commands.options import (emit, format_option, graph_option, lookup_errors, open_network, open_store,
                                 with_regions_option)
from kg.queries import find_entity


@click.command("path")
@click.argument("a")
@click.argument("b")
@click.option("--limit", default=5, show_default=True, help="At most this many chains.")
@with_regions_option
@format_option
@graph_option
@lookup_errors
def command(a, b, limit, with_regions, fmt, graph):
    """Shortest chains of cooperation from A to B, each hop with its evidence.

    Chains do not pass through regions (--with-regions to allow it): "湖南大学 is in 湖南,
    湖南 is where 香港理工大学 visited" is no cooperation.

    Example:

        kg path 湖南大学 香港理工大学
    """
    store = open_store(graph)
    ia, ib = find_entity(store, a), find_entity(store, b)
    if ia == ib:
        raise click.ClickException(f"{a} and {b} are the same entity")
    chains = paths(open_network(graph, with_regions=with_regions, keep=[ia, ib]), ia, ib, limit=limit)
    if not chains:
        raise click.ClickException(f"no chain of cooperation joins {a} and {b}")
    rows = [{"chain": i, "hop": j, **hop} for i, chain in enumerate(chains, 1) for j, hop in enumerate(chain, 1)]
    if fmt == "json":
        click.echo(json.dumps([[{k: v for k, v in r.items() if k not in ("chain",)} for r in rows if r["chain"] == i]
                               for i in range(1, len(chains) + 1)], ensure_ascii=False, indent=2))
    else:
        emit(rows, fmt, sheet="path")
