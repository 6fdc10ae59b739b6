"""Exporters by name: one module per format, found through one registry, imported lazily.

    >>> {"ttl", "trig", "jsonld"} <= set(FORMATS)
    True

Adding a format is adding a module with `write(source, path, name)` and one line here. An
exporter reads the store (anything with `write` and `query`, e.g. `kg.store.GraphStore`), or,
if the module says `READS = "network"`, the cooperation network as a networkx graph. The
caller hands over the conversion from store to network (`kg.network.to_networkx`), so
`exports/` never imports `kg/` and `kg/` reaches the exporters only through this registry.
Store exporters may take `graphs=` (IRIs): only those named graphs, e.g. the documents of a period.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable

__all__ = ["FORMATS", "exporter", "export"]

# name → (module, file suffix, media type)
FORMATS = {
    "ttl": ("exports.rdf", ".ttl", "text/turtle"),
    "nt": ("exports.rdf", ".nt", "application/n-triples"),
    "nq": ("exports.rdf", ".nq", "application/n-quads"),
    "trig": ("exports.rdf", ".trig", "application/trig"),
    "jsonld": ("exports.rdf", ".jsonld", "application/ld+json"),
    "rdfxml": ("exports.rdf", ".rdf", "application/rdf+xml"),
    "html": ("exports.html_view", ".html", "text/html"),
    "gexf": ("exports.gexf", ".gexf", "application/gexf+xml"),
    "graphml": ("exports.graphml", ".graphml", "application/graphml+xml"),
}


def exporter(name: str):
    """The module that writes format `name` (imported on first use)."""
    if name not in FORMATS:
        raise KeyError(f"unknown format {name!r}; known: {', '.join(sorted(FORMATS))}")
    return importlib.import_module(FORMATS[name][0])


def export(store, name: str, path, network: Callable | None = None, graphs=None):
    """Write the graph in format `name` to `path`. `network(store)` makes the network for
    formats that draw it (html).

    >>> import tempfile, pathlib
    >>> export(None, "html", pathlib.Path(tempfile.mkdtemp()) / "g.html")
    Traceback (most recent call last):
    ...
    ValueError: format 'html' draws the network: pass network=, a function of the store
    """
    module = exporter(name)
    if getattr(module, "READS", "store") == "network":
        if network is None:
            raise ValueError(f"format {name!r} draws the network: pass network=, a function of the store")
        module.write(network(store), path, name)
    elif graphs is not None:
        module.write(store, path, name, graphs=graphs)
    else:
        module.write(store, path, name)
