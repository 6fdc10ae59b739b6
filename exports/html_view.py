"""The network as one interactive HTML page that works offline.

The page is drawn by pyvis's vis-network: colour by entity type (with a legend), size by
degree or centrality, edge colour and arrow by relation, dashed where a relation is only
planned; hovering shows a node's type, region and documents and an edge's evidence
sentences. Search and filter by name, type and region; a click lights up a node's
neighbourhood. The layout settles once and then physics stops, so big graphs stay still.

Everything the page needs is inside it: pyvis ships vis-network and tom-select, and our
own template (`templates/graph.html`) inlines them. pyvis's templates would still fetch
Bootstrap from a CDN, so they are not used.

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_node("a", label="湖南大学", type="University", region=None, docs=["d1"])
    >>> g.add_node("b", label="<b>港</b>", type="University", region="香港", docs=["d1"])
    >>> g.add_edge("a", "b", relations={"partner": {"statuses": {"planned"},
    ...                                             "evidence": [("d1", "两校<合作>。", "planned")]}})
    >>> page = render(g, title="demo")
    >>> "vis.Network" in page and "<合作>" not in page and "<b>港" not in page   # no markup leaks
    True
    >>> "<script src" in page or "<link" in page
    False
"""
from __future__ import annotations

import html
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from exports.layout import initial_positions
from exports.overview import MAX_NODES, agreements_as_edges, overview
from ontology.schema import DRAW_ORDER, ENTITY_TYPES, KINDS, NETWORK_KINDS, TYPES

__all__ = ["render", "write_html", "write", "whole_network", "agreements_as_edges", "MAX_NODES", "traditional_map",
           "TYPE_STYLES", "RELATION_STYLES", "FONT_STACK", "node_sizes", "node_tooltip", "edge_tooltip", "vis_options", "spring_length"]

FONT_STACK = ('"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", '
              '"WenQuanYi Micro Hei", sans-serif')

# type → (colour, shape, legend text), from entity_types.tsv. Colours after Tableau 10, told
# apart by colour-blind eyes well enough, and shapes single out the two kinds of node that are
# not actors.
TYPE_STYLES = {t: (TYPES[t].colour, TYPES[t].shape, TYPES[t].legend) for t in ENTITY_TYPES}
# Made by the overview (`exports.overview`), not found in documents: a group of entities.
TYPE_STYLES["Community"] = ("#6b6ecf", "hexagon", "Community 合作群体")
_OTHER_TYPE = ("#aaaaaa", "dot", "Other")

# relation → (colour, arrow, legend text), from relation_kinds.tsv. Arrows run the way the
# sentence reads.
RELATION_STYLES = {k: (KINDS[k].colour, "" if KINDS[k].arrow == "none" else "to", KINDS[k].legend)
                   for k in NETWORK_KINDS}
# Which relation styles a mixed edge: the most telling, arrowed kinds first, symmetric ones last.
_PRIORITY = list(DRAW_ORDER)
# Links the overview draws (`exports.overview`): an agreement between two of its parties, and
# the partnerships between two communities.
RELATION_STYLES["agreement"] = (KINDS["party"].colour, "", "agreement between parties 协议")
RELATION_STYLES["links"] = ("#8a8a8a", "", "partnerships between groups 群体间合作")
_first_symmetric = next((i for i, k in enumerate(_PRIORITY) if KINDS[k].symmetric), len(_PRIORITY))
_PRIORITY = [*_PRIORITY[:_first_symmetric], "agreement", *_PRIORITY[_first_symmetric:], "links"]
PLANNED_DASHES = [8, 6]
_TEMPLATES = Path(__file__).resolve().parent / "templates"
_PYVIS_TEMPLATES = Path(pyvis.__file__).resolve().parent / "templates"
_MAX_EVIDENCE = 6
_MAX_DOCS = 8


def _esc(text) -> str:
    return html.escape(str(text), quote=True)


def node_sizes(g: nx.Graph, size_by: str = "degree") -> dict:
    """Each node's weight for sizing: its degree, or betweenness centrality (sampled on big graphs).

    >>> node_sizes(nx.path_graph(3))
    {0: 1, 1: 2, 2: 1}
    >>> node_sizes(nx.path_graph(3), "betweenness")[1]
    1.0
    """
    if size_by == "degree":
        return dict(g.degree)
    if size_by == "betweenness":
        k = None if len(g) <= 800 else 300
        return nx.betweenness_centrality(g, k=k, seed=7)
    raise ValueError(f"unknown size measure {size_by!r}; known: degree, betweenness")


