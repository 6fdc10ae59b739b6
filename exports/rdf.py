"""The RDF serialisations Oxigraph writes natively."""
from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
            "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}
_QUAD_FORMATS = ("trig", "nq")


def write(store, path, name: str = "ttl", graphs=None):
    """Quad formats (trig, nq) keep each document's named graph; the others write the union.

    `graphs` (IRIs) limits the output to those named graphs, e.g. the documents of a period.
    """
    if graphs is None:
        store.write(path, _FORMATS[name])
        return
    quads = [q for g in dict.fromkeys(graphs) for q in store.store.quads_for_pattern(None, None, None, ox.NamedNode(g))]
    data = quads if name in _QUAD_FORMATS else list(dict.fromkeys(q.triple for q in quads))
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    kw = {"prefixes": store_prefixes(store)} if name in ("ttl", "trig") else {}
    ox.serialize(data, str(tmp), _FORMATS[name], **kw)
    os.replace(tmp, path)


def store_prefixes(store) -> dict:
    """The prefixes the store writes Turtle with (none, if it keeps none)."""
    return dict(getattr(store, "prefixes", None) or {})
