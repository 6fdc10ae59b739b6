from __future__ import annotations

import click

from kg.commands.options import graph_option, open_network, period_options
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
@click.option("--agreements", type=click.Choice(["edges", "nodes"]), default="edges", show_default=True,
              help="Draw an agreement as links between its parties, or as a node joined to them.")
@click.option("--max-nodes", type=click.IntRange(1), default=None, metavar="N",
              help="Above N entities draw an overview (--overview); default 300 for the whole network, "
                   "no limit with --focus.")
@click.option("--overview", "overview_by", type=click.Choice(["degree", "community"]), default="degree",
              show_default=True, help="The overview: the N best-connected entities, or one node per community.")
@period_options
@graph_option
def command(output, focus, depth, types, regions, statuses, min_degree, show_isolated, size_by, agreements,
            max_nodes, overview_by, period, graph):
    """Draw the cooperation network as an interactive HTML page that works offline.

    Colour is the entity type, size its number of links; dashed edges are only planned.
    Hover for evidence, click for neighbours, search and filter in the page. A big network
    is drawn as an overview (the best-connected entities, or communities), with a note of
    what is hidden.

    Example:

        kg viz --focus 香港城市大学 --depth 2 -o cityu.html

        kg viz --since 2023 --overview community -o groups.html
    """
    from exports import exporter

    html = exporter("html")     # the html exporter: its view of the network and its writer

    try:
        g = open_network(graph, period)
        node = find_node(g, focus) if focus else None
        if agreements == "edges" and (node is None or g.nodes[node].get("type") != "Agreement"):
            g = html.agreements_as_edges(g)     # before the focus, so a neighbourhood keeps its co-parties
        view = select(g, focus=node, depth=depth, types=types, regions=regions, statuses=statuses,
                      min_degree=min_degree, isolated=True)
        limit = max_nodes or (html.MAX_NODES if node is None else len(view) + 1)
        view, note = html.whole_network(view, max_nodes=limit, by=overview_by, isolated=show_isolated, keep=[node] if node is not None else [])
    except (FileNotFoundError, LookupError, ValueError) as e:
        raise click.ClickException(str(e.args[0] if e.args else e))
    title = "rckg — " + (f"{g.nodes[node]['label']} ({depth} step{'s' if depth != 1 else ''})" if focus
                         else "cooperation network")
    html.write_html(view, output, title=title, size_by=size_by, focus=node, note=note)
    click.echo(f"{view.number_of_nodes()} entities, {view.number_of_edges()} links → {output}"
               + (f"\n{note}" if note else ""), err=True)