def _doc_name(doc: str, documents: dict | None) -> str:
    """A document as people know it: its title and date, else its id.

    >>> _doc_name("d1", {"d1": {"title": "湘港合作通报", "date": "2024-05-10"}}), _doc_name("d2", {})
    ('湘港合作通报 (2024-05-10)', 'd2')
    """
    d = (documents or {}).get(doc) or {}
    title = d.get("title") or doc
    return f"{title} ({d['date']})" if d.get("date") else title


def node_tooltip(attrs: dict, degree: int, documents: dict | None = None) -> str:
    """Hover text of a node, as escaped HTML: name, type, region, aliases, documents by title.

    >>> node_tooltip({"label": "A&B", "type": "University", "region": None, "docs": ["d1"]}, 2)
    '<b>A&amp;B</b><br>University 大学 · 2 links<br>documents: d1'
    """
    lines = [f"<b>{_esc(attrs.get('label', ''))}</b>",
             f"{_esc(TYPE_STYLES.get(attrs.get('type'), (0, 0, attrs.get('type') or '?'))[2])}"
             f" · {degree} link{'s' if degree != 1 else ''}"]
    if attrs.get("region"):
        lines.append(f"region: {_esc(attrs['region'])}")
    if attrs.get("aliases"):
        lines.append(f"also: {_esc('、'.join(attrs['aliases']))}")
    if attrs.get("hidden_links"):
        lines.append(f"+{attrs['hidden_links']} links to entities not shown")
    if attrs.get("members"):
        lines.append(f"{attrs['members']} entities")
    docs = list(attrs.get("docs") or ())
    if docs:
        more = f" … and {len(docs) - _MAX_DOCS} more" if len(docs) > _MAX_DOCS else ""
        names = "; ".join(_doc_name(d, documents) for d in docs[:_MAX_DOCS])
        lines.append(f"documents: {_esc(names)}{more}")
    return "<br>".join(lines)


def edge_tooltip(g: nx.Graph, u, v) -> str:
    """Hover text of an edge, as escaped HTML: each relation with its evidence sentences and documents.

    >>> g = nx.Graph(); g.add_node(1, label="甲"); g.add_node(2, label="乙")
    >>> g.add_edge(1, 2, relations={"partner": {"statuses": {"realized"},
    ...                                         "evidence": [("doc<1>", "甲与乙合作。", "realized")]}})
    >>> edge_tooltip(g, 1, 2)
    '<b>甲 — 乙</b><br><i>partner</i> (realized)<br>“甲与乙合作。” <span class="doc">doc&lt;1&gt;</span>'
    """
    labels = g.nodes[u].get("label", u), g.nodes[v].get("label", v)
    documents = g.graph.get("documents")
    lines = [f"<b>{_esc(labels[0])} — {_esc(labels[1])}</b>"]
    for kind, rel in g.edges[u, v]["relations"].items():
        via = f" {_esc('、'.join(rel['via']))}" if rel.get("via") else ""
        count = f" · {rel['count']} partnerships" if rel.get("count") else ""
        lines.append(f"<i>{_esc(kind)}</i>{via} ({_esc(', '.join(sorted(rel['statuses'])))}){count}")
        evidence = rel["evidence"]
        for doc, sentence, _status in evidence[:_MAX_EVIDENCE]:
            lines.append(f"“{_esc(sentence or '')}” <span class=\"doc\">{_esc(_doc_name(doc, documents))}</span>")
        if len(evidence) > _MAX_EVIDENCE:
            lines.append(f"… and {len(evidence) - _MAX_EVIDENCE} more")
    return "<br>".join(lines)


def spring_length(n_nodes: int) -> float:
    """Edge length in layout units: long in small views, where every label is read, shorter in big ones."""
    return 150.0 if n_nodes <= 60 else 90.0


