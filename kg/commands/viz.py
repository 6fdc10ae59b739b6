from __future__ import annotations

import click

from kg.commands.options import graph_option
from kg.network import to_networkx
from kg.store import GraphStore, graph_dir
from kg.subgraph import STATUSES, find_node, select


def _comma_list(ctx, param, value):
    return [part.strip() for v in value for part in v.split(",") if part.strip()] or None


@click.command("viz")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="graph.html", show_default=True,
              help="HTML file to write (one self-contained page).")
@click.option("--focus", metavar="NAME", help="Show only this entity's neighbourhood (any label or alias).")
@click.option("--depth", type=click.IntRange(0), default=1, show_default=True, help="Steps out from --focus.")
@click.option("--types", multiple=True, callback=_comma_list, metavar="T,...",
              help="Only these entity types, e.g. University,ChamberOfCommerce.")
@click.option("--regions", multiple=True, callback=_comma_list, metavar="R,...",
              help="Only entities located in these regions (湖南 and 湖南省 are one).")
@click.option("--status", "statuses", multiple=True, callback=_comma_list, metavar="S,...",
              help=f"Only relations with these statuses: {', '.join(STATUSES)}.")
@click.option("--min-degree", type=click.IntRange(0), default=0, help="Only entities with at least K links.")
@click.option("--show-isolated", is_flag=True, help="Keep entities that relate to nothing.")
@click.option("--size-by", type=click.Choice(["degree", "betweenness"]), default="degree", show_default=True,
              help="Node size: number of links, or betweenness centrality (sampled on big graphs).")
@graph_option
def command(output, focus, depth, types, regions, statuses, min_degree, show_isolated, size_by, graph):
    """Draw the cooperation network as an interactive HTML page that works offline.

    Colour is the entity type, size its number of links; dashed edges are only planned.
    Hover for evidence, click for neighbours, search and filter in the page.

    Example:

        kg viz --focus 香港城市大学 --depth 2 -o cityu.html
    """
    from exports.html_view import write_html

    try:
        g = to_networkx(GraphStore(graph_dir(graph), read_only=True))
        node = find_node(g, focus) if focus else None
        view = select(g, focus=node, depth=depth, types=types, regions=regions, statuses=statuses,
                      min_degree=min_degree, isolated=show_isolated)
    except (FileNotFoundError, LookupError, ValueError) as e:
        raise click.ClickException(str(e.args[0] if e.args else e))
    title = "rckg — " + (f"{g.nodes[node]['label']} ({depth} step{'s' if depth != 1 else ''})" if focus
                         else "cooperation network")
    write_html(view, output, title=title, size_by=size_by, focus=node)
    click.echo(f"{view.number_of_nodes()} entities, {view.number_of_edges()} links → {output}", err=True)
