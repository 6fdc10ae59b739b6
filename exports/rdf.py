"""The RDF serialisations Oxigraph writes natively."""
from __future__ import annotations

import pyoxigraph as ox

_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
            "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}


def write(store, path, name: str = "ttl"):
    """Quad formats (trig, nq) keep each document's named graph; the others write the union."""
    store.write(path, _FORMATS[name])