def vis_options(n_nodes: int, n_edges: int) -> dict:
    """vis-network options: a layout that settles in a bounded number of steps.

    The page switches physics off once stabilisation is done, so nothing moves afterwards.
    Big graphs get fewer, cheaper steps (straight edges, no improved initial layout).

    >>> vis_options(100, 100)["physics"]["stabilization"]["iterations"]
    400
    >>> vis_options(5000, 9000)["edges"]["smooth"]
    False
    """
    big = n_nodes > 250 or n_edges > 600      # an overview (300 entities) settles in a few seconds
    return {
        "autoResize": True,
        "nodes": {
            "font": {"face": FONT_STACK, "size": 14, "color": "#222", "strokeWidth": 3,
                     "strokeColor": "#ffffff"},
            "borderWidth": 1,
            "scaling": {"min": 8, "max": 42,
                        "label": {"enabled": True, "min": 14 if big else 17, "max": 32, "drawThreshold": 6,
                                  "maxVisible": 40}},
        },
        "edges": {
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.2},
            "scaling": {"min": 1, "max": 6},
            "color": {"inherit": False},
            "arrows": {"to": {"scaleFactor": 0.5}},
            "font": {"face": FONT_STACK},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "multiselect": False},
        "layout": {"improvedLayout": False},       # nodes come with starting positions
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.01,
                                 "springLength": spring_length(n_nodes), "springConstant": 0.06, "damping": 0.5,
                                 "avoidOverlap": 0.2 if not big else 0,
                                 "theta": 0.5 if not big else 0.9},   # coarser Barnes-Hut: faster
            "maxVelocity": 60,
            "minVelocity": 1,
            "timestep": 0.5,
            "stabilization": {"enabled": True, "iterations": 400 if not big else 150,
                              "updateInterval": 20, "fit": True},
        },
    }


def _short(name: str, limit: int = 18) -> str:
    """Long names (agreements run to forty characters) are cut on the canvas; hover shows them whole.

    >>> _short("岳阳自贸片区、香港品质保证局合作协议书全文及其附件说明"), _short("湖南大学")
    ('岳阳自贸片区、香港品质保证局合作协…', '湖南大学')
    """
    return name if len(name) <= limit else name[:limit - 1] + "…"


def _primary(relations: dict) -> str:
    return next((k for k in _PRIORITY if k in relations), next(iter(relations)))


def _network(g: nx.Graph, size_by: str, focus=None) -> Network:
    """pyvis nodes and edges for `g`; every styling decision is made here, in Python."""
    # directed=True only spares pyvis its quadratic duplicate-edge check; arrows are set per edge.
    net = Network(directed=True, cdn_resources="in_line")
    sizes = node_sizes(g, size_by)
    if any("members" in a for _, a in g.nodes(data=True)):      # communities: as big as they are many
        sizes = {n: g.nodes[n].get("members", 1) for n in g}
    positions = initial_positions(g, step=spring_length(len(g)))
    for n, attrs in g.nodes(data=True):
        colour, shape, _ = TYPE_STYLES.get(attrs.get("type"), _OTHER_TYPE)
        name = attrs.get("label") or str(n)
        net.add_node(n, label=_short(name), shape=shape, value=sizes[n], borderWidth=4 if n == focus else 1,
                     color={"background": colour, "border": "#222222" if n == focus else "#ffffff",
                            "highlight": {"background": colour, "border": "#000000"},
                            "hover": {"background": colour, "border": "#000000"}},
                     title=node_tooltip(attrs, g.degree(n), g.graph.get("documents")),
                     kind=attrs.get("type") or "", region=attrs.get("region") or "",
                     places=_places(attrs),
                     names=" ".join([name, *(attrs.get("aliases") or ())]),
                     x=positions[n][0], y=positions[n][1])
    for u, v, attrs in g.edges(data=True):
        relations = attrs["relations"]
        kind = _primary(relations)
        colour, arrow, _ = RELATION_STYLES.get(kind, ("#999999", "", kind))
        source, target = u, v
        if arrow and "direction" in relations[kind]:
            source, target = relations[kind]["direction"]
            if KINDS[kind].arrow == "backward":  # founded: stored body → founder, drawn founder → body
                source, target = target, source
        planned = all(rel["statuses"] == {"planned"} for rel in relations.values())
        n_evidence = sum(len(rel["evidence"]) for rel in relations.values())
        net.add_edge(source, target, arrows=arrow or "", color=colour,
                     dashes=PLANNED_DASHES if planned else False, value=max(1, n_evidence),
                     title=edge_tooltip(g, u, v), relation=kind,
                     status="planned" if planned else "realized")
    return net


def _places(attrs: dict) -> list[str]:
    """Every region a node lies in or is, at any level (长沙市 and 湖南省): what the region filter matches."""
    places = list(attrs.get("within") or [])
    if attrs.get("region") and attrs["region"] not in places:
        places.append(attrs["region"])
    if attrs.get("type") == "Region" and attrs.get("label") and attrs["label"] not in places:
        places.append(attrs["label"])
    return places


