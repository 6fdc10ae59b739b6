"""Exporters by name: one module per format, found through one registry.

    >>> {"ttl", "trig", "jsonld"} <= set(FORMATS)
    True

Adding a format is adding a module with `write(store, path)` and one line here.
"""
from __future__ import annotations

import importlib

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
}


def exporter(name: str):
    if name not in FORMATS:
        raise KeyError(f"unknown format {name!r}; known: {', '.join(sorted(FORMATS))}")
    return importlib.import_module(FORMATS[name][0])


def export(store, name: str, path):
    """Write the store in format `name` to `path`."""
    exporter(name).write(store, path, name)