def traditional_map(names) -> dict[str, str]:
    """{traditional character: simplified} for the characters of `names`: the page's search
    folds what is typed with it, so 香港城市大學 finds 香港城市大学. Only characters that occur
    in some name matter, so the map stays small.

    >>> m = traditional_map(["香港城市大学"]); m["學"], "香" in m
    ('学', False)
    """
    import opencc

    chars = sorted({c for name in names for c in name if "\u4e00" <= c <= "\u9fff"})
    text = "".join(chars)
    out = {}
    for config in ("s2t", "s2hk", "s2tw"):
        converted = opencc.OpenCC(config).convert(text)
        if len(converted) != len(text):
            converted = "".join(opencc.OpenCC(config).convert(c)[:1] or c for c in chars)
        out.update({t: s for s, t in zip(chars, converted) if t != s})
    return dict(sorted(out.items()))


def _environment() -> Environment:
    # Our template first; pyvis's directory supplies the vis-network and tom-select files it inlines.
    env = Environment(loader=ChoiceLoader([FileSystemLoader(str(_TEMPLATES)),
                                           FileSystemLoader(str(_PYVIS_TEMPLATES))]),
                      autoescape=select_autoescape(["html"]))
    # Chinese as itself, not \uXXXX (a third of the page's size); tojson still escapes < > & '.
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}
    return env


def _legend(g: nx.Graph) -> tuple[list[dict], list[dict]]:
    counts = {}
    for _, t in g.nodes(data="type"):
        counts[t] = counts.get(t, 0) + 1
    types = [{"type": t, "colour": c, "shape": s, "text": text, "count": counts[t]}
             for t, (c, s, text) in TYPE_STYLES.items() if t in counts]
    types += [{"type": t or "", "colour": _OTHER_TYPE[0], "shape": "dot", "text": t or "Other",
               "count": n} for t, n in sorted(counts.items(), key=lambda x: str(x[0]))
              if t not in TYPE_STYLES]
    kinds = {_primary(r) for _, _, r in g.edges(data="relations")}
    relations = [{"colour": c, "arrow": bool(a), "text": text}
                 for k, (c, a, text) in RELATION_STYLES.items() if k in kinds]
    return types, relations


def render(g: nx.Graph, *, title: str = "rckg — cooperation network", size_by: str = "degree",
           focus=None, note: str | None = None) -> str:
    """The HTML page for `g` (a graph shaped like `kg.network.to_networkx`'s), as a string.

    `focus` (a node) is drawn with a dark ring; `note` (what the picture leaves out, see
    `exports.overview`) is shown under the title.
    """
    net = _network(g, size_by, focus)
    nodes, edges = net.nodes, net.edges
    types, relations = _legend(g)
    regions = sorted({r for n in nodes for r in n["places"]})
    fold = traditional_map({w for n in nodes for w in n["names"].split()})
    return _environment().get_template("graph.html").render(
        title=title, nodes=nodes, edges=edges, options=vis_options(len(nodes), len(edges)), legend_types=types,
        legend_relations=relations, regions=regions, font_stack=FONT_STACK, fold=fold, note=note,
        n_nodes=len(nodes), n_edges=len(edges))


def write_html(g: nx.Graph, path, **kw) -> Path:
    """Write `render(g, **kw)` to `path` (UTF-8) and return the path."""
    path = Path(path)
    path.write_text(render(g, **kw), encoding="utf-8")
    return path


def whole_network(g: nx.Graph, *, max_nodes: int = MAX_NODES, by: str = "degree",
                  isolated: bool = False, keep=()) -> tuple[nx.Graph, str | None]:
    """The picture of a network and its note: isolated entities left out (unless `isolated`;
    `keep` always stays), and above `max_nodes` entities the overview `by` degree or
    community (`exports.overview`)."""
    if not isolated:
        keep = set(keep)
        g = g.subgraph([n for n in g if g.degree(n) or n in keep]).copy()
    view = overview(g, max_nodes=max_nodes, by=by)
    return view.graph, view.note


# The registry hands `write` the network, not the store (see `exports.export`).
READS = "network"


def write(g: nx.Graph, path, name: str = "html"):
    """The exporter registry's entry: the whole network `g`, agreements as links between
    their parties, drawn as `whole_network` does."""
    view, note = whole_network(agreements_as_edges(g))
    write_html(view, path, note=note)
